/**
 * Every mentor–aktori pair checked against the hard rules and scored once,
 * into one flat table, with a tally per person of how many partners the rules
 * left them (which says why someone stays unmatched).
 */
import { ALLOWED, buildRules, NO_LANGUAGE, PartnerFilter } from './constraints';
import type { AktoriCandidate, MentorCandidate } from './matchTypes';
import { pairScore } from './scorePair';
import { encodeTagGroups, popcount, type TagSets } from './tagSets';

/** Marks a pair the rules forbid. Scores are never negative. */
export const FORBIDDEN = -1;

export interface ScoreTable {
  /**
   * Score per pair, FORBIDDEN when not allowed. Mentor-major (m * aktoris + a)
   * when `mentorMajor`, else aktori-major (a * mentors + m): the solver's rows
   * must be contiguous, and which side is rows depends on which side is smaller.
   */
  readonly scores: Float64Array;
  readonly mentorMajor: boolean;
  readonly maxScore: number;
  readonly mentorAllowed: Int32Array;
  readonly mentorLanguageOnly: Int32Array;
  readonly aktoriAllowed: Int32Array;
  readonly aktoriLanguageOnly: Int32Array;
}

export function buildScoreTable(
  mentors: readonly MentorCandidate[],
  aktoris: readonly AktoriCandidate[],
  previousPairs: readonly (readonly [string, string])[],
  mentorMajor: boolean,
): ScoreTable {
  const rules = buildRules([mentors, aktoris], previousPairs);
  const [ms, as] = rules.sides;
  const [offers, wants] = encodeTagGroups([mentors.map((m) => m.offers), aktoris.map((a) => a.wants)]) as [
    TagSets,
    TagSets,
  ];
  const nm = mentors.length;
  const na = aktoris.length;
  const scores = new Float64Array(nm * na);
  const mentorAllowed = new Int32Array(nm);
  const mentorLanguageOnly = new Int32Array(nm);
  const aktoriAllowed = new Int32Array(na);
  const aktoriLanguageOnly = new Int32Array(na);
  let maxScore = 0;
  if (ms === undefined || as === undefined) throw new Error('buildRules returns one side per group');
  const filter = new PartnerFilter(rules, as, ms);
  // The hot loop of the whole matcher (nm × na pairs). Imports are copied to
  // locals: under tsx/esbuild an imported binding is a getter on every use,
  // which was more than half of this loop’s time at 2,000 × 2,000.
  const [allowedRule, languageRule, count, scoreOf] = [ALLOWED, NO_LANGUAGE, popcount, pairScore];
  const words = wants.words;
  const offerBits = offers.bits;
  const wantBits = wants.bits;
  const aUnit = as.unit;
  const mUnit = ms.unit;
  for (let a = 0; a < na; a++) {
    const blocked = filter.blockedFor(a);
    const ua = aUnit[a] ?? -1;
    const wantsAt = a * words;
    for (let m = 0; m < nm; m++) {
      const at = mentorMajor ? m * na + a : a * nm + m;
      const rule = filter.rule(blocked, a, m);
      if (rule === allowedRule) {
        let topics = 0;
        for (let w = 0; w < words; w++) {
          topics += count((wantBits[wantsAt + w] ?? 0) & (offerBits[m * words + w] ?? 0));
        }
        const um = mUnit[m] ?? -1;
        const score = scoreOf(topics, ua >= 0 && um >= 0 && ua !== um);
        scores[at] = score;
        if (score > maxScore) maxScore = score;
        mentorAllowed[m] = (mentorAllowed[m] ?? 0) + 1;
        aktoriAllowed[a] = (aktoriAllowed[a] ?? 0) + 1;
      } else {
        scores[at] = FORBIDDEN;
        if (rule === languageRule) {
          mentorLanguageOnly[m] = (mentorLanguageOnly[m] ?? 0) + 1;
          aktoriLanguageOnly[a] = (aktoriLanguageOnly[a] ?? 0) + 1;
        }
      }
    }
  }
  return {
    scores,
    mentorMajor,
    maxScore,
    mentorAllowed,
    mentorLanguageOnly,
    aktoriAllowed,
    aktoriLanguageOnly,
  };
}
