/**
 * The supervisor's programme pages in a real Chromium against the real
 * server, Azurite and a connector stand-in: create a programme in the form,
 * announce it in the channel, see who volunteered through the bot, form
 * pairs on the board (override, keyboard confirm), and check what reached
 * Teams. Screenshots /tmp/board-360.png and /tmp/board-1280.png are for a
 * human to look at.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_CHANNEL_ID, type DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { boardEn } from '../../tab/src/i18n/board/en';
import { boardFi } from '../../tab/src/i18n/board/fi';
import { boardSv } from '../../tab/src/i18n/board/sv';
import { lifecycleEn } from '../../tab/src/i18n/lifecycle/en';
import { lifecycleFi } from '../../tab/src/i18n/lifecycle/fi';
import { lifecycleSv } from '../../tab/src/i18n/lifecycle/sv';
import { programmeEn } from '../../tab/src/i18n/programme/en';
import { programmeFi } from '../../tab/src/i18n/programme/fi';
import { programmeSv } from '../../tab/src/i18n/programme/sv';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { type BrowserHandle, launchChromium, requireChromium } from '../support/chromium';
import { type ConnectorStandIn, startConnectorStandIn } from '../support/connectorStandIn';
import {
  aino,
  buildTabInto,
  DEMO_ROSTER,
  helmi,
  openSignedIn,
  pekka,
  Seeder,
  sanna,
  VOLUNTEERS,
} from '../support/programmeSeed';
import { type ServerHandle, startServer } from '../support/serverProcess';
import { allTexts, cardOf } from '../support/teamsActivities';

const SIDE_PANEL = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const NAME = 'Asiakaspalvelun mentorointi 2026';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const personalChat = (u: DemoUser) => `a:1on1-${u.botUserId}`;
/** Page-side code as expressions: the test tsconfig's DOM types must not leak into Node code. */
const inPage = <T>(page: Page, expression: string) => page.evaluate<T>(expression);
const sideways = (page: Page) =>
  inPage<number>(page, 'document.documentElement.scrollWidth - window.innerWidth');
/** At `width`: no sideways scrolling, and a screenshot for a human to look at; then back to the desktop. */
async function fitsAt(page: Page, width: number, shot?: string): Promise<void> {
  await page.setViewportSize({ width, height: 740 });
  if (shot) await page.screenshot({ path: `/tmp/${shot}-${width}.png`, fullPage: true });
  assert.ok((await sideways(page)) <= 0, `${shot ?? 'page'} fits ${width} px without sideways scrolling`);
  await page.setViewportSize(DESKTOP);
}

