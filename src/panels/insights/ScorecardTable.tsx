/** The journey's scorecard as a table: one row per measure, the handoffs split by kind, and the
 * path measures as a range from the shortest path to the longest. */
import type { Scorecard } from "../../domain/analysis/metrics";
import { formatMinutesRange, formatRange } from "../../domain/analysis/describe";
import type { ShowSteps } from "./InsightsPanel";

interface Row {
  label: string;
  value: string;
  /** A sub-row (handoffs by kind). */
  sub?: boolean;
  /** Steps to show, for a row that names steps (dead ends, unreachable). */
  steps?: readonly string[];
}

function scorecardRows(s: Scorecard): Row[] {
  return [
    { label: "Steps", value: String(s.steps) },
    { label: "Citizen actions", value: String(s.citizenActions) },
    { label: "Organisations involved", value: String(s.organisations) },
    { label: "Handoffs", value: String(s.handoffs.total) },
    { label: "Citizen-carried handoffs", value: String(s.handoffs.citizenCarried), sub: true },
    { label: "Direct handoffs", value: String(s.handoffs.direct), sub: true },
    { label: "Internal handoffs", value: String(s.handoffs.internal), sub: true },
    { label: "Duplicate clusters", value: String(s.duplicateClusters) },
    { label: "Repeated information", value: String(s.repeatedItems) },
    { label: "Channel switches along the path", value: formatRange(s.channelSwitches) },
    { label: "Contacts the citizen starts", value: formatRange(s.contactsStarted) },
    { label: "In-person visits along the path", value: formatRange(s.inPersonVisits) },
    { label: "Active time along the path", value: formatMinutesRange(s.activeMinutes) },
    { label: "Elapsed time along the path", value: formatMinutesRange(s.elapsedMinutes) },
    { label: "Dead ends", value: String(s.deadEnds.length), steps: s.deadEnds },
    { label: "Unreachable steps", value: String(s.unreachable.length), steps: s.unreachable },
  ];
}

export function ScorecardTable({ scorecard, onShow }: { scorecard: Scorecard; onShow: ShowSteps }) {
  return (
    <table className="insights-table scorecard">
      <caption>Scorecard</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">This journey</th>
        </tr>
      </thead>
      <tbody>
        {scorecardRows(scorecard).map((row) => (
          <tr key={row.label} className={row.sub ? "is-sub" : undefined}>
            <th scope="row">{row.label}</th>
            <td>
              {row.steps && row.steps.length > 0 ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`${row.label}: ${row.value}. Show ${row.steps.length === 1 ? "it" : "them"} on the canvas`}
                  onClick={() => onShow(row.steps!, row.label.toLowerCase())}
                >
                  {row.value}
                </button>
              ) : (
                row.value
              )}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={2}>
            Measures “along the path” run from the shortest way through the journey to the longest: branches
            are alternatives, so adding up every step would mislead.
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
