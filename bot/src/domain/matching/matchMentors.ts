/**
 * Mentors and aktoris (forms pair, reverse, quick and group) as one optimal
 * assignment. The objective is lexicographic: first as many aktoris paired as
 * possible, then the largest total score. Both go into one min-cost problem:
 * an allowed pair is worth BIG + score, where BIG exceeds the largest total
 * score any assignment can have, so one more pair always beats any gain in
 * score; a forbidden pair is worth 0, the same as leaving both alone, so the
 * solver may fill a row with it only where no allowed pair fits, and such
 * rows are dropped afterwards. Dropping them is exact: an optimal full
 * assignment minus its zero-worth pairs is an optimal partial one.
 */
import { minCostAssignment } from './assignment';
import { whyUnmatched } from './constraints';
import type { AktoriCandidate, MatchInput, MatchResult, MentorCandidate, PairSuggestion } from './matchTypes';
import { fitReasons, languageReason } from './reasons';
import { buildScoreTable, FORBIDDEN } from './scoreTable';
import { byId, type Unmatched } from './sortById';

/**
 * How many aktoris each mentor may take. In a group the group is one meeting,
 * so it is also bounded by the programme's group size. Forms pair, quick and
 * reverse are the same problem: in reverse mentoring the younger or newer
 * colleague volunteers as mentor, so the roles arrive already as volunteered
 * and need no swapping here.
 */
function slotsOf(input: MatchInput, m: MentorCandidate): number {
  if (input.form !== 'group') return m.capacity;
  return Math.min(m.capacity, input.maxGroupSize ?? m.capacity);
}

export function matchMentors(input: MatchInput): MatchResult {
  const mentors = [...input.mentors].sort(byId);
  const aktoris = [...input.aktoris].sort(byId);
  const nm = mentors.length;
  const na = aktoris.length;
  const slotMentor: number[] = [];
  mentors.forEach((m, i) => {
    for (let k = 0; k < slotsOf(input, m); k++) slotMentor.push(i);
  });
  const nSlots = slotMentor.length;
  // The solver assigns every row, so rows are the smaller side.
  const mentorMajor = na > nSlots;
  const table = buildScoreTable(mentors, aktoris, input.previousPairs, mentorMajor);
  const mentorOf = new Int32Array(na).fill(-1);

  if (na > 0 && nSlots > 0) {
    const { scores, maxScore } = table;
    const big = maxScore * Math.min(na, nSlots) + 1;
    // Costs in place: allowed pairs 0..maxScore (lower is better), forbidden ones above them all.
    const cost = scores;
    for (let k = 0; k < cost.length; k++) {
      const s = cost[k] ?? FORBIDDEN;
      cost[k] = s === FORBIDDEN ? big + maxScore : maxScore - s;
    }
    const slots = Int32Array.from(slotMentor);
    const identity = Int32Array.from({ length: na }, (_, i) => i);
    const solved = minCostAssignment(
      mentorMajor
        ? { rows: nSlots, cols: na, matrix: cost, stride: na, rowOf: slots, colOf: identity }
        : { rows: na, cols: nSlots, matrix: cost, stride: nm, rowOf: identity, colOf: slots },
    );
    solved.forEach((col, row) => {
      const a = mentorMajor ? col : row;
      const m = slotMentor[mentorMajor ? row : col] ?? -1;
      const at = mentorMajor ? m * na + a : a * nm + m;
      if ((cost[at] ?? 0) <= maxScore) mentorOf[a] = m;
    });
    // Back to scores for the suggestions.
    for (let k = 0; k < cost.length; k++) {
      const c = cost[k] ?? 0;
      cost[k] = c > maxScore ? FORBIDDEN : maxScore - c;
    }
  }

  const scoreOf = (m: number, a: number): number =>
    table.scores[table.mentorMajor ? m * na + a : a * nm + m] ?? 0;
  const groups: number[][] = mentors.map(() => []);
  mentorOf.forEach((m, a) => {
    if (m >= 0) groups[m]?.push(a);
  });

  const suggestions: PairSuggestion[] = [];
  groups.forEach((members, m) => {
    const mentor = mentors[m] as MentorCandidate;
    const people = members.map((a) => aktoris[a] as AktoriCandidate);
    if (input.form === 'group') {
      if (people.length === 0) return;
      suggestions.push({
        mentorId: mentor.id,
        aktoriIds: people.map((p) => p.id),
        score: members.reduce((sum, a) => sum + scoreOf(m, a), 0),
        reasons: [...people.flatMap((p) => fitReasons(mentor, p)), ...languageReason([mentor, ...people])],
      });
      return;
    }
    members.forEach((a, k) => {
      const aktori = people[k] as AktoriCandidate;
      suggestions.push({
        mentorId: mentor.id,
        aktoriIds: [aktori.id],
        score: scoreOf(m, a),
        reasons: [...fitReasons(mentor, aktori), ...languageReason([mentor, aktori])],
      });
    });
  });

  const included = new Set(suggestions.flatMap((s) => [s.mentorId, ...s.aktoriIds]));
  const unmatched = new Map<string, Unmatched['why']>();
  // An aktori's reason first: for someone who volunteered in both roles, it is what they are waiting for.
  aktoris.forEach((p, a) => {
    if (!included.has(p.id)) {
      unmatched.set(p.id, whyUnmatched(nm, table.aktoriAllowed[a] ?? 0, table.aktoriLanguageOnly[a] ?? 0));
    }
  });
  mentors.forEach((p, m) => {
    if (!included.has(p.id) && !unmatched.has(p.id)) {
      unmatched.set(p.id, whyUnmatched(na, table.mentorAllowed[m] ?? 0, table.mentorLanguageOnly[m] ?? 0));
    }
  });

  return {
    suggestions,
    unmatched: [...unmatched].map(([id, why]) => ({ id, why })).sort(byId),
    totalScore: suggestions.reduce((sum, s) => sum + s.score, 0),
  };
}
