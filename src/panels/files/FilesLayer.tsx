/**
 * Opening files anywhere in the app: a full-window drop target that says what dropping will do,
 * progress while files are read and checked, the question asked when a journey is already in
 * the library, the merge dialog, and what happened (added, merged, or why a file was refused).
 * Mounted once by the app shell.
 */
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { Dialog } from "../../ui/Dialog";
import { formatBytes } from "./import-flow";
import { useImport, type ImportOutcome } from "./importStore";
import { MergeView } from "./MergeView";
// The dialogs' own styles: the library screen loads no other panel that would bring them.
import "../panels.css";
import "./files.css";

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;

export interface FilesLayerProps {
  /** Opens a journey in the editor. */
  onOpenJourney(id: string): void;
  /** The journey open in the editor now, if any. */
  editingId: string | null;
}

export function FilesLayer({ onOpenJourney, editingId }: FilesLayerProps) {
  const phase = useImport((s) => s.phase);
  const outcome = useImport((s) => s.outcome);
  const dragging = useFileDrop();

  useEffect(() => {
    useImport.getState().setOpener(onOpenJourney);
    return () => useImport.getState().setOpener(null);
  }, [onOpenJourney]);

  const actions = useImport.getState();
  return (
    <>
      {dragging ? <DropOverlay /> : null}
      {phase.name === "reading" || phase.name === "checking" ? <Progress /> : null}
      {phase.name === "ask" ? (
        <Dialog open title="This journey is already in your library" onClose={actions.cancel}>
          <p>
            {phase.opened.fileName} holds “{phase.opened.journey.title || "Untitled journey"}”, which is already in your library
            {phase.inTrash ? " (in the trash)" : phase.existingTitle && phase.existingTitle !== phase.opened.journey.title ? ` as “${phase.existingTitle}”` : ""}.
            Opening it never writes over your journey.
          </p>
          <div className="dialog-actions">
            {phase.inTrash ? null : (
              <button type="button" className="button" onClick={actions.compare}>
                Compare and merge
              </button>
            )}
            <button type="button" className="button" onClick={() => void actions.keepSeparate()}>
              Keep as a separate copy
            </button>
            <button type="button" className="button button-secondary" onClick={actions.cancel}>
              Cancel
            </button>
          </div>
        </Dialog>
      ) : null}
      {phase.name === "merge" ? (
        <MergeView opened={phase.opened} editingId={editingId} onDone={actions.mergeDone} onKeepSeparate={() => void actions.mergeAsCopy()} />
      ) : null}
      {phase.name === "idle" && outcome ? <OutcomeView outcome={outcome} onOpen={onOpenJourney} openId={editingId} /> : null}
    </>
  );
}

/** True while files are dragged over the window; opens them when they are dropped anywhere. */
function useFileDrop(): boolean {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current += 1;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const drop = (event: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      const files = [...(event.dataTransfer?.files ?? [])];
      useImport.getState().openFiles(files);
    };
    const end = () => {
      depth.current = 0;
      setDragging(false);
    };
    window.addEventListener("dragenter", enter, true);
    window.addEventListener("dragleave", leave, true);
    window.addEventListener("dragover", over, true);
    window.addEventListener("drop", drop, true);
    window.addEventListener("dragend", end, true);
    return () => {
      window.removeEventListener("dragenter", enter, true);
      window.removeEventListener("dragleave", leave, true);
      window.removeEventListener("dragover", over, true);
      window.removeEventListener("drop", drop, true);
      window.removeEventListener("dragend", end, true);
    };
  }, []);
  return dragging;
}

function DropOverlay() {
  return createPortal(
    <div className="file-drop-overlay" data-testid="drop-overlay">
      <div className="file-drop-message" role="status">
        <p className="file-drop-title">Drop to open</p>
        <p>
          Each Seams journey file (.json, or an .svg exported by Seams) is added to your library as a new journey. Nothing you
          already have is changed.
        </p>
      </div>
    </div>,
    document.body,
  );
}

function Progress() {
  const phase = useImport((s) => s.phase);
  const queued = useImport((s) => s.queue.length);
  if (phase.name !== "reading" && phase.name !== "checking") return null;
  const percent = phase.name === "reading" && phase.total > 0 ? Math.min(100, Math.round((phase.loaded / phase.total) * 100)) : null;
  return createPortal(
    <div className="file-progress" role="status" aria-live="polite">
      <p>
        {phase.name === "reading"
          ? `Reading ${phase.fileName}… ${formatBytes(phase.loaded)} of ${formatBytes(phase.total)}`
          : `Checking ${phase.fileName}…`}
        {queued > 0 ? ` (${queued} more to open)` : ""}
      </p>
      <progress max={100} value={percent ?? undefined} aria-label={`Opening ${phase.fileName}`} />
    </div>,
    document.body,
  );
}

function OutcomeView({ outcome, onOpen, openId }: { outcome: ImportOutcome; onOpen(id: string): void; openId: string | null }) {
  const dismiss = useImport((s) => s.dismiss);
  const { added, merged, failures } = outcome;
  if (failures.length > 0) {
    return (
      <Dialog open title={failures.length === 1 ? "This file could not be opened" : `${failures.length} files could not be opened`} onClose={dismiss}>
        {failures.map((f) => (
          <div key={f.fileName} className="import-failure">
            <h3>{f.fileName}</h3>
            <p>{f.error.headline}</p>
            {f.error.issues.length > 0 ? (
              <ul className="import-issues" aria-label={`Problems in ${f.fileName}`}>
                {f.error.issues.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
                {f.error.more > 0 ? <li>and {f.error.more.toLocaleString("en-GB")} more</li> : null}
              </ul>
            ) : null}
          </div>
        ))}
        <p>Nothing in your library was changed{added.length + merged.length > 0 ? " by these files" : ""}.</p>
        {added.length + merged.length > 0 ? <Summary outcome={outcome} onOpen={onOpen} openId={openId} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={dismiss}>
            Close
          </button>
        </div>
      </Dialog>
    );
  }
  if (added.length + merged.length === 0) return null;
  return (
    <div className="file-outcome" role="status">
      <Summary outcome={outcome} onOpen={onOpen} openId={openId} />
      <button type="button" className="button small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** What the files added or merged. A journey added is offered to open, unless it is the one open
 * in the editor already (a single file added is opened straight away): that one says so. */
function Summary({ outcome, onOpen, openId }: { outcome: ImportOutcome; onOpen(id: string): void; openId: string | null }) {
  return (
    <ul className="import-summary">
      {outcome.added.map((a) => (
        <li key={a.id}>
          Added “{a.title || "Untitled journey"}”{a.copy ? " as a separate copy" : ""} from {a.fileName}.
          {a.repairs.length > 0 ? ` Seams repaired ${a.repairs.length} problem${a.repairs.length === 1 ? "" : "s"} in the file as it opened it.` : ""}{" "}
          {a.id === openId ? (
            <>{a.copy ? "The copy is open now." : "It is open now."}</>
          ) : (
            <button type="button" className="link-button" onClick={() => onOpen(a.id)}>
              Open it
            </button>
          )}
        </li>
      ))}
      {outcome.merged.map((m) => (
        <li key={m.id}>Took the chosen changes into “{m.title || "Untitled journey"}”.</li>
      ))}
    </ul>
  );
}
