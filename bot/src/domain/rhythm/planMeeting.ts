/**
 * What a booked meeting sets going: the mentor's nudge before it (and the
 * aktori's, when the programme wants one), a check-in to each member after
 * it, the checkpoint after the first phase and the evaluation at the end.
 * Pure: the same meeting and context always give the same items and keys, so
 * planning again is harmless and the old plan of a moved meeting can be found.
 */
import type { Duration } from '../agreement/agreementTypes';
import type { Meeting } from '../meetings/meeting';
import { DAY, HOUR, localDay, localToEpoch, MINUTE, weekday } from '../slots/timeZones';
import { deliverAfter, deliverBefore } from './deliveryTime';
import type { DueItem } from './dueItem';

export interface MeetingPlanContext {
  readonly programme: {
    readonly id: string;
    readonly tenantId: string;
    readonly timeZone: string;
    readonly nudgeLeadHours: number;
    readonly firstPhaseMeetings: number;
    readonly nudgeAktori: boolean;
  };
  readonly pair: { readonly mentorId: string; readonly aktoriIds: readonly string[] };
  /** The agreement in force; without one only the nudge and check-ins are planned. */
  readonly terms: { readonly checkpoint: boolean; readonly duration: Duration } | undefined;
  /** 1-based position of the meeting among the pair's booked meetings in time order. */
  readonly ordinal: number;
}

const CHECK_IN_AFTER = 10 * MINUTE;
/** The checkpoint and the evaluation come the next working day, after the check-in has been answered. */
const PROMPT_AFTER = 20 * HOUR;

export function planMeeting(meeting: Meeting, ctx: MeetingPlanContext): DueItem[] {
  if (meeting.status !== 'booked') return [];
  const { programme, pair } = ctx;
  const members = [pair.mentorId, ...pair.aktoriIds];
  const zone = programme.timeZone;
  const about = {
    tenantId: programme.tenantId,
    programmeId: programme.id,
    pairId: meeting.pairId,
    meetingNumber: meeting.number,
    meetingStart: meeting.start,
  };
  const nudgeAt = (id: string) =>
    deliverBefore(
      meeting.start - programme.nudgeLeadHours * HOUR,
      meeting.start,
      meeting.memberTimes?.[id],
      zone,
    );
  const items: DueItem[] = [
    { ...about, kind: 'nudge.mentor', recipientId: pair.mentorId, dueAt: nudgeAt(pair.mentorId) },
  ];
  if (programme.nudgeAktori) {
    for (const id of pair.aktoriIds)
      items.push({ ...about, kind: 'nudge.aktori', recipientId: id, dueAt: nudgeAt(id) });
  }
  for (const id of members) {
    items.push({
      ...about,
      kind: 'checkin',
      recipientId: id,
      dueAt: deliverAfter(meeting.end + CHECK_IN_AFTER, meeting.memberTimes?.[id], zone),
    });
  }
  const terms = ctx.terms;
  if (!terms) return items;
  const afterThis = (id: string) => deliverAfter(meeting.end + PROMPT_AFTER, meeting.memberTimes?.[id], zone);
  if (terms.checkpoint && ctx.ordinal === programme.firstPhaseMeetings) {
    for (const id of members)
      items.push({ ...about, kind: 'checkpoint', recipientId: id, dueAt: afterThis(id) });
  }
  const last = terms.duration.kind === 'meetings' && ctx.ordinal === terms.duration.meetings;
  if (last) {
    for (const id of members)
      items.push({ ...about, kind: 'evaluation', recipientId: id, dueAt: afterThis(id) });
  } else if (terms.duration.kind === 'until') {
    // The agreed end date: the evaluation comes that morning, whichever meeting planned it.
    const endMorning = localToEpoch(zone, localDayOf(terms.duration.endDate) + 9 * HOUR);
    for (const id of members) {
      items.push({
        tenantId: programme.tenantId,
        programmeId: programme.id,
        pairId: meeting.pairId,
        kind: 'evaluation',
        recipientId: id,
        dueAt: deliverAfter(endMorning, meeting.memberTimes?.[id], zone),
      });
    }
  }
  return items;
}

/** "YYYY-MM-DD" as local midnight in the slot finder's local-time scale (days since the epoch × DAY). */
function localDayOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Monday 08:00 in the programme's zone, the first one after `now`: when the weekly digest goes out. */
export function nextDigestTime(now: number, timeZone: string): number {
  const today = localDay(timeZone, now);
  for (let day = today; day <= today + 8; day++) {
    if (weekday(day) !== 1) continue;
    const at = localToEpoch(timeZone, day * DAY + 8 * HOUR);
    if (at > now) return at;
  }
  return now + 7 * DAY;
}
