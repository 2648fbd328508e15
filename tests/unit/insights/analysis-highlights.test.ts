/** The analysis as canvas marks: which flows each kind of handoff marks, which steps carry a
 * duplicate number, and which carry repeated items. */
import { describe, expect, it } from "vitest";
import { analysisHighlights, clusterNumbers } from "../../../src/domain/analysis/analysis-highlights";
import { analyseJourney, type JourneyAnalysis } from "../../../src/domain/analysis";
import type { DuplicateCluster } from "../../../src/domain/analysis/duplicates";
import type { Handoff } from "../../../src/domain/analysis/handoffs";
import type { RepeatedItem } from "../../../src/domain/analysis/repeated";
import { buildBereavementJourney } from "../../../src/domain/samples/bereavement";
import { BEREAVEMENT_HANDOFFS } from "../../../src/domain/samples/bereavement.answer";
import { at, buildJourney, type FlowSpec } from "../../helpers/journey-builder";

/** Lanes: citizen (cit), organisation A front (a) and back (a2), organisation B (b). */
function journeyWith(steps: ReturnType<typeof at>, flows: FlowSpec[]) {
  return buildJourney({
    lanes: [
      "cit",
      { id: "a", layer: "frontstage", actorId: "A" },
      { id: "a2", layer: "backstage", actorId: "A" },
      { id: "b", layer: "frontstage", actorId: "B" },
    ],
    stages: ["S1"],
    steps,
    flows,
  });
}

const marks = (flows: FlowSpec[], steps: ReturnType<typeof at>) =>
  Object.fromEntries(analysisHighlights(analyseJourney(journeyWith(steps, flows))).handoffOn);

describe("analysisHighlights: handoff flows", () => {
  it.each<[string, ReturnType<typeof at>, FlowSpec[], Record<string, string>]>([
    ["direct: the flow itself", [...at("a", "S1", "A1"), ...at("b", "S1", "B1")], ["A1>B1"], { "A1>B1": "direct" }],
    [
      "citizen-carried: every flow along the carried path",
      [...at("a", "S1", "A1"), ...at("cit", "S1", "c1", "c2"), ...at("b", "S1", "B1")],
      ["A1>c1", "c1>c2", "c2>B1"],
      { "A1>c1": "citizen-carried", "c1>c2": "citizen-carried", "c2>B1": "citizen-carried" },
    ],
    ["internal: the flow between two lanes", [...at("a", "S1", "A1"), ...at("a2", "S1", "A2")], ["A1>A2"], { "A1>A2": "internal" }],
    [
      "internal through citizen steps: the whole path",
      [...at("a", "S1", "A1"), ...at("cit", "S1", "c1"), ...at("a2", "S1", "A2")],
      ["A1>c1", "c1>A2"],
      { "A1>c1": "internal", "c1>A2": "internal" },
    ],
    [
      "no handoff: the same lane, and flows that lead nowhere, are unmarked",
      [...at("a", "S1", "A1", "A3"), ...at("cit", "S1", "c1", "c9")],
      ["A1>A3", "A3>c1", "c1>c9"],
      {},
    ],
    [
      "a flow shared by two handoffs shows the costliest kind",
      [...at("a", "S1", "A1"), ...at("cit", "S1", "c1"), ...at("a2", "S1", "A2"), ...at("b", "S1", "B1")],
      ["A1>c1", "c1>A2", "c1>B1"],
      { "A1>c1": "citizen-carried", "c1>A2": "internal", "c1>B1": "citizen-carried" },
    ],
  ])("%s", (_name, steps, flows, expected) => {
    expect(marks(flows, steps)).toEqual(expected);
  });

  it("marks every flow of the bereavement sample's known handoffs", () => {
    const journey = buildBereavementJourney();
    const { handoffOn } = analysisHighlights(analyseJourney(journey));
    const flowIds = new Set(journey.flows.map((f) => f.id));
    // Every direct handoff in the known answer marks the flow between its two steps.
    for (const h of BEREAVEMENT_HANDOFFS.filter((k) => k.kind === "direct")) {
      const direct = journey.flows.find((f) => f.from === h.from && f.to === h.to)!;
      expect(handoffOn.get(direct.id), `${h.from} → ${h.to}`).toBe("direct");
    }
    expect([...handoffOn.keys()].every((id) => flowIds.has(id))).toBe(true);
    expect([...handoffOn.values()]).toContain("citizen-carried");
  });
});

