import assert from 'node:assert/strict';
import { maxWeightMatching, type WeightedEdge } from '../../../bot/src/domain/matching/maxWeightMatching';
import { int, prng, type Rng } from './support';

function randomGraph(rng: Rng, n: number, density: number, maxWeight: number): WeightedEdge[] {
  const edges: WeightedEdge[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) if (rng() < density) edges.push({ a, b, weight: int(rng, 0, maxWeight) });
  }
  return edges;
}

/** [pairs, weight] of the best matching: by weight alone, or by pairs first. */
function bruteForce(n: number, edges: readonly WeightedEdge[], maxCardinality: boolean): [number, number] {
  const w = new Map(edges.map((e) => [e.a * n + e.b, e.weight]));
  const used = new Array<boolean>(n).fill(false);
  let best: [number, number] = [0, 0];
  const go = (pairs: number, weight: number): void => {
    const i = used.indexOf(false);
    if (i === -1) {
      const better = maxCardinality
        ? pairs > best[0] || (pairs === best[0] && weight > best[1])
        : weight > best[1] || (weight === best[1] && pairs > best[0]);
      if (better) best = [pairs, weight];
      return;
    }
    used[i] = true;
    go(pairs, weight);
    for (let j = i + 1; j < n; j++) {
      const ew = w.get(i * n + j);
      if (!used[j] && ew !== undefined) {
        used[j] = true;
        go(pairs + 1, weight + ew);
        used[j] = false;
      }
    }
    used[i] = false;
  };
  go(0, 0);
  return best;
}

function measure(n: number, edges: readonly WeightedEdge[], mate: Int32Array): [number, number] {
  const w = new Map(edges.map((e) => [`${e.a},${e.b}`, e.weight]));
  let pairs = 0;
  let weight = 0;
  mate.forEach((b, a) => {
    if (b === -1) return;
    assert.equal(mate[b], a, 'mate is symmetric');
    if (a < b) {
      const ew = w.get(`${a},${b}`);
      assert.ok(ew !== undefined, `${a}–${b} is not an edge`);
      pairs++;
      weight += ew;
    }
  });
  assert.equal(mate.length, n);
  return [pairs, weight];
}

describe('maxWeightMatching (Edmonds blossom)', () => {
  for (const maxCardinality of [true, false]) {
    it(`matches brute force on 1,500 random graphs of up to 10 vertices (maxCardinality ${maxCardinality})`, () => {
      const rng = prng(maxCardinality ? 11 : 12);
      for (let run = 0; run < 1500; run++) {
        const n = int(rng, 0, 10);
        // Few distinct weights make ties and blossoms likely; many make dual steps uneven.
        const edges = randomGraph(rng, n, 0.2 + rng() * 0.8, run % 2 === 0 ? 3 : 100);
        const got = measure(n, edges, maxWeightMatching(n, edges, maxCardinality));
        const want = bruteForce(n, edges, maxCardinality);
        if (maxCardinality) assert.deepEqual(got, want, `run ${run}`);
        else assert.equal(got[1], want[1], `run ${run}`);
      }
    });
  }

  it('handles the textbook blossom cases', () => {
    // Odd cycle 0-1-2 with a tail: needs a blossom to find the perfect matching.
    const edges = [
      { a: 0, b: 1, weight: 6 },
      { a: 0, b: 2, weight: 10 },
      { a: 1, b: 2, weight: 5 },
      { a: 2, b: 3, weight: 5 },
      { a: 3, b: 4, weight: 5 },
      { a: 4, b: 5, weight: 6 },
      { a: 1, b: 5, weight: 7 },
    ];
    const mate = maxWeightMatching(6, edges, true);
    assert.deepEqual(measure(6, edges, mate), bruteForce(6, edges, true));
    // van Rijn's test 20: nested S-blossom, relabelled as T.
    const nested = [
      { a: 1, b: 2, weight: 9 },
      { a: 1, b: 3, weight: 8 },
      { a: 2, b: 3, weight: 10 },
      { a: 1, b: 4, weight: 5 },
      { a: 4, b: 5, weight: 4 },
      { a: 1, b: 6, weight: 3 },
    ];
    assert.deepEqual([...maxWeightMatching(7, nested, false)], [-1, 6, 3, 2, 5, 4, 1]);
  });

  it('is fast enough for a large peer pool', () => {
    const rng = prng(13);
    const n = 300;
    const edges = randomGraph(rng, n, 0.5, 60);
    const started = performance.now();
    const mate = maxWeightMatching(n, edges, true);
    assert.ok(performance.now() - started < 3000);
    assert.equal(measure(n, edges, mate)[0], n / 2);
  });
});
