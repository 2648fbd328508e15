/**
 * Moving around the blueprint with the keyboard: which step is next to which, where a step
 * goes when it is moved a stage or a lane over, and how a keyboard selection grows. Pure
 * functions over the journey and its grid.
 */
import type { BlueprintLayout } from "./layout";
import type { Journey, LaneId, StageId, StepId } from "./model";
import { cellSteps } from "./journey";
import { lanesInDisplayOrder } from "./layout";

export type Direction = "left" | "right" | "up" | "down";

/** The step a designer means by "the one next to this in that direction": the nearest card
 * whose centre lies that way, preferring cards in line with this one over cards off to the
 * side. Null at the edge of the blueprint. */
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

/** Where a step goes when it is moved one stage left or right (same lane) or one lane up or
 * down in display order (same stage): the end of that cell. Null at the edge of the grid. */
export function neighbourCell(
  journey: Journey,
  stepId: StepId,
  direction: Direction,
): { laneId: LaneId; stageId: StageId; index: number } | null {
  const step = journey.steps.find((s) => s.id === stepId);
  if (!step) return null;
  if (direction === "left" || direction === "right") {
    const i = journey.stages.findIndex((s) => s.id === step.stageId);
    if (i < 0) return null;
    const target = journey.stages[i + (direction === "left" ? -1 : 1)];
    return target ? { laneId: step.laneId, stageId: target.id, index: Number.MAX_SAFE_INTEGER } : null;
  }
  const lanes = lanesInDisplayOrder(journey.lanes);
  const i = lanes.findIndex((l) => l.id === step.laneId);
  if (i < 0) return null;
  const target = lanes[i + (direction === "up" ? -1 : 1)];
  return target ? { laneId: target.id, stageId: step.stageId, index: Number.MAX_SAFE_INTEGER } : null;
}

/** The step the keyboard is on: the one most recently added to the selection. */
export function currentStep(selection: readonly StepId[]): StepId | undefined {
  return selection[selection.length - 1];
}

/** The selection after the keyboard steps from the current step to `next`: with `extend`,
 * `next` joins the selection (and becomes current); without, it is the whole selection. */
export function stepSelection(selection: readonly StepId[], next: StepId, extend: boolean): StepId[] {
  if (!extend) return [next];
  return [...selection.filter((id) => id !== next), next];
}

/** Two selected steps in the order a flow between them runs: the one in the earlier stage
 * first, or within a stage the one further left. Null when either step is missing. */
export function flowOrder(journey: Journey, a: StepId, b: StepId): [StepId, StepId] | null {
  const first = journey.steps.find((s) => s.id === a);
  const second = journey.steps.find((s) => s.id === b);
  if (!first || !second) return null;
  const stage = (id: StageId) => journey.stages.findIndex((s) => s.id === id);
  const before =
    stage(first.stageId) < stage(second.stageId) ||
    (first.stageId === second.stageId && first.order <= second.order);
  return before ? [a, b] : [b, a];
}

/** Where the keyboard starts when nothing is selected: the first step of the journey as it
 * reads, left to right (earliest stage) then top to bottom. Null in an empty blueprint. */
export function firstStep(layout: BlueprintLayout): StepId | null {
  let best: { id: StepId; x: number; y: number } | null = null;
  for (const box of layout.steps.values()) {
    if (!best || box.x < best.x || (box.x === best.x && box.y < best.y)) best = box;
  }
  return best?.id ?? null;
}

/** Where a step added from the keyboard goes: straight after `nextTo` in its cell, or, with
 * no step to go next to, at the end of the top lane's first stage. Null when the journey
 * has no lane or no stage. */
export function placeForNewStep(
  journey: Journey,
  nextTo: StepId | undefined,
): { laneId: LaneId; stageId: StageId; index: number | undefined } | null {
  const step = nextTo === undefined ? undefined : journey.steps.find((s) => s.id === nextTo);
  if (step) {
    const index = cellSteps(journey, step.laneId, step.stageId).findIndex((s) => s.id === step.id);
    return { laneId: step.laneId, stageId: step.stageId, index: index + 1 };
  }
  const laneId = lanesInDisplayOrder(journey.lanes)[0]?.id;
  const stageId = journey.stages[0]?.id;
  return laneId && stageId ? { laneId, stageId, index: undefined } : null;
}
