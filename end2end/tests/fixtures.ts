// Every test runs with this `test`: an uncaught error in any page of the test's browser context
// fails the test. A browser bundle that throws while starting (as a broken wasm-opt pass made the
// release bundle do) leaves every page looking right and no island working; this makes it loud.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  context: async ({ context }, use) => {
    const errors: string[] = [];
    const watch = (page: import('@playwright/test').Page) =>
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(context);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
export type { Page } from '@playwright/test';
