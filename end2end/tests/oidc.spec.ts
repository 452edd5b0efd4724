// Staff sign in with the municipality's account: the login page sends them to the identity
// provider (node-oidc-provider, started by the config beside hoering), they sign in there, and
// hoering lets them in with the role the provider's roles claim maps to.
import { expect, test } from './fixtures';
import { expectAccessible, withJavaScript } from './helpers';

async function signInAtProvider(page: import('./fixtures').Page, account: string) {
  await page.getByRole('link', { name: 'Log ind med Kommunens login' }).click();
  await expect(page.getByRole('heading', { name: 'Test identity provider: sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(account);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

for (const js of [true, false]) {
  test(`a clerk signs in with the municipality's account (${js ? 'with' : 'without'} JavaScript)`, async ({ page }) => {
    withJavaScript(page, js);
    await page.goto('/admin/raad');
    await expect(page).toHaveURL(/\/login\?next=/);
    await expectAccessible(page);
    await signInAtProvider(page, 'admin');
    await expect(page).toHaveURL(/\/admin\/raad$/);
    await expect(page.getByText('it@kommune.example')).toBeVisible();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page.getByText('Du er logget ud af høringssystemet.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Log også ud hos Kommunens login' })).toBeVisible();
    await expectAccessible(page);
  });
}

test('a council member signs in and is seated by the provider', async ({ page }) => {
  withJavaScript(page, true);
  await page.goto('/login');
  await signInAtProvider(page, 'member');
  await expect(page).toHaveURL(/\/raad$/);
  await expect(page.getByRole('heading', { name: 'Dine råd' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Integrationsrådet' }).first()).toBeVisible();
  await expect(page.getByText('Du sidder ikke i et råd')).toHaveCount(0);
});

test('a person without a role in hoering is told why', async ({ page }) => {
  withJavaScript(page, true);
  await page.goto('/login');
  await signInAtProvider(page, 'nobody');
  await expect(page.getByRole('alert')).toContainText('Din konto hos kommunen har ingen rolle i høringssystemet');
  await expectAccessible(page);
});
