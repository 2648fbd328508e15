/**
 * Views whose code is loaded on demand (the editor, the comparison), so the first screen loads
 * only what it shows. Once a view's code is here it is rendered directly: a lazy component
 * suspends at least once, and React then holds the fallback on screen for a while (about
 * 300 ms) before showing the view. Fetching early (`preload`) is what makes that the usual case.
 */
import { lazy, useState, type ComponentType } from "react";

export interface OnDemandView<P extends object> {
  /** Starts fetching the view's code (again, after a failure); a failure shows when the view
   * is rendered. */
  preload(): void;
  /** The view, to render inside Suspense: itself once its code is here, otherwise a lazy view
   * that fetches it. */
  View: ComponentType<P>;
}

export function onDemandView<P extends object>(load: () => Promise<ComponentType<P>>): OnDemandView<P> {
  let loaded: ComponentType<P> | null = null;
  const fetchView = () =>
    load().then((view) => {
      loaded = view;
      return view;
    });
  // React keeps a lazy component's failure for good (the error view shows it); the next
  // preload, when the view is to be shown again, starts a fresh one that fetches again.
  let failed = false;
  const makeLazy = () =>
    lazy(() =>
      fetchView().then(
        (view) => ({ default: view }),
        (error: unknown) => {
          failed = true;
          throw error;
        },
      ),
    );
  let lazyView = makeLazy();
  function View(props: P) {
    // Fixed once mounted: switching from the lazy view to the loaded one later would mount the
    // view afresh and lose what the user was doing in it.
    const [Shown] = useState(() => loaded ?? lazyView);
    return <Shown {...props} />;
  }
  return {
    preload() {
      if (loaded) return;
      if (failed) {
        failed = false;
        lazyView = makeLazy();
      }
      fetchView().catch(() => undefined);
    },
    View,
  };
}

/** Runs `work` when the browser has a moment (soon, where it cannot say when). */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => work(), { timeout: 2000 });
  else setTimeout(work, 200);
}
