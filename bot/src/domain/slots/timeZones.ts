/**
 * Wall clock ↔ epoch in IANA time zones, with Intl only (no tz database of
 * our own, no fixed offsets). Intl answers one question cheaply enough —
 * "what is the wall clock at this instant?" (about 2 µs) — so everything else
 * is built from that answer and cached:
 *
 * - the offset at 00:00 UTC of each UTC day, one Intl call per zone and day;
 * - for the rare day whose two midnights disagree (a DST change), the instant
 *   of the change, found by bisection to the second (17 calls, twice a year).
 *
 * With those two facts an offset lookup is a map lookup, so a 90-day search
 * costs about 90 Intl calls per zone the first time and none after.
 *
 * Assumption: a zone changes its offset at most once per UTC day. That holds
 * for every zone in use today (changes are months apart).
 *
 * "Local" values in this module are wall-clock times written as if they were
 * UTC epoch milliseconds (local 2027-03-29 08:00 ↔ Date.UTC(2027, 2, 29, 8)),
 * which makes date arithmetic on them plain integer arithmetic.
 */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

interface ZoneCache {
  readonly format: Intl.DateTimeFormat;
  /** UTC day number → offset (ms) at 00:00 UTC of that day. */
  readonly midnight: Map<number, number>;
  /** UTC day number → the instant the offset changes within that day. */
  readonly change: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();
/** A bound on the memo: a long-running server queries new days forever. */
const MAX_CACHED_DAYS = 200_000;
let cachedDays = 0;

/** Forget every cached offset; benches use it to measure a cold start. */
export function clearTimeZoneCache(): void {
  zones.clear();
  cachedDays = 0;
}

/** True when Intl knows the zone (IANA names, "UTC"); Windows names such as "FLE Standard Time" are not. */
export function isTimeZone(zone: string): boolean {
  if (zone === '' || zone.length > 64) return false;
  try {
    zoneCache(zone);
    return true;
  } catch {
    // Intl signals an unknown zone only by throwing RangeError; that is the answer, not a failure.
    return false;
  }
}

function zoneCache(zone: string): ZoneCache {
  let z = zones.get(zone);
  if (z === undefined) {
    z = {
      // en-US with h23 gives "M/D/YYYY, HH:MM:SS", which is cheaper to parse than formatToParts is to call.
      format: new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      midnight: new Map(),
      change: new Map(),
    };
    zones.set(zone, z);
  }
  return z;
}

const WALL = /^(\d{1,2})\/(\d{1,2})\/(\d{1,6}), (\d{2}):(\d{2}):(\d{2})$/;

/** The offset (ms) at an instant, straight from Intl. */
function intlOffset(z: ZoneCache, epoch: number): number {
  const whole = Math.floor(epoch / 1000) * 1000;
  const m = WALL.exec(z.format.format(whole));
  if (m === null) throw new Error('Intl returned an unexpected date format');
  const wall = Date.UTC(
    Number(m[3]),
    Number(m[1]) - 1,
    Number(m[2]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  );
  return wall - whole;
}

function midnightOffset(z: ZoneCache, day: number): number {
  let o = z.midnight.get(day);
  if (o === undefined) {
    if (cachedDays >= MAX_CACHED_DAYS) {
      for (const other of zones.values()) {
        other.midnight.clear();
        other.change.clear();
      }
      cachedDays = 0;
    }
    o = intlOffset(z, day * DAY);
    z.midnight.set(day, o);
    cachedDays++;
  }
  return o;
}

/** The first second of the UTC day at which the offset is `after`. */
function changeInstant(z: ZoneCache, day: number, after: number): number {
  let t = z.change.get(day);
  if (t === undefined) {
    let lo = day * DAY; // offset here is the old one
    let hi = lo + DAY; // offset here is the new one
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (intlOffset(z, mid) === after) hi = mid;
      else lo = mid;
    }
    t = hi;
    z.change.set(day, t);
  }
  return t;
}

/** UTC offset (ms, east positive) of `zone` at `epoch`. The zone must be valid (see isTimeZone). */
export function offsetAt(zone: string, epoch: number): number {
  const z = zoneCache(zone);
  const day = Math.floor(epoch / DAY);
  const before = midnightOffset(z, day);
  const after = midnightOffset(z, day + 1);
  if (before === after) return before;
  return epoch < changeInstant(z, day, after) ? before : after;
}

/** The wall clock at an instant, as a local value. */
export function epochToLocal(zone: string, epoch: number): number {
  return epoch + offsetAt(zone, epoch);
}

/**
 * The instant a wall-clock time names. Where the clock is ambiguous (the
 * repeated hour in autumn) the earlier instant is taken; where it does not
 * exist (the skipped hour in spring) the time is pushed forward by the gap.
 * That is Temporal's "compatible" rule, and what calendar apps do.
 */
export function localToEpoch(zone: string, local: number): number {
  const before = offsetAt(zone, local - DAY);
  const after = offsetAt(zone, local + DAY);
  if (before === after) return local - before;
  const early = local - before;
  const late = local - after;
  const earlyValid = offsetAt(zone, early) === before;
  const lateValid = offsetAt(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return early;
}

/** Days since 1970-01-01 of the wall-clock date at an instant. */
export function localDay(zone: string, epoch: number): number {
  return Math.floor(epochToLocal(zone, epoch) / DAY);
}

/** 0 = Sunday … 6 = Saturday, for a day number (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day number of the Monday starting the ISO week that contains `day`. */
export function mondayOf(day: number): number {
  return day - ((weekday(day) + 6) % 7);
}
