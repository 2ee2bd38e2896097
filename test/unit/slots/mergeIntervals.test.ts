import assert from 'node:assert/strict';
import {
  intersectIntervals,
  mergeIntervals,
  subtractIntervals,
} from '../../../bot/src/domain/slots/mergeIntervals';
import type { Interval } from '../../../bot/src/domain/slots/slotTypes';
import { int, prng, type Rng, shuffle } from './support';

const iv = (start: number, end: number): Interval => ({ start, end });

/** Intervals over 0..100 as a bitmap of covered unit cells: the plainest model of "covered time". */
function cells(xs: readonly Interval[]): boolean[] {
  const out = new Array<boolean>(100).fill(false);
  for (const x of xs) for (let i = Math.max(0, x.start); i < Math.min(100, x.end); i++) out[i] = true;
  return out;
}

function isCanonical(xs: readonly Interval[]): boolean {
  return xs.every((x, i) => x.start < x.end && (i === 0 || (xs[i - 1] as Interval).end < x.start));
}

function randomList(rng: Rng, n: number): Interval[] {
  return Array.from({ length: n }, () => {
    const s = int(rng, -5, 100);
    return iv(s, s + int(rng, -2, 20));
  });
}

describe('mergeIntervals', () => {
  it('sorts, joins overlapping and touching intervals, drops empty ones', () => {
    assert.deepEqual(mergeIntervals([iv(5, 7), iv(1, 3), iv(3, 4), iv(6, 9), iv(10, 10), iv(12, 11)]), [
      iv(1, 4),
      iv(5, 9),
    ]);
    assert.deepEqual(mergeIntervals([]), []);
    assert.deepEqual(mergeIntervals([iv(1, 10), iv(2, 3)]), [iv(1, 10)]);
  });

  it('leaves its input alone', () => {
    const input = [iv(5, 7), iv(1, 3)];
    mergeIntervals(input);
    assert.deepEqual(input, [iv(5, 7), iv(1, 3)]);
  });

  it('covers the same time, canonically, for 2,000 random lists in any order', () => {
    const rng = prng(11);
    for (let run = 0; run < 2000; run++) {
      const xs = randomList(rng, int(rng, 0, 30));
      const merged = mergeIntervals(xs);
      assert.ok(isCanonical(merged), `run ${run}`);
      assert.deepEqual(cells(merged), cells(xs.filter((x) => x.end > x.start)), `run ${run}`);
      assert.deepEqual(mergeIntervals(shuffle(rng, xs)), merged, `run ${run}: order`);
    }
  });
});

describe('intersectIntervals and subtractIntervals', () => {
  it('match the bitmap model on 2,000 random pairs of lists', () => {
    const rng = prng(12);
    for (let run = 0; run < 2000; run++) {
      const a = mergeIntervals(randomList(rng, int(rng, 0, 15)));
      const b = mergeIntervals(randomList(rng, int(rng, 0, 15)));
      const ca = cells(a);
      const cb = cells(b);
      const both = intersectIntervals(a, b);
      const rest = subtractIntervals(a, b);
      assert.deepEqual(
        cells(both),
        ca.map((x, i) => x && cb[i] === true),
        `run ${run}: intersect`,
      );
      assert.deepEqual(
        cells(rest),
        ca.map((x, i) => x && cb[i] !== true),
        `run ${run}: subtract`,
      );
      assert.ok(both.every((x) => x.start < x.end) && rest.every((x) => x.start < x.end));
      assert.ok(rest.every((x, i) => i === 0 || (rest[i - 1] as Interval).end <= x.start));
    }
  });

  it('keeps a busy block that spans several free intervals', () => {
    assert.deepEqual(subtractIntervals([iv(0, 10), iv(20, 30), iv(40, 50)], [iv(5, 45)]), [
      iv(0, 5),
      iv(45, 50),
    ]);
  });
});
