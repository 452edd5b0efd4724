// An association answers with a letter as a PDF: the file is chosen on the response form,
// scanned by a real clamd, named with its SHA-256 on the receipt; the clerk sees what the
// personal-data check found in it, withholds the letter and publishes the rest; the public
// downloads what it may. With JavaScript the chosen files are listed and can be taken out
// before sending; without it the plain form does the same work.
import { createHash } from 'node:crypto';
import { expect, test, type Page } from './fixtures';
import { CLERK, HEARING, expectAccessible, fillSender, logIn, withJavaScript } from './helpers';

/** A one-page PDF with these lines in Helvetica, as "save as PDF" writes a short letter. */
function pdf(lines: string[]): Buffer {
  const text = lines
    .map((l) => `(${l.replace(/[()\\]/g, (c) => `\\${c}`).replace(/[^\x00-\x7f]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)}) Tj T*`)
    .join('\n');
  const content = `BT /F1 12 Tf 72 770 Td 16 TL\n${text}\nET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const LETTER = pdf(['Roskilde Lektiecafe', 'Vi foreslaar en sprogmakkerordning.', 'Kontakt: Jonas Berg, 010190-1234']);
const APPENDIX = pdf(['Bilag 1: Aarsberetning 2026', 'Lektiecafeen havde 412 besoeg.']);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const file = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/pdf', buffer });

async function openForm(page: Page, text: string) {
  await page.goto(`${HEARING}/svar`);
  await page.getByLabel('Dit høringssvar').fill(text);
  await page.getByLabel('Navn', { exact: true }).fill('Jonas Berg');
  await page.getByLabel('E-mail').fill('jonas@example.dk');
  await page.getByLabel('Forening eller organisation').check();
  await page.getByLabel('Organisationens navn').fill('Roskilde Lektiecafé');
  await page.getByLabel('Ja, med mit navn').check();
}

async function receiptLists(page: Page, files: [string, Buffer][]) {
  await expect(page.getByRole('heading', { name: 'Tak for dit høringssvar' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Filer modtaget med dit svar' })).toBeVisible();
  for (const [name, bytes] of files) {
    await expect(page.locator('.receipt-files')).toContainText(name);
    await expect(page.locator('.receipt-files')).toContainText(sha256(bytes));
  }
  await expectAccessible(page);
  // A hash is long and unbroken: on a phone it wraps, and the page stays as wide as the screen.
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe('with JavaScript', () => {
  test.beforeEach(({ page }) => withJavaScript(page, true));

  test('chosen files are listed, too many are caught before sending, one is taken out', async ({ page }) => {
    await openForm(page, 'Se vores brev og bilaget.');
    const field = page.getByLabel('Vedhæft filer (valgfrit)');
    await field.setInputFiles([1, 2, 3, 4, 5, 6].map((n) => file(`fil-${n}.pdf`, APPENDIX)));
    await expect(page.locator('#files-error')).toContainText('Du kan højst vedhæfte 5 filer.');
    const chosen = page.getByRole('list', { name: 'Valgte filer' });
    await expect(chosen.getByRole('listitem')).toHaveCount(6);
    await expectAccessible(page);
    // Taking one out leaves five: the error goes.
    await chosen.getByRole('button', { name: 'Fjern fil-6.pdf' }).click();
    await expect(chosen.getByRole('listitem')).toHaveCount(5);
    await expect(page.getByText('Du kan højst vedhæfte 5 filer.')).toHaveCount(0);
    // The letter and its appendix are what is sent.
    await field.setInputFiles([file('høringssvar.pdf', LETTER), file('bilag.pdf', APPENDIX)]);
    await expect(chosen.getByRole('listitem')).toHaveCount(2);
    await page.getByRole('button', { name: 'Send høringssvar' }).click();
    await receiptLists(page, [['høringssvar.pdf', LETTER], ['bilag.pdf', APPENDIX]]);
    await page.screenshot({ path: 'screenshots/attachments-receipt.png', fullPage: true });
  });

  test('the clerk withholds the letter with the CPR number and publishes; the public downloads the appendix', async ({ page, context }) => {
    await logIn(page, CLERK.email);
    await page.goto(`/admin${HEARING}`);
    const response = page.getByRole('article').filter({ hasText: 'Se vores brev og bilaget.' });
    await expect(response).toContainText('CPR-nummer: 010190-1234');
    await expectAccessible(page);
    await response.getByLabel('Hvorfor skal filen ikke vises?').first().fill('Brevet indeholder afsenderens CPR-nummer.');
    await response.getByRole('button', { name: 'Tilbagehold filen høringssvar.pdf' }).click();
    const again = page.getByRole('article').filter({ hasText: 'Se vores brev og bilaget.' });
    await expect(again).toContainText('Tilbageholdt: Brevet indeholder afsenderens CPR-nummer.');
    await again.getByRole('button', { name: /Offentliggør/ }).click();
    await expect(page.getByRole('article').filter({ hasText: 'Se vores brev og bilaget.' })).toContainText('Offentliggjort');

    await context.clearCookies();
    await page.goto(`${HEARING}?vis=hele#svar-hele`);
    // The response is shown under the whole draft (and among the latest on the page).
    const shown = page.getByRole('article').filter({ hasText: 'Se vores brev og bilaget.' }).first();
    await expect(shown.getByRole('link', { name: 'bilag.pdf' })).toBeVisible();
    await expect(shown).not.toContainText('høringssvar.pdf');
    await expectAccessible(page);
    const href = await shown.getByRole('link', { name: 'bilag.pdf' }).getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(sha256(await download.body())).toBe(sha256(APPENDIX));
  });
});

test.describe('without JavaScript', () => {
  test.beforeEach(({ page }) => withJavaScript(page, false));

  test('a letter is sent with the plain form, and a program named .pdf is refused beside the field', async ({ page }) => {
    await openForm(page, 'Vores bemærkninger står i brevet.');
    const field = page.getByLabel('Vedhæft filer (valgfrit)');
    await field.setInputFiles([file('brev.pdf', Buffer.from('MZ\x90\x00 a program'))]);
    await page.getByRole('button', { name: 'Send høringssvar' }).click();
    await expect(page.locator('#files-error')).toContainText('ikke en PDF-, Word-, LibreOffice-, Excel-, JPEG- eller PNG-fil');
    await expect(page.getByLabel('Dit høringssvar')).toHaveValue('Vores bemærkninger står i brevet.');
    await expect(page.getByText('Vælg dem igen')).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Vedhæft filer (valgfrit)').setInputFiles([file('brev.pdf', LETTER)]);
    await page.getByRole('button', { name: 'Send høringssvar' }).click();
    await receiptLists(page, [['brev.pdf', LETTER]]);
  });

  test('a file with a virus refuses the response, and the text stays', async ({ page }) => {
    await openForm(page, 'Et svar med en inficeret fil.');
    const eicar = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
    await page.getByLabel('Vedhæft filer (valgfrit)').setInputFiles([file('brev.pdf', Buffer.from(`%PDF-1.4\n${eicar}`))]);
    await page.getByRole('button', { name: 'Send høringssvar' }).click();
    await expect(page.locator('#files-error')).toContainText('indeholder en virus');
    await expect(page.getByLabel('Dit høringssvar')).toHaveValue('Et svar med en inficeret fil.');
    await expectAccessible(page);
  });
});
