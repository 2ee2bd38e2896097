/**
 * How fast and how good the pair-suggestion engine is on programme-sized and
 * far larger inputs: `npx tsx bench/matching.bench.ts`. Prints a table;
 * `runMatchingBench()` returns the same figures for an aggregate `npm run bench`.
 *
 * Quality is measured against a best-first greedy (take the highest-scoring
 * allowed pair, repeat), which is what a hand-rolled matcher usually does, and
 * against brute force on small inputs, where the optimum is known.
 */
import type {
  AktoriCandidate,
  MatchInput,
  MentorCandidate,
  PeerCandidate,
} from '../bot/src/domain/matching/matchTypes';
import { buildScoreTable, FORBIDDEN } from '../bot/src/domain/matching/scoreTable';
import { suggestPairs } from '../bot/src/domain/matching/suggestPairs';
import { prng } from '../test/support/prng';

const RUNS = 5;
const TOPICS = Array.from({ length: 40 }, (_, i) => `topic-${i}`);
const UNITS = Array.from({ length: 8 }, (_, i) => `Unit ${i}`);

function sample(rng: () => number, xs: readonly string[], lo: number, hi: number): string[] {
  const k = lo + Math.floor(rng() * (hi - lo + 1));
  const out = new Set<string>();
  while (out.size < k) out.add(xs[Math.floor(rng() * xs.length)] as string);
  return [...out];
}

/** Most speak Finnish; some only Swedish or English, some list nothing (no preference). */
function languages(rng: () => number): string[] {
  const r = rng();
  if (r < 0.15) return [];
  if (r < 0.75) return ['fi'];
  if (r < 0.85) return ['fi', 'en'];
  if (r < 0.93) return ['sv', 'fi'];
  return r < 0.97 ? ['sv'] : ['en'];
}

function person(rng: () => number, id: string, supervisors: readonly string[]) {
  return {
    id,
    name: id,
    unit: UNITS[Math.floor(rng() * UNITS.length)] as string,
    languages: languages(rng),
    ...(rng() < 0.5 ? { supervisorId: supervisors[Math.floor(rng() * supervisors.length)] as string } : {}),
  };
}

export function benchInput(seed: number, mentors: number, aktoris: number, capacity = 1): MatchInput {
  const rng = prng(seed);
  // Supervisors are drawn among the mentors, so the supervisor rule really bites.
  const mentorIds = Array.from({ length: mentors }, (_, i) => `m${i}`);
  const ms: MentorCandidate[] = mentorIds.map((id) => ({
    ...person(rng, id, mentorIds),
    offers: sample(rng, TOPICS, 2, 6),
    capacity: capacity > 0 ? capacity : 1 + Math.floor(rng() * 3),
  }));
  const as: AktoriCandidate[] = Array.from({ length: aktoris }, (_, i) => ({
    ...person(rng, `a${i}`, mentorIds),
    wants: sample(rng, TOPICS, 1, 3),
  }));
  const previousPairs: [string, string][] = [];
  for (let k = 0; k < aktoris; k++) {
    previousPairs.push([`a${Math.floor(rng() * aktoris)}`, `m${Math.floor(rng() * mentors)}`]);
  }
  return { form: 'pair', mentors: ms, aktoris: as, previousPairs };
}

function peerInput(seed: number, n: number): MatchInput {
  const rng = prng(seed);
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const peers: PeerCandidate[] = ids.map((id) => ({
    ...person(rng, id, ids),
    offers: sample(rng, TOPICS, 2, 5),
    wants: sample(rng, TOPICS, 1, 3),
  }));
  return { form: 'peer', mentors: [], aktoris: [], peers, previousPairs: [] };
}

/** Best-first greedy over the same scores and rules: the baseline to beat. */
export function greedy(input: MatchInput): { pairs: number; score: number } {
  const { mentors, aktoris } = input;
  const table = buildScoreTable(mentors, aktoris, input.previousPairs, false);
  const nm = mentors.length;
  const order: number[] = [];
  table.scores.forEach((s, k) => {
    if (s !== FORBIDDEN) order.push(k);
  });
  order.sort((x, y) => (table.scores[y] ?? 0) - (table.scores[x] ?? 0) || x - y);
  const room = mentors.map((m) => m.capacity);
  const taken = new Uint8Array(aktoris.length);
  let pairs = 0;
  let score = 0;
  for (const k of order) {
    const a = Math.floor(k / nm);
    const m = k % nm;
    if (taken[a] || (room[m] ?? 0) === 0) continue;
    taken[a] = 1;
    room[m] = (room[m] ?? 0) - 1;
    pairs++;
    score += table.scores[k] ?? 0;
  }
  return { pairs, score };
}

