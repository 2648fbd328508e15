import { describe, expect, it } from "vitest";
import { serializeJourney } from "../../../src/format/envelope";
import { makeCommands } from "../../../src/store/commands";
import { createSeamsStore } from "../../../src/store/store";
import { TOUCHPOINT_TEMPLATES } from "../../../src/domain/templates";
import { buildJourney } from "../../helpers/journey-builder";

/** One save time for both sides, so only the journeys are compared. */
const AT = { savedAt: "2026-01-01T00:00:00.000Z" };

function setup() {
  const store = createSeamsStore();
  store.getState().openJourney(buildJourney({ lanes: ["L"], stages: ["S1", "S2"], steps: [{ id: "a", stageId: "S1" }] }));
  const commands = makeCommands(store);
  // One earlier change, so there is something to undo beneath the new step.
  commands.renameStage("S2", "Later");
  const before = store.getState().journey!;
  return { store, commands, before };
}

describe("abandoning a step just added (Escape on the new card)", () => {
  it("takes the addition back: the journey, and what undo and redo do, are as before it", () => {
    const { store, commands, before } = setup();
    const id = commands.addStep("L", "S1")!;
    expect(store.getState().journey!.steps).toHaveLength(2);
    expect(commands.abandonNewStep(id)).toBe(true);
    expect(store.getState().journey).toBe(before);
    expect(serializeJourney(store.getState().journey!, AT)).toBe(serializeJourney(before, AT));
    expect(store.getState().history.past).toHaveLength(1);
    expect(store.getState().history.future).toHaveLength(0);
    expect(store.getState().selectedStepIds).toEqual([]);
    // Undo now takes back the change before the step, not a step that was never kept.
    commands.undo();
    expect(store.getState().journey!.stages[1]!.name).toBe("S2");
  });

  it("leaves no trace of the step in the selection", () => {
    const { store, commands } = setup();
    const id = commands.addStep("L", "S1")!;
    store.getState().select(["a", id]);
    store.getState().setEditingStep(id);
    expect(commands.abandonNewStep(id)).toBe(true);
    expect(store.getState().selectedStepIds).toEqual(["a"]);
    expect(store.getState().editingStepId).toBeNull();
  });

  it("keeps a step that has been changed since it was added", () => {
    const { store, commands } = setup();
    const id = commands.addStep("L", "S1")!;
    commands.updateStep(id, { channel: "phone" });
    expect(commands.abandonNewStep(id)).toBe(false);
    expect(store.getState().journey!.steps.some((s) => s.id === id)).toBe(true);
  });

  it("keeps a step added with content (a palette touchpoint), and any other step", () => {
    const { store, commands } = setup();
    const letter = TOUCHPOINT_TEMPLATES.find((t) => t.key === "letter")!;
    const id = commands.addFromTemplate(letter)!;
    expect(commands.abandonNewStep(id)).toBe(false);
    expect(commands.abandonNewStep("a")).toBe(false);
    expect(store.getState().journey!.steps).toHaveLength(2);
  });

  it("keeps the step once anything else has changed the journey", () => {
    const { store, commands } = setup();
    const id = commands.addStep("L", "S1")!;
    commands.renameStage("S1", "First");
    expect(commands.abandonNewStep(id)).toBe(false);
    expect(store.getState().journey!.steps.some((s) => s.id === id)).toBe(true);
  });

  it("does nothing when read-only", () => {
    const { store, commands } = setup();
    const id = commands.addStep("L", "S1")!;
    store.getState().setReadOnly(true);
    expect(commands.abandonNewStep(id)).toBe(false);
    expect(store.getState().journey!.steps.some((s) => s.id === id)).toBe(true);
  });
});

describe("adding a stage", () => {
  it("asks the canvas to bring the new stage into view", () => {
    const { store, commands } = setup();
    const id = commands.addStage("Settle the estate")!;
    expect(store.getState().focusRequest).toMatchObject({ stageId: id, stepIds: [] });
  });
});
