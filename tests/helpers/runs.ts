/**
 * How many runs each fast-check property makes, at two sizes:
 *
 * - `npm test`: the property's base count (1,000 unless the property says otherwise);
 * - `npm run fuzz` (SEAMS_FUZZ_RUNS=100000): SEAMS_FUZZ_RUNS runs, except that a property
 *   too slow for that many gives its own ceiling (`fuzzMax`), documented where it is used.
 *
 * `propertyParams` also records what each run did (runs, failure, seed) in
 * reports/reliability.json, so the reliability table's figures come from real runs.
 */
import type { UniversalPlugin } from "fast-check";
import { relative } from "node:path";
import { expect } from "vitest";
import { recordFigure } from "../unit/reliability/report";

/** The run count: SEAMS_FUZZ_RUNS (at most `fuzzMax`) when it is set, else `base`. */
export function propertyRuns(base = 1000, fuzzMax = Number.POSITIVE_INFINITY): number {
  const raw = process.env.SEAMS_FUZZ_RUNS;
  if (raw === undefined || raw.trim() === "") return base;
  const fuzz = Number(raw);
  if (!Number.isInteger(fuzz) || fuzz < 1) {
    throw new Error(`SEAMS_FUZZ_RUNS must be a whole number from 1, not ${JSON.stringify(raw)}`);
  }
  return Math.min(fuzz, fuzzMax);
}

/**
 * Properties too slow (or too hungry) for SEAMS_FUZZ_RUNS = 100,000 and the most runs each
 * makes under `npm run fuzz` instead. Times are per run on a loaded 2-core machine.
 */
export const FUZZ_MAX = {
  /** jsdom parses and walks each drawing (about 0.1 s), and keeps every document it ran
   * querySelector on (about 1 MB each): tests/unit/export/svg-hostile.test.ts and the
   * well-formed-drawing property of svg.test.ts. */
  jsdomSvg: 3_000,
  /** Exports a whole journey as SVG and opens it again (about 10 ms). */
  svgRoundTrip: 20_000,
  /** Exports a whole journey with hostile text as SVG for the strict reader (about 10 ms). */
  svgScan: 30_000,
} as const;

/** What the reliability table reports a property under (null: counted, not in the table). */
export const FIGURES = {
  /** Import is refused or opened, never throws, for generated malformed input. */
  importTotal: "import-total",
  /** A valid journey survives export and import unchanged. */
  roundTrip: "round-trip",
  /** Restoring a restored journey changes nothing. */
  idempotent: "restore-idempotent",
  /** Exported SVG holds nothing executable. */
  svgSafe: "svg-safe",
  /** No CSV cell starts a formula. */
  csvSafe: "csv-safe",
} as const;

export type Figure = (typeof FIGURES)[keyof typeof FIGURES];

/** The property's name as Vitest shows it, without the seed fast-check adds. */
function currentProperty(): string {
  const state = expect.getState();
  const file = state.testPath ? relative(process.cwd(), state.testPath) : "?";
  const name = (state.currentTestName ?? "?").replace(/ \(with seed=-?\d+\)$/, "");
  return `${file} > ${name}`;
}

/** A fast-check plugin that records each assessment of a property in the report. */
function recordRuns(figure: Figure | null, base: number, runs: number): UniversalPlugin {
  return () => ({
    onAllRunsComplete: (details) => {
      recordFigure("properties", currentProperty(), {
        figure,
        base,
        planned: runs,
        runs: details.numRuns,
        skipped: details.numSkips,
        failed: details.failed,
        interrupted: details.interrupted,
        seed: details.seed,
        ...(details.failed && details.counterexamplePath !== null
          ? { path: details.counterexamplePath }
          : {}),
      });
    },
  });
}

/**
 * fast-check parameters for a property: its run count ({@link propertyRuns}) and a record of
 * the run under `figure` in reports/reliability.json. Use as `test.prop(arbs, propertyParams(…))`.
 */
export function propertyParams(
  figure: Figure | null = null,
  base = 1000,
  fuzzMax = Number.POSITIVE_INFINITY,
): { numRuns: number; plugins: UniversalPlugin[] } {
  const numRuns = propertyRuns(base, fuzzMax);
  return { numRuns, plugins: [recordRuns(figure, base, numRuns)] };
}

/** A property's own time limit, grown with its run count: `msAtBase` for `base` runs. Under
 * `npm run fuzz`, never less than the run's own limit (SEAMS_FUZZ_TIMEOUT_MS), as machines
 * differ more over many minutes than over seconds. */
export function propertyTimeout(
  msAtBase: number,
  base = 1000,
  fuzzMax = Number.POSITIVE_INFINITY,
): number {
  const grown = Math.ceil((msAtBase * Math.max(base, propertyRuns(base, fuzzMax))) / base);
  const fuzzLimit = Number(process.env.SEAMS_FUZZ_RUNS ? process.env.SEAMS_FUZZ_TIMEOUT_MS : 0);
  return Number.isFinite(fuzzLimit) ? Math.max(grown, fuzzLimit) : grown;
}
