import { Suspense, useEffect, useState } from "react";
import { FilesLayer } from "../panels/files/FilesLayer";
import { useImport } from "../panels/files/importStore";
import { OpenFileButton } from "../panels/files/OpenFileButton";
import { LibraryView } from "../panels/library/LibraryView";
import { useSeamsState } from "../store/context";
import { useLibrary } from "../store/library";
import { ErrorBoundary } from "./ErrorBoundary";
import { consumeLaunchedFiles, pageLaunchQueue } from "./launch-queue";
import { onDemandView, whenIdle } from "./on-demand";
import { navigate, parseRoute, routeHash, useRoute } from "./route";
import { flushStorage, startStorage, type OpenOutcome } from "./storage";
import { StatusBar, StorageBanner } from "./StatusBar";

const openJourney = (id: string) => navigate({ name: "journey", id });

/** The editor and the comparison load on demand. Their code is fetched as soon as one is to be
 * shown (alongside reading the journey from storage), or when the browser is idle on the
 * library, so opening one does not wait for it. */
const journeyView = onDemandView(() => import("./JourneyView").then((m) => m.JourneyView));
const compareView = onDemandView(() => import("./CompareView").then((m) => m.CompareView));

// Opened straight on a journey or a comparison (a reload, a link): start now.
const startRoute = parseRoute(window.location.hash).name;
if (startRoute === "journey") journeyView.preload();
if (startRoute === "compare") compareView.preload();

export function App() {
  const route = useRoute();
  const ready = useLibrary((s) => s.ready);
  const presenting = useSeamsState((s) => s.presenting);
  useEffect(() => {
    void startStorage();
    // Files the installed app was opened with: the same import as the "Open a file" picker.
    consumeLaunchedFiles(pageLaunchQueue(), startStorage, (files) =>
      useImport.getState().openFiles(files),
    );
  }, []);
  const onLibrary = ready && route.name === "library";
  useEffect(() => {
    if (!onLibrary) return;
    whenIdle(() => {
      journeyView.preload();
      compareView.preload();
    });
  }, [onLibrary]);

  return (
    <div className={route.name === "journey" ? `journey-screen${presenting ? " is-presenting" : ""}` : "library-screen"}>
      <header className="app-bar">
        <a className="brand" href="#/">
          Se<span>a</span>ms
        </a>
        <StatusBar />
      </header>
      <StorageBanner exportOpenJourney={route.name === "journey"} />
      <ErrorBoundary
        resetKey={routeHash(route)}
        beforeReload={flushStorage}
        onLeave={() => navigate({ name: "library" })}
      >
        {!ready ? (
          <p role="status" className="loading">
            Opening your library…
          </p>
        ) : route.name === "journey" ? (
          <JourneyRoute id={route.id} />
        ) : route.name === "compare" ? (
          <CompareRoute a={route.a} b={route.b} />
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
  useEffect(() => {
    let live = true;
    journeyView.preload();
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
  return (
    <Suspense fallback={<p role="status">Loading the editor…</p>}>
      <journeyView.View />
    </Suspense>
  );
}

function CompareRoute({ a, b }: { a: string; b: string }) {
  useEffect(() => compareView.preload(), []);
  return (
    <Suspense fallback={<p role="status">Loading the comparison…</p>}>
      <compareView.View a={a} b={b} />
    </Suspense>
  );
}
