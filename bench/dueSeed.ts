/**
 * Seeding for the scheduler benchmark: due items written straight to the due
 * table as entity-group transactions (up to 100 of one partition at a time),
 * because 100,000 single inserts would take longer than the benchmark itself.
 * The entity's shape mirrors TableDueStore's (bot/src/store/dueStore.ts); the
 * fan-out reads these items back through the store, so a drift shows there.
 */
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { type DueItem, dueKeys } from '../bot/src/domain/rhythm/dueItem';

const MIN = 60_000;
const DAY = 86_400_000;

/** Runs the tasks, at most `width` at a time. */
export async function inPool(tasks: readonly (() => Promise<unknown>)[], width: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      if (task) await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` items of the rhythm over the 90 days after `from`: meetings start on
 * the hour or half hour in working hours (07–17 UTC) on weekdays, and each brings a
 * nudge 24 h before and a check-in after, so buckets hold tens of items, as
 * the real table's would.
 */
export function futureItems(count: number, from: number, tenantId: string, programmeId: string): DueItem[] {
  const rng = prng(9);
  const firstDay = Math.ceil(from / DAY) * DAY;
  const items: DueItem[] = [];
  for (let i = 0; items.length < count; i++) {
    let day = 2 + Math.floor(rng() * 88);
    while (new Date(firstDay + day * DAY).getUTCDay() % 6 === 0) day = 2 + Math.floor(rng() * 88);
    const start = firstDay + day * DAY + 7 * 3_600_000 + Math.floor(rng() * 20) * 30 * MIN;
    const pairId = `pair-${i}`;
    const base = { tenantId, programmeId, pairId, meetingNumber: 1 + (i % 6), meetingStart: start };
    items.push({ ...base, kind: 'nudge.mentor', dueAt: start - DAY, recipientId: `mentor-${i}` });
    if (items.length < count) {
      items.push({ ...base, kind: 'checkin', dueAt: start + 75 * MIN, recipientId: `mentor-${i}` });
    }
  }
  return items;
}

/** As TableDueStore stores a newly scheduled item. */
function entityOf(item: DueItem): Record<string, string | number> {
  const { partitionKey, rowKey } = dueKeys(item);
  return {
    partitionKey,
    rowKey,
    kind: item.kind,
    dueAt: item.dueAt,
    tenantId: item.tenantId,
    programmeId: item.programmeId,
    ...(item.pairId ? { pairId: item.pairId } : {}),
    ...(item.meetingNumber !== undefined ? { meetingNumber: item.meetingNumber } : {}),
    ...(item.meetingStart !== undefined ? { meetingStart: item.meetingStart } : {}),
    ...(item.recipientId ? { recipientId: item.recipientId } : {}),
    attempts: 0,
    notBefore: 0,
  };
}

/** Writes the items 100 per partition per transaction, `width` transactions at a time; returns ms taken. */
export async function seedDueItems(
  client: TableClient,
  items: readonly DueItem[],
  width = 8,
): Promise<number> {
  const started = performance.now();
  const byPartition = new Map<string, Record<string, string | number>[]>();
  for (const item of items) {
    const entity = entityOf(item);
    const list = byPartition.get(entity.partitionKey as string) ?? [];
    list.push(entity);
    byPartition.set(entity.partitionKey as string, list);
  }
  const batches: TransactionAction[][] = [];
  for (const list of byPartition.values()) {
    for (let k = 0; k < list.length; k += 100) {
      batches.push(list.slice(k, k + 100).map((e) => ['create', e] as TransactionAction));
    }
  }
  await inPool(
    batches.map((batch) => () => client.submitTransaction(batch)),
    width,
  );
  return performance.now() - started;
}
