import { useLibrary } from "../store/library";

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

/** A banner that stays while storage has a problem, with a way to keep the work safe. */
export function StorageBanner({ onExport }: { onExport?: () => void }) {
  const problem = useLibrary((s) => s.problem);
  const notices = useLibrary((s) => s.notices);
  const dismiss = useLibrary((s) => s.dismissNotice);
  return (
    <>
      {problem ? (
        <div className="banner" role="alert" data-testid="storage-banner">
          <span>{problem.message}</span>
          {onExport ? (
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
        <div className="banner info" role="status" key={`${i}-${n}`}>
          <span>{n}</span>
          <button type="button" className="button small" onClick={() => dismiss(i)}>
            Dismiss
          </button>
        </div>
      ))}
    </>
  );
}
