/** Medians with their spread, and the ratios the report puts beside each figure. */

export interface Stat {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function stat(values: readonly number[]): Stat {
  const runs = values.filter((v) => Number.isFinite(v));
  if (runs.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: [] };
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs };
}

/** The value below which `p` (0–1) of the values lie (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

/** Runs of a figure: at least three, five from 2,000 steps up. */
export function runsFor(steps: number, base = 3): number {
  return steps >= 2000 ? Math.max(base, 5) : Math.max(base, 3);
}

export function ratio(value: number, baseline: number): number {
  return baseline === 0 || !Number.isFinite(baseline) ? Number.NaN : value / baseline;
}
