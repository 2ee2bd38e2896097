/**
 * The load generator for bot turns: N simulated Teams users, each a closed
 * loop (the next turn starts when the previous one answered, as a person
 * clicks the card they were just shown), all posting to /api/messages at
 * once. Activities are built as Teams sends them (test/support/teamsActivities).
 */
import http from 'node:http';
import {
  DEMO_CHANNEL_ID,
  DEMO_TEAM_ID,
  DEMO_TEAM_NAME,
  type DemoUser,
} from '../bot/src/devsupport/demoOrganisation';
import { type Activity, type ActivityOptions, cardAction, message } from '../test/support/teamsActivities';

export interface TurnAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface TurnSample {
  readonly step: string;
  readonly ms: number;
  /** False when the answer was not what the flow's next step needs (checked for Polku only). */
  readonly ok: boolean;
}

/** One connection pool for the whole run, kept alive as the Bot Framework service keeps its connections. */
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

export function postTurn(baseUrl: string, activity: Activity): Promise<TurnAnswer> {
  return postOnce(baseUrl, Buffer.from(JSON.stringify(activity)), true);
}

function postOnce(baseUrl: string, payload: Buffer, mayRetry: boolean): Promise<TurnAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}/api/messages`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed while idle (between runs) fails before the server
      // reads anything: the request never arrived, so sending it once more on a new socket is safe.
      if (mayRetry && req.reusedSocket && err.code === 'ECONNRESET') {
        postOnce(baseUrl, payload, false).then(resolve, reject);
      } else reject(err);
    });
    req.end(payload);
  });
}

/**
 * Synthetic colleagues: ids shaped like Teams' (an AAD object id, a 29: user id), a third each in
 * Finnish, Swedish and English. `batch` keeps every run's people distinct (a fresh programme each time).
 */
export function benchUsers(batch: number, count: number): DemoUser[] {
  const locales = ['fi-FI', 'sv-SE', 'en-GB'] as const;
  return Array.from({ length: count }, (_, i) => {
    const aadObjectId = `be${batch.toString(16).padStart(6, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    return {
      aadObjectId,
      botUserId: `29:bench-${aadObjectId}`,
      name: `Kollega ${batch}-${i}`,
      givenName: 'Kollega',
      surname: `${batch}-${i}`,
      email: `kollega.${batch}.${i}@polku-bench.example`,
      role: roleOf(i),
      timeZone: 'Europe/Helsinki',
      locale: locales[i % locales.length] as string,
    };
  });
}

export interface Scene {
  readonly serviceUrl: string;
  readonly programmeId: string;
}

function personal(scene: Scene, user: DemoUser): ActivityOptions {
  return { serviceUrl: scene.serviceUrl, user, locale: user.locale };
}

function inChannel(scene: Scene, user: DemoUser): ActivityOptions {
  return {
    serviceUrl: scene.serviceUrl,
    user,
    locale: user.locale,
    conversation: { id: DEMO_CHANNEL_ID, conversationType: 'channel' },
    team: { id: DEMO_TEAM_ID, name: DEMO_TEAM_NAME },
  };
}

const WORDS: Record<string, { help: string; agreement: string }> = {
  'fi-FI': { help: 'apua', agreement: 'sopimus' },
  'sv-SE': { help: 'hjälp', agreement: 'avtal' },
  'en-GB': { help: 'help', agreement: 'agreement' },
};

function words(user: DemoUser) {
  return WORDS[user.locale] ?? { help: 'help', agreement: 'agreement' };
}

export function roleOf(index: number): 'mentor' | 'aktori' {
  return index % 2 === 0 ? 'mentor' : 'aktori';
}

/** Every Action.Execute in a card (actions may sit in the body's action sets too). */
export function cardVerbs(node: unknown, found: Array<{ verb: string; data: Record<string, unknown> }> = []) {
  if (Array.isArray(node)) for (const n of node) cardVerbs(n, found);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && typeof o.verb === 'string')
      found.push({ verb: o.verb, data: (o.data ?? {}) as Record<string, unknown> });
    for (const v of Object.values(o)) if (v && typeof v === 'object') cardVerbs(v, found);
  }
  return found;
}

