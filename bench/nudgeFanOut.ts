/**
 * The fan-out of nudges due at once, through the real sending path: the
 * Scheduler on its real clock (ticking every second) claims each item from
 * the due table, ProactiveNotifier.sendPersonal looks up the person's stored
 * conversation reference, waits on the SendPacer and posts the nudge card
 * through a local-mode CloudAdapter to the connector stand-in, which answers
 * 429 beyond 50 posts a second as Teams does per tenant. Measured: the rate
 * achieved against that limit, the 429s, and whether every recipient got
 * exactly one message.
 */
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { isPolkuError } from '../bot/src/domain/errors';
import type { Programme } from '../bot/src/domain/programme/programme';
import { bucketOf, type DueItem } from '../bot/src/domain/rhythm/dueItem';
import { createLogger } from '../bot/src/logging';
import { type DueHandler, Scheduler } from '../bot/src/services/rhythm/scheduler';
import { TableConversationStore } from '../bot/src/store/conversationStore';
import type { OpenDueItem, TableDueStore } from '../bot/src/store/dueStore';
import { encodeKeyPart } from '../bot/src/store/keys';
import { createAdapter } from '../bot/src/teams/adapter';
import { meetingNudgeCard } from '../bot/src/teams/cards/meetingNudgeCard';
import { type StoredConversation, scopeKeyFor } from '../bot/src/teams/conversationReferences';
import { ProactiveNotifier } from '../bot/src/teams/proactiveNotifier';
import { SendPacer, TEAMS_LIMITS } from '../bot/src/teams/sendPacer';
import type { ConnectorStandIn } from '../test/support/connectorStandIn';
import { inPool, seedDueItems } from './dueSeed';
import { round } from './stats';

const MIN = 60_000;

export interface FanOutFigures {
  readonly recipients: number;
  readonly limitPerSecond: number;
  readonly seedReferencesMs: number;
  readonly seedItemsMs: number;
  /** From the scheduler's start to the last item done. */
  readonly fanOutSeconds: number;
  readonly sendsPerSecond: number;
  /** sendsPerSecond over the limit (goal ≥ 0.9). */
  readonly ofLimit: number;
  /** 429s the stand-in answered (the connector client retries some itself before the scheduler sees them). */
  readonly http429: number;
  /** Handler attempts that failed, by error kind, as the scheduler saw them. */
  readonly failedAttempts: Readonly<Record<string, number>>;
  readonly lost: number;
  readonly duplicates: number;
  /** Most sends completed in any one-second window (the pacer's burst shows here). */
  readonly peakPerSecond: number;
  readonly timedOut: boolean;
  /** One-minute load average at the start and the end: other work on the machine shows here, not in the ratios. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  /** Sends completed and 429s answered in each second from the start: where the time went. */
  readonly timeline: { readonly sent: readonly number[]; readonly http429: readonly number[] };
}

