import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  type LaneId,
  type Stage,
} from "../../domain/model";
import { useCommands } from "../../store/context";
import { stageKey, stepKey, useOutline } from "./outlineContext";
import { laneName } from "./outlineText";

export interface AddStepFormProps {
  stage: Stage;
  /** The lane chosen at first: the selected step's, so steps can be added one after another. */
  defaultLaneId: LaneId;
  onClose(): void;
}

/** The inline form that adds a step to a stage: name, owner lane and channel. */
export function AddStepForm({ stage, defaultLaneId, onClose }: AddStepFormProps) {
  const { index, announce, requestFocus } = useOutline();
  const commands = useCommands();
  const ids = { label: useId(), lane: useId(), channel: useId(), error: useId(), legend: useId() };
  const [label, setLabel] = useState("");
  const [laneId, setLaneId] = useState(defaultLaneId);
  const [channel, setChannel] = useState<Channel | "">("");
  const [error, setError] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const cancel = () => {
    onClose();
    requestFocus(stageKey(stage.id, "add"));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = label.trim();
    if (!name) {
      setError(true);
      input.current?.focus();
      return;
    }
    const id = commands.addStep(laneId, stage.id, undefined, {
      label: name,
      channel: channel || null,
    });
    if (!id) {
      announce("The step could not be added.");
      return;
    }
    onClose();
    announce(`Step added to ${laneName(index, laneId)} in ${stage.name}`);
    requestFocus(stepKey(id));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    cancel();
  };

  return (
    <form className="outline-form outline-add-step" onSubmit={submit} onKeyDown={onKeyDown}>
      <fieldset className="outline-fieldset" aria-describedby={error ? ids.error : undefined}>
        <legend className="outline-legend" id={ids.legend}>
          New step in {stage.name}
        </legend>
        <div className={`outline-field${error ? " has-error" : ""}`}>
          <label className="outline-label" htmlFor={ids.label}>
            Step name
          </label>
          {error ? (
            <p className="outline-error" id={ids.error}>
              <span className="outline-visually-hidden">Error:</span> Enter a name for the step
            </p>
          ) : null}
          <input
            ref={input}
            id={ids.label}
            className="outline-input"
            type="text"
            autoComplete="off"
            value={label}
            aria-invalid={error || undefined}
            aria-describedby={error ? ids.error : undefined}
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
        <div className="outline-field-row">
          <div className="outline-field">
            <label className="outline-label" htmlFor={ids.lane}>
              Lane (owner)
            </label>
            <select
              id={ids.lane}
              className="outline-select"
              value={laneId}
              onChange={(e) => setLaneId(e.target.value)}
            >
              {index.displayLanes.map((lane) => (
                <option key={lane.id} value={lane.id}>
                  {laneName(index, lane.id)}
                </option>
              ))}
            </select>
          </div>
          <div className="outline-field">
            <label className="outline-label" htmlFor={ids.channel}>
              Channel
            </label>
            <select
              id={ids.channel}
              className="outline-select"
              value={channel}
              onChange={(e) => setChannel(e.target.value as Channel | "")}
            >
              <option value="">Not set</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      <div className="outline-actions">
        <button type="submit" className="outline-button outline-button--primary">
          Add step
        </button>
        <button type="button" className="outline-button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
