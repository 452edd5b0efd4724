// What axe cannot see (WCAG 2.1 AA): every page of the demo reflows at 360 px, Danish content is
// marked Danish in an English page, the response form's counter speaks only at its thresholds,
// errors say "Error" in English, focus lands where the keyboard goes on (after a plain-form
// save, after a refused publication or step), and targets are large enough to hit.
import fs from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { ADMIN, CLERK, HEARING, logIn, withJavaScript } from './helpers';

const COUNCIL = { chair: 'raad@demo.hoering.dk', member: 'medlem@demo.hoering.dk' };
const PHONE = { width: 360, height: 780 };

/** Links not to follow: downloads, feeds, the API, language switches and sign-out. */
function followable(href: string): boolean {
  return !(
    /\.(docx|pdf|xlsx|csv|ics|atom|html|zip|json)$/.test(href) ||
    /^\/(api|sprog|logout|pkg|logo|feeds)\b/.test(href) ||
    href.startsWith('/_fn') ||
    // Off to the identity provider: its pages are not ours (oidc.spec.ts signs in through it).
    href.startsWith('/login/oidc')
  );
}

/**
 * One page state per route and query: `/hoeringer/x?vis=3` and `?vis=4` are the same state;
 * numbered routes keep their number (meeting 1 and 2 are different pages).
 */
function stateOf(url: URL): string {
  const keys = [...new Set([...url.searchParams.keys()])].sort().join('&');
  return `${url.pathname}?${keys}`;
}

