/**
 * Booking a pair's meetings: common free time from both calendars, ranked
 * by the slot finder, and a booking that is recorded before the calendar
 * event is created. Retrying a booking after any failure finishes it
 * instead of doubling it: the record names the transactionId, and Graph
 * returns the event it already made for that id. Moving, cancelling, the
 * first phase at once and reconciling live in files of their own.
 */

import { PolkuError } from '../../domain/errors';
import { type Meeting, nextMeetingNumber, nextMeetingTarget } from '../../domain/meetings/meeting';
import { findSlots } from '../../domain/slots/findSlots';
import type { MemberCalendar, RankedSlot } from '../../domain/slots/slotTypes';
import type { Actor } from '../actor';
import type { AgreementView } from '../agreements/agreementService';
import {
  afterChange,
  assertMovable,
  type BookingServiceDeps,
  createEvent,
  inForce,
  type MeetingChange,
  markBooked,
  meetingOf,
  recordMeeting,
} from './bookingCore';
import { bookFirstPhase, type PhaseBooking, phaseMeetingCount } from './firstPhaseBooking';
import { cancelMeeting, moveMeeting } from './meetingChanges';
import { anyoneBusy, loadCalendars, memberTimesOf } from './memberCalendars';
import { findOrphan, type Reconciled, reconcileMeeting } from './reconcileMeeting';

export type { BookingServiceDeps, MeetingChange } from './bookingCore';
export type { PhaseBooking } from './firstPhaseBooking';

const DAY = 86_400_000;
/** Days either side of the target the finder looks in. */
const WINDOW_DAYS = 5;

export interface Suggestion {
  readonly slots: RankedSlot[];
  readonly durationMinutes: number;
  /** The asking member's own zone (from their mailbox), for showing the times. */
  readonly timeZone: string;
  /** How many meetings "book the first phase" would book; 0 when that is not on offer. */
  readonly phaseMeetings: number;
  /** The number the next booking takes: a card carries it, so a late copy of its click is recognised. */
  readonly nextNumber: number;
}

export class BookingService {
  constructor(private readonly deps: BookingServiceDeps) {}

  /** Three good times for the next meeting, near the agreed rhythm; `weeksLater` looks further ahead ("other times"). */
  async suggest(actor: Actor, pairId: string, weeksLater = 0): Promise<Suggestion> {
    const view = await inForce(this.deps, actor, pairId);
    const terms = view.agreement.inForce!.terms;
    const now = this.deps.now().getTime();
    const meetings = (await this.deps.meetings.list(view.programme.id, pairId)).map((m) => m.value);
    const target =
      nextMeetingTarget(meetings, terms.cadenceWeeks, now) + Math.max(0, Math.min(weeksLater, 8)) * 7 * DAY;
    const window = { start: Math.max(now, target - WINDOW_DAYS * DAY), end: target + WINDOW_DAYS * DAY };
    const calendars = await loadCalendars(this.deps.calendar, view.pair, view.programme.timeZone, window);
    const slots = findSlots({
      members: calendars,
      durationMinutes: terms.meetingMinutes,
      window,
      target,
      now,
    });
    const started = meetings.some((m) => m.status === 'booked' || m.status === 'booking');
    const phase = started ? 0 : phaseMeetingCount(view, target);
    return {
      slots,
      durationMinutes: terms.meetingMinutes,
      timeZone: zoneOf(calendars, actor, view),
      phaseMeetings: phase >= 2 ? phase : 0,
      nextNumber: nextMeetingNumber(meetings),
    };
  }

  /** Times near meeting `number`'s current one for moving it (its own block does not count as busy). */
  async suggestMove(
    actor: Actor,
    pairId: string,
    number: number,
    weeksLater = 0,
  ): Promise<{ meeting: Meeting; slots: RankedSlot[]; timeZone: string }> {
    const view = await this.deps.agreements.view(actor, pairId);
    const meeting = (await meetingOf(this.deps, view, number)).value;
    assertMovable(meeting, this.deps.now().getTime());
    const now = this.deps.now().getTime();
    const target = meeting.start + Math.max(0, Math.min(weeksLater, 8)) * 7 * DAY;
    const window = { start: Math.max(now, target - WINDOW_DAYS * DAY), end: target + WINDOW_DAYS * DAY };
    const calendars = (
      await loadCalendars(this.deps.calendar, view.pair, view.programme.timeZone, window)
    ).map(
      (c): MemberCalendar => ({
        ...c,
        busy: c.busy.filter((b) => !(b.start === meeting.start && b.end === meeting.end)),
      }),
    );
    const minutes = Math.round((meeting.end - meeting.start) / 60_000) === 45 ? 45 : 60;
    const slots = findSlots({
      members: calendars,
      durationMinutes: minutes,
      window,
      target,
      now,
      count: 4,
    })
      .filter((s) => s.start !== meeting.start)
      .slice(0, 3);
    return { meeting, slots, timeZone: zoneOf(calendars, actor, view) };
  }

