import assert from 'node:assert/strict';
import { minCostAssignment } from '../../../bot/src/domain/matching/assignment';
import { int, prng } from './support';

/** Cheapest total over every injective row → column map. */
function bruteForce(rows: number, cols: number, cost: (i: number, j: number) => number): number {
  const used = new Array<boolean>(cols).fill(false);
  let best = Number.POSITIVE_INFINITY;
  const go = (i: number, total: number): void => {
    if (i === rows) {
      best = Math.min(best, total);
      return;
    }
    for (let j = 0; j < cols; j++) {
      if (used[j]) continue;
      used[j] = true;
      go(i + 1, total + cost(i, j));
      used[j] = false;
    }
  };
  go(0, 0);
  return best;
}

describe('minCostAssignment', () => {
  it('matches brute force on 2,000 random rectangular problems, ties and shared columns included', () => {
    const rng = prng(21);
    for (let run = 0; run < 2000; run++) {
      const rows = int(rng, 0, 6);
      const cols = int(rng, rows, 7);
      // Matrix columns fewer than solver columns: several slots share one (a mentor's capacity).
      const width = int(rng, 1, cols || 1);
      const height = int(rng, 1, Math.max(1, rows));
      const range = run % 3 === 0 ? 2 : run % 3 === 1 ? 10 : 1000;
      const matrix = Float64Array.from({ length: width * height }, () => int(rng, 0, range));
      const rowOf = Int32Array.from({ length: rows }, () => int(rng, 0, height - 1));
      const colOf = Int32Array.from({ length: cols }, () => int(rng, 0, width - 1));
      const cost = (i: number, j: number): number => matrix[(rowOf[i] ?? 0) * width + (colOf[j] ?? 0)] ?? 0;
      const col4row = minCostAssignment({ rows, cols, matrix, stride: width, rowOf, colOf });
      assert.equal(new Set(col4row).size, rows, 'distinct columns');
      let total = 0;
      col4row.forEach((j, i) => {
        assert.ok(j >= 0 && j < cols);
        total += cost(i, j);
      });
      assert.equal(total, rows === 0 ? 0 : bruteForce(rows, cols, cost), `run ${run}`);
    }
  });

  it('refuses more rows than columns', () => {
    assert.throws(
      () =>
        minCostAssignment({
          rows: 2,
          cols: 1,
          matrix: new Float64Array(2),
          stride: 1,
          rowOf: Int32Array.from([0, 1]),
          colOf: Int32Array.from([0]),
        }),
      RangeError,
    );
  });
});
