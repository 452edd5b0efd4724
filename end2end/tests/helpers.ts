// Shared steps: the accessibility check every visited page gets, and the demo's constants.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const HEARING = '/hoeringer/integrationspolitik';
export const ITEM = 'flere børn med minoritetsbaggrund skal lære dansk før skolestart';
export const CLERK = { email: 'sagsbehandler@demo.hoering.dk', password: 'demo-hoering-2026' };

/** Fails the test on any WCAG 2.1 A or AA violation axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page) {
  if (!scriptsRun.get(page)) {
    return expectAccessibleWithoutScripts(page);
  }
  await checkWithAxe(page);
}

/** Pages whose test runs with JavaScript switched off are marked here by `withoutJavaScript`. */
const scriptsRun = new WeakMap<Page, boolean>();
export function withJavaScript(page: Page, on: boolean) {
  scriptsRun.set(page, on);
}

/**
 * axe-core needs JavaScript, so a page seen without it is checked as a copy: the same HTML, served
 * at the same address in a second page whose own app scripts are blocked (the styles still load).
 */
async function expectAccessibleWithoutScripts(page: Page) {
  const html = await page.content();
  const url = page.url();
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ locale: 'da-DK', javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route('**/pkg/hoering.js', (r) => r.abort());
    await copy.route('**/pkg/hoering.wasm', (r) => r.abort());
    await copy.route(url, (r) =>
      r.request().isNavigationRequest()
        ? r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : r.continue(),
    );
    await copy.goto(url);
    await checkWithAxe(copy);
  } finally {
    await context.close();
  }
}

async function checkWithAxe(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** The block of the draft whose text contains `text`. */
export function block(page: Page, text: string) {
  return page.locator('.block').filter({ hasText: text });
}
