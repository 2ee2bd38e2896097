/**
 * Both members' calendars for the slot finder, from the calendar port: busy
 * time, working hours and time zone per member. A window longer than Graph's
 * getSchedule allows (62 days) is fetched in parts, so a whole first phase
 * can be planned in one go.
 */
import { PolkuError } from '../../domain/errors';
import type { MemberTime } from '../../domain/meetings/meeting';
import { memberIds, type Pair } from '../../domain/programme/pair';
import type { MemberCalendar, Weekday } from '../../domain/slots/slotTypes';
import type { CalendarPort, Interval, MemberSchedule } from './calendarPort';

const DAY = 86_400_000;
/** Under getSchedule's 62-day limit, with room for a window that does not start at midnight. */
const MAX_SCHEDULE_SPAN = 60 * DAY;
/** Used when a mailbox reports no working hours: an ordinary Finnish office day. */
const DEFAULT_HOURS = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as Weekday[],
  startTime: '08:00',
  endTime: '16:00',
};

export function mailboxOf(pair: Pair, memberId: string): string {
  const email = pair.emails?.[memberId];
  if (!email)
    throw new PolkuError('not_found', 'A member has no mailbox Polku knows', { code: 'no_mailbox' });
  return email;
}

export async function loadCalendars(
  calendar: CalendarPort,
  pair: Pair,
  fallbackZone: string,
  window: Interval,
): Promise<MemberCalendar[]> {
  // Mentor first: the first member's zone is the finder's day zone.
  const members = memberIds(pair);
  const emails = members.map((id) => mailboxOf(pair, id));
  const parts: MemberSchedule[][] = [];
  for (let start = window.start; start < window.end; start += MAX_SCHEDULE_SPAN) {
    parts.push(
      await calendar.getSchedules(emails, { start, end: Math.min(window.end, start + MAX_SCHEDULE_SPAN) }),
    );
  }
  return members.map((id, i) => {
    const schedules = parts.map((p) => p[i]);
    const first = schedules.find((s) => s?.workingHours)?.workingHours;
    return toCalendar(
      id,
      first,
      schedules.flatMap((s) => s?.busy ?? []),
      fallbackZone,
    );
  });
}

/** What the meeting record keeps per member: their zone and working hours, for showing times and timing nudges. */
export function memberTimesOf(calendars: readonly MemberCalendar[]): Record<string, MemberTime> {
  return Object.fromEntries(
    calendars.map((c) => [
      c.memberId,
      {
        timeZone: c.timeZone,
        daysOfWeek: [...c.workingHours.daysOfWeek],
        startTime: c.workingHours.startTime,
        endTime: c.workingHours.endTime,
      },
    ]),
  );
}

/** Whether any member is busy in `slot`, leaving out the blocks `ignore` says are the meeting itself. */
export function anyoneBusy(
  calendars: readonly MemberCalendar[],
  slot: Interval,
  ignore: (busy: Interval) => boolean = () => false,
): boolean {
  return calendars.some((c) => c.busy.some((b) => b.start < slot.end && b.end > slot.start && !ignore(b)));
}

function toCalendar(
  memberId: string,
  hours: MemberSchedule['workingHours'],
  busy: readonly Interval[],
  fallbackZone: string,
): MemberCalendar {
  const timeZone = hours?.timeZone ?? fallbackZone;
  return {
    memberId,
    timeZone,
    workingHours: hours
      ? {
          daysOfWeek: hours.daysOfWeek as Weekday[],
          startTime: hours.startTime,
          endTime: hours.endTime,
          timeZone,
        }
      : { ...DEFAULT_HOURS, timeZone },
    busy,
  };
}
