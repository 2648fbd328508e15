/** What the analysis marks on the canvas, indexed for the node and edge renderers. */
import type { FlowId, StepId } from "../model";

/** An item asked for first at a step: its name, and how many later steps ask for it again. */
export interface FirstAsk {
  label: string;
  more: number;
}

export type HandoffKind = "direct" | "citizen-carried" | "internal";

export interface CanvasHighlights {
  /** Steps in a duplicate cluster: the cluster's number (for its colour) and key. */
  duplicateOf: ReadonlyMap<StepId, { cluster: number; key: string }>;
  /** Data items a step asks for again: an earlier step has asked for them already. */
  repeatedAt: ReadonlyMap<StepId, readonly string[]>;
  /** Data items first asked for at a step and asked for again later, with how many more times
   * (drawn on the canvas; absent where nothing draws them). */
  firstAskedAt?: ReadonlyMap<StepId, readonly FirstAsk[]>;
  /** Flows that carry a handoff, by kind. */
  handoffOn: ReadonlyMap<FlowId, HandoffKind>;
}

export const NO_HIGHLIGHTS: CanvasHighlights = {
  duplicateOf: new Map(),
  repeatedAt: new Map(),
  firstAskedAt: new Map(),
  handoffOn: new Map(),
};

export const DUPLICATE_COLOURS = [
  "#b4005a",
  "#6f2dbd",
  "#00707a",
  "#9a5b00",
  "#2b4a9e",
  "#7a1f1f",
] as const;
