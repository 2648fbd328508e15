// @vitest-environment node
/**
 * The store bound to a shared document: commands still run the pure journey operations, each
 * change goes into the document as one transaction, changes made elsewhere arrive record by
 * record, and undo takes back only this person's own changes.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { JourneyBinding } from "../../../src/collab/binding";
import { docToJourney } from "../../../src/collab/read";
import { applyJourneyChange, journeyToDoc } from "../../../src/collab/write";
import * as ops from "../../../src/domain/journey";
import type { Journey } from "../../../src/domain/model";
import { SAMPLE_JOURNEYS } from "../../../src/domain/samples";
import { makeCommands } from "../../../src/store/commands";
import { createSeamsStore } from "../../../src/store/store";

const bindings: JourneyBinding[] = [];
afterEach(() => {
  for (const b of bindings.splice(0)) b.dispose();
});

/** This tab's store bound to its document, and another tab's document kept in step with it. */
function twoTabs(journey: Journey = SAMPLE_JOURNEYS[0]!.build()) {
  const here = journeyToDoc(journey);
  const there = new Y.Doc();
  Y.applyUpdate(there, Y.encodeStateAsUpdate(here));
  here.on("update", (u: Uint8Array, origin: unknown) => {
    if (origin !== "wire") Y.applyUpdate(there, u, "wire");
  });
  there.on("update", (u: Uint8Array, origin: unknown) => {
    if (origin !== "wire") Y.applyUpdate(here, u, "wire");
  });
  const binding = new JourneyBinding(here);
  bindings.push(binding);
  const store = createSeamsStore();
  store.getState().openJourney(binding.read()!.journey, { binding });
  /** The other tab makes a change with the journey operations. */
  const elsewhere = (update: (j: Journey) => Journey) => {
    const before = docToJourney(there)!.journey;
    applyJourneyChange(there, before, update(before), "other tab");
  };
  return { store, commands: makeCommands(store), elsewhere, there, journey };
}

const stepOf = (j: Journey | null, id: string) => j!.steps.find((s) => s.id === id)!;

describe("undo takes back only this tab's own change", () => {
  it("keeps an edit that arrived from another tab in between", () => {
    const { store, commands, elsewhere, journey } = twoTabs();
    const step = journey.steps[0]!;
    commands.updateStep(step.id, { label: "Register the death" });
    elsewhere((j) => ops.updateStep(j, step.id, { notes: "Takes up to five days" }));
    expect(stepOf(store.getState().journey, step.id).notes).toBe("Takes up to five days");
    store.getState().undo();
    const after = stepOf(store.getState().journey, step.id);
    expect(after.label).toBe(step.label);
    expect(after.notes).toBe("Takes up to five days");
    store.getState().redo();
    expect(stepOf(store.getState().journey, step.id).label).toBe("Register the death");
    expect(stepOf(store.getState().journey, step.id).notes).toBe("Takes up to five days");
  });

  it("keeps a step another tab added, and its own undone step goes", () => {
    const { store, commands, elsewhere, journey } = twoTabs();
    const lane = journey.lanes[1]!.id;
    const stage = journey.stages[0]!.id;
    const mine = commands.addStep(lane, stage, undefined, { label: "Mine" })!;
    elsewhere((j) => ops.addStep(j, ops.newStep("step-theirs", lane, stage, { label: "Theirs" })));
    store.getState().undo();
    const ids = store.getState().journey!.steps.map((s) => s.id);
    expect(ids).toContain("step-theirs");
    expect(ids).not.toContain(mine);
  });

  it("snapshot undo of an unbound journey loses that edit (why the journey is bound)", () => {
    const journey = SAMPLE_JOURNEYS[0]!.build();
    const step = journey.steps[0]!;
    const store = createSeamsStore();
    store.getState().openJourney(journey);
    store.getState().change((j) => ops.updateStep(j, step.id, { label: "Register the death" }));
    const current = store.getState().journey!;
    store
      .getState()
      .receiveJourney(ops.updateStep(current, step.id, { notes: "Takes up to five days" }));
    store.getState().undo();
    expect(stepOf(store.getState().journey, step.id).notes).toBe(step.notes);
  });

  it("undoes one change per step, and says when there is something to undo", () => {
    const { store, commands, journey } = twoTabs();
    const step = journey.steps[3]!;
    expect(store.getState().canUndo).toBe(false);
    commands.updateStep(step.id, { label: "First" });
    commands.updateStep(step.id, { label: "Second" });
    expect(store.getState().canUndo).toBe(true);
    store.getState().undo();
    expect(stepOf(store.getState().journey, step.id).label).toBe("First");
    expect(store.getState().canRedo).toBe(true);
    store.getState().undo();
    expect(stepOf(store.getState().journey, step.id).label).toBe(step.label);
    expect(store.getState().canUndo).toBe(false);
  });

  it("never undoes another tab's change", () => {
    const { store, elsewhere, journey } = twoTabs();
    const step = journey.steps[0]!;
    elsewhere((j) => ops.updateStep(j, step.id, { label: "From the other tab" }));
    expect(store.getState().canUndo).toBe(false);
    store.getState().undo();
    expect(stepOf(store.getState().journey, step.id).label).toBe("From the other tab");
  });

  it("a card added and abandoned with Escape leaves nothing to undo or redo", () => {
    const { store, commands, journey, there } = twoTabs();
    const id = commands.addStep(journey.lanes[0]!.id, journey.stages[0]!.id)!;
    expect(store.getState().journey!.steps.some((s) => s.id === id)).toBe(true);
    expect(commands.abandonNewStep(id)).toBe(true);
    expect(store.getState().journey!.steps.some((s) => s.id === id)).toBe(false);
    expect(docToJourney(there)!.journey.steps.some((s) => s.id === id)).toBe(false);
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().canRedo).toBe(false);
  });
});

