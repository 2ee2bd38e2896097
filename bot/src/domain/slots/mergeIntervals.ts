/**
 * Interval algebra over sorted, disjoint lists of half-open [start, end)
 * epoch-millisecond intervals. Everything the slot finder does after the
 * calendars are read is one of these linear sweeps, which is why it stays
 * fast: sort the busy items once, then never sort again.
 */
import type { Interval } from './slotTypes';

/**
 * Sorted, disjoint, non-empty intervals covering the same time. Touching
 * intervals are joined too: two meetings back to back are one busy block.
 * Empty or inverted items are dropped (calendars do contain zero-length
 * entries). The input is not modified.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const items = intervals.filter((i) => i.end > i.start);
  items.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  let current: Interval | undefined;
  for (const i of items) {
    if (current !== undefined && i.start <= current.end) {
      if (i.end > current.end) current = { start: current.start, end: i.end };
      out[out.length - 1] = current;
    } else {
      current = { start: i.start, end: i.end };
      out.push(current);
    }
  }
  return out;
}

/** Time inside both lists; both must be sorted and disjoint. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** Time in `from` not covered by `remove`; both sorted and disjoint. */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const f of from) {
    let start = f.start;
    // Blocks ending before this interval can never matter again: `from` is sorted.
    while (j < remove.length && (remove[j] as Interval).end <= start) j++;
    let k = j;
    while (start < f.end && k < remove.length) {
      const r = remove[k] as Interval;
      if (r.start >= f.end) break;
      if (r.start > start) out.push({ start, end: r.start });
      start = Math.max(start, r.end);
      k++;
    }
    if (start < f.end) out.push({ start, end: f.end });
  }
  return out;
}
