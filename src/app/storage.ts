/**
 * Wires local storage to the app: opens IndexedDB (or falls back to memory), seeds the
 * sample journeys on the first run, plugs the library backend into the library store, and
 * keeps the open journey saved (autosave subscribes to the document store) and in step with
 * other tabs, and keeps the library list in step with what storage holds (changes made in
 * other tabs included). Components never call this module; the app shell does.
 */
import type { LibraryBackend } from "../domain/library";
import type { Journey } from "../domain/model";
import { SAMPLE_JOURNEYS } from "../domain/samples";
import { Autosave, type AutosaveState } from "../persistence/autosave";
import { openStorage, requestPersistentStorage, type StorageSession } from "../persistence/faults";
import { memoryBackend, repositoryBackend, watchLibrary, type MemoryJourneys } from "../persistence/library-backends";
import type { JourneyRepository } from "../persistence/repository";
import { TabSync } from "../persistence/tab-sync";
import { useLibrary } from "../store/library";
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
  if (session.repository) {
    watchLibrary(session.repository, (journeys, trash) => useLibrary.getState().setLists(journeys, trash));
  }
  void requestPersistentStorage().then((answer) => library.setPersistence(answer));
  return storage;
}

function toStatus(state: AutosaveState) {
  const library = useLibrary.getState();
  if (state.readOnly) return library.setSaveStatus("read-only", state.error);
  if (state.status === "error") return library.setSaveStatus("error", state.error);
  library.setSaveStatus(state.status === "unsaved" ? "saving" : state.status, null);
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

