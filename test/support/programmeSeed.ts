/**
 * Seeds a programme's world the way Teams would: Polku installed in the demo
 * team's channel, and colleagues volunteering through the sign-up card
 * (Action.Execute invokes to /api/messages). API helpers and browser
 * sessions use dev sign-in.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  DEMO_CHANNEL_ID,
  DEMO_CHANNEL_NAME,
  DEMO_TEAM_ID,
  DEMO_TEAM_NAME,
  DEMO_USERS,
  type DemoUser,
} from '../../bot/src/devsupport/demoOrganisation';
import { blockNonLoopback } from './chromium';
import type { RosterMember } from './connectorStandIn';
import { type ActivityOptions, cardAction, channelInstallationUpdate, postActivity } from './teamsActivities';

export const [sanna, jukka, aino, mikko, helmi, pekka, eveliina, onni, linnea, ville] = DEMO_USERS as [
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
  DemoUser,
];

/** The demo team's members, as the connector lists them (TeamsInfo.getMember). */
export const DEMO_ROSTER: readonly RosterMember[] = DEMO_USERS.map((u) => ({
  id: u.botUserId,
  name: u.name,
  aadObjectId: u.aadObjectId,
}));

export const AREAS = ['Asiakaskokemus', 'Data-analytiikka', 'Palvelumuotoilu'] as const;

export interface SignUp {
  readonly user: DemoUser;
  readonly role: 'mentor' | 'aktori';
  /** Tag ids: "area:…" or "theme:…". */
  readonly topics: readonly string[];
  readonly unit: string;
  readonly languages: readonly string[];
  readonly capacity?: number;
  readonly note?: string;
}

/** Three mentors and four aktoris: one aktori is left over whatever Polku suggests. */
export const VOLUNTEERS: readonly SignUp[] = [
  {
    user: aino,
    role: 'mentor',
    topics: ['area:Asiakaskokemus', 'theme:career'],
    unit: 'Asiakaspalvelu',
    languages: ['fi'],
  },
  {
    user: mikko,
    role: 'mentor',
    topics: ['area:Data-analytiikka', 'theme:innovation'],
    unit: 'Analytiikka',
    languages: ['fi', 'en'],
    note: 'Tiistait käyvät parhaiten.',
  },
  {
    user: helmi,
    role: 'mentor',
    topics: ['area:Palvelumuotoilu', 'theme:internationality'],
    unit: 'Palvelukehitys',
    languages: ['sv', 'fi'],
  },
  {
    user: eveliina,
    role: 'aktori',
    topics: ['area:Asiakaskokemus', 'theme:career'],
    unit: 'Myynti',
    languages: ['fi'],
  },
  { user: onni, role: 'aktori', topics: ['area:Data-analytiikka'], unit: 'Talous', languages: ['fi'] },
  {
    user: linnea,
    role: 'aktori',
    topics: ['area:Palvelumuotoilu', 'theme:internationality'],
    unit: 'Asiakaspalvelu',
    languages: ['sv'],
  },
  {
    user: ville,
    role: 'aktori',
    topics: ['theme:networking'],
    unit: 'IT',
    languages: ['en', 'fi'],
    note: 'New in the team.',
  },
];

export class Seeder {
  constructor(
    private readonly baseUrl: string,
    private readonly serviceUrl: string,
  ) {}

  /** Polku added to the demo team: Teams tells it in the channel, naming the team and the channel. */
  async installInDemoChannel(): Promise<void> {
    const activity = channelInstallationUpdate(
      {
        serviceUrl: this.serviceUrl,
        user: sanna,
        locale: 'fi-FI',
        conversation: { id: DEMO_CHANNEL_ID, conversationType: 'channel' },
        team: { id: DEMO_TEAM_ID, name: DEMO_TEAM_NAME },
        channelName: DEMO_CHANNEL_NAME,
      },
      'add',
    );
    const res = await postActivity(this.baseUrl, activity);
    assert.equal(res.status, 200, await res.text());
  }

  /** Save on the sign-up card in the person's 1:1 chat with Polku; returns the card Teams shows next. */
  async signUp(programmeId: string, s: SignUp): Promise<Record<string, unknown>> {
    const data = {
      programmeId,
      role: s.role,
      [s.role === 'mentor' ? 'offers' : 'wants']: s.topics.join(','),
      unit: s.unit,
      languages: s.languages.join(','),
      capacity: String(s.capacity ?? 1),
      note: s.note ?? '',
    };
    return this.invoke(s.user, 'signup.save', data);
  }

  async withdraw(programmeId: string, user: DemoUser): Promise<Record<string, unknown>> {
    return this.invoke(user, 'signup.withdraw', { programmeId });
  }

