/**
 * The hard rules a suggestion never breaks, precomputed into integer arrays
 * so that checking one of the millions of possible pairs is a handful of
 * comparisons. The rules (DOMAIN.md, product issue):
 * - nobody with themselves (a person may volunteer as mentor and as aktori);
 * - never two people who have been a pair before, in either role;
 * - never a person with their own supervisor, whichever role either has:
 *   mentoring is confidential and pressure-free, which a reporting line is not;
 * - never two people without a shared language when both listed languages
 *   (an empty list means "any language").
 */
import type { Candidate } from './matchTypes';
import { encodeTagGroups, overlap, type TagSets } from './tagSets';

/** A local binding: an imported one is a getter call per use under tsx (see scoreTable.ts). */
const overlapOf = overlap;

/** Why a pair is not allowed; checked in this order, so NO_LANGUAGE means the other rules passed. */
export const ALLOWED = 0;
export const SELF = 1;
export const PREVIOUS = 2;
export const SUPERVISOR = 3;
export const NO_LANGUAGE = 4;

/** One side of the matching (mentors, aktoris or peers) in integer form. */
export interface Side {
  readonly size: number;
  /** Person index per entry: the same id on two sides gives the same index. */
  readonly person: Int32Array;
  /** Person index of the entry's supervisor, -1 when unknown or not a volunteer. */
  readonly supervisor: Int32Array;
  /** Normalised unit id, -1 when the unit was left blank. */
  readonly unit: Int32Array;
  readonly languages: TagSets;
}

export interface Rules {
  readonly sides: readonly Side[];
  /** Previous pairs as lo * people + hi over person indices. */
  readonly previous: ReadonlySet<number>;
  readonly people: number;
}

/** "Customer Service " and "customer  service" are one unit. */
export function normaliseUnit(unit: string): string {
  return unit.toLowerCase().replace(/\s+/g, '');
}

export function normaliseLanguages(languages: readonly string[]): string[] {
  return languages.map((l) => l.trim().toLowerCase()).filter((l) => l !== '');
}

export function buildRules(
  groups: readonly (readonly Candidate[])[],
  previousPairs: readonly (readonly [string, string])[],
): Rules {
  const personOf = new Map<string, number>();
  for (const group of groups)
    for (const c of group) if (!personOf.has(c.id)) personOf.set(c.id, personOf.size);
  const unitOf = new Map<string, number>();
  const languages = encodeTagGroups(groups.map((g) => g.map((c) => normaliseLanguages(c.languages))));
  const sides = groups.map((group, g): Side => {
    const person = new Int32Array(group.length);
    const supervisor = new Int32Array(group.length);
    const unit = new Int32Array(group.length);
    group.forEach((c, i) => {
      person[i] = personOf.get(c.id) ?? -1;
      supervisor[i] = c.supervisorId === undefined ? -1 : (personOf.get(c.supervisorId) ?? -1);
      const key = normaliseUnit(c.unit);
      if (key === '') unit[i] = -1;
      else {
        if (!unitOf.has(key)) unitOf.set(key, unitOf.size);
        unit[i] = unitOf.get(key) ?? -1;
      }
    });
    return { size: group.length, person, supervisor, unit, languages: languages[g] as TagSets };
  });
  const people = personOf.size;
  const previous = new Set<number>();
  for (const [x, y] of previousPairs) {
    const a = personOf.get(x);
    const b = personOf.get(y);
    // Pairs with someone who did not volunteer this time cannot recur; skip them.
    if (a !== undefined && b !== undefined) previous.add(pairKey(a, b, people));
  }
  return { sides, previous, people };
}

function pairKey(a: number, b: number, people: number): number {
  return a < b ? a * people + b : b * people + a;
}

/**
 * The partners one person may never have, found from short per-person lists
 * (their own other entry, previous partners, supervisor, people they
 * supervise) instead of testing every pair: with 2,000 × 2,000 volunteers the
 * per-pair tests were most of the matcher's time.
 */
export class PartnerFilter {
  private readonly blocked: Uint8Array;
  private readonly touched: number[] = [];
  /** Entries of `to` per person index (a person appears at most once per side). */
  private readonly entryOf: Int32Array;
  private readonly previousOf: number[][];
  /** Entries of `to` whose supervisor is the given person. */
  private readonly supervisedBy: number[][];

  constructor(
    rules: Rules,
    private readonly from: Side,
    private readonly to: Side,
  ) {
    this.blocked = new Uint8Array(to.size);
    this.entryOf = new Int32Array(rules.people).fill(-1);
    this.supervisedBy = Array.from({ length: rules.people }, () => []);
    for (let j = 0; j < to.size; j++) {
      this.entryOf[to.person[j] ?? 0] = j;
      const boss = to.supervisor[j] ?? -1;
      if (boss >= 0) this.supervisedBy[boss]?.push(j);
    }
    this.previousOf = Array.from({ length: rules.people }, () => []);
    for (const key of rules.previous) {
      const lo = Math.floor(key / rules.people);
      const hi = key % rules.people;
      this.previousOf[lo]?.push(hi);
      this.previousOf[hi]?.push(lo);
    }
  }

  private mark(j: number, rule: number): void {
    if (j < 0) return;
    const current = this.blocked[j] ?? 0;
    if (current === ALLOWED) this.touched.push(j);
    // Keep the first rule in the documented order, whatever order the lists came in.
    if (current === ALLOWED || rule < current) this.blocked[j] = rule;
  }

  /**
   * For entry i of `from`: per entry of `to`, ALLOWED or the first of SELF,
   * PREVIOUS, SUPERVISOR it breaks. Language is left to `rule()`. The array is
   * reused: valid until the next call.
   */
  blockedFor(i: number): Uint8Array {
    for (const j of this.touched) this.blocked[j] = ALLOWED;
    this.touched.length = 0;
    const p = this.from.person[i] ?? -1;
    this.mark(this.entryOf[p] ?? -1, SELF);
    for (const q of this.previousOf[p] ?? []) this.mark(this.entryOf[q] ?? -1, PREVIOUS);
    const boss = this.from.supervisor[i] ?? -1;
    if (boss >= 0) this.mark(this.entryOf[boss] ?? -1, SUPERVISOR);
    for (const j of this.supervisedBy[p] ?? []) this.mark(j, SUPERVISOR);
    return this.blocked;
  }

  /** The rule pair (i, j) breaks, given `blocked` = blockedFor(i). */
  rule(blocked: Uint8Array, i: number, j: number): number {
    const code = blocked[j] ?? ALLOWED;
    if (code !== ALLOWED) return code;
    const a = this.from.languages;
    const b = this.to.languages;
    if ((a.counts[i] ?? 0) > 0 && (b.counts[j] ?? 0) > 0 && overlapOf(a, i, b, j) === 0) return NO_LANGUAGE;
    return ALLOWED;
  }
}

/**
 * Why someone stayed unmatched, from what ruled out their possible partners.
 * Any allowed partner (or no one on the other side at all) means partners
 * simply ran out: 'no-capacity'. Otherwise the rules excluded everyone.
 */
export type UnmatchedWhy = 'no-capacity' | 'no-allowed-partner' | 'no-shared-language';

export function whyUnmatched(
  partners: number,
  allowedPartners: number,
  excludedOnlyByLanguage: number,
): UnmatchedWhy {
  if (allowedPartners > 0 || partners === 0) return 'no-capacity';
  // If language was all that stood in the way of at least one partner, that is
  // the useful thing to tell the supervisor (someone could add a language).
  return excludedOnlyByLanguage > 0 ? 'no-shared-language' : 'no-allowed-partner';
}
