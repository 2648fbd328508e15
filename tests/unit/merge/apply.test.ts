import { describe, expect, it } from "vitest";
import { applyChanges, placeRecords } from "../../../src/domain/merge/apply";
import { COLLECTION_OF } from "../../../src/domain/merge/changes";
import { diffJourneys } from "../../../src/domain/merge/diff";
import type { Journey } from "../../../src/domain/model";
import { at, buildJourney, frozenJourney, stepOf } from "../../helpers/journey-builder";

const ours = () =>
  frozenJourney({
    lanes: ["L1", { id: "L2", layer: "frontstage", actorId: "dwp" }],
    stages: ["S1", "S2", "S3"],
    steps: [...at("L1", "S1", "a", "b"), ...at("L2", "S2", "c")],
    flows: ["a>b", "b>c"],
  });

/** Their copy: a renamed, its data items set; c removed with its flow; d added in a new stage S4;
 * S3 moved first; the title changed. */
function theirs(): Journey {
  const j = ours();
  const d = { ...stepOf(j, "a"), id: "d", stageId: "S4", label: "New step", order: 0 };
  return {
    ...j,
    title: "Their title",
    stages: [j.stages[2]!, j.stages[0]!, j.stages[1]!, { id: "S4", name: "Appeal" }],
    steps: [
      { ...stepOf(j, "a"), label: "Apply", dataItems: ["name"] },
      stepOf(j, "b"),
      d,
    ],
    flows: [j.flows[0]!],
  };
}

const ids = (j: Journey, list: "stages" | "steps" | "flows" | "lanes") => j[list].map((r) => r.id);

describe("applyChanges (two-way)", () => {
  it("taking every change gives their copy", () => {
    const a = ours();
    const b = theirs();
    const all = diffJourneys(a, b).map((c) => c.changeId);
    const { journey, adjustments } = applyChanges(a, b, all);
    expect(adjustments).toEqual([]);
    expect({ ...journey, id: b.id, createdAt: b.createdAt, updatedAt: b.updatedAt }).toEqual(b);
    expect(diffJourneys(journey, b)).toEqual([]);
  });

  it("taking nothing gives back our journey itself", () => {
    const a = ours();
    expect(applyChanges(a, theirs(), []).journey).toBe(a);
    expect(applyChanges(a, theirs(), ["no:such:change"]).journey).toBe(a);
  });

  it("takes only the chosen fields of a changed step", () => {
    const a = ours();
    const { journey } = applyChanges(a, theirs(), ["step:label:a"]);
    expect(stepOf(journey, "a")).toMatchObject({ label: "Apply", dataItems: [] });
    expect(journey.title).toBe(a.title);
    expect(ids(journey, "steps")).toEqual(["a", "b", "c"]);
  });

  it("keeps references of everything it did not touch", () => {
    const a = ours();
    const { journey } = applyChanges(a, theirs(), ["step:label:a"]);
    expect(journey).not.toBe(a);
    expect(journey.steps[1]).toBe(a.steps[1]);
    expect(journey.steps[2]).toBe(a.steps[2]);
    expect(journey.lanes).toBe(a.lanes);
    expect(journey.stages).toBe(a.stages);
    expect(journey.flows).toBe(a.flows);
    expect(journey.actors).toBe(a.actors);
  });

  it("takes a moved stage to where their copy has it", () => {
    const { journey } = applyChanges(ours(), theirs(), ["stage:position:S3"]);
    expect(ids(journey, "stages")).toEqual(["S3", "S1", "S2"]);
  });

  it("takes a removal with the flows the user also chose", () => {
    const { journey, adjustments } = applyChanges(ours(), theirs(), ["step:-:c", "flow:-:b>c"]);
    expect(ids(journey, "steps")).toEqual(["a", "b"]);
    expect(ids(journey, "flows")).toEqual(["a>b"]);
    expect(adjustments).toEqual([]);
  });

  it("holds back a removal while a kept flow still uses the step, and says so", () => {
    const { journey, adjustments } = applyChanges(ours(), theirs(), ["step:-:c"]);
    expect(ids(journey, "steps")).toEqual(["a", "b", "c"]);
    expect(adjustments).toEqual([{ kind: "step", id: "c", action: "kept", by: { kind: "flow", id: "b>c" }, reason: "used" }]);
  });

  it("brings the new stage a chosen new step needs, and says so", () => {
    const { journey, adjustments } = applyChanges(ours(), theirs(), ["step:+:d"]);
    expect(ids(journey, "steps").sort()).toEqual(["a", "b", "c", "d"]);
    // Placed after the stage that comes before it in their copy.
    expect(ids(journey, "stages")).toEqual(["S1", "S2", "S4", "S3"]);
    expect(adjustments).toEqual([{ kind: "stage", id: "S4", action: "added", by: { kind: "step", id: "d" }, reason: "used" }]);
  });

  it("takes the journey's details", () => {
    const a = ours();
    const { journey } = applyChanges(a, theirs(), ["journey:title:journey"]);
    expect(journey.title).toBe("Their title");
    expect(journey.steps).toBe(a.steps);
  });

  it("drops a flow that would repeat another's pair of steps", () => {
    const a = buildJourney({ lanes: ["L1"], stages: ["S1"], steps: at("L1", "S1", "a", "b"), flows: [{ id: "f1", from: "a", to: "b" }] });
    const b = { ...a, flows: [{ id: "f2", from: "a", to: "b", label: "", dataShare: true }] };
    const { journey, adjustments } = applyChanges(a, b, ["flow:+:f2"]);
    expect(ids(journey, "flows")).toEqual(["f1"]);
    expect(adjustments).toEqual([{ kind: "flow", id: "f2", action: "dropped", by: null, reason: "repeated-flow" }]);
  });
});

describe("placeRecords", () => {
  const stages = COLLECTION_OF.stage;
  const rec = (id: string) => ({ id, name: id });
  it.each([
    [["A", "B"], ["x"], ["x", "A", "B"], ["x", "A", "B"]],
    [["A", "B"], ["x"], ["A", "x", "B"], ["A", "x", "B"]],
    [["A", "B"], ["x", "y"], ["A", "B", "x", "y"], ["A", "B", "x", "y"]],
    [["A", "B"], ["x", "y"], ["x", "A", "y", "B"], ["x", "A", "y", "B"]],
    [["A", "B"], ["x"], [], ["A", "B", "x"]],
  ])("kept %j, placing %j as in %j gives %j", (kept, placing, order, expected) => {
    const out = placeRecords(kept.map(rec), new Map(placing.map((id) => [id, rec(id)])), order, stages);
    expect(out.map((r) => r.id)).toEqual(expected);
  });
});
