/**
 * Events on a user's calendar: create (idempotent by transactionId per
 * organiser, as Graph documents), get, update and cancel. A created meeting
 * shows as busy on the organiser's calendar and on every invited mailbox in
 * the directory; invitees outside it are kept on the event only, as external
 * guests are.
 */
import { randomBytes } from 'node:crypto';
import { DEMO_TENANT_ID } from '../../bot/src/devsupport/demoOrganisation';
import { type OutputZone, readDateTimeTimeZone, writeDateTimeTimeZone } from './dateTimeTimeZone';
import type { Mailbox } from './directory';
import { GraphHttpError, invalidRequest, itemNotFound } from './graphErrors';
import { newEventId, newICalUId } from './ids';
import { type CalendarEvent, type EmulatorState, type EventAttendee, SHOW_AS, type ShowAs } from './state';

const SENSITIVITIES = ['normal', 'personal', 'private', 'confidential'] as const;
const PROVIDERS = ['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer', 'unknown'];
const ATTENDEE_TYPES = ['required', 'optional', 'resource'] as const;
const MAX_SUBJECT = 255;
/** Read-only on Graph's event; a PATCH naming them is a client bug worth failing loudly. */
const READ_ONLY = new Set([
  'id',
  'iCalUId',
  'organizer',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'onlineMeeting',
  'isOrganizer',
  'webLink',
  'isCancelled',
  'seriesMasterId',
  'type',
]);
/** Writable on Graph but of no consequence to free/busy: accepted and ignored. */
const IGNORED_WRITABLE = new Set([
  'importance',
  'isReminderOn',
  'reminderMinutesBeforeStart',
  'allowNewTimeProposals',
  'responseRequested',
  'categories',
  'location',
  'locations',
  'hideAttendees',
]);

function asString(value: unknown, field: string, max = Number.POSITIVE_INFINITY): string {
  if (typeof value !== 'string') throw invalidRequest(`${field} must be a string.`);
  if (value.length > max) throw invalidRequest(`${field} must be at most ${max} characters.`);
  return value;
}

function readSubject(value: unknown): string {
  const subject = asString(value, 'subject', MAX_SUBJECT);
  if (!subject.trim()) throw invalidRequest('subject must not be empty.');
  return subject;
}

function readBody(value: unknown): CalendarEvent['body'] {
  if (!value || typeof value !== 'object') throw invalidRequest('body must be an itemBody object.');
  const { contentType, content } = value as { contentType?: unknown; content?: unknown };
  const type = typeof contentType === 'string' ? contentType.toLowerCase() : 'text';
  if (type !== 'html' && type !== 'text') throw invalidRequest("body.contentType must be 'html' or 'text'.");
  return { contentType: type, content: content === undefined ? '' : asString(content, 'body.content') };
}

function readEnum<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => typeof value === 'string' && a.toLowerCase() === value.toLowerCase());
  if (!found) throw invalidRequest(`${field} must be one of ${allowed.join(', ')}.`);
  return found;
}

function readAttendees(value: unknown): EventAttendee[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalidRequest('attendees must be a collection.');
  return value.map((a, i) => {
    const email = (a as { emailAddress?: { address?: unknown; name?: unknown } } | null)?.emailAddress;
    const address = typeof email?.address === 'string' ? email.address.trim() : '';
    if (!/^[^@\s]+@[^@\s]+$/.test(address)) {
      throw new GraphHttpError(
        400,
        'ErrorInvalidRecipients',
        `At least one recipient isn't valid: attendees[${i}].emailAddress.address is not an SMTP address.`,
      );
    }
    const type = (a as { type?: unknown }).type;
    return {
      address,
      name: typeof email?.name === 'string' ? email.name : address,
      type: type === undefined ? 'required' : readEnum(type, `attendees[${i}].type`, ATTENDEE_TYPES),
    };
  });
}

function joinUrlFor(organizer: Mailbox): string {
  const meeting = `19%3ameeting_polku-graph-emulator-${randomBytes(12).toString('hex')}%40thread.v2`;
  const context = encodeURIComponent(JSON.stringify({ Tid: DEMO_TENANT_ID, Oid: organizer.id }));
  return `https://teams.microsoft.com/l/meetup-join/${meeting}/0?context=${context}`;
}

