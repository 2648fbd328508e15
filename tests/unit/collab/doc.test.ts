// @vitest-environment node
/**
 * The journey in its shared document: it comes back exactly as it went in, each change is
 * written as the operations that make it, and concurrent edits keep what each person did.
 */
import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { JourneyReader, docToJourney } from "../../../src/collab/read";
import { DELETED, PLACEMENT, POS } from "../../../src/collab/layout";
import { applyJourneyChange, journeyToDoc, keepRestored, kindMap } from "../../../src/collab/write";
import * as ops from "../../../src/domain/journey";
import type { Journey } from "../../../src/domain/model";
import { SAMPLE_JOURNEYS } from "../../../src/domain/samples";
import { journeySchema } from "../../../src/format/journey-schema";
import { journeyArb } from "../../helpers/arbitraries";
import { propertyParams } from "../../helpers/runs";

const LOCAL = "local";

/** Two copies of one journey's document, each seeing the other's updates only when told. */
function twoCopies(journey: Journey) {
  const a = journeyToDoc(journey);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const exchange = () => {
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, fromA);
    Y.applyUpdate(a, fromB);
  };
  return { a, b, exchange };
}

const read = (doc: Y.Doc) => {
  const result = docToJourney(doc);
  if (!result) throw new Error("the document holds no journey");
  return result;
};

/** Applies a pure journey operation to a document as a local change. */
function edit(doc: Y.Doc, update: (j: Journey) => Journey): Journey {
  const before = read(doc).journey;
  const after = update(before);
  applyJourneyChange(doc, before, after, LOCAL);
  return after;
}

describe("journey → document → journey", () => {
  for (const sample of SAMPLE_JOURNEYS) {
    it(`gives back the ${sample.key} sample unchanged`, () => {
      const journey = sample.build();
      const back = read(journeyToDoc(journey));
      expect(back.journey).toEqual(journey);
      expect(back.restored).toEqual([]);
      expect(back.issues).toEqual([]);
    });

    it(`gives back the ${sample.key} sample through an update sent to another copy`, () => {
      const journey = sample.build();
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(journeyToDoc(journey)));
      expect(read(copy).journey).toEqual(journey);
    });
  }

  test.prop([journeyArb], propertyParams(null, 300))(
    "gives back generated journeys unchanged",
    (journey) => {
      expect(read(journeyToDoc(journey)).journey).toEqual(journey);
    },
  );

  test.prop([journeyArb, journeyArb], propertyParams(null, 300))(
    "a change from one journey to another reads back as the other",
    (first, second) => {
      const doc = journeyToDoc(first);
      applyJourneyChange(doc, first, { ...second, id: first.id }, LOCAL);
      expect(read(doc).journey).toEqual({ ...second, id: first.id });
    },
  );

  it("reads nothing from a document that holds no journey yet", () => {
    expect(docToJourney(new Y.Doc())).toBeNull();
  });
});

describe("the document's layout", () => {
  const journey = SAMPLE_JOURNEYS[0]!.build();

  it("keeps each record as its own map of fields, a step's place as one value", () => {
    const doc = journeyToDoc(journey);
    const step = journey.steps[0]!;
    const fields = kindMap(doc, "step").get(step.id)!;
    expect(fields).toBeInstanceOf(Y.Map);
    expect(fields.get("label")).toBe(step.label);
    expect(fields.get(PLACEMENT)).toEqual({
      laneId: step.laneId,
      stageId: step.stageId,
      order: step.order,
    });
    expect(fields.has("laneId")).toBe(false);
    expect(typeof fields.get(POS)).toBe("string");
  });

  it("writes a label edit as one field of one record", () => {
    const doc = journeyToDoc(journey);
    const step = journey.steps[1]!;
    let changes = 0;
    kindMap(doc, "step").observeDeep((events) => {
      for (const e of events) changes += e.changes.keys.size;
    });
    edit(doc, (j) => ops.updateStep(j, step.id, { label: "Ring the register office" }));
    expect(changes).toBe(1);
    expect(kindMap(doc, "step").get(step.id)!.get("label")).toBe("Ring the register office");
  });

  it("moves a lane by rewriting that lane's ordering key only", () => {
    const doc = journeyToDoc(journey);
    const keys = () => journey.lanes.map((l) => kindMap(doc, "lane").get(l.id)!.get(POS));
    const before = keys();
    const moved = journey.lanes[0]!.id;
    edit(doc, (j) => ops.moveLane(j, moved, 3));
    const after = keys();
    expect(after.filter((k, i) => k !== before[i])).toHaveLength(1);
    expect(read(doc).journey.lanes.map((l) => l.id)).toEqual(
      ops.moveLane(journey, moved, 3).lanes.map((l) => l.id),
    );
  });

  it("marks a removed lane deleted instead of removing it from the document", () => {
    const doc = journeyToDoc(journey);
    const lane = journey.lanes[2]!.id;
    edit(doc, (j) => ops.removeLane(j, lane, { kind: "delete-steps" }));
    expect(kindMap(doc, "lane").get(lane)!.get(DELETED)).toBe(true);
    expect(read(doc).journey.lanes.some((l) => l.id === lane)).toBe(false);
    expect(read(doc).restored).toEqual([]);
  });

  it("reports a record another copy wrote wrongly, by kind, id and field, and opens the rest", () => {
    const doc = journeyToDoc(journey);
    const step = journey.steps[0]!;
    kindMap(doc, "step").get(step.id)!.set("channel", "carrier pigeon");
    const back = read(doc);
    expect(back.issues).toEqual([
      expect.objectContaining({ kind: "step", id: step.id, path: "channel" }),
    ]);
    expect(back.journey.steps.map((s) => s.id)).toEqual(journey.steps.slice(1).map((s) => s.id));
    expect(back.journey.lanes).toEqual(journey.lanes);
  });
});

