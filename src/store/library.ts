/**
 * Library state: the journeys on this machine, the trash, and how storage is doing. The
 * persistence layer is plugged in at start-up as a backend; panels only see this store.
 */
import { create } from "zustand";
import type { Journey, JourneyId } from "../domain/model";

export interface JourneySummary {
  id: JourneyId;
  title: string;
  scenario: string;
  updatedAt: string;
  deletedAt: string | null;
  stepCount: number;
  organisationCount: number;
}

export interface VersionSummary {
  id: string;
  journeyId: JourneyId;
  name: string;
  createdAt: string;
  stepCount: number;
}

/** The outcome of restoring a named version: the journey to put in the store, and the name
 * under which the state before the restore was kept; or why it could not be restored. */
export type VersionRestore =
  { ok: true; journey: Journey; keptAs: string } | { ok: false; message: string };

export type SaveStatus = "saved" | "saving" | "unsaved" | "error" | "memory-only" | "read-only";

export interface StorageProblem {
  kind: string;
  message: string;
}

/** What the app's storage provides; implemented by the persistence wiring. */
export interface LibraryBackend {
  list(trash: boolean): Promise<JourneySummary[]>;
  create(journey: Journey): Promise<void>;
  trash(id: JourneyId): Promise<void>;
  restoreFromTrash(id: JourneyId): Promise<void>;
  purge(id: JourneyId): Promise<void>;
  duplicate(id: JourneyId, title: string): Promise<JourneyId>;
  rename(id: JourneyId, title: string): Promise<void>;
  listVersions(journeyId: JourneyId): Promise<VersionSummary[]>;
  /** Keeps `journey` as it is now under `name`. Throws an Error whose message is for the user. */
  takeVersion(journey: Journey, name: string): Promise<void>;
  loadVersion(versionId: string): Promise<Journey | null>;
  /** The version's journey, after keeping `current` as a version too. Nothing is put in the
   * store: the caller does that, as one undoable change. */
  restoreVersion(versionId: string, current: Journey): Promise<VersionRestore>;
  /** Removes a version for good. Throws an Error whose message is for the user. */
  deleteVersion(versionId: string): Promise<void>;
  /** The stored journey, or null (for merging a file into a journey that is not open). */
  loadJourney(id: JourneyId): Promise<Journey | null>;
  /** Saves a new state of a stored journey that is not open (a merge), writing what differs
   * from `before`. Throws an Error whose message is for the user. */
  saveJourney(before: Journey, after: Journey): Promise<void>;
}

export interface LibraryState {
  backend: LibraryBackend | null;
  ready: boolean;
  journeys: JourneySummary[];
  trash: JourneySummary[];
  saveStatus: SaveStatus;
  problem: StorageProblem | null;
  persistence: "granted" | "denied" | "unsupported" | "unknown";
  notices: string[];
  setBackend(backend: LibraryBackend): void;
  refresh(): Promise<void>;
  /** The lists as storage holds them now (another tab, or this one, changed them). */
  setLists(journeys: JourneySummary[], trash: JourneySummary[]): void;
  setSaveStatus(status: SaveStatus, problem?: StorageProblem | null): void;
  setPersistence(value: LibraryState["persistence"]): void;
  notify(message: string): void;
  dismissNotice(index: number): void;
}

export const useLibrary = create<LibraryState>()((set, get) => ({
  backend: null,
  ready: false,
  journeys: [],
  trash: [],
  saveStatus: "saved",
  problem: null,
  persistence: "unknown",
  notices: [],
  setBackend(backend) {
    set({ backend });
  },
  async refresh() {
    const backend = get().backend;
    if (!backend) return;
    const [journeys, trash] = await Promise.all([backend.list(false), backend.list(true)]);
    set({ journeys, trash, ready: true });
  },
  setLists(journeys, trash) {
    set({ journeys, trash, ready: true });
  },
  setSaveStatus(saveStatus, problem = null) {
    if (get().saveStatus === saveStatus && get().problem?.message === problem?.message) return;
    set({ saveStatus, problem });
  },
  setPersistence(persistence) {
    set({ persistence });
  },
  notify(message) {
    set({ notices: [...get().notices, message] });
  },
  dismissNotice(index) {
    set({ notices: get().notices.filter((_, i) => i !== index) });
  },
}));
