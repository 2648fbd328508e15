/**
 * Finding the pairs of steps alike enough to be duplicates, without comparing every step with
 * every other: an inverted index over each step's rarer features with a prefix filter, and an
 * honest all-pairs scan as the reference it must agree with.
 */
import type { Journey } from "../model";
import { indexJourney } from "./context";
import {
  buildSimilarityModel,
  COMMON_FEATURE_STEPS,
  mayDuplicate,
  similarity,
  strongestPossible,
  wordingFloor,
  type SimilarityModel,
} from "./similarity";
import { journeyStepItems } from "./step-items";

/** Strengths this close are the same strength (many steps with the same words score the same,
 * give or take the rounding of their sums). */
const TIE = 1e-9;

/** Why a candidate is compared whatever its wording (bits of `sharesItem`). */
const SHARES_ITEM = 1;
const JOINED = 2;

/** A pair is kept when each step is among the other's strongest this-many partners (mutual
 * nearest neighbours): a step alike to hundreds of others still joins their cluster, through a
 * bounded number of pairs, and weak links do not chain unrelated clusters together. */
export const DUPLICATE_NEIGHBOURS = 10;

/** Two steps alike enough to be suggested as duplicates (positions in `journey.steps`, a < b). */
export interface DuplicatePair {
  a: number;
  b: number;
  strength: number;
}

/** The strongest partners of each step, strongest first (ties: lower position first). */
class Strongest {
  private readonly partner: Int32Array;
  private readonly strength: Float64Array;
  private readonly count: Int32Array;
  constructor(private readonly n: number) {
    this.partner = new Int32Array(n * DUPLICATE_NEIGHBOURS);
    this.strength = new Float64Array(n * DUPLICATE_NEIGHBOURS);
    this.count = new Int32Array(n);
  }

  /** Whether the partner in slot `at` is weaker than partner j at strength s: strengths within
   * TIE of each other are equal, and then the lower position wins. (A method, not a closure in
   * `offer`: a closure over the strength would allocate on every offer.) */
  private weaker(at: number, j: number, s: number): boolean {
    const d = this.strength[at]! - s;
    return d < -TIE || (d <= TIE && this.partner[at]! > j);
  }

  offer(i: number, j: number, s: number): void {
    const base = i * DUPLICATE_NEIGHBOURS;
    let c = this.count[i]!;
    if (c === DUPLICATE_NEIGHBOURS && !this.weaker(base + c - 1, j, s)) return;
    if (c < DUPLICATE_NEIGHBOURS) this.count[i] = ++c;
    let k = c - 1;
    while (k > 0 && this.weaker(base + k - 1, j, s)) {
      this.partner[base + k] = this.partner[base + k - 1]!;
      this.strength[base + k] = this.strength[base + k - 1]!;
      k--;
    }
    this.partner[base + k] = j;
    this.strength[base + k] = s;
  }

  /** Whether partner j at this strength could still be among step i's strongest. */
  wants(i: number, j: number, s: number): boolean {
    const c = this.count[i]!;
    return c < DUPLICATE_NEIGHBOURS || this.weaker(i * DUPLICATE_NEIGHBOURS + c - 1, j, s);
  }

  add(a: number, b: number, s: number): void {
    this.offer(a, b, s);
    this.offer(b, a, s);
  }

  private has(i: number, j: number): boolean {
    for (let k = 0; k < this.count[i]!; k++)
      if (this.partner[i * DUPLICATE_NEIGHBOURS + k] === j) return true;
    return false;
  }

  /** Every pair kept by both of its steps (mutual strongest partners), ordered by position. */
  pairs(): DuplicatePair[] {
    const out: DuplicatePair[] = [];
    for (let i = 0; i < this.n; i++) {
      for (let k = 0; k < this.count[i]!; k++) {
        const j = this.partner[i * DUPLICATE_NEIGHBOURS + k]!;
        if (i < j && this.has(j, i)) {
          out.push({ a: i, b: j, strength: this.strength[i * DUPLICATE_NEIGHBOURS + k]! });
        }
      }
    }
    return out.sort((p, q) => p.a - q.a || p.b - q.b);
  }
}

