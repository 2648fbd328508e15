import { describe, expect, it } from "vitest";
import { serializeJourney } from "../../../src/format/envelope";
import type { Journey } from "../../../src/domain/model";
import { makeCommands } from "../../../src/store/commands";
import { createSeamsStore } from "../../../src/store/store";
import { at, buildJourney, cells, lane } from "../../helpers/journey-builder";

/**
 *            S1      S2
 * C citizen  a b     c
 * F front    d
 */
function sample(): Journey {
  return buildJourney({
    lanes: [lane("C", "citizen"), lane("F", "frontstage")],
    stages: ["S1", "S2"],
    steps: [...at("C", "S1", "a", "b"), ...at("C", "S2", "c"), ...at("F", "S1", "d")],
    flows: ["a>b"],
  });
}

/** The journey as saved, with a fixed save time so two serializations compare. */
const saved = (journey: Journey | null) => serializeJourney(journey!, { savedAt: "2026-01-01T00:00:00.000Z" });

function setup(journey = sample()) {
  const store = createSeamsStore();
  store.getState().openJourney(journey);
  return { store, commands: makeCommands(store), state: () => store.getState() };
}

describe("selectOnCanvas", () => {
  it("selects what was pointed at and shows its details", () => {
    const { commands, state } = setup();
    state().setSideTab("insights");
    commands.selectOnCanvas(["b"]);
    expect(state().selectedStepIds).toEqual(["b"]);
    expect(state().sideTab).toBe("step");
    state().setSideTab("versions");
    commands.selectOnCanvas([], ["a>b"]);
    expect(state().selectedFlowIds).toEqual(["a>b"]);
    expect(state().sideTab).toBe("step");
  });

  it("leaves the side panel alone when nothing is selected", () => {
    const { commands, state } = setup();
    commands.selectOnCanvas(["b"]);
    state().setSideTab("structure");
    commands.selectOnCanvas([]);
    expect(state().selectedStepIds).toEqual([]);
    expect(state().sideTab).toBe("structure");
  });
});

describe("selectNearest", () => {
  it("starts at the journey's first step when nothing is selected", () => {
    const { commands, state } = setup();
    expect(commands.selectNearest("right")).toBe("a");
    expect(state().selectedStepIds).toEqual(["a"]);
  });

  it("moves the selection to the nearest step, asks to reveal it and shows its details", () => {
    const { commands, state } = setup();
    state().setSideTab("insights");
    commands.selectOnCanvas(["a"]);
    state().setSideTab("insights");
    commands.selectNearest("right");
    expect(state().selectedStepIds).toEqual(["b"]);
    expect(state().focusRequest).toMatchObject({ stepIds: ["b"], mode: "reveal" });
    expect(state().sideTab).toBe("step");
    commands.selectNearest("down");
    expect(state().selectedStepIds).toEqual(["d"]);
  });

  it("with extend, adds the step to the selection; L then connects the two", () => {
    const { commands, state } = setup();
    commands.selectOnCanvas(["b"]);
    commands.selectNearest("right", true);
    expect(state().selectedStepIds).toEqual(["b", "c"]);
    const id = commands.connectSelection();
    expect(id).not.toBeNull();
    expect(state().journey!.flows.map((f) => [f.from, f.to])).toContainEqual(["b", "c"]);
  });

  it("stays put at the edge", () => {
    const { commands, state } = setup();
    commands.selectOnCanvas(["c"]);
    const before = state().focusRequest;
    expect(commands.selectNearest("right")).toBeNull();
    expect(state().selectedStepIds).toEqual(["c"]);
    expect(state().focusRequest).toBe(before);
  });

  it("asks again for each press, even within one millisecond", () => {
    const { commands, state } = setup();
    commands.selectOnCanvas(["a"]);
    commands.selectNearest("right");
    const first = state().focusRequest!.nonce;
    commands.selectNearest("left");
    expect(state().focusRequest!.nonce).toBeGreaterThan(first);
  });
});

