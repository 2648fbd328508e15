/**
 * (regression) A database a newer Seams upgraded (shared/reference/reliability.md F06, F07).
 * Found by tests/e2e/faults-upgrade.spec.ts: a tab of this build, reloaded after a newer
 * build had upgraded the schema and dropped a table, let Dexie 4 "patch" the database: it
 * re-created the dropped table and raised the version to 31, past the newer build's 30, which
 * would then find its own data newer than itself. This build must open such a database
 * read-only and change nothing in it.
 */
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { SCHEMA_VERSION, SeamsDatabase } from "../../../src/persistence/db";
import { openStorage } from "../../../src/persistence/faults";
import { JourneyRepository } from "../../../src/persistence/repository";
import { makeJourney, uniqueName } from "../persistence/helpers";

const names: string[] = [];
const open: Dexie[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

interface RawState {
  version: number;
  stores: string[];
  rows: Record<string, unknown[]>;
}

/** Opens the database without Dexie, at its current version, and reads everything. */
function rawState(name: string): Promise<RawState> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onerror = () => reject(req.error);
    req.onsuccess = async () => {
      const db = req.result;
      const stores = Array.from(db.objectStoreNames).sort();
      const rows: Record<string, unknown[]> = {};
      for (const store of stores) {
        rows[store] = await new Promise<unknown[]>((done, fail) => {
          const get = db.transaction(store).objectStore(store).getAll();
          get.onsuccess = () => done(get.result);
          get.onerror = () => fail(get.error);
        });
      }
      const version = db.version;
      db.close();
      resolve({ version, stores, rows });
    };
  });
}

/** What a newer build's upgrade does: raise the version, drop one table, add another. */
function upgradeAsNewerBuild(name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = () => {
      req.result.deleteObjectStore("quarantine");
      req.result.createObjectStore("added_later", { keyPath: "id" });
    };
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
  });
}

async function databaseUpgradedByNewerBuild(): Promise<{ name: string; before: RawState }> {
  const name = uniqueName("seams-newer-schema");
  names.push(name);
  const db = new SeamsDatabase({ name });
  await new JourneyRepository(db).create(makeJourney({ id: "claim", steps: 4 }));
  db.close();
  await upgradeAsNewerBuild(name, (SCHEMA_VERSION + 1) * 10);
  return { name, before: await rawState(name) };
}

describe("(regression) a database a newer build upgraded, with a table dropped", () => {
  it("opens read-only, still reads the journeys, and changes nothing", async () => {
    const { name, before } = await databaseUpgradedByNewerBuild();
    expect(before.version).toBe((SCHEMA_VERSION + 1) * 10);
    expect(before.stores).not.toContain("quarantine");

    const session = await openStorage({ name, markerStorage: null });
    if (session.db) open.push(session.db);
    expect(session.mode).toBe("read-only");
    expect(session.error?.kind).toBe("newer-version");
    const loaded = await session.repository!.load("claim");
    expect(loaded.ok && loaded.journey.steps).toHaveLength(4);
    session.db!.close();

    expect(await rawState(name)).toEqual(before);
  });

  it("a plain open of the database class patches nothing either", async () => {
    const { name, before } = await databaseUpgradedByNewerBuild();
    const db = new SeamsDatabase({ name });
    open.push(db);
    await db.open();
    expect(db.installedSchemaVersion()).toBe(SCHEMA_VERSION + 1);
    db.close();
    expect(await rawState(name)).toEqual(before);
  });
});
