import { describe, expect, it } from "vitest";
import type { Journey } from "../../../src/domain/model";
import { deepEqual, mergeRemoteRecords, type HeadFields } from "../../../src/persistence/merge";
import { addStep, editStep, makeJourney, makeStep, removeStep } from "./helpers";

const base = makeJourney({ steps: 6 });
const step = (j: Journey, id: string) => j.steps.find((s) => s.id === id);

function headOf(j: Journey): HeadFields {
  const {
    title,
    scenario,
    description,
    ownerTeam,
    createdAt,
    updatedAt,
    customDataItems,
    duplicateDecisions,
  } = j;
  return {
    title,
    scenario,
    description,
    ownerTeam,
    createdAt,
    updatedAt,
    customDataItems,
    duplicateDecisions,
  };
}

describe("mergeRemoteRecords", () => {
  it("takes a remote edit of a step this tab did not touch, and keeps its own edit of another", () => {
    const local = editStep(base, "step-1", { label: "mine" });
    const remoteStep = { ...step(base, "step-2")!, label: "theirs" };
    const result = mergeRemoteRecords(local, [{ kind: "step", value: remoteStep }], [], { base });
    expect(step(result.journey, "step-1")!.label).toBe("mine");
    expect(step(result.journey, "step-2")).toBe(remoteStep);
    expect(result.conflicts).toEqual([]);
    // every other record keeps its object
    expect(step(result.journey, "step-3")).toBe(step(local, "step-3"));
    expect(result.journey.flows).toBe(local.flows);
    // the new baseline is what the database holds: the remote step, not the unsaved local one
    expect(step(result.stored!, "step-2")).toBe(remoteStep);
    expect(step(result.stored!, "step-1")).toBe(step(base, "step-1"));
  });

  it("the same step edited in both: the unsaved local edit is kept and reported", () => {
    const local = editStep(base, "step-1", { label: "mine" });
    const remoteStep = { ...step(base, "step-1")!, label: "theirs" };
    const result = mergeRemoteRecords(local, [{ kind: "step", value: remoteStep }], [], { base });
    expect(step(result.journey, "step-1")!.label).toBe("mine");
    expect(result.conflicts).toEqual([{ kind: "step", id: "step-1" }]);
    expect(step(result.stored!, "step-1")).toBe(remoteStep);
  });

  it("is deterministic: the same inputs in any record order give the same journey", () => {
    const local = editStep(base, "step-1", { label: "mine" });
    const a = { kind: "step" as const, value: { ...step(base, "step-1")!, label: "theirs" } };
    const b = { kind: "step" as const, value: { ...step(base, "step-4")!, label: "theirs too" } };
    const one = mergeRemoteRecords(local, [a, b], [], { base });
    const two = mergeRemoteRecords(local, [b, a], [], { base });
    expect(one.journey).toEqual(two.journey);
    expect(one.conflicts).toEqual(two.conflicts);
  });

  it("an identical remote record is not a conflict and keeps the local object", () => {
    const local = editStep(base, "step-1", { label: "same" });
    const same = { ...step(local, "step-1")! };
    const result = mergeRemoteRecords(local, [{ kind: "step", value: same }], [], { base });
    expect(result.conflicts).toEqual([]);
    expect(step(result.journey, "step-1")).toBe(step(local, "step-1"));
    expect(step(result.stored!, "step-1")).toBe(step(local, "step-1"));
  });

  it("adds remote steps in the remote order and keeps local unsaved additions", () => {
    const local = addStep(base, makeStep("local-new"));
    const remoteNew = makeStep("remote-new");
    const order = [...base.steps.map((s) => s.id), "remote-new"];
    const result = mergeRemoteRecords(local, [{ kind: "step", value: remoteNew }], [], {
      base,
      orders: { step: order },
    });
    expect(result.journey.steps.map((s) => s.id)).toEqual([
      ...base.steps.map((s) => s.id),
      "local-new",
      "remote-new",
    ]);
    expect(result.stored!.steps.map((s) => s.id)).toEqual(order);
  });

  it("removes a step the other tab deleted, unless this tab edited it", () => {
    const local = editStep(base, "step-1", { label: "still editing" });
    const removed = [
      { kind: "step" as const, id: "step-1" },
      { kind: "step" as const, id: "step-2" },
    ];
    const result = mergeRemoteRecords(local, [], removed, { base });
    expect(result.journey.steps.map((s) => s.id)).toEqual([
      "step-0",
      "step-1",
      "step-3",
      "step-4",
      "step-5",
    ]);
    expect(result.conflicts).toEqual([{ kind: "step", id: "step-1" }]);
    expect(result.stored!.steps.map((s) => s.id)).not.toContain("step-1");
  });

  it("keeps a local deletion over a remote edit of the same step", () => {
    const local = removeStep(base, "step-3");
    const remoteStep = { ...step(base, "step-3")!, label: "theirs" };
    const result = mergeRemoteRecords(local, [{ kind: "step", value: remoteStep }], [], { base });
    expect(step(result.journey, "step-3")).toBeUndefined();
    expect(result.conflicts).toEqual([{ kind: "step", id: "step-3" }]);
  });

  it("follows a remote lane reorder unless this tab reordered the lanes itself", () => {
    const remoteOrder = [...base.lanes].reverse().map((l) => l.id);
    const followed = mergeRemoteRecords(base, [], [], { base, orders: { lane: remoteOrder } });
    expect(followed.journey.lanes.map((l) => l.id)).toEqual(remoteOrder);
    expect(followed.journey.lanes[0]).toBe(base.lanes[1]);

    const localOrder = { ...base, lanes: [...base.lanes].reverse() };
    const kept = mergeRemoteRecords(localOrder, [], [], {
      base,
      orders: { lane: base.lanes.map((l) => l.id) },
    });
    expect(kept.journey.lanes.map((l) => l.id)).toEqual(localOrder.lanes.map((l) => l.id));
  });

  it("merges head fields field by field", () => {
    const local = { ...base, title: "Local title" };
    const remote = {
      ...headOf(base),
      description: "Remote description",
      title: "Remote title",
      updatedAt: "2026-03-02T00:00:00.000Z",
    };
    const result = mergeRemoteRecords(local, [], [], { base, head: remote });
    expect(result.journey.title).toBe("Local title");
    expect(result.journey.description).toBe("Remote description");
    expect(result.journey.updatedAt).toBe("2026-03-02T00:00:00.000Z");
    expect(result.stored!.title).toBe("Remote title");
  });

  it("without a baseline the database wins and nothing is reported", () => {
    const local = editStep(base, "step-1", { label: "unknown state" });
    const remoteStep = { ...step(base, "step-1")!, label: "theirs" };
    const result = mergeRemoteRecords(local, [{ kind: "step", value: remoteStep }], [], {
      base: null,
    });
    expect(step(result.journey, "step-1")).toBe(remoteStep);
    expect(result.stored).toBeNull();
    expect(result.conflicts).toEqual([]);
  });

  it("with nothing unsaved, memory and baseline are one object, so autosave writes nothing back", () => {
    const remoteStep = { ...step(base, "step-2")!, label: "theirs" };
    const result = mergeRemoteRecords(base, [{ kind: "step", value: remoteStep }], [], { base });
    expect(result.stored).toBe(result.journey);
  });

  it("an empty change set returns the same lists", () => {
    const result = mergeRemoteRecords(base, [], [], { base });
    expect(result.journey.steps).toBe(base.steps);
    expect(result.journey).toEqual(base);
  });
});

describe("deepEqual", () => {
  it.each([
    [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], { 0: 1, 1: 2 }, false],
    [NaN, NaN, true],
    [null, {}, false],
  ])("%j vs %j → %s", (a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
  });
});
