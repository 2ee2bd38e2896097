/** Plain stand-ins for the booking service's ports: a meetings table with ETags and a calendar with events. */

import type { AgreementTerms } from '../../../bot/src/domain/agreement/agreementTypes';
import { ChangedError, ConflictError, PolkuError, UnavailableError } from '../../../bot/src/domain/errors';
import type { Meeting } from '../../../bot/src/domain/meetings/meeting';
import type { Pair } from '../../../bot/src/domain/programme/pair';
import type { Programme } from '../../../bot/src/domain/programme/programme';
import type { Actor } from '../../../bot/src/services/actor';
import type { AgreementView } from '../../../bot/src/services/agreements/agreementService';
import type { BookingServiceDeps } from '../../../bot/src/services/meetings/bookingCore';
import type {
  BookedMeeting,
  CalendarPort,
  FoundMeeting,
  Interval,
  MemberSchedule,
  NewMeeting,
} from '../../../bot/src/services/meetings/calendarPort';
import type { MeetingRepository } from '../../../bot/src/services/meetings/meetingPorts';
import type { Versioned } from '../../../bot/src/services/programmes/ports';
import { pair as basePair, cohort } from '../teams/cardFixtures';

/** Monday 1 March 2027, 10:00 in Helsinki. */
export const NOW = Date.parse('2027-03-01T08:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const mentorId = basePair.mentorId;
export const aktoriId = basePair.aktoriIds[0] as string;
export const pair: Pair = {
  ...basePair,
  emails: { [mentorId]: 'mentor@example.com', [aktoriId]: 'aktori@example.com' },
};
export const mentor: Actor = { tenantId: 'tenant-1', userId: mentorId, name: 'Mentor Mirja' };
export const aktori: Actor = { tenantId: 'tenant-1', userId: aktoriId, name: 'Aktori Aapo' };
export const outsider: Actor = { tenantId: 'tenant-1', userId: 'someone-else', name: 'Outsider' };

export const SECRET_GOAL = 'Oppia neuvottelemaan palkasta';

export const terms: AgreementTerms = {
  duration: { kind: 'meetings', meetings: 3 },
  checkpoint: true,
  cadenceWeeks: 4,
  meetingMinutes: 60,
  place: 'teams',
  preparation: '',
  betweenMeetings: '',
  noticeHours: 24,
  sharing: [],
  goals: [{ text: SECRET_GOAL, tags: [] }],
  roles: {},
};

export function viewOf(programme: Programme = cohort, agreed: AgreementTerms = terms): AgreementView {
  return {
    programme,
    pair,
    agreement: {
      pairId: pair.id,
      programmeId: programme.id,
      tenantId: programme.tenantId,
      mentorId,
      aktoriIds: [aktoriId],
      quick: false,
      version: 2,
      terms: agreed,
      acceptances: {},
      steps: {},
      inForce: { version: 2, at: '2027-02-20T08:00:00.000Z', terms: agreed },
      lastChange: undefined,
    },
  };
}

let etags = 0;

export class FakeMeetings implements MeetingRepository {
  readonly rows = new Map<string, Versioned<Meeting>>();
  /** Runs before a replace is judged: lets a test write "someone else's" change in between. */
  beforeReplace: ((m: Meeting) => void) | undefined;
  private key = (pairId: string, n: number) => `${pairId}|${String(n).padStart(4, '0')}`;
  async list(_programmeId: string, pairId: string) {
    return [...this.rows.entries()]
      .filter(([k]) => k.startsWith(`${pairId}|`))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, v]) => v);
  }
  async get(_programmeId: string, pairId: string, n: number) {
    return this.rows.get(this.key(pairId, n));
  }
  async create(m: Meeting) {
    if (this.rows.has(this.key(m.pairId, m.number))) throw new ConflictError('Meeting');
    return this.put(m);
  }
  async replace(m: Meeting, etag: string) {
    const hook = this.beforeReplace;
    this.beforeReplace = undefined;
    hook?.(m);
    if (this.rows.get(this.key(m.pairId, m.number))?.etag !== etag) throw new ChangedError('Meeting');
    return this.put(m);
  }
  /** Writes as another instance would (a new ETag). */
  put(m: Meeting): Versioned<Meeting> {
    const v = { value: m, etag: `e${++etags}` };
    this.rows.set(this.key(m.pairId, m.number), v);
    return v;
  }
  value(n: number): Meeting | undefined {
    return this.rows.get(this.key(pair.id, n))?.value;
  }
}

interface FakeEvent {
  id: string;
  organizer: string;
  transactionId: string;
  subject: string;
  bodyHtml: string;
  attendees: readonly string[];
  start: number;
  end: number;
  cancelled: boolean;
  comment?: string;
}

/** One way the next call goes wrong: before Graph did anything, or after it made the change (the answer is lost). */
export type CalendarFault = 'before' | 'after';

export class FakeCalendar implements CalendarPort {
  readonly events: FakeEvent[] = [];
  readonly calls: string[] = [];
  readonly zones: Record<string, { timeZone: string; startTime: string; endTime: string }> = {
    'mentor@example.com': { timeZone: 'Europe/Helsinki', startTime: '08:00', endTime: '16:00' },
    'aktori@example.com': { timeZone: 'Europe/Stockholm', startTime: '09:00', endTime: '17:00' },
  };
  /** Extra busy time per mailbox. */
  readonly busy: Record<string, Interval[]> = {};
  faults: Partial<Record<'create' | 'move' | 'cancel', CalendarFault[]>> = {};

