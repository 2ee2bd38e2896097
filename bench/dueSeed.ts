/**
 * Seeding for the scheduler benchmark: booked meetings and their due items
 * written straight to their tables as entity-group transactions (up to 100
 * of one partition at a time), because 300,000 single inserts would take
 * longer than the benchmark itself. Meetings are written as the store writes
 * them (`meetingRow`).
 * The entity's shape mirrors TableDueStore's (bot/src/store/dueStore.ts); the
 * fan-out reads these items back through the store, so a drift shows there.
 */
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { meetingTransactionId } from '../bot/src/domain/meetings/meeting';
import { type DueItem, dueKeys } from '../bot/src/domain/rhythm/dueItem';
import { meetingRow } from '../bot/src/store/meetingStore';
import { prng } from '../test/support/prng';

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

/** A booked meeting of the benchmark's programme, with what its due items need. */
export interface FutureMeeting {
  readonly programmeId: string;
  readonly pairId: string;
  readonly number: number;
  readonly start: number;
  readonly mentorId: string;
}

/**
 * `count` meetings over the 90 days after `from`, in `programmes` programmes
 * (a programme is one partition of the meetings table): they start on the
 * hour or half hour in working hours (07–17 UTC) on weekdays, so the minute
 * buckets of their items hold tens of items each, as the real table's would.
 */
export function futureMeetings(count: number, from: number, programmes: number): FutureMeeting[] {
  const rng = prng(9);
  const firstDay = Math.ceil(from / DAY) * DAY;
  return Array.from({ length: count }, (_, i) => {
    let day = 2 + Math.floor(rng() * 88);
    while (new Date(firstDay + day * DAY).getUTCDay() % 6 === 0) day = 2 + Math.floor(rng() * 88);
    const start = firstDay + day * DAY + 7 * 3_600_000 + Math.floor(rng() * 20) * 30 * MIN;
    return {
      programmeId: `future-${i % programmes}`,
      pairId: `pair-${i}`,
      number: 1 + (i % 6),
      start,
      mentorId: `mentor-${i}`,
    };
  });
}

/** Each meeting's rhythm: the mentor's nudge 24 h before and the check-in after. */
export function itemsOf(meetings: readonly FutureMeeting[], tenantId: string): DueItem[] {
  return meetings.flatMap((m) => {
    const base = {
      tenantId,
      programmeId: m.programmeId,
      pairId: m.pairId,
      meetingNumber: m.number,
      meetingStart: m.start,
    };
    return [
      { ...base, kind: 'nudge.mentor' as const, dueAt: m.start - DAY, recipientId: m.mentorId },
      { ...base, kind: 'checkin' as const, dueAt: m.start + 75 * MIN, recipientId: m.mentorId },
    ];
  });
}

/** Writes the meetings as TableMeetingStore does (its `meetingRow`), 100 of a programme per transaction; returns ms taken. */
export async function seedMeetings(
  client: TableClient,
  meetings: readonly FutureMeeting[],
  tenantId: string,
  width = 8,
): Promise<number> {
  const started = performance.now();
  const byProgramme = new Map<string, ReturnType<typeof meetingRow>[]>();
  for (const m of meetings) {
    const row = meetingRow({
      pairId: m.pairId,
      programmeId: m.programmeId,
      tenantId,
      number: m.number,
      start: m.start,
      end: m.start + 3_600_000,
      status: 'booked',
      organizerId: m.mentorId,
      transactionId: meetingTransactionId(m.pairId, m.number),
      joinUrl: `https://teams.microsoft.com/l/meetup-join/${m.pairId}-${m.number}`,
      bookedBy: m.mentorId,
      // Booked a fortnight ahead.
      updatedAt: new Date(m.start - 14 * DAY).toISOString(),
    });
    byProgramme.set(m.programmeId, [...(byProgramme.get(m.programmeId) ?? []), row]);
  }
  const batches: TransactionAction[][] = [];
  for (const rows of byProgramme.values())
    for (let k = 0; k < rows.length; k += 100)
      batches.push(rows.slice(k, k + 100).map((e) => ['create', e] as TransactionAction));
  await inPool(
    batches.map((batch) => () => client.submitTransaction(batch)),
    width,
  );
  return performance.now() - started;
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
