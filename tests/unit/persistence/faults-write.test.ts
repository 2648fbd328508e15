/**
 * Storage faults while writing: F01 quota, F04 aborted write, F06 schema upgrade with an old
 * tab open, F07 data from a newer version, F08 storage cleared while open (reliability.md
 * §6.2). Faults are injected through a Dexie DBCore middleware.
 */
import Dexie from "dexie";
import { forceCloseDatabase } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FORMAT_VERSION } from "../../../src/format/envelope";
import { Autosave } from "../../../src/persistence/autosave";
import { SCHEMA_V2, SeamsDatabase } from "../../../src/persistence/db";
import { ReadOnlyError } from "../../../src/persistence/errors";
import { openStorage, type StorageSession } from "../../../src/persistence/faults";
import { JourneyRepository } from "../../../src/persistence/repository";
import {
  addStep,
  countMutations,
  editStep,
  eventually,
  injectFaults,
  makeJourney,
  makeStep,
  quotaError,
  uniqueName,
} from "./helpers";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function autosaveFor(repository: JourneyRepository | null, retryBaseMs = 20) {
  const autosave = new Autosave({
    repository,
    debounceMs: 5,
    retryBaseMs,
    retryMaxMs: Math.max(80, retryBaseMs),
    lifecycle: {},
  });
  cleanups.push(() => autosave.dispose());
  return autosave;
}

function sessionCleanup(session: StorageSession) {
  cleanups.push(() => {
    session.db?.close();
    return session.db ? Dexie.delete(session.db.name) : undefined;
  });
}

async function load(repo: JourneyRepository, id = "journey-1") {
  const result = await repo.load(id);
  if (!result.ok) throw new Error(`load failed: ${result.error.kind}`);
  return result.journey;
}

describe("F01 quota exceeded during autosave", () => {
  it("keeps the last good journey, shows the error, retries, then saves a full snapshot", async () => {
    const db = new SeamsDatabase({ name: uniqueName() });
    const faults = injectFaults(db);
    const repo = new JourneyRepository(db);
    sessionCleanup({ db } as StorageSession);
    const v1 = makeJourney({ steps: 30 });
    await repo.create(v1);
    // The first retry waits 3 s, so it cannot land between the checks below on a busy machine.
    const autosave = autosaveFor(repo, 3000);
    await autosave.begin(v1);
    const save = vi.spyOn(repo, "saveChanges");

    faults.current = ({ table }) => (table === "records" ? quotaError() : null);
    const v2 = editStep(v1, "step-3", { label: "Edited while the disk is full" });
    autosave.track(v2);
    await autosave.flush();
    expect(autosave.state.status).toBe("error");
    expect(autosave.state.error?.kind).toBe("quota");
    expect(await load(repo)).toEqual(v1); // no partial journey: the head was not updated either

    const v3 = addStep(v2, makeStep("step-late", { order: 5 }));
    autosave.track(v3);
    expect(autosave.state.status).toBe("error"); // the banner stays until a save succeeds
    faults.current = null; // space freed: the backoff retry succeeds by itself
    await eventually(() => expect(autosave.state.status).toBe("saved"), 15_000);
    expect(save.mock.calls.at(-1)?.[0]).toBeNull(); // full snapshot after a failure
    expect(await load(repo)).toEqual(v3);
  });
});

describe("F04 write aborted mid-transaction", () => {
  it("is all-or-nothing, and the next save is a full snapshot", async () => {
    const db = new SeamsDatabase({ name: uniqueName() });
    const faults = injectFaults(db);
    const repo = new JourneyRepository(db);
    sessionCleanup({ db } as StorageSession);
    const v1 = makeJourney({ steps: 12 });
    await repo.create(v1);
    const autosave = autosaveFor(repo);
    await autosave.begin(v1);
    const save = vi.spyOn(repo, "saveChanges");

    let calls = 0; // the records write goes through, the head write (second mutate) fails
    faults.current = () =>
      ++calls === 2 ? new DOMException("injected abort", "AbortError") : null;
    const v2 = addStep(
      editStep(v1, "step-1", { label: "half written?" }),
      makeStep("step-new", { order: 2 }),
    );
    autosave.track(v2);
    await autosave.flush();
    expect(calls).toBe(2);
    expect(autosave.state.status).toBe("error");
    expect(await db.records.get(["journey-1", "step", "step-new"])).toBeUndefined();
    expect(await load(repo)).toEqual(v1);

    faults.current = null;
    await autosave.flush();
    expect(save.mock.calls.at(-1)?.[0]).toBeNull();
    expect(autosave.state.status).toBe("saved");
    expect(await load(repo)).toEqual(v2);
  });
});

