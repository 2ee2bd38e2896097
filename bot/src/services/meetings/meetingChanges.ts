/**
 * Moving and cancelling a booked meeting. The calendar changes first, then
 * the record with the ETag it was read with; a Graph failure leaves both as
 * they were (an ambiguous one — a dropped connection — is undone in the
 * calendar too), and a repeat of the same move or cancel changes nothing
 * and tells nobody twice. When two members change the same meeting at once
 * the record decides and the calendar is put back in step with it.
 */
import { ChangedError, PolkuError } from '../../domain/errors';
import type { Meeting } from '../../domain/meetings/meeting';
import type { Actor } from '../actor';
import type { AgreementView } from '../agreements/agreementService';
import {
  afterChange,
  assertMovable,
  type BookingServiceDeps,
  type MeetingChange,
  meetingOf,
} from './bookingCore';
import { cancellationComment } from './meetingInvitation';
import { anyoneBusy, loadCalendars, mailboxOf } from './memberCalendars';

/** A write lost to someone else's is judged again against what they wrote, this many times. */
const CANCEL_ATTEMPTS = 3;

export async function moveMeeting(
  deps: BookingServiceDeps,
  view: AgreementView,
  actor: Actor,
  number: number,
  start: number,
): Promise<MeetingChange> {
  const current = await meetingOf(deps, view, number);
  const meeting = current.value;
  // The same move again (a resent invoke, a retry after a lost answer) is already done.
  if (meeting.status === 'booked' && meeting.start === start) return unchanged(meeting);
  const now = deps.now().getTime();
  assertMovable(meeting, now);
  if (!Number.isFinite(start) || start < now)
    throw new PolkuError('invalid', 'That time has passed', { code: 'slot_in_past' });
  const slot = { start, end: start + (meeting.end - meeting.start) };
  const calendars = await loadCalendars(deps.calendar, view.pair, view.programme.timeZone, slot);
  // The meeting's own block is busy in both calendars; moving it within its own hour is fine.
  if (anyoneBusy(calendars, slot, (b) => b.start === meeting.start && b.end === meeting.end)) {
    throw new PolkuError('conflict', 'That time is no longer free in both calendars', { code: 'slot_taken' });
  }
  const organizer = mailboxOf(view.pair, meeting.organizerId);
  const eventId = meeting.eventId as string;
  try {
    await deps.calendar.moveMeeting(organizer, eventId, slot);
  } catch (err) {
    // A dropped connection may hide a move that happened: put the event back where the record says it is.
    if (err instanceof PolkuError && err.kind === 'unavailable') {
      await deps.calendar.moveMeeting(organizer, eventId, meeting).catch(async (undo: unknown) => {
        deps.onAfterChangeError?.(undo, 'undo an interrupted move');
        await checkLater(deps, meeting);
      });
    } else if (err instanceof PolkuError && err.code === 'event_missing') {
      // Gone from the calendar (a cancel whose answer was lost, or removed in Outlook): the record follows.
      await checkLater(deps, meeting);
    }
    throw err;
  }
  const moved: Meeting = { ...meeting, ...slot, updatedAt: deps.now().toISOString() };
  try {
    await deps.meetings.replace(moved, current.etag);
  } catch (err) {
    if (!(err instanceof ChangedError)) throw err;
    const latest = (await meetingOf(deps, view, number)).value;
    if (latest.status === 'booked' && latest.start === start) return unchanged(latest, meeting);
    if (latest.status === 'booked')
      await deps.calendar.moveMeeting(organizer, eventId, latest).catch(async (undo: unknown) => {
        await checkLater(deps, latest);
        throw undo;
      });
    throw new PolkuError('changed', 'The meeting was changed meanwhile', {
      code: 'meeting_changed',
      cause: err,
    });
  }
  await afterChange(deps, 'meeting moved', () => deps.schedule?.meetingMoved(moved, meeting));
  await afterChange(deps, 'tell about a moved meeting', () =>
    deps.notices?.meetingMoved(view, actor, moved, meeting),
  );
  return { meeting: moved, previous: meeting, changed: true };
}

export async function cancelMeeting(
  deps: BookingServiceDeps,
  view: AgreementView,
  actor: Actor,
  number: number,
): Promise<MeetingChange> {
  let current = await meetingOf(deps, view, number);
  const first = current.value;
  if (first.status === 'cancelled') return unchanged(first);
  assertMovable(first, deps.now().getTime());
  const organizer = mailboxOf(view.pair, first.organizerId);
  // Graph answers a second cancel with 404, which the adapter counts as done: a retry is harmless.
  try {
    await deps.calendar.cancelMeeting(
      organizer,
      first.eventId as string,
      cancellationComment(view.programme, actor.name),
    );
  } catch (err) {
    // The answer may have been lost after Graph cancelled it: the record must not stay booked without its event.
    await checkLater(deps, first);
    throw err;
  }
  for (let attempt = 1; ; attempt++) {
    const at = deps.now().toISOString();
    const cancelled: Meeting = { ...current.value, status: 'cancelled', cancelledAt: at, updatedAt: at };
    try {
      await deps.meetings.replace(cancelled, current.etag);
      await afterChange(deps, 'meeting cancelled', () => deps.schedule?.meetingCancelled(cancelled));
      await afterChange(deps, 'tell about a cancelled meeting', () =>
        deps.notices?.meetingCancelled(view, actor, cancelled),
      );
      return { meeting: cancelled, previous: first, changed: true };
    } catch (err) {
      // Someone wrote meanwhile: the event is gone whatever they did, so the record must say cancelled.
      if (!(err instanceof ChangedError) || attempt >= CANCEL_ATTEMPTS) throw err;
      current = await meetingOf(deps, view, number);
      if (current.value.status === 'cancelled') return unchanged(current.value, first);
    }
  }
}

/** The calendar may have changed although the call failed: reconciling compares it with the record later. */
async function checkLater(deps: BookingServiceDeps, meeting: Meeting): Promise<void> {
  await afterChange(deps, 'check the calendar later', () => deps.schedule?.meetingFailed?.(meeting));
}

function unchanged(meeting: Meeting, previous: Meeting = meeting): MeetingChange {
  return { meeting, previous, changed: false };
}
