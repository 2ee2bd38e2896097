/** What booking needs from storage and who hears about booked, moved and cancelled meetings. */
import type { Meeting } from '../../domain/meetings/meeting';
import type { Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';
import type { Actor } from '../actor';
import type { Versioned } from '../programmes/ports';

export interface MeetingRepository {
  /** A pair's meetings in number order (one RowKey range of the programme's partition). */
  list(programmeId: string, pairId: string): Promise<Versioned<Meeting>[]>;
  get(programmeId: string, pairId: string, number: number): Promise<Versioned<Meeting> | undefined>;
  /** Creates; ConflictError when the pair already has a meeting with that number. */
  create(meeting: Meeting): Promise<Versioned<Meeting>>;
  replace(meeting: Meeting, etag: string): Promise<Versioned<Meeting>>;
}

/**
 * The rhythm (nudges, check-ins, checkpoint) follows the calendar: it is told
 * after a meeting's record is final. A failure here is logged by the caller,
 * never undoes the booking: the scheduler re-checks the meeting when an item falls due.
 */
export interface MeetingScheduleListener {
  meetingBooked(meeting: Meeting): Promise<void>;
  meetingMoved(meeting: Meeting, previous: Meeting): Promise<void>;
  meetingCancelled(meeting: Meeting): Promise<void>;
  /**
   * A create that failed may still have made the event: look again later and call it off (reconcile). Called
   * with a booked meeting when its move or cancel failed: look again later whether the calendar changed.
   */
  meetingFailed?(meeting: Meeting): Promise<void>;
  /** A booking is about to be recorded: look again later in case the process dies before Graph answers. */
  bookingStarted?(meeting: Meeting): Promise<void>;
}

/**
 * Tells the pair's other members that a meeting was moved or cancelled (in
 * Teams, a card in their 1:1 chat), whichever way it was done: a card or the
 * tab. Called once per change, after the record and the calendar agree;
 * a failure is logged by the caller, never undoes the change.
 */
export interface MeetingNotices {
  meetingMoved(
    context: { readonly programme: Programme; readonly pair: Pair },
    by: Actor,
    meeting: Meeting,
    previous: Meeting,
  ): Promise<void>;
  meetingCancelled(
    context: { readonly programme: Programme; readonly pair: Pair },
    by: Actor,
    meeting: Meeting,
  ): Promise<void>;
}
