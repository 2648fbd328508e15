/** One lane in the structure panel: its name, reorder and remove buttons, and (expanded) its
 * team, layer, owner and the owner's name and colour. */
import { useState, type RefObject } from "react";
import { flushSync } from "react-dom";
import type { RemovalPolicy } from "../../domain/journey";
import { LAYER_LABELS, LAYERS, type Actor, type Lane, type Layer } from "../../domain/model";
import { useCommands } from "../../store/context";
import { ColourField } from "../../ui/ColourField";
import { SelectField, type SelectOption } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { RemovalDialog } from "./RemovalDialog";

export interface LaneEditorProps {
  lane: Lane;
  name: string;
  actors: readonly Actor[];
  /** Index in `journey.lanes` to move to for "up" and "down" (within the layer), if possible. */
  upIndex: number | null;
  downIndex: number | null;
  stepCount: number;
  /** How many lanes the owner has: renaming or recolouring the owner changes them all. */
  ownerLaneCount: number;
  /** Other lanes the steps can move to on removal, and the one offered first. */
  otherLanes: SelectOption[];
  defaultTarget?: string;
  readOnly: boolean;
  /** Whether the lane's details are shown. Kept by the list: changing the layer moves the lane
   * to another group, which mounts a new editor. */
  expanded: boolean;
  onToggle(): void;
  /** Where focus goes after this lane is removed. */
  afterRemoval: RefObject<HTMLElement | null>;
  onRemoved(name: string): void;
}

const LAYER_OPTIONS = LAYERS.map((value) => ({ value, label: LAYER_LABELS[value] }));

export function LaneEditor({
  lane,
  name,
  actors,
  upIndex,
  downIndex,
  stepCount,
  ownerLaneCount,
  otherLanes,
  defaultTarget,
  readOnly,
  expanded,
  onToggle,
  afterRemoval,
  onRemoved,
}: LaneEditorProps) {
  const commands = useCommands();
  const detailsId = `lane-details-${lane.id}`;
  const layerId = `lane-layer-${lane.id}`;
  const [removing, setRemoving] = useState(false);
  const actor = actors.find((a) => a.id === lane.actorId);

  const move = (toIndex: number | null, button: HTMLButtonElement, other: string) => {
    if (toIndex === null) return;
    // Reordering moves this row in the DOM: keep focus on the button the user pressed, or on
    // its partner when this one became disabled at the end of the layer.
    flushSync(() => commands.moveLane(lane.id, toIndex));
    const row = button.closest("li");
    const target = button.disabled ? row?.querySelector<HTMLButtonElement>(other) : button;
    target?.focus();
  };

  const changeLayer = (layer: Layer) => {
    // The lane moves to its new layer's group: find the select again and keep focus on it.
    flushSync(() => commands.updateLane(lane.id, { layer }));
    document.getElementById(layerId)?.focus();
  };

  const remove = (policy: RemovalPolicy) => {
    setRemoving(false);
    commands.removeLane(lane.id, policy);
    onRemoved(name);
  };

  return (
    <li className="structure-item" style={{ borderInlineStartColor: actor?.colour }}>
      <div className="structure-row">
        {/* The layer is the group heading: the row shows the owner and team. Buttons carry the
            full lane name for screen readers. */}
        <span className="structure-name">
          <span>{actor ? actor.shortName || actor.name : "Unknown owner"}</span>
          {lane.team.trim() && <span className="structure-team">{lane.team}</span>}
          <span className="structure-count">
            {stepCount} {stepCount === 1 ? "step" : "steps"}
          </span>
        </span>
        <button
          type="button"
          className="icon-button"
          aria-expanded={expanded}
          aria-controls={detailsId}
          aria-label={`Edit lane ${name}`}
          onClick={onToggle}
        >
          Edit
        </button>
        <button
          type="button"
          className="icon-button move-up"
          aria-label={`Move lane ${name} up`}
          disabled={readOnly || upIndex === null}
          onClick={(e) => move(upIndex, e.currentTarget, ".move-down")}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          className="icon-button move-down"
          aria-label={`Move lane ${name} down`}
          disabled={readOnly || downIndex === null}
          onClick={(e) => move(downIndex, e.currentTarget, ".move-up")}
        >
          <span aria-hidden="true">↓</span>
        </button>
        <button
          type="button"
          className="icon-button icon-button-warning"
          aria-label={`Remove lane ${name}`}
          disabled={readOnly}
          onClick={() => (stepCount === 0 ? remove({ kind: "delete-steps" }) : setRemoving(true))}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {expanded && (
        <fieldset id={detailsId} className="structure-details" disabled={readOnly}>
          <legend className="visually-hidden">Lane {name}</legend>
          <TextField
            label="Team"
            hint="Optional: the team or channel, when an organisation has several lanes."
            value={lane.team}
            onCommit={(team) => commands.updateLane(lane.id, { team })}
          />
          <div className="field-row">
            <SelectField
              label="Layer"
              value={lane.layer}
              options={LAYER_OPTIONS}
              id={layerId}
              onChange={(layer) => changeLayer(layer as Layer)}
            />
            <SelectField
              label="Owner"
              value={lane.actorId}
              options={actors.map((a) => ({ value: a.id, label: a.shortName || a.name }))}
              onChange={(actorId) => commands.updateLane(lane.id, { actorId })}
            />
          </div>
          {actor && (
            <>
              <TextField
                label="Owner’s name"
                hint={
                  ownerLaneCount > 1
                    ? `Also changes the other lanes of ${actor.shortName}.`
                    : undefined
                }
                required
                value={actor.name}
                onCommit={(value) => commands.updateActor(actor.id, { name: value })}
              />
              <div className="field-row">
                <TextField
                  label="Short name"
                  required
                  value={actor.shortName}
                  onCommit={(value) => commands.updateActor(actor.id, { shortName: value })}
                />
                <ColourField
                  label="Colour"
                  value={actor.colour}
                  onCommit={(colour) => commands.updateActor(actor.id, { colour })}
                />
              </div>
            </>
          )}
        </fieldset>
      )}
      {removing && (
        <RemovalDialog
          kind="lane"
          name={name}
          stepCount={stepCount}
          targets={otherLanes}
          defaultTarget={defaultTarget}
          fallbackFocus={afterRemoval}
          onConfirm={remove}
          onCancel={() => setRemoving(false)}
        />
      )}
    </li>
  );
}
