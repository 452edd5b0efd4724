// A clerk's draft arrives as a Word or LibreOffice file: it is read into Markdown, shown with
// what did not come along before anything is stored, and a file that is not a draft is refused
// next to the field with what was typed kept. With JavaScript and without.
import path from 'node:path';
import { expect, test, type Page } from './fixtures';
import { CLERK, expectAccessible, logIn, withJavaScript, withoutJavaScript } from './helpers';

const FIXTURES = path.join(__dirname, '../../server/src/import/fixtures');

async function importDraft(page: Page, file: string, slug: string) {
  await logIn(page, CLERK.email);
  await page.goto('/admin/hoeringer/ny');
  await page.getByLabel('Eller upload en fil').setInputFiles(path.join(FIXTURES, file));
  await page.getByRole('button', { name: 'Opret høring' }).click();
  // Read, not stored: the report, the Markdown to check and the preview of its passages.
  await expect(page).toHaveURL(/\/admin\/hoeringer\/ny/);
  await expect(page.getByRole('heading', { name: 'Læst ind fra dokumentet' })).toBeVisible();
  await expect(page.getByLabel('Udkastet (Markdown)')).toHaveValue(/^# Muligheder og medborgerskab\n/);
  await expect(page.getByLabel('Udkastet (Markdown)')).toHaveValue(/\n- flere børn med minoritetsbaggrund skal lære dansk/);
  const preview = page.locator('.preview');
  await expect(preview.getByRole('heading', { name: 'Muligheder og medborgerskab', exact: true })).toBeVisible();
  await expect(preview).toContainText('3.4, punkt 1');
  await expectAccessible(page);
  await page.screenshot({ path: `screenshots/import-${file}.png`, fullPage: true });
  // The clerk saves the text as it now stands in the field, with what a Word file cannot
  // say (the committee; the title comes from the first heading).
  await page.getByLabel('Webadresse').fill(slug);
  await page.getByLabel('Udvalg', { exact: true }).fill('Beskæftigelses- og Socialudvalget');
  await page.getByRole('button', { name: 'Opret høring' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/politikker/${slug}$`));
}

async function refusedFile(page: Page) {
  await logIn(page, CLERK.email);
  await page.goto('/admin/hoeringer/ny');
  await page.getByLabel('Udkastet (Markdown)').fill('# Mit udkast\n\nSkrevet i hånden.');
  await page.getByLabel('Eller upload en fil').setInputFiles({
    name: 'politik.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from('MZ\x90\x00 this program was renamed .docx'),
  });
  await page.getByRole('button', { name: 'Opret høring' }).click();
  await expect(page.locator('#file-error')).toContainText('Filen er et program, ikke et dokument');
  await expect(page.getByLabel('Eller upload en fil')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Udkastet (Markdown)')).toHaveValue('# Mit udkast\n\nSkrevet i hånden.');
  await expectAccessible(page);
}

test.describe('with JavaScript', () => {
  test.beforeEach(({ page }) => withJavaScript(page, true));
  test('a Word file becomes a draft after the clerk has seen it', async ({ page }) => {
    await importDraft(page, 'integrationspolitik.docx', 'fra-word');
  });
  test('a program renamed .docx is refused next to the field', async ({ page }) => {
    await refusedFile(page);
  });
});

withoutJavaScript('without JavaScript', () => {
  test('a LibreOffice file becomes a draft after the clerk has seen it', async ({ page }) => {
    await importDraft(page, 'integrationspolitik.odt', 'fra-libreoffice');
  });
  test('a program renamed .docx is refused next to the field', async ({ page }) => {
    await refusedFile(page);
  });
});
