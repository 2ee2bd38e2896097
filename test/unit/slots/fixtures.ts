/** Helsinki-based fixtures shared by the findSlots tests. */
import type { Interval, SlotQuery } from '../../../bot/src/domain/slots/slotTypes';
import { at, MIN, member, wall } from './support';

export const HEL = 'Europe/Helsinki';
export const STO = 'Europe/Stockholm';
export const LON = 'Europe/London';
export const NYC = 'America/New_York';

/** A window of whole local days in Helsinki, from the first date's midnight to the end of the last. */
export function days(first: string, last: string): Interval {
  return { start: at(HEL, first, '00:00'), end: at(HEL, last, '23:59') + MIN };
}

const LONG_AGO = Date.UTC(2026, 0, 1);

/** A Helsinki pair working 08–16 on weekdays, one week in March 2027, searched from long before. */
export function query(over: Partial<SlotQuery> = {}): SlotQuery {
  return {
    members: [member('a', HEL), member('b', HEL)],
    durationMinutes: 60,
    window: days('2027-03-15', '2027-03-19'),
    now: LONG_AGO,
    ...over,
  };
}

/** Intervals as "date HH:MM–HH:MM" in a zone, for readable assertions. */
export function show(zone: string, xs: readonly Interval[]): string[] {
  return xs.map((x) => `${wall(zone, x.start).date} ${wall(zone, x.start).hhmm}–${wall(zone, x.end).hhmm}`);
}
