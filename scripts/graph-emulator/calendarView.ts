/**
 * GET /users/{id}/calendarView?startDateTime=…&endDateTime=…: the events on
 * a mailbox's calendar that overlap the window, as Graph documents it: both
 * bounds are required, a bound without an offset is read in the zone of
 * `Prefer: outlook.timezone` (UTC without it), results are paged (10 by
 * default, `$top` up to 1000) with an `@odata.nextLink`, and `$select` trims
 * the properties. Cancelled meetings are not on the calendar any more.
 * Invitees see their own copy: it is not theirs to change and carries no
 * transactionId (that belongs to the organiser's create).
 */
import type { OutputZone } from './dateTimeTimeZone';
import type { Mailbox } from './directory';
import { eventJson } from './events';
import { GraphHttpError } from './graphErrors';
import type { EmulatorState } from './state';
import { parseLocalDateTime } from './timeZones';

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;

const invalidParameter = (message: string) => new GraphHttpError(400, 'ErrorInvalidParameter', message);

function instant(value: string | null, name: string, out: OutputZone): number {
  if (!value) {
    throw invalidParameter(
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  }
  const withOffset = /([zZ]|[+-]\d\d:\d\d)$/.test(value) ? Date.parse(value) : undefined;
  const ms = withOffset ?? parseLocalDateTime(value, out.iana);
  if (ms === undefined || !Number.isFinite(ms)) {
    throw invalidParameter(`The value '${value}' of the parameter '${name}' is not a valid date and time.`);
  }
  return ms;
}

function count(value: string | null, name: string, fallback: number, max: number): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max) throw invalidParameter(`Invalid value '${value}' for ${name}.`);
  return n;
}

export function calendarView(
  state: EmulatorState,
  mailbox: Mailbox,
  query: URLSearchParams,
  out: OutputZone,
  baseUrl: string,
): Record<string, unknown> {
  const start = instant(query.get('startDateTime') ?? query.get('StartDateTime'), 'startDateTime', out);
  const end = instant(query.get('endDateTime') ?? query.get('EndDateTime'), 'endDateTime', out);
  if (end <= start) throw invalidParameter('endDateTime must be after startDateTime.');
  const top = count(query.get('$top'), '$top', DEFAULT_PAGE, MAX_PAGE);
  const skip = count(query.get('$skip'), '$skip', 0, Number.MAX_SAFE_INTEGER);
  const select = (query.get('$select') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const organiserOf = (id: string) => state.directory.mailboxes().find((m) => m.id === id) ?? mailbox;
  const all = state.calendarOf(mailbox).filter((e) => e.startMs < end && e.endMs > start);
  const page = all.slice(skip, skip + top).map((e) => {
    const own = e.organizerId === mailbox.id;
    const json = eventJson(e, organiserOf(e.organizerId), out, baseUrl);
    const { transactionId: _spent, '@odata.context': _context, ...copy } = json;
    const shown = own ? json : { ...copy, isOrganizer: false };
    if (select.length === 0) return shown;
    return Object.fromEntries(
      Object.entries(shown).filter(([k]) => k === 'id' || k === '@odata.etag' || select.includes(k)),
    );
  });
  const next = new URLSearchParams(query);
  next.set('$skip', String(skip + top));
  return {
    '@odata.context': `${baseUrl}/$metadata#users('${mailbox.id}')/calendarView`,
    value: page,
    ...(skip + top < all.length
      ? {
          '@odata.nextLink': `${baseUrl}/users/${encodeURIComponent(mailbox.id)}/calendarView?${String(next).replace(/%24/g, '$')}`,
        }
      : {}),
  };
}
