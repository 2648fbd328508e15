import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import * as ops from "../../../src/domain/journey";
import { applyChanges } from "../../../src/domain/merge/apply";
import { COLLECTIONS, COLLECTION_OF, keyOf, recordsOf, type AnyRecord, type JourneyChange } from "../../../src/domain/merge/changes";
import { diffJourneys } from "../../../src/domain/merge/diff";
import { threeWayMerge } from "../../../src/domain/merge/three-way";
import type { Journey } from "../../../src/domain/model";
import { journeyArb } from "../../helpers/arbitraries";
import { propertyParams } from "../../helpers/runs";

const RUNS = propertyParams(null, 300);

/** One edit a team makes, by position; applied with the journey operations. */
type Edit =
  | { op: "label" | "notes"; at: number; text: string }
  | { op: "flag"; at: number }
  | { op: "remove"; at: number }
  | { op: "add"; lane: number; stage: number; label: string }
  | { op: "stage"; at: number; text: string }
  | { op: "team"; at: number; text: string }
  | { op: "move-stage"; at: number; to: number }
  | { op: "flow-label"; at: number; text: string }
  | { op: "unflow"; at: number }
  | { op: "title" | "description"; text: string };

const text = fc.string({ maxLength: 8 });
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constantFrom("label" as const, "notes" as const), at: fc.nat(), text }),
  fc.record({ op: fc.constant("flag" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("remove" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("add" as const), lane: fc.nat(), stage: fc.nat(), label: text }),
  fc.record({ op: fc.constant("stage" as const), at: fc.nat(), text }),
  fc.record({ op: fc.constant("team" as const), at: fc.nat(), text }),
  fc.record({ op: fc.constant("move-stage" as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant("flow-label" as const), at: fc.nat(), text }),
  fc.record({ op: fc.constant("unflow" as const), at: fc.nat() }),
  fc.record({ op: fc.constantFrom("title" as const, "description" as const), text }),
);

/** Applies edits to a journey. `owns(i)` limits which records (by index in `base`) may be edited,
 * so two teams can be kept to different records. */
function edit(base: Journey, edits: readonly Edit[], tag: string, owns: (i: number) => boolean = () => true): Journey {
  let j = base;
  const pick = <T>(list: readonly T[], at: number): T | undefined => {
    const owned = list.filter((_, i) => owns(i));
    return owned.length === 0 ? undefined : owned[at % owned.length];
  };
  edits.forEach((e, n) => {
    const baseStep = pick(base.steps, "at" in e ? e.at : 0);
    const step = baseStep && j.steps.find((s) => s.id === baseStep.id);
    switch (e.op) {
      case "label":
      case "notes":
        if (step) j = ops.updateStep(j, step.id, { [e.op]: `${tag}${e.text}` });
        break;
      case "flag":
        if (step) j = ops.updateStep(j, step.id, { failPoint: !step.failPoint });
        break;
      case "remove":
        if (step) j = ops.removeSteps(j, [step.id]);
        break;
      case "add": {
        const lane = j.lanes[e.lane % Math.max(1, j.lanes.length)];
        const stage = j.stages[e.stage % Math.max(1, j.stages.length)];
        if (lane && stage) j = ops.addStep(j, ops.newStep(`${tag}_${n}`, lane.id, stage.id, { label: e.label }));
        break;
      }
      case "stage": {
        const stage = pick(base.stages, e.at);
        if (stage) j = ops.renameStage(j, stage.id, `${tag}${e.text}`);
        break;
      }
      case "team": {
        const lane = pick(base.lanes, e.at);
        if (lane) j = ops.updateLane(j, lane.id, { team: `${tag}${e.text}` });
        break;
      }
      case "move-stage": {
        const stage = j.stages[e.at % Math.max(1, j.stages.length)];
        if (stage) j = ops.moveStage(j, stage.id, e.to % j.stages.length);
        break;
      }
      case "flow-label": {
        const flow = j.flows[e.at % Math.max(1, j.flows.length)];
        if (flow) j = ops.updateFlow(j, flow.id, { label: `${tag}${e.text}` });
        break;
      }
      case "unflow": {
        const flow = j.flows[e.at % Math.max(1, j.flows.length)];
        if (flow) j = ops.removeFlows(j, [flow.id]);
        break;
      }
      case "title":
      case "description":
        j = ops.updateJourneyDetails(j, { [e.op]: `${tag}${e.text}` });
    }
  });
  return j;
}

/** A journey with its unordered lists sorted by id and its own id and timestamps blanked: two
 * copies holding the same blueprint compare equal. */
function canonical(j: Journey): Journey {
  const out = { ...j, id: "", createdAt: "", updatedAt: "" } as unknown as Record<string, unknown>;
  for (const c of COLLECTIONS) {
    if (c.ordered) continue;
    out[c.list] = [...recordsOf(j, c)].sort((a, b) => (keyOf(a, c) < keyOf(b, c) ? -1 : keyOf(a, c) > keyOf(b, c) ? 1 : 0));
  }
  return out as unknown as Journey;
}

const editsArb = fc.array(editArb, { maxLength: 8 });

describe("three-way merge properties", () => {
  test.prop([journeyArb, editsArb], RUNS)("merge(base, x, x) is x itself, with no conflicts", (base, edits) => {
    const x = edit(base, edits, "x");
    const result = threeWayMerge(base, x, x);
    expect(result.journey).toBe(x);
    expect(result.conflicts).toEqual([]);
  });

  test.prop([journeyArb, editsArb], RUNS)("merge(base, base, theirs) is theirs", (base, edits) => {
    const theirs = edit(base, edits, "t");
    const result = threeWayMerge(base, base, theirs);
    expect(result.conflicts).toEqual([]);
    expect(result.adjustments).toEqual([]);
    expect(canonical(result.journey)).toEqual(canonical(theirs));
  });

  test.prop([journeyArb, editsArb], RUNS)("merge(base, ours, base) is ours itself", (base, edits) => {
    const ours = edit(base, edits, "o");
    expect(threeWayMerge(base, ours, base).journey).toBe(ours);
  });

  const disjointArb = fc.array(
    editArb.filter((e) => !["move-stage", "flow-label", "unflow"].includes(e.op)),
    { maxLength: 8 },
  );
  test.prop([journeyArb, disjointArb, disjointArb], RUNS)(
    "no change is lost when the two sides touch different records",
    (base, oursEdits, theirsEdits) => {
      const ours = edit(base, oursEdits.filter((e) => e.op !== "description"), "o", (i) => i % 2 === 0);
      const theirs = edit(base, theirsEdits.filter((e) => e.op !== "title"), "t", (i) => i % 2 === 1);
      const result = threeWayMerge(base, ours, theirs);
      expect(result.conflicts).toEqual([]);
      expect(result.adjustments).toEqual([]);
      for (const change of [...diffJourneys(base, ours), ...diffJourneys(base, theirs)]) {
        if (change.kind === "step" && change.field === "order") continue;
        expectReflected(result.journey, change);
      }
    },
  );
});

describe("two-way properties", () => {
  test.prop([journeyArb, editsArb], RUNS)("taking every change of a diff gives the other copy", (base, edits) => {
    const theirs = edit(base, edits, "t");
    const all = diffJourneys(base, theirs).map((c) => c.changeId);
    const { journey, adjustments } = applyChanges(base, theirs, all);
    expect(adjustments).toEqual([]);
    expect(canonical(journey)).toEqual(canonical(theirs));
  });

  test.prop([journeyArb, editsArb, fc.infiniteStream(fc.boolean())], RUNS)(
    "any chosen subset gives a whole journey: every reference points at a record",
    (base, edits, picks) => {
      const theirs = edit(base, edits, "t");
      const chosen = diffJourneys(base, theirs).filter(() => picks.next().value).map((c) => c.changeId);
      const { journey } = applyChanges(base, theirs, chosen);
      const has = (list: readonly { id: string }[], id: string) => list.some((r) => r.id === id);
      for (const l of journey.lanes) expect(has(journey.actors, l.actorId)).toBe(true);
      for (const s of journey.steps) expect(has(journey.lanes, s.laneId) && has(journey.stages, s.stageId)).toBe(true);
      for (const f of journey.flows) expect(has(journey.steps, f.from) && has(journey.steps, f.to)).toBe(true);
      for (const a of journey.annotations) expect(a.stepId === null || has(journey.steps, a.stepId)).toBe(true);
    },
  );
});

function expectReflected(journey: Journey, change: JourneyChange): void {
  if (change.kind === "journey") {
    expect(journey[change.field as "title"]).toEqual(change.after);
    return;
  }
  const collection = COLLECTION_OF[change.kind];
  const record: AnyRecord | undefined = recordsOf(journey, collection).find((r) => keyOf(r, collection) === change.id);
  if (change.op === "removed") expect(record, change.changeId).toBeUndefined();
  else if (change.op === "added") expect({ ...record, order: 0 }, change.changeId).toEqual({ ...(change.after as AnyRecord), order: 0 });
  else if (change.field !== null) expect(record?.[change.field], change.changeId).toEqual(change.after);
}
