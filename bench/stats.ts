/** Order statistics for the benchmarks: these machines are noisy, so figures are medians and percentiles. */

/** The p-th percentile (0–100) by the nearest-rank method; 0 for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Rounds for a report: figures with more digits than the noise only mislead. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
