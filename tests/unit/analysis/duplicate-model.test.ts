/**
 * The duplicate model's weights are learned, not written: training on the development journeys
 * must give the weights in src/domain/analysis/duplicate-weights.ts again, and the learning
 * itself must find evidence that separates labelled pairs.
 */
import { describe, expect, it } from "vitest";
import { DUPLICATE_WEIGHTS } from "../../../src/domain/analysis/duplicate-weights";
import { fitLogistic, type LabelledPair } from "../../../src/domain/analysis/learn";
import { indexJourney } from "../../../src/domain/analysis/context";
import {
  buildSimilarityModel,
  dot,
  PAIR_FEATURES,
  pairFeatures,
  similarity,
  wordingFloor,
} from "../../../src/domain/analysis/similarity";
import { journeyStepItems } from "../../../src/domain/analysis/step-items";
import { INDEPENDENT_DEVELOPMENT, TEAM_DEVELOPMENT } from "../../fixtures/analysis/sets";
import { trainDuplicateWeights } from "../../fixtures/analysis/train";

describe("the duplicate model", () => {
  it("is what training on the development journeys gives (run scripts/train-duplicates.ts --write after changing them)", () => {
    const { weights } = trainDuplicateWeights([...TEAM_DEVELOPMENT, ...INDEPENDENT_DEVELOPMENT]);
    expect(weights).toEqual(DUPLICATE_WEIGHTS);
    expect(DUPLICATE_WEIGHTS.features).toHaveLength(PAIR_FEATURES.length);
  });

  it("learns a positive weight for evidence that marks duplicates and a negative one for evidence against", () => {
    const x = (wording: number, other: number) => {
      const v = new Float64Array(PAIR_FEATURES.length);
      v[0] = wording;
      v[4] = other;
      return v;
    };
    const pairs: LabelledPair[] = [];
    for (let i = 0; i < 40; i++) {
      pairs.push({ x: x(0.6 + (i % 5) * 0.08, 0), duplicate: i % 7 !== 0 });
      pairs.push({ x: x((i % 5) * 0.08, 1), duplicate: i % 11 === 0 });
    }
    const fit = fitLogistic(pairs);
    expect(fit.features[0]).toBeGreaterThan(1);
    expect(fit.features[4]).toBeLessThan(0);
    expect(fit.features[2]).toBeCloseTo(0, 6);
  });

  it("bounds the wording a pair sharing no item needs, from the weights", () => {
    const floor = wordingFloor(DUPLICATE_WEIGHTS);
    expect(floor).toBeGreaterThan(0);
    expect(floor).toBeLessThan(1);
    const lenient = { ...DUPLICATE_WEIGHTS, bias: 100 };
    expect(wordingFloor(lenient)).toBe(0);
  });
});

describe("the strength of a pair", () => {
  it("is the logistic model over the evidence pairFeatures lists, for every pair of the labelled journeys", () => {
    let compared = 0;
    for (const { journey } of [...TEAM_DEVELOPMENT, ...INDEPENDENT_DEVELOPMENT]) {
      const model = buildSimilarityModel(indexJourney(journey), journeyStepItems(journey));
      const n = model.vectors.length;
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          const wording = dot(model.vectors[a]!.words, model.vectors[b]!.words);
          const x = pairFeatures(model, a, b, wording, new Float64Array(PAIR_FEATURES.length));
          let z = DUPLICATE_WEIGHTS.bias;
          x.forEach((xi, k) => (z += DUPLICATE_WEIGHTS.features[k]! * xi));
          expect(similarity(model, a, b)).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });
});
