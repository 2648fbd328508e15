/**
 * Learning the duplicate model from hand-labelled journeys: the evidence of every pair of steps
 * that may be duplicates, labelled by whether a person put the two in one cluster, and a
 * logistic regression over it (Newton's method with an L2 penalty, deterministic).
 */
import type { Journey, StepId } from "../model";
import { indexJourney } from "./context";
import {
  buildSimilarityModel,
  dot,
  mayDuplicate,
  PAIR_FEATURES,
  pairFeatures,
  type DuplicateWeights,
} from "./similarity";
import { journeyStepItems } from "./step-items";

/** One pair's evidence and whether it is a true duplicate. */
export interface LabelledPair {
  x: Float64Array;
  duplicate: boolean;
}

/** Every pair of steps of the journey that may be suggested, with its evidence, labelled by the
 * hand-made clusters. */
export function labelledPairs(
  journey: Journey,
  clusters: readonly (readonly StepId[])[],
): LabelledPair[] {
  const ix = indexJourney(journey);
  const model = buildSimilarityModel(ix, journeyStepItems(journey));
  const clusterOf = new Map<StepId, number>();
  clusters.forEach((c, k) => c.forEach((id) => clusterOf.set(id, k)));
  const out: LabelledPair[] = [];
  const n = ix.steps.length;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (!mayDuplicate(model, a, b)) continue;
      const wording = dot(model.vectors[a]!.words, model.vectors[b]!.words);
      const x = pairFeatures(model, a, b, wording, new Float64Array(PAIR_FEATURES.length));
      const ka = clusterOf.get(ix.steps[a]!.id);
      out.push({ x, duplicate: ka !== undefined && ka === clusterOf.get(ix.steps[b]!.id) });
    }
  }
  return out;
}

/** Solves a small symmetric positive definite system by Gaussian elimination. */
function solve(m: number[][], v: number[]): number[] {
  const n = v.length;
  const a = m.map((row, i) => [...row, v[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k <= n; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

/** Logistic regression weights (bias first) for the pairs, with an L2 penalty `lambda` on the
 * feature weights (not the bias). */
export function fitLogistic(
  pairs: readonly LabelledPair[],
  lambda = 1,
  dimensions: number = PAIR_FEATURES.length,
): { bias: number; features: number[] } {
  const d = dimensions + 1;
  let w = new Array<number>(d).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const { x, duplicate } of pairs) {
      let z = w[0]!;
      for (let k = 1; k < d; k++) z += w[k]! * x[k - 1]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = p - (duplicate ? 1 : 0);
      const h = p * (1 - p);
      for (let i = 0; i < d; i++) {
        const xi = i === 0 ? 1 : x[i - 1]!;
        grad[i]! += err * xi;
        for (let j = 0; j < d; j++) hess[i]![j]! += h * xi * (j === 0 ? 1 : x[j - 1]!);
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i]! += lambda * w[i]!;
      hess[i]![i]! += lambda;
    }
    hess[0]![0]! += 1e-9;
    const step = solve(hess, grad);
    w = w.map((wi, i) => wi - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { bias: w[0]!, features: w.slice(1) };
}

/** Weights rounded for keeping in source (4 decimals), with the given cut-offs. */
export function roundedWeights(
  fit: { bias: number; features: readonly number[] },
  threshold: number,
  link: number,
): DuplicateWeights {
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return { bias: r(fit.bias), features: fit.features.map(r), threshold, link };
}
