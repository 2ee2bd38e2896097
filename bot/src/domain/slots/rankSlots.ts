/**
 * Scoring and choosing among the feasible starts. Feasibility (working hours,
 * lunch, busy, lead, window) is settled before this file; here only "how
 * good" is decided. Scores run 0–100 and are the sum of these components:
 *
 * | component           | points | why |
 * |---------------------|--------|-----|
 * | closeness to target | 40     | The pair agreed a rhythm; continuity is what makes mentoring work (DOMAIN.md), so keeping "about every N weeks" matters most. Falls off as 1/(1+(Δ/3 days)²): a day off still earns 36, three days 20, a week 6. |
 * | time of day         | 25     | Mid-morning (09:00–10:30 start) earns all, early afternoon (12:30–14:00) 80 %; the first and last hour of a day less (commutes, flexible starts, meetings cut short before leaving). Averaged over the members in their own zones. |
 * | buffer              | 20     | Back-to-back meetings make people late and unprepared for a confidential talk. Free minutes before and after, each capped at 60, counting anyone's busy time. |
 * | not Monday morning  | 7.5    | Monday mornings go to catching up and planning the week. Worth a little more than mid-morning over early afternoon (5), so Monday's slot moves to the afternoon. |
 * | not Friday afternoon| 7.5    | The week winds down; same size, same reason. |
 *
 * Without a target the first component is 0 for every slot, so time of day
 * and buffers decide, and the earliest wins ties. Scores are rounded to
 * 1e-6 (fine enough that 15 minutes from the target still counts) so that
 * float noise never decides an order; equal scores go to the earlier slot.
 * Only + − × ÷ are used, which IEEE 754 makes exact-same on every machine, so
 * the result is the same everywhere and for every order of the input.
 */
import type { Interval, RankedSlot, SlotReason } from './slotTypes';
import { SLOT_REASONS } from './slotTypes';
import { DAY, HOUR, MINUTE, offsetAt, weekday } from './timeZones';
import type { PreparedQuery } from './validateSlotQuery';

export const SLOT_WEIGHTS = {
  target: 40,
  timeOfDay: 25,
  buffer: 20,
  notMondayMorning: 7.5,
  notFridayAfternoon: 7.5,
} as const;

/** At this distance from the target the target component is half. */
const TARGET_HALF_WIDTH = 3 * DAY;
/** A day either side still reads as "on target" to people. */
const NEAR_TARGET = DAY;
/** More free time than this around a meeting adds nothing. */
const BUFFER_CAP = HOUR;
const BUFFERED = 30 * MINUTE;
const NOON = 12 * 60;
const FINE_STEP = 5 * MINUTE;

/** Preference by local start time (minutes after midnight → 0–1), linear between points. */
const TIME_OF_DAY: readonly (readonly [number, number])[] = [
  [0, 0],
  [7 * 60, 0.1],
  [8 * 60, 0.4],
  [9 * 60, 1],
  [10 * 60 + 30, 1],
  [11 * 60, 0.9],
  [12 * 60 + 30, 0.8],
  [14 * 60, 0.8],
  [15 * 60, 0.5],
  [16 * 60, 0.2],
  [18 * 60, 0],
  [24 * 60, 0],
];
const MID_MORNING = [9 * 60, 11 * 60] as const;
const EARLY_AFTERNOON = [12 * 60 + 30, 14 * 60 + 30] as const;

function timeOfDay(minute: number): number {
  for (let i = 1; i < TIME_OF_DAY.length; i++) {
    const [x1, y1] = TIME_OF_DAY[i] as readonly [number, number];
    if (minute <= x1) {
      const [x0, y0] = TIME_OF_DAY[i - 1] as readonly [number, number];
      return y0 + ((y1 - y0) * (minute - x0)) / (x1 - x0);
    }
  }
  return 0;
}

const BIT: Record<SlotReason, number> = Object.fromEntries(SLOT_REASONS.map((r, i) => [r, 1 << i])) as Record<
  SlotReason,
  number
>;

/** A feasible start with its score; reasons stay a bit mask until a slot is returned. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly reasons: number;
  /** Local day number in the day zone. */
  readonly day: number;
}

/**
 * Offsets per zone for one free interval. Inside one interval (hours, within
 * a working day) the offset almost never changes, so it is looked up twice
 * and reused for every candidate; only an interval spanning a change asks
 * per candidate.
 */
function offsetsFor(zones: readonly string[], f: Interval): (number | undefined)[] {
  return zones.map((z) => {
    const o = offsetAt(z, f.start);
    return o === offsetAt(z, f.end) ? o : undefined;
  });
}

/**
 * Every start on the step grid (of the day zone's clock) inside the free
 * intervals, scored. `busy` is everyone's busy time merged, reaching at least
 * an hour beyond the free time, so buffers are measured against real blocks.
 * Candidates come out in time order.
 */