function invokeValue(answer: TurnAnswer): { type?: string; value?: unknown } {
  return (answer.body ?? {}) as { type?: string; value?: unknown };
}

export interface Step {
  readonly name: string;
  readonly activity: (state: { version: number }) => Activity;
  /** Whether the answer lets the flow go on (Polku); may read the card's version for the next step. */
  readonly check: (answer: TurnAnswer, state: { version: number }) => boolean;
}

const isOk = (a: TurnAnswer) => a.status === 200;

/** A card answer that carries the agreement's version, as the next click's card would. */
function agreementCard(answer: TurnAnswer, state: { version: number }): boolean {
  const { type, value } = invokeValue(answer);
  if (answer.status !== 200 || type !== 'application/vnd.microsoft.card.adaptive') return false;
  const versioned = cardVerbs(value).find((a) => typeof a.data.version === 'number');
  if (!versioned) return false;
  state.version = versioned.data.version as number;
  return true;
}

/** Help, then Join on the channel's announcement, then Save on the form that arrived in the 1:1 chat. */
export function signUpJourney(scene: Scene, user: DemoUser, index: number): Step[] {
  const role = roleOf(index);
  return [
    { name: 'help', activity: () => message(personal(scene, user), words(user).help), check: isOk },
    {
      name: 'signup.open',
      activity: () =>
        cardAction(inChannel(scene, user), 'signup.open', { programmeId: scene.programmeId, role }),
      check: (a) => isOk(a) && invokeValue(a).type === 'application/vnd.microsoft.activity.message',
    },
    {
      name: 'signup.save',
      activity: () =>
        cardAction(personal(scene, user), 'signup.save', {
          programmeId: scene.programmeId,
          role,
          [role === 'mentor' ? 'offers' : 'wants']: 'theme:career',
          unit: `Yksikkö ${index % 7}`,
          languages: 'fi',
          capacity: '1',
          note: '',
        }),
      check: (a) => isOk(a) && cardVerbs(invokeValue(a).value).some((x) => x.verb === 'signup.withdraw'),
    },
  ];
}

/** "sopimus", then the walkthrough from the introduction card: open, duration, rules, and goals or confidentiality. */
export function agreementJourney(scene: Scene, user: DemoUser, index: number, pairId: string): Step[] {
  const o = personal(scene, user);
  const save = (step: string, values: Record<string, unknown>): Step => ({
    name: `agreement.save ${step}`,
    // As the step card's Next carries it: the pair, its programme and the version shown.
    activity: (s) =>
      cardAction(o, 'agreement.save', {
        pairId,
        programmeId: scene.programmeId,
        step,
        version: s.version,
        ...values,
      }),
    check: agreementCard,
  });
  return [
    { name: 'agreement (message)', activity: () => message(o, words(user).agreement), check: isOk },
    {
      name: 'agreement.open',
      activity: () => cardAction(o, 'agreement.open', { pairId, programmeId: scene.programmeId }),
      check: agreementCard,
    },
    save('duration', { durationKind: 'meetings', meetings: '4' }),
    save('rules', { meetingMinutes: '60', cadenceWeeks: '4', place: 'teams', noticeHours: '48' }),
    roleOf(index) === 'mentor'
      ? save('confidentiality', { sharing: 'approved-learnings' })
      : save('goals', { goal1: 'Oppia johtamaan muutosta', goal2: '' }),
  ];
}

export interface LoadResult {
  readonly samples: TurnSample[];
  readonly wallMs: number;
}

/** Every user walks their steps at once; `checked` false (the echo bot) skips the flow checks. */
export async function runUsers(baseUrl: string, journeys: Step[][], checked: boolean): Promise<LoadResult> {
  const samples: TurnSample[] = [];
  const started = performance.now();
  await Promise.all(
    journeys.map(async (steps) => {
      const state = { version: 1 };
      for (const step of steps) {
        const activity = step.activity(state);
        const t0 = performance.now();
        const answer = await postTurn(baseUrl, activity);
        const ms = performance.now() - t0;
        samples.push({ step: step.name, ms, ok: checked ? step.check(answer, state) : isOk(answer) });
      }
    }),
  );
  return { samples, wallMs: performance.now() - started };
}
