/**
 * Analysis in Node: `analyseJourney` (handoffs, repeated information, duplicates, scorecard)
 * on generated journeys, beside the naive all-pairs duplicate scan in the same process.
 * Usage: tsx bench/node/analysis.ts <out.json> [--full]
 *
 * The naive scan is quadratic: at 20,000 steps it takes minutes, so unless `--full` is given
 * it is timed on every `NAIVE_SAMPLE`-th row of the all-pairs triangle (each row scanned in
 * full, on the full journey's model) and scaled up by the share of pairs those rows hold.
 */
import { writeFileSync } from "node:fs";
import { indexJourney } from "../../src/domain/analysis/context";
import { findDuplicateClusters, naiveDuplicatePairs } from "../../src/domain/analysis/duplicates";
import { findHandoffs } from "../../src/domain/analysis/handoffs";
import { analyseJourney } from "../../src/domain/analysis/index";
import { repeatedInformation } from "../../src/domain/analysis/repeated";
import {
  buildSimilarityModel,
  mayDuplicate,
  similarity,
} from "../../src/domain/analysis/similarity";
import { journeyStepItems } from "../../src/domain/analysis/step-items";
import type { Journey } from "../../src/domain/model";
import { benchJourney } from "../lib/journeys";
import { runsFor, stat, type Stat } from "../lib/stats";

const SIZES = [1000, 5000, 20000];
const FULL_NAIVE_UP_TO = 5000;
const NAIVE_SAMPLE = 100;
const PARTS_UP_TO = 5000;

export interface AnalysisSize {
  steps: number;
  flows: number;
  analyseMs: Stat;
  firstRunMs: number;
  /** Each finding on its own (empty at the largest size). */
  parts: { handoffsMs: Stat; repeatedMs: Stat; duplicatesMs: Stat };
  naiveMs: Stat;
  naiveEstimated: boolean;
  found: { handoffs: number; repeatedItems: number; duplicateClusters: number };
}

const time = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

/** The naive scan over every `every`-th row, scaled up to the whole triangle. */
function sampledNaiveMs(journey: Journey, every: number): number {
  const model = buildSimilarityModel(indexJourney(journey), journeyStepItems(journey));
  const n = model.vectors.length;
  let pairs = 0;
  let kept = 0;
  const t0 = performance.now();
  for (let a = 0; a < n; a += every) {
    for (let b = a + 1; b < n; b++) {
      pairs++;
      if (!mayDuplicate(model, a, b)) continue;
      if (similarity(model, a, b) >= model.weights.threshold) kept++;
    }
  }
  const ms = performance.now() - t0;
  if (kept < 0) console.log(kept); // keep the work observable
  return ms * ((n * (n - 1)) / 2 / pairs);
}

function main() {
  const [out, ...flags] = process.argv.slice(2);
  if (!out) throw new Error("usage: analysis.ts <out.json> [--full]");
  const full = flags.includes("--full");
  const sizes: AnalysisSize[] = [];
  for (const steps of SIZES) {
    const journey = benchJourney(steps);
    const runs = runsFor(steps);
    let result = undefined as ReturnType<typeof analyseJourney> | undefined;
    const firstRunMs = time(() => (result = analyseJourney(journey)));
    // The app analyses the same journey again after every edit: the runs after the first are
    // what an edit waits for. Cheap enough to run a few more than the rule asks.
    const analyse: number[] = [];
    for (let k = 0; k < runs + 4; k++) analyse.push(time(() => (result = analyseJourney(journey))));

    // Where the time goes (not at the largest size, to keep the whole benchmark short).
    const handoffs: number[] = [];
    const repeated: number[] = [];
    const duplicates: number[] = [];
    for (let k = 0; k < (steps <= PARTS_UP_TO ? runs : 0); k++) {
      const ix = indexJourney(journey);
      const items = journeyStepItems(journey);
      handoffs.push(time(() => findHandoffs(journey, ix)));
      repeated.push(time(() => repeatedInformation(journey, ix, items)));
      duplicates.push(time(() => findDuplicateClusters(journey, ix, items)));
    }

    const naiveEstimated = !full && steps > FULL_NAIVE_UP_TO;
    const naive: number[] = [];
    for (let k = 0; k < runs; k++) {
      naive.push(
        naiveEstimated
          ? sampledNaiveMs(journey, NAIVE_SAMPLE)
          : time(() => naiveDuplicatePairs(journey)),
      );
    }
    sizes.push({
      steps,
      flows: journey.flows.length,
      analyseMs: stat(analyse),
      firstRunMs,
      parts: {
        handoffsMs: stat(handoffs),
        repeatedMs: stat(repeated),
        duplicatesMs: stat(duplicates),
      },
      naiveMs: stat(naive),
      naiveEstimated,
      found: {
        handoffs: result!.handoffs.length,
        repeatedItems: result!.repeated.filter((r) => r.repeated).length,
        duplicateClusters: result!.duplicates.length,
      },
    });
    console.error(`analysis ${steps}: ${sizes[sizes.length - 1]!.analyseMs.median.toFixed(1)} ms`);
  }
  writeFileSync(out, JSON.stringify({ sizes, naiveSample: NAIVE_SAMPLE }, null, 2));
}

main();