/** POST /users/{id}/events. `existing` is true when the transactionId was seen: nothing new is made. */
export function createEvent(
  state: EmulatorState,
  organizer: Mailbox,
  body: unknown,
  nowMs: number,
): { event: CalendarEvent; existing: boolean } {
  if (!body || typeof body !== 'object') throw invalidRequest('The request body must be a JSON object.');
  const b = body as Record<string, unknown>;
  const transactionId =
    b.transactionId === undefined ? undefined : asString(b.transactionId, 'transactionId', 255);
  if (transactionId) {
    const earlier = state.byTransaction(organizer.id, transactionId);
    if (earlier) return { event: earlier, existing: true };
  }
  const subject = readSubject(b.subject);
  const start = readDateTimeTimeZone(b.start, 'start');
  const end = readDateTimeTimeZone(b.end, 'end');
  if (start.ms >= end.ms) throw invalidRequest('The end time of the event must be after its start time.');
  const isOnlineMeeting = b.isOnlineMeeting === undefined ? false : b.isOnlineMeeting === true;
  if (b.isOnlineMeeting !== undefined && typeof b.isOnlineMeeting !== 'boolean') {
    throw invalidRequest('isOnlineMeeting must be true or false.');
  }
  const provider =
    b.onlineMeetingProvider === undefined
      ? undefined
      : readEnum(b.onlineMeetingProvider, 'onlineMeetingProvider', PROVIDERS);
  const id = newEventId();
  const event: CalendarEvent = {
    id,
    iCalUId: newICalUId(id),
    organizerId: organizer.id,
    subject,
    body: b.body === undefined ? { contentType: 'text', content: '' } : readBody(b.body),
    startMs: start.ms,
    endMs: end.ms,
    originalStartTimeZone: start.zone,
    originalEndTimeZone: end.zone,
    showAs: b.showAs === undefined ? 'busy' : readEnum<ShowAs>(b.showAs, 'showAs', SHOW_AS),
    sensitivity:
      b.sensitivity === undefined ? 'normal' : readEnum(b.sensitivity, 'sensitivity', SENSITIVITIES),
    isOnlineMeeting,
    ...(provider ? { onlineMeetingProvider: provider } : {}),
    ...(isOnlineMeeting ? { joinUrl: joinUrlFor(organizer) } : {}),
    attendees: readAttendees(b.attendees),
    ...(transactionId ? { transactionId } : {}),
    createdMs: nowMs,
    modifiedMs: nowMs,
    version: 1,
    isCancelled: false,
    seeded: false,
  };
  state.add(event);
  return { event, existing: false };
}

export function findEvent(state: EmulatorState, mailbox: Mailbox, id: string): CalendarEvent {
  const event = state.organizerEvent(mailbox, id);
  if (!event) throw itemNotFound();
  return event;
}

/** PATCH /users/{id}/events/{id}: subject, body, start, end, sensitivity and showAs change; the rest is refused. */
export function updateEvent(event: CalendarEvent, body: unknown, nowMs: number): CalendarEvent {
  if (!body || typeof body !== 'object') throw invalidRequest('The request body must be a JSON object.');
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (READ_ONLY.has(key)) throw invalidRequest(`The property '${key}' is read-only.`);
    if (key === 'transactionId' && b.transactionId !== event.transactionId) {
      throw invalidRequest('transactionId cannot be changed once the event is created.');
    }
    if (
      !['subject', 'body', 'start', 'end', 'sensitivity', 'showAs', 'transactionId'].includes(key) &&
      !IGNORED_WRITABLE.has(key)
    ) {
      throw invalidRequest(`The Graph emulator does not emulate changing '${key}'.`);
    }
  }
  // Validate everything before changing anything, so a refused PATCH leaves the event as it was.
  const subject = b.subject === undefined ? event.subject : readSubject(b.subject);
  const content = b.body === undefined ? event.body : readBody(b.body);
  const start = b.start === undefined ? undefined : readDateTimeTimeZone(b.start, 'start');
  const end = b.end === undefined ? undefined : readDateTimeTimeZone(b.end, 'end');
  if ((start?.ms ?? event.startMs) >= (end?.ms ?? event.endMs)) {
    throw invalidRequest('The end time of the event must be after its start time.');
  }
  const sensitivity =
    b.sensitivity === undefined ? event.sensitivity : readEnum(b.sensitivity, 'sensitivity', SENSITIVITIES);
  const showAs = b.showAs === undefined ? event.showAs : readEnum<ShowAs>(b.showAs, 'showAs', SHOW_AS);
  Object.assign(event, { subject, body: content, sensitivity, showAs });
  if (start) Object.assign(event, { startMs: start.ms, originalStartTimeZone: start.zone });
  if (end) Object.assign(event, { endMs: end.ms, originalEndTimeZone: end.zone });
  event.modifiedMs = nowMs;
  event.version++;
  return event;
}

