/**
 * Compare and merge: what differs between the library's journey and the copy in a file, field
 * by field, with a checkbox per change; when both copies changed since a version they share,
 * a three-way merge with a choice per real conflict. Taking changes is one undoable change
 * when the journey is open in the editor, or one save to the library otherwise.
 */
import { useEffect, useMemo, useState } from "react";
import type { Adjustment } from "../../domain/merge/apply";
import type { JourneyChange } from "../../domain/merge/changes";
import type { MergeConflict, Side } from "../../domain/merge/three-way";
import type { Journey } from "../../domain/model";
import { useSeamsState, useStoreApi } from "../../store/context";
import { useLibrary } from "../../store/library";
import { Checkbox } from "../../ui/Checkbox";
import { Dialog } from "../../ui/Dialog";
import { RadioGroup } from "../../ui/RadioGroup";
import type { OpenedFile } from "./importStore";
import {
  initialSelection,
  loadMergeInputs,
  previewMerge,
  takeAllSelection,
  type MergeInputs,
  type MergeSelection,
} from "./merge-session";
import { KIND_NAMES, adjustmentText, describeChange, describeValue, fieldLabel, groupChanges, recordName } from "./merge-text";

export interface MergeViewProps {
  opened: OpenedFile;
  /** The id of the journey open in the editor, if any: its changes go through the store. */
  editingId: string | null;
  /** Finished: what was merged into which journey, or null when nothing was. */
  onDone(merged: { id: string; title: string } | null): void;
  onKeepSeparate(): void;
}

type Loaded = { state: "loading" } | { state: "missing" } | { state: "ready"; inputs: MergeInputs };

export function MergeView({ opened, editingId, onDone, onKeepSeparate }: MergeViewProps) {
  const store = useStoreApi();
  const openJourney = useSeamsState((s) => s.journey);
  const backend = useLibrary((s) => s.backend);
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [selection, setSelection] = useState<MergeSelection | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    if (!backend) return;
    const editing = editingId === opened.journey.id ? store.getState().journey : null;
    void loadMergeInputs(opened.journey, opened.baseVersionId, backend, editing).then((inputs) => {
      if (!live) return;
      setLoaded(inputs ? { state: "ready", inputs } : { state: "missing" });
      if (inputs) setSelection(initialSelection(inputs));
    });
    return () => {
      live = false;
    };
  }, [backend, opened, store, editingId]);

  const inputs = loaded.state === "ready" ? loaded.inputs : null;
  const preview = useMemo(() => (inputs && selection ? previewMerge(inputs, selection) : null), [inputs, selection]);
  // Records are named as the library has them; records only the file has, as the file has them.
  const journeys = useMemo(() => (inputs ? [inputs.ours, inputs.theirs] : [opened.journey]), [inputs, opened.journey]);
  const title = (inputs?.ours ?? opened.journey).title || "Untitled journey";

  async function take(chosen: MergeSelection) {
    if (!inputs || !backend) return;
    const result = previewMerge(inputs, chosen);
    if (result.journey === inputs.ours) {
      onDone(null);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      if (inputs.open) {
        if (openJourney !== inputs.ours || store.getState().journey !== inputs.ours) {
          setProblem("The journey changed while you were comparing. Close this and open the file again to compare with the latest.");
          return;
        }
        if (!store.getState().change(() => result.journey)) {
          setProblem("This journey is read-only in this tab, so nothing was changed.");
          return;
        }
      } else {
        await backend.saveJourney(inputs.ours, { ...result.journey, updatedAt: new Date().toISOString() });
        await useLibrary.getState().refresh();
      }
      onDone({ id: result.journey.id, title: result.journey.title });
    } catch (error) {
      setProblem(`The changes could not be saved: ${error instanceof Error ? error.message : "unknown error"}. Nothing was changed.`);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (changeId: string, on: boolean) =>
    setSelection((s) => {
      if (!s) return s;
      const chosen = new Set(s.chosen);
      if (on) chosen.add(changeId);
      else chosen.delete(changeId);
      return { ...s, chosen };
    });
  const resolve = (conflictId: string, side: Side) =>
    setSelection((s) => (s ? { ...s, resolutions: new Map(s.resolutions).set(conflictId, side) } : s));

  const nothing = preview !== null && preview.changes.length === 0 && preview.conflicts.length === 0;
  const chosenCount = selection ? preview?.changes.filter((c) => selection.chosen.has(c.changeId)).length ?? 0 : 0;
  const theirsCount = selection ? [...selection.resolutions.values()].filter((side) => side === "theirs").length : 0;

  return (
    <Dialog open title={`Compare and merge “${title}”`} className="merge-dialog" onClose={() => onDone(null)}>
      {loaded.state === "loading" ? <p role="status">Comparing the file with your library…</p> : null}
      {loaded.state === "missing" ? (
        <p role="alert">This journey could not be loaded from your library, so it cannot be compared. You can keep the file as a separate journey.</p>
      ) : null}
      {inputs && preview ? (
        <>
          <p className="merge-intro">
            {inputs.base
              ? `Both copies changed since the version “${inputs.base.version.name}” (${formatWhen(inputs.base.version.createdAt)}) they share. The file’s changes that your journey did not touch are ticked; where both changed the same thing, choose which to keep.`
              : `${opened.fileName} holds another copy of this journey. Tick the changes to take from the file into your journey${inputs.open ? " (one change you can undo)" : ""}.`}
          </p>
          {nothing ? <p role="status">The file holds nothing your journey does not already have.</p> : null}
          {preview.conflicts.length > 0 ? (
            <section className="merge-section" aria-labelledby="merge-conflicts">
              <h3 id="merge-conflicts">Changed in both copies ({preview.conflicts.length})</h3>
              {preview.conflicts.map((conflict) => (
                <ConflictChoice
                  key={conflict.conflictId}
                  conflict={conflict}
                  journeys={journeys}
                  side={selection?.resolutions.get(conflict.conflictId) ?? "ours"}
                  onChange={(side) => resolve(conflict.conflictId, side)}
                />
              ))}
            </section>
          ) : null}
          {preview.changes.length > 0 ? (
            <section className="merge-section" aria-labelledby="merge-changes">
              <h3 id="merge-changes">{inputs.base ? "Changes only in the file" : "What differs in the file"} ({preview.changes.length})</h3>
              {groupChanges(preview.changes, journeys).map((group) => (
                <div key={group.kind} className="merge-group">
                  <h4>{group.heading}</h4>
                  {group.records.flatMap((record) =>
                    record.changes.map((change) => (
                      <Checkbox
                        key={change.changeId}
                        label={changeLabel(change, record.name)}
                        checked={selection?.chosen.has(change.changeId) ?? false}
                        onChange={(on) => toggle(change.changeId, on)}
                      />
                    )),
                  )}
                </div>
              ))}
            </section>
          ) : null}
          <AdjustmentList adjustments={preview.adjustments} journeys={journeys} />
        </>
      ) : null}
      {problem ? <p role="alert" className="merge-problem">{problem}</p> : null}
      <div className="dialog-actions merge-actions">
        {preview && !nothing ? (
          <>
            <button type="button" className="button" disabled={busy || chosenCount + theirsCount === 0} onClick={() => selection && void take(selection)}>
              Take selected ({chosenCount + theirsCount})
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void take(takeAllSelection(preview))}>
              Take all
            </button>
          </>
        ) : null}
        <button type="button" className="button button-secondary" disabled={busy} onClick={onKeepSeparate}>
          Keep as a separate journey
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => onDone(null)}>
          {nothing ? "Close" : "Cancel"}
        </button>
      </div>
    </Dialog>
  );
}

