/**
 * Pair suggestions for a programme's volunteers: the supervisor forms the
 * pairs (DOMAIN.md), this proposes the best ones and says why. Pure and
 * deterministic: no I/O, no clock, no randomness, and the same volunteers in
 * any order give the same suggestions.
 *
 * - pair, quick, reverse: each aktori with one mentor; a mentor takes up to
 *   their capacity of aktoris, each a pair of its own.
 * - group: a mentor with all the aktoris assigned to them is one group, at most
 *   min(capacity, maxGroupSize) aktoris.
 * - peer: `input.peers` paired two by two; mentors and aktoris are ignored.
 *
 * Suggestions come sorted by mentor id, then aktori id; unmatched by id.
 * Throws ValidationError for input it cannot trust (see validateMatchInput).
 */

import { matchMentors } from './matchMentors';
import { matchPeers } from './matchPeers';
import type { MatchInput, MatchResult } from './matchTypes';
import { validateMatchInput } from './validateMatchInput';

export function suggestPairs(input: MatchInput): MatchResult {
  validateMatchInput(input);
  return input.form === 'peer' ? matchPeers(input) : matchMentors(input);
}
