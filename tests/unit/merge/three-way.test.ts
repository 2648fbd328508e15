import { describe, expect, it } from "vitest";
import { removeSteps, updateJourneyDetails, updateStep, renameStage, moveStage, addStep, newStep, removeLane } from "../../../src/domain/journey";
import { threeWayMerge } from "../../../src/domain/merge/three-way";
import type { Journey } from "../../../src/domain/model";
import { at, frozenJourney, stepOf } from "../../helpers/journey-builder";

const base = () =>
  frozenJourney({
    lanes: ["L1", { id: "L2", layer: "frontstage", actorId: "dwp" }],
    stages: ["S1", "S2", "S3"],
    steps: [...at("L1", "S1", "a", "b", "e"), ...at("L2", "S2", "c", "d")],
    flows: ["a>b", "b>c"],
  });

const ids = (j: Journey, list: "stages" | "steps" | "flows" | "lanes") => j[list].map((r) => r.id).sort();

describe("threeWayMerge", () => {
  it("takes changes each side made to different records", () => {
    const b = base();
    const ours = updateStep(b, "a", { label: "Ours" });
    const theirs = renameStage(updateStep(b, "c", { label: "Theirs" }), "S2", "Claim");
    const result = threeWayMerge(b, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(stepOf(result.journey, "a").label).toBe("Ours");
    expect(stepOf(result.journey, "c").label).toBe("Theirs");
    expect(result.journey.stages[1]!.name).toBe("Claim");
    expect(result.taken.map((c) => c.changeId)).toEqual(["stage:name:S2", "step:label:c"]);
  });

  it("takes changes each side made to different fields of one record", () => {
    const b = base();
    const ours = updateStep(b, "a", { label: "Ours" });
    const theirs = updateStep(b, "a", { notes: "Theirs", emotion: -2 });
    const result = threeWayMerge(b, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(stepOf(result.journey, "a")).toMatchObject({ label: "Ours", notes: "Theirs", emotion: -2 });
  });

  it("is not a conflict when both sides made the same change", () => {
    const b = base();
    const ours = updateJourneyDetails(updateStep(b, "a", { label: "Same" }), { title: "T" });
    const theirs = updateJourneyDetails(updateStep(b, "a", { label: "Same" }), { title: "T" });
    const result = threeWayMerge(b, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.taken).toEqual([]);
    expect(result.journey).toBe(ours);
  });

  it("reports both sides changing one field differently, keeping ours unless told", () => {
    const b = base();
    const ours = updateStep(b, "a", { label: "Ours" });
    const theirs = updateStep(b, "a", { label: "Theirs" });
    const result = threeWayMerge(b, ours, theirs);
    expect(result.conflicts).toEqual([
      { conflictId: "step:label:a", type: "edit", kind: "step", id: "a", field: "label", base: "a", ours: "Ours", theirs: "Theirs" },
    ]);
    expect(stepOf(result.journey, "a").label).toBe("Ours");
    const chosen = threeWayMerge(b, ours, theirs, { resolutions: new Map([["step:label:a", "theirs"]]) });
    expect(stepOf(chosen.journey, "a").label).toBe("Theirs");
  });

  it("reports a journey detail both sides changed", () => {
    const b = base();
    const result = threeWayMerge(b, updateJourneyDetails(b, { title: "Mine" }), updateJourneyDetails(b, { title: "Yours" }));
    expect(result.conflicts.map((c) => c.conflictId)).toEqual(["journey:title:journey"]);
  });

  it("reports a step we changed and they deleted; theirs deletes it", () => {
    const b = base();
    const ours = updateStep(b, "e", { label: "Kept by us" });
    const theirs = removeSteps(b, ["e"]);
    const result = threeWayMerge(b, ours, theirs);
    expect(result.conflicts).toMatchObject([{ conflictId: "step:-:e", type: "delete", ours: { label: "Kept by us" }, theirs: null }]);
    expect(ids(result.journey, "steps")).toContain("e");
    const deleted = threeWayMerge(b, ours, theirs, { resolutions: new Map([["step:-:e", "theirs"]]) });
    expect(ids(deleted.journey, "steps")).not.toContain("e");
  });

  it("reports a step we deleted and they changed; theirs brings it back as they have it", () => {
    const b = base();
    const ours = removeSteps(b, ["e"]);
    const theirs = updateStep(b, "e", { label: "Changed by them", notes: "n" });
    const result = threeWayMerge(b, ours, theirs);
    expect(result.conflicts).toMatchObject([{ conflictId: "step:-:e", type: "delete", ours: null, theirs: { label: "Changed by them" } }]);
    expect(result.conflicts).toHaveLength(1);
    expect(ids(result.journey, "steps")).not.toContain("e");
    const back = threeWayMerge(b, ours, theirs, { resolutions: new Map([["step:-:e", "theirs"]]) });
    expect(stepOf(back.journey, "e")).toMatchObject({ label: "Changed by them", notes: "n" });
  });

  it("takes a deletion the other side did not touch", () => {
    const b = base();
    const ours = updateStep(b, "a", { label: "x" });
    const theirs = removeSteps(b, ["d"]);
    const result = threeWayMerge(b, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(ids(result.journey, "steps")).toEqual(["a", "b", "c", "e"]);
  });

  it("does not clash over orders renumbered when each side deleted a different step of one cell", () => {
    const b = base();
    const ours = removeSteps(b, ["a"]);
    const theirs = removeSteps(b, ["b"]);
    const result = threeWayMerge(b, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(ids(result.journey, "steps")).toEqual(["c", "d", "e"]);
    // both removed flows a>b; theirs also removed b>c with b
    expect(ids(result.journey, "flows")).toEqual([]);
  });

  it("gives a step moved to another cell by them their order there", () => {
    const b = base();
    const ours = removeSteps(b, ["a"]); // renumbers b and e in L1/S1
    let theirs = addStep(b, newStep("z", "L2", "S3"));
    theirs = { ...theirs, steps: theirs.steps.map((s) => (s.id === "e" ? { ...s, laneId: "L2", stageId: "S3", order: 5 } : s)) };
    const result = threeWayMerge(b, ours, theirs);
    expect(result.conflicts).toEqual([]);
    expect(stepOf(result.journey, "e")).toMatchObject({ laneId: "L2", stageId: "S3", order: 5 });
  });

  it("keeps a lane they deleted while our new step is in it, and says so", () => {
    const b = base();
    const ours = addStep(b, newStep("n", "L2", "S1"));
    const theirs = removeLane(b, "L2", { kind: "delete-steps" });
    const result = threeWayMerge(b, ours, theirs);
    expect(ids(result.journey, "lanes")).toEqual(["L1", "L2"]);
    expect(ids(result.journey, "steps")).toEqual(["a", "b", "e", "n"]);
    expect(result.adjustments).toContainEqual({ kind: "lane", id: "L2", action: "kept", by: { kind: "step", id: "n" }, reason: "used" });
  });

  it("reports stages both sides moved to different places, and agrees when they match", () => {
    const b = frozenJourney({ lanes: ["L1"], stages: ["S1", "S2", "S3", "S4"] });
    const ours = moveStage(b, "S4", 0);
    const theirs = moveStage(b, "S4", 1);
    const result = threeWayMerge(b, ours, theirs);
    expect(result.conflicts.map((c) => c.conflictId)).toEqual(["stage:position:S4"]);
    expect(result.journey.stages.map((s) => s.id)).toEqual(["S4", "S1", "S2", "S3"]);
    const chosen = threeWayMerge(b, ours, theirs, { resolutions: new Map([["stage:position:S4", "theirs"]]) });
    expect(chosen.journey.stages.map((s) => s.id)).toEqual(["S1", "S4", "S2", "S3"]);
    expect(threeWayMerge(b, ours, moveStage(b, "S4", 0)).conflicts).toEqual([]);
  });

  it("leaves out changes taken automatically that the user skipped", () => {
    const b = base();
    const theirs = updateStep(updateStep(b, "a", { label: "A" }), "c", { label: "C" });
    const result = threeWayMerge(b, b, theirs, { skip: new Set(["step:label:c"]) });
    expect(stepOf(result.journey, "a").label).toBe("A");
    expect(stepOf(result.journey, "c").label).toBe("c");
    expect(result.taken).toHaveLength(2);
  });

  it("reports records both sides added under one id with different values", () => {
    const b = base();
    const ours = addStep(b, newStep("n", "L1", "S3", { label: "Ours" }));
    const theirs = addStep(b, newStep("n", "L1", "S3", { label: "Theirs" }));
    const result = threeWayMerge(b, ours, theirs);
    expect(result.conflicts).toMatchObject([{ conflictId: "step:label:n", type: "edit", base: null, ours: "Ours", theirs: "Theirs" }]);
  });
});
