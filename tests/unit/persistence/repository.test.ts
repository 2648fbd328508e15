import { afterEach, describe, expect, it } from "vitest";
import { SeamsDatabase } from "../../../src/persistence/db";
import { JourneyRepository } from "../../../src/persistence/repository";
import { EmptyOverwriteError } from "../../../src/persistence/errors";
import { FORMAT_VERSION } from "../../../src/format/envelope";
import {
  addStep,
  countMutations,
  editStep,
  makeJourney,
  makeStep,
  removeStep,
  uniqueName,
} from "./helpers";

const open: SeamsDatabase[] = [];

function setup(opts: { now?: () => Date } = {}) {
  const db = new SeamsDatabase({ name: uniqueName() });
  open.push(db);
  const counts = countMutations(db);
  const repo = new JourneyRepository(db, opts);
  return { db, repo, counts };
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

describe("JourneyRepository: create and load", () => {
  it("loads exactly what was created, in array order", async () => {
    const { repo } = setup();
    const journey = makeJourney({ steps: 12 });
    // a non-alphabetical order, to show order is stored and not derived from ids
    const reordered = {
      ...journey,
      lanes: [...journey.lanes].reverse(),
      steps: [...journey.steps].reverse(),
    };
    await repo.create(reordered);
    const loaded = await repo.load(journey.id);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.journey).toEqual(reordered);
    expect(loaded.report).toEqual([]);
  });

  it("refuses to create over an existing journey", async () => {
    const { repo } = setup();
    await repo.create(makeJourney());
    await expect(repo.create(makeJourney({ title: "Other" }))).rejects.toThrow();
    const loaded = await repo.load("journey-1");
    expect(loaded.ok && loaded.journey.title).toBe("Claim Universal Credit");
  });

  it("reports a missing journey as not-found", async () => {
    const { repo } = setup();
    expect(await repo.load("nope")).toMatchObject({ ok: false, error: { kind: "not-found" } });
  });

  it("reports rows written by a newer format version as newer-version", async () => {
    const { db, repo } = setup();
    await repo.create(makeJourney());
    await db.records.update(["journey-1", "step", "step-2"], { formatVersion: FORMAT_VERSION + 1 });
    expect(await repo.load("journey-1")).toMatchObject({
      ok: false,
      error: { kind: "newer-version" },
    });
  });
});

