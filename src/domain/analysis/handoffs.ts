/**
 * Handoffs (DESIGN §3): where responsibility passes from one organisation-owned step to the next
 * organisation-owned step, following the flows.
 */
import type { ActorId, FlowId, Journey, StepId } from "../model";
import { indexJourney, isCitizenStep, isOrgStep, type JourneyIndex } from "./context";

export type HandoffKind = "direct" | "citizen-carried" | "internal";

export interface Handoff {
  /** `${fromStepId}->${toStepId}`: each pair of steps appears once. */
  key: string;
  kind: HandoffKind;
  fromStepId: StepId;
  toStepId: StepId;
  fromActorId: ActorId;
  toActorId: ActorId;
  /** Citizen steps between the two (empty for a direct flow). */
  viaStepIds: StepId[];
  /** The flows that carry the handoff: every direct flow, or the shortest path through citizen
   * steps. */
  flowIds: FlowId[];
}

/** Where the case passes between organisations (direct), where the citizen has to carry it to
 * the next organisation themselves (citizen-carried), or between teams of one organisation
 * (internal). From each organisation-owned step, the search goes forward through citizen-owned
 * steps only, so branches and loops are followed and each pair of steps is reported once, by
 * its direct flow when there is one. Steps whose lane or actor is missing are not followed. */
export function findHandoffs(
  journey: Journey,
  ix: JourneyIndex = indexJourney(journey),
): Handoff[] {
  const out: Handoff[] = [];
  const n = ix.steps.length;
  // Per search: parent flow of each visited citizen step, and how each org step was reached.
  const parentFlow = new Int32Array(n).fill(-1);
  const visitedMark = new Int32Array(n).fill(-1);
  const reachedMark = new Int32Array(n).fill(-1);
  const reachedBy = new Int32Array(n).fill(-1);

  const queue = new Int32Array(n);
  const reached = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (!isOrgStep(ix, s)) continue;
    let found = 0;
    let queued = 0;
    const visit = (k: number): void => {
      const t = ix.flowTo[k]!;
      if (isOrgStep(ix, t)) {
        if (reachedMark[t] !== s) {
          reachedMark[t] = s;
          reachedBy[t] = k;
          reached[found++] = t;
        }
      } else if (isCitizenStep(ix, t) && visitedMark[t] !== s) {
        visitedMark[t] = s;
        parentFlow[t] = k;
        queue[queued++] = t;
      }
    };
    // Direct flows first, so a pair reached both ways counts as direct.
    for (const k of ix.outFlows[s]!) visit(k);
    for (let q = 0; q < queued; q++) for (const k of ix.outFlows[queue[q]!]!) visit(k);

    const targets = reached.subarray(0, found).sort();
    for (const t of targets) {
      const h = classify(ix, s, t, reachedBy[t]!, parentFlow);
      if (h) out.push(h);
    }
  }
  return out;
}

function classify(
  ix: JourneyIndex,
  s: number,
  t: number,
  lastFlow: number,
  parentFlow: Int32Array,
): Handoff | null {
  const fromActor = ix.owner[s]!;
  const toActor = ix.owner[t]!;
  const direct = ix.flowFrom[lastFlow] === s;
  let kind: HandoffKind;
  if (fromActor.id !== toActor.id) kind = direct ? "direct" : "citizen-carried";
  else if (ix.lane[s]!.id !== ix.lane[t]!.id) kind = "internal";
  else return null;

  const flowIds: FlowId[] = [];
  const viaStepIds: StepId[] = [];
  if (direct) {
    for (const k of ix.outFlows[s]!) if (ix.flowTo[k] === t) flowIds.push(ix.flows[k]!.id);
  } else {
    // Walk back from the last flow to the starting step through the citizen steps.
    let k = lastFlow;
    for (;;) {
      flowIds.push(ix.flows[k]!.id);
      const from = ix.flowFrom[k]!;
      if (from === s) break;
      viaStepIds.push(ix.steps[from]!.id);
      k = parentFlow[from]!;
    }
    flowIds.reverse();
    viaStepIds.reverse();
  }
  const fromStepId = ix.steps[s]!.id;
  const toStepId = ix.steps[t]!.id;
  return {
    key: `${fromStepId}->${toStepId}`,
    kind,
    fromStepId,
    toStepId,
    fromActorId: fromActor.id,
    toActorId: toActor.id,
    viaStepIds,
    flowIds,
  };
}
