/**
 * Booking a pair's meetings: common free time from both calendars, ranked
 * by the slot finder, and a booking that is recorded before the calendar
 * event is created. Retrying a booking after any failure finishes it
 * instead of doubling it: the record names the transactionId, and Graph
 * returns the event it already made for that id.
 */

import { agreementStatus } from '../../domain/agreement/agreementTypes';
import { ConflictError, PolkuError } from '../../domain/errors';
import {
  type Meeting,
  meetingTransactionId,
  nextMeetingNumber,
  nextMeetingTarget,
} from '../../domain/meetings/meeting';
import { findSlots } from '../../domain/slots/findSlots';
import type { MemberCalendar, RankedSlot, Weekday } from '../../domain/slots/slotTypes';
import type { Actor } from '../actor';
import type { AgreementService, AgreementView } from '../agreements/agreementService';
import type { CalendarPort, MemberSchedule } from './calendarPort';
import type { MeetingRepository } from './meetingPorts';

export interface BookingServiceDeps {
  readonly agreements: Pick<AgreementService, 'view'>;
  readonly meetings: MeetingRepository;
  readonly calendar: CalendarPort;
  readonly now: () => Date;
}

const DAY = 86_400_000;
/** Days either side of the target the finder looks in. */
const WINDOW_DAYS = 5;
/** Used when a mailbox reports no working hours: an ordinary Finnish office day. */
const DEFAULT_HOURS = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as Weekday[],
  startTime: '08:00',
  endTime: '16:00',
};

export class BookingService {
  constructor(private readonly deps: BookingServiceDeps) {}

  /** Three good times for the next meeting, near the agreed rhythm; `weeksLater` looks further ahead ("other times"). */
  async suggest(
    actor: Actor,
    pairId: string,
    weeksLater = 0,
  ): Promise<{ slots: RankedSlot[]; durationMinutes: number }> {
    const view = await this.inForce(actor, pairId);
    const terms = view.agreement.inForce!.terms;
    const now = this.deps.now().getTime();
    const meetings = (await this.deps.meetings.list(view.programme.id, pairId)).map((m) => m.value);
    const target =
      nextMeetingTarget(meetings, terms.cadenceWeeks, now) + Math.max(0, Math.min(weeksLater, 8)) * 7 * DAY;
    const window = { start: Math.max(now, target - WINDOW_DAYS * DAY), end: target + WINDOW_DAYS * DAY };
    const calendars = await this.calendars(view, window);
    const slots = findSlots({
      members: calendars,
      durationMinutes: terms.meetingMinutes,
      window,
      target,
      now,
    });
    return { slots, durationMinutes: terms.meetingMinutes };
  }

  /** The pair's meetings, for its members only. */
  async list(actor: Actor, pairId: string): Promise<Meeting[]> {
    const view = await this.deps.agreements.view(actor, pairId);
    return (await this.deps.meetings.list(view.programme.id, pairId)).map((m) => m.value);
  }

  /** Books the meeting at `start` after checking both calendars again; the mentor organises it. */
  async book(actor: Actor, pairId: string, start: number): Promise<Meeting> {
    const view = await this.inForce(actor, pairId);
    const terms = view.agreement.inForce!.terms;
    const end = start + terms.meetingMinutes * 60_000;
    if (!Number.isFinite(start) || start < this.deps.now().getTime()) {
      throw new PolkuError('invalid', 'That time has passed', { code: 'slot_in_past' });
    }
    const existing = (await this.deps.meetings.list(view.programme.id, pairId)).map((m) => m.value);
    // A repeated click for a time already booked is the same booking, not a second meeting.
    // A failed attempt at this time is retried under its own number: if Graph did make that event, it returns it.
    const same = existing.find((m) => m.start === start && m.status !== 'cancelled');
    if (same?.status === 'booked') return same;
    const calendars = await this.calendars(view, { start, end });
    if (calendars.some((c) => c.busy.some((b) => b.start < end && b.end > start))) {
      throw new PolkuError('conflict', 'That time is no longer free in both calendars', {
        code: 'slot_taken',
      });
    }
    const number = same?.number ?? nextMeetingNumber(existing);
    const record = await this.record(view, actor, number, start, end, same);
    return this.createEvent(view, record.value, record.etag);
  }

