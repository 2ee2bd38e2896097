/**
 * Peer mentoring: one pool where everyone both offers and wants, paired two by
 * two. The pool is a general graph, so the exact method is a maximum-weight
 * matching (Edmonds' blossom algorithm, O(n³): a pool of 200 takes a few
 * milliseconds; 1,000 take seconds, as each of the n/2
 * stages rescans every edge). Same objective as for mentors and
 * aktoris: first as many pairs as possible, then the largest total score.
 */
import { ALLOWED, buildRules, NO_LANGUAGE, PartnerFilter, whyUnmatched } from './constraints';
import type { MatchInput, MatchResult, PairSuggestion, PeerCandidate } from './matchTypes';
import { maxWeightMatching, type WeightedEdge } from './maxWeightMatching';
import { peerReasons } from './reasons';
import { peerScore, unitsDiffer } from './scorePair';
import { byId } from './sortById';
import { encodeTagGroups, overlap, type TagSets } from './tagSets';

export function matchPeers(input: MatchInput): MatchResult {
  const peers = [...(input.peers ?? [])].sort(byId);
  const n = peers.length;
  const rules = buildRules([peers], input.previousPairs);
  const side = rules.sides[0];
  const [offers, wants] = encodeTagGroups([peers.map((p) => p.offers), peers.map((p) => p.wants)]) as [
    TagSets,
    TagSets,
  ];
  if (side === undefined) throw new Error('buildRules returns one side per group');
  const allowed = new Int32Array(n);
  const languageOnly = new Int32Array(n);
  const edges: WeightedEdge[] = [];
  const weightOf = new Map<number, number>();
  const filter = new PartnerFilter(rules, side, side);
  for (let a = 0; a < n; a++) {
    const blocked = filter.blockedFor(a);
    for (let b = a + 1; b < n; b++) {
      const rule = filter.rule(blocked, a, b);
      if (rule === ALLOWED) {
        const weight = peerScore(
          overlap(offers, a, wants, b),
          overlap(offers, b, wants, a),
          unitsDiffer(side, a, side, b),
        );
        edges.push({ a, b, weight });
        weightOf.set(a * n + b, weight);
        allowed[a] = (allowed[a] ?? 0) + 1;
        allowed[b] = (allowed[b] ?? 0) + 1;
      } else if (rule === NO_LANGUAGE) {
        languageOnly[a] = (languageOnly[a] ?? 0) + 1;
        languageOnly[b] = (languageOnly[b] ?? 0) + 1;
      }
    }
  }

  const mate = maxWeightMatching(n, edges, true);
  const suggestions: PairSuggestion[] = [];
  const unmatched: MatchResult['unmatched'][number][] = [];
  peers.forEach((p, a) => {
    const b = mate[a] ?? -1;
    if (b < 0) {
      unmatched.push({ id: p.id, why: whyUnmatched(n - 1, allowed[a] ?? 0, languageOnly[a] ?? 0) });
    } else if (a < b) {
      // The peer first by id is named "mentor" only because the type needs one; roles vary by topic.
      const other = peers[b] as PeerCandidate;
      suggestions.push({
        mentorId: p.id,
        aktoriIds: [other.id],
        score: weightOf.get(a * n + b) ?? 0,
        reasons: peerReasons(p, other),
      });
    }
  });
  return { suggestions, unmatched, totalScore: suggestions.reduce((sum, s) => sum + s.score, 0) };
}
