/** The journey's stages, left to right: rename, reorder, remove, and add. */
import { useId, useState, type FormEvent, type RefObject } from "react";
import { flushSync } from "react-dom";
import type { RemovalPolicy } from "../../domain/journey";
import type { Stage, Step } from "../../domain/model";
import { useCommands } from "../../store/context";
import { TextField } from "../../ui/TextField";
import { RemovalDialog } from "./RemovalDialog";

export interface StageListProps {
  stages: readonly Stage[];
  steps: readonly Step[];
  readOnly: boolean;
  afterRemoval: RefObject<HTMLElement | null>;
  onChanged(message: string): void;
}

export function StageList({ stages, steps, readOnly, afterRemoval, onChanged }: StageListProps) {
  const commands = useCommands();
  const id = useId();
  const [newName, setNewName] = useState("");
  const [removing, setRemoving] = useState<Stage | null>(null);

  const counts = new Map<string, number>();
  for (const step of steps) counts.set(step.stageId, (counts.get(step.stageId) ?? 0) + 1);

  const move = (stage: Stage, toIndex: number, button: HTMLButtonElement, other: string) => {
    // Keep focus on the pressed button as its row moves (or on its partner at either end).
    flushSync(() => commands.moveStage(stage.id, toIndex));
    const target = button.disabled
      ? button.closest("li")?.querySelector<HTMLButtonElement>(other)
      : button;
    target?.focus();
    onChanged(`Moved stage ${stage.name} to position ${toIndex + 1} of ${stages.length}`);
  };

  const remove = (stage: Stage, policy: RemovalPolicy) => {
    setRemoving(null);
    commands.removeStage(stage.id, policy);
    afterRemoval.current?.focus();
    onChanged(`Removed stage ${stage.name}`);
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim() || `Stage ${stages.length + 1}`;
    if (commands.addStage(name)) {
      setNewName("");
      onChanged(`Added stage ${name}`);
    }
  };

  return (
    <>
      {stages.length === 0 ? (
        <p className="panel-lede">No stages yet.</p>
      ) : (
        <ol className="structure-list">
          {stages.map((stage, i) => {
            const count = counts.get(stage.id) ?? 0;
            return (
              <li key={stage.id} className="structure-item structure-stage">
                <TextField
                  label={`Stage ${i + 1}`}
                  required
                  disabled={readOnly}
                  value={stage.name}
                  onCommit={(name) => commands.renameStage(stage.id, name)}
                />
                <div className="structure-row">
                  <span className="structure-count">
                    {count} {count === 1 ? "step" : "steps"}
                  </span>
                  <button
                    type="button"
                    className="icon-button move-left"
                    aria-label={`Move stage ${stage.name} left`}
                    disabled={readOnly || i === 0}
                    onClick={(e) => move(stage, i - 1, e.currentTarget, ".move-right")}
                  >
                    <span aria-hidden="true">←</span>
                  </button>
                  <button
                    type="button"
                    className="icon-button move-right"
                    aria-label={`Move stage ${stage.name} right`}
                    disabled={readOnly || i === stages.length - 1}
                    onClick={(e) => move(stage, i + 1, e.currentTarget, ".move-left")}
                  >
                    <span aria-hidden="true">→</span>
                  </button>
                  <button
                    type="button"
                    className="icon-button icon-button-warning"
                    aria-label={`Remove stage ${stage.name}`}
                    disabled={readOnly}
                    onClick={() =>
                      count === 0 ? remove(stage, { kind: "delete-steps" }) : setRemoving(stage)
                    }
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <form className="add-stage" onSubmit={add}>
        <div className="field">
          <label htmlFor={`${id}-new`}>New stage name</label>
          <div className="inline-form">
            <input
              id={`${id}-new`}
              type="text"
              value={newName}
              disabled={readOnly}
              placeholder={`Stage ${stages.length + 1}`}
              onChange={(e) => setNewName(e.target.value)}
            />
            <button type="submit" className="button" disabled={readOnly}>
              Add stage
            </button>
          </div>
        </div>
      </form>
      {removing && (
        <RemovalDialog
          kind="stage"
          name={removing.name}
          stepCount={counts.get(removing.id) ?? 0}
          targets={stages
            .filter((s) => s.id !== removing.id)
            .map((s) => ({ value: s.id, label: s.name }))}
          fallbackFocus={afterRemoval}
          onConfirm={(policy) => remove(removing, policy)}
          onCancel={() => setRemoving(null)}
        />
      )}
    </>
  );
}
