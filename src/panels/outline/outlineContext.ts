/**
 * What every part of the outline shares: the live region, where focus goes after a change,
 * and the journey's index. Focus keys name focusable places: "step:<id>", "step:<id>:later",
 * "stage:<id>:heading", "stage:<id>:add", "outline:add-stage".
 */
import { createContext, useContext } from "react";
import type { OutlineIndex } from "./outlineText";

export interface OutlineApi {
  index: OutlineIndex;
  readOnly: boolean;
  /** Id of the element that explains the keys of a step item. */
  hintId: string;
  /** Says a result in the polite live region. */
  announce(message: string): void;
  /** Moves focus to a place once the change in progress has been drawn. */
  requestFocus(key: string): void;
}

export const OutlineContext = createContext<OutlineApi | null>(null);

export function useOutline(): OutlineApi {
  const api = useContext(OutlineContext);
  if (!api) throw new Error("useOutline is used outside OutlineView");
  return api;
}

/** The focus key of a step item or one of its controls. */
export const stepKey = (stepId: string, control?: string) =>
  control ? `step:${stepId}:${control}` : `step:${stepId}`;

export const stageKey = (stageId: string, control: "heading" | "add" | "rename") =>
  `stage:${stageId}:${control}`;
