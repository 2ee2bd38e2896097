/**
 * Input the matcher refuses rather than guesses about. The store and the API
 * validate volunteers at the edge already; this guards the matcher's own
 * assumptions (unique ids, capacities in range) so that a bad row surfaces as
 * a ValidationError instead of a silently wrong suggestion.
 */
import { ValidationError } from '../errors';
import { isOneOf, PROGRAMME_FORMS } from '../programme/vocabulary';
import type { Candidate, MatchInput } from './matchTypes';

/** DOMAIN: a mentor takes 1–5 aktoris. */
export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 5;

function uniqueIds(people: readonly Candidate[], field: string): void {
  const seen = new Set<string>();
  for (const p of people) {
    if (typeof p.id !== 'string' || p.id === '') {
      throw new ValidationError(`${field} id is required`, { field: `${field}.id`, rule: 'required' });
    }
    if (seen.has(p.id)) {
      throw new ValidationError(`${field} lists a person twice`, {
        field: `${field}.id`,
        rule: 'not-allowed',
      });
    }
    seen.add(p.id);
  }
}

export function validateMatchInput(input: MatchInput): void {
  if (!isOneOf(PROGRAMME_FORMS, input.form)) {
    throw new ValidationError('form has a value that is not allowed', { field: 'form', rule: 'not-allowed' });
  }
  if (input.form === 'peer') {
    uniqueIds(input.peers ?? [], 'peers');
    return;
  }
  uniqueIds(input.mentors, 'mentors');
  uniqueIds(input.aktoris, 'aktoris');
  for (const m of input.mentors) {
    if (!Number.isInteger(m.capacity) || m.capacity < MIN_CAPACITY || m.capacity > MAX_CAPACITY) {
      throw new ValidationError(`mentors.capacity is out of range (${MIN_CAPACITY}–${MAX_CAPACITY})`, {
        field: 'mentors.capacity',
        rule: 'range',
        limit: `${MIN_CAPACITY}–${MAX_CAPACITY}`,
      });
    }
  }
  const g = input.maxGroupSize;
  if (g !== undefined && (!Number.isInteger(g) || g < 1)) {
    throw new ValidationError('maxGroupSize is out of range (at least 1)', {
      field: 'maxGroupSize',
      rule: 'range',
      limit: 1,
    });
  }
}
