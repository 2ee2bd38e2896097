/**
 * Meetings per calendar month in the programme's time zone: held (a member
 * checked in "met"), past but not confirmed, and still to come. Cancelled
 * and failed bookings are not meetings.
 */
import { type Meeting, meetingHeld, meetingUpcoming } from '../meetings/meeting';

export interface MonthCount {
  /** YYYY-MM in the programme's time zone. */
  readonly month: string;
  readonly held: number;
  readonly unconfirmed: number;
  readonly upcoming: number;
}

/** Gaps between the first and last month are filled with zeros, unless that would be absurdly many months. */
const MAX_FILLED_MONTHS = 36;
/** Time-zone offsets are whole quarter hours, so every start in one quarter hour falls in the same month. */
const QUARTER_HOUR = 900_000;

export function meetingsPerMonth(
  meetings: readonly Pick<Meeting, 'start' | 'end' | 'status' | 'checkIns'>[],
  timeZone: string,
  now: number,
): MonthCount[] {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
  // Formatting is the costly part for thousands of meetings; meetings cluster in few quarter hours.
  const monthCache = new Map<number, string>();
  const monthOf = (t: number) => {
    const block = Math.floor(t / QUARTER_HOUR);
    let month = monthCache.get(block);
    if (month === undefined) {
      month = format.format(new Date(block * QUARTER_HOUR)).slice(0, 7);
      monthCache.set(block, month);
    }
    return month;
  };
  const counts = new Map<string, { held: number; unconfirmed: number; upcoming: number }>();
  for (const m of meetings) {
    if (m.status !== 'booked' || !Number.isFinite(m.start)) continue;
    const key = monthOf(m.start);
    const c = counts.get(key) ?? { held: 0, unconfirmed: 0, upcoming: 0 };
    if (meetingHeld(m)) c.held++;
    else if (meetingUpcoming(m, now)) c.upcoming++;
    else c.unconfirmed++;
    counts.set(key, c);
  }
  const months = [...counts.keys()].sort();
  const first = months[0];
  const last = months[months.length - 1];
  const all = first && last ? fillMonths(first, last) : [];
  return (all.length > 0 && all.length <= MAX_FILLED_MONTHS ? all : months).map((month) => ({
    month,
    ...(counts.get(month) ?? { held: 0, unconfirmed: 0, upcoming: 0 }),
  }));
}

/** Every YYYY-MM from `first` to `last` inclusive (stops early past the limit). */
function fillMonths(first: string, last: string): string[] {
  const out: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    out.push(key);
    if (key >= last || out.length > MAX_FILLED_MONTHS) return out;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
}