function bruteForce(input: MatchInput): { pairs: number; score: number } {
  const { mentors, aktoris } = input;
  const table = buildScoreTable(mentors, aktoris, input.previousPairs, false);
  const room = mentors.map((m) => m.capacity);
  let best = { pairs: 0, score: 0 };
  const go = (a: number, pairs: number, score: number): void => {
    if (a === aktoris.length) {
      if (pairs > best.pairs || (pairs === best.pairs && score > best.score)) best = { pairs, score };
      return;
    }
    go(a + 1, pairs, score);
    for (let m = 0; m < mentors.length; m++) {
      const s = table.scores[a * mentors.length + m] ?? FORBIDDEN;
      if (s === FORBIDDEN || (room[m] ?? 0) === 0) continue;
      room[m] = (room[m] ?? 0) - 1;
      go(a + 1, pairs + 1, score + s);
      room[m] = (room[m] ?? 0) + 1;
    }
  };
  go(0, 0, 0);
  return best;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function timed(input: MatchInput): { ms: number; pairs: number; score: number } {
  const times: number[] = [];
  let pairs = 0;
  let score = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = suggestPairs(input);
    times.push(performance.now() - started);
    pairs = result.suggestions.reduce((n, s) => n + s.aktoriIds.length, 0);
    score = result.totalScore;
  }
  return { ms: Math.round(median(times) * 10) / 10, pairs, score };
}

interface Row {
  readonly case: string;
  readonly medianMs: number;
  readonly pairs: number;
  readonly score: number;
  readonly greedyPairs?: number;
  readonly greedyScore?: number;
  readonly scoreVsGreedy?: number;
}

export async function runMatchingBench(): Promise<Record<string, unknown>> {
  const rows: Row[] = [];
  const bipartite: [string, number, number, number][] = [
    ['pair 100×100', 100, 100, 1],
    ['pair 1000×1000', 1000, 1000, 1],
    ['pair 2000×2000', 2000, 2000, 1],
    ['pair 400 mentors (cap 1–3)×1000', 400, 1000, 0],
    ['pair 1000×600 (more mentors)', 1000, 600, 1],
  ];
  for (const [name, nm, na, cap] of bipartite) {
    const input = benchInput(nm * 7919 + na, nm, na, cap);
    const got = timed(input);
    const g = greedy(input);
    rows.push({
      case: name,
      medianMs: got.ms,
      pairs: got.pairs,
      score: got.score,
      greedyPairs: g.pairs,
      greedyScore: g.score,
      scoreVsGreedy: Math.round((got.score / Math.max(1, g.score)) * 10000) / 10000,
    });
  }
  for (const n of [200, 1000]) {
    const got = timed(peerInput(n, n));
    rows.push({ case: `peer ${n}`, medianMs: got.ms, pairs: got.pairs, score: got.score });
  }

  // Small inputs where brute force knows the optimum; greedy for comparison.
  let agree = 0;
  let greedyOptimal = 0;
  const small = 200;
  for (let seed = 0; seed < small; seed++) {
    const input = benchInput(seed, 4, 7, 2);
    const result = suggestPairs(input);
    const best = bruteForce(input);
    if (result.suggestions.length === best.pairs && result.totalScore === best.score) agree++;
    const g = greedy(input);
    if (g.pairs === best.pairs && g.score === best.score) greedyOptimal++;
  }
  return {
    runsPerCase: RUNS,
    cases: rows,
    bruteForce: { inputs: small, shape: '4 mentors (capacity 2) × 7 aktoris', agree, greedyOptimal },
  };
}

export function printTable(figures: Record<string, unknown>): void {
  const rows = figures.cases as Row[];
  const out = process.stdout;
  out.write(
    'case                              median ms    pairs     score   greedy pairs/score   vs greedy\n',
  );
  for (const r of rows) {
    const greedyCol = r.greedyPairs === undefined ? '' : `${r.greedyPairs}/${r.greedyScore}`;
    out.write(
      `${r.case.padEnd(34)}${String(r.medianMs).padStart(9)}${String(r.pairs).padStart(9)}${String(r.score).padStart(10)}` +
        `${greedyCol.padStart(21)}${(r.scoreVsGreedy === undefined ? '' : r.scoreVsGreedy.toFixed(4)).padStart(12)}\n`,
    );
  }
  const bf = figures.bruteForce as { inputs: number; shape: string; agree: number; greedyOptimal: number };
  out.write(
    `brute force (${bf.shape}): optimal on ${bf.agree}/${bf.inputs}; greedy optimal on ${bf.greedyOptimal}/${bf.inputs}\n`,
  );
}

if (require.main === module) {
  runMatchingBench().then(printTable, (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = 1;
  });
}