/** Pairs of steps alike enough to be duplicates, found through inverted indexes: each step's
 * rarer wording features and its data items are indexed, and only steps sharing one are
 * compared. The prefix filter finds exactly the pairs an all-pairs scan finds, as long as no
 * word or item is used by more than COMMON_FEATURE_STEPS steps; such features are never
 * indexed (document-frequency pruning). */
export function findDuplicatePairs(
  model: SimilarityModel,
  threshold = model.weights.threshold,
): DuplicatePair[] {
  const floorCosine = wordingFloor(model.weights, threshold);
  // Any cosine could make a pair, so the wording index would miss some: compare every pair.
  if (floorCosine <= 0) return scanAllPairs(model, threshold);
  const n = model.vectors.length;
  const floor = floorCosine - 1e-9;
  const maxWeight = new Float64Array(model.featureNames.length);
  for (const { words } of model.vectors) {
    for (let k = 0; k < words.features.length; k++) {
      const f = words.features[k]!;
      maxWeight[f] = Math.max(maxWeight[f]!, words.weights[k]!);
    }
  }
  // Each step's unindexed prefix is known before the search: its most frequent features, whose
  // best possible share of a cosine (by weight × the feature's largest weight, and by
  // Cauchy–Schwarz) stays under the wording floor, cannot make a pair on their own, and words
  // used by more than COMMON_FEATURE_STEPS steps are never indexed. The rest of its features are
  // indexed, in one flat inverted index (each feature's steps in step order): no array per
  // feature to allocate and grow.
  const { offsets, features: flatFeatures, weights: flatWeights } = model.wording;
  const prefixEnd = new Int32Array(n);
  // The most the unindexed prefix of each step can add to a cosine (the same two bounds).
  const prefixBound = new Float64Array(n);
  const postingStart = new Int32Array(maxWeight.length + 1);
  for (let xi = 0; xi < n; xi++) {
    const start = offsets[xi]!;
    const end = offsets[xi + 1]!;
    let byMax = 0;
    let squares = 0;
    let prefix = start;
    for (let k = start; k < end; k++) {
      const f = flatFeatures[k]!;
      const w = flatWeights[k]!;
      byMax += w * maxWeight[f]!;
      squares += w * w;
      const bound = Math.min(byMax, Math.sqrt(squares));
      if (bound < floor || model.documentFrequency[f]! > COMMON_FEATURE_STEPS) {
        prefix = k + 1;
        prefixBound[xi] = bound;
      } else postingStart[f + 1]!++;
    }
    prefixEnd[xi] = prefix;
  }
  for (let f = 0; f < maxWeight.length; f++) postingStart[f + 1]! += postingStart[f]!;
  const postingStep = new Int32Array(postingStart[maxWeight.length]!);
  const postingWeight = new Float64Array(postingStart[maxWeight.length]!);
  // Steps indexed so far under each feature: the probe of step x sees only earlier steps.
  const postingCount = new Int32Array(maxWeight.length);
  // Data items are indexed too (all of them but the very common): a pair that asks for the same
  // thing is compared whatever its wording.
  const itemStart = new Int32Array(maxWeight.length + 1);
  for (const { items } of model.vectors) {
    for (let k = 0; k < items.features.length; k++) {
      const f = items.features[k]!;
      if (model.documentFrequency[f]! <= COMMON_FEATURE_STEPS) itemStart[f + 1]!++;
    }
  }
  for (let f = 0; f < maxWeight.length; f++) itemStart[f + 1]! += itemStart[f]!;
  const itemStep = new Int32Array(itemStart[maxWeight.length]!);
  const itemCount = new Int32Array(maxWeight.length);
  const partial = new Float64Array(n);
  // Whether a candidate shares an item with x or is joined to it: compared whatever its wording.
  const sharesItem = new Uint8Array(n);
  // The step being probed, as a dense vector, to add the unindexed part of each cosine.
  const dense = new Float64Array(maxWeight.length);
  const seen = new Int32Array(n).fill(-1);
  const candidates = new Int32Array(n);
  const strongest = new Strongest(n);
  for (let xi = 0; xi < n; xi++) {
    const xStart = offsets[xi]!;
    const xEnd = offsets[xi + 1]!;
    // Probe: earlier steps indexed under one of x's features, with their partial cosine.
    let found = 0;
    for (let k = xStart; k < xEnd; k++) {
      const f = flatFeatures[k]!;
      const wx = flatWeights[k]!;
      const from = postingStart[f]!;
      const to = from + postingCount[f]!;
      for (let p = from; p < to; p++) {
        const y = postingStep[p]!;
        if (seen[y] !== xi) {
          seen[y] = xi;
          partial[y] = 0;
          sharesItem[y] = 0;
          candidates[found++] = y;
        }
        partial[y]! += wx * postingWeight[p]!;
      }
    }
    const xItems = model.vectors[xi]!.items.features;
    for (let k = 0; k < xItems.length; k++) {
      const f = xItems[k]!;
      for (let p = itemStart[f]!, to = itemStart[f]! + itemCount[f]!; p < to; p++) {
        const y = itemStep[p]!;
        if (seen[y] !== xi) {
          seen[y] = xi;
          partial[y] = 0;
          candidates[found++] = y;
        }
        sharesItem[y]! |= SHARES_ITEM;
      }
    }
    // Steps joined to x by a flow are always compared (a flow is evidence of its own).
    for (const y of model.linkedTo[xi]!) {
      if (y >= xi) continue;
      if (seen[y] !== xi) {
        seen[y] = xi;
        partial[y] = 0;
        candidates[found++] = y;
      }
      sharesItem[y]! |= JOINED;
    }
    for (let k = xStart; k < xEnd; k++) dense[flatFeatures[k]!] = flatWeights[k]!;
    for (let c = 0; c < found; c++) {
      const y = candidates[c]!;
      // Steps in one place are never duplicates, and a pair that shares no item and whose
      // prefix cannot lift it to the floor is not worth adding up.
      if (model.place[y] === model.place[xi]) continue;
      if (sharesItem[y] === 0 && partial[y]! + prefixBound[y]! < floor) continue;
      // The wording cosine: the indexed part found by probing, plus the unindexed prefix.
      let cosine = partial[y]!;
      for (let k = offsets[y]!, end = prefixEnd[y]!; k < end; k++)
        cosine += flatWeights[k]! * dense[flatFeatures[k]!]!;
      if (sharesItem[y] === 0 && cosine < floor) continue;
      // The most this pair could score: skip it if neither step could keep that.
      const most = strongestPossible(model, y, xi, cosine);
      if (most < threshold || (!strongest.wants(xi, y, most) && !strongest.wants(y, xi, most))) {
        continue;
      }
      if (!mayDuplicate(model, y, xi)) continue;
      // The same arithmetic as the all-pairs scan (the cosine merged as it merges it), so both
      // agree to the last bit; the pair is kept by either step that wants it.
      const s = similarity(model, y, xi);
      if (s >= threshold) strongest.add(y, xi, s);
    }
    for (let k = xStart; k < xEnd; k++) dense[flatFeatures[k]!] = 0;
    // Index x under the features past its prefix, and under its items.
    for (let k = prefixEnd[xi]!; k < xEnd; k++) {
      const f = flatFeatures[k]!;
      const at = postingStart[f]! + postingCount[f]!++;
      postingStep[at] = xi;
      postingWeight[at] = flatWeights[k]!;
    }
    for (let k = 0; k < xItems.length; k++) {
      const f = xItems[k]!;
      if (model.documentFrequency[f]! <= COMMON_FEATURE_STEPS) {
        itemStep[itemStart[f]! + itemCount[f]!++] = xi;
      }
    }
  }
  return strongest.pairs();
}

/** The same pairs by comparing every step with every other: the honest reference for tests and
 * the benchmark. Quadratic; do not use on large journeys. */
export function naiveDuplicatePairs(journey: Journey, threshold?: number): DuplicatePair[] {
  const ix = indexJourney(journey);
  const model = buildSimilarityModel(ix, journeyStepItems(journey));
  return scanAllPairs(model, threshold ?? model.weights.threshold);
}

function scanAllPairs(model: SimilarityModel, threshold: number): DuplicatePair[] {
  const n = model.vectors.length;
  const strongest = new Strongest(n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (!mayDuplicate(model, a, b)) continue;
      const s = similarity(model, a, b);
      if (s >= threshold) strongest.add(a, b, s);
    }
  }
  return strongest.pairs();
}
