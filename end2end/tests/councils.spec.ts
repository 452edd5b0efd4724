// The councils page: an admin sees Integrationsrådet, tries to seat someone who is not a council
// user (the reason shows by the field, the address kept) and creates a new council.
import { expect, type Page, test } from './fixtures';
import { CLERK, expectAccessible, logIn, withJavaScript } from './helpers';

test('an admin manages the councils', async ({ page }) => {
  withJavaScript(page, true);
  await logIn(page, 'admin@demo.hoering.dk');
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
  await logIn(page, 'raad@demo.hoering.dk', /\/raad$/);
  await expect(page.getByRole('heading', { name: 'Dine råd' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Formand' })).toContainText('Integrationsrådet');
  await expectAccessible(page);
});

test('a council member comments in the council’s own room', async ({ page }) => {
  withJavaScript(page, true);
  await logIn(page, 'raad@demo.hoering.dk', /\/raad$/);
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

const WORKSPACE = '/raad/hoeringer/integrationspolitik/integrationsraadet';

test('two members discuss, write the joint response together, and the chair submits it', async ({ browser }) => {
  // Two people at two machines: the chair and a member of Integrationsrådet.
  const chairContext = await browser.newContext({ locale: 'da-DK' });
  const memberContext = await browser.newContext({ locale: 'da-DK' });
  const chair = await chairContext.newPage();
  const member = await memberContext.newPage();
  withJavaScript(chair, true);
  withJavaScript(member, true);
  try {
    await logIn(chair, 'raad@demo.hoering.dk', /\/raad$/);
    await logIn(member, 'medlem@demo.hoering.dk', /\/raad$/);

    // The chair comments on a paragraph; the member replies in the thread.
    await chair.goto(WORKSPACE);
    // The search field the island puts in place of the plain select once it is awake: typing
    // into the select before that fails at once (seen in a full run).
    const picker = chair.getByRole('combobox', { name: 'Afsnit' }).and(chair.locator('input'));
    await picker.fill('skolestart');
    await picker.press('ArrowDown');
    await picker.press('Enter');
    // The paragraph picked is shown in full before the comment is written.
    await expect(chair.locator('#kommentar-block-text')).toContainText('skolestart');
    await expect(chair.locator('#kommentar-block-text')).toContainText(', punkt ');
    await chair.getByLabel('Kommentar', { exact: true }).fill('Afsnittet bør nævne tolkning.');
    await chair.getByRole('button', { name: 'Skriv kommentaren' }).click();
    const thread = chair.locator('.council-comment').filter({ hasText: 'Afsnittet bør nævne tolkning.' });
    await expect(thread).toBeVisible();
    await member.goto(WORKSPACE);
    const original = member.locator('.council-comment').filter({ hasText: 'Afsnittet bør nævne tolkning.' });
    await original.getByLabel('Svar til Amina Hassan').fill('Enig, også ved forældremøder.');
    await original.getByRole('button', { name: 'Svar' }).click();
    await expect(member.locator('.council-comment').filter({ hasText: 'Enig, også ved forældremøder.' })).toBeVisible();
    await chair.reload();
    await expect(chair.locator('.council-comment').filter({ hasText: 'Enig, også ved forældremøder.' })).toBeVisible();

    // Both have version 1 of the joint response open. The member saves first.
    await chair.goto(WORKSPACE);
    await member.goto(WORKSPACE);
    const field = (page: Page) => page.getByLabel('Rådets svar', { exact: true });
    await field(member).fill('Integrationsrådet støtter politikken og ønsker tolkning ved alle møder.');
    await member.getByRole('button', { name: 'Gem rådets svar' }).click();
    await expect(member.locator('#faelles-status')).toContainText('Version 2 · Jonas Holm');

    // The chair's copy is stale: the save is refused, with both texts, and nothing is lost.
    await field(chair).fill('Integrationsrådet støtter politikken og ønsker mentorer i praktikken.');
    await chair.getByRole('button', { name: 'Gem rådets svar' }).click();
    const refusal = chair.getByRole('alert').filter({ hasText: 'Nogen har gemt en nyere version, mens du skrev' });
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText('ønsker tolkning ved alle møder');
    await expect(refusal.locator('ins')).toContainText('mentorer');
    await expect(field(chair)).toHaveValue('Integrationsrådet støtter politikken og ønsker mentorer i praktikken.');
    await expectAccessible(chair);
    await chair.screenshot({ path: 'screenshots/council-stale-edit.png', fullPage: true });

    // The chair merges both and saves on the newest version.
    await field(chair).fill('Integrationsrådet støtter politikken og ønsker tolkning ved alle møder og mentorer i praktikken.');
    await chair.getByRole('button', { name: 'Gem rådets svar' }).click();
    await expect(chair.locator('#faelles-status')).toContainText('Version 3 · Amina Hassan');

    // The history compares any two versions.
    await chair.getByRole('link', { name: 'Se ændringen 3' }).click();
    await expect(chair.getByRole('heading', { name: 'Fra version 2 til version 3' })).toBeVisible();
    await expect(chair.locator('#sammenlign ins')).toContainText('mentorer');
    await expectAccessible(chair);

    // The chair submits it as the council's response.
    await chair.getByLabel('Dit navn (rådets kontaktperson)').fill('Amira Hassan');
    await chair.getByRole('button', { name: 'Indsend rådets høringssvar' }).click();
    await expect(chair.locator('#faelles-status')).toContainText('afventer sagsbehandlerens gennemsyn');
    await expect(chair.getByRole('button', { name: 'Gem rådets svar' })).toHaveCount(0);
    await expectAccessible(chair);
    await chair.screenshot({ path: 'screenshots/council-submitted.png', fullPage: true });

    // The member sees it sent and can no longer change it.
    await member.reload();
    await expect(member.locator('#faelles-status')).toContainText('Indsendt');
    await expect(member.getByRole('button', { name: 'Gem rådets svar' })).toHaveCount(0);
  } finally {
    await chairContext.close();
    await memberContext.close();
  }
});

test('the clerk finds the council’s response in the queue', async ({ page }) => {
  withJavaScript(page, true);
  await logIn(page, CLERK.email);
  await page.goto('/admin/hoeringer/integrationspolitik');
  const response = page.locator('li').filter({ hasText: 'ønsker tolkning ved alle møder og mentorer i praktikken' }).last();
  await expect(response).toBeVisible();
  await expect(response).toContainText('Integrationsrådet');
  await expectAccessible(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a member picks a paragraph from options cited as the public page cites them, and sees it', async ({ page }) => {
    withJavaScript(page, false);
    await logIn(page, 'medlem@demo.hoering.dk', /\/raad$/);
    await page.goto(WORKSPACE);
    const select = page.getByLabel('Afsnit', { exact: true });
    const labels = await select.locator('option').allTextContents();
    expect(labels.some((l) => /^\d+\.\d+, punkt \d+ · /.test(l))).toBe(true);
    expect(labels.filter((l) => /^\d+\.\d+\.\d+ /.test(l))).toEqual([]);
    // A comment sent without words comes back with the paragraph chosen, shown in full.
    const item = labels.find((l) => l.includes('skolestart'))!;
    await select.selectOption({ label: item });
    await page.getByRole('button', { name: 'Skriv kommentaren' }).click();
    await expect(page.locator('#kommentar-block-text')).toContainText('skolestart');
    await expect(page.locator('#kommentar-block-text blockquote')).not.toContainText('…');
    await expectAccessible(page);
  });
});

test('a published discussion shows the members by name, never by e-mail address', async ({ page }) => {
  withJavaScript(page, true);
  // The previous test had the chair submit; publishing is the chair's, once the council decides.
  await logIn(page, 'raad@demo.hoering.dk', /\/raad$/);
  await page.goto(WORKSPACE);
  await page.getByLabel('Rådet har besluttet at offentliggøre drøftelsen').check();
  await page.getByRole('button', { name: 'Offentliggør drøftelsen' }).click();
  await expect(page.getByText('Rådet har offentliggjort sin drøftelse')).toBeVisible();
  const reader = await page.context().browser()!.newPage();
  try {
    await reader.goto(WORKSPACE);
    await expect(reader.locator('.council-comment').first()).toBeVisible();
    await expect(reader.locator('main')).toContainText('Amina Hassan');
    await expect(reader.locator('main')).not.toContainText('@demo.hoering.dk');
  } finally {
    await reader.close();
  }
});
