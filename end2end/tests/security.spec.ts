// What a reviewer tried: a hearing whose title is markup shows it as text, with the page's
// Content-Security-Policy on and the page still hydrating under it.
import { expect, test } from './fixtures';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expectAccessible, withJavaScript } from './helpers';

const TITLE = 'Plan </title><img src=x onerror=alert(1)>';

test('a hostile title is shown as text, and nothing runs', async ({ page }) => {
  withJavaScript(page, true);
  const file = `/tmp/hoering-e2e-${process.env.HOERING_E2E_PORT}-hostile.md`;
  writeFileSync(
    file,
    `---\nslug: hostile\ncommittee: Udvalget\nopens: 2026-01-05\ncloses: 2099-01-05\n---\n# ${TITLE}\n\n## Del\n\nEt afsnit om planen.\n`,
  );
  execFileSync('../target/debug/hoering', ['import', file], {
    env: {
      ...process.env,
      HOERING_DATABASE_URL: `sqlite:///tmp/hoering-e2e-${process.env.HOERING_E2E_PORT}.db`,
      HOERING_LOG: 'warn',
    },
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) violations.push(m.text());
  });
  const response = await page.goto('/hoeringer/hostile');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' 'nonce-");
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page).toHaveTitle(`${TITLE} – hoering`);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  // The page hydrates under the policy: the comment link's script works.
  await page.goto('/hoeringer/hostile/svar');
  await page.getByLabel('Dit høringssvar').fill('Hej');
  await expect(page.getByText('3 af 20.000 tegn')).toBeVisible();
  expect(dialogs).toEqual([]);
  expect(violations).toEqual([]);
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/hostile-title.png', fullPage: true });
});
