import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { indexJourney } from "../../../src/domain/analysis/context";
import {
  clusterDuplicatePairs,
  duplicateClusterKey,
  findDuplicateClusters,
  findDuplicatePairs,
  naiveDuplicatePairs,
} from "../../../src/domain/analysis/duplicates";
import {
  buildSimilarityModel,
  COMMON_FEATURE_STEPS,
} from "../../../src/domain/analysis/similarity";
import { journeyStepItems } from "../../../src/domain/analysis/step-items";
import type { Journey } from "../../../src/domain/model";
import { generateJourney } from "../../helpers/generate-journey";
import { tiny } from "./journeys";
import { propertyParams } from "../../helpers/runs";

const clusterIds = (j: Journey) => findDuplicateClusters(j).map((c) => c.stepIds);

describe("findDuplicateClusters", () => {
  it("finds the same job in different words at different organisations", () => {
    const journey = tiny(
      [
        { id: "c1", lane: "cit", label: "Let HMRC know you have moved" },
        { id: "A1", lane: "a", label: "HMRC updates the record" },
        { id: "c2", lane: "cit", label: "Change the address for Child Benefit" },
        { id: "B1", lane: "b", label: "Child Benefit Office processes the change" },
        { id: "c3", lane: "cit", label: "Report your new address to DVLA" },
        { id: "C1", lane: "c", label: "DVLA posts a new licence" },
        { id: "c4", lane: "cit", label: "Pay the fee" },
      ],
      [
        ["c1", "A1"],
        ["c1", "c2"],
        ["c2", "B1"],
        ["c2", "c3"],
        ["c3", "C1"],
        ["c3", "c4"],
      ],
    );
    const clusters = findDuplicateClusters(journey);
    expect(clusters.map((c) => c.stepIds)).toContainEqual(["c1", "c2", "c3"]);
    const moved = clusters.find((c) => c.stepIds.includes("c1"))!;
    expect(moved.key).toBe("c1,c2,c3");
    expect(moved.sharedTerms).toEqual(expect.arrayContaining(["tell / update", "address / move"]));
    expect(moved.strength).toBeGreaterThan(0.3);
    expect(moved.strength).toBeLessThanOrEqual(1);
    expect(moved.reason).toMatch(/^3 steps/);
    expect(moved.decision).toBeNull();
  });

  it("finds identity checks however they are put", () => {
    const journey = tiny(
      [
        { id: "c1", lane: "cit", label: "Prove your identity", stage: "S1" },
        { id: "A1", lane: "a", label: "DWP decides the claim", stage: "S1" },
        { id: "B1", lane: "b", label: "Have your ID checked at the Post Office", stage: "S2" },
      ],
      [["c1", "A1"]],
      [
        ["S1", "Claim"],
        ["S2", "Verify"],
      ],
    );
    expect(clusterIds(journey)).toEqual([["c1", "B1"]]);
    const [cluster] = findDuplicateClusters(journey);
    expect(cluster!.job).toBe("prove / check identity");
    expect(cluster!.reason).toBe(
      "2 steps across Citizen and B do one job (prove / check identity) and use the same words (“prove / check”, “identity”).",
    );
  });

  it("uses shared data items to strengthen alike wording", () => {
    const steps = [
      { id: "A1", lane: "a", label: "Claim a grant online" },
      { id: "B1", lane: "b", label: "Claim the allowance" },
    ];
    const plain = findDuplicateClusters(tiny(steps, []));
    const items = findDuplicateClusters(
      tiny(
        steps.map((s) => ({ ...s, data: ["NINO", "Sort code and account number"] })),
        [],
      ),
    );
    expect(items[0]!.strength).toBeGreaterThan(plain[0]?.strength ?? 0);
    expect(items[0]!.sharedItems).toEqual(["National Insurance number", "Bank details"]);
  });

  it.each([
    ["different jobs on the same benefit", "Apply for PIP", "PIP decision letter sent"],
    ["unrelated steps", "Book an appointment", "Pay the fee"],
  ])("does not pair %s", (_name, x, y) => {
    const journey = tiny(
      [
        { id: "A1", lane: "a", label: x },
        { id: "B1", lane: "b", label: y },
      ],
      [],
    );
    expect(clusterIds(journey)).toEqual([]);
  });

  it("does not pair steps in the same place (lane and stage)", () => {
    const steps = [
      { id: "A1", lane: "a", label: "Check the applicant's identity" },
      { id: "A3", lane: "a", label: "Check the applicant's identity" },
    ];
    expect(clusterIds(tiny(steps, []))).toEqual([]);
    expect(clusterIds(tiny([steps[0]!, { ...steps[1]!, lane: "a2" }], []))).toEqual([["A1", "A3"]]);
  });

  it("does not pair the two sides of one contact", () => {
    const steps = [
      { id: "c1", lane: "cit", label: "Book an appointment to register the birth" },
      { id: "A1", lane: "a", label: "Registrar books the appointment to register the birth" },
    ];
    expect(clusterIds(tiny(steps, [["c1", "A1"]]))).toEqual([]);
    expect(clusterIds(tiny(steps, []))).toEqual([["c1", "A1"]]);
  });

  it("applies the user's decisions by cluster key", () => {
    const base = tiny(
      [
        { id: "A1", lane: "a", label: "Prove your identity" },
        { id: "B1", lane: "b", label: "Verify your ID" },
      ],
      [],
    );
    const key = duplicateClusterKey(["B1", "A1"]);
    expect(key).toBe("A1,B1");
    for (const decision of ["confirmed", "dismissed"] as const) {
      const journey = { ...base, duplicateDecisions: [{ key, decision }] };
      expect(findDuplicateClusters(journey)[0]!.decision).toBe(decision);
    }
  });

  it("gives the same answer every time", () => {
    const journey = generateJourney({ steps: 300, seed: 5 });
    expect(findDuplicateClusters(journey)).toEqual(findDuplicateClusters(journey));
  });
});

describe("the indexed search agrees with the all-pairs scan", () => {
  const viaIndex = (j: Journey) => {
    const ix = indexJourney(j);
    const items = journeyStepItems(j);
    const model = buildSimilarityModel(ix, items);
    return { ix, items, model, pairs: findDuplicatePairs(model) };
  };

  test.prop(
    [fc.integer({ min: 2, max: 90 }), fc.integer({ min: 1, max: 1_000_000 })],
    propertyParams(null, 40),
  )("on small generated journeys (%i steps, seed %i)", (steps, seed) => {
    const journey = generateJourney({ steps, seed, lanes: 6, stages: 3 });
    const { ix, items, model, pairs } = viaIndex(journey);
    const naive = naiveDuplicatePairs(journey);
    expect(pairs).toEqual(naive);
    expect(clusterDuplicatePairs(ix, model, items, pairs)).toEqual(
      clusterDuplicatePairs(ix, model, items, naive),
    );
  });

  it("closely on a large journey, where words used by very many steps are not indexed", () => {
    const journey = generateJourney({ steps: 1000, seed: 11 });
    const { model, pairs } = viaIndex(journey);
    expect(Math.max(...model.documentFrequency)).toBeGreaterThan(COMMON_FEATURE_STEPS);
    const indexed = new Set(pairs.map((p) => `${p.a}|${p.b}`));
    const naive = naiveDuplicatePairs(journey).map((p) => `${p.a}|${p.b}`);
    const both = naive.filter((p) => indexed.has(p)).length;
    expect(both / (indexed.size + naive.length - both)).toBeGreaterThan(0.9);
  });
});
