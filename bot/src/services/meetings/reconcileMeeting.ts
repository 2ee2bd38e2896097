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
 */
import { ChangedError } from '../../domain/errors';
import type { Meeting } from '../../domain/meetings/meeting';
import type { Pair } from '../../domain/programme/pair';
import type { BookingServiceDeps } from './bookingCore';
import type { FoundMeeting } from './calendarPort';
import { notBookedComment } from './meetingInvitation';
import { mailboxOf } from './memberCalendars';

/** removed: an orphan event was cancelled; none: there was none; skipped: nothing to reconcile. */
export type Reconciled = 'removed' | 'none' | 'skipped';

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
  attempt = 1,
): Promise<Reconciled> {
  const current = await deps.meetings.get(programmeId, pairId, number);
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
      return reconcileMeeting(deps, programmeId, pairId, number, attempt + 1);
    throw err;
  }
}
