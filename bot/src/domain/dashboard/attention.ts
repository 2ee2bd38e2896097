/**
 * Which pairs a supervisor should look at, and why. The rules are about
 * rhythm only (never content), so the dashboard and the weekly digest can
 * show them to supervisors. Time is passed in; nothing here reads a clock.
 */
import { type Meeting, meetingHeld, meetingUpcoming } from '../meetings/meeting';
import type { Pair } from '../programme/pair';

export const ATTENTION_FLAGS = ['no-agreement', 'no-meeting-booked', 'checkpoint-waiting'] as const;
export type AttentionFlag = (typeof ATTENTION_FLAGS)[number];

const DAY = 86_400_000;
/** A pair that has not agreed two weeks after forming needs a word from the supervisor. */
export const AGREEMENT_GRACE_DAYS = 14;
/** Six weeks without a meeting booked or held breaks the monthly rhythm with room to spare. */
export const NO_MEETING_DAYS = 42;

export type AttentionPair = Pick<Pair, 'formedAt' | 'status' | 'agreement' | 'checkpoint' | 'concludedAt'>;
export type AttentionMeeting = Pick<Meeting, 'start' | 'end' | 'status' | 'checkIns'>;

export interface AttentionInput {
  readonly pair: AttentionPair;
  /** This pair's meetings, in any order. */
  readonly meetings: readonly AttentionMeeting[];
  /** The programme's first phase: after this many held meetings the checkpoint is due. */
  readonly firstPhaseMeetings: number;
}

/** An agreement is in force while reopened too: the previous version binds until the change is accepted. */
export function agreementInForce(pair: Pick<Pair, 'agreement'>): boolean {
  return pair.agreement?.status === 'in-force' || pair.agreement?.status === 'reopened';
}

export function isConcluded(pair: Pick<Pair, 'status' | 'concludedAt' | 'checkpoint'>): boolean {
  return (
    pair.status === 'concluded' || pair.concludedAt !== undefined || pair.checkpoint?.outcome === 'concluded'
  );
}

/**
 * The flags for one pair at `now`, in ATTENTION_FLAGS order. A concluded pair
 * needs no attention. Formed-at times that do not parse count as "now", so a
 * damaged row is never flagged for being old.
 */
export function attentionFlags(input: AttentionInput, now: number): AttentionFlag[] {
  const { pair, meetings } = input;
  if (isConcluded(pair)) return [];
  const formed = parseTime(pair.formedAt) ?? now;
  const flags: AttentionFlag[] = [];
  const inForce = agreementInForce(pair);
  if (!inForce && now - formed >= AGREEMENT_GRACE_DAYS * DAY) flags.push('no-agreement');
  if (inForce && !meetings.some((m) => meetingUpcoming(m, now))) {
    // Quiet since the last meeting that took place (or was due), else since forming.
    const lastStart = meetings.reduce(
      (last, m) => (m.status === 'booked' && m.start <= now ? Math.max(last, m.start) : last),
      formed,
    );
    if (now - lastStart >= NO_MEETING_DAYS * DAY) flags.push('no-meeting-booked');
  }
  if (checkpointWaiting(input)) flags.push('checkpoint-waiting');
  return flags;
}

/** The first phase is done (or someone already chose) and the pair has not decided whether to continue. */
export function checkpointWaiting(input: AttentionInput): boolean {
  const { pair, meetings, firstPhaseMeetings } = input;
  if (pair.checkpoint?.outcome !== undefined || isConcluded(pair)) return false;
  if (pair.checkpoint && Object.keys(pair.checkpoint.choices).length > 0) return true;
  if (firstPhaseMeetings <= 0 || !agreementInForce(pair)) return false;
  return meetings.filter(meetingHeld).length >= firstPhaseMeetings;
}

export function parseTime(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}
