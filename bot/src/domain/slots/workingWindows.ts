/**
 * A member's bookable time as epoch intervals: their working hours on their
 * working days, in the zone their working hours are set in, minus lunch in
 * the zone of their mailbox. Computed day by day from the local calendar
 * date, so a DST change moves the instants, never the wall clock: 08:00–16:00
 * stays 08:00–16:00 local (eight hours) the week after the clocks change.
 */
import { intersectIntervals, subtractIntervals } from './mergeIntervals';
import type { Interval } from './slotTypes';
import { DAY, localDay, localToEpoch, MINUTE, weekday } from './timeZones';
import type { PreparedMember } from './validateSlotQuery';

/**
 * One interval per local day in `zone` covering `range`, from `from` to `to`
 * minutes after local midnight, on the days `onDay` accepts. Days are the
 * zone's own (which can start up to 14 hours away from UTC midnight), and
 * since `to` is before midnight no day's interval reaches into the next.
 */
export function dailyIntervals(
  zone: string,
  range: Interval,
  from: number,
  to: number,
  onDay: (weekday: number) => boolean,
): Interval[] {
  const out: Interval[] = [];
  const last = localDay(zone, range.end);
  for (let day = localDay(zone, range.start); day <= last; day++) {
    if (!onDay(weekday(day))) continue;
    const start = Math.max(range.start, localToEpoch(zone, day * DAY + from * MINUTE));
    const end = Math.min(range.end, localToEpoch(zone, day * DAY + to * MINUTE));
    if (start < end) out.push({ start, end });
  }
  return out;
}

/** When the member can meet inside `range`, before their busy time is taken out. */
export function workingWindows(
  m: PreparedMember,
  range: Interval,
  lunch: { readonly start: number; readonly end: number } | undefined,
): Interval[] {
  const work = dailyIntervals(m.workZone, range, m.workStart, m.workEnd, (d) => m.workDays[d] === true);
  if (lunch === undefined) return work;
  return subtractIntervals(
    work,
    dailyIntervals(m.zone, range, lunch.start, lunch.end, () => true),
  );
}

/** Time when every member is working and none is at lunch. */
export function commonWorkingTime(
  members: readonly PreparedMember[],
  range: Interval,
  lunch: { readonly start: number; readonly end: number } | undefined,
): Interval[] {
  let common: Interval[] | undefined;
  for (const m of members) {
    const own = workingWindows(m, range, lunch);
    common = common === undefined ? own : intersectIntervals(common, own);
    if (common.length === 0) break;
  }
  return common ?? [];
}
