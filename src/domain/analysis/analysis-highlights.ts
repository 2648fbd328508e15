/**
 * The analysis of a journey as marks on the canvas: which flows carry a handoff and of what
 * kind, which steps belong to a duplicate cluster, which data items a step asks for again
 * (an earlier step asked already), and which it is the first to ask for. Pure: the same analysis always gives equal highlights.
 */
import type { JourneyAnalysis } from ".";
import type { DuplicateCluster } from "./duplicates";
import type { FlowId, StepId } from "../model";
import type { CanvasHighlights, FirstAsk, HandoffKind } from "./highlights";

/** When a flow carries handoffs of several kinds, the costliest is drawn. */
const WEIGHT: Record<HandoffKind, number> = { "citizen-carried": 3, direct: 2, internal: 1 };

/** The number shown for each suggested cluster the user has not dismissed (D1 is 0), in the
 * analysis's order (strongest first). Dismissed clusters have no number and are not marked. */
export function clusterNumbers(duplicates: readonly DuplicateCluster[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const cluster of duplicates) {
    if (cluster.decision !== "dismissed") out.set(cluster.key, out.size);
  }
  return out;
}

/** The analysis as canvas marks. A direct handoff marks its flow; a citizen-carried or internal
 * handoff that passes through citizen steps marks every flow along that path. */
export function analysisHighlights(analysis: JourneyAnalysis): CanvasHighlights {
  const handoffOn = new Map<FlowId, HandoffKind>();
  for (const handoff of analysis.handoffs) {
    for (const flowId of handoff.flowIds) {
      const current = handoffOn.get(flowId);
      if (!current || WEIGHT[handoff.kind] > WEIGHT[current]) handoffOn.set(flowId, handoff.kind);
    }
  }

  const duplicateOf = new Map<StepId, { cluster: number; key: string }>();
  const numbers = clusterNumbers(analysis.duplicates);
  for (const cluster of analysis.duplicates) {
    const number = numbers.get(cluster.key);
    if (number === undefined) continue;
    for (const stepId of cluster.stepIds) {
      // A step is in one cluster; should two ever claim it, the stronger (earlier) keeps it.
      if (!duplicateOf.has(stepId)) duplicateOf.set(stepId, { cluster: number, key: cluster.key });
    }
  }

  const repeatedAt = new Map<StepId, string[]>();
  const firstAskedAt = new Map<StepId, FirstAsk[]>();
  const push = <T>(map: Map<StepId, T[]>, id: StepId, value: T) => {
    const list = map.get(id);
    if (list) list.push(value);
    else map.set(id, [value]);
  };
  for (const item of analysis.repeated) {
    if (!item.repeated) continue;
    const steps = new Set(item.stepIds);
    for (const stepId of steps) {
      if (stepId !== item.firstStepId) push(repeatedAt, stepId, item.label);
    }
    if (steps.has(item.firstStepId) && steps.size > 1) push(firstAskedAt, item.firstStepId, { label: item.label, more: steps.size - 1 });
  }
  return { handoffOn, duplicateOf, repeatedAt, firstAskedAt };
}