/**
 * POST …/cancel: the organiser's cancellation. Graph moves the event to
 * Deleted Items, so its id no longer resolves on the calendar: a second
 * cancel, a GET or a PATCH answer 404 ErrorItemNotFound. The record is kept
 * (hidden) so a late retry of the create with its transactionId still finds
 * it instead of booking the meeting again.
 */
export function cancelEvent(event: CalendarEvent, body: unknown, nowMs: number): void {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  // Graph's own example writes "Comment"; property names are case-insensitive there.
  const comment = b.comment ?? b.Comment;
  if (comment !== undefined) event.cancelComment = asString(comment, 'comment');
  event.isCancelled = true;
  event.modifiedMs = nowMs;
  event.version++;
}

function graphInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

function preview(body: CalendarEvent['body']): string {
  const text = body.contentType === 'html' ? body.content.replace(/<[^>]*>/g, ' ') : body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

/** The event as Graph returns it (the properties a client is likely to read, in Graph's shape). */
export function eventJson(
  event: CalendarEvent,
  organizer: Mailbox,
  out: OutputZone,
  baseUrl: string,
): Record<string, unknown> {
  const changeKey = Buffer.from(`${event.id}:${event.version}`).toString('base64').slice(-28);
  const never = '0001-01-01T00:00:00Z';
  return {
    '@odata.context': `${baseUrl}/$metadata#users('${organizer.id}')/events/$entity`,
    '@odata.etag': `W/"${changeKey}"`,
    id: event.id,
    createdDateTime: graphInstant(event.createdMs),
    lastModifiedDateTime: graphInstant(event.modifiedMs),
    changeKey,
    categories: [],
    ...(event.transactionId ? { transactionId: event.transactionId } : {}),
    originalStartTimeZone: event.originalStartTimeZone,
    originalEndTimeZone: event.originalEndTimeZone,
    iCalUId: event.iCalUId,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    subject: event.subject,
    bodyPreview: preview(event.body),
    importance: 'normal',
    sensitivity: event.sensitivity,
    isAllDay: false,
    isCancelled: event.isCancelled,
    isOrganizer: true,
    responseRequested: true,
    seriesMasterId: null,
    showAs: event.showAs,
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: event.isOnlineMeeting,
    onlineMeetingProvider: event.onlineMeetingProvider ?? 'unknown',
    allowNewTimeProposals: true,
    responseStatus: { response: 'organizer', time: never },
    body: event.body,
    start: writeDateTimeTimeZone(event.startMs, out),
    end: writeDateTimeTimeZone(event.endMs, out),
    location: { displayName: '', locationType: 'default', uniqueIdType: 'unknown' },
    locations: [],
    recurrence: null,
    attendees: event.attendees.map((a) => ({
      type: a.type,
      status: { response: 'none', time: never },
      emailAddress: { name: a.name, address: a.address },
    })),
    organizer: { emailAddress: { name: organizer.name, address: organizer.address } },
    onlineMeeting: event.joinUrl ? { joinUrl: event.joinUrl } : null,
  };
}
