import { useId } from "react";
import type { Flow, Step } from "../../domain/model";
import { stepKey, useOutline } from "./outlineContext";
import { stepLabel, stepReference } from "./outlineText";
import { ConnectForm, MoveForm } from "./StepForms";
import type { StepActions } from "./useStepActions";

export interface StepToolsProps {
  step: Step;
  actions: StepActions;
  outgoing: Flow[];
  onEdit(): void;
  confirming: boolean;
  onAskToDelete(): void;
  onCancelDelete(): void;
}

/** The actions of the selected step, in the order a person reaches them with Tab. */
export function StepTools(props: StepToolsProps) {
  const { step, actions, outgoing, onEdit, confirming, onAskToDelete, onCancelDelete } = props;
  const { index, requestFocus } = useOutline();
  const label = stepLabel(step);
  const questionId = useId();
  const first = actions.position <= 0;
  const last = actions.position >= actions.cellSize - 1;

  return (
    <div
      className="outline-tools"
      role="group"
      aria-label={`Actions for ${label}`}
      onKeyDown={(e) => {
        // Escape from any action goes back to the step itself.
        if (e.key !== "Escape" || e.defaultPrevented) return;
        e.preventDefault();
        requestFocus(stepKey(step.id));
      }}
    >
      <div className="outline-tools__buttons">
        <button
          aria-label="Edit name"
          type="button"
          className="outline-button outline-button--small"
          data-focus-key={stepKey(step.id, "edit")}
          onClick={onEdit}
        >
          Edit
        </button>
        <button
          type="button"
          className="outline-button outline-button--small"
          aria-disabled={first || undefined}
          data-focus-key={stepKey(step.id, "earlier")}
          onClick={() => actions.moveBy(-1, "earlier")}
        >
          Move earlier
        </button>
        <button
          type="button"
          className="outline-button outline-button--small"
          aria-disabled={last || undefined}
          data-focus-key={stepKey(step.id, "later")}
          onClick={() => actions.moveBy(1, "later")}
        >
          Move later
        </button>
        <button
          type="button"
          className="outline-button outline-button--small"
          onClick={actions.showOnCanvas}
        >
          Show on canvas
        </button>
        {confirming ? null : (
          <button
            type="button"
            className="outline-button outline-button--small outline-button--warning"
            data-focus-key={stepKey(step.id, "delete")}
            onClick={onAskToDelete}
          >
            Delete step
          </button>
        )}
      </div>

      {confirming ? (
        <div
          className="outline-confirm"
          role="group"
          aria-labelledby={questionId}
          onKeyDown={(e) => {
            if (e.key !== "Escape") return;
            e.preventDefault();
            onCancelDelete();
          }}
        >
          <p id={questionId} className="outline-confirm__question">
            Delete “{label}”
            {outgoing.length + (index.flowsTo.get(step.id)?.length ?? 0) > 0
              ? " and its flows"
              : ""}
            ? You can undo this.
          </p>
          <div className="outline-actions">
            <button
              type="button"
              className="outline-button outline-button--warning"
              data-focus-key={stepKey(step.id, "confirm-delete")}
              onClick={actions.remove}
            >
              Yes, delete step
            </button>
            <button type="button" className="outline-button" onClick={onCancelDelete}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      <MoveForm step={step} actions={actions} />
      <ConnectForm step={step} actions={actions} outgoing={outgoing} />

      {outgoing.length > 0 ? (
        <ul className="outline-tools__flows" aria-label={`Flows from ${label}`}>
          {outgoing.map((flow) => (
            <li key={flow.id}>
              <button
                type="button"
                className="outline-button outline-button--small"
                onClick={() => actions.removeFlow(flow)}
              >
                Remove flow to {stepReference(index, flow.to)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
