/** Where a step sits: its lane (owner) and stage. Changing either moves the step to the end of
 * the new cell, as one undoable move. */
import { lanesInDisplayOrder } from "../../domain/layout";
import { LAYER_LABELS, LAYERS, type Step } from "../../domain/model";
import { useCommands, useSeamsState } from "../../store/context";
import { laneName } from "../../ui/names";
import { SelectField, type SelectGroup } from "../../ui/SelectField";

/** moveStep clamps the index to the cell, so this places the step last. */
const END_OF_CELL = Number.MAX_SAFE_INTEGER;

export function StepPlacement({ step }: { step: Step }) {
  const commands = useCommands();
  const lanes = useSeamsState((s) => s.journey?.lanes);
  const actors = useSeamsState((s) => s.journey?.actors);
  const stages = useSeamsState((s) => s.journey?.stages);
  if (!lanes || !actors || !stages) return null;

  const ordered = lanesInDisplayOrder(lanes);
  const laneGroups: SelectGroup[] = LAYERS.map((layer) => ({
    label: LAYER_LABELS[layer],
    options: ordered
      .filter((l) => l.layer === layer)
      .map((l) => ({ value: l.id, label: laneName(l, actors) })),
  })).filter((g) => g.options.length > 0);

  const move = (laneId: string, stageId: string) =>
    commands.moveSteps([{ id: step.id, laneId, stageId, index: END_OF_CELL }]);

  return (
    <div className="field-row">
      <SelectField
        label="Lane (owner)"
        value={step.laneId}
        options={laneGroups}
        onChange={(laneId) => move(laneId, step.stageId)}
      />
      <SelectField
        label="Stage"
        value={step.stageId}
        options={stages.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(stageId) => move(step.laneId, stageId)}
      />
    </div>
  );
}
