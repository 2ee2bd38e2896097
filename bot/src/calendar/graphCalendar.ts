/**
 * Calendars through Microsoft Graph (application permissions): free/busy and
 * working hours with getSchedule, and Teams meetings as events on the
 * organiser's calendar. Creates carry a transactionId, so a create retried
 * after a dropped connection returns the first event instead of a second.
 */
import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import { PolkuError } from '../domain/errors';
import type {
  BookedMeeting,
  CalendarPort,
  FoundMeeting,
  Interval,
  MemberSchedule,
  NewMeeting,
} from '../services/meetings/calendarPort';
import { isNetworkError, toCalendarError } from './graphErrors';
import { ianaTimeZone } from './windowsTimeZones';

const UTC = 'UTC';
/** Everything is exchanged in UTC; presentation in each person's zone happens in the cards. */
const PREFER_UTC = 'outlook.timezone="UTC"';
const SCHEDULE_INTERVAL_MINUTES = 15;
const CREATE_ATTEMPTS = 4;
/** calendarView page size; the window is one meeting's length, so one page is the usual answer. */
const VIEW_PAGE = 50;
/** A window this long holds at most a few hundred events; more pages than this means something is off. */
const MAX_VIEW_PAGES = 20;

interface GraphViewEvent {
  readonly id: string;
  readonly transactionId?: string | null;
  readonly isCancelled?: boolean;
  readonly start: GraphDateTime;
  readonly end: GraphDateTime;
  readonly onlineMeeting?: { readonly joinUrl?: string } | null;
}

interface GraphDateTime {
  readonly dateTime: string;
  readonly timeZone: string;
}

interface GraphSchedule {
  readonly scheduleId: string;
  readonly scheduleItems?: readonly {
    readonly status: string;
    readonly start: GraphDateTime;
    readonly end: GraphDateTime;
  }[];
  readonly workingHours?: {
    readonly daysOfWeek: readonly string[];
    readonly startTime: string;
    readonly endTime: string;
    readonly timeZone: { readonly name: string };
  };
  readonly error?: { readonly message: string; readonly responseCode: string };
}

export class GraphCalendar implements CalendarPort {
  constructor(
    private readonly client: Client,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async getSchedules(emails: readonly string[], window: Interval): Promise<MemberSchedule[]> {
    try {
      const res = (await this.client
        .api(`/users/${encodeURIComponent(emails[0] ?? '')}/calendar/getSchedule`)
        .header('Prefer', PREFER_UTC)
        .post({
          schedules: emails,
          startTime: toGraph(window.start),
          endTime: toGraph(window.end),
          availabilityViewInterval: SCHEDULE_INTERVAL_MINUTES,
        })) as { value: GraphSchedule[] };
      return res.value.map((s) => {
        if (s.error) {
          // Graph reports a member without a mailbox inside the answer, not as an HTTP error.
          throw new PolkuError('not_found', `No calendar for ${s.scheduleId}`, { code: 'no_mailbox' });
        }
        return {
          email: s.scheduleId,
          workingHours: workingHoursOf(s.workingHours),
          // Free time is what is not listed; tentative and away count as busy for booking.
          busy: (s.scheduleItems ?? [])
            .filter((i) => i.status !== 'free')
            .map((i) => ({ start: fromGraph(i.start), end: fromGraph(i.end) })),
        };
      });
    } catch (err) {
      throw toCalendarError(err, 'Schedules');
    }
  }

  async createMeeting(m: NewMeeting): Promise<BookedMeeting> {
    const body = {
      subject: m.subject,
      body: { contentType: 'HTML', content: m.bodyHtml },
      start: toGraph(m.start),
      end: toGraph(m.end),
      attendees: m.attendees.map((a) => ({
        emailAddress: { address: a.email, name: a.name },
        type: 'required',
      })),
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      sensitivity: 'private',
      allowNewTimeProposals: true,
      transactionId: m.transactionId,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const event = (await this.client
          .api(`/users/${encodeURIComponent(m.organizer)}/events`)
          .header('Prefer', PREFER_UTC)
          .post(body)) as {
          id: string;
          onlineMeeting?: { joinUrl?: string } | null;
        };
        return { eventId: event.id, joinUrl: event.onlineMeeting?.joinUrl ?? undefined };
      } catch (err) {
        // The connection dropped: the event may exist. The same transactionId makes the retry return it, not a twin.
        if (isNetworkError(err) && attempt < CREATE_ATTEMPTS) {
          await this.sleep(200 * 2 ** attempt);
          continue;
        }
        throw toCalendarError(err, 'Meeting');
      }
    }
  }

