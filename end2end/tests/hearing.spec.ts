// A citizen comments on one list item of the demo policy, the clerk publishes it, and the public
// sees it under that item: with JavaScript, and the citizen's part again without it.
import { expect, test, type Page } from './fixtures';
import { CLERK, HEARING, ITEM, block, expectAccessible, fillSender, withJavaScript, withoutJavaScript } from './helpers';

/** Sends the response form with no name and `email` as the address, and sees it refused. */
async function sendWithoutName(page: Page, email: string) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send høringssvar' }).click();
  await expect(page.getByRole('heading', { name: 'Der er noget, du skal rette' })).toBeVisible();
  await expect(page.locator('#name-error')).toContainText('Skriv dit navn');
}

async function fillResponse(page: Page, text: string) {
  await page.getByLabel('Dit høringssvar').fill(text);
  await fillSender(page, 'Amina Hassan', 'amina@example.dk');
}

async function commentOnItem(page: Page, text: string) {
  await page.goto('/');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Muligheder og medborgerskab – Integrationspolitik', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Integrationspolitik/);
  await expectAccessible(page);
  await block(page, ITEM).getByRole('link', { name: /Kommentér/ }).click();
  await expect(page.getByRole('heading', { name: 'Giv dit høringssvar' })).toBeVisible();
  await expect(page.locator('.quoted-block')).toContainText(ITEM);
  await expectAccessible(page);
  await fillResponse(page, text);
  await page.getByRole('button', { name: 'Send høringssvar' }).click();
  await expect(page.getByRole('heading', { name: 'Tak for dit høringssvar' })).toBeVisible();
  await expect(page.locator('.receipt-number')).toHaveText(/^H-\d{4}-\d{6}$/);
  await expect(page.locator('.receipt-text')).toHaveText(text);
  await expectAccessible(page);
}

async function clerkPublishes(page: Page, text: string) {
  await page.goto('/login');
  await expectAccessible(page);
  await page.getByLabel('E-mail').fill(CLERK.email);
  await page.getByLabel('Adgangskode').fill(CLERK.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { name: 'Høringer – sagsbehandling' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('table').getByRole('link', { name: 'Muligheder og medborgerskab – Integrationspolitik', exact: true }).click();
  const response = page.getByRole('article').filter({ hasText: text });
  await expect(response).toContainText('Afventer');
  await expectAccessible(page);
  await response.getByRole('button', { name: /Offentliggør/ }).click();
  await expect(page.getByRole('article').filter({ hasText: text })).toContainText('Offentliggjort');
}

test.describe('with JavaScript', () => {
  test.beforeEach(({ page }) => withJavaScript(page, true));
  test('a citizen comments on a list item, the clerk publishes it, the public sees it', async ({ page, context }) => {
    const text = 'Sprogstimulering bør starte i vuggestuen, ikke først i børnehaven.';
    await commentOnItem(page, text);
    await clerkPublishes(page, text);

    await context.clearCookies();
    await page.goto(HEARING);
    const item = block(page, ITEM);
    await item.getByRole('link', { name: /Vis svar \(1\)/ }).click();
    await expect(item.getByRole('article')).toContainText(text);
    await expect(item.getByRole('article')).toContainText('Amina Hassan');
    await expectAccessible(page);
    await page.screenshot({ path: 'screenshots/hearing-page.png', fullPage: true });
  });

  test('mistakes show at once, beside each field, without losing the text', async ({ page }) => {
    await page.goto(`${HEARING}/svar`);
    // The character counter appears only once the page has hydrated: this test is about the
    // browser-side check, not the server's.
    await page.getByLabel('Dit høringssvar').fill('Et svar uden navn');
    await expect(page.getByText('17 af 20.000 tegn')).toBeVisible();
    await sendWithoutName(page, 'ikke-en-adresse');
    await expect(page.locator('#email-error')).toContainText('Skriv en gyldig e-mailadresse');
    await expect(page.getByLabel('Dit høringssvar')).toHaveValue('Et svar uden navn');
    await expect(page).toHaveURL(new RegExp(`${HEARING}/svar$`));
    await expectAccessible(page);
  });

  test('quoted words that are not in the paragraph are caught before sending', async ({ page }) => {
    await page.goto(HEARING);
    await block(page, ITEM).getByRole('link', { name: /Kommentér/ }).first().click();
    await page.getByLabel('Dit høringssvar').fill('Sprog først');
    await expect(page.getByText('11 af 20.000 tegn')).toBeVisible();
    let posted = false;
    page.on('request', (r) => {
      if (r.method() === 'POST') posted = true;
    });
    await page.getByLabel('Citat fra afsnittet (valgfrit)').fill('ord der ikke står der');
    await fillSender(page, 'Amina Hassan', 'amina@example.dk');
    await page.getByRole('button', { name: 'Send høringssvar' }).click();
    await expect(page.locator('#quote-error')).toContainText('Vi kan ikke finde de ord i afsnittet');
    expect(posted).toBe(false);
    await expect(page.getByLabel('Citat fra afsnittet (valgfrit)')).toHaveValue('ord der ikke står der');
    await expectAccessible(page);
  });
});

withoutJavaScript('without JavaScript', () => {
  test('the same citizen flow works with plain HTML forms', async ({ page }) => {
    await commentOnItem(page, 'Uden JavaScript: husk lektiecaféerne i lokalområderne.');
    await page.goto(HEARING);
    await page.screenshot({ path: 'screenshots/hearing-page-nojs.png', fullPage: true });
  });

  test('the server sends the form back with errors and what was typed', async ({ page }) => {
    await page.goto(`${HEARING}/svar`);
    await page.getByLabel('Dit høringssvar').fill('Mit svar, som ikke må gå tabt');
    await sendWithoutName(page, 'amina@example');
    await expect(page.locator('#publication-error')).toContainText('Vælg, om vi må offentliggøre');
    await expect(page.getByLabel('Dit høringssvar')).toHaveValue('Mit svar, som ikke må gå tabt');
    await expect(page.getByLabel('E-mail')).toHaveValue('amina@example');
    await expectAccessible(page);
  });
});