describe("moveStepToNeighbour", () => {
  it("moves the current step to the end of the next stage, as one undoable change", () => {
    const { commands, state } = setup();
    const before = saved(state().journey);
    commands.selectOnCanvas(["a"]);
    commands.moveStepToNeighbour("right");
    expect(cells(state().journey!)).toMatchObject({ "C/S1": ["b"], "C/S2": ["c", "a"] });
    expect(state().selectedStepIds).toEqual(["a"]);
    expect(state().focusRequest).toMatchObject({ stepIds: ["a"], mode: "reveal" });
    commands.undo();
    expect(saved(state().journey)).toBe(before);
  });

  it("moves a step down a lane", () => {
    const { commands, state } = setup();
    commands.selectOnCanvas(["b"]);
    commands.moveStepToNeighbour("down");
    expect(cells(state().journey!)).toMatchObject({ "C/S1": ["a"], "F/S1": ["d", "b"] });
  });

  it("changes nothing at the edge of the grid, or with nothing selected", () => {
    const { commands, state } = setup();
    const journey = state().journey;
    commands.moveStepToNeighbour("right");
    commands.selectOnCanvas(["c"]);
    commands.moveStepToNeighbour("right");
    commands.moveStepToNeighbour("up");
    expect(state().journey).toBe(journey);
    expect(state().history.past).toHaveLength(0);
  });
});

describe("addStepNextToSelection", () => {
  it("adds a step straight after the current step, selects it and edits its label", () => {
    const { commands, state } = setup();
    commands.selectOnCanvas(["a"]);
    const id = commands.addStepNextToSelection()!;
    expect(cells(state().journey!)["C/S1"]).toEqual(["a", id, "b"]);
    expect(state().selectedStepIds).toEqual([id]);
    expect(state().editingStepId).toBe(id);
  });

  it("goes next to the step the keyboard is on, not the first one selected", () => {
    const { commands, state } = setup();
    commands.selectOnCanvas(["a"]);
    commands.selectNearest("right", true); // a, then b
    const id = commands.addStepNextToSelection()!;
    expect(cells(state().journey!)["C/S1"]).toEqual(["a", "b", id]);
  });

  it("adds to the first cell with nothing selected", () => {
    const { commands, state } = setup();
    const id = commands.addStepNextToSelection()!;
    expect(cells(state().journey!)["C/S1"]).toEqual(["a", "b", id]);
  });

  it("adds nothing to a read-only journey", () => {
    const { commands, state, store } = setup();
    store.getState().setReadOnly(true);
    expect(commands.addStepNextToSelection()).toBeNull();
    expect(state().editingStepId).toBeNull();
  });
});

describe("connectSelection", () => {
  it("connects from the earlier step to the later, whichever was selected first", () => {
    const { commands, state } = setup();
    commands.selectOnCanvas(["c", "d"]);
    commands.connectSelection();
    expect(state().journey!.flows.map((f) => [f.from, f.to])).toContainEqual(["d", "c"]);
  });

  it.each([[["a"]], [["a", "b", "c"]], [["a", "b"]]])("changes nothing with %o selected", (ids) => {
    // a > b exists already, so connecting a and b again changes nothing either.
    const { commands, state } = setup();
    const journey = state().journey;
    commands.selectOnCanvas(ids);
    expect(commands.connectSelection()).toBeNull();
    expect(state().journey).toBe(journey);
  });
});

describe("selectAll and clearSelection", () => {
  it("selects every step, keeping the current one current", () => {
    const { commands, state } = setup();
    commands.selectOnCanvas(["b"]);
    commands.selectAll();
    expect([...state().selectedStepIds].sort()).toEqual(["a", "b", "c", "d"]);
    expect(state().selectedStepIds.at(-1)).toBe("b");
    commands.clearSelection();
    expect(state().selectedStepIds).toEqual([]);
  });
});

describe("the selection after undo and redo", () => {
  it("drops steps and flows that undo takes away, and keeps the rest", () => {
    const { commands, state } = setup();
    commands.selectOnCanvas(["a"]);
    const added = commands.addStepNextToSelection()!;
    commands.selectOnCanvas(["b", added], ["a>b"]);
    commands.undo();
    expect(state().selectedStepIds).toEqual(["b"]);
    expect(state().selectedFlowIds).toEqual(["a>b"]);
    expect(state().editingStepId).toBeNull();
  });

  it("drops a flow that redo takes away again", () => {
    const { commands, state } = setup();
    commands.selectOnCanvas(["b", "c"]);
    const flow = commands.connectSelection()!;
    commands.undo();
    commands.redo();
    commands.selectOnCanvas([], [flow]);
    commands.undo();
    expect(state().selectedFlowIds).toEqual([]);
  });

  it("keeps the same selection lists when nothing selected went away", () => {
    const { commands, state } = setup();
    commands.selectOnCanvas(["a", "b"]);
    const selection = state().selectedStepIds;
    commands.moveStepToNeighbour("right");
    commands.undo();
    expect(state().selectedStepIds).toBe(selection);
  });
});
