/**
 * Which side panels are open is session state, kept on this computer between visits (never in
 * the journey, never exported): a workshop laptop that collapsed its panels for the projector
 * finds them collapsed after a reload.
 */
import type { PanelsOpen, SeamsStore } from "../store/store";

const KEY = "seams.panels";

/** Reads the stored choice; anything missing or unreadable leaves a panel open. */
export function readPanels(storage: Pick<Storage, "getItem">): Partial<PanelsOpen> {
  try {
    const raw: unknown = JSON.parse(storage.getItem(KEY) ?? "{}");
    if (!raw || typeof raw !== "object") return {};
    const out: Partial<PanelsOpen> = {};
    for (const name of ["palette", "details"] as const) {
      const value = (raw as Record<string, unknown>)[name];
      if (typeof value === "boolean") out[name] = value;
    }
    return out;
  } catch {
    return {};
  }
}

/** Applies the stored choice to the store, then stores every later change. Storage that is
 * missing or full (private mode) only means the choice is not remembered. */
export function rememberPanels(store: SeamsStore, storage: Pick<Storage, "getItem" | "setItem"> | null = safeLocalStorage()): () => void {
  if (!storage) return () => undefined;
  const saved = readPanels(storage);
  for (const name of ["palette", "details"] as const) {
    const open = saved[name];
    if (open !== undefined) store.getState().setPanel(name, open);
  }
  return store.subscribe((state, previous) => {
    if (state.panels === previous.panels) return;
    try {
      storage.setItem(KEY, JSON.stringify(state.panels));
    } catch {
      // Not remembered; the panels still open and close.
    }
  });
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
