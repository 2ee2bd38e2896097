/**
 * The scheduler (issue 9 item 3, issue 6) on Azurite, with 100,000 future
 * meetings stored over the next 90 days, each with its nudge and check-in
 * in the due table (200,000 items):
 * 1. A tick with 200 items due: its wall time and the entities it read
 *    (goal: ≤ 2× the due items). Baselines in the same run: a raw query of
 *    only the due partitions, listing the same 200 entities; and that read
 *    plus the claim and delete writes issued directly, which is the storage
 *    work a tick cannot avoid (two conditional writes per item are what make
 *    a send happen once across instances). The scan alone
 *    (TableDueStore.open) is what the bucketed keys decide.
 * 2. The fan-out of 5,000 nudges due at once against a connector stand-in
 *    that answers 429 beyond 50 posts a second (bench/nudgeFanOut.ts):
 *    goal ≥ 90 % of the limit, none lost, none twice.
 * `npx tsx bench/scheduler.bench.ts` prints the table; `npm run bench -- --only scheduler`.
 */
import os from 'node:os';
import { odata, TableClient, type TableEntityResult } from '@azure/data-tables';
import { bucketOf, type DueItem } from '../bot/src/domain/rhythm/dueItem';
import { createLogger } from '../bot/src/logging';
import { Scheduler } from '../bot/src/services/rhythm/scheduler';
import { type OpenDueItem, TableDueStore } from '../bot/src/store/dueStore';
import { startAzurite } from '../test/support/azurite';
import { startConnectorStandIn } from '../test/support/connectorStandIn';
import { futureMeetings, inPool, itemsOf, seedDueItems, seedMeetings } from './dueSeed';
import { type FanOutFigures, runFanOut } from './nudgeFanOut';
import { median, round } from './stats';

const FUTURE_MEETINGS = 100_000;
/** A programme is one partition of the meetings table: 100 programmes of 1,000 meetings. */
const FUTURE_PROGRAMMES = 100;
const DUE = 200;
const REPS = 5;
const FAN_OUT = 5_000;
const LIMIT = 50;
const GOAL = { readRatio: 2, ofLimit: 0.9 };
const MIN = 60_000;
/** The Scheduler's default items in flight (bot/src/services/rhythm/scheduler.ts), for the raw baseline. */
const SCHEDULER_CONCURRENCY = 16;

interface TickFigures {
  readonly futureMeetings: number;
  readonly futureItems: number;
  readonly seedFutureMs: number;
  readonly dueItems: number;
  readonly reps: number;
  readonly entitiesRead: number;
  /** Entities read over due items (goal ≤ 2). */
  readonly readRatio: number;
  readonly handled: number;
  readonly rawReadMs: number;
  readonly scanMs: number;
  /** The raw read plus the claim and delete writes issued directly: the storage work a tick cannot avoid. */
  readonly rawWorkMs: number;
  readonly tickMs: number;
  readonly scanRatio: number;
  readonly tickRatio: number;
  readonly tickToWorkRatio: number;
}

/** 200 items due over the five minutes before `now`, in five or six buckets, none later than `now`. */
function dueNow(now: number, tenantId: string, programmeId: string, label: string): DueItem[] {
  return Array.from({ length: DUE }, (_, i) => ({
    kind: i % 2 ? 'checkin' : 'nudge.mentor',
    dueAt: now - Math.floor((i / DUE) * 5 * MIN),
    tenantId,
    programmeId,
    pairId: `due-${label}-${i}`,
    meetingNumber: 1,
    recipientId: `member-${i}`,
  }));
}

/** The due partitions read directly, as one range query. */
async function rawRead(
  client: TableClient,
  from: string,
  to: string,
): Promise<TableEntityResult<Record<string, unknown>>[]> {
  const rows: TableEntityResult<Record<string, unknown>>[] = [];
  const query = client.listEntities({
    queryOptions: { filter: odata`PartitionKey ge ${from} and PartitionKey le ${to}` },
  });
  for await (const row of query) rows.push(row);
  if (rows.length !== DUE) throw new Error(`the raw read found ${rows.length} entities, not ${DUE}`);
  return rows;
}

/**
 * The least storage work a tick can do: the raw read, then for each entity
 * the two conditional writes a claim and a completion are (replace with the
 * ETag, delete with the new one), as many at once as the scheduler runs.
 */
