/**
 * The application store: one Zustand store made of typed slices. Document state (the
 * journey and its history) is saved and exported; session state (selection, view, overlays)
 * is neither; ephemeral drag state lives in the canvas until a gesture ends.
 */
import { create } from "zustand";
import type { JourneyBinding } from "../collab/binding";
import type { CollabRef } from "../collab/layout";
import type { CollabRead } from "../collab/read";
import type { FlowId, Journey, StageId, StepId } from "../domain/model";
import { emptyHistory, record, redo, undo, type History } from "./history";

export type View = "canvas" | "outline";

export interface Overlays {
  handoffs: boolean;
  duplicates: boolean;
  repeated: boolean;
}

export interface FocusRequest {
  stepIds: StepId[];
  /** A stage to bring into view instead (one just added), when there are no steps. */
  stageId?: StageId;
  nonce: number;
  /** "fit" zooms to show the steps (a finding, a search result); "reveal" keeps the zoom and
   * pans only when a step is off screen (moving from step to step with the keyboard). */
  mode: "fit" | "reveal";
}

/** The side panel's tabs: the selection's details, lanes and stages, insights, versions. */
export type SideTab = "step" | "structure" | "insights" | "versions";
/** Which side panels are open: the touchpoint palette on the left, the details on the right. */
export interface PanelsOpen {
  palette: boolean;
  details: boolean;
}

/** The step just added, and the journey right after adding it: while the journey is still that
 * one, the addition can be taken back as if it never happened (Escape on the new card). */
export interface NewStep {
  id: StepId;
  journey: Journey;
}

export interface Clipboard {
  steps: Journey["steps"];
  flows: Journey["flows"];
}

export interface DocumentSlice {
  journey: Journey | null;
  /** Snapshot undo, for a journey not bound to a shared document. */
  history: History;
  /** Whether Undo and Redo have something to take back (this person's own changes). */
  canUndo: boolean;
  canRedo: boolean;
  /** The shared document the journey is bound to: every change goes through it, and undo
   * takes back only this person's own changes. */
  binding: JourneyBinding | null;
  /** Lanes, stages and organisations someone removed while someone else added to them: they
   * came back and are marked until removed again or kept. A view of the shared document, never
   * saved with the journey. */
  restored: readonly CollabRef[];
  /** Set when the stored data was written by a newer app, or another tab upgraded the database. */
  readOnly: boolean;
  /** Replaces the open journey (open, reload): history starts afresh. With `binding`, the
   * journey is what that shared document holds, and changes from elsewhere arrive through it. */
  openJourney(
    journey: Journey | null,
    options?: { readOnly?: boolean; binding?: JourneyBinding },
  ): void;
  /** Replaces the journey without touching history: changes that arrive from another tab. */
  receiveJourney(journey: Journey): void;
  /** Keeps a lane, stage or organisation that came back after a removal (its mark goes). */
  keepRestored(ref: CollabRef): void;
  /** Runs one user intent: refuses when read-only, records history, keeps no-ops silent. */
  change(update: (journey: Journey) => Journey): boolean;
  undo(): void;
  redo(): void;
  /** Takes back the latest change when the journey is still `expected` (what that change made),
   * leaving nothing to redo: for a change that the same intent cancels (a new step abandoned
   * with Escape). Returns whether it did. */
  withdraw(expected: Journey): boolean;
  setReadOnly(readOnly: boolean): void;
}

