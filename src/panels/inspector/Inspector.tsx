/**
 * The side panel that edits what is selected: one step (every field), one flow, several items
 * (count and delete), or, with nothing selected, the journey's own details. In a read-only
 * journey every control is disabled.
 */
import { useId, useRef } from "react";
import { useSeamsState } from "../../store/context";
import { FlowInspector } from "./FlowInspector";
import { JourneyDetails } from "./JourneyDetails";
import { SelectionSummary } from "./SelectionSummary";
import { StepInspector } from "./StepInspector";
import "../panels.css";

export interface InspectorProps {
  className?: string;
}

export function Inspector({ className }: InspectorProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasJourney = useSeamsState((s) => s.journey !== null);
  const stepIds = useSeamsState((s) => s.selectedStepIds);
  const flowIds = useSeamsState((s) => s.selectedFlowIds);
  const readOnly = useSeamsState((s) => s.readOnly);

  // Deleting removes the control that had focus: keep the keyboard user in the panel.
  const focusPanel = () => headingRef.current?.focus();

  const single = stepIds.length + flowIds.length === 1;
  let title: string;
  let body;
  if (!hasJourney) {
    title = "Inspector";
    body = <p className="panel-lede">No journey is open.</p>;
  } else if (single && stepIds[0]) {
    title = "Step";
    body = <StepInspector key={stepIds[0]} stepId={stepIds[0]} onDeleted={focusPanel} />;
  } else if (single && flowIds[0]) {
    title = "Flow";
    body = <FlowInspector key={flowIds[0]} flowId={flowIds[0]} onDeleted={focusPanel} />;
  } else if (!single && stepIds.length + flowIds.length > 1) {
    title = "Selection";
    body = (
      <SelectionSummary
        stepCount={stepIds.length}
        flowCount={flowIds.length}
        onDeleted={focusPanel}
      />
    );
  } else {
    title = "Journey details";
    body = <JourneyDetails />;
  }

  return (
    <section
      className={["panel", "inspector", className].filter(Boolean).join(" ")}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="panel-heading">
        {title}
      </h2>
      {readOnly && (
        <p className="panel-notice" role="note">
          This journey is read-only. You can read it but not change it.
        </p>
      )}
      <fieldset className="panel-body" disabled={readOnly}>
        {body}
      </fieldset>
    </section>
  );
}
