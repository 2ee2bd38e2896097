/**
 * Helpers for the slot finder's tests: a seeded PRNG, calendar builders, and
 * an oracle that re-states the feasibility rules the plainest way — Intl's
 * formatToParts on every instant, no caches, no interval sweeps — so it checks
 * the finder rather than repeating it.
 */
import type { Interval, MemberCalendar, SlotQuery, Weekday } from '../../../bot/src/domain/slots/slotTypes';
import { int, pick, prng, type Rng } from '../../support/prng';

export { int, pick, prng, type Rng };
export function shuffle<T>(rng: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const WEEKDAYS_MON_FRI: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

const formats = new Map<string, Intl.DateTimeFormat>();
function parts(zone: string, epoch: number): Record<string, string> {
  let f = formats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'long',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, f);
  }
  return Object.fromEntries(f.formatToParts(epoch).map((p) => [p.type, p.value]));
}

export interface Wall {
  readonly date: string;
  readonly weekday: Weekday;
  /** Minutes after local midnight (seconds as a fraction). */
  readonly minute: number;
  readonly hhmm: string;
}

/** The wall clock in `zone` at `epoch`, straight from Intl. */
export function wall(zone: string, epoch: number): Wall {
  const p = parts(zone, epoch);
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: (p.weekday ?? '').toLowerCase() as Weekday,
    minute: Number(p.hour) * 60 + Number(p.minute) + Number(p.second) / 60,
    hhmm: `${p.hour}:${p.minute}`,
  };
}

/** The instant of a wall-clock time that exists and is unambiguous in `zone` (fails loudly otherwise). */
export function at(zone: string, date: string, hhmm: string): number {
  const guess = Date.parse(`${date}T${hhmm}:00Z`);
  const offset = (t: number): number => {
    const p = parts(zone, t);
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - t;
  };
  const t = guess - offset(guess - offset(guess));
  const w = wall(zone, t);
  if (w.date !== date || w.hhmm !== hhmm) throw new Error(`${date} ${hhmm} does not exist in ${zone}`);
  return t;
}

export function member(
  id: string,
  zone: string,
  busy: Interval[] = [],
  hours: { start?: string; end?: string; days?: Weekday[]; workZone?: string } = {},
): MemberCalendar {
  return {
    memberId: id,
    timeZone: zone,
    workingHours: {
      daysOfWeek: hours.days ?? WEEKDAYS_MON_FRI,
      startTime: hours.start ?? '08:00',
      endTime: hours.end ?? '16:00',
      timeZone: hours.workZone ?? zone,
    },
    busy,
  };
}

const clockMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Why [start, end) breaks a rule, or undefined when the query allows it.
 * Every rule is checked on the wall clock Intl reports, per member.
 */
export function whyNot(q: SlotQuery, slot: Interval): string | undefined {
  if (slot.end - slot.start !== q.durationMinutes * MIN) return 'duration';
  if (slot.start < q.window.start || slot.end > q.window.end) return 'window';
  if (slot.start < q.now + (q.minLeadMinutes ?? 720) * MIN) return 'lead';
  const lunch = q.avoidLunch === false ? undefined : (q.avoidLunch ?? { start: '11:00', end: '12:30' });
  for (const m of q.members) {
    const wh = m.workingHours;
    const s = wall(wh.timeZone, slot.start);
    const e = wall(wh.timeZone, slot.end);
    if (s.date !== e.date) return `${m.memberId}: crosses midnight`;
    if (!wh.daysOfWeek.includes(s.weekday)) return `${m.memberId}: not a working day`;
    if (s.minute < clockMinutes(wh.startTime) || e.minute > clockMinutes(wh.endTime))
      return `${m.memberId}: outside working hours`;
    if (lunch !== undefined) {
      const ls = wall(m.timeZone, slot.start);
      const le = wall(m.timeZone, slot.end);
      const lunchStart = clockMinutes(lunch.start);
      const lunchEnd = clockMinutes(lunch.end);
      const overlaps =
        ls.date === le.date
          ? ls.minute < lunchEnd && le.minute > lunchStart
          : ls.minute < lunchEnd || le.minute > lunchStart;
      if (overlaps) return `${m.memberId}: over lunch`;
    }
    if (m.busy.some((b) => b.end > b.start && b.start < slot.end && b.end > slot.start))
      return `${m.memberId}: busy`;
  }
  return undefined;
}

/** The local calendar date of a slot in a zone. */
export const dateIn = (zone: string, epoch: number): string => wall(zone, epoch).date;
