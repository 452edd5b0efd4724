// Dialogue meetings in the browser: a clerk records five inputs from the tables by keyboard
// alone (the key presses besides the input's own words are counted), they stand at their blocks
// on the public hearing page, labelled; a citizen signs up, reads the confirmation (from the
// outbox, as the demo has no mail server) and cancels; without JavaScript the plain form works.
import { expect, test, type Page } from './fixtures';
import { CLERK, HEARING, ITEM, expectAccessible, inOutbox, logIn, withJavaScript } from './helpers';

const MEETING = 'Sig din mening om integrationspolitikken';


/** A block number as every page cites it: "3.4.1" is "3.4, punkt 1". */
function cited(number: string): string {
  return number.replace(/^(\d+)\.(\d+)\.(\d+)$/, '$1.$2, punkt $3');
}

/** The demo hearing's blocks: number and text. */
async function blocks(page: Page): Promise<{ number: string; text: string }[]> {
  const r = await page.request.get('/api/v1/hearings/integrationspolitik');
  return (await r.json()).blocks;
}

async function openClerkMeetingPage(page: Page) {
  await page.goto('/admin/politikker/integrationspolitik');
  await page.getByRole('link', { name: MEETING }).click();
  await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
}

/** A keyboard that counts every key press it makes. */
function countingKeyboard(page: Page) {
  let presses = 0;
  return {
    get presses() {
      return presses;
    },
    async press(key: string) {
      presses += 1;
      await page.keyboard.press(key);
    },
    /** Types `text` one key per character (counted). */
    async type(text: string) {
      presses += [...text].length;
      await page.keyboard.type(text);
    },
    /** Types the input's own words: not overhead, so not counted. */
    async words(text: string) {
      await page.keyboard.type(text);
    },
  };
}

