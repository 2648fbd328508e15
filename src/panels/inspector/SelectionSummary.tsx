/** Several things selected: say how many and offer to delete them together. */
import { useCommands } from "../../store/context";

export interface SelectionSummaryProps {
  stepCount: number;
  flowCount: number;
  onDeleted?(): void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function SelectionSummary({ stepCount, flowCount, onDeleted }: SelectionSummaryProps) {
  const commands = useCommands();
  const what = [
    stepCount > 0 ? plural(stepCount, "step", "steps") : "",
    flowCount > 0 ? plural(flowCount, "flow", "flows") : "",
  ]
    .filter(Boolean)
    .join(" and ");

  return (
    <div className="inspector-selection">
      <p>{what} selected.</p>
      <div className="panel-actions">
        <button
          type="button"
          className="button button-warning"
          onClick={() => {
            commands.deleteSelection();
            onDeleted?.();
          }}
        >
          Delete {what}
        </button>
      </div>
    </div>
  );
}
