/**
 * No orphan events. A create that failed ambiguously (the connection dropped,
 * a 5xx after the retries) leaves the record 'failed' while Graph may have
 * made the event anyway. Reconciling looks on the organiser's calendar for
 * the event with the record's transactionId at its time and cancels it, then
 * marks the record reconciled (cancelledAt): from then on 'failed' means no
 * event, and that transactionId is spent (a new booking takes a new number).
 * A record still 'booking' when this falls due was left by a process that
 * died mid-create; it is settled the same way. A member retrying the same
 * time first looks for that event and keeps it.
 *
 * A booked meeting whose move or cancel failed (`bookedAt`, its start when
 * that happened) may have been changed in the calendar all the same: the
 * answer was lost. It is checked against the record: an event not at the
 * record's time is put back there (the member was told nothing changed), and
 * an event that is gone makes the record cancelled.
 */
import { ChangedError, isPolkuError } from '../../domain/errors';
import type { Meeting } from '../../domain/meetings/meeting';
import type { Pair } from '../../domain/programme/pair';
import type { Versioned } from '../programmes/ports';
import { afterChange, type BookingServiceDeps } from './bookingCore';
import type { FoundMeeting } from './calendarPort';
import { notBookedComment } from './meetingInvitation';
import { mailboxOf } from './memberCalendars';

/**
 * removed: an orphan event was cancelled; none: there was none (or a booked meeting's event is where the
 * record says); restored: a booked meeting's event was put back at the record's time; cancelled: its event
 * was gone, so the record is cancelled too; skipped: nothing to reconcile.
 */
export type Reconciled = 'removed' | 'none' | 'restored' | 'cancelled' | 'skipped';

const ATTEMPTS = 2;

/** The event Graph made for this record's transactionId, if any. */
export async function findOrphan(
  deps: BookingServiceDeps,
  pair: Pair,
  meeting: Meeting,
): Promise<FoundMeeting | undefined> {
  return deps.calendar.findMeeting(mailboxOf(pair, meeting.organizerId), meeting.transactionId, meeting);
}

export async function reconcileMeeting(
  deps: BookingServiceDeps,
  programmeId: string,
  pairId: string,
  number: number,
  bookedAt?: number,
  attempt = 1,
): Promise<Reconciled> {
  const current = await deps.meetings.get(programmeId, pairId, number);
  if (current?.value.status === 'booked') {
    if (bookedAt === undefined || !current.value.eventId) return 'skipped';
    try {
      return await checkBooked(deps, current);
    } catch (err) {
      if (err instanceof ChangedError && attempt < ATTEMPTS)
        return reconcileMeeting(deps, programmeId, pairId, number, bookedAt, attempt + 1);
      throw err;
    }
  }
  // Still 'booking' when this falls due (ten minutes after the record): the process booking it died
  // before Graph answered. It is settled as failed, like a create that failed.
  const unsettled = current?.value.status === 'failed' || current?.value.status === 'booking';
  if (!current || !unsettled || current.value.cancelledAt) return 'skipped';
  const pair = await deps.pairs.get(programmeId, pairId);
  if (!pair) return 'skipped';
  const programme = (await deps.programmes.get(current.value.tenantId, programmeId)).value;
  try {
    // Claim the record first: a member who adopts the event at the same moment then wins or loses by ETag
    // before anything is cancelled, never after.
    const claimed = await deps.meetings.replace(
      { ...current.value, status: 'failed', updatedAt: deps.now().toISOString() },
      current.etag,
    );
    const orphan = await findOrphan(deps, pair, current.value);
    if (orphan) {
      await deps.calendar.cancelMeeting(
        mailboxOf(pair, current.value.organizerId),
        orphan.eventId,
        notBookedComment(programme),
      );
    }
    const at = deps.now().toISOString();
    await deps.meetings.replace({ ...claimed.value, cancelledAt: at, updatedAt: at }, claimed.etag);
    return orphan ? 'removed' : 'none';
  } catch (err) {
    if (err instanceof ChangedError && attempt < ATTEMPTS)
      return reconcileMeeting(deps, programmeId, pairId, number, bookedAt, attempt + 1);
    throw err;
  }
}

/** A booked meeting's event against its record, after a move or cancel whose answer never came. */
async function checkBooked(deps: BookingServiceDeps, current: Versioned<Meeting>): Promise<Reconciled> {
  const meeting = current.value;
  const pair = await deps.pairs.get(meeting.programmeId, meeting.pairId);
  if (!pair) return 'skipped';
  const found = await findOrphan(deps, pair, meeting);
  if (found && found.start === meeting.start && found.end === meeting.end) return 'none';
  // Claimed first, as above: a member moving or cancelling it now wins or loses by ETag, not half-way.
  const claimed = await deps.meetings.replace(
    { ...meeting, updatedAt: deps.now().toISOString() },
    current.etag,
  );
  try {
    await deps.calendar.moveMeeting(mailboxOf(pair, meeting.organizerId), meeting.eventId as string, meeting);
    return 'restored';
  } catch (err) {
    if (!(isPolkuError(err) && err.code === 'event_missing')) throw err;
  }
  const at = deps.now().toISOString();
  const cancelled: Meeting = { ...claimed.value, status: 'cancelled', cancelledAt: at, updatedAt: at };
  await deps.meetings.replace(cancelled, claimed.etag);
  await afterChange(deps, 'meeting cancelled', () => deps.schedule?.meetingCancelled(cancelled));
  return 'cancelled';
}
