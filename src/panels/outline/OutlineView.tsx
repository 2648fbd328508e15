import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useCommands, useSeamsState } from "../../store/context";
import { NameForm } from "./NameForm";
import { OutlineContext, stageKey, type OutlineApi } from "./outlineContext";
import { journeySummary, outlineIndex } from "./outlineText";
import { StageSection } from "./StageSection";
import "./outline.css";

const HINT_EDIT =
  "Up and down arrows move between steps, Home and End to the first and last of a stage. " +
  "Enter or F2 renames the step, Delete removes it, Alt with an up or down arrow moves it " +
  "within its cell. Tab reaches its other actions.";
const HINT_READ =
  "Up and down arrows move between steps, Home and End to the first and last of a stage.";

/** The outline view: the open journey as structured text, stage by stage, editable with the
 * keyboard alone. It reads the same store as the canvas, so the two always agree. */
export function OutlineView() {
  const journey = useSeamsState((s) => s.journey);
  const readOnly = useSeamsState((s) => s.readOnly);
  const selectedStepIds = useSeamsState((s) => s.selectedStepIds);
  const canUndo = useSeamsState((s) => s.canUndo);
  const canRedo = useSeamsState((s) => s.canRedo);
  const commands = useCommands();
  const titleId = useId();
  const hintId = useId();
  const root = useRef<HTMLElement>(null);
  const [status, setStatus] = useState({ text: "", count: 0 });

  // Focus is moved after the change that asked for it has been drawn.
  const pendingFocus = useRef<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => {
    const key = pendingFocus.current;
    pendingFocus.current = null;
    if (key && root.current) focusByKey(root.current, key);
  }, [focusTick]);

  const requestFocus = useCallback((key: string) => {
    pendingFocus.current = key;
    setFocusTick((n) => n + 1);
  }, []);
  const announce = useCallback((text: string) => {
    setStatus((s) => ({ text, count: s.count + 1 }));
  }, []);

  const index = useMemo(() => (journey ? outlineIndex(journey) : null), [journey]);
  const api = useMemo<OutlineApi | null>(
    () => (index ? { index, readOnly, hintId, announce, requestFocus } : null),
    [index, readOnly, hintId, announce, requestFocus],
  );

  if (!journey || !index) {
    return (
      <section className="outline" aria-label="Outline">
        <p className="outline-empty">No journey is open.</p>
      </section>
    );
  }

  const addStage = (name: string) => {
    const id = commands.addStage(name);
    if (!id) return;
    announce(`Stage ${journey.stages.length + 1} added: ${name}`);
    requestFocus(stageKey(id, "heading"));
  };

  return (
    <OutlineContext.Provider value={api}>
      <section className="outline" aria-labelledby={titleId} ref={root}>
        <header className="outline__header">
          <h2 id={titleId} className="outline__title">
            {journey.title || "Untitled journey"}
          </h2>
          <p className="outline__summary">{journeySummary(journey)}</p>
          {readOnly ? (
            <p className="outline__notice">This journey is read-only here.</p>
          ) : (
            <div className="outline__toolbar" role="toolbar" aria-label="History">
              <button
                type="button"
                className="outline-button outline-button--small"
                aria-disabled={!canUndo || undefined}
                onClick={() => {
                  if (!canUndo) return;
                  commands.undo();
                  announce("Undone");
                }}
              >
                Undo
              </button>
              <button
                type="button"
                className="outline-button outline-button--small"
                aria-disabled={!canRedo || undefined}
                onClick={() => {
                  if (!canRedo) return;
                  commands.redo();
                  announce("Redone");
                }}
              >
                Redo
              </button>
            </div>
          )}
          <p id={hintId} className="outline__hint">
            {readOnly ? HINT_READ : HINT_EDIT}
          </p>
        </header>

        <p className="outline__status" role="status" aria-live="polite">
          {status.text}
          {/* A changing invisible tail makes a repeated message be spoken again. */}
          {status.count % 2 === 1 ? "\u00a0" : ""}
        </p>

        {index.stages.length === 0 ? (
          <p className="outline-empty">This journey has no stages yet.</p>
        ) : null}
        {index.stages.map((entry) => (
          <StageSection key={entry.stage.id} entry={entry} selectedStepIds={selectedStepIds} />
        ))}

        {readOnly ? null : (
          <section className="outline-stage outline-stage--new" aria-label="Add a stage">
            <NameForm
              label="New stage name"
              submitText="Add stage"
              emptyError="Enter a name for the stage"
              resetOnSubmit
              inputFocusKey="outline:add-stage"
              onSubmit={addStage}
            />
          </section>
        )}
      </section>
    </OutlineContext.Provider>
  );
}

/** Focuses the element with a focus key; for a step control that is gone, the step itself. */
function focusByKey(root: HTMLElement, key: string) {
  const find = (k: string) =>
    Array.from(root.querySelectorAll<HTMLElement>("[data-focus-key]")).find(
      (el) => el.dataset.focusKey === k,
    );
  const parts = key.split(":");
  const target = find(key) ?? (parts[0] === "step" ? find(parts.slice(0, 2).join(":")) : undefined);
  target?.focus();
}