  private async record(
    view: AgreementView,
    actor: Actor,
    number: number,
    start: number,
    end: number,
    same: Meeting | undefined,
  ): Promise<{ value: Meeting; etag: string }> {
    if (same) {
      const current = (await this.deps.meetings.list(view.programme.id, view.pair.id)).find(
        (m) => m.value.number === same.number,
      );
      if (current) return current;
    }
    const meeting: Meeting = {
      pairId: view.pair.id,
      programmeId: view.programme.id,
      tenantId: view.programme.tenantId,
      number,
      start,
      end,
      status: 'booking',
      organizerId: view.pair.mentorId,
      transactionId: meetingTransactionId(view.pair.id, number),
      bookedBy: actor.userId,
      updatedAt: this.deps.now().toISOString(),
    };
    try {
      return await this.deps.meetings.create(meeting);
    } catch (err) {
      if (err instanceof ConflictError) {
        throw new PolkuError('changed', 'Your partner is booking a meeting right now', {
          code: 'booking_in_progress',
        });
      }
      throw err;
    }
  }

  private async createEvent(view: AgreementView, meeting: Meeting, etag: string): Promise<Meeting> {
    const emails = view.pair.emails ?? {};
    const organizer = emails[meeting.organizerId];
    if (!organizer)
      throw new PolkuError('not_found', 'The organiser has no mailbox Polku knows', { code: 'no_mailbox' });
    try {
      const booked = await this.deps.calendar.createMeeting({
        organizer,
        // Subject and body say who and what kind of meeting, never what the pair will talk about.
        subject: `Mentorointi · ${view.programme.name}`,
        bodyHtml: `<p>${escapeHtml(view.programme.name)}: ${Object.values(view.pair.names).map(escapeHtml).join(' &amp; ')}</p>`,
        start: meeting.start,
        end: meeting.end,
        attendees: Object.entries(view.pair.names).flatMap(([id, name]) =>
          emails[id] ? [{ email: emails[id] as string, name }] : [],
        ),
        transactionId: meeting.transactionId,
      });
      const done: Meeting = {
        ...meeting,
        status: 'booked',
        eventId: booked.eventId,
        ...(booked.joinUrl ? { joinUrl: booked.joinUrl } : {}),
        updatedAt: this.deps.now().toISOString(),
      };
      return (await this.deps.meetings.replace(done, etag)).value;
    } catch (err) {
      // Nothing booked as far as anyone can tell: say so; a retry reuses the number and transactionId.
      await this.deps.meetings.replace(
        { ...meeting, status: 'failed', updatedAt: this.deps.now().toISOString() },
        etag,
      );
      throw err;
    }
  }

  private async inForce(actor: Actor, pairId: string): Promise<AgreementView> {
    const view = await this.deps.agreements.view(actor, pairId);
    if (!view.agreement.inForce || agreementStatus(view.agreement) === 'drafting') {
      throw new PolkuError('conflict', 'Agree how you work first; then book the meetings', {
        code: 'agreement_not_in_force',
      });
    }
    return view;
  }

  private async calendars(
    view: AgreementView,
    window: { start: number; end: number },
  ): Promise<MemberCalendar[]> {
    const emails = view.pair.emails ?? {};
    const members = [view.pair.mentorId, ...view.pair.aktoriIds];
    const missing = members.filter((id) => !emails[id]);
    if (missing.length > 0)
      throw new PolkuError('not_found', 'A member has no mailbox Polku knows', { code: 'no_mailbox' });
    const schedules = await this.deps.calendar.getSchedules(
      members.map((id) => emails[id] as string),
      window,
    );
    return members.map((id, i) => toCalendar(id, schedules[i], view.programme.timeZone));
  }
}

function toCalendar(memberId: string, s: MemberSchedule | undefined, fallbackZone: string): MemberCalendar {
  const hours = s?.workingHours;
  const timeZone = hours?.timeZone ?? fallbackZone;
  return {
    memberId,
    timeZone,
    workingHours: hours
      ? {
          daysOfWeek: hours.daysOfWeek as Weekday[],
          startTime: hours.startTime,
          endTime: hours.endTime,
          timeZone,
        }
      : { ...DEFAULT_HOURS, timeZone },
    busy: s?.busy ?? [],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
