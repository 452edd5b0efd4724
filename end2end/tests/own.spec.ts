// The sender's own page from the receipt link, in Chromium with and without JavaScript: the
// response changed (back to moderation) and withdrawn, a refusal shown by its field with the
// typed text kept; the privacy notice and cookie page, in Danish and Arabic; and a clerk's answer
// to an access request, downloaded as a ZIP. Each page axe-clean.
import fs from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { CLERK, HEARING, expectAccessible, logIn, withJavaScript, withoutJavaScript } from './helpers';

/** Sends a response that is never published (the demo's public pages stay as other tests expect
 * them), and returns its receipt's address. */
async function sent(page: Page, text: string, email: string): Promise<string> {
  const r = await page.request.post(`${HEARING}/svar`, {
    form: { text, name: 'Maja Egelund', email, sender_kind: 'private', publication: 'not_published', block: '' },
    maxRedirects: 0,
  });
  expect(r.status()).toBe(303);
  const receipt = r.headers()['location'];
  expect(receipt).toMatch(/^\/kvittering\/[0-9a-f]{64}$/);
  return receipt;
}

/** Changes the response on its receipt page to `text`, published without the name. */
async function change(page: Page, text: string) {
  // A refused change comes back with the form open already.
  if ((await page.locator('details.own-change').getAttribute('open')) === null) {
    await page.getByText('Ret dit svar').click();
  }
  await page.locator('#own-text').fill(text);
  await page.getByLabel('Ja, men uden mit navn').check();
  await page.getByRole('button', { name: 'Gem rettelsen' }).click();
}

test('a sender changes their response and then withdraws it', async ({ page }) => {
  withJavaScript(page, true);
  const receipt = await sent(page, 'Sprogskolen bør åbne om aftenen.', 'maja.js@example.dk');
  await page.goto(receipt);
  await expect(page.getByRole('heading', { name: 'Dit svar nu' })).toBeVisible();
  await expect(page.getByText('Venter på, at en medarbejder læser det.')).toBeVisible();
  await expectAccessible(page);

  await change(page, 'Sprogskolen bør åbne om aftenen og i weekenden.');
  await expect(page).toHaveURL(/\?rettet=1$/);
  await expect(page.getByRole('status').filter({ hasText: 'Dit svar er rettet' })).toBeVisible();
  await expect(page.locator('.receipt-text')).toHaveText('Sprogskolen bør åbne om aftenen og i weekenden.');
  await expect(page.getByText('Ja, men uden mit navn', { exact: true }).last()).toBeVisible();

  // Withdrawing without the tick is refused by the box, and nothing changes.
  await page.getByText('Træk dit svar tilbage').click();
  await page.getByRole('button', { name: 'Træk svaret tilbage' }).click();
  await expect(page.getByText('Sæt flueben, hvis du vil trække svaret tilbage.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Ja, træk mit svar tilbage').check();
  await page.getByRole('button', { name: 'Træk svaret tilbage' }).click();
  await expect(page.getByText('Du har trukket svaret tilbage.')).toBeVisible();
  await expect(page.getByText('Ret dit svar')).toHaveCount(0);
  await expectAccessible(page);
});

test('the privacy notice and the cookie page read in Danish and Arabic', async ({ page }) => {
  withJavaScript(page, true);
  await page.goto('/');
  await page.getByRole('link', { name: 'Privatlivspolitik' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Privatlivspolitik' })).toBeVisible();
  await expect(page.getByText(/Navne og e-mailadresser på høringssvar: 24 måneder/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Cookies' }).first().click();
  await expect(page.getByRole('table', { name: 'Sidens cookies' })).toContainText('hoering_session');
  await expectAccessible(page);
  await page.goto('/sprog/ar');
  for (const path of ['/privatliv', '/cookies']) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectAccessible(page);
  }
  await page.goto('/sprog/da');
});

test('a clerk answers an access request with a ZIP of what the address holds', async ({ page }) => {
  withJavaScript(page, true);
  await sent(page, 'Et svar til indsigtsanmodningen.', 'indsigt@example.dk');
  await logIn(page, CLERK.email);
  await page.getByRole('link', { name: 'Indsigt i personoplysninger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indsigt i personoplysninger' })).toBeVisible();
  await expectAccessible(page);
  // A wrong address is refused by the field, and kept.
  await page.getByLabel('E-mail').fill('indsigt at example');
  await page.getByRole('button', { name: 'Hent alt om adressen (ZIP)' }).click();
  await expect(page.locator('.field-error')).toBeVisible();
  await expect(page.getByLabel('E-mail')).toHaveValue('indsigt at example');
  await expectAccessible(page);
  await page.getByLabel('E-mail').fill('INDSIGT@example.dk');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent alt om adressen (ZIP)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^indsigt-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = fs.readFileSync(await download.path());
  // A ZIP starts "PK", and its overview names the address it answers for.
  expect(zip.subarray(0, 2).toString()).toBe('PK');
  expect(zip.includes(Buffer.from('indsigt.json'))).toBe(true);
});

withoutJavaScript('without JavaScript', () => {
  test('a sender changes their response with the plain form, an empty text refused and kept', async ({ page }) => {
    const receipt = await sent(page, 'Biblioteket bør have lektiecafé.', 'maja.plain@example.dk');
    await page.goto(receipt);
    await change(page, '   ');
    await expect(page.getByText('Skriv dit høringssvar')).toBeVisible();
    await expect(page.getByLabel('Ja, men uden mit navn')).toBeChecked();
    await expectAccessible(page);
    await change(page, 'Biblioteket bør have lektiecafé hver dag.');
    await expect(page.getByText('Dit svar er rettet')).toBeVisible();
    await expect(page.locator('.receipt-text')).toHaveText('Biblioteket bør have lektiecafé hver dag.');
  });
});
