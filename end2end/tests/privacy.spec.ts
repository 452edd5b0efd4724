// Personal data on the clerk's queue: a response holding a CPR number is flagged, publishing it
// plainly is refused, the clerk redacts the number with the keyboard alone, and the public sees
// only the redacted text; the original stays for clerks, on the record.
import { expect, test, type Page } from './fixtures';
import { CLERK, HEARING, expectAccessible, logIn, selectWords, sendResponse, withJavaScript } from './helpers';

const CPR = '020385-4321';
const TEXT = `Min datter (CPR ${CPR}) har ventet et år på danskundervisning. Skriv til mig på mor@example.dk.`;

/** Sends a response as the plain form sends it, and opens the clerk's queue of those pending. */
async function sendToTheQueue(page: Page, form: Record<string, string>) {
  await sendResponse(page, form);
  await logIn(page, CLERK.email);
  await page.goto('/admin/hoeringer/integrationspolitik?status=pending');
}

test('a clerk redacts a CPR number by keyboard before publishing', async ({ page }) => {
  withJavaScript(page, true);
  // A citizen's response, sent as the plain form sends it.
  await sendToTheQueue(page, {
      text: TEXT,
      name: 'Hodan Ali',
      email: 'hodan@example.dk',
      sender_kind: 'private',
      publication: 'with_name',
      block: '',
    });
  const response = page.locator('article.admin-response').filter({ hasText: 'har ventet et år på danskundervisning' });
  const flags = response.getByRole('group', { name: /Mulige personoplysninger/ });
  await expect(flags).toContainText(`CPR-nummer: ${CPR}`);
  await expect(flags).toContainText('E-mailadresse: mor@example.dk');
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/privacy-flags.png', fullPage: true });

  // A plain publish is refused with the reason by the response.
  await response.getByRole('button', { name: /^Offentliggør/ }).click();
  const refused = page.locator('article.admin-response').filter({ hasText: 'har ventet et år på danskundervisning' });
  await expect(refused.getByText('Svaret indeholder et CPR-nummer')).toBeVisible();

  // The keyboard alone: focus the flag's button and press Enter.
  await refused.getByRole('button', { name: `Skjul CPR-nummer ${CPR}` }).focus();
  await page.keyboard.press('Enter');
  const redacted = page.locator('article.admin-response').filter({ hasText: 'har ventet et år på danskundervisning' });
  await expect(redacted.locator('.response-text')).toContainText('(CPR [skjult])');
  await expect(redacted.getByText('Redigeret')).toBeVisible();
  await expect(redacted.getByRole('group', { name: /Mulige personoplysninger/ })).not.toContainText('CPR-nummer');
  await expectAccessible(page);

  // Any other words: select them in the response, and the form to redact them opens with them.
  await expect(async () => {
    await selectWords(redacted.locator('.response-text'), 'Min datter');
    await expect(redacted.getByLabel('Ordene, der skal skjules')).toHaveValue('Min datter', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await redacted.getByRole('button', { name: 'Skjul passagen' }).click();
  await expect(page.locator('article.admin-response').filter({ hasText: 'har ventet et år på danskundervisning' }).locator('.response-text'))
    .toContainText('[skjult] (CPR [skjult])');

  // Published now; the public never sees the number.
  await redacted.getByRole('button', { name: /^Offentliggør/ }).click();
  await page.goto(`${HEARING}?vis=hele`);
  await expect(page.getByText('har ventet et år på danskundervisning')).toBeVisible();
  await expect(page.getByText(CPR)).toHaveCount(0);

  // The clerk can read the original; the reading is in the journal.
  await page.goto('/admin/hoeringer/integrationspolitik?status=published');
  await page.locator('article.admin-response').filter({ hasText: 'har ventet et år på danskundervisning' })
    .getByRole('link', { name: /Se originalen/ }).click();
  await expect(page.getByText(TEXT)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Originalen læst' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/privacy-original.png', fullPage: true });
});

test('everything said about a paragraph, read and moderated with the keyboard', async ({ page }) => {
  withJavaScript(page, true);
  await sendToTheQueue(page, {
      text: 'Vores virksomhed vil gerne tage flere i praktik, hvis kommunen hjælper med sprog.',
      name: 'Lars Holm',
      email: 'lars@firma.example',
      sender_kind: 'company',
      organisation: 'Holm Byg ApS',
      publication: 'with_name',
      block: '2.4',
    });
  await page.locator('article.admin-response').filter({ hasText: 'flere i praktik' })
    .getByRole('link', { name: '2.4', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Afsnit 2.4', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: /^Virksomhed/ }).click();
  await expect(page).toHaveURL(/type=company/);
  const item = page.locator('article.admin-response').filter({ hasText: 'flere i praktik' });
  await expect(item).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/paragraph-page.png', fullPage: true });
  // j goes to the first response, o publishes it.
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await expect(page.locator('li.reading-item').first()).toBeFocused();
  await page.keyboard.press('o');
  await expect(page.locator('article.admin-response').filter({ hasText: 'flere i praktik' }).locator('.badge-published')).toBeVisible();

  // The overview shows where the debate was, as a chart and as tables.
  await page.goto('/admin/hoeringer/integrationspolitik');
  await page.getByRole('link', { name: 'Overblik' }).click();
  await expect(page.getByRole('heading', { name: 'Hvor var debatten?' })).toBeVisible();
  await expect(page.getByRole('img', { name: /De afsnit, der fik mest input/ })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Virksomhed' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/overview.png', fullPage: true });
});

test('a clerk opens a campaign group and sees what differs', async ({ page }) => {
  withJavaScript(page, true);
  const letter =
    'Vi ønsker, at kommunen åbner en lektiecafé på biblioteket hver eftermiddag, så alle børn kan få hjælp til lektierne uanset hvilket sprog forældrene taler derhjemme. Frivillige står klar til at hjælpe.';
  for (const text of [letter, letter.replace('hver eftermiddag', 'alle hverdage'), `${letter} Hilsen Yusuf.`]) {
    await sendResponse(page, { text, name: 'Forælder', email: 'foraelder@example.dk', sender_kind: 'private', publication: 'anonymous', block: '' });
  }
  await logIn(page, CLERK.email);
  await page.goto('/admin/hoeringer/integrationspolitik');
  await page.getByRole('link', { name: 'Kampagner og kopier' }).click();
  const group = page.locator('section.group').filter({ hasText: 'lektiecafé på biblioteket' });
  await expect(group.getByRole('heading', { name: /· 3 svar/ })).toBeVisible();
  await group.locator('summary').click();
  await expect(group.locator('ins').filter({ hasText: 'alle hverdage' })).toBeVisible();
  await expect(group.locator('ins').filter({ hasText: 'Hilsen Yusuf' })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/campaign-group.png', fullPage: true });

  // The clerk tags the three copies at once, then sees them by their tag.
  await page.goto('/admin/hoeringer/integrationspolitik?status=pending');
  // Typing before the page has hydrated can lose the text to hydration: wait for the scripts.
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Nyt mærke').fill('Lektiecafé');
  await page.getByRole('button', { name: 'Opret mærket', exact: true }).click();
  const copies = page.locator('article.admin-response').filter({ hasText: 'lektiecafé på biblioteket' });
  await expect(copies).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await copies.nth(i).getByRole('checkbox', { name: /Vælg/ }).check();
  }
  await page.getByLabel('Mærke til de valgte svar').selectOption({ label: 'Lektiecafé' });
  await page.getByRole('button', { name: 'Sæt mærket på' }).click();
  await page.getByRole('link', { name: 'Lektiecafé (3)' }).click();
  await expect(page.locator('article.admin-response')).toHaveCount(3);
  await expect(page.locator('article.admin-response .badge-tag').first()).toHaveText('Lektiecafé');
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/tags.png', fullPage: true });
});

test('the public searches the hearing and finds word forms, marked', async ({ page }) => {
  withJavaScript(page, true);
  await page.goto(HEARING);
  await page.getByLabel('Søg i udkastet og svarene').fill('integrationen');
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await expect(page).toHaveURL(/\/soeg\?q=integrationen/);
  await expect(page.getByRole('heading', { name: 'I udkastet' })).toBeVisible();
  await expect(page.locator('.search-snippet mark').first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/search.png', fullPage: true });
});
