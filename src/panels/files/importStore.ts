/**
 * Opening journey files, one after another: size guard, reading with progress, checking, then
 * adding each valid journey to the library. A file whose journey is already in the library
 * stops to ask: compare and merge, or keep a separate copy. Nothing is ever written over an
 * existing journey, and a file that cannot be opened changes nothing.
 *
 * Session state only (what is being opened, and what happened): never saved or exported.
 */
import { create } from "zustand";
import type { Journey } from "../../domain/model";
import type { Repair } from "../../format/errors";
import { useLibrary } from "../../store/library";
import {
  importErrorView,
  parseInBackground,
  planImport,
  readFileBytes,
  separateCopy,
  sizeGuard,
  type ImportErrorView,
} from "./import-flow";

/** A valid journey file, opened. */
export interface OpenedFile {
  fileName: string;
  journey: Journey;
  baseVersionId: string | null;
  report: Repair[];
}

export interface FileFailure {
  fileName: string;
  error: ImportErrorView;
}

export type ImportPhase =
  | { name: "idle" }
  | { name: "reading"; fileName: string; loaded: number; total: number }
  | { name: "checking"; fileName: string }
  | { name: "ask"; opened: OpenedFile; existingTitle: string; inTrash: boolean }
  | { name: "merge"; opened: OpenedFile };

/** What the last run of imports did, for the user to read. */
export interface ImportOutcome {
  added: { id: string; title: string; fileName: string; repairs: Repair[]; copy: boolean }[];
  merged: { id: string; title: string }[];
  failures: FileFailure[];
}

export interface ImportState {
  phase: ImportPhase;
  queue: File[];
  /** Results of the files opened so far in this run. */
  running: ImportOutcome;
  /** Shown once a run has finished; cleared by dismiss. */
  outcome: ImportOutcome | null;
  /** Opens a journey in the editor; set by the layer that hosts the dialogs. */
  openJourney: ((id: string) => void) | null;
  setOpener(open: ((id: string) => void) | null): void;
  openFiles(files: Iterable<File>): void;
  keepSeparate(): Promise<void>;
  compare(): void;
  /** The merge dialog finished: `merged` says what it changed, null if it was cancelled. */
  mergeDone(merged: { id: string; title: string } | null): void;
  /** The merge dialog chose to keep the file as a separate journey instead. */
  mergeAsCopy(): Promise<void>;
  cancel(): void;
  dismiss(): void;
}

const emptyOutcome = (): ImportOutcome => ({ added: [], merged: [], failures: [] });

export const useImport = create<ImportState>()((set, get) => {
  const fail = (fileName: string, error: Parameters<typeof importErrorView>[0]) => {
    const running = get().running;
    set({ running: { ...running, failures: [...running.failures, { fileName, error: importErrorView(error) }] } });
  };

  /** Adds a journey to the library (never replacing one) and records it. */
  async function add(opened: OpenedFile, journey: Journey, copy: boolean): Promise<void> {
    const library = useLibrary.getState();
    if (!library.backend) {
      fail(opened.fileName, { kind: "invalid", message: "Your library is not open yet.", issues: [] });
      return;
    }
    try {
      await library.backend.create(journey);
    } catch (error) {
      const message = error instanceof Error ? error.message : "It could not be saved.";
      fail(opened.fileName, { kind: "invalid", message: `It could not be added to your library: ${message}`, issues: [] });
      return;
    }
    await library.refresh();
    const running = get().running;
    set({
      running: {
        ...running,
        added: [...running.added, { id: journey.id, title: journey.title, fileName: opened.fileName, repairs: opened.report, copy }],
      },
    });
  }

  /** Opens the next file of the queue, or ends the run. */
  async function next(): Promise<void> {
    const [file, ...rest] = get().queue;
    if (!file) {
      finishRun();
      return;
    }
    set({ queue: rest, phase: { name: "reading", fileName: file.name, loaded: 0, total: file.size } });
    const tooLarge = sizeGuard(file);
    if (tooLarge) {
      fail(file.name, tooLarge);
      return next();
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFileBytes(file, (loaded, total) =>
        set({ phase: { name: "reading", fileName: file.name, loaded, total } }),
      );
    } catch {
      fail(file.name, { kind: "not-a-journey-file", message: "The file could not be read. It may have been moved or deleted." });
      return next();
    }
    set({ phase: { name: "checking", fileName: file.name } });
    const parsed = await parseInBackground(bytes);
    if (!parsed.ok) {
      fail(file.name, parsed.error);
      return next();
    }
    const opened: OpenedFile = {
      fileName: file.name,
      journey: parsed.journey,
      baseVersionId: parsed.envelope.baseVersionId,
      report: parsed.report,
    };
    const library = useLibrary.getState();
    const plan = planImport(
      parsed.journey,
      new Set(library.journeys.map((j) => j.id)),
      new Set(library.trash.map((j) => j.id)),
    );
    if (plan.action === "ask") {
      const existing = [...library.journeys, ...library.trash].find((j) => j.id === parsed.journey.id);
      set({ phase: { name: "ask", opened, existingTitle: existing?.title ?? "", inTrash: plan.inTrash } });
      return;
    }
    await add(opened, opened.journey, false);
    return next();
  }

  function finishRun(): void {
    const outcome = get().running;
    set({ phase: { name: "idle" }, running: emptyOutcome(), outcome });
    const only = outcome.added.length === 1 && outcome.failures.length === 0 && outcome.merged.length === 0;
    if (only) get().openJourney?.(outcome.added[0]!.id);
  }

  return {
    phase: { name: "idle" },
    queue: [],
    running: emptyOutcome(),
    outcome: null,
    openJourney: null,
    setOpener(open) {
      set({ openJourney: open });
    },
    openFiles(files) {
      const list = [...files];
      if (list.length === 0) return;
      const idle = get().phase.name === "idle";
      set({ queue: [...get().queue, ...list], ...(idle ? { outcome: null } : {}) });
      if (idle) void next();
    },
    async keepSeparate() {
      const phase = get().phase;
      if (phase.name !== "ask" && phase.name !== "merge") return;
      await add(phase.opened, separateCopy(phase.opened.journey), true);
      await next();
    },
    compare() {
      const phase = get().phase;
      if (phase.name === "ask" && !phase.inTrash) set({ phase: { name: "merge", opened: phase.opened } });
    },
    mergeDone(merged) {
      if (merged) {
        const running = get().running;
        set({ running: { ...running, merged: [...running.merged, merged] } });
      }
      void next();
    },
    async mergeAsCopy() {
      await get().keepSeparate();
    },
    cancel() {
      void next();
    },
    dismiss() {
      set({ outcome: null });
    },
  };
});
