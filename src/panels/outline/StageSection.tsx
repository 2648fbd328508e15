import { useId, useState } from "react";
import type { StepId } from "../../domain/model";
import { useCommands } from "../../store/context";
import { AddStepForm } from "./AddStepForm";
import { NameForm } from "./NameForm";
import { stageKey, useOutline } from "./outlineContext";
import { stageTitle, type OutlineStage } from "./outlineText";
import { StepItem } from "./StepItem";

export interface StageSectionProps {
  entry: OutlineStage;
  selectedStepIds: readonly StepId[];
}

/** One stage: its heading, its steps (lane display order, then cell order) and "Add step". */
export function StageSection({ entry, selectedStepIds }: StageSectionProps) {
  const { stage, steps } = entry;
  const { index, readOnly, announce, requestFocus } = useOutline();
  const commands = useCommands();
  const headingId = useId();
  const [renaming, setRenaming] = useState(false);
  const [adding, setAdding] = useState(false);

  const selected = new Set(selectedStepIds);
  // One tab stop per stage: the selected step if it is here, else the first.
  const tabbableId = steps.find((s) => selected.has(s.id))?.id ?? steps[0]?.id;
  const activeId = selectedStepIds.length === 1 ? selectedStepIds[0] : undefined;
  const selectedStep = index.steps.get(selectedStepIds[0] ?? "");
  const defaultLaneId =
    selectedStep && index.lanes.has(selectedStep.laneId)
      ? selectedStep.laneId
      : (index.displayLanes[0]?.id ?? "");

  const rename = (name: string) => {
    setRenaming(false);
    if (name !== stage.name) {
      commands.renameStage(stage.id, name);
      announce(`Stage ${entry.number} renamed to ${name}`);
    }
    requestFocus(stageKey(stage.id, "heading"));
  };

  const cancelRename = () => {
    setRenaming(false);
    requestFocus(stageKey(stage.id, "rename"));
  };

  return (
    <section className="outline-stage" aria-labelledby={headingId}>
      <div className="outline-stage__header">
        <h3
          id={headingId}
          className="outline-stage__title"
          tabIndex={-1}
          data-focus-key={stageKey(stage.id, "heading")}
        >
          {stageTitle(entry)}
        </h3>
        {readOnly || renaming ? null : (
          <button
            aria-label={`Rename stage ${stage.name}`}
            type="button"
            className="outline-button outline-button--small"
            data-focus-key={stageKey(stage.id, "rename")}
            onClick={() => setRenaming(true)}
          >
            Rename
          </button>
        )}
      </div>
      {renaming ? (
        <NameForm
          label={`New name for stage ${entry.number}`}
          initial={stage.name}
          submitText="Save"
          emptyError="Enter a name for the stage"
          onSubmit={rename}
          onCancel={cancelRename}
          autoFocus
          className="outline-form--inline"
        />
      ) : null}

      {steps.length > 0 ? (
        <ol className="outline-steps">
          {steps.map((step) => (
            <StepItem
              key={step.id}
              step={step}
              stage={entry}
              tabbable={step.id === tabbableId}
              active={step.id === activeId}
            />
          ))}
        </ol>
      ) : (
        <p className="outline-empty">No steps in this stage yet.</p>
      )}

      {readOnly ? null : adding ? (
        <AddStepForm stage={stage} defaultLaneId={defaultLaneId} onClose={() => setAdding(false)} />
      ) : index.displayLanes.length === 0 ? (
        <p className="outline-empty">Add a lane on the canvas before adding steps.</p>
      ) : (
        <button
          aria-label={`Add step to ${stage.name}`}
          type="button"
          className="outline-button outline-button--add"
          data-focus-key={stageKey(stage.id, "add")}
          onClick={() => setAdding(true)}
        >
          Add step
        </button>
      )}
    </section>
  );
}
