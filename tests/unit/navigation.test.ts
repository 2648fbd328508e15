import { describe, expect, it } from "vitest";
import { blueprintLayout } from "../../src/domain/layout";
import {
  currentStep,
  firstStep,
  flowOrder,
  nearestStep,
  neighbourCell,
  placeForNewStep,
  stepSelection,
  type Direction,
} from "../../src/domain/navigation";
import type { Journey } from "../../src/domain/model";
import { at, frozenJourney, lane } from "../helpers/journey-builder";

/**
 * Lanes are given out of display order (B before C and F).
 *
 *            S1        S2      S3
 * C citizen  a b       g
 * F front    c                 h
 * B back               d e
 */
function sample(): Journey {
  return frozenJourney({
    lanes: [lane("B", "backstage"), lane("C", "citizen"), lane("F", "frontstage")],
    stages: ["S1", "S2", "S3"],
    steps: [...at("B", "S2", "d", "e"), ...at("C", "S1", "a", "b"), ...at("C", "S2", "g"), ...at("F", "S1", "c"), ...at("F", "S3", "h")],
  });
}

describe("nearestStep", () => {
  const layout = blueprintLayout(sample());
  it.each<[string, Direction, string | null]>([
    ["a", "right", "b"],
    ["b", "right", "g"],
    ["b", "left", "a"],
    ["a", "left", null],
    ["a", "up", null],
    ["a", "down", "c"],
    ["c", "up", "a"],
    ["g", "down", "d"],
    ["d", "right", "e"],
    ["e", "up", "g"],
    // A nearer card in the next lane beats one far along the same lane.
    ["c", "right", "b"],
    ["h", "left", "e"],
    ["h", "right", null],
  ])("from %s going %s is %s", (from, direction, expected) => {
    expect(nearestStep(layout, from, direction)).toBe(expected);
  });

  it("is null from a step that is not drawn", () => {
    expect(nearestStep(layout, "nope", "right")).toBeNull();
  });
});

describe("neighbourCell", () => {
  it.each<[string, Direction, { laneId: string; stageId: string } | null]>([
    ["a", "right", { laneId: "C", stageId: "S2" }],
    ["a", "left", null],
    ["g", "left", { laneId: "C", stageId: "S1" }],
    // Lanes go in display order (citizen, frontstage, backstage), not in the order listed.
    ["a", "down", { laneId: "F", stageId: "S1" }],
    ["c", "down", { laneId: "B", stageId: "S1" }],
    ["d", "up", { laneId: "F", stageId: "S2" }],
    ["a", "up", null],
    ["d", "down", null],
    ["h", "right", null],
  ])("moves %s %s to %o", (id, direction, expected) => {
    const cell = neighbourCell(sample(), id, direction);
    expect(cell && { laneId: cell.laneId, stageId: cell.stageId }).toEqual(expected);
    if (cell) expect(cell.index).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("is null for a missing step", () => {
    expect(neighbourCell(sample(), "nope", "right")).toBeNull();
  });
});

describe("currentStep and stepSelection", () => {
  it("takes the step added to the selection last as current", () => {
    expect(currentStep([])).toBeUndefined();
    expect(currentStep(["a"])).toBe("a");
    expect(currentStep(["a", "b", "c"])).toBe("c");
  });

  it.each<[string[], string, boolean, string[]]>([
    [[], "a", false, ["a"]],
    [["a"], "b", false, ["b"]],
    [["a", "b"], "c", false, ["c"]],
    [[], "a", true, ["a"]],
    [["a"], "b", true, ["a", "b"]],
    [["a", "b"], "c", true, ["a", "b", "c"]],
    // Going back onto a step already selected keeps it, and makes it current again.
    [["a", "b"], "a", true, ["b", "a"]],
  ])("from %o to %s (extend: %s) gives %o", (selection, next, extend, expected) => {
    expect(stepSelection(selection, next, extend)).toEqual(expected);
  });
});

describe("flowOrder", () => {
  it.each<[string, string, [string, string] | null]>([
    ["a", "g", ["a", "g"]],
    ["g", "a", ["a", "g"]],
    ["b", "a", ["a", "b"]],
    ["a", "b", ["a", "b"]],
    ["h", "d", ["d", "h"]],
    ["a", "nope", null],
  ])("connects %s and %s as %o", (a, b, expected) => {
    expect(flowOrder(sample(), a, b)).toEqual(expected);
  });
});

describe("firstStep", () => {
  it("is the top step of the earliest stage", () => {
    expect(firstStep(blueprintLayout(sample()))).toBe("a");
  });

  it("is null in an empty blueprint", () => {
    expect(firstStep(blueprintLayout(frozenJourney({ lanes: [lane("C")], stages: ["S1"] })))).toBeNull();
  });
});

describe("placeForNewStep", () => {
  it("goes straight after the step in its cell", () => {
    expect(placeForNewStep(sample(), "a")).toEqual({ laneId: "C", stageId: "S1", index: 1 });
    expect(placeForNewStep(sample(), "b")).toEqual({ laneId: "C", stageId: "S1", index: 2 });
    expect(placeForNewStep(sample(), "e")).toEqual({ laneId: "B", stageId: "S2", index: 2 });
  });

  it("goes by the cell's order, whatever numbers the orders are", () => {
    const j = frozenJourney({
      lanes: [lane("C")],
      stages: ["S1"],
      steps: [
        { id: "x", laneId: "C", stageId: "S1", order: 10 },
        { id: "y", laneId: "C", stageId: "S1", order: 40 },
      ],
    });
    expect(placeForNewStep(j, "x")).toEqual({ laneId: "C", stageId: "S1", index: 1 });
  });

  it("goes at the end of the top lane's first stage with no step to go next to", () => {
    expect(placeForNewStep(sample(), undefined)).toEqual({ laneId: "C", stageId: "S1", index: undefined });
    expect(placeForNewStep(sample(), "gone")).toEqual({ laneId: "C", stageId: "S1", index: undefined });
  });

  it("has nowhere to go without a lane or a stage", () => {
    expect(placeForNewStep(frozenJourney({ lanes: [], stages: ["S1"] }), undefined)).toBeNull();
    expect(placeForNewStep(frozenJourney({ lanes: [lane("C")], stages: [] }), undefined)).toBeNull();
  });
});
