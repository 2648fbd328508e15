import { memo, useId, useState, type KeyboardEvent } from "react";
import { CHANNEL_LABELS, type Flow, type Step } from "../../domain/model";
import { useStoreApi } from "../../store/context";
import { NameForm } from "./NameForm";
import { stepKey, useOutline } from "./outlineContext";
import {
  flowSentence,
  laneKind,
  laneOwner,
  stepLabel,
  type OutlineIndex,
  type OutlineStage,
} from "./outlineText";
import { StepTools } from "./StepTools";
import { useStepActions } from "./useStepActions";

export interface StepItemProps {
  step: Step;
  stage: OutlineStage;
  /** The one step of its stage reached by Tab (roving tabindex). */
  tabbable: boolean;
  /** The single selected step: shows its actions. */
  active: boolean;
}

/** One step as text: label, owner and lane, marks, channel, data asked and its flows. Focus
 * selects it; arrows move between steps; Enter or F2 renames; Delete asks to remove it. */
export const StepItem = memo(function StepItem({ step, stage, tabbable, active }: StepItemProps) {
  const { index, readOnly, hintId, requestFocus } = useOutline();
  const store = useStoreApi();
  const actions = useStepActions(step, stage);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const ids = { label: useId(), owner: useId(), marks: useId(), details: useId() };

  const owner = laneOwner(index, step.laneId);
  const lane = index.lanes.get(step.laneId);
  const marks = stepMarks(step);

  const startEditing = () => {
    setConfirming(false);
    setEditing(true);
  };
  const askToDelete = () => {
    setConfirming(true);
    requestFocus(stepKey(step.id, "confirm-delete"));
  };

  // Focus on the item or on one of its actions selects the step, so the inspector shows it.
  const onFocus = () => store.getState().select([step.id]);

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    const go = (id: string | undefined) => {
      if (id) requestFocus(stepKey(id));
    };
    const at = index.order.indexOf(step.id);
    let handled = true;
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      if (!readOnly) actions.moveBy(event.key === "ArrowUp" ? -1 : 1);
    } else if (event.key === "ArrowDown") go(index.order[at + 1]);
    else if (event.key === "ArrowUp") go(index.order[at - 1]);
    else if (event.key === "Home") go(stage.steps[0]?.id);
    else if (event.key === "End") go(stage.steps[stage.steps.length - 1]?.id);
    else if ((event.key === "Enter" || event.key === "F2") && !readOnly) startEditing();
    else if ((event.key === "Delete" || event.key === "Backspace") && !readOnly) askToDelete();
    else handled = false;
    if (handled) event.preventDefault();
  };

  const outgoing = index.flowsFrom.get(step.id) ?? [];
  const incoming = index.flowsTo.get(step.id) ?? [];
  const labelledBy = [ids.label, ids.owner, marks.length > 0 ? ids.marks : null];

  return (
    <li
      className={`outline-step${active ? " is-active" : ""}`}
      tabIndex={tabbable ? 0 : -1}
      aria-labelledby={labelledBy.filter(Boolean).join(" ")}
      aria-describedby={`${ids.details} ${hintId}`}
      data-focus-key={stepKey(step.id)}
      data-step-id={step.id}
      style={{ ["--owner" as string]: owner?.colour ?? "#b1b4b6" }}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      {editing ? (
        <NameForm
          label="Step name"
          initial={step.label}
          submitText="Save"
          emptyError="Enter a name for the step"
          autoFocus
          onSubmit={(name) => {
            setEditing(false);
            actions.rename(name);
          }}
          onCancel={() => {
            setEditing(false);
            requestFocus(stepKey(step.id));
          }}
          className="outline-form--inline"
        />
      ) : (
        <h4 id={ids.label} className="outline-step__label">
          {stepLabel(step)}
        </h4>
      )}
      <p id={ids.owner} className="outline-step__owner">
        {owner?.name ?? "Unknown owner"} · {lane ? laneKind(lane) : "unknown lane"}
      </p>
      {marks.length > 0 ? (
        <p id={ids.marks} className="outline-marks">
          {marks.map((mark, i) => (
            <span key={mark.text} className={`outline-tag outline-tag--${mark.kind}`}>
              {mark.text}
              {i < marks.length - 1 ? <span className="outline-visually-hidden">, </span> : null}
            </span>
          ))}
        </p>
      ) : null}
      <StepDetails
        id={ids.details}
        step={step}
        index={index}
        outgoing={outgoing}
        incoming={incoming}
      />
      {active && !readOnly ? (
        <StepTools
          step={step}
          actions={actions}
          outgoing={outgoing}
          onEdit={startEditing}
          confirming={confirming}
          onAskToDelete={askToDelete}
          onCancelDelete={() => {
            setConfirming(false);
            requestFocus(stepKey(step.id, "delete"));
          }}
        />
      ) : null}
    </li>
  );
});

function stepMarks(step: Step): { kind: string; text: string }[] {
  const marks: { kind: string; text: string }[] = [];
  if (step.failPoint) marks.push({ kind: "fail", text: "Fail point" });
  if (step.waitPoint) marks.push({ kind: "wait", text: "Wait point" });
  if (step.evidenceStatus === "proposed")
    marks.push({ kind: "proposed", text: "Proposed (to-be)" });
  return marks;
}

interface StepDetailsProps {
  id: string;
  step: Step;
  index: OutlineIndex;
  outgoing: Flow[];
  incoming: Flow[];
}

function StepDetails({ id, step, index, outgoing, incoming }: StepDetailsProps) {
  return (
    <dl id={id} className="outline-details">
      <div className="outline-details__row">
        <dt>Channel</dt>
        <dd>{step.channel ? CHANNEL_LABELS[step.channel] : "Not set"}</dd>
      </div>
      {step.dataItems.length > 0 ? (
        <div className="outline-details__row">
          <dt>Asks for</dt>
          <dd>{step.dataItems.join(", ")}</dd>
        </div>
      ) : null}
      {outgoing.length + incoming.length > 0 ? (
        <div className="outline-details__row">
          <dt>Flows</dt>
          <dd>
            <ul className="outline-flows">
              {outgoing.map((flow) => (
                <li key={flow.id} className={flow.dataShare ? "is-data-share" : undefined}>
                  <span aria-hidden="true">→ </span>
                  {flowSentence(index, flow, "out")}
                </li>
              ))}
              {incoming.map((flow) => (
                <li key={flow.id} className="is-incoming">
                  <span aria-hidden="true">← </span>
                  {flowSentence(index, flow, "in")}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