  /** The pair's meetings, for its members only. */
  async list(actor: Actor, pairId: string): Promise<Meeting[]> {
    const view = await this.deps.agreements.view(actor, pairId);
    return (await this.deps.meetings.list(view.programme.id, pairId)).map((m) => m.value);
  }

  /** Books the meeting at `start` after checking both calendars again; the mentor organises it. */
  async book(actor: Actor, pairId: string, start: number): Promise<Meeting> {
    const view = await inForce(this.deps, actor, pairId);
    const terms = view.agreement.inForce!.terms;
    const end = start + terms.meetingMinutes * 60_000;
    if (!Number.isFinite(start) || start < this.deps.now().getTime()) {
      throw new PolkuError('invalid', 'That time has passed', { code: 'slot_in_past' });
    }
    const existing = await this.deps.meetings.list(view.programme.id, pairId);
    // A repeated click for a time already booked is the same booking, not a second meeting. A failed attempt at
    // this time is retried under its own number, unless it was reconciled (its transactionId is then spent).
    const same = existing.find(
      (m) =>
        m.value.start === start &&
        m.value.status !== 'cancelled' &&
        !(m.value.status === 'failed' && m.value.cancelledAt),
    );
    if (same?.value.status === 'booked') return same.value;
    if (same?.value.status === 'failed' || same?.value.status === 'booking') {
      // Graph may have made the event although the create looked failed, or while the process that wrote
      // this 'booking' record died waiting for the answer (the event would now block its own time): finish
      // with that one.
      const adopted = await this.adoptOrphan(view, same.value, same.etag);
      if (adopted) return adopted;
    }
    const calendars = await loadCalendars(this.deps.calendar, view.pair, view.programme.timeZone, {
      start,
      end,
    });
    if (anyoneBusy(calendars, { start, end })) {
      throw new PolkuError('conflict', 'That time is no longer free in both calendars', {
        code: 'slot_taken',
      });
    }
    const record =
      same ??
      (await recordMeeting(
        this.deps,
        view,
        actor,
        { number: nextMeetingNumber(existing.map((m) => m.value)), start, end },
        memberTimesOf(calendars),
      ));
    return createEvent(this.deps, view, record.value, record.etag);
  }

  /** Books one meeting per cadence step of the first phase; says which were booked and which not. */
  async bookFirstPhase(actor: Actor, pairId: string): Promise<PhaseBooking> {
    return bookFirstPhase(this.deps, await inForce(this.deps, actor, pairId), actor);
  }

  /** Moves meeting `number` to `start` in the calendar and the record; members only. */
  async move(actor: Actor, pairId: string, number: number, start: number): Promise<MeetingChange> {
    return moveMeeting(this.deps, await this.deps.agreements.view(actor, pairId), actor, number, start);
  }

  /** Cancels meeting `number` in the calendar (attendees are told) and the record; members only. */
  async cancel(actor: Actor, pairId: string, number: number): Promise<MeetingChange> {
    return cancelMeeting(this.deps, await this.deps.agreements.view(actor, pairId), actor, number);
  }

  /**
   * For a 'failed' record: removes the event Graph may have made anyway, so that 'failed' means no event.
   * For a booked one whose move or cancel failed (`bookedAt`: its start then): puts the calendar back in
   * step with the record. The scheduler calls it some minutes after a failure; it needs no member.
   */
  async reconcile(
    programmeId: string,
    pairId: string,
    number: number,
    bookedAt?: number,
  ): Promise<Reconciled> {
    return reconcileMeeting(this.deps, programmeId, pairId, number, bookedAt);
  }

  private async adoptOrphan(
    view: AgreementView,
    failed: Meeting,
    etag: string,
  ): Promise<Meeting | undefined> {
    const orphan = await findOrphan(this.deps, view.pair, failed);
    if (!orphan) return undefined;
    const done = await markBooked(this.deps, failed, etag, orphan);
    await afterChange(this.deps, 'meeting booked', () => this.deps.schedule?.meetingBooked(done));
    return done;
  }
}

function zoneOf(calendars: readonly MemberCalendar[], actor: Actor, view: AgreementView): string {
  return calendars.find((c) => c.memberId === actor.userId)?.timeZone ?? view.programme.timeZone;
}
