/** Edits every field of one step. Each committed edit is one command (one undo entry). */
import {
  CHANNEL_LABELS,
  CHANNELS,
  EMOTIONS,
  EVIDENCE_STATUS_LABELS,
  EVIDENCE_STATUSES,
  type Channel,
  type Emotion,
  type EvidenceStatus,
  type StepId,
} from "../../domain/model";
import { useCommands, useSeamsState } from "../../store/context";
import { Checkbox } from "../../ui/Checkbox";
import { ChipInput } from "../../ui/ChipInput";
import { formatMinutes } from "../../domain/duration";
import { NumberField } from "../../ui/NumberField";
import { RadioGroup } from "../../ui/RadioGroup";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { StepPlacement } from "./StepPlacement";
import { dataItemSuggestions, tagSuggestions } from "./suggestions";

const EMOTION_LABELS: Record<Emotion, string> = {
  [-2]: "−2 Very negative",
  [-1]: "−1 Negative",
  0: "0 Neutral",
  1: "+1 Positive",
  2: "+2 Very positive",
};

const EMOTION_OPTIONS = [
  { value: null, label: "Not recorded" },
  ...EMOTIONS.map((value) => ({ value, label: EMOTION_LABELS[value] })),
];

const STATUS_OPTIONS = EVIDENCE_STATUSES.map((value) => ({
  value,
  label: EVIDENCE_STATUS_LABELS[value],
}));

const CHANNEL_OPTIONS = [
  { value: "", label: "Not set" },
  ...CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] })),
];

/** One pain point per line; blank lines are dropped. */
const toLines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

export interface StepInspectorProps {
  stepId: StepId;
  /** Called after the step is deleted, so the panel can put focus somewhere useful. */
  onDeleted?(): void;
}

export function StepInspector({ stepId, onDeleted }: StepInspectorProps) {
  const commands = useCommands();
  const step = useSeamsState((s) => s.journey?.steps.find((x) => x.id === stepId));
  const customItems = useSeamsState((s) => s.journey?.customDataItems);
  const steps = useSeamsState((s) => s.journey?.steps);
  if (!step || !steps) return null;

  const update = (patch: Parameters<typeof commands.updateStep>[1]) =>
    commands.updateStep(step.id, patch);
  const suggestItems = (query: string) => dataItemSuggestions(query, customItems ?? []);
  const suggestTags = (query: string) => tagSuggestions(steps, query);

  return (
    <div className="inspector-step">
      <TextField
        label="Label"
        value={step.label}
        required
        onCommit={(label) => update({ label })}
      />
      <TextField
        label="Description"
        multiline
        value={step.description}
        onCommit={(description) => update({ description })}
      />
      <StepPlacement step={step} />
      <SelectField
        label="Channel"
        value={step.channel ?? ""}
        options={CHANNEL_OPTIONS}
        onChange={(value) => commands.setChannel(step.id, value === "" ? null : (value as Channel))}
      />

      <h3 className="panel-subheading">Asked of the citizen</h3>
      <ChipInput
        label="Data items"
        itemName="data item"
        hint="Information the citizen gives at this step. Type to search, or add your own."
        values={step.dataItems}
        suggest={suggestItems}
        onChange={(dataItems) => update({ dataItems })}
      />
      <ChipInput
        label="Evidence documents"
        itemName="evidence document"
        values={step.evidence}
        suggest={suggestItems}
        onChange={(evidence) => update({ evidence })}
      />

      <h3 className="panel-subheading">Time</h3>
      <div className="field-row">
        <NumberField
          label="Active minutes"
          value={step.activeMinutes}
          describe={formatMinutes}
          onCommit={(activeMinutes) => update({ activeMinutes })}
        />
        <NumberField
          label="Waiting minutes"
          value={step.waitingMinutes}
          describe={formatMinutes}
          onCommit={(waitingMinutes) => update({ waitingMinutes })}
        />
      </div>

      <h3 className="panel-subheading">Experience</h3>
      <TextField
        label="Pain points"
        hint="One per line."
        multiline
        value={step.painPoints.join("\n")}
        onCommit={(text) => update({ painPoints: toLines(text) })}
      />
      <RadioGroup<Emotion | null>
        legend="Emotion"
        value={step.emotion}
        options={EMOTION_OPTIONS}
        onChange={(emotion) => update({ emotion })}
      />
      <RadioGroup<EvidenceStatus>
        legend="Evidence status"
        value={step.evidenceStatus}
        options={STATUS_OPTIONS}
        onChange={(evidenceStatus) => update({ evidenceStatus })}
      />
      <Checkbox
        label="Fail point"
        hint="The journey often goes wrong here."
        checked={step.failPoint}
        onChange={(failPoint) => update({ failPoint })}
      />
      <Checkbox
        label="Wait point"
        hint="The citizen waits here."
        checked={step.waitPoint}
        onChange={(waitPoint) => update({ waitPoint })}
      />

      <h3 className="panel-subheading">Notes</h3>
      <TextField
        label="Notes"
        multiline
        value={step.notes}
        onCommit={(notes) => update({ notes })}
      />
      <ChipInput
        label="Tags"
        itemName="tag"
        values={step.tags}
        suggest={suggestTags}
        onChange={(tags) => update({ tags })}
      />

      <div className="panel-actions">
        <button
          type="button"
          className="button button-warning"
          onClick={() => {
            commands.deleteSelection();
            onDeleted?.();
          }}
        >
          Delete step
        </button>
      </div>
    </div>
  );
}
