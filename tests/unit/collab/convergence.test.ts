// @vitest-environment node
/**
 * Five copies of one journey, each edited by its own person with the journey operations, their
 * updates delivered to the others late, out of order and in bursts: in the end every copy reads
 * the same valid journey, and every record that nobody removed is still there.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import * as Y from "yjs";
import { JourneyReader, docToJourney } from "../../../src/collab/read";
import { applyJourneyChange, journeyToDoc } from "../../../src/collab/write";
import * as ops from "../../../src/domain/journey";
import type { Journey } from "../../../src/domain/model";
import { SAMPLE_JOURNEYS } from "../../../src/domain/samples";
import { journeySchema } from "../../../src/format/journey-schema";
import { propertyParams, propertyTimeout } from "../../helpers/runs";

const REPLICAS = 5;
const OPERATIONS = 1000;

type Op =
  | { op: "label" | "notes"; at: number; text: string }
  | { op: "move"; at: number; lane: number; stage: number; index: number }
  | { op: "add-step"; lane: number; stage: number; text: string }
  | { op: "delete-step"; at: number }
  | { op: "add-lane"; actor: number; index: number; text: string }
  | { op: "delete-lane"; at: number; moveTo: number | null }
  | { op: "add-stage"; index: number; text: string }
  | { op: "delete-stage"; at: number; moveTo: number | null }
  | { op: "add-flow"; from: number; to: number }
  | { op: "reorder-lane" | "reorder-stage"; at: number; to: number }
  | { op: "title"; text: string };

const text = fc.string({ minLength: 1, maxLength: 6 }).map((s) => s.replace(/[^\x20-\x7e]/g, "x"));
const n = fc.nat(1000);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constantFrom("label" as const, "notes" as const), at: n, text }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant("move" as const), at: n, lane: n, stage: n, index: n }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant("add-step" as const), lane: n, stage: n, text }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("delete-step" as const), at: n }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant("add-lane" as const), actor: n, index: n, text }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("delete-lane" as const),
      at: n,
      moveTo: fc.option(n, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("add-stage" as const), index: n, text }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("delete-stage" as const),
      at: n,
      moveTo: fc.option(n, { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("add-flow" as const), from: n, to: n }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constantFrom("reorder-lane" as const, "reorder-stage" as const),
      at: n,
      to: n,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("title" as const), text }) },
);

/** What each step of the run does: one person edits, or some updates are delivered. */
type Action =
  { kind: "edit"; replica: number; op: Op } | { kind: "deliver"; count: number; seed: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      replica: fc.nat(REPLICAS - 1),
      op: opArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("deliver" as const),
      count: fc.integer({ min: 1, max: 12 }),
      seed: fc.nat(),
    }),
  },
);

const at = <T>(list: readonly T[], i: number): T | undefined =>
  list.length ? list[i % list.length] : undefined;

let counter = 0;
const fresh = (prefix: string) => `${prefix}-${(counter++).toString(36)}`;

/** The journey operation an op stands for on this copy, as its user would do it. */
function perform(j: Journey, op: Op): Journey {
  switch (op.op) {
    case "label":
    case "notes": {
      const step = at(j.steps, op.at);
      return step ? ops.updateStep(j, step.id, { [op.op]: op.text }) : j;
    }
    case "move": {
      const step = at(j.steps, op.at);
      const lane = at(j.lanes, op.lane);
      const stage = at(j.stages, op.stage);
      return step && lane && stage ? ops.moveStep(j, step.id, lane.id, stage.id, op.index % 4) : j;
    }
    case "add-step": {
      const lane = at(j.lanes, op.lane);
      const stage = at(j.stages, op.stage);
      return lane && stage
        ? ops.addStep(j, ops.newStep(fresh("step"), lane.id, stage.id, { label: op.text }))
        : j;
    }
    case "delete-step": {
      const step = at(j.steps, op.at);
      return step ? ops.removeSteps(j, [step.id]) : j;
    }
    case "add-lane": {
      const actor = at(j.actors, op.actor);
      if (!actor) return j;
      return ops.addLane(
        j,
        { id: fresh("lane"), actorId: actor.id, layer: "frontstage", team: op.text },
        op.index % (j.lanes.length + 1),
      );
    }
    case "delete-lane": {
      const lane = at(j.lanes, op.at);
      if (!lane || j.lanes.length < 2) return j;
      const other =
        op.moveTo === null
          ? null
          : at(
              j.lanes.filter((l) => l.id !== lane.id),
              op.moveTo,
            );
      return ops.removeLane(
        j,
        lane.id,
        other ? { kind: "move-steps", to: other.id } : { kind: "delete-steps" },
      );
    }
    case "add-stage":
      return ops.addStage(
        j,
        { id: fresh("stage"), name: op.text },
        op.index % (j.stages.length + 1),
      );
    case "delete-stage": {
      const stage = at(j.stages, op.at);
      if (!stage || j.stages.length < 2) return j;
      const other =
        op.moveTo === null
          ? null
          : at(
              j.stages.filter((s) => s.id !== stage.id),
              op.moveTo,
            );
      return ops.removeStage(
        j,
        stage.id,
        other ? { kind: "move-steps", to: other.id } : { kind: "delete-steps" },
      );
    }
    case "add-flow": {
      const from = at(j.steps, op.from);
      const to = at(j.steps, op.to);
      if (!from || !to || !ops.canConnect(j, from.id, to.id)) return j;
      return ops.connect(j, {
        id: fresh("flow"),
        from: from.id,
        to: to.id,
        label: "",
        dataShare: false,
      });
    }
    case "reorder-lane": {
      const lane = at(j.lanes, op.at);
      return lane ? ops.moveLane(j, lane.id, op.to % j.lanes.length) : j;
    }
    case "reorder-stage": {
      const stage = at(j.stages, op.at);
      return stage ? ops.moveStage(j, stage.id, op.to % j.stages.length) : j;
    }
    case "title":
      return ops.updateJourneyDetails(j, { title: op.text });
  }
}

