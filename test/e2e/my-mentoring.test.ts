/**
 * "My mentoring" and the pairs on the programme page, in a real Chromium
 * against the real server, Azurite and a connector stand-in. The pair's
 * agreement is made the way Teams makes it: card invokes from both members
 * to /api/messages. Then the supervisor sees its status and the goals in
 * force (nothing else), the mentee sees the whole agreement, and anyone
 * else sees nothing of it. Screenshots /tmp/me-360.png and /tmp/me-1280.png
 * are for a human to look at.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { mentoringEn } from '../../tab/src/i18n/mentoring/en';
import { mentoringFi } from '../../tab/src/i18n/mentoring/fi';
import { mentoringSv } from '../../tab/src/i18n/mentoring/sv';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { type BrowserHandle, launchChromium, requireChromium } from '../support/chromium';
import { type ConnectorStandIn, startConnectorStandIn } from '../support/connectorStandIn';
import {
  aino,
  buildTabInto,
  DEMO_ROSTER,
  eveliina,
  onni,
  openSignedIn,
  Seeder,
  sanna,
  VOLUNTEERS,
} from '../support/programmeSeed';
import { type ServerHandle, startServer } from '../support/serverProcess';

const DESKTOP = { width: 1280, height: 800 };
const NAME = 'Myynnin mentorointi 2026';
const GOAL_1 = 'Oppia johtamaan asiakaskokemuksen muutosta';
const GOAL_2 = 'Rakentaa verkosto myynnin ulkopuolelle';
const PREPARATION = 'Eveliina lähettää aiheet kaksi päivää ennen.';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Page-side code as expressions: the test tsconfig's DOM types must not leak into Node code. */
const inPage = <T>(page: Page, expression: string) => page.evaluate<T>(expression);
const sideways = (page: Page) =>
  inPage<number>(page, 'document.documentElement.scrollWidth - window.innerWidth');

/** The <dd> after the <dt> named `term`, in a definition list. */
async function termValue(list: Locator, term: string): Promise<string> {
  const dd = list.locator(`dt:text-is(${JSON.stringify(term)}) + dd`);
  return ((await dd.textContent()) ?? '').trim();
}

