/**
 * The few Graph v1.0 paths Polku uses, below /v1.0. Anything else gets the
 * error Graph gives for an unknown segment, so a client calling something
 * the emulator does not emulate finds out at once instead of getting a
 * plausible-looking answer.
 */
import { calendarView } from './calendarView';
import type { OutputZone } from './dateTimeTimeZone';
import type { Mailbox } from './directory';
import { cancelEvent, createEvent, eventJson, findEvent, updateEvent } from './events';
import { GraphHttpError, invalidUser, mailboxNotEnabled } from './graphErrors';
import { getSchedule, type ZoneNames } from './schedule';
import type { EmulatorState } from './state';

export interface GraphRequest {
  readonly method: string;
  /** Decoded path segments below /v1.0. */
  readonly segments: readonly string[];
  readonly body: unknown;
  readonly out: OutputZone;
  /** The query string (calendarView's window, paging and $select). */
  readonly query?: URLSearchParams;
}

export interface GraphResponse {
  readonly status: number;
  readonly body?: unknown;
}

export interface RouteContext {
  readonly state: EmulatorState;
  readonly nowMs: number;
  readonly baseUrl: string;
  readonly zoneNames: ZoneNames;
}

function mailboxOf(ctx: RouteContext, user: string): Mailbox {
  const found = ctx.state.findUser(user);
  if (!found) throw invalidUser(user);
  if (!found.mailbox) throw mailboxNotEnabled();
  return found.mailbox;
}

function methodNotAllowed(): GraphHttpError {
  return new GraphHttpError(405, 'BadRequest', 'The HTTP method is not allowed on this resource.');
}

export function route(ctx: RouteContext, req: GraphRequest): GraphResponse {
  const [root, user, ...rest] = req.segments;
  if (root === 'me') {
    // Polku uses application permissions, where there is no signed-in user.
    throw new GraphHttpError(
      400,
      'BadRequest',
      '/me request is only valid with delegated authentication flow.',
    );
  }
  if (root !== 'users' || !user || rest.length === 0) {
    throw new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${root ?? ''}'.`);
  }
  // …/calendar/events and …/calendar/calendarView are the same as …/events and …/calendarView (the default calendar).
  const tail =
    rest[0] === 'calendar' && (rest[1] === 'events' || rest[1] === 'calendarView') ? rest.slice(1) : rest;

  if (tail.length === 2 && tail[0] === 'calendar' && tail[1] === 'getSchedule') {
    if (req.method !== 'POST') throw methodNotAllowed();
    mailboxOf(ctx, user);
    return {
      status: 200,
      body: {
        '@odata.context': `${ctx.baseUrl}/$metadata#Collection(microsoft.graph.scheduleInformation)`,
        value: getSchedule(ctx.state, req.body, req.out, ctx.zoneNames),
      },
    };
  }
  if (tail.length === 1 && tail[0] === 'calendarView') {
    if (req.method !== 'GET') throw methodNotAllowed();
    const mailbox = mailboxOf(ctx, user);
    return {
      status: 200,
      body: calendarView(ctx.state, mailbox, req.query ?? new URLSearchParams(), req.out, ctx.baseUrl),
    };
  }
  if (tail[0] === 'events' && tail.length === 1) {
    if (req.method !== 'POST') throw methodNotAllowed();
    const organizer = mailboxOf(ctx, user);
    const { event } = createEvent(ctx.state, organizer, req.body, ctx.nowMs);
    // A repeated transactionId answers 201 with the first event, as if it had just been created.
    return { status: 201, body: eventJson(event, organizer, req.out, ctx.baseUrl) };
  }
  if (tail[0] === 'events' && tail.length === 2) {
    const mailbox = mailboxOf(ctx, user);
    const event = findEvent(ctx.state, mailbox, tail[1] ?? '');
    if (req.method === 'GET') return { status: 200, body: eventJson(event, mailbox, req.out, ctx.baseUrl) };
    if (req.method === 'PATCH') {
      updateEvent(event, req.body, ctx.nowMs);
      return { status: 200, body: eventJson(event, mailbox, req.out, ctx.baseUrl) };
    }
    throw methodNotAllowed();
  }
  if (tail[0] === 'events' && tail.length === 3 && tail[2] === 'cancel') {
    if (req.method !== 'POST') throw methodNotAllowed();
    const mailbox = mailboxOf(ctx, user);
    cancelEvent(findEvent(ctx.state, mailbox, tail[1] ?? ''), req.body, ctx.nowMs);
    return { status: 202 };
  }
  throw new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${tail[0] ?? ''}'.`);
}
