// The høringsliste in the browser: a clerk pastes parties from a spreadsheet onto the open demo
// hearing, they are invited at once (the invitation read from the outbox, as the demo has no
// mail server), a party says "ingen bemærkninger" through its link, and the public hearing page
// lists the organisations only.
import { expect, test } from './fixtures';
import { CLERK, HEARING, expectAccessible, inOutbox, logIn, withJavaScript } from './helpers';



test('a clerk pastes the list, a party declines through its link, the public sees organisations', async ({ page, browser }) => {
  withJavaScript(page, true);
  await logIn(page, CLERK.email);
  await page.goto(`/admin${HEARING}`);
  await page.getByLabel('Tilføj parter').fill(
    'Organisation;Kontaktperson;E-mail;Type\n' +
      'Frivilligcenter Roskilde;Birthe Holm;birthe@frivilligcenter.example;forening\n' +
      'Ungdomsrådet;;ungdomsraadet@roskilde.example;råd og nævn\n' +
      'Uden adresse;;;forening\n',
  );
  await page.getByRole('button', { name: 'Tilføj til høringslisten' }).click();
  // The readable lines are stored (and invited, the hearing being open); the other comes back.
  await expect(page.getByText('2 parter er tilføjet. Linje 4 kunne ikke læses')).toBeVisible();
  await expect(page.getByLabel('Tilføj parter')).toHaveValue('Uden adresse;;;forening');
  const list = page.locator('#hoeringsliste').locator('..');
  await expect(list.getByRole('rowheader', { name: 'Frivilligcenter Roskilde' })).toBeVisible();
  await expect(list.getByRole('cell', { name: /^Inviteret \d+\. \w+ \d{4}$/ }).first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/hoeringsliste-clerk.png', fullPage: true });

  // The invitation, as the admin reads it in the outbox.
  const link = await inOutbox(browser, 'birthe@frivilligcenter.example', async (admin) => {
    await admin.getByRole('link', { name: /Invitation til høring/ }).click();
    const mail = admin.locator('.mail-text');
    await expect(mail).toContainText('Kære Birthe Holm');
    return (await mail.textContent())!.match(/https?:\/\/\S+\/hoeringsliste\/[0-9a-f]+/)![0];
  });

  // The party's own page: respond, or say there are no comments.
  await page.goto(new URL(link).pathname);
  await expect(page.getByText('Frivilligcenter Roskilde er inviteret til at give høringssvar')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Giv høringssvar' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Vi har ingen bemærkninger' }).click();
  await expect(page.getByText('I har meldt, at I ingen bemærkninger har')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/hoeringsliste-party.png', fullPage: true });

  // The public hearing page lists the organisations, never a contact or an address.
  await page.goto(HEARING);
  const publicList = page.locator('.party-list');
  await expect(publicList).toContainText('Ungdomsrådet');
  await expect(publicList).toContainText('Frivilligcenter Roskilde');
  await expect(page.getByText('Birthe Holm')).toHaveCount(0);
  await expect(page.getByText('birthe@frivilligcenter.example')).toHaveCount(0);
});
