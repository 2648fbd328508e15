/** Edits one flow: its label or condition, and whether it is a data share. */
import type { FlowId } from "../../domain/model";
import { useCommands, useSeamsState } from "../../store/context";
import { Checkbox } from "../../ui/Checkbox";
import { TextField } from "../../ui/TextField";

export interface FlowInspectorProps {
  flowId: FlowId;
  onDeleted?(): void;
}

export function FlowInspector({ flowId, onDeleted }: FlowInspectorProps) {
  const commands = useCommands();
  const flow = useSeamsState((s) => s.journey?.flows.find((f) => f.id === flowId));
  const from = useSeamsState((s) => s.journey?.steps.find((x) => x.id === flow?.from)?.label);
  const to = useSeamsState((s) => s.journey?.steps.find((x) => x.id === flow?.to)?.label);
  if (!flow) return null;

  return (
    <div className="inspector-flow">
      <dl className="summary-list">
        <div>
          <dt>From</dt>
          <dd>{from ?? "Missing step"}</dd>
        </div>
        <div>
          <dt>To</dt>
          <dd>{to ?? "Missing step"}</dd>
        </div>
      </dl>
      <TextField
        label="Label or condition"
        hint="For example “if eligible” or “within 5 days”."
        value={flow.label}
        onCommit={(label) => commands.updateFlow(flow.id, { label })}
      />
      <Checkbox
        label="Data share"
        hint="One organisation passes information to another with no action by the citizen."
        checked={flow.dataShare}
        onChange={(dataShare) => commands.updateFlow(flow.id, { dataShare })}
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
          Delete flow
        </button>
      </div>
    </div>
  );
}
