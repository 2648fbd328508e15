/** Undo and redo over whole journey values. Operations keep references, so consecutive
 * entries share every unchanged record and the history costs little memory. */
import type { Journey } from "../domain/model";

export const HISTORY_LIMIT = 200;

export interface History {
  past: Journey[];
  future: Journey[];
}

export const emptyHistory: History = { past: [], future: [] };

/** Records `previous` as an undoable state after a change. */
export function record(history: History, previous: Journey): History {
  const past = history.past.length >= HISTORY_LIMIT ? history.past.slice(1) : history.past.slice();
  past.push(previous);
  return { past, future: [] };
}

/** Steps back: returns the journey to show and the new history, or null when nothing to undo. */
export function undo(history: History, current: Journey): { journey: Journey; history: History } | null {
  const previous = history.past[history.past.length - 1];
  if (!previous) return null;
  return {
    journey: previous,
    history: { past: history.past.slice(0, -1), future: [current, ...history.future] },
  };
}

/** Steps forward again after an undo. */
export function redo(history: History, current: Journey): { journey: Journey; history: History } | null {
  const next = history.future[0];
  if (!next) return null;
  return {
    journey: next,
    history: { past: [...history.past, current], future: history.future.slice(1) },
  };
}