export interface SessionSlice {
  selectedStepIds: StepId[];
  selectedFlowIds: FlowId[];
  view: View;
  overlays: Overlays;
  focusRequest: FocusRequest | null;
  clipboard: Clipboard | null;
  /** The step whose label is being edited in place on the canvas. */
  editingStepId: StepId | null;
  sideTab: SideTab;
  newStep: NewStep | null;
  panels: PanelsOpen;
  /** Presentation mode: the canvas alone, full screen, stepping through stages or findings. */
  presenting: boolean;
  select(stepIds: StepId[], flowIds?: FlowId[]): void;
  setView(view: View): void;
  setSideTab(tab: SideTab): void;
  toggleOverlay(name: keyof Overlays): void;
  /** Selects steps and asks the canvas to bring them into view. */
  focusSteps(stepIds: StepId[], mode?: FocusRequest["mode"]): void;
  setClipboard(clipboard: Clipboard | null): void;
  setEditingStep(id: StepId | null): void;
  setNewStep(newStep: NewStep | null): void;
  /** Opens or closes one side panel (true opens it). */
  setPanel(name: keyof PanelsOpen, open: boolean): void;
  setPresenting(presenting: boolean): void;
  /** Brings a stage into view on the canvas. */
  revealStage(stageId: StageId): void;
}

export type SeamsState = DocumentSlice & SessionSlice;

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** The selection and the in-place edit, without the steps and flows that are no longer in the
 * journey (undone, removed with their lane, deleted in another tab). Unchanged lists are
 * returned as they were, so nothing that reads them redraws. */
function sessionWithin(
  session: Pick<SessionSlice, "selectedStepIds" | "selectedFlowIds" | "editingStepId">,
  journey: Journey,
): Pick<SessionSlice, "selectedStepIds" | "selectedFlowIds" | "editingStepId"> {
  const { selectedStepIds, selectedFlowIds, editingStepId } = session;
  if (selectedStepIds.length === 0 && selectedFlowIds.length === 0 && editingStepId === null) {
    return { selectedStepIds, selectedFlowIds, editingStepId };
  }
  const stepIds = new Set(journey.steps.map((s) => s.id));
  const flowIds = new Set(journey.flows.map((f) => f.id));
  const keep = (ids: string[], present: Set<string>) =>
    ids.every((id) => present.has(id)) ? ids : ids.filter((id) => present.has(id));
  return {
    selectedStepIds: keep(selectedStepIds, stepIds),
    selectedFlowIds: keep(selectedFlowIds, flowIds),
    editingStepId: editingStepId !== null && stepIds.has(editingStepId) ? editingStepId : null,
  };
}

