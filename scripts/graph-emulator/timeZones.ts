/**
 * Wall-clock times in named zones, with Intl only (no time zone package):
 * Graph's dateTimeTimeZone is a local date-time without an offset plus a zone
 * name, so every request and answer goes through these conversions. Graph
 * takes Windows zone names ("FLE Standard Time") as well as IANA ones; the
 * emulator knows the Windows names of the zones the demo organisation and
 * common examples use.
 */

/** Windows zone name -> IANA zone, for the names Graph answers with and clients commonly send. */
const WINDOWS_TO_IANA: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'FLE Standard Time': 'Europe/Helsinki',
  'W. Europe Standard Time': 'Europe/Stockholm',
  'GMT Standard Time': 'Europe/London',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
};

/** The Windows name Exchange reports for a mailbox in this IANA zone (working hours carry it). */
const IANA_TO_WINDOWS: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  'Europe/Helsinki': 'FLE Standard Time',
  'Europe/Stockholm': 'W. Europe Standard Time',
  'Europe/London': 'GMT Standard Time',
  'Europe/Paris': 'Romance Standard Time',
  'America/New_York': 'Eastern Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The IANA zone for a name Graph would accept (IANA, "UTC" or a known Windows name), or undefined. */
export function resolveZone(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return undefined;
  const windows = WINDOWS_TO_IANA[trimmed];
  if (windows) return windows;
  try {
    formatter(trimmed);
    return trimmed;
  } catch {
    return undefined; // RangeError: not a zone Intl knows.
  }
}

/** The Windows name of an IANA zone, falling back to the IANA name when the emulator knows none. */
export function windowsZoneName(iana: string): string {
  return IANA_TO_WINDOWS[iana] ?? iana;
}

export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly isoWeekday: number;
}

const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function localParts(epochMs: number, zone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    isoWeekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
export function offsetMs(epochMs: number, zone: string): number {
  const p = localParts(epochMs, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant of a wall-clock time in a zone. A time that does not exist (the
 * hour skipped when clocks go forward) moves forward by the gap, as Outlook
 * does; an hour that happens twice (clocks go back) means its first occurrence.
 */
export function wallClockToEpoch(
  fields: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
    ms?: number;
  },
  zone: string,
): number {
  const asUtc = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    fields.ms ?? 0,
  );
  // Offsets before and after any transition near this time; try the earlier one first (first occurrence).
  const candidates = [offsetMs(asUtc - 86_400_000, zone), offsetMs(asUtc + 86_400_000, zone)];
  const sorted = [...new Set(candidates)].sort((a, b) => b - a);
  for (const offset of sorted) {
    const epoch = asUtc - offset;
    if (offsetMs(epoch, zone) === offset) return epoch;
  }
  // In the gap: neither offset gives this wall clock. Use the offset before the jump, which lands after it.
  return asUtc - Math.min(...sorted);
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;

/**
 * Reads Graph's dateTime ("2027-03-29T10:00:00" or with up to 7 fractional
 * digits) in a zone. An offset or "Z" in the string is refused: the type
 * carries its zone separately, and mixing the two hides bugs.
 */
export function parseLocalDateTime(dateTime: string, zone: string): number | undefined {
  const m = LOCAL_DATE_TIME.exec(dateTime.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  const ms = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  // Reject 2027-02-31 and the like instead of letting Date.UTC roll it over.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return wallClockToEpoch({ year, month, day, hour, minute, second, ms }, zone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Graph's way of writing a local time: seven fractional digits, no offset. */
export function formatLocalDateTime(epochMs: number, zone: string): string {
  const p = localParts(epochMs, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.0000000`;
}

/** The calendar date (yyyy-mm-dd) of an instant in a zone. */
export function localDate(epochMs: number, zone: string): string {
  const p = localParts(epochMs, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}
