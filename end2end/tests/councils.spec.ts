// The councils page: an admin sees Integrationsrådet, tries to seat someone who is not a council
// user (the reason shows by the field, the address kept) and creates a new council.
import { expect, test } from '@playwright/test';
import { CLERK, expectAccessible, withJavaScript } from './helpers';

test('an admin manages the councils', async ({ page }) => {
  withJavaScript(page, true);
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('admin@demo.hoering.dk');
  await page.getByLabel('Adgangskode').fill(CLERK.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/admin/);
  await page.goto('/admin/raad');
  await expect(page.getByRole('heading', { name: 'Integrationsrådet' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Tilføj medlem (e-mail)').first().fill(CLERK.email);
  await page.getByRole('button', { name: 'Tilføj Integrationsrådet' }).click();
  await expect(page.getByText('Brugeren har ikke rollen råd')).toBeVisible();
  await expect(page.getByLabel('Tilføj medlem (e-mail)').first()).toHaveValue(CLERK.email);
  await expectAccessible(page);
  await page.getByLabel('Navn, fx Handicaprådet').fill('Handicaprådet');
  await page.getByRole('button', { name: 'Opret rådet' }).click();
  await expect(page.getByRole('heading', { name: 'Handicaprådet' })).toBeVisible();
  await page.screenshot({ path: 'screenshots/councils.png', fullPage: true });
});

test('a council member lands on their own start page', async ({ page }) => {
  withJavaScript(page, true);
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('raad@demo.hoering.dk');
  await page.getByLabel('Adgangskode').fill(CLERK.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/raad$/);
  await expect(page.getByRole('heading', { name: 'Dine råd' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Formand' })).toContainText('Integrationsrådet');
  await expectAccessible(page);
});

test('a council member comments in the council’s own room', async ({ page }) => {
  withJavaScript(page, true);
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('raad@demo.hoering.dk');
  await page.getByLabel('Adgangskode').fill(CLERK.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(/\/raad$/);
  await page.getByRole('link', { name: /Integrationsrådet/ }).click();
  await expect(page.getByText('ses kun af rådets medlemmer og sagsbehandlerne')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Kommentar', { exact: true }).fill('Vi bør bede om tolkning ved alle borgermøder.');
  await page.getByRole('button', { name: 'Skriv kommentaren' }).click();
  await expect(page.locator('.council-comment').filter({ hasText: 'Vi bør bede om tolkning' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/council-workspace.png', fullPage: true });
  // The public hearing page never shows it.
  await page.goto('/hoeringer/integrationspolitik');
  await expect(page.getByText('Vi bør bede om tolkning')).toHaveCount(0);
});
