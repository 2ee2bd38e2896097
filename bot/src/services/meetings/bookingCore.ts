/**
 * The steps booking, moving, cancelling and reconciling share: writing the
 * record before the event, creating the event under the record's
 * transactionId, and telling the rhythm and the other members once a change
 * is final.
 */
import { agreementStatus } from '../../domain/agreement/agreementTypes';
import { ConflictError, PolkuError } from '../../domain/errors';
import { type Meeting, type MemberTime, meetingTransactionId } from '../../domain/meetings/meeting';
import type { Actor } from '../actor';
import type { AgreementService, AgreementView } from '../agreements/agreementService';
import type { PairRepository, ProgrammeRepository, Versioned } from '../programmes/ports';
import type { CalendarPort } from './calendarPort';
import { invitationText } from './meetingInvitation';
import type { MeetingNotices, MeetingRepository, MeetingScheduleListener } from './meetingPorts';
import { mailboxOf } from './memberCalendars';

export interface BookingServiceDeps {
  readonly agreements: Pick<AgreementService, 'view'>;
  readonly meetings: MeetingRepository;
  readonly calendar: CalendarPort;
  /** Reconciling runs without a member (the scheduler): it reads the pair and programme itself. */
  readonly pairs: Pick<PairRepository, 'get'>;
  readonly programmes: Pick<ProgrammeRepository, 'get'>;
  readonly now: () => Date;
  /** The rhythm (nudges, check-ins) follows booked, moved and cancelled meetings. */
  readonly schedule?: MeetingScheduleListener;
  /** Tells the other members about a move or a cancellation. */
  readonly notices?: MeetingNotices;
  /** A listener or notice failed after the change was final: logged, never undone. */
  readonly onAfterChangeError?: (err: unknown, what: string) => void;
}

/** What a move or a cancel did; `changed` is false when it was already so (a repeated click, a retry). */
export interface MeetingChange {
  readonly meeting: Meeting;
  readonly previous: Meeting;
  readonly changed: boolean;
}

export async function inForce(
  deps: BookingServiceDeps,
  actor: Actor,
  pairId: string,
): Promise<AgreementView> {
  const view = await deps.agreements.view(actor, pairId);
  if (!view.agreement.inForce || agreementStatus(view.agreement) === 'drafting') {
    throw new PolkuError('conflict', 'Agree how you work first; then book the meetings', {
      code: 'agreement_not_in_force',
    });
  }
  return view;
}

/** The pair's meeting `number`; members only (the view checked membership). */
export async function meetingOf(
  deps: BookingServiceDeps,
  view: AgreementView,
  number: number,
): Promise<Versioned<Meeting>> {
  const found = await deps.meetings.get(view.programme.id, view.pair.id, number);
  if (!found) throw new PolkuError('not_found', 'No such meeting', { code: 'meeting_not_found' });
  return found;
}

/** The record, written before the event: status 'booking' under the number's transactionId. */
export async function recordMeeting(
  deps: BookingServiceDeps,
  view: AgreementView,
  actor: Actor,
  slot: { readonly number: number; readonly start: number; readonly end: number },
  memberTimes: Readonly<Record<string, MemberTime>>,
): Promise<Versioned<Meeting>> {
  const meeting: Meeting = {
    pairId: view.pair.id,
    programmeId: view.programme.id,
    tenantId: view.programme.tenantId,
    number: slot.number,
    start: slot.start,
    end: slot.end,
    status: 'booking',
    organizerId: view.pair.mentorId,
    transactionId: meetingTransactionId(view.pair.id, slot.number),
    bookedBy: actor.userId,
    updatedAt: deps.now().toISOString(),
    memberTimes,
  };
  // Planned before the record is written: should this process die before Graph answers, the record stays
  // 'booking' and nobody would otherwise look for the event Graph may have made (reconcileMeeting.ts).
  await afterChange(deps, 'booking started', () => deps.schedule?.bookingStarted?.(meeting));
  try {
    return await deps.meetings.create(meeting);
  } catch (err) {
    if (err instanceof ConflictError) {
      throw new PolkuError('changed', 'Your partner is booking a meeting right now', {
        code: 'booking_in_progress',
      });
    }
    throw err;
  }
}

/**
 * Creates the event for a 'booking' or 'failed' record and marks it booked.
 * On any failure the record says 'failed': nothing booked as far as anyone
 * can tell. A retry reuses the number and transactionId; reconcile removes
 * an event Graph made although the create looked failed.
 */
export async function createEvent(
  deps: BookingServiceDeps,
  view: AgreementView,
  meeting: Meeting,
  etag: string,
): Promise<Meeting> {
  const organizer = mailboxOf(view.pair, meeting.organizerId);
  const emails = view.pair.emails ?? {};
  let booked: { readonly eventId: string; readonly joinUrl: string | undefined };
  try {
    booked = await deps.calendar.createMeeting({
      organizer,
      ...invitationText(view.programme, view.pair),
      start: meeting.start,
      end: meeting.end,
      attendees: Object.entries(view.pair.names).flatMap(([id, name]) =>
        emails[id] ? [{ email: emails[id] as string, name }] : [],
      ),
      transactionId: meeting.transactionId,
    });
  } catch (err) {
    const failed: Meeting = { ...meeting, status: 'failed', updatedAt: deps.now().toISOString() };
    await deps.meetings.replace(failed, etag);
    // Graph may have made the event although the answer never came: the scheduler looks again and calls it off.
    await afterChange(deps, 'meeting failed', () => deps.schedule?.meetingFailed?.(failed));
    throw err;
  }
  // Should this write fail, the record stays 'booking' and a retry gets the same event back from Graph.
  const done = await markBooked(deps, meeting, etag, booked);
  await afterChange(deps, 'meeting booked', () => deps.schedule?.meetingBooked(done));
  return done;
}

export async function markBooked(
  deps: BookingServiceDeps,
  meeting: Meeting,
  etag: string,
  event: { readonly eventId: string; readonly joinUrl: string | undefined },
): Promise<Meeting> {
  const done: Meeting = {
    ...meeting,
    status: 'booked',
    eventId: event.eventId,
    ...(event.joinUrl ? { joinUrl: event.joinUrl } : {}),
    updatedAt: deps.now().toISOString(),
  };
  return (await deps.meetings.replace(done, etag)).value;
}

/** Runs a listener or notice after a final change; its failure is reported, never thrown. */
export async function afterChange(
  deps: BookingServiceDeps,
  what: string,
  call: () => Promise<void> | undefined,
): Promise<void> {
  try {
    await call();
  } catch (err) {
    deps.onAfterChangeError?.(err, what);
  }
}

/** Only a booked meeting that has not ended can be moved or cancelled. */
export function assertMovable(meeting: Meeting, now: number): void {
  if (meeting.status === 'cancelled')
    throw new PolkuError('conflict', 'The meeting was cancelled', { code: 'meeting_cancelled' });
  if (meeting.status !== 'booked' || !meeting.eventId)
    throw new PolkuError('conflict', 'The meeting was never booked', { code: 'meeting_not_booked' });
  if (meeting.end <= now) throw new PolkuError('invalid', 'The meeting is over', { code: 'meeting_past' });
}
