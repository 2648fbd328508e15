import { lazy, Suspense, useEffect, useState } from "react";
import { FilesLayer } from "../panels/files/FilesLayer";
import { OpenFileButton } from "../panels/files/OpenFileButton";
import { LibraryView } from "../panels/library/LibraryView";
import { useSeamsState } from "../store/context";
import { useLibrary } from "../store/library";
import { ErrorBoundary } from "./ErrorBoundary";
import type { JourneyView as JourneyViewType } from "./JourneyView";
import { navigate, parseRoute, routeHash, useRoute } from "./route";
import { startStorage, type OpenOutcome } from "./storage";
import { StatusBar, StorageBanner } from "./StatusBar";

const openJourney = (id: string) => navigate({ name: "journey", id });

/** The editor's code: fetched as soon as a journey is to be opened, alongside reading the
 * journey from storage, rather than only once the journey is in memory. Once it is here the
 * editor is rendered directly: a lazy component suspends at least once, and React then holds
 * its fallback on screen for a while (about 300 ms) before showing the editor. */
let journeyViewModule: { JourneyView: typeof JourneyViewType } | null = null;
const loadJourneyView = () =>
  import("./JourneyView").then((m) => {
    journeyViewModule = m;
    return m;
  });
/** A lazy editor for one opening of a journey: a download that failed is tried again the next
 * time a journey is opened (React keeps a lazy component's failure for good). */
const lazyJourneyView = () => lazy(() => loadJourneyView().then((m) => ({ default: m.JourneyView })));
const CompareView = lazy(() => import("./CompareView").then((m) => ({ default: m.CompareView })));

// Opened straight on a journey (a reload, a link): start now, while the library loads.
if (parseRoute(window.location.hash).name === "journey") void loadJourneyView().catch(() => undefined);

export function App() {
  const route = useRoute();
  const ready = useLibrary((s) => s.ready);
  useEffect(() => {
    void startStorage();
  }, []);

  return (
    <div className={route.name === "journey" ? "journey-screen" : "library-screen"}>
      <header className="app-bar">
        <a className="brand" href="#/">
          Se<span>a</span>ms
        </a>
        <StatusBar />
      </header>
      <StorageBanner exportOpenJourney={route.name === "journey"} />
      <ErrorBoundary
        resetKey={routeHash(route)}
        beforeReload={() => startStorage().then((storage) => storage.flush())}
        onLeave={() => navigate({ name: "library" })}
      >
        {!ready ? (
          <p role="status" className="loading">
            Opening your library…
          </p>
        ) : route.name === "journey" ? (
          <JourneyRoute id={route.id} />
        ) : route.name === "compare" ? (
          <Suspense fallback={<p role="status">Loading the comparison…</p>}>
            <CompareView a={route.a} b={route.b} />
          </Suspense>
        ) : (
          <LibraryView onOpen={(id) => navigate({ name: "journey", id })} onCompare={(a, b) => navigate({ name: "compare", a, b })} openFile={<OpenFileButton />} />
        )}
      </ErrorBoundary>
      <FilesLayer onOpenJourney={openJourney} editingId={route.name === "journey" ? route.id : null} />
    </div>
  );
}

function JourneyRoute({ id }: { id: string }) {
  const [outcome, setOutcome] = useState<OpenOutcome | null>(null);
  const openId = useSeamsState((s) => s.journey?.id);
  const [LazyJourneyView] = useState(lazyJourneyView);
  useEffect(() => {
    let live = true;
    void loadJourneyView().catch(() => undefined); // a failure shows when the editor renders
    void startStorage()
      .then((storage) => storage.openJourney(id))
      .then((result) => live && setOutcome(result));
    return () => {
      live = false;
      void startStorage().then((storage) => storage.closeJourney());
    };
  }, [id]);
  if (!outcome) return <p role="status">Opening journey…</p>;
  if (!outcome.ok) {
    return (
      <main className="library">
        <h1>This journey could not be opened</h1>
        <p>{outcome.message}</p>
        <p>
          <a href="#/">Back to your journeys</a>
        </p>
      </main>
    );
  }
  if (openId !== id) return <p role="status">Opening journey…</p>;
  if (journeyViewModule) return <journeyViewModule.JourneyView />;
  return (
    <Suspense fallback={<p role="status">Loading the editor…</p>}>
      <LazyJourneyView />
    </Suspense>
  );
}
