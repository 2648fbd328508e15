import { useSeamsState, useStoreApi } from "../store/context";
import { useLibrary } from "../store/library";
import { downloadJourney } from "../panels/files/download-journey";
import { takeUpdate, useUpdateReady } from "./service-worker";
import { flushStorage } from "./storage";

const LABELS = {
  saved: "All changes saved on this computer",
  saving: "Saving…",
  unsaved: "Saving…",
  error: "Not saved",
  "memory-only": "Not saved: storage unavailable",
  "read-only": "Read-only",
} as const;

/** The saved / saving / not saved indicator, with storage problems spelled out. */
export function StatusBar() {
  const status = useLibrary((s) => s.saveStatus);
  const problem = useLibrary((s) => s.problem);
  const bad = status === "error" || status === "memory-only" || status === "read-only";
  return (
    <p className={`save-status ${bad ? "is-error" : ""}`} role="status" aria-live="polite" data-testid="save-status" title={problem?.message}>
      {LABELS[status]}
    </p>
  );
}

/** A banner that stays while storage has a problem, with a way to keep the work safe, and the
 * notices storage raised (another tab's changes, repairs, data removed by the browser). With
 * `exportOpenJourney`, the banner offers the open journey as a file. */
export function StorageBanner({ exportOpenJourney = false }: { exportOpenJourney?: boolean }) {
  const problem = useLibrary((s) => s.problem);
  const notices = useLibrary((s) => s.notices);
  const dismiss = useLibrary((s) => s.dismissNotice);
  const store = useStoreApi();
  const hasJourney = useSeamsState((s) => s.journey !== null);
  const onExport = () => {
    const journey = store.getState().journey;
    if (journey) downloadJourney(journey);
  };
  const updateReady = useUpdateReady();
  return (
    <>
      {updateReady ? (
        <div className="banner info" role="status" data-testid="update-banner">
          <span>A new version of Seams is ready. Your work is saved before it reloads.</span>
          <button
            type="button"
            className="button small"
            onClick={() => void takeUpdate(flushStorage)}
          >
            Reload to update
          </button>
        </div>
      ) : null}
      {problem ? (
        <div className="banner" role="alert" data-testid="storage-banner">
          <span>{problem.message}</span>
          {exportOpenJourney && hasJourney ? (
            <button type="button" className="button small" onClick={onExport}>
              Export a copy
            </button>
          ) : null}
          {problem.kind === "closed" || problem.kind === "newer-version" ? (
            <button type="button" className="button small" onClick={() => window.location.reload()}>
              Reload
            </button>
          ) : null}
        </div>
      ) : null}
      {notices.map((n, i) => (
        <div className="banner info" role="status" data-testid="storage-notice" key={`${i}-${n}`}>
          <span>{n}</span>
          <button type="button" className="button small" onClick={() => dismiss(i)}>
            Dismiss
          </button>
        </div>
      ))}
    </>
  );
}