describe("JourneyRepository.saveChanges writes in proportion to the change", () => {
  it("one edited step of 5,000 writes that step and the head, nothing else", async () => {
    const { repo, counts } = setup();
    const v1 = makeJourney({ steps: 5000 });
    await repo.create(v1);
    counts.reset();
    const v2 = editStep(v1, "step-2500", { label: "Renamed" }, "2026-03-01T10:05:00.000Z");
    await repo.saveChanges(v1, v2);
    expect(counts.rows("records", "put")).toBe(1);
    expect(counts.rows("records", "delete")).toBe(0);
    expect(counts.rows("journeys", "put")).toBe(1);
    expect(counts.rows("meta")).toBe(0);
    const loaded = await repo.load(v1.id);
    expect(loaded.ok && loaded.journey).toEqual(v2);
  });

  it("an added step writes the step and its order row", async () => {
    const { repo, counts } = setup();
    const v1 = makeJourney({ steps: 20 });
    await repo.create(v1);
    counts.reset();
    const v2 = addStep(v1, makeStep("step-new", { order: 4 }));
    await repo.saveChanges(v1, v2);
    expect(counts.rows("records", "put")).toBe(2);
    expect(counts.rows("records", "delete")).toBe(0);
    const loaded = await repo.load(v1.id);
    expect(loaded.ok && loaded.journey).toEqual(v2);
  });

  it("a removed step deletes its rows (and its flows and note) and rewrites the orders", async () => {
    const { repo, counts } = setup();
    const v1 = makeJourney({ steps: 20 });
    await repo.create(v1);
    counts.reset();
    const v2 = removeStep(v1, "step-0");
    await repo.saveChanges(v1, v2);
    // step-0, flow-0 (step-0 → step-1) and note-1 (on step-0)
    expect(counts.rows("records", "delete")).toBe(3);
    expect(counts.rows("records", "put")).toBe(3); // order rows of steps, flows, annotations
    const loaded = await repo.load(v1.id);
    expect(loaded.ok && loaded.journey).toEqual(v2);
  });

  it("an unchanged journey writes only its head", async () => {
    const { repo, counts } = setup();
    const v1 = makeJourney({ steps: 50 });
    await repo.create(v1);
    counts.reset();
    await repo.saveChanges(v1, { ...v1, title: "New title" });
    expect(counts.rows("records")).toBe(0);
    expect(counts.rows("journeys", "put")).toBe(1);
  });

  it("a journey equal to the stored one writes and announces nothing", async () => {
    const { repo, counts } = setup();
    const v1 = makeJourney({ steps: 5 });
    await repo.create(v1);
    counts.reset();
    const announced: unknown[] = [];
    repo.onCommit((info) => announced.push(info));
    await repo.saveChanges(v1, { ...v1 });
    expect(counts.calls()).toBe(0);
    expect(announced).toEqual([]);
  });

  it("prev = null rewrites the journey whole, removing rows it no longer has", async () => {
    const { db, repo, counts } = setup();
    const v1 = makeJourney({ steps: 10 });
    await repo.create(v1);
    counts.reset();
    const v2 = removeStep(v1, "step-9");
    await repo.saveChanges(null, v2);
    expect(counts.rows("records", "put")).toBe(journeyRowCount(v2));
    expect(await db.records.get(["journey-1", "step", "step-9"])).toBeUndefined();
    const loaded = await repo.load(v1.id);
    expect(loaded.ok && loaded.journey).toEqual(v2);
  });

  it("a diff against a journey the database no longer has becomes a full write", async () => {
    const { repo } = setup();
    const v1 = makeJourney({ steps: 10 });
    await repo.create(v1);
    await repo.purge(v1.id);
    const v2 = editStep(v1, "step-1", { label: "Edited after purge" });
    const info = await repo.saveChanges(v1, v2);
    expect(info.full).toBe(true);
    const loaded = await repo.load(v1.id);
    expect(loaded.ok && loaded.journey).toEqual(v2);
  });

  it("refuses to write an empty journey over a stored one it never saw with steps", async () => {
    const { repo } = setup();
    const stored = makeJourney({ steps: 10 });
    await repo.create(stored);
    const empty = { ...makeJourney({ steps: 0 }), lanes: [], stages: [], actors: [] };
    await expect(repo.saveChanges(null, empty)).rejects.toBeInstanceOf(EmptyOverwriteError);
    const loaded = await repo.load(stored.id);
    expect(loaded.ok && loaded.journey.steps).toHaveLength(10);
    // emptied on purpose, step by step from a journey it saw: allowed
    await repo.saveChanges(stored, { ...stored, steps: [], flows: [], annotations: [] });
    const after = await repo.load(stored.id);
    expect(after.ok && after.journey.steps).toHaveLength(0);
  });

  it("keeps a trashed journey in the trash when it is saved", async () => {
    const { repo } = setup();
    const v1 = makeJourney();
    await repo.create(v1);
    await repo.trash(v1.id);
    await repo.saveChanges(v1, { ...v1, title: "Edited in the trash" });
    expect((await repo.list({ trash: true })).map((s) => s.title)).toEqual(["Edited in the trash"]);
  });
});