describe('programme pages in the tab (e2e)', function () {
  this.timeout(120000);
  let azurite: AzuriteHandle | undefined;
  let connector: ConnectorStandIn | undefined;
  let server: ServerHandle | undefined;
  let chromium: BrowserHandle | undefined;
  let seed: Seeder;
  let tabDir = '';
  let programmeId = '';
  const errors: string[] = [];

  before(async function () {
    requireChromium(this);
    tabDir = buildTabInto(mkdtempSync(path.join(tmpdir(), 'polku-tab-')));
    [azurite, connector] = await Promise.all([
      startAzurite(),
      startConnectorStandIn({ roster: DEMO_ROSTER }),
    ]);
    server = await startServer({
      TABLES_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: `p${Math.random().toString(36).slice(2, 9)}`,
      TAB_DIST_DIR: tabDir,
    });
    chromium = await launchChromium();
    seed = new Seeder(server.baseUrl, connector.serviceUrl);
    await seed.installInDemoChannel();
  });

  after(async () => {
    await chromium?.close();
    await server?.stop();
    await connector?.close();
    await azurite?.stop();
    if (tabDir) rmSync(tabDir, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const c of chromium?.browser.contexts() ?? []) await c.close();
    // Chromium logs every 4xx response as a console error; the pages themselves must log nothing.
    assert.deepEqual(
      errors.splice(0).filter((e) => !/status of (400|403|412)/.test(e)),
      [],
      'no console errors',
    );
  });

  async function openAs(user: DemoUser, hash: string, viewport = DESKTOP, lang = ''): Promise<Page> {
    assert.ok(chromium && server);
    const page = await openSignedIn(chromium.browser, seed, user, viewport, errors);
    await page.goto(`${server.baseUrl}/tab/${lang}${hash}`);
    return page;
  }

  const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  const focusedText = (page: Page) => inPage<string>(page, 'document.activeElement?.textContent ?? ""');
  const focusMovesTo = (page: Page, id: string) =>
    page.waitForFunction(`document.activeElement?.id === ${JSON.stringify(id)}`, undefined, {
      timeout: 5000,
    });

  it('fills every tab message in Finnish and Swedish, with the same placeholders', () => {
    for (const [en, others] of [
      [programmeEn, { programmeFi, programmeSv }],
      [boardEn, { boardFi, boardSv }],
      [lifecycleEn, { lifecycleFi, lifecycleSv }],
    ] as const) {
      for (const [name, catalogue] of Object.entries(others)) {
        assert.deepEqual(Object.keys(catalogue).sort(), Object.keys(en).sort(), name);
        for (const [key, text] of Object.entries(catalogue as Record<string, string>)) {
          assert.ok(text.trim(), `${name}.${key} is empty`);
          assert.deepEqual(placeholders(text), placeholders((en as Record<string, string>)[key] ?? ''), key);
        }
      }
    }
    assert.equal(boardFi['board.manualAktori'], 'Aktori');
    assert.equal(boardSv['board.manualAktori'], 'Adept');
    assert.equal(boardEn['board.manualAktori'], 'Mentee');
  });

  it('explains what a programme is while there is none yet, as a region named by its heading', async () => {
    const page = await openAs(helmi, '#/programmes');
    await h1(page, 'Ohjelmat');
    const empty = page.getByRole('region', { name: 'Ei vielä ohjelmia' });
    await empty.waitFor();
    assert.equal(await empty.getByTestId('programmes-empty').count(), 0, 'the region is the panel itself');
    assert.equal(await page.getByTestId('programmes-empty').getByRole('heading', { level: 2 }).count(), 1);
    assert.equal(await page.getByTestId('programmes-empty').locator('p').count(), 3);
    await fitsAt(page, 360);
  });

  it('creates a programme through the form, explaining mistakes first, and lists it', async () => {
    const page = await openAs(sanna, '#/programmes');
    await h1(page, 'Ohjelmat');
    await page.getByRole('link', { name: 'Uusi ohjelma' }).click();
    await h1(page, 'Uusi ohjelma');
    // Nothing filled in: the summary says what to fix and focus goes to the name.
    await page.getByRole('button', { name: 'Luo ohjelma' }).click();
    await page.getByText('Tarkista nämä kentät (1):').waitFor();
    await focusMovesTo(page, 'programme-name');
    await page.getByRole('textbox', { name: 'Nimi' }).fill(NAME);
    await page.getByRole('textbox', { name: 'Kuvaus' }).fill('Asiakaskokemuksen osaaminen kiertämään.');
    await page.getByRole('radio', { name: /^Ryhmä – kaikki aloittavat/ }).check();
    await page.getByRole('button', { name: 'Luo ohjelma' }).click();
    await page.getByText('Alkamispäivä: Täytä tämä.').waitFor();
    await page.getByRole('radio', { name: /^Jatkuva/ }).check();
    // Back to non-stop: the cohort's date errors go as soon as they no longer apply.
    await page.getByText('Alkamispäivä: Täytä tämä.').waitFor({ state: 'detached' });
    assert.equal(await page.getByText(/^Tarkista nämä kentät/).count(), 0);
    await page.getByRole('checkbox', { name: /^Vahvistaminen/ }).check();
    await page
      .getByRole('textbox', { name: 'Osaamisalueet' })
      .fill('Asiakaskokemus\nData-analytiikka\nPalvelumuotoilu');
    await fitsAt(page, 360, 'programme-form');
    await page
      .getByRole('combobox', { name: 'Kanava', exact: true })
      .selectOption({ label: 'Asiakaspalvelu › Mentorointi' });
    assert.equal(
      await page.getByRole('combobox', { name: 'Tapaamisia ennen väliarviota' }).inputValue(),
      '3',
    );
    assert.equal(await page.getByRole('spinbutton', { name: /Muistutus/ }).inputValue(), '24');
    await page.getByRole('button', { name: 'Luo ohjelma' }).click();
    await h1(page, NAME);
    await page.screenshot({ path: '/tmp/programme-1280.png', fullPage: true });
    programmeId = decodeURIComponent(/#\/programmes\/([^/]+)$/.exec(page.url())?.[1] ?? '');
    assert.match(programmeId, /^[0-9a-f-]{36}$/);
    await page.getByText('Asiakaspalvelu › Mentorointi', { exact: false }).first().waitFor();
    await page.getByRole('link', { name: 'Kaikki ohjelmat' }).click();
    await h1(page, 'Ohjelmat');
    await page.getByRole('link', { name: NAME }).waitFor();
    await page.getByText('Roolisi: omistaja').waitFor();
  });

  it('shows the server’s refusal next to the field it names', async () => {
    const page = await openAs(sanna, '#/programmes/new');
    await h1(page, 'Uusi ohjelma');
    await page.route('**/api/v1/programmes?lang=fi', (route) =>
      route.fulfill({
        status: 400,
        json: {
          error: {
            code: 'invalid',
            message: 'defaults.nudgeLeadHours is out of range (1–168)',
            correlationId: 'x',
          },
        },
      }),
    );
    await page.getByRole('textbox', { name: 'Nimi' }).fill('Kokeilu');
    await page.getByRole('button', { name: 'Luo ohjelma' }).click();
    await page.getByText('Käytä arvoa väliltä 1–168.').first().waitFor();
    await focusMovesTo(page, 'programme-defaults-nudgeLeadHours');
  });

  it('announces the programme in the team channel', async () => {
    assert.ok(connector);
    connector.clear();
    const page = await openAs(sanna, `#/programmes/${programmeId}`);
    await h1(page, NAME);
    await page.getByText('Ei vielä julkaistu.').waitFor();
    await page.getByRole('button', { name: 'Julkaise kanavalla' }).click();
    await page.getByRole('status').getByText('Julkaistu kanavalla Asiakaspalvelu › Mentorointi.').waitFor();
    const [post] = await connector.waitForActivities(DEMO_CHANNEL_ID, 1);
    const card = cardOf(post!.activity) as unknown as {
      actions?: Array<{ verb?: string; data?: { programmeId?: string } }>;
    };
    assert.ok(card, 'an Adaptive Card in the channel');
    assert.ok(card.actions?.some((a) => a.verb === 'signup.open' && a.data?.programmeId === programmeId));
    await page.getByRole('button', { name: 'Julkaise uudelleen' }).waitFor();
  });

  it('explains why Announce is unavailable while Polku is in no channel', async () => {
    const id = await seed.createProgramme(sanna, 'Ilman kanavaa', { channel: false });
    const page = await openAs(sanna, `#/programmes/${id}`, SIDE_PANEL);
    // As if Polku had been removed from every team since.
    await page.route('**/api/v1/channels', (route) => route.fulfill({ json: { items: [] } }));
    await page.reload();
    await h1(page, 'Ilman kanavaa');
    const button = page.getByRole('button', { name: 'Julkaise kanavalla' });
    await button.waitFor();
    assert.equal(await button.getAttribute('aria-disabled'), 'true');
    const explained = await button.getAttribute('aria-describedby');
    assert.match((await page.locator(`[id="${explained}"]`).textContent()) ?? '', /Lisää Polku tiimiin/);
    connector?.clear();
    await button.click({ force: true });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(connector?.sent.length, 0, 'nothing was posted');
  });

  it('lists who volunteered through the bot, with labels, notes and filters', async () => {
    for (const v of VOLUNTEERS) await seed.signUp(programmeId, v);
    await seed.signUp(programmeId, {
      user: pekka,
      role: 'mentor',
      topics: ['theme:career'],
      unit: 'IT',
      languages: ['fi'],
    });
    await seed.withdraw(programmeId, pekka);
    const page = await openAs(sanna, `#/programmes/${programmeId}`);
    await h1(page, NAME);
    const section = page.getByRole('region', { name: 'Ilmoittautuneet' });
    await section.getByText('Mentoreita: 3 · Aktoreita: 4').waitFor();
    const table = section.getByRole('table');
    assert.equal(await table.getByRole('row').count(), 1 + 8);
    const mikkoRow = table.getByRole('row', { name: /Mikko Nieminen/ });
    assert.match((await mikkoRow.textContent()) ?? '', /Tarjoaa: Data-analytiikka, Innovointi/);
    assert.match((await mikkoRow.textContent()) ?? '', /suomi, englanti.*Tiistait käyvät parhaiten/);
    await section.getByRole('combobox', { name: 'Näytä rooli' }).selectOption('aktori');
    await section.getByText('Näytetään 4/8 ilmoittautunutta').waitFor();
    await section.getByRole('combobox', { name: 'Näytä rooli' }).selectOption('all');
    await section.getByRole('combobox', { name: 'Näytä tila' }).selectOption('withdrawn');
    assert.equal(await table.getByRole('row').count(), 2);
    await table.getByRole('row', { name: /Pekka Hämäläinen.*Perunut/ }).waitFor();
    await section.getByRole('combobox', { name: 'Näytä tila' }).selectOption('all');
    await page.screenshot({ path: '/tmp/programme-volunteers-1280.png', fullPage: true });
    // In a side panel the table becomes a list of cards.
    await page.setViewportSize(SIDE_PANEL);
    await section.getByRole('listitem').filter({ hasText: 'Ville Järvinen' }).waitFor();
    await fitsAt(page, 360, 'programme');
  });

  it('forms pairs on the board: explained suggestions, an override, a keyboard confirm', async () => {
    assert.ok(connector);
    const page = await openAs(sanna, `#/programmes/${programmeId}`);
    await page.getByRole('link', { name: 'Muodosta parit' }).click();
    await h1(page, `Muodosta parit: ${NAME}`);
    await page.getByRole('button', { name: 'Ehdota pareja' }).click();
    const rows = page.getByTestId('suggestion');
    await rows.first().waitFor();
    const count = await rows.count();
    assert.equal(count, 3, 'three mentors with room for one each');
    for (let i = 0; i < count; i++)
      assert.ok(((await rows.nth(i).locator('p').textContent()) ?? '').length > 10);
    const unpaired = page.getByTestId('unpaired');
    await unpaired
      .getByText(/^Polku: /)
      .first()
      .waitFor();
    await page.getByRole('status').getByText('Ehdotettuja pareja: 3.').waitFor();
    await page.screenshot({ path: '/tmp/board-1280.png', fullPage: true });
    await fitsAt(page, 360, 'board');
    await fitsAt(page, 320);

    // Override: Helmi's aktori goes to the one Polku left out.
    const helmiRow = rows.filter({ hasText: 'Helmi Mäkelä' });
    await helmiRow.getByText('Muuta tätä paria').click();
    const swap = helmiRow.getByRole('combobox', { name: /^Vaihda .* toiseen$/ });
    const leftOut = (await unpaired.locator('li').first().locator('span').first().textContent())
      ?.split(' – ')[0]
      ?.trim();
    assert.ok(leftOut);
    await swap.selectOption({ label: leftOut });
    await helmiRow.getByText('Sinun muuttamasi.').waitFor();
    await page.setViewportSize(SIDE_PANEL);
    await helmiRow.screenshot({ path: '/tmp/board-row-360.png' });
    await page.setViewportSize(DESKTOP);
    // The arrow is hidden from screen readers, which hear "and" ("ja") instead.
    await helmiRow.getByRole('checkbox', { name: `Helmi Mäkelä ja ${leftOut}`, exact: true }).waitFor();

    // Keyboard only from here: the "tell" checkbox with Space, then Confirm with Enter.
    await page.getByRole('button', { name: 'Lisää pari' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    assert.equal(await page.getByRole('checkbox', { name: 'Kerro ilman paria jääneille' }).isChecked(), true);
    await page.keyboard.press('Tab');
    assert.equal(await focusedText(page), 'Vahvista parit (3)');
    connector.clear();
    await page.keyboard.press('Enter');
    const results = page.getByTestId('confirm-results');
    await results.waitFor();
    await page.waitForFunction(`document.activeElement?.textContent === 'Tulokset'`, undefined, {
      timeout: 5000,
    });
    assert.equal(await results.locator('li').filter({ hasText: 'Muodostettu:' }).count(), 3);
    await results.getByText('Polku on esitellyt heidät toisilleen Teams-chatissa.').first().waitFor();

    // Every member of every formed pair was introduced in their own 1:1 chat, by the partner's name;
    // the one left over was told too (the box was ticked).
    const pairs = await seed.api<{ items: Array<{ mentorId: string; aktoriIds: string[] }> }>(
      sanna,
      'GET',
      `/programmes/${programmeId}/pairs`,
    );
    assert.equal(pairs.body.items.length, 3);
    assert.ok(pairs.body.items.some((p) => p.mentorId === helmi.aadObjectId));
    const nameOf = (id: string) => VOLUNTEERS.find((v) => v.user.aadObjectId === id)?.user.name ?? id;
    for (const v of VOLUNTEERS) {
      const [first] = await connector.waitForActivities(personalChat(v.user), 1);
      const texts = allTexts(cardOf(first!.activity)).join(' ');
      const pair = pairs.body.items.find((p) => [p.mentorId, ...p.aktoriIds].includes(v.user.aadObjectId));
      const partners = pair
        ? [pair.mentorId, ...pair.aktoriIds].filter((id) => id !== v.user.aadObjectId)
        : [];
      for (const id of partners)
        assert.ok(texts.includes(nameOf(id)), `${v.user.name} is introduced to ${nameOf(id)}`);
      if (!pair) assert.ok(texts.length > 0, `${v.user.name}, left over, is told`);
    }
    await page.getByTestId('formed-pairs').locator('li').nth(2).waitFor();
    await page.screenshot({ path: '/tmp/board-results-1280.png', fullPage: true });
    assert.equal(await page.getByTestId('suggestion').count(), 0, 'the board starts over');
  });

  it('gives a mentor a read-only programme and explains the board is not theirs', async () => {
    const page = await openAs(aino, '#/programmes');
    await page.getByRole('link', { name: NAME }).click();
    await h1(page, NAME);
    await page.getByTestId('participant-note').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Muodosta parit' }).count(), 0);
    assert.equal(await page.getByRole('region', { name: 'Ilmoittautuneet' }).count(), 0);
    await page.goto(`${server?.baseUrl}/tab/#/programmes/${programmeId}/pairing`);
    await page.getByRole('alert').getByText('Vain ohjelman omistajat ja koordinaattorit').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Ehdota pareja' }).count(), 0);
    const refused = await seed.api<{ error: { code: string } }>(
      aino,
      'GET',
      `/programmes/${programmeId}/volunteers`,
    );
    assert.equal(refused.status, 403);
  });

  it('says so when someone else saved the programme meanwhile, and reloads', async () => {
    const page = await openAs(sanna, `#/programmes/${programmeId}/edit`, SIDE_PANEL, '?lang=en');
    await h1(page, `Edit ${NAME}`);
    const current = await seed.api<{ programme: Record<string, unknown>; etag: string }>(
      sanna,
      'GET',
      `/programmes/${programmeId}`,
    );
    const { programme, etag } = current.body;
    const changed = await seed.api(
      sanna,
      'PUT',
      `/programmes/${programmeId}`,
      { ...programme, description: 'Muutettu.' },
      {
        'if-match': etag,
      },
    );
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    await page.getByRole('textbox', { name: 'Name' }).fill(`${NAME} (edited)`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByText('Someone else changed this programme while you were editing.', { exact: false })
      .waitFor();
    await page.getByRole('button', { name: 'Reload' }).click();
    assert.equal(await page.getByRole('textbox', { name: 'Description' }).inputValue(), 'Muutettu.');
    assert.equal(await page.getByRole('textbox', { name: 'Name' }).inputValue(), NAME);
    assert.ok((await sideways(page)) <= 0, 'the form fits a 360 px side panel');
  });

  // Last: it ends the programme the tests above built.
  it('closes the programme and deletes its data from the keyboard, after typing its name', async () => {
    const page = await openAs(sanna, `#/programmes/${programmeId}`, DESKTOP, '?lang=en');
    await h1(page, NAME);
    const region = page.getByRole('region', { name: 'Closing and data' });
    await region.getByText('Status: open.', { exact: false }).waitFor();

    await region.getByRole('button', { name: 'Close programme' }).focus();
    await page.keyboard.press('Enter');
    const closeDialog = page.getByRole('dialog', { name: `Close ${NAME}?` });
    await closeDialog.getByText('Pairs already meeting carry on.', { exact: false }).waitFor();
    await closeDialog.getByRole('button', { name: 'Close programme' }).press('Enter');
    await closeDialog.waitFor({ state: 'detached' });
    await region.getByText('Status: closed on', { exact: false }).waitFor();
    await region.getByRole('status').getByText('The programme is now closed.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Form pairs' }).count(), 0, 'no new pairs');

    const purgeButton = region.getByRole('button', { name: 'Delete the programme’s data' });
    await purgeButton.press('Enter');
    const purgeDialog = page.getByRole('dialog', { name: `Delete all data of ${NAME}?` });
    await purgeDialog.getByText('stay in people’s Outlook and Teams calendars', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await purgeDialog.waitFor({ state: 'detached' });
    assert.equal(
      await focusedText(page),
      'Delete the programme’s data',
      'Escape returns focus to the button',
    );

    await purgeButton.press('Enter');
    const field = purgeDialog.getByRole('textbox', {
      name: `To confirm, type the programme’s name: ${NAME}`,
    });
    await field.fill(NAME.slice(0, 10));
    await field.press('Enter');
    await purgeDialog.getByText('The name does not match.').waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await field.fill(NAME);
    await field.press('Enter');
    // The page is announced once the dialog has closed: nothing is left hidden from screen readers.
    await h1(page, 'The programme’s data was deleted');
    assert.equal(await page.locator('#root[aria-hidden="true"]').count(), 0);
    await page
      .getByTestId('programme-purged')
      .getByText('stay in people’s calendars', { exact: false })
      .waitFor();
    const gone = await seed.api(sanna, 'GET', `/programmes/${programmeId}`);
    assert.equal(gone.status, 404, 'the programme is gone');
  });
});
