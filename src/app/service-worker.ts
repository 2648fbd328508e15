/**
 * The service worker that keeps Seams working offline, and its updates. A new build is not
 * swapped in under an open tab: its worker waits, the tab says a new version is ready, and the
 * user chooses when to take it (what is waiting to be saved is saved first, then the page
 * reloads on the new version). A tab left open looks for a new version when the user comes
 * back to it. Production builds only; a browser that refuses service workers (some private
 * modes) only loses offline use.
 */
import { useSyncExternalStore } from "react";

let waiting: ServiceWorker | null = null;
const listeners = new Set<() => void>();

function setWaiting(worker: ServiceWorker) {
  waiting = worker;
  for (const listener of listeners) listener();
}

/** Whether a new version of Seams is installed and waiting for the user. */
export function useUpdateReady(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => waiting !== null,
  );
}

/** Registers the service worker once the page has loaded. */
export function startServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => {
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then((registration) => {
        // An update, not the first install: a worker is already in charge of this page.
        const offer = (worker: ServiceWorker | null) => {
          if (worker?.state === "installed" && navigator.serviceWorker.controller) setWaiting(worker);
        };
        offer(registration.waiting);
        registration.addEventListener("updatefound", () => {
          const worker = registration.installing;
          worker?.addEventListener("statechange", () => offer(worker));
        });
        document.addEventListener("visibilitychange", () => {
          if (document.visibilityState === "visible") registration.update().catch(() => undefined);
        });
      })
      .catch(() => undefined);
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}

/** Saves what is waiting to be saved, then lets the new version take over and reloads. */
export async function takeUpdate(beforeReload: () => Promise<unknown>): Promise<void> {
  const worker = waiting;
  if (!worker) return;
  await beforeReload().catch(() => undefined);
  navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), {
    once: true,
  });
  worker.postMessage({ type: "SKIP_WAITING" });
}
