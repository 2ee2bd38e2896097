/**
 * Everything the matcher does runs over people sorted by id, so that the
 * order a store or an API returns volunteers in never changes a suggestion:
 * ties between equally good pairings always fall the same way.
 */
import type { MatchResult } from './matchTypes';

export type Unmatched = MatchResult['unmatched'][number];

/** Code-unit order: independent of locale, unlike localeCompare. */
export function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
