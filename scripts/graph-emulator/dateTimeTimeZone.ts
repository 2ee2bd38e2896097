/**
 * Graph's dateTimeTimeZone in and out: requests name their zone per value;
 * answers use the zone of the `Prefer: outlook.timezone="…"` header, UTC when
 * there is none, and echo the name the client used.
 */
import { GraphHttpError, invalidRequest, zoneNotSupported } from './graphErrors';
import { formatLocalDateTime, parseLocalDateTime, resolveZone } from './timeZones';

export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

/** The zone answers are written in: the name as the client gave it, and the IANA zone behind it. */
export interface OutputZone {
  readonly name: string;
  readonly iana: string;
}

export const UTC_OUTPUT: OutputZone = { name: 'UTC', iana: 'UTC' };

/** `Prefer: outlook.timezone="W. Europe Standard Time"`, possibly among other preferences. */
export function preferredZone(header: string | undefined): OutputZone {
  if (!header) return UTC_OUTPUT;
  const m = /outlook\.timezone\s*=\s*(?:"([^"]*)"|([^,;\s]+))/i.exec(header);
  if (!m) return UTC_OUTPUT;
  const name = (m[1] ?? m[2] ?? '').trim();
  const iana = resolveZone(name);
  if (!iana) throw zoneNotSupported(name);
  return { name, iana };
}

/** Reads a dateTimeTimeZone from a request body; `field` names it in the error a client gets. */
export function readDateTimeTimeZone(value: unknown, field: string): { ms: number; zone: string } {
  if (!value || typeof value !== 'object') throw invalidRequest(`${field} is required (a dateTimeTimeZone).`);
  const { dateTime, timeZone } = value as Partial<DateTimeTimeZone>;
  if (typeof dateTime !== 'string' || !dateTime) throw invalidRequest(`${field}.dateTime is required.`);
  // Graph treats a missing zone as UTC.
  const zoneName = typeof timeZone === 'string' && timeZone.trim() ? timeZone.trim() : 'UTC';
  const zone = resolveZone(zoneName);
  if (!zone) throw zoneNotSupported(zoneName);
  const ms = parseLocalDateTime(dateTime, zone);
  if (ms === undefined) {
    throw new GraphHttpError(
      400,
      'ErrorInvalidRequest',
      `${field}.dateTime '${dateTime}' is not a local date and time (yyyy-MM-ddTHH:mm:ss, without an offset).`,
    );
  }
  return { ms, zone: zoneName };
}

export function writeDateTimeTimeZone(ms: number, zone: OutputZone): DateTimeTimeZone {
  return { dateTime: formatLocalDateTime(ms, zone.iana), timeZone: zone.name };
}
