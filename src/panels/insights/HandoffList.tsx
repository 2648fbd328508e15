/** The handoffs, costliest kind first, each naming who hands over to whom, the two steps, and
 * the citizen steps it passes through; with the definition of each kind. */
import { useId } from "react";
import type { Handoff, HandoffKind } from "../../domain/analysis/handoffs";
import {
  HANDOFF_KIND_MEANING,
  HANDOFF_KIND_NAMES,
  HANDOFF_KINDS,
  listWords,
  plural,
  quoted,
  type JourneyNames,
} from "../../domain/analysis/describe";
import type { ShowSteps } from "./InsightsPanel";
import { useShowMore } from "./ShowMore";

interface Props {
  handoffs: readonly Handoff[];
  names: JourneyNames;
  onShow: ShowSteps;
}

/** "DWP → HMRC", or for an internal handoff the two lanes: "DWP (Frontstage) → DWP (Backstage)". */
function who(h: Handoff, names: JourneyNames): string {
  if (h.kind === "internal") return `${names.ownerAndLane(h.fromStepId)} → ${names.ownerAndLane(h.toStepId)}`;
  return `${names.actor(h.fromActorId)} → ${names.actor(h.toActorId)}`;
}

export function HandoffList({ handoffs, names, onShow }: Props) {
  const headingId = useId();
  return (
    <section className="insights-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel-subheading">
        Handoffs ({handoffs.length})
      </h3>
      <details className="insights-explain">
        <summary>What counts as a handoff?</summary>
        <p>
          Following the flows, responsibility passes from a step owned by one organisation to the next step
          owned by an organisation. Where that is a different organisation, or the same organisation in a
          different lane, it is a handoff:
        </p>
        <ul>
          {(["direct", "citizen-carried", "internal"] as const).map((kind) => (
            <li key={kind}>
              <strong>{capitalise(HANDOFF_KIND_NAMES[kind])}</strong>: {HANDOFF_KIND_MEANING[kind]}
              {kind === "citizen-carried" ? " These are the costliest seams, drawn most strongly on the canvas." : ""}
            </li>
          ))}
        </ul>
        <p>Steps owned by the citizen are never the start or end of a handoff: they are what lies between.</p>
      </details>
      {handoffs.length === 0 ? (
        <p className="panel-lede">No handoffs: the case stays with one team all the way.</p>
      ) : (
        HANDOFF_KINDS.map((kind) => <KindGroup key={kind} kind={kind} handoffs={handoffs} names={names} onShow={onShow} />)
      )}
    </section>
  );
}

function KindGroup({ kind, handoffs, names, onShow }: Props & { kind: HandoffKind }) {
  const ofKind = handoffs.filter((h) => h.kind === kind);
  const name = capitalise(HANDOFF_KIND_NAMES[kind]);
  const { shown, more } = useShowMore(ofKind, `${HANDOFF_KIND_NAMES[kind]} handoffs`);
  if (ofKind.length === 0) return null;
  return (
    <div className={`handoff-group handoff-group-${kind}`}>
      <h4 className="insights-kind">
        <span className={`kind-swatch kind-${kind}`} aria-hidden="true" />
        {name} ({ofKind.length})
      </h4>
      <ul className="findings" aria-label={`${name} handoffs`}>
        {shown.map((h) => {
          const title = `${who(h, names)}, ${HANDOFF_KIND_NAMES[h.kind]}`;
          const via = h.viaStepIds.map((id) => quoted(names.stepLabel(id)));
          return (
            <li key={h.key}>
              <button
                type="button"
                className="finding"
                onClick={() => onShow([h.fromStepId, ...h.viaStepIds, h.toStepId], `the handoff ${who(h, names)}`)}
              >
                <span className="finding-title">{title}</span>
                <span className="finding-detail">
                  {quoted(names.stepLabel(h.fromStepId))} → {quoted(names.stepLabel(h.toStepId))}
                </span>
                {via.length > 0 ? (
                  <span className="finding-detail">
                    via: {listWords(via)} ({plural(via.length, "citizen step")})
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      {more}
    </div>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
