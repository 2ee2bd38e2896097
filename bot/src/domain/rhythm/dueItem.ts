/**
 * Work that falls due at a time: a nudge, a check-in, a prompt, a digest.
 * Items are stored under a time bucket so a scheduler tick reads only the
 * buckets that have come due, never every meeting. The key is derived from
 * what the item is about, so scheduling the same thing twice is one item.
 */

export const DUE_KINDS = [
  'nudge.mentor',
  'nudge.aktori',
  'checkin',
  'checkpoint',
  'evaluation',
  'digest',
  'meeting.reconcile',
  'announcement.refresh',
  // Not the rhythm's, but the same need: a sign-up form a Join click could not send at once (Teams' pace).
  'signup.form',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export interface DueItem {
  readonly kind: DueKind;
  /** Epoch ms: not sent before this. */
  readonly dueAt: number;
  readonly tenantId: string;
  readonly programmeId: string;
  readonly pairId?: string;
  readonly meetingNumber?: number;
  /** The meeting's start when the item was planned: a moved meeting leaves its old items stale. */
  readonly meetingStart?: number;
  /** One recipient per item, so one blocked member never holds up the other. */
  readonly recipientId?: string;
  /** The role a sign-up form is for (signup.form). */
  readonly role?: 'mentor' | 'aktori';
}

/** One bucket per minute: a tick reads at most a minute of items that are not yet due. */
export const BUCKET_MS = 60_000;

/** The partition of a time: "2026-11-23T08:05" (UTC) sorts in time order. */
export function bucketOf(epoch: number): string {
  return new Date(Math.floor(epoch / BUCKET_MS) * BUCKET_MS).toISOString().slice(0, 16);
}

export function dueKeys(item: DueItem): { partitionKey: string; rowKey: string } {
  return {
    partitionKey: bucketOf(item.dueAt),
    rowKey: [
      new Date(item.dueAt).toISOString(),
      item.kind,
      item.programmeId,
      item.pairId ?? '-',
      item.meetingNumber ?? 0,
      item.recipientId ?? '-',
    ].join('|'),
  };
}

/** Retry delay after a failed attempt: exponential from 30 s, at most an hour, with ±20 % jitter so instances spread out. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}
