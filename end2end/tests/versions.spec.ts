// A comment on a phrase of version 1 follows its words: to their new place in version 2, where
// the sentence was edited and the paragraph moved, and under "Tekst fjernet" once version 3
// deletes the paragraph. New versions are added the clerk's command-line way.
import { expect, test } from './fixtures';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { CLERK, HEARING, block, expectAccessible, fillSender, logIn, selectWords, withJavaScript } from './helpers';

const PARAGRAPH = 'Uddannelse og læring er vigtige forudsætninger for at skabe lige muligheder for alle.';
const EDITED = 'Uddannelse og livslang læring er afgørende forudsætninger for at skabe lige muligheder for alle.';
const PHRASE = 'vigtige forudsætninger for at skabe lige muligheder';

function addVersion(markdown: string, label: string) {
  const file = `/tmp/hoering-e2e-${process.env.HOERING_E2E_PORT}-${label.replace(/\W/g, '')}.md`;
  writeFileSync(file, markdown);
  execFileSync('../target/debug/hoering', ['import', file, '--policy', 'integrationspolitik', '--label', label], {
    env: {
      ...process.env,
      HOERING_DATABASE_URL: `sqlite:///tmp/hoering-e2e-${process.env.HOERING_E2E_PORT}.db`,
      HOERING_LOG: 'warn',
    },
  });
}

test('a comment on a phrase follows its words through later versions', async ({ page, context }) => {
  withJavaScript(page, true);
  const original = readFileSync('../src/document/fixtures/integrationspolitik.md', 'utf8');
  const paragraph = original.split('\n\n').find((p) => p.startsWith('Uddannelse og læring'));
  expect(paragraph).toBeTruthy();

  // Version 1: comment on a phrase of the paragraph.
  // Version 1: select a phrase of the paragraph and comment on exactly those words.
  await page.goto(HEARING);
  const target = block(page, 'Uddannelse og læring er vigtige');
  // The page may still be loading its script: select again until it offers the link.
  await expect(async () => {
    await selectWords(target.locator('.block-body'), PHRASE, 'p');
    await expect(target.getByRole('link', { name: 'Kommentér de markerede ord' })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000 });
  await target.getByRole('link', { name: 'Kommentér de markerede ord' }).click();
  await expect(page.getByLabel('Citat fra afsnittet (valgfrit)')).toHaveValue(PHRASE);
  await page.getByLabel('Dit høringssvar').fill('Husk også voksne, der skal lære dansk.');
  await fillSender(page, 'Jonas Berg', 'jonas@example.dk');
  await page.getByRole('button', { name: 'Send høringssvar' }).click();
  await expect(page.getByRole('heading', { name: 'Tak for dit høringssvar' })).toBeVisible();

  // The clerk publishes it.
  await logIn(page, CLERK.email);
  await page.getByRole('table').getByRole('link', { name: 'Muligheder og medborgerskab – Integrationspolitik', exact: true }).click();
  const response = page.getByRole('article').filter({ hasText: 'Husk også voksne' });
  await response.getByRole('button', { name: /Offentliggør/ }).click();
  await expect(page.getByRole('article').filter({ hasText: 'Husk også voksne' })).toContainText('Offentliggjort');
  await context.clearCookies();

  // Version 2: the sentence edited and the paragraph moved to the end of the next section.
  const withoutParagraph = original.replace(`${paragraph}\n\n`, '');
  const v2 = withoutParagraph.replace(
    '## Medborgerskab og fællesskaber',
    `${paragraph!.replace(PARAGRAPH, EDITED)}\n\n## Medborgerskab og fællesskaber`,
  );
  addVersion(v2, 'Efter høringen');
  await page.goto(`${HEARING}/version/2`);
  const moved = block(page, 'Uddannelse og livslang læring');
  await moved.getByRole('link', { name: 'Vis svar (1)' }).click();
  await expect(moved).toContainText('Givet til version 1');
  await expect(moved).toContainText('Husk også voksne, der skal lære dansk.');
  await expect(moved.locator('.words-then')).toContainText(PHRASE);
  await expect(moved.locator('.word-diff ins').first()).toBeVisible();
  await expect(moved.locator('.word-diff del').first()).toContainText('vigtige');
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/version-2.png', fullPage: true });

  // Version 3: the paragraph deleted.
  addVersion(withoutParagraph, 'Endelig tekst');
  await page.goto(`${HEARING}/version/3`);
  const removed = page.getByRole('region', { name: 'Tekst fjernet' });
  await removed.getByRole('link', { name: 'Vis svar (1)' }).click();
  await expect(removed).toContainText('tekst fjernet i version 3');
  await expect(removed).toContainText(PHRASE);
  await expect(removed).toContainText('Husk også voksne, der skal lære dansk.');
  await expectAccessible(page);

  // "Hvad er ændret?" from the hearing's text to version 2: the paragraph moved, not deleted.
  await page.goto(`${HEARING}/aendringer?til=2`);
  await expect(page.getByRole('heading', { name: 'Hvad er ændret?', level: 1 })).toBeVisible();
  await expect(page.getByText(/Flyttet fra 3\.2 til 4\.\d/)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Side om side').check();
  await page.getByRole('button', { name: 'Vis ændringer' }).click();
  await expect(page.getByRole('table')).toContainText('livslang');
  await expectAccessible(page);
  await page.screenshot({ path: 'screenshots/changes-side-by-side.png', fullPage: true });
});
