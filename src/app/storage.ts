/**
 * Wires local storage to the app: opens IndexedDB (or falls back to memory), seeds the
 * sample journeys on the first run, plugs the library backend into the library store, and
 * keeps the open journey saved (autosave subscribes to the document store) and in step with
 * other tabs, and keeps the library list in step with what storage holds (changes made in
 * other tabs included). Components never call this module; the app shell does.
 */
import { liveQuery } from "dexie";
import { newId } from "../domain/ids";
import type { Journey } from "../domain/model";
import { SAMPLE_JOURNEYS } from "../domain/samples";
import { Autosave, type AutosaveState } from "../persistence/autosave";
import { describeStorageError } from "../persistence/errors";
import { openStorage, requestPersistentStorage, type StorageSession } from "../persistence/faults";
import type { JourneyRepository } from "../persistence/repository";
import { TabSync } from "../persistence/tab-sync";
import {
  useLibrary,
  type JourneySummary,
  type LibraryBackend,
  type VersionRestore,
  type VersionSummary,
} from "../store/library";
import { useSeams } from "../store/store";

export type OpenOutcome = { ok: true } | { ok: false; message: string };

export interface AppStorage {
  backend: LibraryBackend;
  openJourney(id: string): Promise<OpenOutcome>;
  closeJourney(): Promise<void>;
  flush(): Promise<void>;
}

let started: Promise<AppStorage> | null = null;

/** Starts storage once; later calls return the same instance. */
export function startStorage(): Promise<AppStorage> {
  started ??= boot();
  return started;
}

/** Saves what is waiting to be saved: before the page reloads. */
export function flushStorage(): Promise<void> {
  return startStorage().then((storage) => storage.flush());
}

async function boot(): Promise<AppStorage> {
  const library = useLibrary.getState();
  const samples = SAMPLE_JOURNEYS.map((s) => s.build());
  const session = await openStorage({
    samples,
    onVersionChange: () => {
      useSeams.getState().setReadOnly(true);
      library.setSaveStatus("read-only", {
        kind: "closed",
        message: "Seams was updated in another tab. This tab is now read-only: reload to keep working.",
      });
    },
    onBlocked: () =>
      library.notify("Seams is waiting for another tab of Seams to close before it can update its storage."),
    onClosed: () =>
      library.notify("Your browser's stored data for Seams was cleared while it was open. The open journey is saved again."),
  });
  const storage = session.repository ? repositoryStorage(session, session.repository) : memoryStorage(samples);
  if (session.mode === "unavailable") library.setSaveStatus("memory-only", session.error);
  if (session.mode === "read-only") library.setSaveStatus("read-only", session.error);
  if (session.evicted) {
    library.notify(
      "Your browser removed the journeys Seams had stored here. Open an exported file to get them back, and keep backups of important work.",
    );
  }
  library.setBackend(storage.backend);
  await library.refresh();
  if (session.repository) watchLibrary(session.repository);
  void requestPersistentStorage().then((answer) => library.setPersistence(answer));
  return storage;
}

/** Keep the library list in step with the journeys table: a live query sees writes made by
 * this tab and, through Dexie's storagemutated broadcast, by other tabs. */
function watchLibrary(repository: JourneyRepository): void {
  liveQuery(() => repository.listAll()).subscribe({
    next: ({ journeys, trash }) => useLibrary.getState().setLists(journeys, trash),
    error: () => undefined, // the connection was closed (read-only now): the list stays as it was
  });
}

/** Run a storage write; a failure becomes an Error whose message is for the user. */
async function userFacing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw new Error(describeStorageError(e).message, { cause: e });
  }
}

function summaryOf(j: Journey, deletedAt: string | null = null): JourneySummary {
  return {
    id: j.id,
    title: j.title,
    scenario: j.scenario,
    updatedAt: j.updatedAt,
    deletedAt,
    stepCount: j.steps.length,
    organisationCount: j.actors.filter((a) => a.type === "organisation").length,
  };
}

function toStatus(state: AutosaveState) {
  const library = useLibrary.getState();
  if (state.readOnly) return library.setSaveStatus("read-only", state.error);
  if (state.status === "error") return library.setSaveStatus("error", state.error);
  library.setSaveStatus(state.status === "unsaved" ? "saving" : state.status, null);
}

