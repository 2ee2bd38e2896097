/** What booking needs from storage and who hears about booked, moved and cancelled meetings. */
import type { Meeting } from '../../domain/meetings/meeting';
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
}
