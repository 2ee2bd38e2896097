/**
 * What the scheduler sends when rhythm work falls due. The scheduler decides
 * when; these build the cards and send them through the proactive notifier
 * (which keeps to Teams' rate limits). Each call is for one recipient, so a
 * failure for one member never stops the others.
 */
import type { Meeting } from '../../domain/meetings/meeting';
import type { Pair } from '../../domain/programme/pair';
import type { Programme } from '../../domain/programme/programme';

export interface RhythmPrompts {
  /** "Did you meet?" after a meeting: met / not met / moved. */
  askCheckIn(programme: Programme, pair: Pair, meeting: Meeting, userId: string): Promise<void>;
  /** Continue or conclude, after the first phase. */
  askCheckpoint(programme: Programme, pair: Pair, userId: string): Promise<void>;
  /** The final evaluation. */
  askEvaluation(programme: Programme, pair: Pair, userId: string): Promise<void>;
}
