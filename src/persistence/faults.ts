/**
 * Opening storage and living with its faults: IndexedDB missing or refusing to open (memory-
 * only mode), data from a newer version (read-only), another tab upgrading the schema
 * (read-only, ask for a reload), our upgrade blocked by an old tab, site data cleared while
 * open (next save is a full snapshot), the browser evicting data between sessions, and the
 * persistent-storage request.
 */
import type { Journey } from "../domain/model";
import { SeamsDatabase, type SeamsDatabaseOptions } from "./db";
import { storageErrorMessage, type StorageErrorInfo } from "./errors";
import { JourneyRepository, type RepositoryOptions } from "./repository";

export type StorageMode = "ready" | "read-only" | "unavailable";

export interface StorageSession {
  mode: StorageMode;
  /** Why storage is read-only or unavailable. */
  error: StorageErrorInfo | null;
  db: SeamsDatabase | null;
  repository: JourneyRepository | null;
  /** The browser removed journeys this browser had stored (see detectEviction). */
  evicted: boolean;
  /** The sample journeys were added on this (first) run. */
  seeded: boolean;
}

export interface ConnectionHandlers {
  /** Another tab upgraded or deleted the database. This tab is read-only now: ask the user
   * to reload. */
  onVersionChange?: () => void;
  /** Our upgrade waits for another tab of Seams to close. */
  onBlocked?: () => void;
  /** The connection was closed under us (site data cleared). The next save rewrites the
   * whole journey; tell the user their stored data was cleared and re-saved. */
  onClosed?: () => void;
}

/** A key-value store for the eviction marker (localStorage in the browser). */
export type MarkerStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface OpenStorageOptions
  extends SeamsDatabaseOptions, ConnectionHandlers, RepositoryOptions {
  /** Where the "journeys existed" marker lives; null for none. Defaults to localStorage. */
  markerStorage?: MarkerStorage | null;
  /** Sample journeys to add on the very first run. */
  samples?: Journey[];
  /** Called with the database before it opens (tests add middleware here). */
  prepare?: (db: SeamsDatabase) => void;
}

export const HAD_JOURNEYS_KEY = "seams.hadJourneys";

/** Open the database and decide the storage mode. Never throws. */
export async function openStorage(options: OpenStorageOptions = {}): Promise<StorageSession> {
  const unavailable = (): StorageSession => ({
    mode: "unavailable",
    error: { kind: "unavailable", message: storageErrorMessage("unavailable") },
    db: null,
    repository: null,
    evicted: false,
    seeded: false,
  });
  const factory = options.indexedDB ?? globalIndexedDB();
  if (!factory) return unavailable();
  const markers =
    options.markerStorage === undefined ? globalMarkerStorage() : options.markerStorage;
  let db: SeamsDatabase | null = null;
  try {
    db = new SeamsDatabase({ ...options, indexedDB: factory });
    options.prepare?.(db);
    const repository = new JourneyRepository(db, options);
    installConnectionHandlers(db, repository, options);
    await db.open();
    if ((await repository.checkStoredVersion()) === "newer-version") {
      const error: StorageErrorInfo = {
        kind: "newer-version",
        message: storageErrorMessage("newer-version"),
      };
      return { mode: "read-only", error, db, repository, evicted: false, seeded: false };
    }
    const evicted = await detectEviction(repository, markers);
    const seeded =
      !evicted && options.samples ? await repository.seedIfFirstRun(options.samples) : false;
    trackHadJourneys(repository, markers);
    if ((await repository.countJourneys()) > 0) safeSet(markers, HAD_JOURNEYS_KEY, "1");
    return { mode: "ready", error: null, db, repository, evicted, seeded };
  } catch {
    db?.close({ disableAutoOpen: true });
    return unavailable();
  }
}

/** React to the connection's events. On `versionchange` stop writing and close without
 * auto-reopen: Dexie 4 would otherwise reopen the old schema and could recreate tables the
 * new version dropped. */
export function installConnectionHandlers(
  db: SeamsDatabase,
  repository: JourneyRepository,
  handlers: ConnectionHandlers,
): void {
  db.on("versionchange", () => {
    repository.setReadOnly("version-change");
    db.close({ disableAutoOpen: true });
    handlers.onVersionChange?.();
    return false;
  });
  db.on("blocked", () => handlers.onBlocked?.());
  db.on("close", () => handlers.onClosed?.());
}

/** True when a marker says this browser had journeys but the database has none: the browser
 * (or the user, clearing site data) removed them between sessions. */
export async function detectEviction(
  repository: JourneyRepository,
  markers: MarkerStorage | null,
): Promise<boolean> {
  if (safeGet(markers, HAD_JOURNEYS_KEY) !== "1") return false;
  return (await repository.countJourneys()) === 0;
}

/** Keep the marker true while journeys are stored; clear it when the last one is purged. */
export function trackHadJourneys(
  repository: JourneyRepository,
  markers: MarkerStorage | null,
): () => void {
  if (!markers) return () => {};
  return repository.onCommit((info) => {
    if (info.changed.length > 0 || !info.full) return safeSet(markers, HAD_JOURNEYS_KEY, "1");
    void repository.countJourneys().then(
      (n) =>
        n > 0 ? safeSet(markers, HAD_JOURNEYS_KEY, "1") : safeRemove(markers, HAD_JOURNEYS_KEY),
      () => undefined,
    );
  });
}

export type PersistenceAnswer = "granted" | "denied" | "unsupported";

interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

/** Ask the browser not to evict Seams' data (navigator.storage.persist). */
export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined = globalStorageManager(),
): Promise<PersistenceAnswer> {
  if (!storage?.persist) return "unsupported";
  try {
    if (storage.persisted && (await storage.persisted())) return "granted";
    return (await storage.persist()) ? "granted" : "denied";
  } catch {
    return "unsupported";
  }
}

/** Whether storage is already persistent, without asking. */
export async function persistentStorageStatus(
  storage: StorageManagerLike | undefined = globalStorageManager(),
): Promise<PersistenceAnswer> {
  if (!storage?.persisted) return "unsupported";
  try {
    return (await storage.persisted()) ? "granted" : "denied";
  } catch {
    return "unsupported";
  }
}

function globalIndexedDB(): IDBFactory | undefined {
  try {
    return (globalThis as { indexedDB?: IDBFactory }).indexedDB ?? undefined;
  } catch {
    return undefined; // some private modes throw on access
  }
}

function globalMarkerStorage(): MarkerStorage | null {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? null;
  } catch {
    return null;
  }
}

function globalStorageManager(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

function safeGet(markers: MarkerStorage | null, key: string): string | null {
  try {
    return markers?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeSet(markers: MarkerStorage | null, key: string, value: string): void {
  try {
    markers?.setItem(key, value);
  } catch {
    // a full or blocked localStorage only weakens eviction detection
  }
}

function safeRemove(markers: MarkerStorage | null, key: string): void {
  try {
    markers?.removeItem(key);
  } catch {
    // as above
  }
}