describe("changes arriving from elsewhere", () => {
  it("replace only the records that changed", () => {
    const { store, elsewhere, journey } = twoTabs();
    const before = store.getState().journey!;
    const step = journey.steps[4]!;
    elsewhere((j) => ops.updateStep(j, step.id, { label: "Tell Us Once by phone" }));
    const after = store.getState().journey!;
    expect(after).not.toBe(before);
    after.steps.forEach((s, i) => {
      if (s.id === step.id) expect(s).not.toBe(before.steps[i]);
      else expect(s).toBe(before.steps[i]);
    });
    expect(after.lanes).toBe(before.lanes);
    expect(after.flows).toBe(before.flows);
  });

  it("drop a selection of steps another tab deleted", () => {
    const { store, elsewhere, journey } = twoTabs();
    const [a, b] = journey.steps;
    store.getState().select([a!.id, b!.id]);
    elsewhere((j) => ops.removeSteps(j, [a!.id]));
    expect(store.getState().selectedStepIds).toEqual([b!.id]);
  });

  it("go to the other tab as this tab makes them", () => {
    const { commands, there, journey } = twoTabs();
    commands.updateStep(journey.steps[0]!.id, { label: "Seen over there" });
    expect(stepOf(docToJourney(there)!.journey, journey.steps[0]!.id).label).toBe(
      "Seen over there",
    );
  });
});

describe("a lane removed here while the other tab adds to it", () => {
  it("comes back marked, and Keep clears the mark in both tabs", () => {
    const journey = SAMPLE_JOURNEYS[0]!.build();
    const { store, there } = twoTabs(journey);
    const lane = journey.lanes[1]!;
    const stage = journey.stages[0]!;
    // The other tab's step is made before it sees the removal: send it afterwards.
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(there));
    const before = docToJourney(offline)!.journey;
    applyJourneyChange(
      offline,
      before,
      ops.addStep(before, ops.newStep("step-late", lane.id, stage.id)),
      "offline",
    );
    store.getState().change((j) => ops.removeLane(j, lane.id, { kind: "delete-steps" }));
    expect(store.getState().journey!.lanes.some((l) => l.id === lane.id)).toBe(false);
    Y.applyUpdate(there, Y.encodeStateAsUpdate(offline), "offline");
    expect(store.getState().journey!.lanes.some((l) => l.id === lane.id)).toBe(true);
    expect(store.getState().restored).toEqual([{ kind: "lane", id: lane.id }]);
    store.getState().keepRestored({ kind: "lane", id: lane.id });
    expect(store.getState().restored).toEqual([]);
    expect(docToJourney(there)!.restored).toEqual([]);
  });
});

describe("a read-only journey", () => {
  it("writes nothing to the shared document", () => {
    const journey = SAMPLE_JOURNEYS[0]!.build();
    const doc = journeyToDoc(journey);
    const binding = new JourneyBinding(doc);
    bindings.push(binding);
    const store = createSeamsStore();
    store.getState().openJourney(binding.read()!.journey, { binding, readOnly: true });
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    expect(store.getState().change((j) => ops.updateJourneyDetails(j, { title: "No" }))).toBe(
      false,
    );
    expect(updates).toHaveLength(0);
  });
});