/** Ids of one kind of record that are in `before` and not in `after`, or the reverse. */
const idsOf = (list: readonly { id: string }[]) => new Set(list.map((r) => r.id));
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));

function shuffle<T>(list: T[], seed: number): T[] {
  let s = seed || 1;
  for (let i = list.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

describe("five copies, a thousand edits", () => {
  test.prop(
    [
      fc.array(actionArb, { minLength: OPERATIONS, maxLength: OPERATIONS }),
      fc.nat(SAMPLE_JOURNEYS.length - 1),
    ],
    { ...propertyParams(null, 1, 20), endOnFailure: true },
  )(
    "converge to one valid journey and lose nothing nobody removed",
    (actions, sample) => {
      const start = SAMPLE_JOURNEYS[sample]!.build();
      const seedDoc = journeyToDoc(start);
      const docs = Array.from({ length: REPLICAS }, () => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(seedDoc));
        return doc;
      });
      // Every update a copy makes, waiting to be delivered to each other copy.
      const inbox: { to: number; update: Uint8Array }[] = [];
      docs.forEach((doc, i) =>
        doc.on("update", (update: Uint8Array, origin: unknown) => {
          if (origin === "delivery") return;
          for (let to = 0; to < REPLICAS; to++) if (to !== i) inbox.push({ to, update });
        }),
      );
      // Each person's copy is read the way the app reads it: again and again, as it changes.
      const readers = docs.map((doc) => new JourneyReader(doc));
      const deliver = (count: number, seed: number) => {
        shuffle(inbox, seed);
        for (const { to, update } of inbox.splice(0, count))
          Y.applyUpdate(docs[to]!, update, "delivery");
      };

      const created = {
        steps: new Set<string>(),
        lanes: new Set<string>(),
        stages: new Set<string>(),
        flows: new Set<string>(),
      };
      const removed = {
        steps: new Set<string>(),
        lanes: new Set<string>(),
        stages: new Set<string>(),
        flows: new Set<string>(),
      };
      for (const key of ["steps", "lanes", "stages", "flows"] as const)
        for (const r of start[key]) created[key].add(r.id);

      for (const action of actions) {
        if (action.kind === "deliver") {
          deliver(action.count, action.seed);
          continue;
        }
        const doc = docs[action.replica]!;
        const before = readers[action.replica]!.read()!.journey;
        const after = perform(before, action.op);
        if (after === before) continue;
        applyJourneyChange(doc, before, after, "local");
        for (const key of ["steps", "lanes", "stages", "flows"] as const) {
          for (const id of minus(idsOf(after[key]), idsOf(before[key]))) created[key].add(id);
          for (const id of minus(idsOf(before[key]), idsOf(after[key]))) removed[key].add(id);
        }
      }
      deliver(inbox.length, 7);
      expect(inbox).toHaveLength(0);

      const reads = docs.map((doc) => docToJourney(doc)!);
      readers.forEach((reader, i) => expect(reader.read()!.journey).toEqual(reads[i]!.journey));
      for (const reader of readers) reader.dispose();
      for (const r of reads.slice(1)) {
        expect(r.journey).toEqual(reads[0]!.journey);
        expect(r.restored).toEqual(reads[0]!.restored);
      }
      const final = reads[0]!.journey;
      expect(reads[0]!.issues).toEqual([]);
      const check = journeySchema.safeParse(final);
      expect(
        check.success,
        check.success ? "" : JSON.stringify(check.error.issues.slice(0, 3)),
      ).toBe(true);

      const present = {
        steps: idsOf(final.steps),
        lanes: idsOf(final.lanes),
        stages: idsOf(final.stages),
        flows: idsOf(final.flows),
      };
      for (const key of ["steps", "lanes", "stages"] as const) {
        const kept = minus(created[key], removed[key]);
        expect(minus(new Set(kept), present[key]), `${key} lost`).toEqual([]);
      }
      // A flow goes only with a step it joins.
      for (const id of minus(created.flows, removed.flows)) {
        if (!present.flows.has(id)) {
          const flow = docs.map((d) => d.getMap<Y.Map<unknown>>("flows").get(id)).find(Boolean);
          const joined = flow ? [flow.get("from"), flow.get("to")] : [];
          expect(
            joined.some((s) => !present.steps.has(s as string)),
            `flow ${id} lost`,
          ).toBe(true);
        }
      }
      // A removed lane or stage is back only with live steps in it, and marked.
      for (const ref of reads[0]!.restored) {
        if (ref.kind === "lane") expect(final.steps.some((s) => s.laneId === ref.id)).toBe(true);
        if (ref.kind === "stage") expect(final.steps.some((s) => s.stageId === ref.id)).toBe(true);
      }
    },
    propertyTimeout(120_000, 1, 20),
  );
});
