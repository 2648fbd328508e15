/**
 * Insights: what Seams finds in the open journey (DESIGN §3). The scorecard, the handoffs, the
 * "tell us once" table of information asked more than once, and the suggested duplicate steps,
 * which the user confirms or dismisses. Clicking any finding selects its steps and shows them
 * on the canvas.
 */
import { useCallback, useId, useMemo, useState } from "react";
import { useAnalysis } from "../../analysis/useAnalysis";
import type { StepId } from "../../domain/model";
import { useSeamsState } from "../../store/context";
import "../panels.css";
import { journeyNames, plural } from "../../domain/analysis/describe";
import { DuplicateList } from "./DuplicateList";
import { HandoffList } from "./HandoffList";
import "./insights.css";
import { ScorecardTable } from "./ScorecardTable";
import { TellUsOnceTable } from "./TellUsOnceTable";

/** Shows a finding's steps: selects them and brings them into view on the canvas. */
export type ShowSteps = (stepIds: readonly StepId[], what: string) => void;

export function InsightsPanel() {
  const headingId = useId();
  const journey = useSeamsState((s) => s.journey);
  const view = useSeamsState((s) => s.view);
  const setView = useSeamsState((s) => s.setView);
  const focusSteps = useSeamsState((s) => s.focusSteps);
  const { analysis, upToDate } = useAnalysis(journey);
  const names = useMemo(() => (journey ? journeyNames(journey) : null), [journey]);
  const [shown, setShown] = useState("");

  const show = useCallback<ShowSteps>(
    (stepIds, what) => {
      if (stepIds.length === 0) return;
      if (view !== "canvas") setView("canvas");
      focusSteps([...new Set(stepIds)]);
      setShown(`Showing ${what} on the canvas: ${plural(new Set(stepIds).size, "step")} selected.`);
    },
    [focusSteps, setView, view],
  );

  return (
    <section className="panel insights" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-heading">
        Insights
      </h2>
      {!journey || !names ? (
        <p className="panel-lede">No journey is open.</p>
      ) : !analysis ? (
        <p className="panel-lede" role="status">
          Analysing the journey…
        </p>
      ) : (
        <>
          <p className="panel-lede">
            The seams in this journey: where the citizen is handed from one organisation to another, and where
            they are asked for the same thing again. Select a finding to show its steps on the canvas.
          </p>
          <p role="status" className="insights-status">
            {upToDate ? shown : "Updating the analysis after your latest change…"}
          </p>
          <ScorecardTable scorecard={analysis.scorecard} onShow={show} />
          <HandoffList handoffs={analysis.handoffs} names={names} onShow={show} />
          <TellUsOnceTable items={analysis.repeated} names={names} onShow={show} />
          <DuplicateList clusters={analysis.duplicates} names={names} onShow={show} />
        </>
      )}
    </section>
  );
}
