/** The data file of a bare React Flow page: a generated journey's steps where the blueprint
 * layout puts them, and its flows as edges. */
import { blueprintLayout } from "../../src/domain/layout";
import type { Journey } from "../../src/domain/model";

export interface BareData {
  ids: string[];
  labels: string[];
  /** x, y of each node, in flow coordinates. */
  xy: number[];
  /** The size of a step card, given up front in the visible-only variant. */
  width: number;
  height: number;
  /** id, source, target */
  edges: [string, string, string][];
}

export function bareData(journey: Journey): BareData {
  const layout = blueprintLayout(journey);
  const steps = journey.steps.filter((s) => layout.steps.has(s.id));
  const boxes = steps.map((s) => layout.steps.get(s.id)!);
  return {
    ids: steps.map((s) => s.id),
    labels: steps.map((s) => s.label),
    xy: boxes.flatMap((b) => [b.x, b.y]),
    width: boxes[0]?.width ?? 200,
    height: boxes[0]?.height ?? 104,
    edges: journey.flows.map((f) => [f.id, f.from, f.to]),
  };
}

/** What the probe needs to know which steps should be on screen: ids and boxes. */
export function probeBoxes(journey: Journey): { ids: string[]; xywh: number[] } {
  const layout = blueprintLayout(journey);
  const ids: string[] = [];
  const xywh: number[] = [];
  for (const step of journey.steps) {
    const box = layout.steps.get(step.id);
    if (!box) continue;
    ids.push(step.id);
    xywh.push(box.x, box.y, box.width, box.height);
  }
  return { ids, xywh };
}
