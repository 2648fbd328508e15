import { useId, useState, type FormEvent } from "react";
import type { Flow, Step } from "../../domain/model";
import { stepKey, useOutline } from "./outlineContext";
import { laneName, stageTitle, stepReference } from "./outlineText";
import type { StepActions } from "./useStepActions";

/** Moves a step to another lane (owner) and stage; nothing moves until "Move" is pressed, so
 * browsing the lists with arrow keys is safe. */
export function MoveForm({ step, actions }: { step: Step; actions: StepActions }) {
  // Remounted (fresh choices) whenever the step lands in another cell.
  return <MoveFormInner key={`${step.laneId}/${step.stageId}`} step={step} actions={actions} />;
}

function MoveFormInner({ step, actions }: { step: Step; actions: StepActions }) {
  const { index } = useOutline();
  const laneId = useId();
  const stageId = useId();
  const [lane, setLane] = useState(step.laneId);
  const [stage, setStage] = useState(step.stageId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    actions.moveTo(lane, stage);
  };

  return (
    <form className="outline-form outline-tools__form" onSubmit={submit}>
      <fieldset className="outline-fieldset">
        <legend className="outline-legend">Move to another lane or stage</legend>
        <div className="outline-field-row">
          <div className="outline-field">
            <label className="outline-label" htmlFor={laneId}>
              Lane
            </label>
            <select
              id={laneId}
              className="outline-select"
              value={lane}
              data-focus-key={stepKey(step.id, "lane")}
              onChange={(e) => setLane(e.target.value)}
            >
              {index.displayLanes.map((l) => (
                <option key={l.id} value={l.id}>
                  {laneName(index, l.id)}
                </option>
              ))}
            </select>
          </div>
          <div className="outline-field">
            <label className="outline-label" htmlFor={stageId}>
              Stage
            </label>
            <select
              id={stageId}
              className="outline-select"
              value={stage}
              onChange={(e) => setStage(e.target.value)}
            >
              {index.stages.map((s) => (
                <option key={s.stage.id} value={s.stage.id}>
                  {stageTitle(s)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="outline-button outline-button--small">
            Move
          </button>
        </div>
      </fieldset>
    </form>
  );
}

export interface ConnectFormProps {
  step: Step;
  actions: StepActions;
  outgoing: Flow[];
}

/** Connects the step to another one it leads to, optionally as a data share. */
export function ConnectForm({ step, actions, outgoing }: ConnectFormProps) {
  const { index, announce } = useOutline();
  const selectId = useId();
  const shareId = useId();
  const [target, setTarget] = useState("");
  const [dataShare, setDataShare] = useState(false);
  const linked = new Set(outgoing.map((f) => f.to));
  const groups = index.stages
    .map((s) => ({ entry: s, steps: s.steps.filter((o) => o.id !== step.id && !linked.has(o.id)) }))
    .filter((g) => g.steps.length > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) {
      announce("Choose a step to connect to");
      return;
    }
    actions.connect(target, dataShare);
    setTarget("");
    setDataShare(false);
  };

  return (
    <form className="outline-form outline-tools__form" onSubmit={submit}>
      <fieldset className="outline-fieldset">
        <legend className="outline-legend">Connect to another step</legend>
        {groups.length === 0 ? (
          <p className="outline-empty">There is no other step to connect to.</p>
        ) : (
          <div className="outline-field-row">
            <div className="outline-field">
              <label className="outline-label" htmlFor={selectId}>
                Connect to…
              </label>
              <select
                id={selectId}
                className="outline-select"
                value={target}
                data-focus-key={stepKey(step.id, "connect")}
                onChange={(e) => setTarget(e.target.value)}
              >
                <option value="">Choose a step</option>
                {groups.map(({ entry, steps }) => (
                  <optgroup key={entry.stage.id} label={stageTitle(entry)}>
                    {steps.map((o) => (
                      <option key={o.id} value={o.id}>
                        {stepReference(index, o.id)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <div className="outline-checkbox">
              <input
                id={shareId}
                type="checkbox"
                checked={dataShare}
                onChange={(e) => setDataShare(e.target.checked)}
              />
              <label htmlFor={shareId}>Data share (no citizen action)</label>
            </div>
            <button
              type="submit"
              className="outline-button outline-button--small"
              aria-disabled={!target || undefined}
            >
              Connect
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
