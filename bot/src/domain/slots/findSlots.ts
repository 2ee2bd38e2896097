/**
 * The slot finder: common free time for a pair or group, ranked. Pure — the
 * calendars and the clock come in as data — and deterministic, so the bot can
 * recompute the same suggestions when a card is clicked again.
 *
 * The work is one sort and a handful of linear sweeps, which keeps a 90-day
 * search over two calendars of 500 items each well under a millisecond once
 * warm (bench/slots.bench.ts; the goal is 5 ms):
 *   1. each member's working windows as epoch intervals, day by day in their
 *      own zone (DST-safe), minus lunch — workingWindows.ts;
 *   2. intersect the members' windows;
 *   3. sort and merge everyone's busy items once and subtract them;
 *   4. enumerate starts on the step grid only inside what is left, score them
 *      and pick — rankSlots.ts.
 */
import { mergeIntervals, subtractIntervals } from './mergeIntervals';
import { type Candidate, scoreCandidates, selectSlots, toRankedSlot } from './rankSlots';
import type { Interval, RankedSlot, SlotQuery } from './slotTypes';
import { HOUR } from './timeZones';
import { type PreparedQuery, validateSlotQuery } from './validateSlotQuery';
import { commonWorkingTime } from './workingWindows';

export { mergeIntervals } from './mergeIntervals';

/** Busy blocks further than this from the searched time cannot change a score (buffers are capped at 1 h). */
const BUSY_MARGIN = HOUR;

interface Search {
  readonly free: Interval[];
  readonly busy: Interval[];
}

function search(q: PreparedQuery): Search {
  const range = { start: q.earliest, end: q.window.end };
  if (range.end - range.start < q.durationMs) return { free: [], busy: [] };
  const common = commonWorkingTime(q.members, range, q.lunch);
  if (common.length === 0) return { free: [], busy: [] };
  // Only blocks near the searched range matter; dropping the rest first makes the one sort cheaper.
  const lo = range.start - BUSY_MARGIN;
  const hi = range.end + BUSY_MARGIN;
  const near: Interval[] = [];
  for (const m of q.members) for (const b of m.busy) if (b.end > lo && b.start < hi) near.push(b);
  const busy = mergeIntervals(near);
  return { free: subtractIntervals(common, busy), busy };
}

/**
 * Scored candidates of a prepared query; firstPhaseSlots uses it to leave out
 * weeks already booked.
 */
export function rankedCandidates(q: PreparedQuery, excludeDay?: (day: number) => boolean): Candidate[] {
  const { free, busy } = search(q);
  return free.length === 0 ? [] : scoreCandidates(free, busy, q, excludeDay);
}

/**
 * Up to `count` slots where every member is working, free and not at lunch,
 * inside the window and not before now + the minimum lead; best first. An
 * empty list means there is no such time in the window. Throws
 * ValidationError for a malformed query.
 */
export function findSlots(input: SlotQuery): RankedSlot[] {
  const q = validateSlotQuery(input);
  return selectSlots(rankedCandidates(q), q.count, q.spreadDays).map(toRankedSlot);
}

/**
 * All common free time of the query (before the step grid and the meeting
 * length are applied): for showing "when are we both free" and for tests that
 * check the finder against an independent one.
 */
export function commonFreeTime(input: SlotQuery): Interval[] {
  return search(validateSlotQuery(input)).free;
}
