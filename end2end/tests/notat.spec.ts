// The høringsnotat: a clerk answers a campaign with one bemærkning and marks one response as
// leading to a change in the new version, a second clerk approves both and publishes, the
// DOCX and the PDF download, and the public reads "I sagde – vi gjorde". On its own policy,
// so the demo hearing the other tests use keeps its single version.
import { expect, test } from './fixtures';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { ADMIN, CLERK, expectAccessible, logIn, sendResponse, withJavaScript } from './helpers';

const SLUG = 'notatpolitik';
const CAMPAIGN =
  'Vi ønsker flere timer til danskundervisning for voksne, også om aftenen, så man kan passe sit arbejde ved siden af.';
const OWN = 'Sprogindsatsen bør starte allerede i vuggestuen, ikke først før skolestart.';

function hoering(args: string[]) {
  execFileSync('../target/debug/hoering', args, {
    env: {
      ...process.env,
      HOERING_DATABASE_URL: `sqlite:///tmp/hoering-e2e-${process.env.HOERING_E2E_PORT}.db`,
      HOERING_LOG: 'warn',
    },
  });
}

// The test's own database, where the hearing's deadline is moved into the past (the notat
// may be published only once the hearing is over).
function sql(statement: string) {
  execFileSync('sqlite3', [`/tmp/hoering-e2e-${process.env.HOERING_E2E_PORT}.db`, statement]);
}

function write(name: string, markdown: string) {
  const file = `/tmp/hoering-e2e-${process.env.HOERING_E2E_PORT}-${name}.md`;
  writeFileSync(file, markdown);
  return file;
}