function changeLabel(change: JourneyChange, name: string): string {
  const what = change.kind === "journey" ? "Journey" : `${KIND_NAMES[change.kind]} ${name}`;
  const how = describeChange(change, []);
  if (change.op === "added" || change.op === "removed" || change.op === "moved") return `${what} ${how}`;
  return `${what}: ${how}`;
}

function ConflictChoice({
  conflict,
  journeys,
  side,
  onChange,
}: {
  conflict: MergeConflict;
  journeys: readonly Journey[];
  side: Side;
  onChange(side: Side): void;
}) {
  const name = conflict.kind === "journey" ? "Journey" : `${KIND_NAMES[conflict.kind]} ${recordName(conflict.kind, conflict.id, journeys)}`;
  if (conflict.type === "delete") {
    const ourDelete = conflict.ours === null;
    return (
      <RadioGroup<Side>
        legend={`${name}: ${ourDelete ? "you deleted it; the file changed it" : "you changed it; the file deleted it"}`}
        value={side}
        onChange={onChange}
        options={[
          { value: "ours", label: ourDelete ? "Keep it deleted (yours)" : "Keep it, with your changes" },
          { value: "theirs", label: ourDelete ? "Bring it back as the file has it" : "Delete it (the file’s)" },
        ]}
      />
    );
  }
  const value = (v: unknown) => describeValue(conflict.field, v, journeys);
  return (
    <RadioGroup<Side>
      legend={`${name}: ${fieldLabel(conflict.field)} changed in both`}
      value={side}
      onChange={onChange}
      options={[
        { value: "ours", label: `Keep yours: ${value(conflict.ours)}` },
        { value: "theirs", label: `Take the file’s: ${value(conflict.theirs)}` },
      ]}
    />
  );
}

function AdjustmentList({ adjustments, journeys }: { adjustments: readonly Adjustment[]; journeys: readonly Journey[] }) {
  if (adjustments.length === 0) return null;
  return (
    <section className="merge-section merge-adjustments" aria-labelledby="merge-also">
      <h3 id="merge-also">To keep the journey whole</h3>
      <ul>
        {adjustments.map((a) => (
          <li key={`${a.kind}:${a.id}:${a.action}`}>{adjustmentText(a, journeys)}</li>
        ))}
      </ul>
    </section>
  );
}

function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}
