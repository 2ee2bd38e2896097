/**
 * Seeded random volunteers and brute-force oracles for the matcher's
 * property tests. The oracles re-state the rules from the product issue in
 * the plainest way (strings and sets, no bit tricks), so that they check the
 * matcher rather than repeat it.
 */
import type {
  AktoriCandidate,
  MatchInput,
  MentorCandidate,
  PeerCandidate,
} from '../../../bot/src/domain/matching/matchTypes';
import { DIFFERENT_UNITS_BONUS, TOPIC_WEIGHT } from '../../../bot/src/domain/matching/scorePair';
import type { ProgrammeForm } from '../../../bot/src/domain/programme/vocabulary';
import { int, pick, prng, type Rng } from '../../support/prng';

export { int, prng, type Rng };

const subset = <T>(rng: Rng, xs: readonly T[], p: number): T[] => xs.filter(() => rng() < p);

export function shuffle<T>(rng: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const TOPICS = ['career', 'innovation', 'networking', 'change', 'sales', 'data'];
const UNITS = ['Sales', 'sales ', 'R&D', 'Customer  Service', 'customer service', ''];
const LANGS = ['fi', 'sv', 'en'];

export interface Shape {
  readonly mentors: number;
  readonly aktoris: number;
  readonly maxCapacity: number;
  /** Of a pool of mentors+aktoris distinct ids: lower means more people in both roles. */
  readonly idPool?: number;
  readonly form?: ProgrammeForm;
  readonly maxGroupSize?: number;
}

function person(rng: Rng, id: string, ids: readonly string[]) {
  return {
    id,
    name: `Name ${id}`,
    unit: pick(rng, UNITS),
    languages: rng() < 0.3 ? [] : subset(rng, LANGS, 0.5),
    ...(rng() < 0.3 ? { supervisorId: pick(rng, ids) } : {}),
  };
}

/** Random volunteers with every rule in play: shared ids, supervisors, previous pairs, languages. */
export function randomInput(rng: Rng, shape: Shape): MatchInput {
  const poolSize = Math.max(1, shape.idPool ?? shape.mentors + shape.aktoris);
  const ids = Array.from({ length: poolSize }, (_, i) => `p${String(i).padStart(2, '0')}`);
  const order = shuffle(rng, ids);
  // Draw mentor ids and aktori ids separately from the pool, so some overlap.
  const mentorIds = shuffle(rng, order).slice(0, Math.min(shape.mentors, poolSize));
  const aktoriIds = shuffle(rng, order).slice(0, Math.min(shape.aktoris, poolSize));
  const mentors: MentorCandidate[] = mentorIds.map((id) => ({
    ...person(rng, id, ids),
    offers: subset(rng, TOPICS, 0.35),
    capacity: int(rng, 1, shape.maxCapacity),
  }));
  const aktoris: AktoriCandidate[] = aktoriIds.map((id) => ({
    ...person(rng, id, ids),
    wants: subset(rng, TOPICS, 0.3),
  }));
  const previousPairs: [string, string][] = [];
  const nPrev = int(rng, 0, ids.length);
  for (let k = 0; k < nPrev; k++) previousPairs.push([pick(rng, ids), pick(rng, ids)]);
  return {
    form: shape.form ?? 'pair',
    mentors,
    aktoris,
    previousPairs,
    ...(shape.maxGroupSize === undefined ? {} : { maxGroupSize: shape.maxGroupSize }),
  };
}

export function randomPeers(rng: Rng, n: number): MatchInput {
  const ids = Array.from({ length: n }, (_, i) => `q${String(i).padStart(2, '0')}`);
  const peers: PeerCandidate[] = ids.map((id) => ({
    ...person(rng, id, ids),
    offers: subset(rng, TOPICS, 0.35),
    wants: subset(rng, TOPICS, 0.3),
  }));
  const previousPairs: [string, string][] = [];
  for (let k = int(rng, 0, n); k > 0; k--) previousPairs.push([pick(rng, ids), pick(rng, ids)]);
  return { form: 'peer', mentors: [], aktoris: [], peers: shuffle(rng, peers), previousPairs };
}

interface Person {
  readonly id: string;
  readonly unit: string;
  readonly languages: readonly string[];
  readonly supervisorId?: string;
}

/** The hard rules, stated plainly: the first one a pair breaks, or 'ok'. */
export function firstRule(
  input: MatchInput,
  a: Person,
  b: Person,
): 'ok' | 'self' | 'previous' | 'supervisor' | 'language' {
  if (a.id === b.id) return 'self';
  if (input.previousPairs.some(([x, y]) => (x === a.id && y === b.id) || (x === b.id && y === a.id)))
    return 'previous';
  if (a.supervisorId === b.id || b.supervisorId === a.id) return 'supervisor';
  const la = a.languages.map((l) => l.trim().toLowerCase());
  const lb = b.languages.map((l) => l.trim().toLowerCase());
  if (la.length > 0 && lb.length > 0 && !la.some((l) => lb.includes(l))) return 'language';
  return 'ok';
}

export function allowed(input: MatchInput, a: Person, b: Person): boolean {
  return firstRule(input, a, b) === 'ok';
}

/** Why someone with these possible partners stayed alone. */
export function oracleWhy(input: MatchInput, p: Person, partners: readonly Person[]): string {
  const rules = partners.map((q) => firstRule(input, p, q));
  if (partners.length === 0 || rules.includes('ok')) return 'no-capacity';
  return rules.includes('language') ? 'no-shared-language' : 'no-allowed-partner';
}

const unitKey = (u: string): string => u.toLowerCase().replace(/\s+/g, '');

export function unitsDiffer(a: Person, b: Person): boolean {
  return unitKey(a.unit) !== '' && unitKey(b.unit) !== '' && unitKey(a.unit) !== unitKey(b.unit);
}

export function common(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set(a)].filter((x) => b.includes(x)).sort();
}

