/**
 * Why a suggestion was made, as codes with parameters. Built only for the pairs
 * suggested, from the original strings, so they name exactly the topics and
 * languages that people entered (topics sorted, so the wording is stable).
 */
import { normaliseLanguages, normaliseUnit } from './constraints';
import type { AktoriCandidate, Candidate, MentorCandidate, PeerCandidate, Reason } from './matchTypes';
import { commonTags } from './tagSets';

function unitReason(mentor: Candidate, aktori: Candidate): Reason[] {
  const a = normaliseUnit(mentor.unit);
  const b = normaliseUnit(aktori.unit);
  // A blank unit tells nothing either way.
  if (a === '' || b === '') return [];
  return [{ code: a === b ? 'same-unit' : 'different-units', mentor: mentor.name, aktori: aktori.name }];
}

/** Languages both listed; none when either has no preference (nothing to point out). */
export function sharedLanguages(people: readonly Candidate[]): string[] {
  const listed = people.map((p) => normaliseLanguages(p.languages)).filter((l) => l.length > 0);
  const first = listed[0];
  if (listed.length < 2 || first === undefined) return [];
  return listed.slice(1).reduce((common, l) => commonTags(common, l), first);
}

export function languageReason(people: readonly Candidate[]): Reason[] {
  const languages = sharedLanguages(people);
  return languages.length > 0 ? [{ code: 'shared-language', languages }] : [];
}

/** Topic fit and units of one mentor–aktori pair (languages are added per suggestion). */
export function fitReasons(mentor: MentorCandidate, aktori: AktoriCandidate): Reason[] {
  const topics = commonTags(aktori.wants, mentor.offers);
  const fit: Reason =
    topics.length > 0
      ? { code: 'fit', mentor: mentor.name, aktori: aktori.name, topics }
      : { code: 'no-topic-overlap', mentor: mentor.name, aktori: aktori.name };
  return [fit, ...unitReason(mentor, aktori)];
}

export function peerReasons(a: PeerCandidate, b: PeerCandidate): Reason[] {
  const aToB = commonTags(b.wants, a.offers);
  const bToA = commonTags(a.wants, b.offers);
  const fit: Reason =
    aToB.length + bToA.length > 0
      ? { code: 'mutual-fit', a: a.name, b: b.name, aToB, bToA }
      : { code: 'no-topic-overlap', mentor: a.name, aktori: b.name };
  return [fit, ...unitReason(a, b), ...languageReason([a, b])];
}
