/**
 * Books a pair's whole first phase at once (DOMAIN.md: "a common start: three
 * meetings, after which the pair decides whether to continue"): one slot per
 * cadence step, so the rhythm is in everyone's calendar from the start.
 *
 * Greedy, in order: step k looks at the query's window moved k cadences on,
 * aims at target + k·cadence, and takes its best slot among the weeks no
 * earlier step has taken. "k·cadence" is counted in calendar days on the day
 * zone's clock, not in milliseconds, so a Wednesday 10:00 rhythm stays at
 * 10:00 after the clocks change instead of drifting an hour. An earlier meeting is never moved to make room for
 * a later one: the first meeting matters most (it is soonest and sets the
 * rhythm), and the result stays easy to explain — "each meeting is the best
 * time near its date". A step with no free time gets null; the others are
 * still booked, and the bot asks the pair about the gap.
 */
import { CADENCE_WEEKS, type CadenceWeeks } from '../programme/vocabulary';
import { integer, oneOf } from '../validate';
import { rankedCandidates } from './findSlots';
import { selectSlots, toRankedSlot } from './rankSlots';
import type { RankedSlot, SlotQuery } from './slotTypes';
import { DAY, epochToLocal, localToEpoch, mondayOf } from './timeZones';
import { validateSlotQuery } from './validateSlotQuery';

/** At most a year of meetings (DOMAIN.md: "2–5 meetings, or up to a year"). */
export const MAX_PHASE_MEETINGS = 26;

export interface PhaseSlot {
  /** 0 for the first meeting. */
  readonly step: number;
  /** What the step aimed at; undefined when neither a target nor a first slot gave one. */
  readonly target: number | undefined;
  readonly slot: RankedSlot | null;
}

/**
 * Without `query.target` the first step takes the best slot in the window and
 * the later steps aim at that slot + k·cadence.
 */
export function firstPhaseSlots(query: SlotQuery, meetings: number, cadenceWeeks: CadenceWeeks): PhaseSlot[] {
  const n = integer(meetings, 'meetings', 1, MAX_PHASE_MEETINGS);
  const cadence = oneOf(cadenceWeeks, 'cadenceWeeks', CADENCE_WEEKS) * 7 * DAY;
  const base = validateSlotQuery(query);
  const usedWeeks = new Set<number>();
  const out: PhaseSlot[] = [];
  let anchor = base.target;
  const later = (t: number, by: number): number =>
    localToEpoch(base.dayZone, epochToLocal(base.dayZone, t) + by);
  for (let k = 0; k < n; k++) {
    const shift = k * cadence;
    const target = anchor === undefined ? undefined : later(anchor, shift);
    const window = { start: later(base.window.start, shift), end: later(base.window.end, shift) };
    const q = {
      ...base,
      window,
      earliest: Math.max(window.start, base.earliest),
      target,
    };
    const [best] = selectSlots(
      rankedCandidates(q, (day) => usedWeeks.has(mondayOf(day))),
      1,
      false,
    );
    if (best !== undefined) {
      usedWeeks.add(mondayOf(best.day));
      // Later steps keep the rhythm of the first slot found, even when earlier steps found none.
      if (anchor === undefined) anchor = later(best.start, -shift);
    }
    out.push({ step: k, target, slot: best ? toRankedSlot(best) : null });
  }
  return out;
}