describe("F06 schema upgrade with an old tab open", () => {
  it("the old tab goes read-only, its writes reject, and it resurrects no table", async () => {
    const name = uniqueName();
    const onVersionChange = vi.fn();
    const old = await openStorage({ name, onVersionChange, markerStorage: null });
    sessionCleanup(old);
    const repo = old.repository!;
    const v1 = makeJourney();
    await repo.create(v1);
    const autosave = autosaveFor(repo);
    await autosave.begin(v1);

    // A newer build: schema version 3 drops the quarantine table.
    const newer = new Dexie(name);
    newer.version(2).stores(SCHEMA_V2);
    newer.version(3).stores({ quarantine: null });
    await newer.open();
    cleanups.push(() => newer.close());

    expect(onVersionChange).toHaveBeenCalledTimes(1);
    expect(repo.readOnlyReason).toBe("version-change");
    expect(autosave.state).toMatchObject({
      readOnly: true,
      status: "error",
      error: { kind: "closed" },
    });
    await expect(
      repo.saveChanges(v1, editStep(v1, "step-1", { label: "stale" })),
    ).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(
      old.db!.quarantine.put({ journeyId: "x", kind: "step", id: "y", raw: 1, quarantinedAt: "" }),
    ).rejects.toMatchObject({
      name: "DatabaseClosedError",
    });
    autosave.track(editStep(v1, "step-2", { label: "stale too" }));
    await autosave.flush();

    expect([...newer.backendDB().objectStoreNames]).not.toContain("quarantine");
    newer.close();
    const check = new Dexie(name);
    await check.open();
    expect(check.tables.map((t) => t.name)).not.toContain("quarantine");
    expect(check.verno).toBe(3);
    check.close();
  });
});

describe("F07 data written by a newer version", () => {
  it("meta with a newer format version: read-only, zero mutate calls", async () => {
    const name = uniqueName();
    const seed = new SeamsDatabase({ name });
    await new JourneyRepository(seed).create(makeJourney());
    await seed.meta.put({
      key: "format",
      formatVersion: FORMAT_VERSION + 1,
      appVersion: "9.0.0",
      writtenAt: "",
    });
    seed.close();

    let counts: ReturnType<typeof countMutations> | undefined;
    const session = await openStorage({
      name,
      markerStorage: null,
      samples: [makeJourney({ id: "sample" })],
      prepare: (db) => void (counts = countMutations(db)),
    });
    sessionCleanup(session);
    expect(session.mode).toBe("read-only");
    expect(session.error?.kind).toBe("newer-version");
    const repo = session.repository!;
    const autosave = autosaveFor(repo);
    const loaded = await load(repo);
    await autosave.begin(loaded);
    autosave.track(editStep(loaded, "step-1", { label: "not saved" }));
    await autosave.flush();
    await expect(repo.create(makeJourney({ id: "other" }))).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(repo.trash(loaded.id)).rejects.toBeInstanceOf(ReadOnlyError);
    expect(autosave.state).toMatchObject({ readOnly: true, error: { kind: "newer-version" } });
    expect(counts!.calls()).toBe(0);
  });

  it("a schema version above this build's: read-only", async () => {
    const name = uniqueName();
    const newer = new Dexie(name);
    newer.version(2).stores(SCHEMA_V2);
    newer.version(5).stores({ extra: "id" });
    await newer.open();
    newer.close();
    const session = await openStorage({ name, markerStorage: null });
    sessionCleanup(session);
    expect(session.mode).toBe("read-only");
    expect(session.repository?.readOnlyReason).toBe("newer-version");
  });

  it("a newer version that writes while this tab is open: the next save is refused", async () => {
    const name = uniqueName();
    const session = await openStorage({ name, markerStorage: null });
    sessionCleanup(session);
    const repo = session.repository!;
    const v1 = makeJourney();
    await repo.create(v1);
    await session.db!.meta.put({
      key: "format",
      formatVersion: FORMAT_VERSION + 1,
      appVersion: "9",
      writtenAt: "",
    });
    const e = await repo.saveChanges(v1, { ...v1, title: "x" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ReadOnlyError);
    expect(repo.readOnlyReason).toBe("newer-version");
    expect((await load(repo)).title).toBe(v1.title);
  });
});

describe("F08 storage cleared while the app is open", () => {
  it("the next save after the forced close writes the whole journey", async () => {
    const name = uniqueName();
    const onClosed = vi.fn();
    const session = await openStorage({ name, onClosed, markerStorage: null });
    sessionCleanup(session);
    const repo = session.repository!;
    const v1 = makeJourney({ steps: 25 });
    await repo.create(v1);
    const autosave = autosaveFor(repo);
    await autosave.begin(v1);

    // fake-indexeddb types the argument as the class, though it takes a connection
    forceCloseDatabase(
      session.db!.backendDB() as unknown as Parameters<typeof forceCloseDatabase>[0],
    );
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    expect(onClosed).toHaveBeenCalled();

    const v2 = editStep(v1, "step-7", { label: "edited after the clear" });
    autosave.track(v2);
    await autosave.flush();
    expect(autosave.state.status).toBe("saved");
    expect(await load(repo)).toEqual(v2);
  });

  it("any close under us makes the next save a full snapshot, even if the data survived", async () => {
    const session = await openStorage({ name: uniqueName(), markerStorage: null });
    sessionCleanup(session);
    const repo = session.repository!;
    const v1 = makeJourney({ steps: 5 });
    await repo.create(v1);
    const autosave = autosaveFor(repo);
    await autosave.begin(v1);
    const save = vi.spyOn(repo, "saveChanges");
    forceCloseDatabase(
      session.db!.backendDB() as unknown as Parameters<typeof forceCloseDatabase>[0],
    );
    autosave.track(editStep(v1, "step-1", { label: "after the close" }));
    await autosave.flush();
    expect(save.mock.calls.at(-1)?.[0]).toBeNull();
    autosave.track(editStep(v1, "step-2", { label: "and then" }));
    await autosave.flush();
    expect(save.mock.calls.at(-1)?.[0]).not.toBeNull(); // back to diffs once re-saved
  });
});