  private async invoke(
    user: DemoUser,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const o: ActivityOptions = { serviceUrl: this.serviceUrl, user, locale: user.locale };
    const res = await postActivity(this.baseUrl, cardAction(o, verb, data));
    const text = await res.text();
    assert.equal(res.status, 200, text);
    const body = JSON.parse(text) as { statusCode: number; type: string; value: Record<string, unknown> };
    assert.equal(body.statusCode, 200, text);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive', text);
    return body.value;
  }

  /** Dev sign-in's answer: { token, expiresAt, user }, as the tab stores it. */
  async session(user: DemoUser): Promise<{ token: string }> {
    const res = await fetch(`${this.baseUrl}/api/v1/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: user.aadObjectId }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as { token: string };
  }

  async token(user: DemoUser): Promise<string> {
    return (await this.session(user)).token;
  }

  /** Calls the tab API as `user`; returns the status and parsed body. */
  async api<T = Record<string, unknown>>(
    user: DemoUser,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(user)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** A non-stop pair programme created straight through the API, for tests that start later in the story. */
  async createProgramme(owner: DemoUser, name: string, options: { channel?: boolean } = {}): Promise<string> {
    const { status, body } = await this.api<{ programme: { id: string } }>(
      owner,
      'POST',
      '/programmes?lang=fi',
      {
        name,
        form: 'pair',
        mode: { kind: 'nonstop' },
        aims: ['strengthen'],
        competenceAreas: [...AREAS],
        defaults: { firstPhaseMeetings: 3, cadenceWeeks: 4, meetingMinutes: 60, nudgeLeadHours: 24 },
        language: 'fi',
        ...(options.channel === false ? {} : { channel: { channelId: DEMO_CHANNEL_ID } }),
      },
    );
    assert.equal(status, 201, JSON.stringify(body));
    return body.programme.id;
  }

  /** The supervisor confirms one pair (POST /programmes/:id/pairs); returns its id. */
  async confirmPair(
    owner: DemoUser,
    programmeId: string,
    mentor: DemoUser,
    aktoris: readonly DemoUser[],
  ): Promise<string> {
    const { status, body } = await this.api<{ results: Array<{ status: string; pairId?: string }> }>(
      owner,
      'POST',
      `/programmes/${programmeId}/pairs`,
      { pairs: [{ mentorId: mentor.aadObjectId, aktoriIds: aktoris.map((a) => a.aadObjectId) }] },
    );
    assert.equal(status, 200, JSON.stringify(body));
    const [result] = body.results;
    assert.equal(result?.status, 'formed', JSON.stringify(body));
    return String(result?.pairId);
  }

  /** A member's current agreement version (GET /pairs/:pairId/agreement). */
  async agreementVersion(user: DemoUser, pairId: string): Promise<number> {
    const { status, body } = await this.api<{ version: number }>(user, 'GET', `/pairs/${pairId}/agreement`);
    assert.equal(status, 200, JSON.stringify(body));
    return body.version;
  }

  /**
   * A click on an agreement card in the member's 1:1 chat (agreement.save,
   * agreement.accept, agreement.reopen…), made against the current version
   * as the card would carry it; returns the card Teams shows next.
   */
  async agreementAction(
    user: DemoUser,
    pairId: string,
    verb: string,
    data: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> {
    const version = await this.agreementVersion(user, pairId);
    return this.invoke(user, verb, { pairId, version, ...data });
  }

  /** Both (all) members accept the current version, confidentiality ticked: the agreement comes into force. */
  async acceptAgreement(pairId: string, members: readonly DemoUser[]): Promise<void> {
    for (const m of members)
      await this.agreementAction(m, pairId, 'agreement.accept', { confidentiality: 'true' });
  }
}

/** Builds the tab into `dir` (a build of the test's own: current, and never pulled from under another test). */
export function buildTabInto(dir: string): string {
  const root = path.resolve(__dirname, '../..');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', '--config', 'tab/vite.config.mts', '--outDir', dir, '--emptyOutDir'];
  execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  return dir;
}

/**
 * A page in a new context, signed in as `user` with the session the dev
 * sign-in form would store; console errors and page errors go to `errors`.
 */
export async function openSignedIn(
  browser: Browser,
  seed: Seeder,
  user: DemoUser,
  viewport: { width: number; height: number },
  errors: string[],
  /** The browser's time zone (IANA), when the test needs to know it; else the machine's. */
  timezoneId?: string,
): Promise<Page> {
  const context = await browser.newContext({
    locale: 'fi-FI',
    viewport,
    ...(timezoneId ? { timezoneId } : {}),
  });
  const session = await seed.session(user);
  await context.addInitScript(
    `sessionStorage.setItem('polku.devSession', ${JSON.stringify(JSON.stringify(session))})`,
  );
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await blockNonLoopback(page);
  return page;
}
