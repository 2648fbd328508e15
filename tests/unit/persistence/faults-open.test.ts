/**
 * Storage faults when opening and reading: F02 IndexedDB unavailable, F10 corrupt records,
 * the blocked upgrade, eviction between sessions and the persistent-storage request
 * (reliability.md §6.2).
 */
import Dexie from "dexie";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Autosave } from "../../../src/persistence/autosave";
import { SeamsDatabase } from "../../../src/persistence/db";
import {
  HAD_JOURNEYS_KEY,
  openStorage,
  persistentStorageStatus,
  requestPersistentStorage,
  type MarkerStorage,
  type StorageSession,
} from "../../../src/persistence/faults";
import { JourneyRepository } from "../../../src/persistence/repository";
import { editStep, eventually, makeJourney, uniqueName } from "./helpers";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function autosaveFor(repository: JourneyRepository | null) {
  const autosave = new Autosave({
    repository,
    debounceMs: 5,
    retryBaseMs: 20,
    retryMaxMs: 80,
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

describe("F02 IndexedDB unavailable", () => {
  it("an open that throws gives memory-only mode and writes nothing", async () => {
    const name = uniqueName();
    const opens = vi.fn(() => {
      throw new DOMException(
        "The user denied permission to access the database.",
        "InvalidStateError",
      );
    });
    const broken = {
      open: opens,
      deleteDatabase: () => ({}),
      cmp: () => 0,
    } as unknown as IDBFactory;
    const session = await openStorage({ name, indexedDB: broken, markerStorage: null });
    expect(session.mode).toBe("unavailable");
    expect(session.error?.kind).toBe("unavailable");
    expect(session.repository).toBeNull();
    expect(opens).toHaveBeenCalled();

    const autosave = autosaveFor(session.repository);
    const journey = makeJourney();
    await autosave.begin(journey);
    autosave.track(editStep(journey, "step-1", { label: "kept in memory" }));
    await autosave.flush();
    expect(autosave.state).toMatchObject({ status: "error", error: { kind: "unavailable" } });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it("an open request that fails (backing store error) gives memory-only mode", async () => {
    const name = uniqueName();
    const failing = {
      open: () => {
        const request: Record<string, unknown> = { error: null, result: null };
        setTimeout(() => {
          request.error = new DOMException("Internal error opening backing store", "UnknownError");
          const handler = request.onerror as ((e: unknown) => void) | undefined;
          handler?.({ target: request, type: "error", preventDefault() {}, stopPropagation() {} });
        }, 0);
        return request;
      },
      deleteDatabase: () => ({}),
      cmp: () => 0,
    } as unknown as IDBFactory;
    const session = await openStorage({ name, indexedDB: failing, markerStorage: null });
    expect(session.mode).toBe("unavailable");
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});

describe("F10 corrupt records in the database", () => {
  it("loads through restore with a report, and keeps unusable rows aside", async () => {
    const name = uniqueName();
    const db = new SeamsDatabase({ name });
    sessionCleanup({ db } as StorageSession);
    const repo = new JourneyRepository(db);
    const good = makeJourney({ steps: 6 });
    await repo.create(good);
    db.close();

    // An older buggy build wrote these through a bare connection.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const { label: _dropped, ...noLabel } = good.steps[1]!;
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction("records", "readwrite");
      const store = tx.objectStore("records");
      store.put({
        journeyId: good.id,
        kind: "step",
        id: "step-1",
        formatVersion: 1,
        data: { ...noLabel, order: NaN, activeMinutes: Infinity },
      });
      store.put({
        journeyId: good.id,
        kind: "step",
        id: "step-2",
        formatVersion: 1,
        data: "not a step",
      });
      store.put({
        journeyId: good.id,
        kind: "flow",
        id: "flow-x",
        formatVersion: 1,
        data: { id: "flow-x", from: "step-0", to: "nowhere", label: "", dataShare: false },
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    raw.close();
    await db.open();

    const loaded = await repo.load(good.id);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.report.length).toBeGreaterThan(0);
    const step1 = loaded.journey.steps.find((s) => s.id === "step-1");
    expect(step1 && Number.isFinite(step1.order)).toBe(true);
    expect(typeof step1?.label).toBe("string");
    expect(loaded.journey.flows.some((f) => f.id === "flow-x")).toBe(false);
    expect(loaded.quarantined).toBeGreaterThan(0);
    const aside = await db.quarantine.where("journeyId").equals(good.id).toArray();
    expect(aside.map((q) => `${q.kind}/${q.id}`)).toEqual(
      expect.arrayContaining(["step/step-2", "flow/flow-x"]),
    );
    expect(loaded.journey.steps.map((s) => s.id)).not.toContain("step-2");
    expect(loaded.report).toContainEqual({
      path: "steps",
      message: expect.stringContaining('"step-2" set aside'),
    });
    expect(await db.records.get([good.id, "step", "step-2"])).toBeUndefined(); // moved, not copied
    expect(aside.find((q) => q.id === "flow-x")?.raw).toMatchObject({ data: { to: "nowhere" } });

    // The app begins autosave with a full snapshot after repairs: the next save stores them.
    const autosave = autosaveFor(repo);
    await autosave.begin(loaded.journey, { fullSnapshot: true });
    autosave.track({ ...loaded.journey, title: "Repaired" });
    await autosave.flush();
    const again = await repo.load(good.id);
    expect(again.ok && again.report).toEqual([]);
  });
});

describe("blocked upgrade", () => {
  it("tells the user to close the old tab, and opens once it has closed", async () => {
    const name = uniqueName();
    const oldTab = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10); // schema version 1, as Dexie stores it
      request.onupgradeneeded = () =>
        request.result.createObjectStore("journeys", { keyPath: "id" });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    oldTab.onversionchange = () => {}; // an old tab that does not close by itself
    const onBlocked = vi.fn();
    const opening = openStorage({ name, onBlocked, markerStorage: null });
    await eventually(() => expect(onBlocked).toHaveBeenCalled());
    oldTab.close();
    const session = await opening;
    sessionCleanup(session);
    expect(session.mode).toBe("ready");
  });
});

describe("eviction between sessions", () => {
  function memoryMarkers(): MarkerStorage & { map: Map<string, string> } {
    const map = new Map<string, string>();
    return {
      map,
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    };
  }

  it("an empty database where journeys were stored is reported as evicted", async () => {
    const name = uniqueName();
    const markers = memoryMarkers();
    const first = await openStorage({ name, markerStorage: markers });
    expect(first.evicted).toBe(false);
    await first.repository!.create(makeJourney());
    expect(markers.map.get(HAD_JOURNEYS_KEY)).toBe("1");
    first.db!.close();
    await Dexie.delete(name); // the browser removed the data

    const second = await openStorage({
      name,
      markerStorage: markers,
      samples: [makeJourney({ id: "sample" })],
    });
    sessionCleanup(second);
    expect(second.evicted).toBe(true);
    expect(second.seeded).toBe(false);
    expect(await second.repository!.list()).toEqual([]);
  });

  it("a first run seeds and is not an eviction; purging everything clears the marker", async () => {
    const name = uniqueName();
    const markers = memoryMarkers();
    const session = await openStorage({
      name,
      markerStorage: markers,
      samples: [makeJourney({ id: "sample" })],
    });
    sessionCleanup(session);
    expect(session).toMatchObject({ evicted: false, seeded: true });
    expect(markers.map.get(HAD_JOURNEYS_KEY)).toBe("1");
    await session.repository!.purge("sample");
    await eventually(() => expect(markers.map.has(HAD_JOURNEYS_KEY)).toBe(false));
  });
});

describe("persistent storage", () => {
  it("maps the browser's answers", async () => {
    expect(await requestPersistentStorage(undefined)).toBe("unsupported");
    expect(
      await requestPersistentStorage({ persisted: async () => false, persist: async () => true }),
    ).toBe("granted");
    expect(
      await requestPersistentStorage({ persisted: async () => false, persist: async () => false }),
    ).toBe("denied");
    const persist = vi.fn(async () => false);
    expect(await requestPersistentStorage({ persisted: async () => true, persist })).toBe(
      "granted",
    );
    expect(persist).not.toHaveBeenCalled();
    expect(await requestPersistentStorage({ persist: () => Promise.reject(new Error("no")) })).toBe(
      "unsupported",
    );
    expect(await persistentStorageStatus({ persisted: async () => false })).toBe("denied");
    expect(await persistentStorageStatus({})).toBe("unsupported");
  });
});
