// Shared steps: the accessibility check every visited page gets, and the demo's constants.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { test } from './fixtures';

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

/** The tests `body` declares, as a group `title` whose pages run with JavaScript switched off. */
export function withoutJavaScript(title: string, body: () => void) {
  test.describe(title, () => {
    test.use({ javaScriptEnabled: false });
    test.beforeEach(({ page }) => withJavaScript(page, false));
    body();
  });
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

export const ADMIN = { email: 'admin@demo.hoering.dk', password: CLERK.password };

/** Logs `email` in through the login page (the demo's password) and waits for their start page. */
export async function logIn(page: Page, email: string, startPage: RegExp = /\/admin/) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(CLERK.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(startPage);
}

/**
 * Reads the mails to `recipient` in the outbox as the admin, in a browser context of its own (so
 * the test's own page keeps its session); `read` looks at the outbox page and returns what the
 * test needs from it.
 */
export async function inOutbox<T>(browser: Browser, recipient: string, read: (admin: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ locale: 'da-DK' });
  try {
    const admin = await context.newPage();
    withJavaScript(admin, true);
    await logIn(admin, ADMIN.email);
    await admin.goto(`/admin/post?til=${encodeURIComponent(recipient)}`);
    return await read(admin);
  } finally {
    await context.close();
  }
}

/** Sends a response to `hearing` as the plain HTML form does, and expects the way to the receipt. */
export async function sendResponse(page: Page, form: Record<string, string>, hearing = HEARING) {
  const sent = await page.request.post(`${hearing}/svar`, { form, maxRedirects: 0 });
  expect(sent.status()).toBe(303);
}

/** Fills in the response form's sender: a private person, published with their name. */
export async function fillSender(page: Page, name: string, email: string) {
  await page.getByLabel('Navn', { exact: true }).fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Privatperson').check();
  await page.getByLabel('Ja, med mit navn').check();
}

/**
 * Selects `words` in the first text of `element` (or of its first `within` element) as a mouse
 * would, and lets go of the pointer there.
 */
export async function selectWords(element: Locator, words: string, within?: string) {
  await element.evaluate(
    (el, [words, within]) => {
      const node = (within ? el.querySelector(within)! : el).firstChild!;
      const start = node.textContent!.indexOf(words);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + words.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      el.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    },
    [words, within ?? ''] as const,
  );
}
