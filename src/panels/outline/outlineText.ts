/**
 * The outline's reading of a journey: stages in order, the steps of each stage by lane
 * display order then cell order, and the words used to name owners, lanes and flows.
 * Derived from the journey alone, so the outline and the canvas always agree.
 */
import { cellKey, lanesInDisplayOrder, stepsByCell } from "../../domain/layout";
import type {
  Actor,
  ActorId,
  Flow,
  Journey,
  Lane,
  LaneId,
  Stage,
  StageId,
  Step,
  StepId,
} from "../../domain/model";
import { LAYER_LABELS } from "../../domain/model";

export interface OutlineStage {
  stage: Stage;
  /** 1-based position, as spoken: "Stage 2". */
  number: number;
  steps: Step[];
}

export interface OutlineIndex {
  actors: ReadonlyMap<ActorId, Actor>;
  lanes: ReadonlyMap<LaneId, Lane>;
  stagesById: ReadonlyMap<StageId, OutlineStage>;
  steps: ReadonlyMap<StepId, Step>;
  /** Lanes top to bottom, as the canvas draws them. */
  displayLanes: Lane[];
  stages: OutlineStage[];
  /** Every listed step in reading order, across stages. */
  order: StepId[];
  flowsFrom: ReadonlyMap<StepId, Flow[]>;
  flowsTo: ReadonlyMap<StepId, Flow[]>;
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Builds the outline's index of a journey. Steps in a lane or stage that no longer exists
 * are left out, as the canvas leaves them out. */
export function outlineIndex(journey: Journey): OutlineIndex {
  const displayLanes = lanesInDisplayOrder(journey.lanes);
  const cells = stepsByCell(journey.steps);
  const stages = journey.stages.map((stage, i) => ({
    stage,
    number: i + 1,
    steps: displayLanes.flatMap((lane) => cells.get(cellKey(lane.id, stage.id)) ?? []),
  }));
  return {
    actors: new Map(journey.actors.map((a) => [a.id, a])),
    lanes: new Map(journey.lanes.map((l) => [l.id, l])),
    stagesById: new Map(stages.map((s) => [s.stage.id, s])),
    steps: new Map(journey.steps.map((s) => [s.id, s])),
    displayLanes,
    stages,
    order: stages.flatMap((s) => s.steps.map((step) => step.id)),
    flowsFrom: group(journey.flows, (f) => f.from),
    flowsTo: group(journey.flows, (f) => f.to),
  };
}

/** "Stage 2: Register". */
export function stageTitle(entry: Pick<OutlineStage, "number" | "stage">): string {
  return `Stage ${entry.number}: ${entry.stage.name || "Untitled stage"}`;
}

/** The actor that owns a lane. */
export function laneOwner(index: OutlineIndex, laneId: LaneId): Actor | undefined {
  const lane = index.lanes.get(laneId);
  return lane ? index.actors.get(lane.actorId) : undefined;
}

/** The lane as a person names it: its layer, and its team when it has one. */
export function laneKind(lane: Lane): string {
  const team = lane.team.trim();
  return team ? `${LAYER_LABELS[lane.layer]} · ${team}` : LAYER_LABELS[lane.layer];
}

/** "DWP · Frontstage" or "DWP · Backstage · Bereavement team". */
export function laneName(index: OutlineIndex, laneId: LaneId): string {
  const lane = index.lanes.get(laneId);
  if (!lane) return "Unknown lane";
  const owner = index.actors.get(lane.actorId);
  return `${owner?.shortName || owner?.name || "Unknown owner"} · ${laneKind(lane)}`;
}

/** A step's label, or a placeholder when it has none. */
export function stepLabel(step: Pick<Step, "label"> | undefined): string {
  return step?.label.trim() || "Unnamed step";
}

/** A step named with its owner, for flows and pickers: "Claim Bereavement Support Payment (DWP)". */
export function stepReference(index: OutlineIndex, stepId: StepId): string {
  const step = index.steps.get(stepId);
  if (!step) return "a missing step";
  const owner = laneOwner(index, step.laneId);
  return `${stepLabel(step)} (${owner?.shortName || owner?.name || "unknown owner"})`;
}

/** What a flow means, read from one end: "Leads to: X (DWP)", with its label or condition and
 * whether it is a data share. */
export function flowSentence(index: OutlineIndex, flow: Flow, direction: "out" | "in"): string {
  const verb = direction === "out" ? "Leads to" : "Comes from";
  const other = stepReference(index, direction === "out" ? flow.to : flow.from);
  const condition = flow.label.trim() ? ` — ${flow.label.trim()}` : "";
  const share = flow.dataShare ? " · data share, no citizen action" : "";
  return `${verb}: ${other}${condition}${share}`;
}

/** "3 stages · 5 steps · 2 organisations". */
export function journeySummary(journey: Journey): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const orgs = new Set(
    journey.lanes
      .map((l) => journey.actors.find((a) => a.id === l.actorId))
      .filter((a) => a?.type === "organisation")
      .map((a) => a!.id),
  );
  return [
    plural(journey.stages.length, "stage"),
    plural(journey.steps.length, "step"),
    plural(orgs.size, "organisation"),
  ].join(" · ");
}