test.describe('dialogue meetings', () => {
  test('a clerk records five inputs by keyboard alone, and they stand at their blocks', async ({ page }) => {
    withJavaScript(page, true);
    await logIn(page, CLERK.email);
    await openClerkMeetingPage(page);
    // The search field the island puts in place of the plain select once it is awake: typing
    // into the select before that fails at once (seen in a full run).
    const picker = page.getByRole('combobox', { name: 'Afsnit' }).and(page.locator('input'));
    await expect(picker).toBeVisible(); // hydrated: the search-as-you-type field
    await expect(picker).toBeFocused();
    await expectAccessible(page);

    const all = await blocks(page);
    const item = all.find((b) => b.text.startsWith(ITEM))!;
    const others = all.filter((b) => b.number.includes('.') && b.number !== item.number).slice(0, 3);
    const kb = countingKeyboard(page);
    const texts = [
      'Sprogstøtte skal også nå forældrene.',
      'Flere aftenhold i dansk.',
      'Mentorer til nye elever.',
      'Foreningerne mangler frivillige.',
      'Praktik fører til job.',
    ];

    // 1: the first entry also sets the group and the table (kept for the next ones).
    await kb.type(item.number);
    await kb.press('Tab');
    await kb.words(texts[0]);
    await kb.press('Tab');
    await kb.type('Fri'); // the group select jumps to "Frivillig forening"
    await kb.press('Tab');
    await kb.type('Bord 3');
    await kb.press('Enter');
    const recorded = page.locator('.recorded-inputs li');
    await expect(recorded.first()).toContainText(texts[0]);
    await expect(picker).toBeFocused();
    await expect(picker).toHaveValue('');

    // 2–4: by number, Tab, the words, Ctrl+Enter.
    for (let i = 0; i < 3; i++) {
      await kb.type(others[i].number);
      await kb.press('Tab');
      await kb.words(texts[i + 1]);
      await kb.press('Control+Enter');
      await expect(recorded.first()).toContainText(texts[i + 1]);
      await expect(recorded.first()).toContainText('Bord 3');
      await expect(picker).toBeFocused();
    }

    // 5: by words of the block, searched as you type; arrow down and Enter choose it.
    await kb.type('skolestart');
    const option = page.getByRole('option').first();
    // A list item is cited as the public page cites it, not by its raw number.
    await expect(option).toContainText(cited(item.number));
    await kb.press('ArrowDown');
    await kb.press('Enter');
    await expect(picker).toHaveValue(item.number);
    // The chosen paragraph's whole text stands under the field.
    await expect(page.locator('#input-block-text')).toContainText(item.text);
    await expect(page.locator('#input-block-text')).toContainText(cited(item.number));
    await kb.press('Tab');
    await kb.words(texts[4]);
    await kb.press('Control+Enter');
    await expect(recorded.first()).toContainText(texts[4]);
    await expect(recorded).toHaveCount(5);

    const perEntry = kb.presses / 5;
    console.log(`meeting input: ${kb.presses} key presses of overhead for 5 entries (${perEntry.toFixed(1)} each)`);
    // The first entry sets group and table (16 presses); the others need the number, Tab and
    // Ctrl+Enter: 5 or 6 presses, or 13 by words.
    expect(perEntry).toBeLessThanOrEqual(10);
    await page.screenshot({ path: 'screenshots/meeting-input.png', fullPage: true });

    // On the public page, at the block, labelled with the meeting and the group; no names.
    await page.goto(`${HEARING}?vis=${item.number}`);
    const label = page.getByText(/Fra dialogmødet \d+\. \w+ \d{4} · Frivillige foreninger/).first();
    await expect(label).toBeVisible();
    await expect(page.getByText(texts[0])).toBeVisible();
    await expect(page.getByText(texts[4])).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: 'screenshots/meeting-input-public.png', fullPage: true });
  });

  test('a citizen signs up, reads the confirmation and cancels', async ({ page, browser }) => {
    withJavaScript(page, true);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Kommende dialogmøder' })).toBeVisible();
    await page.getByRole('link', { name: MEETING }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: 'screenshots/meeting-page.png', fullPage: true });

    // A mistake first: no consent. The form comes back with the name kept.
    await page.getByLabel('Navn').fill('Hodan Ali');
    await page.getByLabel('E-mail').fill('hodan@example.dk');
    await page.getByLabel('Borger', { exact: true }).check();
    await page.getByLabel('Jeg har brug for tolk').check();
    await page.getByLabel('Tolk til hvilket sprog').fill('somali');
    await page.getByRole('button', { name: 'Tilmeld mig' }).click();
    await expect(page.getByText('Sæt kryds for at give samtykke')).toBeVisible();
    await expect(page.getByLabel('Navn')).toHaveValue('Hodan Ali');
    await expectAccessible(page);
    await page.getByLabel(/Jeg giver samtykke/).check();
    await page.getByRole('button', { name: 'Tilmeld mig' }).click();
    await expect(page.getByRole('heading', { name: 'Du er tilmeldt' })).toBeVisible();
    await expect(page.getByText('somali')).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: 'screenshots/meeting-signup.png', fullPage: true });

    // The confirmation, as the admin reads it in the outbox.
    const link = await inOutbox(browser, 'hodan@example.dk', async (admin) => {
      await expect(admin.getByText('Der er ingen mailserver sat op')).toBeVisible();
      await expectAccessible(admin);
      await admin.getByRole('link', { name: `Du er tilmeldt: ${MEETING}` }).click();
      const mail = admin.locator('.mail-text');
      await expect(mail).toContainText('Kære Hodan Ali');
      await expect(mail).toContainText('Du får denne e-mail, fordi');
      await expectAccessible(admin);
      await admin.screenshot({ path: 'screenshots/outbox-message.png', fullPage: true });
      return (await mail.textContent())!.match(/https?:\/\/\S+\/tilmelding\/[0-9a-f]+/)![0];
    });

    // The link in the mail: see the sign-up, and cancel it.
    await page.goto(new URL(link).pathname);
    await expect(page.getByRole('heading', { name: 'Du er tilmeldt' })).toBeVisible();
    await page.getByRole('button', { name: 'Afmeld mig' }).click();
    await expect(page.getByRole('heading', { name: 'Din tilmelding er afmeldt' })).toBeVisible();
    await expectAccessible(page);
  });

  test('minutes wait for the meeting, and a name in them is shown to the clerk before they are saved', async ({ page }) => {
    withJavaScript(page, true);
    await logIn(page, CLERK.email);
    // The coming meeting: no minutes yet, and the text typed stays.
    await openClerkMeetingPage(page);
    const minutes = page.getByLabel('Referat (Markdown)');
    await minutes.fill('Vi talte om sprog.');
    await page.getByRole('button', { name: 'Gem referat' }).click();
    await expect(page.getByText('Referatet kan først gemmes, når mødet har fundet sted.')).toBeVisible();
    await expect(page.getByLabel('Referat (Markdown)')).toHaveValue('Vi talte om sprog.');

    // The 2019 meeting has taken place: a participant named is caught, and saved only once confirmed.
    await page.goto('/admin/politikker/integrationspolitik-2020');
    await page.getByRole('link', { name: 'Dialogmøde om integrationspolitikken' }).click();
    // On the 2019 meeting's own page before typing: its field holds the minutes saved then.
    await expect(page.getByRole('heading', { level: 1, name: 'Dialogmøde om integrationspolitikken' })).toBeVisible();
    await expect(page.getByLabel('Referat (Markdown)')).toHaveValue(/Omkring 60 deltog/);
    const text = 'Ved bord 2 fortalte Fatima Ali om sprogcaféerne.';
    await page.getByLabel('Referat (Markdown)').fill(text);
    await page.getByRole('button', { name: 'Gem referat' }).click();
    await expect(page.getByText('Referatet ser ud til at indeholde personoplysninger')).toBeVisible();
    await expect(page.locator('#referat-fund mark')).toHaveText('Fatima Ali');
    await expect(page.getByLabel('Referat (Markdown)')).toHaveValue(text);
    await expectAccessible(page);
    await page.screenshot({ path: 'screenshots/meeting-minutes-name.png', fullPage: true });
    await page.getByLabel('Referat (Markdown)').fill('Ved bord 2 fortalte en deltager om sprogcaféerne.');
    await page.getByRole('button', { name: 'Gem referat' }).click();
    await expect(page.getByText('Referatet ser ud til at indeholde personoplysninger')).toHaveCount(0);
    await expect(page.getByLabel('Referat (Markdown)')).toHaveValue('Ved bord 2 fortalte en deltager om sprogcaféerne.');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the input form is a plain form that keeps the group and table', async ({ page }) => {
      withJavaScript(page, false);
      await logIn(page, CLERK.email);
      await openClerkMeetingPage(page);
      const select = page.getByLabel('Afsnit');
      await expect(select).toBeFocused();
      const item = (await blocks(page)).find((b) => b.text.startsWith(ITEM))!;
      // The options cite list items as the public page does.
      await expect(select.locator(`option[value="${item.number}"]`)).toHaveText(new RegExp(`^${cited(item.number).replace('.', '\\.')} · `));
      await select.selectOption(item.number);
      await page.getByLabel('Input', { exact: true }).fill('Uden JavaScript går det også.');
      await page.getByLabel('Gruppe', { exact: true }).selectOption('social_forening');
      await page.getByLabel('Bord eller gruppe').fill('Bord 8');
      await page.getByRole('button', { name: 'Gem input' }).click();
      await expect(page.locator('.recorded-inputs li').first()).toContainText('Uden JavaScript går det også.');
      await expect(page.getByLabel('Bord eller gruppe')).toHaveValue('Bord 8');
      await expect(page.getByLabel('Gruppe', { exact: true })).toHaveValue('social_forening');
      await expectAccessible(page);
      await page.screenshot({ path: 'screenshots/meeting-input-nojs.png', fullPage: true });
    });
  });
});