describe('My mentoring in the tab (e2e)', function () {
  this.timeout(120000);
  let azurite: AzuriteHandle | undefined;
  let connector: ConnectorStandIn | undefined;
  let server: ServerHandle | undefined;
  let chromium: BrowserHandle | undefined;
  let seed: Seeder;
  let tabDir = '';
  let programmeId = '';
  let pairId = '';
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
      TABLE_PREFIX: `m${Math.random().toString(36).slice(2, 9)}`,
      TAB_DIST_DIR: tabDir,
    });
    chromium = await launchChromium();
    seed = new Seeder(server.baseUrl, connector.serviceUrl);
    await seed.installInDemoChannel();
    programmeId = await seed.createProgramme(sanna, NAME);
    for (const v of VOLUNTEERS.filter((v) => v.user === aino || v.user === eveliina)) {
      await seed.signUp(programmeId, v);
    }
    pairId = await seed.confirmPair(sanna, programmeId, aino, [eveliina]);
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
      errors.splice(0).filter((e) => !/status of 403/.test(e)),
      [],
      'no console errors',
    );
  });

  async function openAs(user: DemoUser, url: string, viewport = DESKTOP): Promise<Page> {
    assert.ok(chromium && server);
    const page = await openSignedIn(chromium.browser, seed, user, viewport, errors);
    await page.goto(`${server.baseUrl}/tab/${url}`);
    return page;
  }

  const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  const pairsOnProgrammePage = (page: Page) => page.getByRole('region', { name: 'Parit' });

  it('fills every My mentoring message in Finnish and Swedish, with the same placeholders', () => {
    for (const [name, catalogue] of Object.entries({ mentoringFi, mentoringSv })) {
      assert.deepEqual(Object.keys(catalogue).sort(), Object.keys(mentoringEn).sort(), name);
      for (const [key, text] of Object.entries(catalogue as Record<string, string>)) {
        assert.ok(text.trim(), `${name}.${key} is empty`);
        assert.deepEqual(
          placeholders(text),
          placeholders((mentoringEn as Record<string, string>)[key] ?? ''),
          `${name}.${key}`,
        );
      }
    }
    assert.equal(mentoringFi['me.youAre.aktori'], 'Olet aktori');
    assert.equal(mentoringSv['me.youAre.aktori'], 'Du är adept');
    assert.equal(mentoringEn['me.youAre.aktori'], 'You are the mentee');
    // The chat command the tab names is one the bot understands (bot/src/teams/commands.ts).
    assert.deepEqual(
      [mentoringFi['me.command'], mentoringSv['me.command'], mentoringEn['me.command']],
      ['sopimus', 'avtal', 'agreement'],
    );
  });

  it('shows the supervisor a new pair as agreeing, with no goals yet and what supervisors see', async () => {
    const page = await openAs(sanna, `#/programmes/${programmeId}`);
    await h1(page, NAME);
    const pairs = pairsOnProgrammePage(page);
    const item = pairs.getByTestId('formed-pairs').locator('li').first();
    await item.getByText('Sopimuksesta sovitaan').waitFor();
    await item.getByText('Parin tavoitteet näkyvät tässä, kun heidän sopimuksensa on voimassa.').waitFor();
    assert.match(
      (await pairs.getByTestId('pairs-confidential').textContent()) ?? '',
      /tavoitteet ja tapaamisrytmin, eivät koskaan sitä, mistä parit keskustelevat/,
    );
  });

  it('puts the agreement in force through card invokes from both members', async () => {
    await seed.agreementAction(aino, pairId, 'agreement.save', {
      step: 'duration',
      durationKind: 'meetings',
      meetings: '4',
    });
    await seed.agreementAction(aino, pairId, 'agreement.save', {
      step: 'rules',
      cadenceWeeks: '3',
      meetingMinutes: '45',
      place: 'either',
      preparation: PREPARATION,
      betweenMeetings: 'Kokeilee yhtä asiaa omassa työssään.',
      noticeHours: '48',
    });
    await seed.agreementAction(eveliina, pairId, 'agreement.save', {
      step: 'confidentiality',
      sharing: 'approved-learnings',
    });
    await seed.agreementAction(eveliina, pairId, 'agreement.save', {
      step: 'goals',
      goal1: GOAL_1,
      goalTags1: 'area:Asiakaskokemus,theme:career',
      goal2: GOAL_2,
      goalTags2: 'theme:networking',
    });
    await seed.acceptAgreement(pairId, [eveliina, aino]);
    const { status, body } = await seed.api<{
      status: string;
      history: Array<{ version: number; acceptedBy: Record<string, string> }>;
    }>(eveliina, 'GET', `/pairs/${pairId}/agreement`);
    assert.equal(status, 200);
    assert.equal(body.status, 'in-force');
    assert.ok(body.history.length >= 2, `history: ${body.history.length} versions`);
  });

  it('shows the supervisor “in force” and the goals in force, and none of the other terms', async () => {
    const page = await openAs(sanna, `#/programmes/${programmeId}`);
    await h1(page, NAME);
    const item = pairsOnProgrammePage(page).getByTestId('formed-pairs').locator('li').first();
    await item.getByText('Sopimus voimassa').waitFor();
    const goals = item.getByRole('list', { name: 'Voimassa olevat tavoitteet' });
    assert.deepEqual(await goals.getByRole('listitem').allTextContents(), [GOAL_1, GOAL_2]);
    assert.match(
      (await item.getByTestId('rhythm-in-force').textContent()) ?? '',
      /viikon välein, \d+ minuuttia/,
    );
    assert.equal(
      await page.getByText(PREPARATION).count(),
      0,
      'what the pair agreed beyond goals stays theirs',
    );
    await page.setViewportSize({ width: 360, height: 740 });
    await pairsOnProgrammePage(page).screenshot({ path: '/tmp/me-supervisor-pairs-360.png' });
    assert.ok((await sideways(page)) <= 0, 'the programme page fits 360 px');
  });

  it('opens the personal tab on My mentoring and shows the mentee her whole agreement', async () => {
    const page = await openAs(eveliina, '?view=me');
    await h1(page, 'Oma mentorointi');
    const nav = page.getByRole('navigation', { name: 'Polku' });
    assert.equal(
      await nav.getByRole('link', { name: 'Oma mentorointi' }).getAttribute('aria-current'),
      'page',
    );
    const pair = page.getByRole('region', { name: NAME });
    await pair.getByText('Kanssasi: Aino Mäkinen').waitFor();
    await pair.getByText('Olet aktori').waitFor();
    await pair.getByTestId('agreement-status').getByText('Sopimus voimassa').waitFor();
    assert.equal(
      await page.getByTestId('chat-hint').locator('kbd').textContent(),
      'sopimus',
      'says what to type in chat',
    );

    const terms = pair.getByTestId('agreement-terms');
    await terms.waitFor();
    await pair.getByRole('heading', { level: 3, name: /^Voimassa oleva sopimus \(versio \d+\)$/ }).waitFor();
    assert.equal(await termValue(terms, 'Kesto'), '4 tapaamista');
    assert.match(await termValue(terms, 'Väliarvio'), /päätätte yhdessä, jatkatteko/);
    assert.equal(await termValue(terms, 'Kuinka usein'), 'Joka kolmas viikko');
    assert.equal(await termValue(terms, 'Tapaamisen pituus'), '45 minuuttia');
    assert.equal(await termValue(terms, 'Paikka'), 'Kumpi tahansa, tilanteen mukaan');
    assert.equal(await termValue(terms, 'Valmistautuminen'), PREPARATION);
    assert.equal(await termValue(terms, 'Tapaamisten välillä'), 'Kokeilee yhtä asiaa omassa työssään.');
    assert.equal(
      await termValue(terms, 'Ilmoitusaika perumiselle tai siirrolle'),
      'Vähintään kaksi päivää ennen',
    );
    assert.equal(await termValue(terms, 'Saa kertoa muille'), 'Oppimanne asiat, jotka hyväksytte molemmat');

    const goals = pair.getByTestId('agreement-goals').locator(':scope > li');
    assert.equal(await goals.count(), 2);
    assert.match(
      (await goals.nth(0).textContent()) ?? '',
      new RegExp(`^${GOAL_1}Aiheet:AsiakaskokemusUrasuunta$`),
    );
    assert.match((await goals.nth(1).textContent()) ?? '', /Verkostoituminen$/);

    const acceptances = pair.getByTestId('acceptances').getByRole('listitem');
    assert.equal(await acceptances.count(), 2);
    for (const who of ['Aino Mäkinen · Mentori: hyväksyi', 'Eveliina Laine (sinä) · Aktori: hyväksyi']) {
      assert.equal(await acceptances.filter({ hasText: who }).count(), 1, who);
    }
    const history = pair.getByTestId('version-history').getByRole('listitem');
    assert.ok((await history.count()) >= 2, 'two or more versions');
    const newest = (await history.first().textContent()) ?? '';
    assert.match(newest, /^Versio \d+ · voimassa/);
    assert.match(newest, /Ehdotti Eveliina Laine \(sinä\)/);
    assert.match(newest, /Hyväksyivät: .*Eveliina Laine \(sinä\).* ja Aino Mäkinen/);
    assert.match((await history.last().textContent()) ?? '', /^Versio 1Aloitettu ohjelman oletuksista/);

    await page.screenshot({ path: '/tmp/me-1280.png', fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: '/tmp/me-360.png', fullPage: true });
    assert.ok((await sideways(page)) <= 0, 'fits 360 px without sideways scrolling');
    await page.setViewportSize({ width: 320, height: 740 });
    assert.ok((await sideways(page)) <= 0, 'fits 320 px without sideways scrolling');
    // Dark theme (Teams' dark, or the system's outside Teams): the same page, for a human to look at.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: '/tmp/me-dark-360.png', fullPage: true });
  });

  it('calls the mentee "adept" in Swedish and "mentee" in English', async () => {
    const sv = await openAs(eveliina, '?view=me&lang=sv');
    await h1(sv, 'Min mentorering');
    await sv.getByText('Du är adept').waitFor();
    await sv.getByTestId('acceptances').getByText('Eveliina Laine (du)').waitFor();
    assert.match((await sv.getByTestId('acceptances').textContent()) ?? '', /Adept: godkände/);
    assert.equal(await sv.getByTestId('chat-hint').locator('kbd').textContent(), 'avtal');
    const en = await openAs(eveliina, '?view=me&lang=en');
    await h1(en, 'My mentoring');
    await en.getByText('You are the mentee').waitFor();
    await en.getByTestId('agreement-status').getByText('Agreement in force').waitFor();
    assert.equal(await en.getByTestId('chat-hint').locator('kbd').textContent(), 'agreement');
  });

  it('reaches My mentoring from the header, for a supervisor too', async () => {
    const page = await openAs(sanna, '#/programmes');
    await h1(page, 'Ohjelmat');
    const nav = page.getByRole('navigation', { name: 'Polku' });
    assert.equal(await nav.getByRole('link', { name: 'Ohjelmat' }).getAttribute('aria-current'), 'page');
    await nav.getByRole('link', { name: 'Oma mentorointi' }).click();
    await h1(page, 'Oma mentorointi');
    await page.getByTestId('me-empty').waitFor();
  });

  it('shows someone outside the pair that they have no pair, and never the pair’s agreement', async () => {
    const page = await openAs(onni, '#/me');
    await h1(page, 'Oma mentorointi');
    const empty = page.getByRole('region', { name: 'Sinulla ei ole vielä paria' });
    await empty.getByText(/Polku esittelee teidät toisillenne Teams-chatissa/).waitFor();
    await empty.getByRole('link', { name: 'Siirry ohjelmiin' }).waitFor();
    assert.equal(await page.getByText(GOAL_1).count(), 0);
    await page.setViewportSize({ width: 320, height: 740 });
    await page.screenshot({ path: '/tmp/me-empty-320.png', fullPage: true });
    assert.ok((await sideways(page)) <= 0, 'the empty state fits 320 px');

    for (const outsider of [onni, sanna]) {
      const refused = await seed.api<{ error: { code: string } }>(
        outsider,
        'GET',
        `/pairs/${pairId}/agreement`,
      );
      assert.equal(refused.status, 403, `${outsider.name} is refused`);
      assert.equal(refused.body.error.code, 'not_pair_member');
    }
    // A deep link to the agreement says plainly why it cannot be shown, with no retry that cannot help.
    await page.goto(`${server?.baseUrl}/tab/#/me/pairs/${pairId}`);
    await page
      .getByTestId('agreement-refused')
      .getByText(/Parin sopimuksen näkevät vain parin jäsenet/)
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'Yritä uudelleen' }).count(), 0);
    await page.screenshot({ path: '/tmp/me-refused-320.png', fullPage: true });
    assert.equal(await page.getByText(GOAL_1).count(), 0);
  });

  it('opens one agreement from its deep link for a member', async () => {
    const page = await openAs(aino, `#/me/pairs/${pairId}`);
    await h1(page, NAME);
    await page.getByText('Kanssasi: Eveliina Laine').waitFor();
    await page.getByTestId('agreement-goals').getByText(GOAL_1).waitFor();
    await page.getByRole('link', { name: 'Oma mentorointi' }).first().waitFor();
  });

  it('while a change is agreed, keeps the version in force and shows only what would change', async () => {
    await seed.agreementAction(aino, pairId, 'agreement.reopen');
    await seed.agreementAction(aino, pairId, 'agreement.save', {
      step: 'rules',
      cadenceWeeks: '2',
      meetingMinutes: '45',
      place: 'either',
      preparation: PREPARATION,
      betweenMeetings: 'Kokeilee yhtä asiaa omassa työssään.',
      noticeHours: '48',
    });
    const page = await openAs(eveliina, '#/me');
    const pair = page.getByRole('region', { name: NAME });
    await pair
      .getByTestId('agreement-status')
      .getByText('Avattu uudelleen – edellinen versio voimassa')
      .waitFor();
    assert.equal(await termValue(pair.getByTestId('agreement-terms'), 'Kuinka usein'), 'Joka kolmas viikko');
    const change = pair.getByTestId('proposed-change');
    assert.equal(await termValue(change, 'Kuinka usein'), 'Joka toinen viikko');
    assert.equal(await change.locator('dt').count(), 1, 'only the changed term');
    assert.equal(
      await pair.getByTestId('acceptances').locator('[data-accepted="true"]').count(),
      0,
      'nobody has accepted the new version yet',
    );
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: '/tmp/me-reopened-360.png', fullPage: true });
    assert.ok((await sideways(page)) <= 0, 'fits 360 px');

    const supervisor = await openAs(sanna, `#/programmes/${programmeId}`);
    const item = pairsOnProgrammePage(supervisor).getByTestId('formed-pairs').locator('li').first();
    await item.getByText('Avattu uudelleen – edellinen versio voimassa').waitFor();
    assert.deepEqual(
      await item
        .getByRole('list', { name: 'Voimassa olevat tavoitteet' })
        .getByRole('listitem')
        .allTextContents(),
      [GOAL_1, GOAL_2],
      'the goals in force stay visible while a change is agreed',
    );
  });
});
