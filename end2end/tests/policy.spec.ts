// A clerk takes a new policy from draft to "Vedtaget i Byrådet" through the road's forms, with
// and without JavaScript; the public timeline then shows each step with its date. The demo's
// 2019–2020 road of the integration policy is shown as adopted on 29 January 2020.
import { expect, test, type Page } from './fixtures';
import { CLERK, expectAccessible, logIn, withJavaScript, withoutJavaScript } from './helpers';

const MARKDOWN = `# Grønne byrum

## Formål

Kommunen vil have flere grønne byrum, tæt på hvor folk bor.

- Træer langs alle nye veje.
- Regnbede i stedet for kantsten.
`;

/** Today in Copenhagen as the Danish long date the pages print ("30. november 2026"). */
function todayLong(): string {
  return new Intl.DateTimeFormat('da-DK', {
    timeZone: 'Europe/Copenhagen',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date());
}

/** The day `n` days before today in Copenhagen, `YYYY-MM-DD`. */
function isoDaysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
}

async function login(page: Page) {
  await logIn(page, CLERK.email);
  await expect(page.getByRole('heading', { name: 'Høringer – sagsbehandling' })).toBeVisible();
}

/** The step form whose heading is `heading`. */
function stepForm(page: Page, heading: string) {
  return page.locator('.step-form').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
}

async function takeStep(page: Page, heading: string, button: string, fill?: (form: ReturnType<typeof stepForm>) => Promise<void>) {
  const form = stepForm(page, heading);
  await expect(form).toBeVisible();
  if (fill) await fill(form);
  await form.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Næste skridt' })).toBeVisible();
  await expect(page.locator('.error-summary')).toHaveCount(0);
}

async function decide(page: Page, body: string, votes?: [string, string, string]) {
  await takeStep(page, `Beslutning: ${body}`, 'Registrér beslutningen', async (form) => {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
    await form.getByLabel('Mødedato').fill(today);
    await form.getByLabel('Punkt nr.').fill('5');
    await form.getByLabel('Dagsordenspunkt').fill('Politik for grønne byrum');
    if (votes) {
      await form.getByLabel('For', { exact: true }).fill(votes[0]);
      await form.getByLabel('Imod', { exact: true }).fill(votes[1]);
      await form.getByLabel('Undlod', { exact: true }).fill(votes[2]);
    }
  });
}