/** The library over IndexedDB. */
export function repositoryBackend(repository: JourneyRepository): LibraryBackend {
  return {
    list: (trash) => repository.list({ trash }),
    create: (journey) => repository.create(journey),
    trash: (id) => repository.trash(id),
    restoreFromTrash: (id) => repository.restoreFromTrash(id),
    purge: (id) => repository.purge(id),
    async duplicate(id, title) {
      const copyId = newId("journey");
      await repository.duplicate(id, copyId, title);
      return copyId;
    },
    async rename(id, title) {
      const loaded = await repository.load(id);
      if (!loaded.ok) return;
      await repository.saveChanges(loaded.journey, { ...loaded.journey, title, updatedAt: new Date().toISOString() });
    },
    listVersions: (journeyId) => repository.listVersions(journeyId),
    async takeVersion(journey, name) {
      await userFacing(() => repository.takeVersion(journey, name));
    },
    async loadVersion(versionId) {
      const loaded = await repository.loadVersion(versionId);
      return loaded.ok ? loaded.journey : null;
    },
    async restoreVersion(versionId, current): Promise<VersionRestore> {
      let result;
      try {
        result = await repository.restoreVersion(versionId, current);
      } catch (e) {
        return { ok: false, message: describeStorageError(e).message };
      }
      if (!result.ok) return { ok: false, message: result.error.message };
      return { ok: true, journey: result.journey, keptAs: result.kept.name };
    },
    deleteVersion: (versionId) => userFacing(() => repository.deleteVersion(versionId)),
    async loadJourney(id) {
      const loaded = await repository.load(id);
      return loaded.ok ? loaded.journey : null;
    },
    async saveJourney(before, after) {
      await userFacing(() => repository.saveChanges(before, after));
    },
  };
}

function repositoryStorage(session: StorageSession, repository: JourneyRepository): AppStorage {
  const readOnly = session.mode === "read-only";
  // A save starts 0.3 s after the last edit, and never later than 0.4 s after the first
  // unsaved one, leaving time for the write itself within the 0.5 s a crash may lose.
  const autosave = new Autosave({ repository, debounceMs: 300, maxWaitMs: 400, onStatus: toStatus });
  let sync: TabSync | null = null;
  let unsubscribe: (() => void) | null = null;

  const backend = repositoryBackend(repository);

  async function closeJourney() {
    unsubscribe?.();
    unsubscribe = null;
    await autosave.flush();
    sync?.dispose();
    sync = null;
  }

  return {
    backend,
    async openJourney(id) {
      await closeJourney();
      const loaded = await repository.load(id);
      const store = useSeams.getState();
      if (!loaded.ok) {
        if (loaded.error.kind !== "newer-version") return { ok: false, message: loaded.error.message };
        return { ok: false, message: `${loaded.error.message} Update Seams (reload) to open it.` };
      }
      store.openJourney(loaded.journey, { readOnly });
      await autosave.begin(loaded.journey, { fullSnapshot: loaded.report.length > 0 });
      if (loaded.report.length > 0 || loaded.quarantined > 0) {
        useLibrary
          .getState()
          .notify(`Seams repaired this journey as it opened (${loaded.report.length + loaded.quarantined} fixes). Nothing you can see was lost.`);
      }
      unsubscribe = useSeams.subscribe((state, prev) => {
        if (state.journey && state.journey !== prev.journey) autosave.track(state.journey);
      });
      sync = new TabSync({
        journeyId: id,
        repository,
        autosave,
        getLocal: () => useSeams.getState().journey,
        apply: (journey) => useSeams.getState().receiveJourney(journey),
        onConflict: (stepIds) =>
          useLibrary
            .getState()
            .notify(
              `This journey was also changed in another tab. ${stepIds.length || "Some"} change${stepIds.length === 1 ? "" : "s"} to the same step${stepIds.length === 1 ? "" : "s"} were resolved by keeping the later save.`,
            ),
        onRemoteDeleted: () => useLibrary.getState().notify("This journey was deleted for ever in another tab."),
      });
      return { ok: true };
    },
    closeJourney,
    flush: () => autosave.flush(),
  };
}

