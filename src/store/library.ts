/**
 * Library state: the journeys on this machine, the trash, and how storage is doing. The
 * persistence layer is plugged in at start-up as a backend; panels only see this store.
 */
import { create } from "zustand";
import type { JourneySummary, LibraryBackend } from "../domain/library";

export type SaveStatus = "saved" | "saving" | "unsaved" | "error" | "memory-only" | "read-only";

export interface StorageProblem {
  kind: string;
  message: string;
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