const handoff = (kind: Handoff["kind"], flowIds: string[]): Handoff => ({
  key: flowIds.join("|"),
  kind,
  fromStepId: "x",
  toStepId: "y",
  fromActorId: "A",
  toActorId: "B",
  viaStepIds: [],
  flowIds,
});
const cluster = (stepIds: string[], decision: DuplicateCluster["decision"] = null): DuplicateCluster => ({
  key: [...stepIds].sort().join(","),
  stepIds,
  sharedTerms: [],
  sharedItems: [],
  job: null,
  strength: 0.5,
  reason: "",
  decision,
});
const item = (label: string, stepIds: string[], firstStepId = stepIds[0]!): RepeatedItem => ({
  itemId: label,
  label,
  known: true,
  firstStepId,
  count: stepIds.length,
  repeated: stepIds.length > 1,
  stepIds,
  actorIds: [],
  organisationIds: [],
  asks: [],
});
const analysis = (parts: Partial<JourneyAnalysis>): JourneyAnalysis =>
  ({
    handoffs: [],
    repeated: [],
    duplicates: [],
    scorecard: {} as JourneyAnalysis["scorecard"],
    costs: { organisations: [], total: { yearlyCostGbp: 0, yearlyStaffHours: 0, costPerJourneyGbp: 0, staffMinutesPerJourney: 0 }, citizenStepsWithCost: [] },
    assumptionOnly: [],
    ...parts,
  });

describe("analysisHighlights: duplicates and repeated items", () => {
  it("numbers clusters in order and leaves dismissed clusters unmarked", () => {
    const duplicates = [cluster(["p", "q"]), cluster(["r", "s"], "dismissed"), cluster(["t", "u", "v"], "confirmed")];
    const { duplicateOf } = analysisHighlights(analysis({ duplicates }));
    expect(Object.fromEntries([...duplicateOf].map(([id, d]) => [id, d.cluster]))).toEqual({
      p: 0,
      q: 0,
      t: 1,
      u: 1,
      v: 1,
    });
    expect(duplicateOf.get("t")?.key).toBe("t,u,v");
    expect([...clusterNumbers(duplicates)]).toEqual([
      ["p,q", 0],
      ["t,u,v", 1],
    ]);
  });

  it("lists on each step the items it asks for again, not on the step that asks first, and nothing for items asked once", () => {
    const repeated = [item("Name", ["a", "b", "c"]), item("Date of birth", ["b", "c"]), item("Passport", ["a"])];
    const { repeatedAt } = analysisHighlights(analysis({ repeated }));
    expect(Object.fromEntries(repeatedAt)).toEqual({
      b: ["Name"],
      c: ["Name", "Date of birth"],
    });
  });

  it("marks the first ask of a repeated item with how many more times it is asked", () => {
    const repeated = [item("Name", ["a", "b", "c", "d"]), item("Date of birth", ["c", "b"], "b"), item("Passport", ["a"])];
    const { repeatedAt, firstAskedAt } = analysisHighlights(analysis({ repeated }));
    expect(Object.fromEntries(firstAskedAt ?? [])).toEqual({
      a: [{ label: "Name", more: 3 }],
      b: [{ label: "Date of birth", more: 1 }],
    });
    // The first ask follows firstStepId, not the order the steps are listed in.
    expect(repeatedAt.get("b")).toEqual(["Name"]);
    expect(repeatedAt.get("c")).toEqual(["Name", "Date of birth"]);
  });

  it("marks nothing for a journey without findings", () => {
    const h = analysisHighlights(analysis({ handoffs: [handoff("direct", [])] }));
    expect([h.handoffOn.size, h.duplicateOf.size, h.repeatedAt.size]).toEqual([0, 0, 0]);
  });
});