export function userIdOf(i: number): string {
  return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

/** Person i's 1:1 chat with Polku, as Polku stores it when the person first talks to it. */
function referenceOf(tenantId: string, serviceUrl: string, i: number, at: string): StoredConversation {
  const userId = userIdOf(i);
  const conversationId = `a:1on1-${userId}`;
  return {
    tenantId,
    scopeKey: scopeKeyFor('personal', '', userId),
    kind: 'personal',
    conversationId,
    serviceUrl,
    userAadObjectId: userId,
    locale: 'fi-FI',
    reference: {
      channelId: 'msteams',
      serviceUrl,
      bot: { id: '28:polku', name: 'Polku' },
      user: { id: `29:${userId}`, name: `Henkilö ${i}`, aadObjectId: userId },
      conversation: { id: conversationId, conversationType: 'personal', isGroup: false, tenantId, name: '' },
    },
    updatedAt: at,
  };
}

/**
 * One reference per recipient, written 100 to a transaction (one tenant is
 * one partition): 5,000 single saves take longer than the fan-out on a busy
 * machine. The entity mirrors TableConversationStore's; the first reference
 * is read back through the store, so a drift stops the bench here.
 */
async function seedReferences(
  client: TableClient,
  tenantId: string,
  serviceUrl: string,
  count: number,
): Promise<number> {
  const started = performance.now();
  const at = new Date().toISOString();
  const entities = Array.from({ length: count }, (_, i) => {
    const c = referenceOf(tenantId, serviceUrl, i, at);
    return {
      partitionKey: tenantId,
      rowKey: encodeKeyPart(c.scopeKey),
      kind: c.kind,
      conversationId: c.conversationId,
      serviceUrl: c.serviceUrl,
      userAadObjectId: c.userAadObjectId,
      locale: c.locale,
      reference: JSON.stringify(c.reference),
      updatedAt: c.updatedAt,
      deadAt: '',
    };
  });
  const batches: TransactionAction[][] = [];
  for (let k = 0; k < entities.length; k += 100) {
    batches.push(entities.slice(k, k + 100).map((e) => ['create', e] as TransactionAction));
  }
  await inPool(
    batches.map((batch) => () => client.submitTransaction(batch)),
    4,
  );
  const expected = referenceOf(tenantId, serviceUrl, 0, at);
  const stored = await new TableConversationStore(client).get(tenantId, expected.scopeKey);
  if (!isDeepStrictEqual(stored, expected)) {
    throw new Error(`a seeded reference does not read back as the store's: ${JSON.stringify(stored)}`);
  }
  return performance.now() - started;
}

function programmeOf(tenantId: string, id: string): Programme {
  return {
    id,
    tenantId,
    name: 'Suorituskyky',
    description: '',
    form: 'pair',
    mode: { kind: 'nonstop' },
    aims: ['develop'],
    competenceAreas: [],
    defaults: {
      firstPhaseMeetings: 3,
      cadenceWeeks: 4,
      meetingMinutes: 60,
      nudgeLeadHours: 24,
      nudgeAktori: false,
    },
    signUpDeadline: undefined,
    timeZone: 'Europe/Helsinki',
    language: 'fi',
    owners: [],
    coordinators: [],
    channel: undefined,
    announcement: undefined,
    createdBy: userIdOf(0),
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  };
}

export async function runFanOut(options: {
  readonly dueClient: TableClient;
  readonly dueStore: TableDueStore;
  readonly conversationsClient: TableClient;
  readonly connector: ConnectorStandIn;
  readonly recipients: number;
  readonly limitPerSecond: number;
  /** The pacer's rate (TEAMS_SEND_PER_SECOND); the limit itself unless given. */
  readonly pacePerSecond?: number;
  /** The scheduler's items in flight; its own default unless given. */
  readonly concurrency?: number;
  readonly deadlineMs: number;
}): Promise<FanOutFigures> {
  const { dueClient, dueStore, connector, recipients } = options;
  const tenantId = '72f988bf-0000-4000-8000-00000000be9c';
  const programme = programmeOf(tenantId, '11111111-0000-4000-8000-00000000fa90');
  const seedReferencesMs = await seedReferences(
    options.conversationsClient,
    tenantId,
    connector.serviceUrl,
    recipients,
  );
  const conversations = new TableConversationStore(options.conversationsClient);

  // Due a minute ago, all in one bucket: a morning's nudges after an outage, or a big cohort's first meeting.
  const dueAt = Date.now() - MIN;
  const items: DueItem[] = Array.from({ length: recipients }, (_, i) => ({
    kind: 'nudge.mentor',
    dueAt,
    tenantId,
    programmeId: programme.id,
    pairId: `fan-${i}`,
    meetingNumber: 1,
    meetingStart: dueAt + 24 * 60 * MIN,
    recipientId: userIdOf(i),
  }));
  const seedItemsMs = await seedDueItems(dueClient, items);

  const logger = createLogger('silent');
  const notifier = new ProactiveNotifier({
    adapter: createAdapter(undefined, logger),
    botAppId: '',
    conversations,
    now: () => new Date(),
    logger,
    pacer: new SendPacer({
      ...TEAMS_LIMITS,
      perTenantPerSecond: options.pacePerSecond ?? options.limitPerSecond,
    }),
  });
  const failedAttempts: Record<string, number> = {};
  const doneAt: number[] = [];
  const handle: DueHandler = async (item) => {
    const start = item.meetingStart ?? item.dueAt;
    try {
      await notifier.sendPersonal(programme, item.recipientId ?? '', (locale) =>
        meetingNudgeCard(
          {
            role: 'mentor',
            meeting: {
              pairId: item.pairId ?? '',
              number: item.meetingNumber ?? 1,
              start,
              end: start + 60 * MIN,
              joinUrl: 'https://teams.microsoft.com/l/meetup-join/bench',
            },
            programmeName: programme.name,
            partnerNames: ['Aino Aktori'],
            timeZone: programme.timeZone,
            terms: {
              goals: [{ text: 'Oppia delegoimaan', tags: [] }],
              preparation: 'Mietin etukäteen yhden tilanteen',
            },
          },
          locale,
        ),
      );
    } catch (err) {
      const kind = isPolkuError(err) ? err.kind : 'other';
      failedAttempts[kind] = (failedAttempts[kind] ?? 0) + 1;
      throw err;
    }
    doneAt.push(Date.now());
    return 'done';
  };

  connector.clear();
  connector.limitPerSecond(options.limitPerSecond);
  const refusedBefore = connector.refused.length;
  const scheduler = new Scheduler<OpenDueItem>({
    due: dueStore,
    handle,
    now: () => new Date(),
    logger,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  const loadAtStart = os.loadavg()[0] ?? 0;
  const started = Date.now();
  scheduler.start(1000);
  const bucket = bucketOf(dueAt);
  let timedOut = false;
  const refusedAt: number[] = [];
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    refusedAt.push(connector.refused.length - refusedBefore);
    if (doneAt.length >= recipients && (await countOpen(dueClient, bucket)) === 0) break;
    if (Date.now() - started > options.deadlineMs) {
      timedOut = true;
      break;
    }
  }
  await scheduler.stop();
  connector.limitPerSecond(undefined);

  const perConversation = new Map<string, number>();
  for (const s of connector.sent)
    perConversation.set(s.conversationId, (perConversation.get(s.conversationId) ?? 0) + 1);
  const expected = new Set(items.map((i) => `a:1on1-${i.recipientId}`));
  const reached = [...expected].filter((c) => (perConversation.get(c) ?? 0) > 0).length;
  const duplicates = [...perConversation.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const last = Math.max(...doneAt, started);
  const seconds = (last - started) / 1000;
  return {
    recipients,
    limitPerSecond: options.limitPerSecond,
    seedReferencesMs: round(seedReferencesMs, 0),
    seedItemsMs: round(seedItemsMs, 0),
    fanOutSeconds: round(seconds, 1),
    sendsPerSecond: round(reached / seconds, 1),
    ofLimit: round(reached / seconds / options.limitPerSecond, 3),
    http429: connector.refused.slice(refusedBefore).filter((r) => r.status === 429).length,
    failedAttempts,
    lost: recipients - reached,
    duplicates,
    peakPerSecond: peakInWindow(doneAt, 1000),
    timedOut,
    loadAverage: { start: round(loadAtStart, 2), end: round(os.loadavg()[0] ?? 0, 2) },
    timeline: {
      sent: perSecond(doneAt, started, Math.ceil(seconds)),
      http429: refusedAt.map((n, i) => n - (refusedAt[i - 1] ?? 0)),
    },
  };
}

function perSecond(times: readonly number[], from: number, seconds: number): number[] {
  const counts = Array.from({ length: seconds }, () => 0);
  for (const t of times) {
    const k = Math.min(seconds - 1, Math.floor((t - from) / 1000));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

/** Items still open in the fan-out's bucket (claimed, retried or not yet reached). */
async function countOpen(client: TableClient, bucket: string): Promise<number> {
  let n = 0;
  const rows = client.listEntities({
    queryOptions: { filter: `PartitionKey eq '${bucket}'`, select: ['RowKey'] },
  });
  for await (const _ of rows) n++;
  return n;
}

function peakInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while ((sorted[to] ?? 0) - (sorted[from] ?? 0) >= windowMs) from++;
    peak = Math.max(peak, to - from + 1);
  }
  return peak;
}
