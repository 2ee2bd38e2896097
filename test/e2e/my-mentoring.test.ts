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
import { DEMO_USERS, type DemoUser } from '../../bot/src/devsupport/demoOrganisation';
import { type GraphEmulator, startGraphEmulator } from '../../scripts/graph-emulator';
import { mentoringEn } from '../../tab/src/i18n/mentoring/en';
import { mentoringFi } from '../../tab/src/i18n/mentoring/fi';
import { mentoringSv } from '../../tab/src/i18n/mentoring/sv';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { type BrowserHandle, launchChromium, requireChromium } from '../support/chromium';
import { type ConnectorStandIn, startConnectorStandIn } from '../support/connectorStandIn';
import { bookedEvents } from '../support/emulatorEvents';
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
  let graph: GraphEmulator | undefined;
  let chromium: BrowserHandle | undefined;
  let seed: Seeder;
  let tabDir = '';
  let programmeId = '';
  let pairId = '';
  const errors: string[] = [];

  before(async function () {
    requireChromium(this);
    tabDir = buildTabInto(mkdtempSync(path.join(tmpdir(), 'polku-tab-')));
    [azurite, connector, graph] = await Promise.all([
      startAzurite(),
      // With their mailbox addresses, as Teams lists members, so Polku can book in their calendars.
      startConnectorStandIn({
        roster: DEMO_ROSTER.map((m) => {
          const email = DEMO_USERS.find((u) => u.aadObjectId === m.aadObjectId)?.email;
          return { ...m, email, userPrincipalName: email };
        }),
      }),
      // Both members' calendars, for booking, moving and cancelling from the tab.
      startGraphEmulator({ port: 0 }),
    ]);
    server = await startServer({
      TABLES_CONNECTION_STRING: azurite.connectionString,
      TABLE_PREFIX: `m${Math.random().toString(36).slice(2, 9)}`,
      TAB_DIST_DIR: tabDir,
      GRAPH_BASE_URL: graph.baseUrl,
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
    await graph?.stop();
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

  async function openAs(user: DemoUser, url: string, viewport = DESKTOP, timezoneId?: string): Promise<Page> {
    assert.ok(chromium && server);
    const page = await openSignedIn(chromium.browser, seed, user, viewport, errors, timezoneId);
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

  it('opens one pair from its deep link for a member: agreement, meetings and learnings', async () => {
    const page = await openAs(aino, `#/me/pairs/${pairId}`);
    await h1(page, NAME);
    await page.getByText('Kanssasi: Eveliina Laine').waitFor();
    await page.getByTestId('agreement-goals').getByText(GOAL_1).waitFor();
    await page.getByRole('link', { name: 'Oma mentorointi' }).first().waitFor();
    // The pair's meetings and learnings are on the same page as its agreement.
    await page.getByRole('heading', { name: 'Tapaamiset', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Jaettavat opit', exact: true }).waitFor();
  });

  // Meetings: booked, moved and cancelled from the tab, in the viewer's own time zone (not the programme's).
  const VIEWER_ZONE = 'America/New_York';
  interface ApiMeeting {
    number: number;
    start: string;
    status: string;
    joinUrl: string | null;
  }
  const meetingsOf = async (user: DemoUser) =>
    (await seed.api<{ items: ApiMeeting[] }>(user, 'GET', `/pairs/${pairId}/meetings`)).body.items;
  /** "6.00" or "06.00", as the reader's clock in `timeZone` shows the start: a pattern, since ICU versions differ. */
  const clock = (iso: string, timeZone: string) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).formatToParts(new Date(iso));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return new RegExp(`(^|\\D)0?${Number(part('hour'))}[.:]${part('minute')}`);
  };
  const focusedText = (page: Page) => inPage<string>(page, 'document.activeElement?.textContent ?? ""');
  const meetingsOn = async (page: Page) => {
    const pair = page.getByRole('region', { name: NAME });
    const meetings = pair.getByTestId('pair-meetings');
    await meetings.getByText(/^Ajat ovat aikavyöhykkeelläsi/).waitFor();
    return meetings;
  };

  it('books a meeting from My mentoring and lists it with its join link, in the viewer’s time zone', async () => {
    const page = await openAs(eveliina, '#/me', DESKTOP, VIEWER_ZONE);
    const meetings = await meetingsOn(page);
    await meetings.getByText(`Ajat ovat aikavyöhykkeelläsi (${VIEWER_ZONE}).`).waitFor();
    await meetings.getByText('Tapaamisia ei ole varattu.').waitFor();

    await meetings.getByRole('button', { name: 'Varaa tapaaminen' }).click();
    const times = meetings.getByTestId('book-times');
    await times.getByRole('heading', { name: 'Valitse tapaamiselle aika' }).waitFor();
    assert.equal(await focusedText(page), 'Valitse tapaamiselle aika', 'focus moves to the times');
    const slots = times.getByRole('list').getByRole('button');
    await slots.first().waitFor();
    assert.equal(await slots.count(), 3, 'three times');
    const first = await slots.allTextContents();
    // "Other times" looks a week further on: different times.
    await times.getByRole('button', { name: 'Muita aikoja' }).click();
    await times.getByRole('button', { name: 'Takaisin ensimmäisiin aikoihin' }).waitFor();
    await slots.first().waitFor();
    const later = await slots.allTextContents();
    assert.notDeepEqual(later, first, 'other times differ');

    const chosen = (await slots.first().textContent()) ?? '';
    await slots.first().click();
    await meetings.getByRole('status').getByText(`Varattu ajalle ${chosen}.`, { exact: false }).waitFor();
    const upcoming = meetings.getByTestId('meetings-upcoming').getByTestId('meeting');
    assert.equal(await upcoming.count(), 1);
    const item = upcoming.first();
    assert.match((await item.textContent()) ?? '', new RegExp(`^${chosen}Tapaaminen 1 · Varattu`));

    const [booked] = await meetingsOf(eveliina);
    assert.equal(booked?.status, 'booked');
    assert.ok(booked?.joinUrl?.startsWith('https://'), 'the calendar gave an https join link');
    const join = item.getByRole('link', { name: /^Liity Teams-tapaamiseen/ });
    assert.equal(await join.getAttribute('href'), new URL(booked.joinUrl ?? '').href);
    assert.equal(await join.getAttribute('rel'), 'noopener noreferrer');
    // The time is the viewer's (New York), not Helsinki's, where the programme and calendars are.
    assert.match(chosen, clock(booked.start, VIEWER_ZONE), 'shows New York time');
    assert.doesNotMatch(chosen, clock(booked.start, 'Europe/Helsinki'), 'not Helsinki time');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: '/tmp/me-meetings-360.png', fullPage: true });
    assert.ok((await sideways(page)) <= 0, 'meetings fit 360 px');
  });

  it('moves the meeting to another time offered near it', async () => {
    const [before] = await meetingsOf(aino);
    assert.ok(before);
    const page = await openAs(aino, '#/me', DESKTOP, VIEWER_ZONE);
    const meetings = await meetingsOn(page);
    const item = meetings.getByTestId('meetings-upcoming').getByTestId('meeting').first();
    await item.getByRole('button', { name: /^Siirrä/ }).click();
    const times = meetings.getByTestId('move-times');
    await times.getByRole('heading', { name: /^Valitse uusi aika tapaamiselle / }).waitFor();
    const slots = times.getByRole('list').getByRole('button');
    await slots.first().waitFor();
    const chosen = (await slots.first().textContent()) ?? '';
    await slots.first().click();
    await meetings.getByRole('status').getByText(`Siirretty ajalle ${chosen}.`, { exact: false }).waitFor();
    const [after] = await meetingsOf(aino);
    assert.equal(after?.number, before.number, 'the same meeting');
    assert.equal(after?.status, 'booked');
    assert.notEqual(after?.start, before.start, 'at a new time');
    await item.getByText(chosen, { exact: true }).waitFor();
  });

  it('cancels the meeting only after confirming, and then shows it as cancelled', async () => {
    const page = await openAs(eveliina, '#/me', DESKTOP, VIEWER_ZONE);
    const meetings = await meetingsOn(page);
    const item = meetings.getByTestId('meetings-upcoming').getByTestId('meeting').first();
    await item.getByRole('button', { name: /^Peru tapaaminen/ }).click();
    const confirm = item.getByTestId('cancel-confirm');
    await confirm.getByText(/^Perutaanko tapaaminen .+\? Se poistetaan kaikkien kalentereista/).waitFor();
    await confirm.getByRole('button', { name: 'Älä peru' }).click();
    await item.getByRole('button', { name: /^Peru tapaaminen/ }).waitFor();
    assert.match(await focusedText(page), /^Peru tapaaminen/, 'focus back on the button');
    assert.equal((await meetingsOf(eveliina))[0]?.status, 'booked', 'keeping it changes nothing');

    await item.getByRole('button', { name: /^Peru tapaaminen/ }).click();
    await confirm.getByRole('button', { name: 'Kyllä, peru' }).click();
    await meetings
      .getByRole('status')
      .getByText(/^Tapaaminen .+ on peruttu\. Muut saavat tiedon\.$/)
      .waitFor();
    await meetings.getByText('Tapaamisia ei ole varattu.').waitFor();
    const earlier = meetings.getByTestId('meetings-earlier').getByTestId('meeting');
    assert.equal(await earlier.count(), 1);
    assert.equal(await earlier.first().getByTestId('meeting-status').textContent(), 'Peruttu');
    assert.equal(await earlier.first().getByRole('link').count(), 0, 'no join link for a cancelled meeting');
    assert.equal((await meetingsOf(eveliina))[0]?.status, 'cancelled');
    assert.equal(
      (await bookedEvents(graph!.baseUrl, aino.email)).length,
      0,
      'gone from the organiser’s calendar',
    );
  });

  it('says plainly when the calendars cannot be reached, and that nothing was booked', async function () {
    this.timeout(90000);
    const page = await openAs(eveliina, '#/me', DESKTOP, VIEWER_ZONE);
    const meetings = await meetingsOn(page);
    await meetings.getByRole('button', { name: 'Varaa tapaaminen' }).click();
    const times = meetings.getByTestId('book-times');
    const slots = times.getByRole('list').getByRole('button');
    await slots.first().waitFor();
    graph?.faults.unavailable({ method: 'POST', path: '/users/.*/events$', times: 10 });
    try {
      await slots.first().click();
      await times
        .getByRole('alert')
        .getByText('Kalentereita ei tavoitettu, joten mitään ei varattu. Yritä hetken päästä uudelleen.')
        .waitFor({ timeout: 60000 });
    } finally {
      graph?.faults.clear();
    }
    assert.deepEqual(
      (await meetingsOf(eveliina)).filter((m) => m.status === 'booked'),
      [],
      'nothing booked',
    );
    await meetings.getByText('Tapaamisia ei ole varattu.').waitFor();
    // The browser logs the 503 itself; the page logged nothing of its own.
    errors.splice(0, errors.length, ...errors.filter((e) => !/status of 503/.test(e)));
  });

  const LEARNING = 'Kysy asiakkaalta ensin, mitä hän jo tietää. <img src=x onerror="window.__polkuXss=1">';

  it('proposes a learning and lists it as proposed, with who proposed and approved it', async () => {
    const page = await openAs(eveliina, '#/me');
    const learnings = page.getByRole('region', { name: NAME }).getByTestId('pair-learnings');
    await learnings.getByText(/jaetaan yksikölle vain, jos kaikki parinne jäsenet hyväksyvät sen/).waitFor();
    await learnings.getByText('Oppeja ei ole vielä ehdotettu.').waitFor();
    const field = learnings.getByRole('textbox', { name: 'Ehdota oppia tai ideaa' });
    await field.fill(LEARNING);
    assert.equal(
      await learnings.getByTestId('learning-counter').textContent(),
      `${[...LEARNING].length} / 1\u00a0000 merkkiä`,
    );
    await learnings.getByRole('button', { name: 'Ehdota' }).click();
    await learnings
      .getByRole('status')
      .getByText(/^Ehdotettu\. Polku pyytää/)
      .waitFor();
    assert.equal(await field.inputValue(), '', 'the form is emptied');
    const item = learnings.getByTestId('learnings-list').getByRole('listitem');
    await item.getByText(LEARNING, { exact: true }).waitFor();
    assert.equal(await item.count(), 1);
    assert.equal(await item.getByTestId('learning-status').textContent(), 'Odottaa hyväksyntää');
    await item.getByText(/^Ehdotti Eveliina Laine \(sinä\), /).waitFor();
    await item.getByText('Hyväksyivät: Eveliina Laine (sinä)').waitFor();
    assert.equal(await inPage(page, 'window.__polkuXss ?? 0'), 0, 'the text stays text');
    const { body } = await seed.api<{ items: Array<{ text: string; status: string }> }>(
      eveliina,
      'GET',
      `/pairs/${pairId}/learnings`,
    );
    assert.deepEqual(
      body.items.map((l) => [l.text, l.status]),
      [[LEARNING, 'proposed']],
    );
  });

  it('cannot send a learning over 1,000 characters, and says how much too long it is', async () => {
    const page = await openAs(eveliina, '#/me', { width: 360, height: 740 });
    const learnings = page.getByRole('region', { name: NAME }).getByTestId('pair-learnings');
    const field = learnings.getByRole('textbox', { name: 'Ehdota oppia tai ideaa' });
    await field.fill('x'.repeat(1001));
    assert.equal(
      await learnings.getByTestId('learning-counter').textContent(),
      '1\u00a0001 / 1\u00a0000 merkkiä',
    );
    await learnings.getByText('1 merkkiä liikaa: lyhennä enintään 1\u00a0000 merkkiin.').waitFor();
    const send = learnings.getByRole('button', { name: 'Ehdota' });
    assert.equal(await send.getAttribute('aria-disabled'), 'true');
    await send.click({ force: true });
    await inPage(page, 'document.querySelector(\'[data-testid="propose-learning"]\').requestSubmit()');
    assert.equal(await field.inputValue(), 'x'.repeat(1001), 'nothing is cut off');
    const { body } = await seed.api<{ items: unknown[] }>(eveliina, 'GET', `/pairs/${pairId}/learnings`);
    assert.equal(body.items.length, 1, 'nothing more was proposed');
    // One character fewer can be sent.
    await field.press('Backspace');
    assert.equal(await send.getAttribute('aria-disabled'), null);
    assert.ok((await sideways(page)) <= 0, 'the form fits 360 px');
  });

  it('opens the channel tab on its programme’s dashboard, and without a programme on the programmes', async () => {
    const page = await openAs(sanna, `?view=dashboard&programme=${programmeId}`);
    await h1(page, `${NAME} – Tilannekuva`);
    const plain = await openAs(sanna, '?view=dashboard');
    await h1(plain, 'Ohjelmat');
    const malformed = await openAs(sanna, '?view=dashboard&programme=..%2Fme');
    await h1(malformed, 'Ohjelmat');
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
