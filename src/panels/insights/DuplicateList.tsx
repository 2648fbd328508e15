/** Suggested duplicate steps: each cluster with its number (as marked on the canvas), its reason
 * and strength, its steps, and the user's decision: confirm, dismiss, or undo. Decisions are
 * kept in the journey, so they are saved and exported with it. */
import { useId } from "react";
import { clusterNumbers } from "../../domain/analysis/analysis-highlights";
import { DUPLICATE_COLOURS } from "../../domain/analysis/highlights";
import type { DuplicateCluster } from "../../domain/analysis/duplicates";
import { useCommands, useSeamsState } from "../../store/context";
import { plural, quoted, readableTerms, strengthWords, whereWords, type JourneyNames } from "../../domain/analysis/describe";
import type { ShowSteps } from "./InsightsPanel";
import { useShowMore } from "./ShowMore";

interface Props {
  clusters: readonly DuplicateCluster[];
  names: JourneyNames;
  onShow: ShowSteps;
}

export function DuplicateList({ clusters, names, onShow }: Props) {
  const headingId = useId();
  const numbers = clusterNumbers(clusters);
  const active = clusters.filter((c) => c.decision !== "dismissed");
  const dismissed = clusters.filter((c) => c.decision === "dismissed");
  const activeShown = useShowMore(active, "suggestions");
  const dismissedShown = useShowMore(dismissed, "dismissed suggestions");
  return (
    <section className="insights-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subheading">
        Duplicated steps ({active.length})
      </h3>
      <p className="insights-note">
        Steps that seem to do the same job for the citizen in different places, from their wording and the
        information they ask for. Confirm the ones that are, dismiss the ones that are not: your choice is
        saved with the journey.
      </p>
      {active.length === 0 ? <p className="panel-lede">No duplicated steps suggested.</p> : null}
      <ul className="clusters" aria-label="Suggested duplicates">
        {activeShown.shown.map((c) => (
          <Cluster key={c.key} cluster={c} number={numbers.get(c.key)!} names={names} onShow={onShow} />
        ))}
      </ul>
      {activeShown.more}
      {dismissed.length > 0 ? (
        <>
          <h4 className="insights-kind">Dismissed ({dismissed.length})</h4>
          <ul className="clusters" aria-label="Dismissed suggestions">
            {dismissedShown.shown.map((c) => (
              <Cluster key={c.key} cluster={c} number={null} names={names} onShow={onShow} />
            ))}
          </ul>
          {dismissedShown.more}
        </>
      ) : null}
    </section>
  );
}

function Cluster({
  cluster,
  number,
  names,
  onShow,
}: {
  cluster: DuplicateCluster;
  number: number | null;
  names: JourneyNames;
  onShow: ShowSteps;
}) {
  const commands = useCommands();
  const readOnly = useSeamsState((s) => s.readOnly);
  const first = names.stepLabel(cluster.stepIds[0]!);
  const name = number === null ? `the suggestion ${quoted(first)} and ${plural(cluster.stepIds.length - 1, "other")}` : `D${number + 1}`;
  const colour = number === null ? undefined : DUPLICATE_COLOURS[number % DUPLICATE_COLOURS.length];
  const terms = readableTerms(cluster.sharedTerms);
  const decide = (decision: DuplicateCluster["decision"]) => commands.decideDuplicate(cluster.key, decision);
  return (
    <li className={`cluster is-${cluster.decision ?? "open"}`} style={colour ? { ["--dup" as string]: colour } : undefined}>
      <p className="cluster-head">
        {number === null ? null : (
          <span className="mark mark-duplicate">D{number + 1}</span>
        )}
        <span className="cluster-strength">
          {strengthWords(cluster.strength)} ({Math.round(cluster.strength * 100)}%)
        </span>
        {cluster.decision === "confirmed" ? <span className="cluster-decision">Confirmed</span> : null}
        {cluster.decision === "dismissed" ? <span className="cluster-decision">Dismissed</span> : null}
      </p>
      <p className="cluster-reason">
        {plural(cluster.stepIds.length, "step")} {whereWords(cluster.stepIds.map((id) => names.owner(id)))}
        {cluster.job ? <span className="cluster-why">Same job: {cluster.job}</span> : null}
        {terms.length > 0 ? (
          <span className="cluster-why">Same words: {terms.map(quoted).join(", ")}</span>
        ) : null}
        {cluster.sharedItems.length > 0 ? (
          <span className="cluster-why">Same information asked: {cluster.sharedItems.join(", ")}</span>
        ) : null}
      </p>
      <button
        type="button"
        className="finding"
        onClick={() => onShow(cluster.stepIds, number === null ? "the dismissed suggestion" : `duplicate D${number + 1}`)}
      >
        <span className="visually-hidden">Show {name} on the canvas: </span>
        {cluster.stepIds.map((id, i) => (
          <span key={id} className="finding-detail cluster-step">
            <span className="cluster-owner">{names.owner(id)}:</span> {quoted(names.stepLabel(id))}
            {i < cluster.stepIds.length - 1 ? <span className="visually-hidden">;</span> : null}
          </span>
        ))}
      </button>
      <div className="cluster-actions">
        {cluster.decision === null ? (
          <>
            <button type="button" className="button small" disabled={readOnly} aria-label={`Confirm ${name} as duplicates`} onClick={() => decide("confirmed")}>
              Confirm
            </button>
            <button type="button" className="button small" disabled={readOnly} aria-label={`Dismiss ${name}`} onClick={() => decide("dismissed")}>
              Dismiss
            </button>
          </>
        ) : (
          <button type="button" className="button small" disabled={readOnly} aria-label={`Undo the decision on ${name}`} onClick={() => decide(null)}>
            Undo
          </button>
        )}
      </div>
    </li>
  );
}
