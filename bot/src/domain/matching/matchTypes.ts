/**
 * What pair suggestions are computed from and what they say. Pure data: the
 * matcher knows nothing of storage, Teams or language; reasons are codes with
 * parameters that the tab and the bot put into words in fi, sv or en.
 */
import type { ProgrammeForm } from '../programme/vocabulary';

export interface Candidate {
  /** The person's Entra object id. */
  readonly id: string;
  /** Display name, only for reasons' parameters. */
  readonly name: string;
  /** Organisational unit as the person gave it; compared case- and space-insensitively. */
  readonly unit: string;
  /** Languages the person can mentor or be mentored in; empty means no preference. */
  readonly languages: readonly string[];
  /** The person's own supervisor when known (Graph manager lookup, optional). */
  readonly supervisorId?: string;
}

export interface MentorCandidate extends Candidate {
  /** Competence areas and themes the mentor offers (tag ids). */
  readonly offers: readonly string[];
  /** How many aktoris the mentor can take (1–5). */
  readonly capacity: number;
}

export interface AktoriCandidate extends Candidate {
  /** Competence areas and themes the aktori wants to learn (tag ids). */
  readonly wants: readonly string[];
}

/** Peer mentoring: everyone both offers and wants; roles vary with the topic. */
export interface PeerCandidate extends Candidate {
  readonly offers: readonly string[];
  readonly wants: readonly string[];
}

export interface MatchInput {
  readonly form: ProgrammeForm;
  readonly mentors: readonly MentorCandidate[];
  readonly aktoris: readonly AktoriCandidate[];
  /** Only for form "peer". */
  readonly peers?: readonly PeerCandidate[];
  /** Pairs that have been together before, in any programme: never again. Unordered. */
  readonly previousPairs: readonly (readonly [string, string])[];
  /** Group mentoring: how many aktoris a group holds at most (defaults to the mentor's capacity). */
  readonly maxGroupSize?: number;
}

export type Reason =
  /** The mentor offers topics the aktori wants to learn. */
  | {
      readonly code: 'fit';
      readonly mentor: string;
      readonly aktori: string;
      readonly topics: readonly string[];
    }
  /** Different units: different know-how meets. */
  | { readonly code: 'different-units'; readonly mentor: string; readonly aktori: string }
  | { readonly code: 'same-unit'; readonly mentor: string; readonly aktori: string }
  | { readonly code: 'shared-language'; readonly languages: readonly string[] }
  /** No topic in common: paired so that nobody is left out. */
  | { readonly code: 'no-topic-overlap'; readonly mentor: string; readonly aktori: string }
  /** Peer pairs: each offers something the other wants. */
  | {
      readonly code: 'mutual-fit';
      readonly a: string;
      readonly b: string;
      readonly aToB: readonly string[];
      readonly bToA: readonly string[];
    };

export interface PairSuggestion {
  /** Mentor's id (for peer pairs: the first peer). */
  readonly mentorId: string;
  /** Aktoris in this pair or group (one for pairs). */
  readonly aktoriIds: readonly string[];
  readonly score: number;
  readonly reasons: readonly Reason[];
}

export interface MatchResult {
  readonly suggestions: readonly PairSuggestion[];
  /** Volunteers no suggestion includes, with why (no capacity left, every possible partner excluded...). */
  readonly unmatched: readonly {
    readonly id: string;
    readonly why: 'no-capacity' | 'no-allowed-partner' | 'no-shared-language';
  }[];
  readonly totalScore: number;
}
