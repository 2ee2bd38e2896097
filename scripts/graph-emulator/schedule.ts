/**
 * POST /users/{id}/calendar/getSchedule: free/busy and working hours for up
 * to 20 addresses over a window of at most 62 days, as Graph limits it. An
 * address that does not resolve, or has no mailbox, is reported inside the
 * answer (200 with an `error` entry), not as an HTTP error, as Graph does.
 */
import { type OutputZone, readDateTimeTimeZone, writeDateTimeTimeZone } from './dateTimeTimeZone';
import type { Mailbox } from './directory';
import { GraphHttpError, invalidRequest } from './graphErrors';
import type { CalendarEvent, EmulatorState, ShowAs } from './state';
import { windowsZoneName } from './timeZones';

const MAX_SCHEDULES = 20;
const MAX_WINDOW_DAYS = 62;
const DAY_MS = 86_400_000;
const DEFAULT_INTERVAL = 30;

/**
 * availabilityView digits. Working elsewhere is reported as 0, not 4: Graph's
 * scheduleInformation documents that it keeps 0 there for backward
 * compatibility (the scheduleItem still says "workingElsewhere").
 */
const VIEW_CODE: Readonly<Record<ShowAs, number>> = {
  free: 0,
  workingElsewhere: 0,
  unknown: 0,
  tentative: 1,
  busy: 2,
  oof: 3,
};

export type ZoneNames = 'windows' | 'iana';

interface ScheduleItem {
  readonly isPrivate: boolean;
  readonly status: ShowAs;
  readonly subject?: string;
  readonly location?: string;
  readonly start: { dateTime: string; timeZone: string };
  readonly end: { dateTime: string; timeZone: string };
}

export interface ScheduleInformation {
  readonly scheduleId: string;
  readonly availabilityView?: string;
  readonly scheduleItems?: readonly ScheduleItem[];
  readonly workingHours?: {
    readonly daysOfWeek: readonly string[];
    readonly startTime: string;
    readonly endTime: string;
    readonly timeZone: { readonly name: string };
  };
  readonly error?: { readonly message: string; readonly responseCode: string };
}

interface ScheduleRequest {
  readonly schedules: readonly string[];
  readonly startMs: number;
  readonly endMs: number;
  readonly intervalMinutes: number;
}

export function readScheduleRequest(body: unknown): ScheduleRequest {
  if (!body || typeof body !== 'object') throw invalidRequest('The request body must be a JSON object.');
  const b = body as Record<string, unknown>;
  const schedules = b.schedules;
  if (!Array.isArray(schedules) || schedules.some((s) => typeof s !== 'string' || !s.trim())) {
    throw invalidRequest('schedules must be a collection of SMTP addresses.');
  }
  if (schedules.length < 1 || schedules.length > MAX_SCHEDULES) {
    throw invalidRequest(`schedules must hold 1 to ${MAX_SCHEDULES} addresses, not ${schedules.length}.`);
  }
  const start = readDateTimeTimeZone(b.startTime, 'startTime');
  const end = readDateTimeTimeZone(b.endTime, 'endTime');
  if (start.ms >= end.ms) throw invalidRequest('The start time must be before the end time.');
  const days = (end.ms - start.ms) / DAY_MS;
  if (days > MAX_WINDOW_DAYS) {
    throw new GraphHttpError(
      400,
      'ErrorTimeIntervalTooBig',
      `The requested time duration specified for FreeBusyViewOptions.TimeWindow is too long. The allowed limit = ${MAX_WINDOW_DAYS} days; the actual limit = ${Math.ceil(days)} days.`,
    );
  }
  const interval = b.availabilityViewInterval === undefined ? DEFAULT_INTERVAL : b.availabilityViewInterval;
  if (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 5 || interval > 1440) {
    throw invalidRequest('availabilityViewInterval must be a whole number of minutes from 5 to 1440.');
  }
  return { schedules: schedules as string[], startMs: start.ms, endMs: end.ms, intervalMinutes: interval };
}

/** One digit per interval from the window's start: the highest status of any item overlapping it. */
export function availabilityView(
  items: readonly Pick<CalendarEvent, 'startMs' | 'endMs' | 'showAs'>[],
  startMs: number,
  endMs: number,
  intervalMinutes: number,
): string {
  const step = intervalMinutes * 60_000;
  const slots = new Array<number>(Math.ceil((endMs - startMs) / step)).fill(0);
  for (const item of items) {
    const code = VIEW_CODE[item.showAs];
    if (code === 0 || item.endMs <= startMs || item.startMs >= endMs) continue;
    const first = Math.max(0, Math.floor((item.startMs - startMs) / step));
    const last = Math.min(slots.length - 1, Math.ceil((item.endMs - startMs) / step) - 1);
    for (let i = first; i <= last; i++) slots[i] = Math.max(slots[i] ?? 0, code);
  }
  return slots.join('');
}

function scheduleItem(e: CalendarEvent, out: OutputZone): ScheduleItem {
  const isPrivate = e.sensitivity === 'private' || e.sensitivity === 'confidential';
  return {
    isPrivate,
    status: e.showAs,
    // Private items show only that the time is taken.
    ...(isPrivate ? {} : { subject: e.subject, location: '' }),
    start: writeDateTimeTimeZone(e.startMs, out),
    end: writeDateTimeTimeZone(e.endMs, out),
  };
}

function workingHours(mailbox: Mailbox, zoneNames: ZoneNames): ScheduleInformation['workingHours'] {
  return {
    daysOfWeek: mailbox.workingHours.daysOfWeek,
    startTime: `${mailbox.workingHours.start}:00.0000000`,
    endTime: `${mailbox.workingHours.end}:00.0000000`,
    // Exchange reports the mailbox's zone by its Windows name ("FLE Standard Time").
    timeZone: { name: zoneNames === 'windows' ? windowsZoneName(mailbox.timeZone) : mailbox.timeZone },
  };
}

export function getSchedule(
  state: EmulatorState,
  body: unknown,
  out: OutputZone,
  zoneNames: ZoneNames,
): ScheduleInformation[] {
  const req = readScheduleRequest(body);
  return req.schedules.map((address): ScheduleInformation => {
    const user = state.directory.findByAddress(address);
    if (!user) {
      return {
        scheduleId: address,
        error: {
          message: `Unable to resolve e-mail address ${address} to an Active Directory object.`,
          responseCode: '5009',
        },
      };
    }
    if (!user.mailbox) {
      return {
        scheduleId: address,
        error: {
          message: `The mailbox of ${address} could not be found.`,
          responseCode: 'ErrorMailRecipientNotFound',
        },
      };
    }
    const items = state
      .calendarOf(user.mailbox)
      .filter((e) => e.showAs !== 'free' && e.endMs > req.startMs && e.startMs < req.endMs);
    return {
      scheduleId: address,
      availabilityView: availabilityView(items, req.startMs, req.endMs, req.intervalMinutes),
      scheduleItems: items.map((e) => scheduleItem(e, out)),
      workingHours: workingHours(user.mailbox, zoneNames),
    };
  });
}