test('a clerk answers a campaign and a change, a second clerk approves, the public reads the result', async ({ page, context }) => {
  test.setTimeout(120_000);
  withJavaScript(page, true);
  const original = readFileSync('../src/document/fixtures/integrationspolitik.md', 'utf8');
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  hoering([
    'import', write('notat-v1', original), '--slug', SLUG, '--title', 'Notatpolitik', '--committee', 'Udvalget',
    '--opens', day(-7), '--closes', day(21),
  ]);
  const block = original.includes('skal lære dansk før skolestart');
  expect(block).toBeTruthy();

  // Four citizens send the same campaign text, named in Turkish, Arabic and Ukrainian letters
  // (one Ukrainian chose to be anonymous); one writes her own on the paragraph.
  const NAMED = ['Ayşe Yılmaz', 'محمد الأحمد', 'Тарас Шевченко'];
  for (const [name, email, publication] of [
    [NAMED[0], 'ayse@example.dk', 'with_name'],
    [NAMED[1], 'mohammed@example.dk', 'with_name'],
    [NAMED[2], 'taras@example.dk', 'with_name'],
    ['Олена Коваленко', 'olena@example.dk', 'anonymous'],
  ]) {
    await sendResponse(page, { text: CAMPAIGN, name, email, sender_kind: 'private', publication, block: '' }, `/hoeringer/${SLUG}`);
  }
  const api = await (await page.request.get(`/api/v1/hearings/${SLUG}`)).json();
  const target = api.blocks.find((b: { text: string }) => b.text.includes('skal lære dansk før skolestart'));
  await sendResponse(page, { text: OWN, name: 'Amina Hassan', email: 'amina@example.dk', sender_kind: 'private', publication: 'with_name', block: target.number }, `/hoeringer/${SLUG}`);
  // After the hearing the draft changes where Amina pointed.
  hoering([
    'import', write('notat-v2', original.replace('skal lære dansk før skolestart', 'skal lære dansk allerede fra vuggestuen')),
    '--policy', SLUG, '--label', 'Efter høringen',
  ]);

  // One bemærkning for the whole campaign, from the campaigns page.
  await logIn(page, CLERK.email);
  await page.goto(`/admin/hoeringer/${SLUG}/grupper`);
  await page.getByRole('link', { name: 'Skriv én bemærkning til alle 4 svar' }).click();
  await expect(page.getByRole('heading', { name: 'Bemærkning til en kampagne' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);
  await page.getByLabel('Hvad blev sagt (sammenfatning til høringsnotatet)').fill('Ønsker flere timer til danskundervisning om aftenen.');
  await page.getByLabel('Administrationens bemærkning').fill('Aftenundervisning hører under sprogcentrets budget og behandles der.');
  await page.getByLabel('Giver ikke anledning til ændring').check();
  await page.getByRole('button', { name: 'Gem som udkast' }).click();
  await expect(page.getByRole('heading', { name: 'Høringsnotat', level: 1 })).toBeVisible();
  await expect(page.getByText('Kampagne: 4 ens svar')).toBeVisible();

  // Amina's response leads to a change: the changed paragraph of version 2 is picked.
  await page.goto(`/admin/hoeringer/${SLUG}?status=pending`);
  const amina = page.locator('article.admin-response').filter({ hasText: OWN });
  await amina.getByRole('link', { name: /^Skriv bemærkning/ }).click();
  await expect(page.getByRole('heading', { name: 'Bemærkning til et høringssvar' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Hvad blev sagt (sammenfatning til høringsnotatet)').fill('Ønsker sprogindsats allerede i vuggestuen.');
  await page.getByLabel('Administrationens bemærkning').fill('Forvaltningen er enig, og målsætningen er skærpet.');
  await page.getByLabel('Giver anledning til ændring', { exact: true }).check();
  await page.getByRole('button', { name: 'Gem som udkast' }).click();
  // Forgot the change: the reason shows by the field, and the text is kept.
  await expect(page.getByText('Vælg det afsnit i den nye version, der blev ændret.')).toBeVisible();
  await expect(page.getByLabel('Administrationens bemærkning')).toHaveValue('Forvaltningen er enig, og målsætningen er skærpet.');
  const change = page.getByLabel('Ændringen (ved "giver anledning til ændring")');
  const option = await change.locator('option', { hasText: 'allerede fra vuggestuen' }).getAttribute('value');
  await change.selectOption(option!);
  await page.getByRole('button', { name: 'Gem som udkast' }).click();
  await expect(page.getByText(/Giver anledning til ændring \(version 2, § /)).toBeVisible();
  await expect(page.getByText('En anden sagsbehandler skal godkende din bemærkning.').first()).toBeVisible();
  await expectAccessible(page);

  // A second clerk approves both and publishes the notat.
  await page.getByRole('button', { name: 'Log ud' }).click();
  await logIn(page, ADMIN.email);
  await page.goto(`/admin/hoeringer/${SLUG}/hoeringsnotat`);
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: /^Godkend/ }).first().click();
    await expect(page.getByRole('heading', { name: 'Høringsnotat', level: 1 })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: /^Godkend/ })).toHaveCount(0);
  // The hearing is still open: no button, and the page says why.
  await expect(page.getByText(/Høringsnotatet kan offentliggøres, når høringen er slut/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Offentliggør høringsnotatet' })).toHaveCount(0);
  // Every response is accounted for: the campaign's four and Amina's under their points.
  await expect(page.getByText('Alle høringssvar har en bemærkning eller er lagt til side.')).toBeVisible();
  sql(`UPDATE hearings SET closes_at = CAST(strftime('%s', 'now') AS INTEGER) - 60 WHERE slug = '${SLUG}'`);
  await page.reload();
  await page.getByRole('button', { name: 'Offentliggør høringsnotatet' }).click();
  await expect(page.getByText(/Udgave 1 blev offentliggjort/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/notat-admin.png', fullPage: true });

  // The public notat, and its downloads.
  await page.goto(`/hoeringer/${SLUG}/hoeringsnotat`);
  await expect(page.getByRole('heading', { name: 'Høringsnotat: Notatpolitik', level: 1 })).toBeVisible();
  await expect(page.getByText('Forvaltningen er enig, og målsætningen er skærpet.')).toBeVisible();
  // Named under her point and in the list of respondents (section 1.2); the campaign's
  // senders are named there as they chose, the anonymous one never.
  await expect(page.getByRole('heading', { name: 'Høringssvar modtaget fra' })).toBeVisible();
  for (const name of ['Amina Hassan', ...NAMED]) {
    await expect(page.locator('.notat-list li', { hasText: name })).toHaveCount(1);
  }
  await expect(page.locator('.notat-list li', { hasText: 'Anonym privatperson' })).toHaveCount(1);
  await expect(page.getByText('Олена Коваленко')).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/notat-public.png', fullPage: true });
  for (const [link, magic, name] of [
    ['Hent som Word (DOCX)', 'PK', 'hoeringsnotat.docx'],
    ['Hent som PDF', '%PDF', 'hoeringsnotat.pdf'],
  ]) {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: link }).click();
    const file = await (await download).path();
    expect(readFileSync(file!).subarray(0, magic.length).toString('latin1')).toBe(magic);
    // Kept beside the screenshots, to be opened in LibreOffice and looked at.
    await (await download).saveAs(`screenshots/${name}`);
  }
  // The PDF as a reader's tools get it: every name in its own letters, none garbled, the
  // anonymous sender nowhere.
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', 'screenshots/hoeringsnotat.pdf', '-']).toString();
  for (const name of ['Amina Hassan', ...NAMED]) expect(pdfText).toContain(name);
  expect(pdfText).not.toContain('Олена');
  expect(pdfText).not.toContain('?');

  // "I sagde – vi gjorde", read by someone who never logged in.
  await context.clearCookies();
  await page.goto(`/hoeringer/${SLUG}/resultat`);
  await expect(page.getByRole('heading', { name: 'I sagde – vi gjorde', level: 1 })).toBeVisible();
  await expect(page.getByText('Aftenundervisning hører under sprogcentrets budget og behandles der.')).toBeVisible();
  await expect(page.locator('ins', { hasText: 'allerede fra vuggestuen' }).first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/notat-result.png', fullPage: true });
});
