/**
 * Named versions of the open journey: take one ("As-is after workshop 1"), list them with
 * their date and step count, restore one (the journey as it is now is kept as a version
 * first, and the restore is one undoable change), delete one.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useSeamsState, useStoreApi } from "../../store/context";
import type { VersionSummary } from "../../domain/library";
import { useLibrary } from "../../store/library";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import "../panels.css";
import "./versions.css";

export interface VersionsPanelProps {
  /** Compare a version with the journey as it is now. The compare view provides it; without
   * it, no compare action is offered. */
  onCompare?(version: VersionSummary): void;
  className?: string;
}

const MAX_NAME_LENGTH = 120;

export function VersionsPanel({ onCompare, className }: VersionsPanelProps) {
  const ids = { heading: useId(), name: useId(), hint: useId(), error: useId() };
  const store = useStoreApi();
  const backend = useLibrary((s) => s.backend);
  const journeyId = useSeamsState((s) => s.journey?.id ?? null);
  const readOnly = useSeamsState((s) => s.readOnly);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [reloads, setReloads] = useState(0);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState("");
  const [deleting, setDeleting] = useState<VersionSummary | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!backend || !journeyId) return;
    let live = true;
    backend.listVersions(journeyId).then(
      (list) => live && setVersions(list),
      () => live && setFailure("The versions of this journey could not be read."),
    );
    return () => {
      live = false;
    };
  }, [backend, journeyId, reloads]);

  if (!journeyId || !backend) {
    return (
      <section className={panelClass(className)} aria-labelledby={ids.heading}>
        <h2 id={ids.heading} className="panel-heading">
          Versions
        </h2>
        <p className="panel-lede">No journey is open.</p>
      </section>
    );
  }

  /** Run one storage action; its message goes to the status line, a failure to the alert. */
  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setFailure("");
    setStatus("");
    try {
      const message = await action();
      if (message) setStatus(message);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : "Seams could not do that.");
    } finally {
      setBusy(false);
      setReloads((n) => n + 1);
    }
  };

  const take = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const journey = store.getState().journey;
    if (!trimmed) {
      setNameError(true);
      nameInput.current?.focus();
      return;
    }
    if (!journey) return;
    setNameError(false);
    void run(async () => {
      await backend.takeVersion(journey, trimmed);
      setName("");
      return `Version “${trimmed}” taken.`;
    });
  };

  const restore = (version: VersionSummary) =>
    run(async () => {
      const current = store.getState().journey;
      if (!current) return null;
      const result = await backend.restoreVersion(version.id, current);
      if (!result.ok) throw new Error(result.message);
      const state = store.getState();
      if (!state.change(() => result.journey)) {
        throw new Error("This journey is read-only, so the version was not restored.");
      }
      state.select([]);
      return `Restored “${version.name}”. The journey as it was is kept as a version in the list below, and Undo brings it back.`;
    });

  const remove = (version: VersionSummary) => {
    setDeleting(null);
    listHeading.current?.focus();
    void run(async () => {
      await backend.deleteVersion(version.id);
      return `Version “${version.name}” deleted.`;
    });
  };

  return (
    <section className={panelClass(className)} aria-labelledby={ids.heading}>
      <h2 id={ids.heading} className="panel-heading">
        Versions
      </h2>
      <p className="panel-lede">
        A version keeps the journey as it is now, under a name. Restoring one keeps the journey as
        it was as a version too.
      </p>
      {readOnly ? (
        <p className="panel-notice" role="note">
          This journey is read-only. You can see its versions but not take or restore them.
        </p>
      ) : null}

      <form className="versions-take" onSubmit={take} noValidate>
        <div className="field">
          <label htmlFor={ids.name}>Version name</label>
          <p id={ids.hint} className="field-hint">
            For example, “As-is after workshop 1”.
          </p>
          {nameError ? (
            <p id={ids.error} className="field-error">
              <span className="visually-hidden">Error:</span> Enter a name for the version
            </p>
          ) : null}
          <input
            ref={nameInput}
            id={ids.name}
            type="text"
            autoComplete="off"
            maxLength={MAX_NAME_LENGTH}
            value={name}
            disabled={readOnly}
            aria-invalid={nameError || undefined}
            aria-describedby={nameError ? `${ids.hint} ${ids.error}` : ids.hint}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={readOnly || busy}>
          Take version
        </button>
      </form>

      <p role="status" className="versions-status">
        {status}
      </p>
      {failure ? (
        <p role="alert" className="field-error">
          {failure}
        </p>
      ) : null}

      <h3 ref={listHeading} tabIndex={-1} className="panel-subheading">
        Saved versions
      </h3>
      {versions === null ? (
        <p className="panel-lede">Reading versions…</p>
      ) : versions.length === 0 ? (
        <p className="panel-lede">No versions yet.</p>
      ) : (
        <ul className="versions-list" aria-label="Saved versions">
          {versions.map((v) => (
            <li key={v.id} className="versions-item">
              <p className="versions-name">{v.name}</p>
              <p className="versions-meta">
                <time dateTime={v.createdAt}>{formatWhen(v.createdAt)}</time> ·{" "}
                {v.stepCount === 1 ? "1 step" : `${v.stepCount} steps`}
              </p>
              <div className="versions-actions">
                <button
                  type="button"
                  className="button"
                  disabled={readOnly || busy}
                  aria-label={`Restore version ${v.name}`}
                  onClick={() => void restore(v)}
                >
                  Restore
                </button>
                {onCompare ? (
                  <button
                    type="button"
                    className="button"
                    aria-label={`Compare version ${v.name} with current`}
                    onClick={() => onCompare(v)}
                  >
                    Compare with current
                  </button>
                ) : null}
                <button
                  type="button"
                  className="button button-warning"
                  disabled={readOnly || busy}
                  aria-label={`Delete version ${v.name}`}
                  onClick={() => setDeleting(v)}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <ConfirmDialog
        open={deleting !== null}
        title={`Delete version “${deleting?.name ?? ""}”?`}
        confirmLabel="Delete version"
        destructive
        fallbackFocus={listHeading}
        onConfirm={() => deleting && remove(deleting)}
        onCancel={() => setDeleting(null)}
      >
        <p>The version is removed for good. The journey itself does not change.</p>
      </ConfirmDialog>
    </section>
  );
}

function panelClass(className: string | undefined): string {
  return ["panel", "versions", className].filter(Boolean).join(" ");
}

function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "unknown date";
  return date.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