describe("JourneyRepository library", () => {
  it("lists by last change, with counts; trash, restore and purge", async () => {
    const { db, repo } = setup({ now: () => new Date("2026-04-01T00:00:00.000Z") });
    await repo.create({
      ...makeJourney({ id: "a", steps: 3 }),
      updatedAt: "2026-03-01T00:00:00.000Z",
    });
    await repo.create({
      ...makeJourney({ id: "b", steps: 7 }),
      updatedAt: "2026-03-03T00:00:00.000Z",
    });
    await repo.create({
      ...makeJourney({ id: "c", steps: 1 }),
      updatedAt: "2026-03-02T00:00:00.000Z",
    });
    expect((await repo.list()).map((s) => [s.id, s.stepCount, s.organisationCount])).toEqual([
      ["b", 7, 1],
      ["c", 1, 1],
      ["a", 3, 1],
    ]);
    await repo.trash("b");
    expect((await repo.list()).map((s) => s.id)).toEqual(["c", "a"]);
    expect(await repo.list({ trash: true })).toMatchObject([
      { id: "b", deletedAt: "2026-04-01T00:00:00.000Z" },
    ]);
    await repo.restoreFromTrash("b");
    expect((await repo.list()).map((s) => s.id)).toEqual(["b", "c", "a"]);
    await repo.takeVersion(makeJourney({ id: "a" }), "Before purge");
    await repo.purge("a");
    expect((await repo.list()).map((s) => s.id)).toEqual(["b", "c"]);
    expect(await db.records.where("journeyId").equals("a").count()).toBe(0);
    expect(await repo.listVersions("a")).toEqual([]);
    expect(await repo.load("a")).toMatchObject({ ok: false, error: { kind: "not-found" } });
  });

  it("duplicates a journey under a new id and title", async () => {
    const { repo } = setup({ now: () => new Date("2026-04-02T00:00:00.000Z") });
    const original = makeJourney({ steps: 4 });
    await repo.create(original);
    const copy = await repo.duplicate(original.id, "journey-2", "Copy of the claim");
    expect(copy.ok).toBe(true);
    const loaded = await repo.load("journey-2");
    expect(loaded.ok && loaded.journey).toEqual({
      ...original,
      id: "journey-2",
      title: "Copy of the claim",
      createdAt: "2026-04-02T00:00:00.000Z",
      updatedAt: "2026-04-02T00:00:00.000Z",
    });
    expect((await repo.list()).map((s) => s.id).sort()).toEqual(["journey-1", "journey-2"]);
  });
});

describe("JourneyRepository versions", () => {
  it("takes, lists, loads, restores and deletes named versions", async () => {
    let t = Date.parse("2026-05-01T09:00:00.000Z");
    const { repo } = setup({ now: () => new Date((t += 1000)) });
    const v1 = makeJourney({ steps: 3 });
    await repo.create(v1);
    const first = await repo.takeVersion(v1, "As-is after workshop 1");
    const v2 = editStep(v1, "step-1", { label: "Changed after the workshop" });
    await repo.saveChanges(v1, v2);
    await repo.takeVersion(v2, "After workshop 2");
    expect((await repo.listVersions(v1.id)).map((v) => v.name)).toEqual([
      "After workshop 2",
      "As-is after workshop 1",
    ]);
    const loaded = await repo.loadVersion(first.id);
    expect(loaded.ok && loaded.journey).toEqual(v1);

    const restored = await repo.restoreVersion(first.id, v2);
    expect(restored.ok && restored.journey.steps).toEqual(v1.steps);
    const names = (await repo.listVersions(v1.id)).map((v) => v.name);
    expect(names).toEqual([
      "Before restoring “As-is after workshop 1”",
      "After workshop 2",
      "As-is after workshop 1",
    ]);
    const safety = (await repo.listVersions(v1.id))[0]!;
    const kept = await repo.loadVersion(safety.id);
    expect(kept.ok && kept.journey).toEqual(v2);

    await repo.deleteVersion(first.id);
    expect((await repo.listVersions(v1.id)).map((v) => v.name)).not.toContain(
      "As-is after workshop 1",
    );
    expect(await repo.loadVersion(first.id)).toMatchObject({
      ok: false,
      error: { kind: "not-found" },
    });
  });
});

describe("JourneyRepository.seedIfFirstRun", () => {
  it("seeds on the very first run only, so deleted samples stay deleted", async () => {
    const { db, repo } = setup();
    const samples = [makeJourney({ id: "sample-a" }), makeJourney({ id: "sample-b" })];
    expect(await repo.seedIfFirstRun(samples)).toBe(true);
    expect((await repo.list()).map((s) => s.id).sort()).toEqual(["sample-a", "sample-b"]);
    await repo.purge("sample-a");
    await repo.purge("sample-b");
    const again = new JourneyRepository(db);
    expect(await again.seedIfFirstRun(samples)).toBe(false);
    expect(await again.list()).toEqual([]);
  });

  it("does not seed over a library that already has journeys", async () => {
    const { repo } = setup();
    await repo.create(makeJourney({ id: "mine" }));
    expect(await repo.seedIfFirstRun([makeJourney({ id: "sample-a" })])).toBe(false);
    expect((await repo.list()).map((s) => s.id)).toEqual(["mine"]);
  });
});

function journeyRowCount(j: ReturnType<typeof makeJourney>): number {
  const records =
    j.actors.length +
    j.lanes.length +
    j.stages.length +
    j.steps.length +
    j.flows.length +
    j.annotations.length;
  return records + 6; // one order row per kind
}
