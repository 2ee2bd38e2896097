/** What booking needs from storage, declared next to the service that needs it. */
import type { Meeting } from '../../domain/meetings/meeting';
import type { Versioned } from '../programmes/ports';

export interface MeetingRepository {
  list(pairId: string): Promise<Versioned<Meeting>[]>;
  /** Creates; ConflictError when the pair already has a meeting with that number. */
  create(meeting: Meeting): Promise<Versioned<Meeting>>;
  replace(meeting: Meeting, etag: string): Promise<Versioned<Meeting>>;
}
