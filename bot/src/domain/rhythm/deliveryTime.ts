/**
 * When a personal message should arrive: in the recipient's working hours,
 * not at night or at the weekend. A nudge is better a little early (there is
 * time to prepare) than at 07:55 before a 08:00 meeting; a check-in after a
 * meeting can wait for the next working morning.
 */
import type { MemberTime } from '../meetings/meeting';
import { WEEKDAYS } from '../slots/slotTypes';
import { DAY, isTimeZone, MINUTE } from '../slots/timeZones';
import { dailyIntervals } from '../slots/workingWindows';

/** Used when the mailbox told nothing: an ordinary Finnish office day. */
const OFFICE_DAY = { days: [1, 2, 3, 4, 5], from: 8 * 60, to: 16 * 60 };
/** How far a message may move from its ideal moment before it is sent at that moment anyway. */
const MAX_EARLIER = 3 * DAY;
const MAX_LATER = 4 * DAY;

function clock(value: string): number | undefined {
  const m = /^(\d{2}):(\d{2})/.exec(value);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes < 24 * 60 ? minutes : undefined;
}

function windowsAround(target: number, hours: MemberTime | undefined, fallbackZone: string) {
  const zone = hours && isTimeZone(hours.timeZone) ? hours.timeZone : fallbackZone;
  const from = hours ? clock(hours.startTime) : undefined;
  const to = hours ? clock(hours.endTime) : undefined;
  const days = hours?.daysOfWeek
    .map((d) => WEEKDAYS.indexOf(d.toLowerCase() as (typeof WEEKDAYS)[number]))
    .filter((d) => d >= 0);
  const usable = from !== undefined && to !== undefined && from < to && days && days.length > 0;
  const spec = usable ? { days, from, to } : OFFICE_DAY;
  return dailyIntervals(
    zone,
    { start: target - MAX_EARLIER, end: target + MAX_LATER },
    spec.from,
    spec.to,
    (d) => spec.days.includes(d),
  );
}

/**
 * The moment nearest before `target` inside working hours (up to three days
 * earlier); failing that the first working moment after it that is still
 * before `deadline`; failing both, `target` itself.
 */
export function deliverBefore(
  target: number,
  deadline: number,
  hours: MemberTime | undefined,
  fallbackZone: string,
): number {
  const windows = windowsAround(target, hours, fallbackZone);
  const inside = windows.find((w) => w.start <= target && target < w.end);
  if (inside) return target;
  const earlier = windows.filter((w) => w.end <= target).at(-1);
  // Half an hour before the end of the day, not at the last minute of it.
  if (earlier) return Math.max(earlier.start, earlier.end - 30 * MINUTE);
  const later = windows.find((w) => w.start > target && w.start < deadline);
  return later ? later.start : target;
}

/** `target` if it is working time, else the start of the next working day (up to four days later). */
export function deliverAfter(target: number, hours: MemberTime | undefined, fallbackZone: string): number {
  const windows = windowsAround(target, hours, fallbackZone);
  const inside = windows.find((w) => w.start <= target && target < w.end);
  if (inside) return target;
  return windows.find((w) => w.start > target)?.start ?? target;
}
