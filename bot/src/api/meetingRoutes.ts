/**
 * A pair's meetings for its members: ranked free times, booking, moving and
 * cancelling. The chat cards call the same service; only the pair's members
 * get anything.
 */
import type { Request, Server } from 'restify';
import { ValidationError } from '../domain/errors';
import { type Meeting, meetingHeld } from '../domain/meetings/meeting';
import { field, integer, object } from '../domain/validate';
import type { Logger } from '../logging';
import type { BookingService } from '../services/meetings/bookingService';
import { authenticatedRoute } from './authenticatedRoute';
import { sendJson } from './httpErrors';
import type { Authenticator } from './principal';

export interface MeetingRouteDeps {
  readonly authenticator: Authenticator;
  readonly booking: BookingService;
  readonly logger: Logger;
}

export function registerMeetingRoutes(server: Server, deps: MeetingRouteDeps): void {
  const route = authenticatedRoute(deps);

  server.get(
    '/api/v1/pairs/:pairId/slots',
    route(async (req, res, me) => {
      const { slots, durationMinutes } = await deps.booking.suggest(me, pairIdOf(req), weeksLaterOf(req));
      sendJson(res, 200, { durationMinutes, slots: slots.map(slotJson) });
    }),
  );

  // Times for moving meeting `number`: near its current time, its own block not counted as busy.
  server.get(
    '/api/v1/pairs/:pairId/meetings/:number/slots',
    route(async (req, res, me) => {
      const { slots } = await deps.booking.suggestMove(me, pairIdOf(req), numberOf(req), weeksLaterOf(req));
      sendJson(res, 200, { slots: slots.map(slotJson) });
    }),
  );

  server.get(
    '/api/v1/pairs/:pairId/meetings',
    route(async (req, res, me) => {
      sendJson(res, 200, { items: (await deps.booking.list(me, pairIdOf(req))).map(meetingJson) });
    }),
  );

  server.post(
    '/api/v1/pairs/:pairId/meetings',
    route(async (req, res, me) => {
      const start = startOf(req);
      sendJson(res, 201, { meeting: meetingJson(await deps.booking.book(me, pairIdOf(req), start)) });
    }),
  );

  // Move and cancel: the same service as the chat cards, so the other member is told either way.
  // `changed` is false when it was already so (a retried request); the answer is the meeting as it is now.
  server.post(
    '/api/v1/pairs/:pairId/meetings/:number/move',
    route(async (req, res, me) => {
      const pairId = pairIdOf(req);
      const number = numberOf(req);
      const change = await deps.booking.move(me, pairId, number, startOf(req));
      sendJson(res, 200, { meeting: meetingJson(change.meeting), changed: change.changed });
    }),
  );

  server.post(
    '/api/v1/pairs/:pairId/meetings/:number/cancel',
    route(async (req, res, me) => {
      const change = await deps.booking.cancel(me, pairIdOf(req), numberOf(req));
      sendJson(res, 200, { meeting: meetingJson(change.meeting), changed: change.changed });
    }),
  );
}

/** "Other times": how many weeks further on to look, 0–8. */
function weeksLaterOf(req: Request): number {
  return integer((req.query as Record<string, unknown> | undefined)?.weeksLater ?? '0', 'weeksLater', 0, 8);
}

function slotJson(s: { readonly start: number; readonly end: number }): Record<string, unknown> {
  return { start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() };
}

function startOf(req: Request): number {
  const raw = field(object(req.body), 'start');
  const start =
    typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{3})?)?Z$/.test(raw)
      ? Date.parse(raw)
      : Number.NaN;
  if (!Number.isFinite(start))
    throw new ValidationError('start must be a UTC time', { field: 'start', rule: 'format' });
  return start;
}

/** A meeting's number in the path: a whole number 1–9999 (it becomes part of a row key). */
function numberOf(req: Request): number {
  const raw = (req.params as Record<string, unknown>).number;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,3}$/.test(raw))
    throw new ValidationError('number must be a meeting number', { field: 'number', rule: 'format' });
  return Number(raw);
}

function pairIdOf(req: Request): string {
  const pairId = (req.params as Record<string, unknown>).pairId;
  if (typeof pairId !== 'string' || !/^p[0-9a-f]{16}$/.test(pairId)) {
    throw new ValidationError('pairId is not a pair id', { field: 'pairId', rule: 'format' });
  }
  return pairId;
}

function meetingJson(m: Meeting): Record<string, unknown> {
  return {
    number: m.number,
    start: new Date(m.start).toISOString(),
    end: new Date(m.end).toISOString(),
    status: m.status,
    joinUrl: m.joinUrl ?? null,
    cancelledAt: m.status === 'cancelled' ? (m.cancelledAt ?? null) : null,
    checkIn: checkInOf(m),
  };
}

/**
 * What the members' check-ins say, for the pair's own view: 'met' when anyone met (as the dashboard
 * counts it), 'not-met' when someone said it did not happen and nobody met, else null (no answer yet).
 */
function checkInOf(m: Meeting): 'met' | 'not-met' | null {
  if (meetingHeld(m)) return 'met';
  return Object.values(m.checkIns ?? {}).includes('not-met') ? 'not-met' : null;
}
