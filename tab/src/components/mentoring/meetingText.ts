/**
 * How a pair's meetings read: times in the viewer's own time zone (the
 * browser's, which is the one Teams shows them in), which meetings are still
 * ahead, a join link only when it is https, and each failure in plain words.
 */
import { ApiError } from '../../api/client';
import type { PairMeeting } from '../../api/meetingApi';
import type { MessageKey } from '../../i18n';

/** "ti 12.5.2026 klo 10.00–10.45": the day once, then the start and end time. */
export function meetingTimeLabel(start: string, end: string, locale: string): string {
  const from = new Date(start);
  const to = new Date(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${start} – ${end}`;
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return format.formatRange(from, to);
}

/** The viewer's IANA time zone ("Europe/Helsinki"), named once above the times. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The join link, only when it is a well-formed https URL (never javascript:, data: or plain http). */
export function safeJoinUrl(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    // Not a URL at all: offering it as a link could only mislead.
    return undefined;
  }
}

/** Ahead: booked (or being booked) and not over yet, soonest first. Earlier: the rest, newest first. */
export function splitMeetings(
  meetings: readonly PairMeeting[],
  now: number,
): { upcoming: PairMeeting[]; earlier: PairMeeting[] } {
  const ahead = (m: PairMeeting) =>
    (m.status === 'booked' || m.status === 'booking') && Date.parse(m.end) > now;
  // A failed booking never reached the calendars: nothing happened, so nothing is shown.
  const shown = meetings.filter((m) => m.status !== 'failed');
  return {
    upcoming: shown.filter(ahead).sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
    earlier: shown.filter((m) => !ahead(m)).sort((a, b) => Date.parse(b.start) - Date.parse(a.start)),
  };
}

/** What an earlier meeting's status says: cancelled, held, did not take place, or just past. */
export function earlierStatusKey(m: PairMeeting): MessageKey {
  if (m.status === 'cancelled') return 'meetings.status.cancelled';
  if (m.checkIn === 'met') return 'meetings.status.held';
  if (m.checkIn === 'not-met') return 'meetings.status.notMet';
  return 'meetings.status.past';
}

export type MeetingAction = 'slots' | 'book' | 'move' | 'cancel';

export interface MeetingProblem {
  /** Undefined: nothing particular to meetings, so the general wording for the error (Status.problemKey). */
  readonly key?: MessageKey;
  /** The times shown are stale: fetch fresh ones. */
  readonly freshTimes?: boolean;
  /** The meetings shown are stale: load them again. */
  readonly freshList?: boolean;
}

const CALENDAR_DOWN: Record<MeetingAction, MessageKey> = {
  slots: 'meetings.error.calendarSlots',
  book: 'meetings.error.calendarBook',
  move: 'meetings.error.calendarMove',
  cancel: 'meetings.error.calendarCancel',
};

/** A failed booking, move or cancel in plain words, by the server's own code (bot/src/services/meetings). */
export function meetingProblem(err: unknown, action: MeetingAction): MeetingProblem {
  if (!(err instanceof ApiError)) return {};
  switch (err.code) {
    case 'agreement_not_in_force':
      return { key: 'meetings.error.notInForce', freshList: true };
    case 'slot_taken':
      return { key: 'meetings.error.slotTaken', freshTimes: true };
    case 'slot_in_past':
      return { key: 'meetings.error.slotPast', freshTimes: true };
    case 'booking_in_progress':
      return { key: 'meetings.error.busy', freshList: true };
    case 'meeting_changed':
      return { key: 'meetings.error.changed', freshList: true };
    case 'meeting_cancelled':
    case 'meeting_not_booked':
    case 'meeting_past':
    case 'meeting_not_found':
      return { key: 'meetings.error.over', freshList: true };
    case 'no_mailbox':
    case 'calendar_denied':
      return { key: 'meetings.error.noCalendar' };
  }
  // 503 (the calendar or storage is down) and 429 (throttled): nothing changed; the same click may work later.
  if (err.status === 503 || err.status === 429) return { key: CALENDAR_DOWN[action] };
  // Anything else (no answer, a refusal, a fault on Polku's side) in the general wording. Without an answer
  // the change may or may not have happened, so the meetings are read again to show them as they are.
  return action === 'slots' ? {} : { freshList: true };
}
