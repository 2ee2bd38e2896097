/**
 * The tab in a real Chromium against the real server (child process) and
 * Azurite: language, dev sign-in by mouse and by keyboard, the Programmes
 * page, an expired session, themes, and screenshots at a Teams side-panel
 * width and a desktop width (/tmp/tab-*.png) for a human to look at.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { DEMO_USERS } from '../../bot/src/devsupport/demoOrganisation';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { type BrowserHandle, blockNonLoopback, launchChromium, requireChromium } from '../support/chromium';
import { type ServerHandle, startServer } from '../support/serverProcess';

const ROOT = path.resolve(__dirname, '../..');
/** Must match tab/src/auth/session.ts. */
const SESSION_STORAGE_KEY = 'polku.devSession';
const SIDE_PANEL = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

interface OpenedPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: string[];
}

/**
 * Page-side code is written as expressions: the root tsconfig checks Node code
 * and has no DOM types, so browser globals would not type-check here.
 */
function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate<T>(expression);
}

const htmlLang = (page: Page) => inPage<string>(page, 'document.documentElement.lang');
const sideways = (page: Page) =>
  inPage<number>(page, 'document.documentElement.scrollWidth - window.innerWidth');
const bodyBackground = (page: Page) =>
  inPage<string>(page, 'getComputedStyle(document.body).backgroundColor');
const storedSession = (page: Page) =>
  inPage<string | null>(page, `sessionStorage.getItem(${JSON.stringify(SESSION_STORAGE_KEY)})`);

function randomLetters(n: number): string {
  return Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
}

/** Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour. */
function luminance(css: string): number {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  assert.ok(m, `not an rgb colour: ${css}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('tab in Chromium (e2e)', () => {
  let azurite: AzuriteHandle | undefined;
  let server: ServerHandle | undefined;
  let chromium: BrowserHandle | undefined;
  const opened: OpenedPage[] = [];

  before(async function () {
    requireChromium(this);
    // npm test builds the tab before this layer; a lone run builds it once here.
    if (!existsSync(path.join(ROOT, 'dist/tab/index.html'))) {
      execFileSync(
        process.execPath,
        [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'tab/vite.config.mts'],
        {
          cwd: ROOT,
          stdio: 'inherit',
        },
      );
    }
    azurite = await startAzurite();
    server = await startServer({
      TABLES_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: `t${randomLetters(8)}`,
    });
    chromium = await launchChromium();
  });

  after(async () => {
    await chromium?.close();
    await server?.stop();
    await azurite?.stop();
  });

  afterEach(async () => {
    for (const o of opened.splice(0)) await o.page.context().close();
  });

  async function open(
    url: string,
    options: BrowserContextOptions = {},
    beforeLoad?: (page: Page) => Promise<void>,
  ): Promise<OpenedPage> {
    assert.ok(chromium && server);
    const context = await chromium.browser.newContext({ locale: 'fi-FI', viewport: DESKTOP, ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await blockNonLoopback(page);
    await beforeLoad?.(page);
    const entry = { page, errors };
    opened.push(entry);
    await page.goto(`${server.baseUrl}${url}`);
    return entry;
  }

  async function heading(page: Page, name: string | RegExp): Promise<void> {
    await page.getByRole('heading', { level: 1, name }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'exactly one h1');
  }

  async function signInWithMouse(page: Page, name: string): Promise<void> {
    await page.getByRole('radio', { name: new RegExp(name) }).check();
    await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
    await heading(page, 'Ohjelmat');
  }

  function assertNoErrors(o: OpenedPage): void {
    assert.deepEqual(o.errors, [], 'no console errors');
  }

  it('renders in Finnish by default, with landmarks and <html lang>', async () => {
    const o = await open('/tab/');
    await heading(o.page, 'Kirjaudu sisään');
    assert.equal(await htmlLang(o.page), 'fi');
    assert.equal(await o.page.title(), 'Polku – mentorointi');
    assert.equal(await o.page.getByRole('banner').count(), 1);
    assert.equal(await o.page.getByRole('main').count(), 1);
    await o.page.getByRole('radiogroup', { name: 'Demohenkilö' }).waitFor();
    await o.page.screenshot({ path: '/tmp/tab-signin-1280.png', fullPage: true });
    assertNoErrors(o);
  });

  it('renders in English with ?lang=en', async () => {
    const o = await open('/tab/?lang=en');
    await heading(o.page, 'Sign in');
    assert.equal(await htmlLang(o.page), 'en');
    await o.page.getByRole('radio', { name: 'Eveliina Laine – Mentee' }).waitFor();
    assertNoErrors(o);
  });

  it('lists every demo user with their role in the sign-in picker', async () => {
    const o = await open('/tab/', { viewport: SIDE_PANEL });
    await heading(o.page, 'Kirjaudu sisään');
    const radios = o.page.getByRole('radiogroup', { name: 'Demohenkilö' }).getByRole('radio');
    await radios.first().waitFor();
    assert.equal(await radios.count(), DEMO_USERS.length);
    const roleFi = {
      supervisor: 'Esihenkilö',
      coordinator: 'Koordinaattori',
      mentor: 'Mentori',
      aktori: 'Aktori',
    };
    for (const u of DEMO_USERS) {
      await o.page.getByRole('radio', { name: `${u.name} – ${roleFi[u.role]}`, exact: true }).waitFor();
    }
    // A 360 px side panel must not scroll sideways.
    const overflow = await sideways(o.page);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await o.page.screenshot({ path: '/tmp/tab-signin-360.png', fullPage: true });
    assertNoErrors(o);
  });

  it('signs in as the supervisor and shows the Programmes page with the explained empty state', async () => {
    const supervisor = DEMO_USERS.find((u) => u.role === 'supervisor');
    assert.ok(supervisor);
    const o = await open('/tab/');
    await heading(o.page, 'Kirjaudu sisään');
    await signInWithMouse(o.page, supervisor.name);
    await o.page.getByRole('banner').getByText(`Kirjautunut: ${supervisor.name}`).waitFor();
    const empty = o.page.getByRole('region', { name: 'Ei vielä ohjelmia' });
    await empty.waitFor();
    const text = (await empty.textContent()) ?? '';
    assert.match(text, /Ohjelma on tapa/);
    assert.match(text, /@Polku tiimin kanavalla/);
    assert.match(text, /Kun ilmoittaudut ohjelmaan, näet sen täällä/);
    await o.page.screenshot({ path: '/tmp/tab-programmes-1280.png', fullPage: true });
    await o.page.setViewportSize(SIDE_PANEL);
    const overflow = await sideways(o.page);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    await o.page.screenshot({ path: '/tmp/tab-programmes-360.png', fullPage: true });

    // The session survives a reload (sessionStorage) …
    await o.page.reload();
    await heading(o.page, 'Ohjelmat');
    // … and "sign out / switch user" returns to the picker and forgets it.
    await o.page.getByRole('button', { name: 'Kirjaudu ulos / vaihda käyttäjää' }).click();
    await heading(o.page, 'Kirjaudu sisään');
    assert.equal(await storedSession(o.page), null);
    assertNoErrors(o);
  });

  it('can be used with the keyboard only (Tab, Space, arrows, Enter)', async () => {
    const o = await open('/tab/', { viewport: SIDE_PANEL });
    await heading(o.page, 'Kirjaudu sisään');
    await o.page.getByRole('radio').first().waitFor();
    const focused = () =>
      inPage<{ tag?: string; type?: string; checked?: boolean; text: string }>(
        o.page,
        `(() => { const el = document.activeElement;
          return { tag: el?.tagName, type: el?.type, checked: el?.checked, text: el?.textContent ?? '' }; })()`,
      );
    await o.page.keyboard.press('Tab');
    assert.deepEqual(await focused(), { tag: 'INPUT', type: 'radio', checked: false, text: '' });
    await o.page.keyboard.press('Space');
    await o.page.keyboard.press('ArrowDown');
    assert.equal((await focused()).checked, true);
    await o.page.keyboard.press('Tab');
    await o.page.screenshot({ path: '/tmp/tab-keyboard-focus-360.png' });
    const button = await focused();
    assert.equal(button.tag, 'BUTTON');
    assert.equal(button.text, 'Kirjaudu');
    await o.page.keyboard.press('Enter');
    await heading(o.page, 'Ohjelmat');
    // ArrowDown moved the choice from the first person to the second.
    await o.page.getByText(`Kirjautunut: ${DEMO_USERS[1]?.name}`).waitFor();
    assertNoErrors(o);
  });

  it('says so when nobody is chosen, in a live region', async () => {
    const o = await open('/tab/?lang=en');
    await heading(o.page, 'Sign in');
    await o.page.getByRole('radio').first().waitFor();
    await o.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = o.page.getByRole('alert');
    assert.equal(await alert.textContent(), 'Choose who to sign in as.');
    assertNoErrors(o);
  });

  it('explains that dev sign-in is off when the server runs in azure mode', async () => {
    // The real server refuses dev sign-in in azure mode; here its answer is stood in for, as azure mode needs Entra.
    const o = await open('/tab/?lang=en', {}, async (page) => {
      await page.route('**/api/v1/session/options', (route) =>
        route.fulfill({ json: { mode: 'azure', devSignIn: false, users: [] } }),
      );
    });
    await heading(o.page, 'Sign in');
    await o.page.getByText('Open Polku in Microsoft Teams.', { exact: false }).waitFor();
    assert.equal(await o.page.getByRole('radio').count(), 0);
    assertNoErrors(o);
  });

  it('explains a network failure plainly and recovers with Try again', async () => {
    let failures = 0;
    const o = await open('/tab/', {}, async (page) => {
      // Registered after blockNonLoopback, so it runs first; the first call fails as if offline.
      await page.route('**/api/v1/session/options', (route) => {
        if (failures++ === 0) return route.abort('internetdisconnected');
        return route.fallback();
      });
    });
    await heading(o.page, 'Kirjaudu sisään');
    const alert = o.page.getByRole('alert').filter({ hasText: 'Polkuun ei juuri nyt saada yhteyttä' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Yritä uudelleen' }).click();
    await o.page.getByRole('radio').first().waitFor();
    assert.equal(failures, 2);
    // Chromium logs the aborted request itself; the page must log nothing else.
    assert.deepEqual(
      o.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)),
      [],
    );
  });

  it('opened with host=teams outside Teams, says it could not connect instead of waiting forever', async () => {
    const o = await open('/tab/?view=me&host=teams');
    await heading(o.page, 'Polku');
    await o.page.getByText('Polku ei saanut yhteyttä Teamsiin').waitFor();
    await o.page.getByRole('button', { name: 'Yritä uudelleen' }).waitFor();
    // teams-js fetches its list of valid host origins from res.cdn.office.net when loaded; the test has
    // no network (and the server's CSP may refuse it), and teams-js then uses its built-in list.
    assert.deepEqual(
      o.errors.filter((e) => !/res\.cdn\.office\.net/.test(e)),
      [],
    );
  });

  it('sends a bad stored token back to sign-in with an explanation', async () => {
    const o = await open('/tab/');
    await heading(o.page, 'Kirjaudu sisään');
    const session = {
      token: 'not-a-real-token',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'x', name: 'Ghost', tenantId: 'y' },
    };
    await inPage(
      o.page,
      `sessionStorage.setItem(${JSON.stringify(SESSION_STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(session))})`,
    );
    await o.page.reload();
    await heading(o.page, 'Kirjaudu sisään');
    await o.page.getByText('Kirjautumisesi on päättynyt. Kirjaudu uudelleen.').waitFor();
    assert.equal(await storedSession(o.page), null);
    assert.equal(await o.page.getByText('Ghost').count(), 0);
    // Chromium logs every 401 response as a console error; the page itself must log nothing else.
    const unexpected = o.errors.filter((e) => !/status of 401/.test(e));
    assert.deepEqual(unexpected, []);
  });

  it('follows a dark system theme', async () => {
    const o = await open('/tab/', { colorScheme: 'dark', viewport: SIDE_PANEL });
    await heading(o.page, 'Kirjaudu sisään');
    await signInWithMouse(o.page, DEMO_USERS[0]?.name ?? '');
    const body = await bodyBackground(o.page);
    assert.ok(luminance(body) < 0.05, `body background ${body} is not dark`);
    const text = await inPage<string>(o.page, `getComputedStyle(document.querySelector('h1')).color`);
    assert.ok(luminance(text) > 0.6, `heading colour ${text} is not light`);
    await o.page.screenshot({ path: '/tmp/tab-dark-360.png', fullPage: true });
    assertNoErrors(o);
  });

  it('uses a light theme by default and high contrast when more contrast is asked for', async () => {
    const light = await open('/tab/', { colorScheme: 'light' });
    await heading(light.page, 'Kirjaudu sisään');
    const lightBody = await bodyBackground(light.page);
    assert.ok(luminance(lightBody) > 0.8, `body background ${lightBody} is not light`);

    const contrast = await open('/tab/', { contrast: 'more' });
    await heading(contrast.page, 'Kirjaudu sisään');
    const contrastBody = await bodyBackground(contrast.page);
    assert.equal(contrastBody, 'rgb(0, 0, 0)');
    await contrast.page.screenshot({ path: '/tmp/tab-contrast-1280.png', fullPage: true });
    assertNoErrors(light);
    assertNoErrors(contrast);
  });
});