/** Storage is unavailable (private mode, storage switched off): journeys live in memory for
 * this tab only, and the user is told to export their work. */
function memoryStorage(samples: Journey[]): AppStorage {
  const journeys: MemoryJourneys = new Map(samples.map((j) => [j.id, { journey: j, deletedAt: null }]));
  const backend = memoryBackend(journeys);
  let unsubscribe: (() => void) | null = null;
  return {
    backend,
    async openJourney(id) {
      unsubscribe?.();
      const entry = journeys.get(id);
      if (!entry) return { ok: false, message: "No such journey." };
      useSeams.getState().openJourney(entry.journey);
      unsubscribe = useSeams.subscribe((state) => {
        if (state.journey?.id === id) entry.journey = state.journey;
      });
      return { ok: true };
    },
    async closeJourney() {
      unsubscribe?.();
      unsubscribe = null;
      await useLibrary.getState().refresh(); // titles and step counts changed in memory
    },
    flush: async () => undefined,
  };
}

/** The journeys of memory-only mode, by id. */
export type MemoryJourneys = Map<string, { journey: Journey; deletedAt: string | null }>;

/** The library in memory, for this tab only. */
export function memoryBackend(journeys: MemoryJourneys): LibraryBackend {
  // Named versions, kept for this tab only like everything else here. Journeys in the store
  // are never mutated, so keeping the object keeps the version.
  const versions = new Map<string, { summary: VersionSummary; journey: Journey }>();
  let lastVersionAt = 0;
  const keepVersion = (journey: Journey, name: string): VersionSummary => {
    lastVersionAt = Math.max(Date.now(), lastVersionAt + 1); // distinct times keep the order
    const summary: VersionSummary = {
      id: newId("ver"),
      journeyId: journey.id,
      name,
      createdAt: new Date(lastVersionAt).toISOString(),
      stepCount: journey.steps.length,
    };
    versions.set(summary.id, { summary, journey });
    return summary;
  };
  return {
    async list(trash) {
      return [...journeys.values()]
        .filter((e) => (e.deletedAt !== null) === trash)
        .map((e) => summaryOf(e.journey, e.deletedAt))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    async create(journey) {
      if (!journeys.has(journey.id)) journeys.set(journey.id, { journey, deletedAt: null });
    },
    async trash(id) {
      const e = journeys.get(id);
      if (e) e.deletedAt = new Date().toISOString();
    },
    async restoreFromTrash(id) {
      const e = journeys.get(id);
      if (e) e.deletedAt = null;
    },
    async purge(id) {
      journeys.delete(id);
      for (const [key, v] of versions) if (v.summary.journeyId === id) versions.delete(key);
    },
    async duplicate(id, title) {
      const e = journeys.get(id);
      const copyId = newId("journey");
      if (e) journeys.set(copyId, { journey: { ...e.journey, id: copyId, title }, deletedAt: null });
      return copyId;
    },
    async rename(id, title) {
      const e = journeys.get(id);
      if (e) e.journey = { ...e.journey, title };
    },
    async listVersions(journeyId) {
      return [...versions.values()]
        .filter((v) => v.summary.journeyId === journeyId)
        .map((v) => v.summary)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async takeVersion(journey, name) {
      keepVersion(journey, name);
    },
    loadVersion: async (versionId) => versions.get(versionId)?.journey ?? null,
    async restoreVersion(versionId, current) {
      const version = versions.get(versionId);
      if (!version || version.summary.journeyId !== current.id) {
        return { ok: false, message: "No such version." };
      }
      const kept = keepVersion(current, `Before restoring “${version.summary.name}”`);
      const journey = { ...version.journey, id: current.id, updatedAt: new Date().toISOString() };
      return { ok: true, journey, keptAs: kept.name };
    },
    async deleteVersion(versionId) {
      versions.delete(versionId);
    },
    loadJourney: async (id) => journeys.get(id)?.journey ?? null,
    async saveJourney(_before, after) {
      const e = journeys.get(after.id);
      if (e) e.journey = after;
    },
  };
}