describe("two people at once", () => {
  const journey = SAMPLE_JOURNEYS[1]!.build();
  const step = journey.steps[2]!;

  it("both keep their edits to different fields of one step", () => {
    const { a, b, exchange } = twoCopies(journey);
    edit(a, (j) => ops.updateStep(j, step.id, { label: "Check your identity online" }));
    edit(b, (j) => ops.updateStep(j, step.id, { notes: "Half give up here" }));
    exchange();
    for (const doc of [a, b]) {
      const back = read(doc).journey.steps.find((s) => s.id === step.id)!;
      expect(back.label).toBe("Check your identity online");
      expect(back.notes).toBe("Half give up here");
    }
  });

  it("moving one card at once puts it wholly where one of them put it", () => {
    const { a, b, exchange } = twoCopies(journey);
    const [laneA, laneB] = journey.lanes.filter((l) => l.id !== step.laneId);
    const [stageA, stageB] = journey.stages.filter((s) => s.id !== step.stageId);
    const placeA = edit(a, (j) => ops.moveStep(j, step.id, laneA!.id, stageA!.id)).steps.find(
      (s) => s.id === step.id,
    )!;
    const placeB = edit(b, (j) => ops.moveStep(j, step.id, laneB!.id, stageB!.id)).steps.find(
      (s) => s.id === step.id,
    )!;
    exchange();
    const results = [a, b].map((doc) => {
      const s = read(doc).journey.steps.find((x) => x.id === step.id)!;
      return { laneId: s.laneId, stageId: s.stageId, order: s.order };
    });
    expect(results[0]).toEqual(results[1]);
    const whole = [placeA, placeB].map((s) => ({
      laneId: s.laneId,
      stageId: s.stageId,
      order: s.order,
    }));
    expect(whole).toContainEqual(results[0]);
  });

  it("a lane removed while someone adds a step to it comes back, marked, with the step", () => {
    const { a, b, exchange } = twoCopies(journey);
    const lane = journey.lanes.find((l) => journey.steps.some((s) => s.laneId === l.id))!;
    const stage = journey.stages[0]!;
    edit(a, (j) => ops.removeLane(j, lane.id, { kind: "delete-steps" }));
    edit(b, (j) =>
      ops.addStep(j, ops.newStep("step-late", lane.id, stage.id, { label: "Book an appointment" })),
    );
    exchange();
    for (const doc of [a, b]) {
      const back = read(doc);
      expect(back.journey.steps.find((s) => s.id === "step-late")?.laneId).toBe(lane.id);
      expect(back.journey.lanes.find((l) => l.id === lane.id)).toEqual(lane);
      expect(back.restored).toEqual([{ kind: "lane", id: lane.id }]);
      expect(journeySchema.safeParse(back.journey).success).toBe(true);
    }
    // Kept: the mark goes; removed again (its steps with it): the lane goes.
    const kept = new Y.Doc();
    Y.applyUpdate(kept, Y.encodeStateAsUpdate(a));
    expect(keepRestored(kept, "lane", lane.id, LOCAL)).toBe(true);
    expect(read(kept).restored).toEqual([]);
    edit(a, (j) => ops.removeLane(j, lane.id, { kind: "delete-steps" }));
    expect(read(a).journey.lanes.some((l) => l.id === lane.id)).toBe(false);
    expect(read(a).restored).toEqual([]);
  });

  it("a stage removed while someone moves a step into it comes back, marked", () => {
    const { a, b, exchange } = twoCopies(journey);
    const empty = { id: "stage-extra", name: "Appeal" };
    edit(a, (j) => ops.addStage(j, empty));
    exchange();
    edit(a, (j) => ops.removeStage(j, empty.id, { kind: "delete-steps" }));
    edit(b, (j) => ops.moveStep(j, step.id, step.laneId, empty.id));
    exchange();
    for (const doc of [a, b]) {
      const back = read(doc);
      expect(back.journey.stages.find((s) => s.id === empty.id)).toEqual(empty);
      expect(back.restored).toEqual([{ kind: "stage", id: empty.id }]);
    }
  });
});

describe("reading again as the document changes", () => {
  it("keeps the objects of records that did not change", () => {
    const journey = SAMPLE_JOURNEYS[2]!.build();
    const doc = journeyToDoc(journey);
    const reader = new JourneyReader(doc);
    const first = reader.read()!;
    const step = first.journey.steps[0]!;
    applyJourneyChange(
      doc,
      first.journey,
      ops.updateStep(first.journey, step.id, { label: "Renew online" }),
      "remote",
    );
    const second = reader.read()!;
    expect(second.journey.steps[0]).not.toBe(first.journey.steps[0]);
    expect(second.journey.steps[0]!.label).toBe("Renew online");
    second.journey.steps.slice(1).forEach((s, i) => expect(s).toBe(first.journey.steps[i + 1]));
    expect(second.journey.lanes).toBe(first.journey.lanes);
    expect(second.journey.flows).toBe(first.journey.flows);
    expect(reader.read()).toBe(second);
    reader.dispose();
  });
});
