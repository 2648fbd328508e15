/**
 * Schema upgrade: a database written by schema version 1 (one row per whole journey) opens
 * in this build (version 2: heads plus per-record rows) without loss.
 */
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { SCHEMA_VERSION, SeamsDatabase, splitV1Row } from "../../../src/persistence/db";
import { JourneyRepository } from "../../../src/persistence/repository";
import { FORMAT_VERSION } from "../../../src/format/envelope";
import { makeJourney, uniqueName } from "./helpers";

/** Frozen copy of schema version 1 as it shipped. Never edit: it is what old databases hold. */
const FROZEN_SCHEMA_V1 = { journeys: "id, updatedAt", meta: "key" };

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function writeVersion1Database(name: string, rows: unknown[]): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(FROZEN_SCHEMA_V1);
  await v1.table("journeys").bulkPut(rows);
  await v1.table("meta").put({ key: "seeded", at: "2026-01-01T00:00:00.000Z" });
  v1.close();
}

describe("schema upgrade from version 1", () => {
  it("splits every stored journey into a head and records, keeping all data", async () => {
    const name = uniqueName();
    names.push(name);
    const claim = makeJourney({ id: "claim", steps: 40 });
    const bereavement = {
      ...makeJourney({ id: "bereavement", steps: 3, title: "Tell Us Once" }),
      updatedAt: "2026-02-01T00:00:00.000Z",
    };
    await writeVersion1Database(name, [
      claim,
      { ...bereavement, deletedAt: "2026-02-02T00:00:00.000Z" },
    ]);

    const db = new SeamsDatabase({ name });
    const repo = new JourneyRepository(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await repo.list()).toMatchObject([{ id: "claim", stepCount: 40, organisationCount: 1 }]);
    expect(await repo.list({ trash: true })).toMatchObject([
      { id: "bereavement", deletedAt: "2026-02-02T00:00:00.000Z" },
    ]);
    const loaded = await repo.load("claim");
    expect(loaded.ok && loaded.journey).toEqual(claim);
    const trashed = await repo.load("bereavement");
    expect(trashed.ok && trashed.journey).toEqual(bereavement);
    expect(await db.meta.get("seeded")).toBeDefined(); // the seed marker survives: samples stay deleted

    // The first save rewrites the journey's rows in the current format (the rows of a
    // version 1 database carry format version 1); after it, saves are proportional again.
    const edited = {
      ...claim,
      steps: claim.steps.map((s, i) => (i === 5 ? { ...s, label: "after upgrade" } : s)),
    };
    const first = await repo.saveChanges(claim, edited);
    expect(first.full).toBe(FORMAT_VERSION > 1);
    const again = {
      ...edited,
      steps: edited.steps.map((s, i) => (i === 6 ? { ...s, label: "and again" } : s)),
    };
    const info = await repo.saveChanges(edited, again);
    expect(info.full).toBe(false);
    expect(info.changed).toHaveLength(1);
    db.close();
  });

  it("splitV1Row keeps duplicate and missing ids as separate rows for restore to sort out", () => {
    const journey = makeJourney({ steps: 2 });
    const row = { ...journey, steps: [journey.steps[0], journey.steps[0], { label: "no id" }] };
    const split = splitV1Row(row)!;
    const steps = split.records.filter((r) => r.kind === "step").map((r) => r.id);
    expect(steps).toEqual(["step-0", "step-0~1", "step-2"]);
    expect(split.records.find((r) => r.kind === "order" && r.id === "step")?.data).toEqual(steps);
    expect(split.head.stepCount).toBe(3);
    expect(splitV1Row({ title: "no id" })).toBeNull();
    expect(splitV1Row("garbage")).toBeNull();
  });
});
