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
  takeVersion(journey: Journey, name: string): Promise<void>;
  loadVersion(versionId: string): Promise<Journey | null>;
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