async function roadToAdoption(page: Page, slug: string, shot: string) {
  await login(page);
  await page.goto('/admin/hoeringer/ny');
  await page.getByLabel('Udkastet (Markdown)').fill(MARKDOWN);
  await page.getByLabel('Webadresse').fill(slug);
  await page.getByLabel('Udvalg', { exact: true }).fill('Teknik- og Miljøudvalget');
  await page.getByRole('button', { name: 'Opret høring' }).click();
  // Without dates it is a draft: the clerk lands on the policy's road.
  await expect(page).toHaveURL(new RegExp(`/admin/politikker/${slug}$`));
  await expect(page.locator('.status-banner')).toHaveText('Nuværende fase: Udarbejdelse');
  // Before anything is frozen, the hearing cannot come: the page says why.
  await expect(page.locator('.refused-step').first()).toBeVisible();
  await expectAccessible(page);

  await takeStep(page, 'Gå videre til Dialogmøde', 'Gå videre til Dialogmøde');
  await takeStep(page, 'Lås en version', 'Lås versionen');
  await takeStep(page, 'Gå videre til Udvalgsbehandling til høring', 'Gå videre til Udvalgsbehandling til høring');
  await decide(page, 'Fagudvalget');
  // A hearing recorded after it ran (its last day was yesterday): the policy may move on at
  // once. One still open holds it in Høring, which the server tests check.
  await takeStep(page, 'Gå videre til Høring', 'Gå videre til Høring', async (form) => {
    await form.getByLabel('Høringen åbner').fill(isoDaysAgo(21));
    await form.getByLabel('Høringsfrist').fill(isoDaysAgo(1));
  });
  await takeStep(page, 'Gå videre til Høringsnotat', 'Gå videre til Høringsnotat');
  // No committee recommendation before the høringsnotat exists: refused, with the reason.
  await expect(page.locator('.refused-step').filter({ hasText: 'Gå videre til Udvalgsbehandling (indstilling)' })).toContainText('høringsnotat');
  await expectAccessible(page);
  await page.screenshot({ path: `screenshots/clerk-${shot}`, fullPage: true });
  await takeStep(page, 'Høringsnotatet er klar', 'Registrér høringsnotatet');
  await takeStep(page, 'Gå videre til Udvalgsbehandling (indstilling)', 'Gå videre til Udvalgsbehandling (indstilling)');
  await decide(page, 'Fagudvalget');
  await takeStep(page, 'Gå videre til Økonomiudvalget', 'Gå videre til Økonomiudvalget');
  await decide(page, 'Økonomiudvalget');
  await takeStep(page, 'Gå videre til Byrådet', 'Gå videre til Byrådet');
  await decide(page, 'Byrådet', ['25', '4', '2']);
  await takeStep(page, 'Offentliggør den vedtagne politik', 'Offentliggør');
  await expect(page.locator('.status-banner')).toHaveText(`Vedtaget i Byrådet den ${todayLong()}`);

  // The public page: the adoption, and every stage on the timeline with its date.
  await page.getByRole('link', { name: 'Den offentlige side' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grønne byrum');
  await expect(page.locator('.status-banner')).toHaveText(`Vedtaget i Byrådet den ${todayLong()}`);
  const timeline = page.locator('.timeline > li');
  await expect(timeline).toHaveCount(9);
  for (const stage of ['Udarbejdelse', 'Dialogmøde', 'Høring', 'Høringsnotat', 'Byrådet', 'Offentliggjort']) {
    const item = timeline.filter({ has: page.getByRole('heading', { name: stage, exact: true }) });
    await expect(item.locator('.timeline-when')).toContainText(todayLong());
  }
  await expect(page.getByText('25 for, 4 imod, 2 undlod at stemme')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `screenshots/${shot}`, fullPage: true });
}

test.describe('with JavaScript', () => {
  test.beforeEach(({ page }) => withJavaScript(page, true));
  test('a clerk takes a new policy from draft to adoption; the public sees the road', async ({ page }) => {
    await roadToAdoption(page, 'groenne-byrum', 'policy-page.png');
  });

  test('the demo shows the integration policy adopted on 29 January 2020, and the list finds it', async ({ page }) => {
    await page.goto('/politikker');
    await expectAccessible(page);
    await page.getByLabel('Søg i titel og udvalg').fill('integrationspolitik 2020');
    await page.getByRole('button', { name: 'Søg' }).click();
    const card = page.locator('.card').filter({ hasText: 'Integrationspolitik 2020' });
    await expect(card).toContainText('Vedtaget i Byrådet den 29. januar 2020');
    await card.getByRole('link').click();
    await expect(page.locator('.status-banner')).toHaveText('Vedtaget i Byrådet den 29. januar 2020');
    await expectAccessible(page);
    await page.screenshot({ path: 'screenshots/policy-2020.png', fullPage: true });
  });
});

withoutJavaScript('without JavaScript', () => {
  test('the same road with plain forms', async ({ page }) => {
    await roadToAdoption(page, 'groenne-byrum-uden-js', 'policy-page-no-js.png');
  });

  test('a citizen asks a question and is told when the answer comes', async ({ page }) => {
    await page.goto('/politikker/integrationspolitik');
    await page.getByLabel('Dit navn').fill('Leyla Öz');
    await page.getByLabel(/Din e-mail/).fill('leyla@example.dk');
    await page.getByLabel('Dit spørgsmål').fill('Hvornår starter de nye sprogkurser?');
    await page.getByRole('button', { name: 'Send spørgsmålet' }).click();
    await expect(page.getByRole('status')).toContainText('Tak for dit spørgsmål. Du får svar senest');
    await expectAccessible(page);
  });
});