export const createSeamsStore = () => {
  let focusNonce = 0;
  let stopListening: (() => void) | null = null;
  return create<SeamsState>()((set, get) => {
    /** The store after a read of the shared document: only what changed is replaced. */
    const fromRead = (read: CollabRead, binding: JourneyBinding) => {
      const state = get();
      const patch: Partial<SeamsState> = {
        canUndo: binding.canUndo(),
        canRedo: binding.canRedo(),
      };
      if (read.journey !== state.journey)
        Object.assign(patch, { journey: read.journey }, sessionWithin(state, read.journey));
      if (read.restored !== state.restored) patch.restored = read.restored;
      set(patch);
    };
    const afterHistory = (history: History) => ({
      history,
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
    });
    return {
      journey: null,
      history: emptyHistory,
      canUndo: false,
      canRedo: false,
      binding: null,
      restored: [],
      readOnly: false,
      openJourney(journey, options) {
        stopListening?.();
        stopListening = null;
        const binding = options?.binding ?? null;
        if (binding) {
          binding.clearHistory();
          stopListening = binding.onRemoteChange((read) => {
            if (get().binding === binding) fromRead(read, binding);
          });
        }
        set({
          journey,
          history: emptyHistory,
          canUndo: false,
          canRedo: false,
          binding,
          restored: binding?.read()?.restored ?? [],
          readOnly: options?.readOnly ?? false,
          selectedStepIds: [],
          selectedFlowIds: [],
          editingStepId: null,
          newStep: null,
          focusRequest: null,
          sideTab: "step",
        });
      },
      receiveJourney(journey) {
        set({ journey, ...sessionWithin(get(), journey) });
      },
      keepRestored(ref) {
        const { binding, readOnly } = get();
        if (!binding || readOnly) return;
        const read = binding.keepRestored(ref);
        if (read) fromRead(read, binding);
      },
      change(update) {
        const { journey, readOnly, history, binding } = get();
        if (!journey || readOnly) return false;
        const next = update(journey);
        if (next === journey) return false;
        const updated = { ...next, updatedAt: new Date().toISOString() };
        if (binding) {
          const read = binding.commit(journey, updated);
          if (!read) return false;
          fromRead(read, binding);
          return true;
        }
        set({
          journey: updated,
          ...afterHistory(record(history, journey)),
          ...sessionWithin(get(), updated),
        });
        return true;
      },
      undo() {
        const { journey, history, readOnly, binding } = get();
        if (!journey || readOnly) return;
        if (binding) {
          const read = binding.undo();
          if (read) fromRead(read, binding);
          return;
        }
        const result = undo(history, journey);
        if (result)
          set({
            journey: result.journey,
            ...afterHistory(result.history),
            ...sessionWithin(get(), result.journey),
          });
      },
      redo() {
        const { journey, history, readOnly, binding } = get();
        if (!journey || readOnly) return;
        if (binding) {
          const read = binding.redo();
          if (read) fromRead(read, binding);
          return;
        }
        const result = redo(history, journey);
        if (result)
          set({
            journey: result.journey,
            ...afterHistory(result.history),
            ...sessionWithin(get(), result.journey),
          });
      },
      withdraw(expected) {
        const { journey, history, readOnly, binding } = get();
        if (readOnly || journey !== expected) return false;
        if (binding) {
          const read = binding.withdraw();
          if (!read) return false;
          fromRead(read, binding);
          return true;
        }
        const previous = history.past[history.past.length - 1];
        if (!previous) return false;
        set({
          journey: previous,
          ...afterHistory({ past: history.past.slice(0, -1), future: history.future }),
          ...sessionWithin(get(), previous),
        });
        return true;
      },
      setReadOnly(readOnly) {
        set({ readOnly });
      },

      selectedStepIds: [],
      selectedFlowIds: [],
      view: "canvas",
      overlays: { handoffs: true, duplicates: true, repeated: true },
      focusRequest: null,
      clipboard: null,
      editingStepId: null,
      sideTab: "step",
      newStep: null,
      panels: { palette: true, details: true },
      presenting: false,
      select(stepIds, flowIds = []) {
        const state = get();
        if (sameIds(state.selectedStepIds, stepIds) && sameIds(state.selectedFlowIds, flowIds))
          return;
        set({ selectedStepIds: stepIds, selectedFlowIds: flowIds });
      },
      setView(view) {
        set({ view });
      },
      setSideTab(sideTab) {
        if (get().sideTab !== sideTab) set({ sideTab });
      },
      toggleOverlay(name) {
        set({ overlays: { ...get().overlays, [name]: !get().overlays[name] } });
      },
      focusSteps(stepIds, mode = "fit") {
        // A counter, not the time: two requests in the same millisecond (a key held down) are both
        // followed.
        focusNonce += 1;
        set({
          selectedStepIds: stepIds,
          selectedFlowIds: [],
          focusRequest: { stepIds, nonce: focusNonce, mode },
        });
      },
      setClipboard(clipboard) {
        set({ clipboard });
      },
      setEditingStep(id) {
        set({ editingStepId: id });
      },
      setNewStep(newStep) {
        set({ newStep });
      },
      setPanel(name, open) {
        const { panels } = get();
        if (panels[name] !== open) set({ panels: { ...panels, [name]: open } });
      },
      setPresenting(presenting) {
        set({ presenting });
      },
      revealStage(stageId) {
        set({ focusRequest: { stepIds: [], stageId, nonce: Date.now(), mode: "reveal" } });
      },
    };
  });
};

export type SeamsStore = ReturnType<typeof createSeamsStore>;

/** The store the app runs on. Tests make their own with createSeamsStore. */
export const useSeams = createSeamsStore();
