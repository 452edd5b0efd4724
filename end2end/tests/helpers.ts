// Shared steps: the accessibility check every visited page gets, and the demo's constants.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const HEARING = '/hoeringer/integrationspolitik';
export const ITEM = 'flere børn med minoritetsbaggrund skal lære dansk før skolestart';
export const CLERK = { email: 'sagsbehandler@demo.hoering.dk', password: 'demo-hoering-2026' };

/** Fails the test on any WCAG 2.1 A or AA violation axe-core finds on the page as it is now. */
export async function expectAccessible(page: Page) {
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
