/**
 * /_emulator/*: the emulator's own endpoints, not Graph's. Tests and
 * developers use them to see what was booked, to start over and to inject
 * faults without holding the emulator object. No token is needed: the
 * emulator listens on loopback only and is never used in azure mode.
 *
 *   GET    /_emulator/health
 *   GET    /_emulator/events?user=<id or address>[&includeCancelled=true][&includeSeeded=false]
 *   POST   /_emulator/reset                         seeded calendars again, no faults, empty request log
 *   GET    /_emulator/faults                        faults still waiting to fire
 *   POST   /_emulator/faults   {kind,…} | {faults:[…]}   see faults.ts for the fields
 *   DELETE /_emulator/faults
 *   GET    /_emulator/requests                      the last Graph requests and how they were answered
 */
import { type FaultSpec, FaultSpecError, type Faults, validateFaultSpec } from './faults';
import type { CalendarEvent, EmulatorState } from './state';

export interface RequestLogEntry {
  readonly at: string;
  readonly method: string;
  readonly path: string;
  readonly status: number | 'dropped';
  readonly fault?: string;
  readonly ms: number;
}

export interface DebugContext {
  readonly state: EmulatorState;
  readonly faults: Faults;
  readonly requests: RequestLogEntry[];
  readonly baseUrl: string;
  reset(): void;
}

export interface DebugResponse {
  readonly status: number;
  readonly body?: unknown;
}

const problem = (status: number, message: string): DebugResponse => ({
  status,
  body: { error: { code: 'EmulatorRequestInvalid', message } },
});

/** One event as `GET /_emulator/events` lists it (tests read bookings through it). */
export type DebugEvent = ReturnType<typeof debugEvent>;

function debugEvent(e: CalendarEvent, state: EmulatorState) {
  const organizer = state.directory.mailboxes().find((m) => m.id === e.organizerId);
  return {
    id: e.id,
    organizer: organizer?.address ?? e.organizerId,
    subject: e.subject,
    start: new Date(e.startMs).toISOString(),
    end: new Date(e.endMs).toISOString(),
    showAs: e.showAs,
    sensitivity: e.sensitivity,
    attendees: e.attendees.map((a) => a.address),
    isOnlineMeeting: e.isOnlineMeeting,
    ...(e.joinUrl ? { joinUrl: e.joinUrl } : {}),
    ...(e.transactionId ? { transactionId: e.transactionId } : {}),
    isCancelled: e.isCancelled,
    ...(e.cancelComment !== undefined ? { cancelComment: e.cancelComment } : {}),
    seeded: e.seeded,
  };
}

export function handleDebug(ctx: DebugContext, method: string, url: URL, body: unknown): DebugResponse {
  const what = url.pathname.replace(/^\/_emulator\/?/, '');
  if (what === 'health' && method === 'GET') {
    return {
      status: 200,
      body: { ok: true, emulator: 'Polku Graph emulator (development stand-in)', baseUrl: ctx.baseUrl },
    };
  }
  if (what === 'events' && method === 'GET') {
    const includeCancelled = url.searchParams.get('includeCancelled') === 'true';
    const includeSeeded = url.searchParams.get('includeSeeded') !== 'false';
    const user = url.searchParams.get('user');
    let events: CalendarEvent[];
    if (user) {
      const found = ctx.state.findUser(user);
      if (!found?.mailbox) return problem(404, `no mailbox for ${user}`);
      events = ctx.state.calendarOf(found.mailbox, { includeCancelled });
    } else {
      // Without a user: everything booked through the API (seeded blocks would drown it).
      events = ctx.state.allEvents().filter((e) => !e.seeded && (includeCancelled || !e.isCancelled));
    }
    return {
      status: 200,
      body: { value: events.filter((e) => includeSeeded || !e.seeded).map((e) => debugEvent(e, ctx.state)) },
    };
  }
  if (what === 'reset' && method === 'POST') {
    ctx.reset();
    return { status: 204 };
  }
  if (what === 'requests' && method === 'GET') return { status: 200, body: { value: ctx.requests } };
  if (what === 'faults') {
    if (method === 'GET') return { status: 200, body: { value: ctx.faults.pending() } };
    if (method === 'DELETE') {
      ctx.faults.clear();
      return { status: 204 };
    }
    if (method === 'POST') {
      const specs = (body as { faults?: unknown } | undefined)?.faults ?? body;
      const list = (Array.isArray(specs) ? specs : [specs]) as FaultSpec[];
      try {
        // All or none: a bad entry must not leave the good ones before it armed.
        for (const spec of list) validateFaultSpec(spec);
        return { status: 201, body: { value: list.map((s) => ctx.faults.add(s)) } };
      } catch (err) {
        if (err instanceof FaultSpecError) return problem(400, err.message);
        throw err;
      }
    }
  }
  return problem(404, `no emulator endpoint ${method} ${url.pathname}`);
}
