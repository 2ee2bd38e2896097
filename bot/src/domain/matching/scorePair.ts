/**
 * How good an allowed pair is. Scores are small non-negative integers on
 * purpose: the assignment solvers add a large constant to favour the number
 * of pairs over their quality, and integers keep all those sums exact in
 * float64 (no tie decided by a rounding error, the same answer every time).
 */
import type { Side } from './constraints';

/**
 * Each topic the aktori wants to learn and the mentor offers. Dominant: what
 * the aktori wants to learn is why the pair exists (DOMAIN.md "strengthens
 * professional competence"), so one shared topic outweighs any other bonus.
 */
export const TOPIC_WEIGHT = 10;

/**
 * Mentor and aktori from different units: DOMAIN.md asks pairs to share
 * *different* know-how. Worth less than a third of a topic, so that in a single
 * pair a shared topic always wins, and swapping partners to gain unit variety
 * trades away a topic only when it brings different units to four pairs or more.
 */
export const DIFFERENT_UNITS_BONUS = 3;

/**
 * A shared language is neutral: it is a hard rule when both listed languages,
 * and beyond that speaking more languages in common makes no better pair.
 */
export const SHARED_LANGUAGE_BONUS = 0;

/** Different units only when both gave a unit; a blank unit earns no bonus and no "same unit". */
export function unitsDiffer(a: Side, i: number, b: Side, j: number): boolean {
  const ua = a.unit[i] ?? -1;
  const ub = b.unit[j] ?? -1;
  return ua >= 0 && ub >= 0 && ua !== ub;
}

/** Score of a mentor–aktori pair: `topics` = |aktori.wants ∩ mentor.offers|. */
export function pairScore(topics: number, differentUnits: boolean): number {
  return topics * TOPIC_WEIGHT + (differentUnits ? DIFFERENT_UNITS_BONUS : 0);
}

/**
 * Score of a peer pair: each direction's topics count (what a offers that b
 * wants, and back), the unit bonus once, as the pair is one relationship.
 */
export function peerScore(aToB: number, bToA: number, differentUnits: boolean): number {
  return (aToB + bToA) * TOPIC_WEIGHT + (differentUnits ? DIFFERENT_UNITS_BONUS : 0);
}