/** Every element wider than the page, for the failure message: tag, class and width. */
async function overflowing(page: Page, width: number): Promise<string[]> {
  return page.evaluate((width) => {
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && r.width > 0) {
        // Only the outermost: its children are counted in it.
        const parent = el.parentElement?.getBoundingClientRect();
        if (parent && parent.right > width + 0.5) continue;
        out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.right)}px`);
      }
    }
    return out;
  }, width);
}

/** How many page states the sweeps visited, for the run's log. */
let swept = 0;

/**
 * Visits every page reachable by links from `start` (same site, GET only) at the page's width,
 * and returns the pages whose document is wider than the screen. Reaching `limit` pages is a
 * failure too: a sweep that stops early says nothing about the pages it did not reach.
 */
async function sweep(page: Page, start: string[], seen: Set<string>, limit = 300): Promise<string[]> {
  const failures: string[] = [];
  const queue = [...start];
  let visited = 0;
  const width = page.viewportSize()!.width;
  while (queue.length > 0) {
    const next = queue.shift()!;
    const url = new URL(next, page.url() === 'about:blank' ? 'http://x' : page.url());
    const state = stateOf(url);
    if (seen.has(state)) continue;
    seen.add(state);
    if (visited === limit) {
      failures.push(`more than ${limit} pages: ${url.pathname} and others not swept`);
      break;
    }
    const response = await page.goto(url.pathname + url.search);
    visited += 1;
    swept += 1;
    if (!response || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    failures.push(...(await tooWide(page, width)));
    const links = await page.locator('a[href^="/"]:not([download])').evaluateAll((as) =>
      as.map((a) => a.getAttribute('href')!),
    );
    for (const href of links) {
      if (followable(href.split('#')[0].split('?')[0])) queue.push(href.split('#')[0]);
    }
  }
  return failures;
}

/** The page as it is now, if its document is wider than `width`: where and what overflows. */
async function tooWide(page: Page, width: number): Promise<string[]> {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scroll <= width) return [];
  const url = new URL(page.url());
  return [`${url.pathname}${url.search} (${await page.locator('html').getAttribute('lang')}) is ${scroll}px wide at ${width}: ${(await overflowing(page, width)).join(', ')}`];
}

test.describe('what axe cannot see', () => {
  test('every page of the demo fits a 360 px screen for the public, a council, a clerk and an admin', async ({ browser }) => {
    test.setTimeout(900_000);
    // Without JavaScript: the server's page is what every reader gets first (and the plain
    // forms' selects are there only then). The public pages in Danish, English and Arabic
    // (right to left); the council room as its chair and as a plain member.
    const failures: string[] = [];
    const roles: { who?: string; lang?: string; start: string[] }[] = [
      { start: ['/', HEARING, `${HEARING}/svar`, '/politikker', '/login'] },
      { lang: 'en', start: ['/', HEARING, `${HEARING}/svar`, '/politikker'] },
      { lang: 'ar', start: ['/', HEARING, `${HEARING}/svar`, '/politikker'] },
      { who: COUNCIL.chair, start: ['/raad'] },
      { who: COUNCIL.member, start: ['/raad'] },
      { who: CLERK.email, start: ['/admin'] },
      { who: ADMIN.email, start: ['/admin', '/admin/post', '/admin/raad', '/admin/forloeb'] },
    ];
    for (const role of roles) {
      const context = await browser.newContext({ locale: 'da-DK', viewport: PHONE, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        withJavaScript(page, false);
        // Nothing is sent: the demo's data stays as the other tests expect it.
        if (role.who) await logIn(page, role.who, /\/(admin|raad)/);
        if (role.lang) {
          await page.goto(`/sprog/${role.lang}`);
          await expect(page.locator('html')).toHaveAttribute('lang', role.lang);
        }
        const seen = new Set<string>(['/logout?']);
        failures.push(...(await sweep(page, role.start, seen)));
      } finally {
        await context.close();
      }
    }
    console.log(`360 px sweep: ${swept} page states`);
    expect(failures).toEqual([]);
  });

  test('the states a link does not reach fit 360 px too: forms refused, and the islands awake', async ({ browser }) => {
    test.setTimeout(300_000);
    const failures: string[] = [];
    for (const lang of ['da', 'ar']) {
      // The response form sent empty, without JavaScript: every field's error shown.
      const plain = await browser.newContext({ locale: 'da-DK', viewport: PHONE, javaScriptEnabled: false });
      try {
        const page = await plain.newPage();
        withJavaScript(page, false);
        await page.goto(`/sprog/${lang}`);
        await page.goto(`${HEARING}/svar`);
        await page.locator('form.response-form button[type=submit]').click();
        await expect(page.locator('.field-error, [role=alert]').first()).toBeVisible();
        failures.push(...(await tooWide(page, PHONE.width)));
      } finally {
        await plain.close();
      }
    }
    // With JavaScript: the response form, the council room and the meeting input, whose
    // islands draw their own parts (the chosen paragraph beside the picker, the file list).
    const islands: { who?: string; paths: string[] }[] = [
      { paths: [`${HEARING}/svar`, HEARING] },
      { who: COUNCIL.member, paths: ['/raad/hoeringer/integrationspolitik/integrationsraadet'] },
      { who: CLERK.email, paths: ['/admin', '/admin/politikker/integrationspolitik-2020'] },
    ];
    for (const role of islands) {
      const context = await browser.newContext({ locale: 'da-DK', viewport: PHONE });
      try {
        const page = await context.newPage();
        withJavaScript(page, true);
        if (role.who) await logIn(page, role.who, /\/(admin|raad)/);
        for (const path of role.paths) {
          await page.goto(path);
          await page.waitForLoadState('networkidle');
          failures.push(...(await tooWide(page, PHONE.width)));
        }
        if (role.who === CLERK.email) {
          // The meeting input page, reached from the policy as a clerk reaches it.
          await page.getByRole('link', { name: 'Dialogmøde om integrationspolitikken' }).click();
          await expect(page.locator('#input-text')).toBeVisible();
          await page.waitForLoadState('networkidle');
          failures.push(...(await tooWide(page, PHONE.width)));
        }
      } finally {
        await context.close();
      }
    }
    expect(failures).toEqual([]);
  });

  test('a screen reader hears the hearing page in English and the response form as meant', async ({ page }) => {
    // The accessibility tree Chromium gives a screen reader (what Orca or NVDA read out),
    // kept in screenshots/ for a person to read; the test checks what a listener relies on.
    withJavaScript(page, true);
    await page.goto(HEARING);
    await page.getByRole('link', { name: 'English', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    fs.mkdirSync('screenshots', { recursive: true });
    for (const [name, path] of [['hearing-en', HEARING], ['response-form-en', `${HEARING}/svar`]]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const tree = await page.locator('body').ariaSnapshot();
      fs.writeFileSync(`screenshots/aria-${name}.yaml`, tree);
      const lines = tree.split('\n');
      // Landmarks to jump between, one main.
      for (const landmark of ['banner', 'main', 'contentinfo', 'navigation']) {
        expect(lines.some((l) => l.trim().startsWith(`- ${landmark}`)), `${name}: a ${landmark}`).toBe(true);
      }
      expect(lines.filter((l) => l.trim().startsWith('- main')).length, `${name}: one main`).toBe(1);
      // Headings as an outline: one level 1 first, and no level skipped on the way down.
      const levels = lines.flatMap((l) => {
        const m = l.match(/- heading ".+" \[level=(\d)\]/);
        return m ? [Number(m[1])] : [];
      });
      expect(levels[0], `${name}: starts with its title`).toBe(1);
      expect(levels.filter((n) => n === 1).length, `${name}: one title`).toBe(1);
      levels.forEach((n, i) => {
        if (i > 0) expect(n - levels[i - 1], `${name}: heading ${i} after level ${levels[i - 1]}`).toBeLessThanOrEqual(1);
      });
      // Every control says what it is for.
      const unnamed = lines.filter((l) =>
        /^\s*- (link|button|textbox|combobox|checkbox|radio|searchbox|group|radiogroup)(:|$| \[)/.test(l),
      );
      expect(unnamed, `${name}: controls without a name`).toEqual([]);
    }
    // The form's choices are heard with their question: radios inside a named group.
    const form = await page.locator('main').ariaSnapshot();
    expect(form).toMatch(/- group "[^"]+":\n(\s+- .*\n)*?\s+- radio "/);
    expect(form).toContain('textbox "');
  });

  test('in English, Danish content is marked Danish', async ({ page }) => {
    withJavaScript(page, true);
    await page.goto(HEARING);
    await page.getByRole('link', { name: 'English', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const lang = (selector: string) =>
      page.locator(selector).first().evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));

    // The hearing's committee and contact, written by the municipality.
    const fact = (term: string) => page.locator('.facts div').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd');
    expect(await fact('Committee').getAttribute('lang')).toBe('da');
    expect(await fact('Contact').getAttribute('lang')).toBe('da');
    await page.goto('/politikker/integrationspolitik');
    expect(await lang('h1')).toBe('da');
    await page.goto(HEARING);
    await page.locator('a.comment-link').first().click();
    expect(await lang('.quoted-block blockquote')).toBe('da');
    expect(await lang('h1')).toBe('en');

    // The 2020 hearing's input from the dialogue meeting is Danish, on an English page.
    await page.goto('/');
    expect(await lang('.card-list h3 a, h3 a')).toBe('da');
    await page.goto('/politikker/integrationspolitik-2020');
    const meeting = page.locator('a[href^="/moeder/"]').first();
    await meeting.click();
    expect(await lang('h1')).toBe('da');
  });

  test('the council room marks its Danish comments and joint text in English', async ({ page }) => {
    withJavaScript(page, true);
    await logIn(page, COUNCIL.chair, /\/raad/);
    // The Danish page's islands write the language cookie as they wake (leptos_i18n): let them
    // finish before switching, or a late one writes Danish back over the switch.
    await page.waitForLoadState('networkidle');
    await page.goto('/sprog/en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto('/raad/hoeringer/integrationspolitik/integrationsraadet');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The chair edits the joint text: the field says its language.
    await expect(page.locator('#faelles-tekst')).toHaveAttribute('lang', 'da');
    await expect(page.locator('h1')).toHaveAttribute('lang', 'da');
  });

  test('the character counter is spoken only near the limit and over it', async ({ page }) => {
    withJavaScript(page, true);
    await page.goto(`${HEARING}/svar`);
    const text = page.getByLabel('Dit høringssvar');
    const counter = page.locator('.counter');
    await expect(counter).toBeVisible(); // hydrated
    const spoken = page.locator('.response-form [aria-live]');
    await text.fill('Sprogstøtte til forældre.');
    await expect(counter).toContainText('25 af 20.000 tegn');
    // The count is shown, but nothing in a live region says it.
    await expect(spoken).toHaveText(['']);
    await text.fill('ø'.repeat(18_000));
    await expect(spoken).toHaveText(['Du nærmer dig grænsen: 18.000 af 20.000 tegn brugt.']);
    await text.fill('ø'.repeat(18_500));
    await expect(counter).toContainText('18.500 af 20.000 tegn');
    await expect(spoken).toHaveText(['Du nærmer dig grænsen: 18.000 af 20.000 tegn brugt.']);
    await text.fill('ø'.repeat(20_001));
    await expect(spoken).toHaveText([/Teksten er for lang: 20\.001 af 20\.000 tegn/]);
  });

  test('an error in English says "Error", not "Fejl"', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
    const page = await context.newPage();
    withJavaScript(page, false);
    await page.goto('/sprog/en');
    await page.goto(`${HEARING}/svar`);
    await page.getByRole('button', { name: 'Send response' }).click();
    const prefixes = await page.locator('.field-error .visually-hidden').allTextContents();
    expect(prefixes.length).toBeGreaterThan(0);
    expect(new Set(prefixes.map((p) => p.trim()))).toEqual(new Set(['Error:']));
    await context.close();
  });

  test('without JavaScript, after "Gem input" the keyboard goes on in the first field', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'da-DK', javaScriptEnabled: false });
    const page = await context.newPage();
    withJavaScript(page, false);
    await logIn(page, CLERK.email);
    // The 2020 meeting, which has taken place: the coming one's input is counted in meetings.spec.
    await page.goto('/admin/politikker/integrationspolitik-2020');
    await page.getByRole('link', { name: 'Dialogmøde om integrationspolitikken' }).click();
    await page.locator('#input-text').fill('Flere aftenhold i dansk.');
    await page.getByRole('button', { name: 'Gem input' }).click();
    await expect(page.locator('.recorded-inputs li').first()).toContainText('Flere aftenhold i dansk.');
    await expect(page.locator('#input-block')).toBeFocused();
    await context.close();
  });

  test('a refused step is told at the top, with focus on it', async ({ page }) => {
    withJavaScript(page, true);
    await logIn(page, CLERK.email);
    await page.goto('/admin/politikker/integrationspolitik');
    // A step the road refuses now (what a page left open while the road moved on would send):
    // the first step form, sent as a jump to the Byråd.
    const form = page.locator('.step-form').first();
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
    await form.evaluate((f: HTMLFormElement, today: string) => {
      (f.querySelector('input[name="action"]') as HTMLInputElement).value = 'advance';
      f.querySelectorAll('[name="to"], [name="on"]').forEach((el) => el.remove());
      for (const [name, value] of [['to', 'hearing_summary'], ['on', today]]) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        f.append(input);
      }
    }, today);
    await Promise.all([page.waitForNavigation(), form.evaluate((f: HTMLFormElement) => f.submit())]);
    const refusal = page.locator('#skridt-afvist');
    await expect(refusal).toContainText('Høringen er åben');
    await expect(refusal).toBeFocused();
    await expect(refusal).toBeInViewport();
  });

  test('a refused publication of the notat is told at the top, with focus on it', async ({ page }) => {
    withJavaScript(page, true);
    await logIn(page, CLERK.email);
    await page.goto(`/admin${HEARING}/hoeringsnotat`);
    // The hearing is open, so the page offers no button: the post a stale page would send.
    await page.evaluate((slug) => {
      const csrf = (document.querySelector('input[name="csrf"]') as HTMLInputElement).value;
      const form = document.createElement('form');
      form.method = 'post';
      form.action = `/admin/hoeringer/${slug}/hoeringsnotat/offentliggoer`;
      form.innerHTML = `<input type="hidden" name="csrf" value="${csrf}">`;
      document.body.append(form);
      form.submit();
    }, 'integrationspolitik');
    const refusal = page.locator('#offentliggoer-afvist');
    await expect(refusal).toBeFocused();
    await expect(refusal).toBeInViewport();
  });

  test('radios and checkboxes are at least 24 by 24 px on a phone, also where labels wrap', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'da-DK', viewport: PHONE });
    const page = await context.newPage();
    withJavaScript(page, true);
    const sizes = async () =>
      page.locator('input[type="radio"]:visible, input[type="checkbox"]:visible').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { id: el.id || (el as HTMLInputElement).name, width: Math.round(r.width), height: Math.round(r.height) };
        }),
      );
    await page.goto(`${HEARING}/svar`);
    const small = (list: { width: number; height: number }[]) => list.filter((s) => s.width < 24 || s.height < 24);
    const form = await sizes();
    expect(form.length).toBeGreaterThan(5);
    expect(small(form)).toEqual([]);
    await logIn(page, CLERK.email);
    await page.goto('/admin/politikker/integrationspolitik');
    await page.locator('details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const meeting = await sizes();
    expect(meeting.length).toBeGreaterThan(0);
    expect(small(meeting)).toEqual([]);
    await context.close();
  });

  test("the hearing's search box is comfortable and its button's edge visible", async ({ page }) => {
    withJavaScript(page, true);
    await page.goto(HEARING);
    const box = page.getByRole('searchbox');
    const size = await box.evaluate((el) => ({
      height: el.getBoundingClientRect().height,
      font: parseFloat(getComputedStyle(el).fontSize),
    }));
    expect(size.height).toBeGreaterThanOrEqual(40);
    expect(size.font).toBeGreaterThanOrEqual(16);
    const button = page.getByRole('search').getByRole('button', { name: 'Søg' });
    const contrast = await button.evaluate((el) => {
      const rgb = (c: string) => c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (c: number) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      // The border against the page behind the button (white).
      const border = lum(rgb(getComputedStyle(el).borderTopColor));
      const page = lum([255, 255, 255]);
      return (Math.max(border, page) + 0.05) / (Math.min(border, page) + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(3);
  });
});
