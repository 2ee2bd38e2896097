/**
 * A programme's start in the local Teams client, end to end: in-memory
 * Azurite, the real server and two Microsoft 365 Agents Playgrounds driven in
 * headless Chromium like people would. Sanna (supervisor) creates a programme
 * with "@Polku ohjelma" in the demo team's channel, announces it, and joins
 * as mentor from the announcement; Eveliina (aktori) joins from the
 * announcement in her own Playground; the supervisor pairs them through the
 * tab API, and each of them finds the introduction in their personal chat.
 *
 * The Playground plays one current user, and each instance keeps its own
 * chats and channel in memory. Polku keeps one reference per channel: the
 * last instance that spoke in it. So the announcement Sanna posts lands in her
 * Playground only; once Eveliina has opened the channel in hers, Sanna posts
 * it again from the tab API (POST /programmes/:id/announce), as a supervisor
 * can, and Eveliina volunteers from that card.
 *
 * Screenshots of every step: /tmp/pg-programme-*.png.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
  DEMO_BOT_NAME,
  DEMO_CHANNEL_ID,
  DEMO_CHANNEL_NAME,
  DEMO_TEAM_NAME,
  type DemoUser,
} from '../../bot/src/devsupport/demoOrganisation';
import { PROGRAMME_LIMITS } from '../../bot/src/domain/programme/parseProgrammeSettings';
import { translator } from '../../bot/src/i18n/translate';
import { languageName, tagLabel } from '../../bot/src/i18n/wording';
import { selectPlaygroundUser } from '../../scripts/playground/config';
import { type PlaygroundHandle, startPlayground } from '../../scripts/playground/startPlayground';
import { type AzuriteHandle, startAzurite } from '../support/azurite';
import { type BrowserHandle, blockNonLoopback, launchChromium, requireChromium } from '../support/chromium';
import { assertLoopbackOnly } from '../support/loopbackOnly';
import { freePort } from '../support/ports';
import { type ServerHandle, startServer } from '../support/serverProcess';

const COMPOSER = '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';
const CARD = '.ac-adaptiveCard';
/** Waits for what a person would wait for: a card, a banner, a log line. */
const SEEN = { timeout: 20000 } as const;
const SHOTS = '/tmp/pg-programme';

// Both demo users speak Finnish (fi-FI), and the programme's language is Finnish.
const t = translator('fi');
const PROGRAMME = 'Asiakaspalvelun mentorointi';
const AREAS = ['Asiakaskokemus', 'Palvelumuotoilu'] as const;
const TOPIC = tagLabel(`area:${AREAS[0]}`, 'fi');
const FINNISH = languageName('fi');

/** A date n days from today as the Playground's date picker reads typed text (en-US, local time). */
function pickerDate(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * 86_400_000).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
}

/** A rendered Adaptive Card holding this text. */
function card(page: Page, text: string): Locator {
  return page.locator(CARD, { hasText: text });
}

interface Person {
  readonly user: DemoUser;
  readonly playground: PlaygroundHandle;
  readonly page: Page;
}