  async moveMeeting(organizer: string, eventId: string, slot: Interval): Promise<void> {
    await this.retryingDrops(async () => {
      try {
        await this.client
          .api(`/users/${encodeURIComponent(organizer)}/events/${encodeURIComponent(eventId)}`)
          .patch({ start: toGraph(slot.start), end: toGraph(slot.end) });
      } catch (err) {
        if (isEventGone(err)) {
          throw new PolkuError('not_found', 'The meeting is no longer in the organiser’s calendar', {
            cause: err,
            code: 'event_missing',
          });
        }
        throw err;
      }
    });
  }

  async cancelMeeting(organizer: string, eventId: string, comment: string): Promise<void> {
    await this.retryingDrops(async () => {
      try {
        await this.client
          .api(`/users/${encodeURIComponent(organizer)}/events/${encodeURIComponent(eventId)}/cancel`)
          .post({ comment });
      } catch (err) {
        // Cancelled already (a repeated click, the organiser removed it in Outlook, or the answer to an
        // earlier attempt was lost): what cancel wants is true.
        if (!isEventGone(err)) throw err;
      }
    });
  }

  /**
   * A dropped connection leaves a PATCH or a cancel done or not: both are idempotent (the same times again; a
   * second cancel answers 404), so they are sent again rather than leaving the calendar unknown to the record.
   */
  private async retryingDrops(call: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        if (isNetworkError(err) && attempt < CREATE_ATTEMPTS) {
          await this.sleep(200 * 2 ** attempt);
          continue;
        }
        throw toCalendarError(err, 'Meeting');
      }
    }
  }

  async findMeeting(
    organizer: string,
    transactionId: string,
    window: Interval,
  ): Promise<FoundMeeting | undefined> {
    try {
      let page = (await this.client
        .api(`/users/${encodeURIComponent(organizer)}/calendarView`)
        .header('Prefer', PREFER_UTC)
        .query({
          startDateTime: new Date(window.start).toISOString(),
          endDateTime: new Date(window.end).toISOString(),
          $select: 'id,transactionId,isCancelled,start,end,onlineMeeting',
          $top: String(VIEW_PAGE),
        })
        .get()) as { value: GraphViewEvent[]; '@odata.nextLink'?: string };
      for (let pages = 1; ; pages++) {
        const found = page.value.find((e) => e.transactionId === transactionId && !e.isCancelled);
        if (found) {
          return {
            eventId: found.id,
            joinUrl: found.onlineMeeting?.joinUrl ?? undefined,
            start: fromGraph(found.start),
            end: fromGraph(found.end),
          };
        }
        const next = page['@odata.nextLink'];
        if (!next || pages >= MAX_VIEW_PAGES) return undefined;
        page = (await this.client
          .api(relativeToVersion(next))
          .header('Prefer', PREFER_UTC)
          .get()) as typeof page;
      }
    } catch (err) {
      throw toCalendarError(err, 'Calendar');
    }
  }
}

/** 404 ErrorItemNotFound on an event: it was cancelled or deleted (a missing mailbox has other codes). */
function isEventGone(err: unknown): boolean {
  return err instanceof GraphError && err.statusCode === 404 && err.code === 'ErrorItemNotFound';
}

/**
 * A nextLink is absolute; the client takes paths below the configured version, so the bearer token goes
 * only to the configured Graph origin even if a link named another host.
 */
function relativeToVersion(link: string): string {
  const url = new URL(link);
  return `${url.pathname.replace(/^\/[^/]+/, '')}${url.search}`;
}

function toGraph(ms: number): GraphDateTime {
  return { dateTime: new Date(ms).toISOString().slice(0, 19), timeZone: UTC };
}

function fromGraph(t: GraphDateTime): number {
  // With Prefer outlook.timezone="UTC" Graph answers in UTC, with up to 7 fractional digits and no offset.
  const iso = t.dateTime.replace(/(\.\d{3})\d*$/, '$1');
  return Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
}

/** Working hours with an IANA zone; none when Exchange names a zone nobody can read (rather than guess a wrong one). */
function workingHoursOf(w: GraphSchedule['workingHours']): MemberSchedule['workingHours'] {
  const timeZone = w ? ianaTimeZone(w.timeZone.name) : undefined;
  if (!w || !timeZone) return undefined;
  return {
    daysOfWeek: w.daysOfWeek,
    startTime: w.startTime.slice(0, 5),
    endTime: w.endTime.slice(0, 5),
    timeZone,
  };
}
