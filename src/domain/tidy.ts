/**
 * Tidy up: orders the steps inside each lane × stage cell along the flows, so a journey reads
 * left to right. The ordering comes from ELK's layered layout (cycle breaking, layering and
 * crossing minimisation), with each stage as a partition so no step leaves its stage.
 */
import type { ElkNode } from "elkjs/lib/elk-api";
import { cellKey } from "./layout";
import type { Journey, StepId } from "./model";

type Elk = { layout(graph: ElkNode): Promise<ElkNode> };

let elk: Promise<Elk> | null = null;

/** Loads ELK on first use: it is large and only needed when the user tidies up. */
function loadElk(): Promise<Elk> {
  elk ??= import("elkjs/lib/elk.bundled.js").then((m) => new m.default() as unknown as Elk);
  return elk;
}

/** The new order of every step within its cell, following the flows. */
export async function tidyCellOrders(journey: Journey): Promise<Map<StepId, number>> {
  const stageIndex = new Map(journey.stages.map((s, i) => [s.id, i]));
  const steps = journey.steps.filter((s) => stageIndex.has(s.stageId));
  const ids = new Set(steps.map((s) => s.id));
  const graph: ElkNode = {
    id: "journey",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.partitioning.activate": "true",
      "elk.layered.crossingMinimization.semiInteractive": "true",
      "elk.spacing.nodeNode": "10",
    },
    children: steps.map((s) => ({
      id: s.id,
      width: 200,
      height: 100,
      layoutOptions: {
        "elk.partitioning.partition": String(stageIndex.get(s.stageId)),
        "elk.position": `(${s.order * 10},0)`,
      },
    })),
    edges: journey.flows
      .filter((f) => ids.has(f.from) && ids.has(f.to))
      .map((f) => ({ id: f.id, sources: [f.from], targets: [f.to] })),
  };
  const laid = await (await loadElk()).layout(graph);
  const x = new Map((laid.children ?? []).map((n) => [n.id, n.x ?? 0]));
  const cells = new Map<string, typeof steps>();
  for (const step of steps) {
    const key = cellKey(step.laneId, step.stageId);
    cells.set(key, [...(cells.get(key) ?? []), step]);
  }
  const orders = new Map<StepId, number>();
  for (const cell of cells.values()) {
    cell
      .slice()
      .sort((a, b) => (x.get(a.id) ?? 0) - (x.get(b.id) ?? 0) || a.order - b.order)
      .forEach((step, i) => orders.set(step.id, i));
  }
  return orders;
}