  private fault(op: 'create' | 'move' | 'cancel'): CalendarFault | undefined {
    return this.faults[op]?.shift();
  }

  live(): FakeEvent[] {
    return this.events.filter((e) => !e.cancelled);
  }

  async getSchedules(emails: readonly string[], _window: Interval): Promise<MemberSchedule[]> {
    this.calls.push('getSchedule');
    return emails.map((email) => {
      const z = this.zones[email];
      return {
        email,
        workingHours: z && {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: z.startTime,
          endTime: z.endTime,
          timeZone: z.timeZone,
        },
        busy: [
          ...(this.busy[email] ?? []),
          ...this.live()
            .filter((e) => e.organizer === email || e.attendees.includes(email))
            .map((e) => ({ start: e.start, end: e.end })),
        ],
      };
    });
  }

  async createMeeting(m: NewMeeting): Promise<BookedMeeting> {
    this.calls.push('create');
    const fault = this.fault('create');
    if (fault === 'before') throw new UnavailableError('Calendar');
    let event = this.events.find((e) => e.organizer === m.organizer && e.transactionId === m.transactionId);
    if (!event) {
      event = {
        id: `ev${this.events.length + 1}`,
        organizer: m.organizer,
        transactionId: m.transactionId,
        subject: m.subject,
        bodyHtml: m.bodyHtml,
        attendees: m.attendees.map((a) => a.email),
        start: m.start,
        end: m.end,
        cancelled: false,
      };
      this.events.push(event);
    }
    if (fault === 'after') throw new UnavailableError('Calendar');
    return { eventId: event.id, joinUrl: `https://teams.microsoft.com/l/meetup-join/${event.id}` };
  }

  async moveMeeting(organizer: string, eventId: string, slot: Interval): Promise<void> {
    this.calls.push(`move ${new Date(slot.start).toISOString()}`);
    const fault = this.fault('move');
    if (fault === 'before') throw new UnavailableError('Calendar');
    const event = this.live().find((e) => e.id === eventId && e.organizer === organizer);
    if (!event) throw new PolkuError('not_found', 'gone', { code: 'event_missing' });
    event.start = slot.start;
    event.end = slot.end;
    if (fault === 'after') throw new UnavailableError('Calendar');
  }

  async cancelMeeting(organizer: string, eventId: string, comment: string): Promise<void> {
    this.calls.push('cancel');
    const fault = this.fault('cancel');
    if (fault === 'before') throw new UnavailableError('Calendar');
    const event = this.events.find((e) => e.id === eventId && e.organizer === organizer);
    if (event && !event.cancelled) Object.assign(event, { cancelled: true, comment });
    if (fault === 'after') throw new UnavailableError('Calendar');
  }

  async findMeeting(
    organizer: string,
    transactionId: string,
    window: Interval,
  ): Promise<FoundMeeting | undefined> {
    this.calls.push('calendarView');
    const e = this.live().find(
      (x) =>
        x.organizer === organizer &&
        x.transactionId === transactionId &&
        x.start < window.end &&
        x.end > window.start,
    );
    return e && { eventId: e.id, joinUrl: undefined, start: e.start, end: e.end };
  }
}

export interface Harness {
  readonly deps: BookingServiceDeps;
  readonly meetings: FakeMeetings;
  readonly calendar: FakeCalendar;
  readonly heard: string[];
  readonly clock: { now: number };
}

export function harness(options: { view?: AgreementView; scheduleFails?: boolean } = {}): Harness {
  const view = options.view ?? viewOf();
  const meetings = new FakeMeetings();
  const calendar = new FakeCalendar();
  const heard: string[] = [];
  const clock = { now: NOW };
  const deps: BookingServiceDeps = {
    agreements: {
      view: async (actor) => {
        if (![mentorId, aktoriId].includes(actor.userId))
          throw new PolkuError('forbidden', 'not a member', { code: 'not_pair_member' });
        return view;
      },
    },
    meetings,
    calendar,
    pairs: { get: async () => pair },
    programmes: { get: async () => ({ value: view.programme, etag: 'p1' }) },
    now: () => new Date(clock.now),
    schedule: {
      meetingBooked: async (m) => {
        heard.push(`booked ${m.number}`);
        if (options.scheduleFails) throw new Error('due table down');
      },
      meetingMoved: async (m, prev) => {
        heard.push(`moved ${m.number} from ${new Date(prev.start).toISOString()}`);
      },
      meetingCancelled: async (m) => {
        heard.push(`cancelled ${m.number}`);
      },
    },
    notices: {
      meetingMoved: async (_c, by, m) => {
        heard.push(`told moved ${m.number} by ${by.name}`);
      },
      meetingCancelled: async (_c, by, m) => {
        heard.push(`told cancelled ${m.number} by ${by.name}`);
      },
    },
    onAfterChangeError: (_err, what) => heard.push(`error: ${what}`),
  };
  return { deps, meetings, calendar, heard, clock };
}
