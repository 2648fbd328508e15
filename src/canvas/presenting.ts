/**
 * Entering and leaving presentation mode: session state in the store, and the browser's full
 * screen where it has one. Without the Fullscreen API (or when the browser refuses it) the
 * presentation fills the window instead: the app bar, toolbar and panels are hidden either way.
 */
import type { SeamsStore } from "../store/store";

/** Starts presenting. Call from a click or key press: browsers allow full screen only then. */
export function startPresenting(store: SeamsStore): void {
  if (store.getState().presenting) return;
  store.getState().setPresenting(true);
  const root = document.documentElement;
  if (typeof root.requestFullscreen !== "function" || document.fullscreenElement) return;
  // A refusal (no permission, an iframe, a kiosk) leaves the presentation filling the window.
  root.requestFullscreen({ navigationUI: "hide" }).catch(() => undefined);
}

/** Stops presenting, leaving full screen if the presentation entered it. */
export function stopPresenting(store: SeamsStore): void {
  if (!store.getState().presenting) return;
  store.getState().setPresenting(false);
  if (document.fullscreenElement && typeof document.exitFullscreen === "function") {
    document.exitFullscreen().catch(() => undefined);
  }
}