describe('Agents Playground: a programme from channel to pairs (Chromium)', function () {
  this.timeout(120000);
  let azurite: AzuriteHandle | undefined;
  let server: ServerHandle | undefined;
  let browser: BrowserHandle | undefined;
  const playgrounds: PlaygroundHandle[] = [];
  let workDir = '';
  let sanna: Person;
  let eveliina: Person;
  let programmeId = '';
  let shot = 0;

  const screenshot = async (page: Page, name: string, focus?: Locator) => {
    await focus?.scrollIntoViewIfNeeded();
    shot += 1;
    await page.screenshot({ path: `${SHOTS}-${String(shot).padStart(2, '0')}-${name}.png` });
  };

  /** The tab API as `user` (dev sign-in, as the tab does locally). */
  const api = async (user: DemoUser, method: string, apiPath: string, body?: unknown) => {
    const signIn = await fetch(`${server!.baseUrl}/api/v1/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: user.aadObjectId }),
    });
    assert.equal(signIn.status, 200, await signIn.clone().text());
    const { token } = (await signIn.json()) as { token: string };
    const res = await fetch(`${server!.baseUrl}/api/v1${apiPath}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    assert.equal(res.status, 200, `${method} ${apiPath}: ${res.status} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };

  /** Opens the Playground's UI, which installs Polku in the personal chat; waits for the welcome. */
  const open = async (user: DemoUser, playground: PlaygroundHandle): Promise<Person> => {
    const page = await browser!.browser.newPage({ viewport: { width: 1400, height: 1100 } });
    await blockNonLoopback(page);
    await page.goto(playground.url);
    await page.getByText(user.name, { exact: true }).first().waitFor(SEEN);
    await card(page, t('welcome.title')).first().waitFor(SEEN);
    return { user, playground, page };
  };

  /**
   * Shows the team's mentoring channel. The first visit installs Polku there
   * (installationUpdate + conversationUpdate, logged as "… 200" in the
   * Playground's log panel) and resolves once the server has answered.
   */
  const openChannel = async ({ page }: Person, firstVisit: boolean) => {
    const installed = firstVisit
      ? page.waitForResponse(
          (r) =>
            r.request().method() === 'POST' &&
            decodeURIComponent(r.url()).endsWith(`/_debug/conversation/${DEMO_CHANNEL_ID}/installation`),
          SEEN,
        )
      : undefined;
    await page.getByText(DEMO_CHANNEL_NAME, { exact: true }).click();
    await page.getByText('Start a new post', { exact: true }).waitFor(SEEN);
    if (!installed) return;
    assert.equal((await installed).status(), 200);
    // One installationUpdate for the personal chat, one for the channel.
    await page
      .getByText(/installationUpdate\s+200/)
      .nth(1)
      .waitFor(SEEN);
  };

  const openPersonalChat = async ({ page }: Person) => {
    await page.getByText('Personal Chat', { exact: true }).click();
    await page.locator(`div:has(> [aria-label="Message header"])`).first().waitFor(SEEN);
  };

  /** Presses a join button on the announcement; Polku answers beside the card and sends the form to the 1:1 chat. */
  const join = async (person: Person, role: 'mentor' | 'aktori') => {
    const { page } = person;
    const button = t(role === 'mentor' ? 'announce.join.mentor' : 'announce.join.aktori');
    const announcement = card(page, PROGRAMME).filter({ has: page.getByRole('button', { name: button }) });
    await announcement.getByRole('button', { name: button }).click();
    // The invoke's answer is a message (application/vnd.microsoft.activity.message): a banner on the card.
    await page.getByText(t('signup.formSentToChat')).waitFor(SEEN);
    await screenshot(page, `${role}-join-banner`, announcement);
  };

  /** Fills and saves the sign-up form in the person's personal chat. */
  const signUp = async (person: Person, role: 'mentor' | 'aktori', unit: string) => {
    const { page } = person;
    await openPersonalChat(person);
    const title = t(role === 'mentor' ? 'signupForm.title.mentor' : 'signupForm.title.aktori', {
      programme: PROGRAMME,
    });
    const form = card(page, title);
    await form.waitFor(SEEN);
    await form.getByRole('checkbox', { name: TOPIC }).check();
    await form.getByLabel(t('signupForm.unit')).fill(unit);
    await form.getByRole('checkbox', { name: FINNISH }).check();
    if (role === 'mentor') assert.equal(await form.getByLabel(t('signupForm.capacity')).inputValue(), '1');
    const save = form.getByRole('button', { name: t('signupForm.save.new'), exact: true });
    await screenshot(page, `${role}-form`, save);
    await save.click();

    // The form becomes the person's own state card, in place…
    const state = card(page, t('signupState.canChange'));
    await state.waitFor(SEEN);
    await state
      .getByText(
        t(role === 'mentor' ? 'signupState.active.mentor' : 'signupState.active.aktori', {
          programme: PROGRAMME,
        }),
      )
      .waitFor();
    await state.getByText(unit, { exact: true }).waitFor();
    assert.equal(await card(page, title).count(), 0, 'the form was replaced');
    // …and a confirmation arrives in the same chat.
    const confirmation = card(page, t('confirm.new.title'));
    await confirmation.waitFor(SEEN);
    await screenshot(page, `${role}-signed-up`, confirmation);
  };

  before(async function () {
    requireChromium(this);
    workDir = mkdtempSync(path.join(os.tmpdir(), 'polku-pg-programme-'));
    azurite = await startAzurite();
    server = await startServer({ TABLES_CONNECTION_STRING: azurite.connectionString });
    const [sannaUser, eveliinaUser] = [selectPlaygroundUser('Sanna'), selectPlaygroundUser('Eveliina')];
    const sannaPort = await freePort();
    let eveliinaPort = await freePort();
    while (eveliinaPort === sannaPort) eveliinaPort = await freePort();
    // Each handle is kept as soon as it exists, so after() stops whatever did start.
    const start = (user: DemoUser, port: number) =>
      startPlayground({ serverPort: server!.port, port, user, workDir }).then((p) => {
        playgrounds.push(p);
        return p;
      });
    const [a, b] = await Promise.all([
      start(sannaUser, sannaPort),
      start(eveliinaUser, eveliinaPort),
      launchChromium().then((c) => {
        browser = c;
      }),
    ]);
    sanna = await open(sannaUser, a);
    eveliina = await open(eveliinaUser, b);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const p of [sanna, eveliina]) {
      await p?.page
        .screenshot({ path: `${SHOTS}-failed-${p.user.givenName.toLowerCase()}.png` })
        .catch(() => undefined);
    }
    console.error(
      'server log (tail):\n',
      server
        ?.logs()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .slice(-15)
        .join('\n'),
    );
  });

  after(async () => {
    await browser?.close();
    await Promise.all(playgrounds.map((p) => p.stop()));
    await server?.stop();
    await azurite?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('answers "@Polku ohjelma" in the channel with the programme form', async () => {
    const { page } = sanna;
    await openChannel(sanna, true);
    // Polku welcomed the team in the channel when it was installed there.
    await card(page, t('welcome.title')).filter({ hasText: DEMO_TEAM_NAME }).waitFor(SEEN);

    // A new post that @mentions Polku (Teams sends channel messages to a bot only when it is mentioned).
    const newPost = page
      .locator('[role="group"]')
      .filter({ has: page.getByRole('button', { name: 'Post', exact: true }) });
    const composer = newPost.locator(COMPOSER);
    await composer.click();
    await composer.pressSequentially(`@${DEMO_BOT_NAME.slice(0, 3)}`);
    await page.locator('#typeahead-menu').getByRole('menuitem', { name: DEMO_BOT_NAME }).click();
    await composer.pressSequentially(' ohjelma');
    await newPost.getByRole('button', { name: 'Post', exact: true }).click();

    const form = card(page, t('programmeForm.title'));
    await form.waitFor(SEEN);
    // The Playground's log panel: what it sent to the bot, with the mention as Teams writes it.
    await page.getByText(new RegExp(`message\\s+200\\s+<at>${DEMO_BOT_NAME}</at> ohjelma`)).waitFor();
    await screenshot(page, 'form', form);
  });

  it('creates a cohort programme from the form; the card turns into its summary', async () => {
    const { page } = sanna;
    const form = card(page, t('programmeForm.title'));
    await form.getByLabel(t('field.name')).fill(PROGRAMME);
    await form.getByLabel(t('programmeForm.description')).fill('Kokeneet kollegat tukevat uusia.');
    await form.getByRole('radio', { name: t('programmeForm.mode.cohort') }).check();
    for (const [label, days] of [
      [t('programmeForm.startDate'), 30],
      [t('programmeForm.endDate'), 400],
      [t('programmeForm.signUpDeadline'), 14],
    ] as const) {
      const input = form.getByLabel(label);
      await input.fill(pickerDate(days));
      await input.press('Tab');
    }
    await form.getByRole('checkbox', { name: t('programmeForm.aim.strengthen') }).check();
    await form.getByRole('checkbox', { name: t('programmeForm.aim.develop') }).check();
    await form
      .getByLabel(t('programmeForm.competenceAreas', { max: PROGRAMME_LIMITS.competenceAreas }))
      .fill(AREAS.join(', '));
    await screenshot(page, 'form-filled', form.getByRole('button', { name: t('programmeForm.create') }));
    await form.getByRole('button', { name: t('programmeForm.create') }).click();

    // Action.Execute: the Playground sends an adaptiveCard/action invoke and shows the answer in place.
    const created = card(page, t('created.title', { programme: PROGRAMME }));
    await created.waitFor(SEEN);
    await created.getByText(t('created.next')).waitFor();
    await created.getByText(`${AREAS[0]} ja ${AREAS[1]}`).waitFor();
    assert.equal(await card(page, t('programmeForm.title')).count(), 0, 'the form was replaced');
    await screenshot(page, 'created', created);

    const mine = (await api(sanna.user, 'GET', '/programmes')) as {
      items: Array<{ id: string; name: string; role: string }>;
    };
    assert.deepEqual(
      mine.items.map((i) => [i.name, i.role]),
      [[PROGRAMME, 'owner']],
    );
    programmeId = mine.items[0]!.id;
  });

  it('announces it in the channel with join buttons', async () => {
    const { page } = sanna;
    const created = card(page, t('created.title', { programme: PROGRAMME }));
    await created.getByRole('button', { name: t('created.announce') }).click();
    await created.getByText(t('created.announced')).waitFor(SEEN);
    assert.equal(await created.getByRole('button', { name: t('created.announce') }).count(), 0);

    const announcement = card(page, PROGRAMME).filter({ hasText: t('announce.what.title') });
    await announcement.waitFor(SEEN);
    await announcement.getByText(t('counts.none')).waitFor();
    await announcement.getByRole('button', { name: t('announce.join.mentor') }).waitFor();
    await announcement.getByRole('button', { name: t('announce.join.aktori') }).waitFor();
    await screenshot(page, 'announced', announcement);
  });

  it('Sanna joins as mentor from the announcement and signs up in her personal chat', async () => {
    await join(sanna, 'mentor');
    await signUp(sanna, 'mentor', 'Asiakaspalvelu');

    // The announcement's counts were updated in place.
    const { page } = sanna;
    await openChannel(sanna, false);
    const counts = t('counts.some', {
      mentors: t('counts.mentors.one', { count: 1 }),
      aktoris: t('counts.aktoris.other', { count: 0 }),
    });
    const announcement = card(page, PROGRAMME).filter({ hasText: t('announce.what.title') });
    await announcement.getByText(counts).waitFor(SEEN);
    await screenshot(page, 'announcement-counts', announcement);
  });

  it('Eveliina joins as aktori from the announcement in her Playground', async () => {
    await openChannel(eveliina, true);
    // Her Playground's channel is her own: the supervisor posts the announcement again from the tab.
    await api(sanna.user, 'POST', `/programmes/${programmeId}/announce`, {});
    const { page } = eveliina;
    const counts = t('counts.some', {
      mentors: t('counts.mentors.one', { count: 1 }),
      aktoris: t('counts.aktoris.other', { count: 0 }),
    });
    await card(page, PROGRAMME).filter({ hasText: counts }).waitFor(SEEN);
    await join(eveliina, 'aktori');
    await signUp(eveliina, 'aktori', 'Myynti');
  });

  it('pairs them through the tab API, and each finds the introduction in personal chat', async () => {
    const { suggestions } = (await api(sanna.user, 'GET', `/programmes/${programmeId}/suggestions`)) as {
      suggestions: Array<{ mentorId: string; aktoriIds: string[] }>;
    };
    assert.deepEqual(
      suggestions.map((s) => [s.mentorId, s.aktoriIds]),
      [[sanna.user.aadObjectId, [eveliina.user.aadObjectId]]],
    );
    const { results } = (await api(sanna.user, 'POST', `/programmes/${programmeId}/pairs`, {
      pairs: suggestions.map((s) => ({ mentorId: s.mentorId, aktoriIds: s.aktoriIds })),
      tellUnpaired: true,
    })) as { results: Array<{ status: string; unreachable?: string[] }> };
    assert.deepEqual(
      results.map((r) => [r.status, r.unreachable]),
      [['formed', []]],
    );

    const intros = [
      {
        person: sanna,
        text: t('intro.pair.toMentor', { programme: PROGRAMME, aktori: eveliina.user.name }),
        tip: t('intro.tip.mentor'),
      },
      {
        person: eveliina,
        text: t('intro.pair.toAktori', { programme: PROGRAMME, mentor: sanna.user.name }),
        tip: t('intro.tip.aktori'),
      },
    ];
    for (const { person, text, tip } of intros) {
      const { page } = person;
      await openPersonalChat(person);
      const intro = card(page, t('intro.title.pair'));
      await intro.waitFor(SEEN);
      await intro.getByText(text).waitFor();
      await intro.getByText(tip).waitFor();
      await screenshot(page, `intro-${person.user.givenName.toLowerCase()}`, intro);
    }
    assertLoopbackOnly([azurite!.port, server!.port, ...playgrounds.map((p) => p.port)]);
  });

  it('refuses a withdrawal once paired, on the card the person pressed', async () => {
    const { page } = eveliina;
    const confirmation = card(page, t('confirm.new.title'));
    await confirmation.getByRole('button', { name: t('signup.withdraw') }).click();
    const refused = card(page, t('signup.alreadyPaired'));
    await refused.waitFor(SEEN);
    await screenshot(page, 'withdraw-refused', refused);

    // The whole story went through without the server warning about anything (a failed send, a lost update).
    const problems = server!
      .logs()
      .split('\n')
      .filter((l) => /"level":"(warn|error|fatal)"/.test(l));
    assert.deepEqual(problems, []);
  });
});