export function scoreCandidates(
  free: readonly Interval[],
  busy: readonly Interval[],
  q: PreparedQuery,
  excludeDay?: (day: number) => boolean,
): Candidate[] {
  const memberZones = q.members.map((m) => m.zone);
  const zones = [q.dayZone, ...memberZones];
  const step = q.stepMs;
  const dur = q.durationMs;
  const out: Candidate[] = [];
  let j = 0;
  for (const f of free) {
    const fixed = offsetsFor(zones, f);
    // Where the day zone's clock changes inside the interval, walk a 5-minute grid (every offset in use is a
    // multiple of 15 minutes) and keep the starts on the step grid of the clock as it then reads.
    const changes = fixed[0] === undefined;
    const inc = changes ? FINE_STEP : step;
    const dayOffset = fixed[0] ?? offsetAt(q.dayZone, f.start);
    let s = Math.ceil((f.start + dayOffset) / inc) * inc - dayOffset;
    for (; s + dur <= f.end; s += inc) {
      const local = s + (fixed[0] ?? offsetAt(q.dayZone, s));
      if (changes && local % step !== 0) continue;
      const day = Math.floor(local / DAY);
      if (excludeDay?.(day)) continue;
      // Busy blocks are sorted and candidates rise, so one pointer serves the whole sweep.
      while (j < busy.length && (busy[j] as Interval).end <= s) j++;
      const before = j > 0 ? s - (busy[j - 1] as Interval).end : BUFFER_CAP;
      const after = j < busy.length ? (busy[j] as Interval).start - (s + dur) : BUFFER_CAP;

      let score = 0;
      let reasons = 0;
      if (q.target !== undefined) {
        const d = (s - q.target) / TARGET_HALF_WIDTH;
        score += SLOT_WEIGHTS.target / (1 + d * d);
        if (Math.abs(s - q.target) <= NEAR_TARGET) reasons |= BIT['near-target'];
      }

      let tod = 0;
      let allMorning = true;
      let allAfternoon = true;
      for (let k = 0; k < memberZones.length; k++) {
        const off = fixed[k + 1] ?? offsetAt(memberZones[k] as string, s);
        const minute = ((((s + off) % DAY) + DAY) % DAY) / MINUTE;
        tod += timeOfDay(minute);
        allMorning &&= minute >= MID_MORNING[0] && minute < MID_MORNING[1];
        allAfternoon &&= minute >= EARLY_AFTERNOON[0] && minute < EARLY_AFTERNOON[1];
      }
      score += (SLOT_WEIGHTS.timeOfDay * tod) / memberZones.length;
      if (allMorning) reasons |= BIT['mid-morning'];
      if (allAfternoon) reasons |= BIT.afternoon;

      const gapBefore = Math.min(before, BUFFER_CAP);
      const gapAfter = Math.min(after, BUFFER_CAP);
      score += (SLOT_WEIGHTS.buffer * (gapBefore + gapAfter)) / (2 * BUFFER_CAP);
      if (gapBefore >= BUFFERED && gapAfter >= BUFFERED) reasons |= BIT.buffered;

      const wd = weekday(day);
      const morning = (local - day * DAY) / MINUTE < NOON;
      if (!(wd === 1 && morning)) {
        score += SLOT_WEIGHTS.notMondayMorning;
        reasons |= BIT['not-monday-morning'];
      }
      if (!(wd === 5 && !morning)) {
        score += SLOT_WEIGHTS.notFridayAfternoon;
        reasons |= BIT['not-friday-afternoon'];
      }
      out.push({ start: s, end: s + dur, score: Math.round(score * 1e6) / 1e6, reasons, day });
    }
  }
  return out;
}

function better(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.start - b.start;
}

/**
 * The best `count` candidates. With spreadDays each comes from a different
 * day (the best of each day, then the best days), and fewer are returned
 * rather than two on one day. Without it they may share a day but never
 * overlap: overlapping alternatives (10:00 and 10:15) offer no real choice.
 */
export function selectSlots(
  candidates: readonly Candidate[],
  count: number,
  spreadDays: boolean,
): Candidate[] {
  if (spreadDays) {
    const bestOfDay = new Map<number, Candidate>();
    for (const c of candidates) {
      const seen = bestOfDay.get(c.day);
      if (seen === undefined || better(c, seen) < 0) bestOfDay.set(c.day, c);
    }
    return [...bestOfDay.values()].sort(better).slice(0, count);
  }
  const picked: Candidate[] = [];
  for (const c of [...candidates].sort(better)) {
    if (picked.every((p) => c.end <= p.start || p.end <= c.start)) picked.push(c);
    if (picked.length === count) break;
  }
  return picked;
}

export function toRankedSlot(c: Candidate): RankedSlot {
  return {
    start: c.start,
    end: c.end,
    score: c.score,
    reasons: SLOT_REASONS.filter((r) => (c.reasons & BIT[r]) !== 0),
  };
}