async function rawWork(client: TableClient, from: string, to: string): Promise<void> {
  const rows = await rawRead(client, from, to);
  await inPool(
    rows.map((row) => async () => {
      const { etag, partitionKey, rowKey, timestamp: _, 'odata.metadata': __, ...data } = row;
      const claimed = await client.updateEntity(
        { ...data, partitionKey: partitionKey ?? '', rowKey: rowKey ?? '', claimedBy: 'bench' },
        'Replace',
        { etag },
      );
      await client.deleteEntity(partitionKey ?? '', rowKey ?? '', { etag: claimed.etag ?? '*' });
    }),
    SCHEDULER_CONCURRENCY,
  );
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

async function measureTicks(
  client: TableClient,
  store: TableDueStore,
  seed: { meetings: number; items: number; ms: number },
): Promise<TickFigures> {
  const tenantId = '72f988bf-0000-4000-8000-0000000071c4';
  const programmeId = '11111111-0000-4000-8000-0000000071c4';
  const scheduler = new Scheduler<OpenDueItem>({
    due: store,
    handle: async () => 'done',
    now: () => new Date(),
    logger: createLogger('silent'),
  });
  const raw: number[] = [];
  const scan: number[] = [];
  const tick: number[] = [];
  const work: number[] = [];
  const read: number[] = [];
  const handled: number[] = [];
  // Rep 0 warms the JIT, the connection pool and Azurite; it is not counted.
  for (let rep = 0; rep <= REPS; rep++) {
    const now = Date.now();
    const from = bucketOf(now - 5 * MIN);
    const to = bucketOf(now);
    const scanAll = async () => {
      let n = 0;
      for await (const _ of store.open(now)) n++;
      if (n !== DUE) throw new Error(`the scan found ${n} entities, not ${DUE}`);
    };
    let tickMs = 0;
    let readByTick = 0;
    let handledByTick = 0;
    const tickPart = async () => {
      await store.schedule(dueNow(now, tenantId, programmeId, `${rep}-tick`));
      // Alternate which read goes first, so neither always meets a warmer Azurite.
      const first = rep % 2 ? await timed(() => rawRead(client, from, to)) : await timed(scanAll);
      const second = rep % 2 ? await timed(scanAll) : await timed(() => rawRead(client, from, to));
      raw.push(rep % 2 ? first : second);
      scan.push(rep % 2 ? second : first);
      const before = store.entitiesRead;
      const t = performance.now();
      const result = await scheduler.tick(new Date(now));
      tickMs = performance.now() - t;
      readByTick = store.entitiesRead - before;
      handledByTick = result.handled;
    };
    let workMs = 0;
    const workPart = async () => {
      await store.schedule(dueNow(now, tenantId, programmeId, `${rep}-raw`));
      workMs = await timed(() => rawWork(client, from, to));
    };
    // The same alternation for the tick and its baseline; each runs on its own 200 items.
    if (rep % 2) {
      await workPart();
      await tickPart();
    } else {
      await tickPart();
      await workPart();
    }
    if (rep === 0) {
      raw.length = 0;
      scan.length = 0;
      continue;
    }
    tick.push(tickMs);
    work.push(workMs);
    read.push(readByTick);
    handled.push(handledByTick);
  }
  const ratio = (xs: number[], base: number[]) => round(median(xs.map((x, i) => x / (base[i] ?? 1))), 2);
  return {
    futureMeetings: seed.meetings,
    futureItems: seed.items,
    seedFutureMs: round(seed.ms, 0),
    dueItems: DUE,
    reps: REPS,
    entitiesRead: Math.max(...read),
    readRatio: round(Math.max(...read) / DUE, 2),
    handled: Math.min(...handled),
    rawReadMs: round(median(raw)),
    scanMs: round(median(scan)),
    rawWorkMs: round(median(work)),
    tickMs: round(median(tick)),
    scanRatio: ratio(scan, raw),
    tickRatio: ratio(tick, raw),
    tickToWorkRatio: ratio(tick, work),
  };
}

export async function runSchedulerBench(): Promise<Record<string, unknown>> {
  const azurite = await startAzurite();
  const connector = await startConnectorStandIn();
  try {
    const client = TableClient.fromConnectionString(azurite.connectionString, 'benchdue', {
      allowInsecureConnection: true,
    });
    const conversationsClient = TableClient.fromConnectionString(
      azurite.connectionString,
      'benchconversations',
      {
        allowInsecureConnection: true,
      },
    );
    await client.createTable();
    await conversationsClient.createTable();
    const store = new TableDueStore(client);
    const meetingsClient = TableClient.fromConnectionString(azurite.connectionString, 'benchmeetings', {
      allowInsecureConnection: true,
    });
    await meetingsClient.createTable();
    const tenantId = '72f988bf-0000-4000-8000-00000000f07e';
    const meetings = futureMeetings(FUTURE_MEETINGS, Date.now() + 10 * MIN, FUTURE_PROGRAMMES);
    const future = itemsOf(meetings, tenantId);
    const seedFutureMs =
      (await seedMeetings(meetingsClient, meetings, tenantId)) + (await seedDueItems(client, future));
    const tick = await measureTicks(client, store, {
      meetings: meetings.length,
      items: future.length,
      ms: seedFutureMs,
    });
    // The fan-out runs over the same table: the 200,000 future items stay in it.
    const fanOut = await runFanOut({
      dueClient: client,
      dueStore: store,
      conversationsClient,
      connector,
      recipients: FAN_OUT,
      limitPerSecond: LIMIT,
      deadlineMs: 170_000,
    });
    return {
      goal: GOAL,
      tick,
      fanOut,
      tickMet: tick.readRatio <= GOAL.readRatio && tick.handled === DUE,
      fanOutMet: fanOut.ofLimit >= GOAL.ofLimit && fanOut.lost === 0 && fanOut.duplicates === 0,
    };
  } finally {
    await connector.close();
    await azurite.stop();
  }
}

export function printScheduler(figures: Record<string, unknown>): void {
  const out = process.stdout;
  const t = figures.tick as TickFigures;
  const f = figures.fanOut as FanOutFigures;
  out.write(
    `tick: ${t.futureMeetings} future meetings and their ${t.futureItems} due items stored ` +
      `(seeded in ${(t.seedFutureMs / 1000).toFixed(1)} s), ` +
      `${t.dueItems} due; median of ${t.reps}\n`,
  );
  out.write(
    `  entities read ${t.entitiesRead} = ${t.readRatio}× the due items (goal ≤ ${GOAL.readRatio}×); handled ${t.handled}\n`,
  );
  out.write('  what                                  median ms   × raw read\n');
  const row = (what: string, ms: number, ratio: number | string) =>
    out.write(`  ${what.padEnd(38)}${String(ms).padStart(9)}${String(ratio).padStart(13)}\n`);
  row('raw read of the due partitions', t.rawReadMs, 1);
  row('scan (TableDueStore.open)', t.scanMs, t.scanRatio);
  row('raw read + claim and delete writes', t.rawWorkMs, round(t.rawWorkMs / t.rawReadMs, 2));
  row('tick (scan, claim, handle, delete)', t.tickMs, t.tickRatio);
  out.write(`  the tick takes ${t.tickToWorkRatio}× the storage work it cannot avoid\n`);
  out.write(
    `fan-out: ${f.recipients} nudges against ${f.limitPerSecond}/s with 429s ` +
      `(references seeded in ${(f.seedReferencesMs / 1000).toFixed(1)} s, items in ${(f.seedItemsMs / 1000).toFixed(1)} s)\n`,
  );
  out.write(
    `  ${f.sendsPerSecond} sends/s over ${f.fanOutSeconds} s = ${Math.round(f.ofLimit * 100)} % of the limit (goal ≥ ${GOAL.ofLimit * 100} %)` +
      `${f.timedOut ? ' — TIMED OUT' : ''}\n`,
  );
  out.write(
    `  429s answered ${f.http429}; failed attempts seen by the scheduler ${JSON.stringify(f.failedAttempts)}; ` +
      `peak ${f.peakPerSecond} in 1 s\n`,
  );
  out.write(`  lost ${f.lost}, duplicates ${f.duplicates}\n`);
  out.write(
    `  load average ${f.loadAverage.start} → ${f.loadAverage.end} on ${os.cpus().length} CPUs ` +
      '(other work on the machine slows the sending path below the pacer)\n',
  );
}

if (require.main === module) {
  runSchedulerBench().then(printScheduler, (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