export function oracleScore(m: MentorCandidate, a: AktoriCandidate): number {
  return common(a.wants, m.offers).length * TOPIC_WEIGHT + (unitsDiffer(m, a) ? DIFFERENT_UNITS_BONUS : 0);
}

export function oraclePeerScore(a: PeerCandidate, b: PeerCandidate): number {
  const topics = common(b.wants, a.offers).length + common(a.wants, b.offers).length;
  return topics * TOPIC_WEIGHT + (unitsDiffer(a, b) ? DIFFERENT_UNITS_BONUS : 0);
}

export interface Best {
  readonly pairs: number;
  readonly score: number;
}

const better = (x: Best, y: Best): boolean => x.pairs > y.pairs || (x.pairs === y.pairs && x.score > y.score);

/** Every way of giving each aktori a mentor with room (or none); the lexicographic best. */
export function bruteForceMentors(input: MatchInput, slotsOf: (m: MentorCandidate) => number): Best {
  const room = input.mentors.map(slotsOf);
  let best: Best = { pairs: 0, score: 0 };
  const go = (k: number, pairs: number, score: number): void => {
    const a = input.aktoris[k];
    if (a === undefined) {
      if (better({ pairs, score }, best)) best = { pairs, score };
      return;
    }
    go(k + 1, pairs, score);
    input.mentors.forEach((m, i) => {
      if ((room[i] ?? 0) > 0 && allowed(input, m, a)) {
        room[i] = (room[i] ?? 0) - 1;
        go(k + 1, pairs + 1, score + oracleScore(m, a));
        room[i] = (room[i] ?? 0) + 1;
      }
    });
  };
  go(0, 0, 0);
  return best;
}

/** Every matching of the pool; the lexicographic best. */
export function bruteForcePeers(input: MatchInput): Best {
  const peers = input.peers ?? [];
  const used = peers.map(() => false);
  let best: Best = { pairs: 0, score: 0 };
  const go = (pairs: number, score: number): void => {
    const i = used.indexOf(false);
    const a = peers[i];
    if (a === undefined) {
      if (better({ pairs, score }, best)) best = { pairs, score };
      return;
    }
    used[i] = true;
    go(pairs, score);
    peers.forEach((b, j) => {
      if (!used[j] && allowed(input, a, b)) {
        used[j] = true;
        go(pairs + 1, score + oraclePeerScore(a, b));
        used[j] = false;
      }
    });
    used[i] = false;
  };
  go(0, 0);
  return best;
}

/** Slots of a mentor as the product issue defines them, for the oracle. */
export function slotsFor(input: MatchInput): (m: MentorCandidate) => number {
  return (m) =>
    input.form === 'group' ? Math.min(m.capacity, input.maxGroupSize ?? m.capacity) : m.capacity;
}
