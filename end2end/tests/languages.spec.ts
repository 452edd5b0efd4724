// A reader of the integration policy who reads Arabic or Ukrainian: chooses the language in the
// header, reads the hearing (the draft stays Danish and says so), answers, and gets the receipt,
// with and without JavaScript. Every word checked comes from the language's own catalogue.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './fixtures';
import { HEARING, expectAccessible, withJavaScript, withoutJavaScript } from './helpers';

type Catalogue = Record<string, string>;
const catalogue = (code: string): Catalogue =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../app/locales', `${code}.json`), 'utf8'));
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(values[name]));

const LANGUAGES = [
  { code: 'ar', dir: 'rtl', text: 'أقترح دروسًا في اللغة الدنماركية للأمهات في المساء.' },
  { code: 'uk', dir: 'ltr', text: 'Пропоную вечірні курси данської мови для батьків.' },
];

async function chooseLanguage(page: Page, code: string) {
  await page.goto(HEARING);
  await page.getByRole('link', { name: catalogue(code).lang_name, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', code);
}

async function readAndAnswer(page: Page, code: string, dir: string, answer: string, js: boolean) {
  const t = catalogue(code);
  await chooseLanguage(page, code);
  await expect(page.locator('html')).toHaveAttribute('dir', dir);
  // The switch names every language in itself and marks the one in use.
  const languages = page.getByRole('list', { name: t.language_choice_label });
  for (const other of ['da', 'en', 'ar', 'uk']) {
    await expect(languages.getByRole('link', { name: catalogue(other).lang_name, exact: true })).toBeVisible();
  }
  await expect(languages.getByRole('link', { name: t.lang_name, exact: true })).toHaveAttribute('aria-current', 'true');
  // The draft is Danish, marked so, and the page says so in the reader's language.
  await expect(page.getByText(t.draft_in_danish_notice)).toBeVisible();
  await expect(page.locator('.document')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('navigation').getByRole('link', { name: t.nav_policies, exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `screenshots/${code}-hearing-${js ? 'js' : 'nojs'}.png`, fullPage: true });

  await page.goto(`${HEARING}/svar`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.respond_title);
  // A mistake comes back beside its field, in the reader's language, with the text kept.
  await page.getByLabel(t.label_text).fill(answer);
  if (js) {
    const max = `20${t.number_thousands_separator}000`;
    await expect(page.getByText(fill(t.char_count, { count: [...answer].length, max }))).toBeVisible();
  }
  await page.getByRole('button', { name: t.submit_response }).click();
  await expect(page.locator('#name-error')).toContainText(t.err_name_required);
  await expect(page.getByLabel(t.label_text)).toHaveValue(answer);
  await expectAccessible(page);
  await page.screenshot({ path: `screenshots/${code}-respond-errors-${js ? 'js' : 'nojs'}.png`, fullPage: true });

  await page.getByLabel(t.label_name, { exact: true }).fill(code === 'ar' ? 'فاطمة الزهراء' : 'Олена Коваленко');
  await page.getByLabel(t.label_email).fill(`${code}@example.dk`);
  await page.getByLabel(t.sender_private).check();
  await page.getByLabel(t.publication_with_name).check();
  await page.getByRole('button', { name: t.submit_response }).click();
  await expect(page.getByRole('heading', { name: t.receipt_title })).toBeVisible();
  await expect(page.locator('.receipt-number')).toHaveText(/^H-\d{4}-\d{6}$/);
  await expect(page.locator('.receipt-text')).toHaveText(answer);
  await expectAccessible(page);
  await page.screenshot({ path: `screenshots/${code}-receipt-${js ? 'js' : 'nojs'}.png`, fullPage: true });

  await page.goto('/politikker/integrationspolitik');
  await expect(page.locator('html')).toHaveAttribute('lang', code);
  await expectAccessible(page);
  await page.screenshot({ path: `screenshots/${code}-policy-${js ? 'js' : 'nojs'}.png`, fullPage: true });
}

for (const { code, dir, text } of LANGUAGES) {
  test.describe(`${code}, with JavaScript`, () => {
    test.beforeEach(({ page }) => withJavaScript(page, true));
    test(`a reader in ${code} reads, answers and gets the receipt`, async ({ page }) => {
      await readAndAnswer(page, code, dir, text, true);
    });
    test(`${code} on a phone: nothing wider than the screen`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      await chooseLanguage(page, code);
      for (const url of [HEARING, `${HEARING}/svar`, '/politikker/integrationspolitik']) {
        await page.goto(url);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, url).toBeLessThanOrEqual(360);
        await page.screenshot({ path: `screenshots/${code}-360-${url.split('/').pop()}.png`, fullPage: true });
      }
    });
  });
  withoutJavaScript(`${code}, without JavaScript`, () => {
    test(`a reader in ${code} reads, answers and gets the receipt without scripts`, async ({ page }) => {
      await readAndAnswer(page, code, dir, text, false);
    });
  });
}
