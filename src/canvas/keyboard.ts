/** Keyboard navigation on the blueprint grid: pure helpers over the layout. */
import type { BlueprintLayout } from "../domain/layout";
import type { Journey, StepId } from "../domain/model";
import { lanesInDisplayOrder } from "../domain/layout";

export type Direction = "left" | "right" | "up" | "down";

/** The step nearest to `from` in a direction, or null at the edge. */
export function nearestStep(layout: BlueprintLayout, from: StepId, direction: Direction): StepId | null {
  const origin = layout.steps.get(from);
  if (!origin) return null;
  const ox = origin.x + origin.width / 2;
  const oy = origin.y + origin.height / 2;
  let best: StepId | null = null;
  let bestScore = Infinity;
  for (const box of layout.steps.values()) {
    if (box.id === from) continue;
    const dx = box.x + box.width / 2 - ox;
    const dy = box.y + box.height / 2 - oy;
    const along = direction === "left" ? -dx : direction === "right" ? dx : direction === "up" ? -dy : dy;
    const across = direction === "left" || direction === "right" ? Math.abs(dy) : Math.abs(dx);
    if (along <= 0) continue;
    const score = along + across * 3;
    if (score < bestScore) {
      bestScore = score;
      best = box.id;
    }
  }
  return best;
}

/** The cell a step moves to with Alt + an arrow key: the next stage or the next lane. */
export function neighbourCell(
  journey: Journey,
  stepId: StepId,
  direction: Direction,
): { laneId: string; stageId: string; index: number } | null {
  const step = journey.steps.find((s) => s.id === stepId);
  if (!step) return null;
  if (direction === "left" || direction === "right") {
    const i = journey.stages.findIndex((s) => s.id === step.stageId);
    const target = journey.stages[i + (direction === "left" ? -1 : 1)];
    return target ? { laneId: step.laneId, stageId: target.id, index: Number.MAX_SAFE_INTEGER } : null;
  }
  const lanes = lanesInDisplayOrder(journey.lanes);
  const i = lanes.findIndex((l) => l.id === step.laneId);
  const target = lanes[i + (direction === "up" ? -1 : 1)];
  return target ? { laneId: target.id, stageId: step.stageId, index: Number.MAX_SAFE_INTEGER } : null;
}
