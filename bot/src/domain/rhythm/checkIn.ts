/**
 * Judging a check-in answer against the meeting as it is now. The card a
 * person answers may be older than the meeting: it could have been moved or
 * cancelled since, and then the answer would count the wrong meeting.
 */
import type { CheckInAnswer, Meeting } from '../meetings/meeting';

export type CheckInJudgement =
  /** The answer is new (or changed): store `checkIns`. */
  | { readonly result: 'recorded'; readonly checkIns: Readonly<Record<string, CheckInAnswer>> }
  /** The same answer again (Teams may deliver an invoke twice): nothing to store. */
  | { readonly result: 'repeat' }
  /** The meeting was cancelled (or never booked): nothing to answer. */
  | { readonly result: 'cancelled' }
  /** The meeting now starts at another time than the card showed. */
  | { readonly result: 'moved'; readonly start: number; readonly end: number }
  /** The meeting has not started yet: asking whether it happened is premature. */
  | { readonly result: 'not-yet'; readonly start: number; readonly end: number };

export function judgeCheckIn(
  meeting: Pick<Meeting, 'status' | 'start' | 'end' | 'checkIns'>,
  input: {
    readonly userId: string;
    readonly answer: CheckInAnswer;
    /** The start the card showed, so a moved meeting is noticed. */
    readonly shownStart: number;
    readonly now: number;
  },
): CheckInJudgement {
  if (meeting.status !== 'booked') return { result: 'cancelled' };
  if (meeting.start !== input.shownStart) return { result: 'moved', start: meeting.start, end: meeting.end };
  if (input.now < meeting.start) return { result: 'not-yet', start: meeting.start, end: meeting.end };
  if (meeting.checkIns?.[input.userId] === input.answer) return { result: 'repeat' };
  return { result: 'recorded', checkIns: { ...(meeting.checkIns ?? {}), [input.userId]: input.answer } };
}
