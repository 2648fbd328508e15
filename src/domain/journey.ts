/**
 * Pure operations on a journey. Each returns a new journey, or the same object when
 * nothing changes, so history, autosave and React Flow can compare by reference.
 */
import type {
  Actor,
  ActorId,
  Annotation,
  Flow,
  FlowId,
  Journey,
  JourneyId,
  Lane,
  LaneId,
  Layer,
  Stage,
  StageId,
  Step,
  StepId,
} from "./model";
import { LAYERS } from "./model";
import { emptyCollections } from "./records";
import { attachmentExists } from "./annotations";
import { emptyMetrics } from "./step-metrics";

/** A new empty journey. */
export function createJourney(id: JourneyId, title: string, now: string): Journey {
  return {
    id,
    title,
    scenario: "",
    description: "",
    ownerTeam: "",
    createdAt: now,
    updatedAt: now,
    ...emptyCollections(),
  };
}

/** The fields of a step a user can set, with sensible defaults for a new card. */
export function newStep(id: StepId, laneId: LaneId, stageId: StageId, fields: Partial<Step> = {}): Step {
  return {
    id,
    laneId,
    stageId,
    order: 0,
    label: "New step",
    description: "",
    channel: null,
    dataItems: [],
    evidence: [],
    activeMinutes: null,
    waitingMinutes: null,
    painPoints: [],
    emotion: null,
    evidenceStatus: "observed",
    failPoint: false,
    waitPoint: false,
    notes: "",
    tags: [],
    sources: [],
    metrics: emptyMetrics(),
    ...fields,
  };
}

/** A step nobody has filled in yet: everything but its place is as a new card has it (the
 * label "New step", no channel, nothing asked, no notes). Cancelling such a card removes it. */
export function isBlankStep(step: Step): boolean {
  const blank = newStep(step.id, step.laneId, step.stageId, { order: step.order });
  return (Object.keys(blank) as (keyof Step)[]).every((key) => {
    const a = step[key];
    const b = blank[key];
    if (Array.isArray(a) && Array.isArray(b)) return a.length === 0 && b.length === 0;
    if (isPlainRecord(a) && isPlainRecord(b)) return sameFields(a, b);
    return a === b;
  });
}

type Patch<T> = Partial<Omit<T, "id">>;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Two records with the same keys and the same values under each (compared with Object.is). */
function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

function shallowEqualPatch<T extends object>(item: T, patch: Patch<T>): boolean {
  return (Object.keys(patch) as (keyof T)[]).every((key) => {
    const next = (patch as T)[key];
    const prev = item[key];
    if (Array.isArray(prev) && Array.isArray(next)) {
      return prev.length === next.length && prev.every((v, i) => v === next[i]);
    }
    if (isPlainRecord(prev) && isPlainRecord(next)) return sameFields(prev, next);
    return Object.is(prev, next);
  });
}

function patchById<T extends { id: string }>(items: T[], id: string, patch: Patch<T>): T[] {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return items;
  const item = items[index]!;
  if (shallowEqualPatch(item, patch)) return items;
  const copy = items.slice();
  copy[index] = { ...item, ...patch };
  return copy;
}

function withField<K extends keyof Journey>(journey: Journey, key: K, value: Journey[K]): Journey {
  return journey[key] === value ? journey : { ...journey, [key]: value };
}

/** Left to right within a cell: by order, then by id when two steps share an order, so the
 * operations here and the blueprint grid agree on which card is where. */
export function compareCellOrder(a: Step, b: Step): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function stepsOfCell(steps: Step[], laneId: LaneId, stageId: StageId): Step[] {
  return steps.filter((s) => s.laneId === laneId && s.stageId === stageId).sort(compareCellOrder);
}

/** Steps of one lane × stage cell, in their left-to-right order. */
export function cellSteps(journey: Journey, laneId: LaneId, stageId: StageId): Step[] {
  return stepsOfCell(journey.steps, laneId, stageId);
}

/** Renumbers the orders of a cell 0, 1, 2 … keeping step objects that already match. */
function renumberCell(steps: Step[], laneId: LaneId, stageId: StageId, ordered: Step[]): Step[] {
  const orderOf = new Map(ordered.map((s, i) => [s.id, i]));
  let changed = false;
  const next = steps.map((s) => {
    if (s.laneId !== laneId || s.stageId !== stageId) return s;
    const order = orderOf.get(s.id);
    if (order === undefined || order === s.order) return s;
    changed = true;
    return { ...s, order };
  });
  return changed ? next : steps;
}

/** Updates the journey's own details (title, scenario, description, owner team). */
export function updateJourneyDetails(
  journey: Journey,
  patch: Partial<Pick<Journey, "title" | "scenario" | "description" | "ownerTeam">>,
): Journey {
  if (shallowEqualPatch(journey, patch)) return journey;
  return { ...journey, ...patch };
}

/** Adds a step at the end of its cell (or at `index` within the cell). */
export function addStep(journey: Journey, step: Step, index?: number): Journey {
  if (journey.steps.some((s) => s.id === step.id)) return journey;
  if (!journey.lanes.some((l) => l.id === step.laneId)) return journey;
  if (!journey.stages.some((s) => s.id === step.stageId)) return journey;
  const cell = cellSteps(journey, step.laneId, step.stageId);
  const at = index === undefined ? cell.length : Math.max(0, Math.min(index, cell.length));
  const ordered = [...cell.slice(0, at), step, ...cell.slice(at)];
  const steps = renumberCell([...journey.steps, step], step.laneId, step.stageId, ordered);
  return { ...journey, steps };
}

/** Changes fields of one step; the same journey comes back if nothing differs. */
export function updateStep(journey: Journey, id: StepId, patch: Patch<Omit<Step, "laneId" | "stageId" | "order">>): Journey {
  return withField(journey, "steps", patchById<Step>(journey.steps, id, patch));
}

/** Moves a step to another cell (changing its owner and stage) or another place in its cell. */
export function moveStep(journey: Journey, id: StepId, laneId: LaneId, stageId: StageId, index?: number): Journey {
  const step = journey.steps.find((s) => s.id === id);
  if (!step) return journey;
  if (!journey.lanes.some((l) => l.id === laneId) || !journey.stages.some((s) => s.id === stageId)) return journey;
  const target = cellSteps(journey, laneId, stageId).filter((s) => s.id !== id);
  const at = index === undefined ? target.length : Math.max(0, Math.min(index, target.length));
  const sameCell = step.laneId === laneId && step.stageId === stageId;
  if (sameCell) {
    const current = cellSteps(journey, laneId, stageId).findIndex((s) => s.id === id);
    if (current === at) return journey;
  }
  const moved: Step = sameCell ? step : { ...step, laneId, stageId };
  let steps = journey.steps.map((s) => (s.id === id ? moved : s));
  steps = renumberCell(steps, laneId, stageId, [...target.slice(0, at), moved, ...target.slice(at)]);
  if (!sameCell) {
    steps = renumberCell(steps, step.laneId, step.stageId, cellSteps({ ...journey, steps }, step.laneId, step.stageId));
  }
  return { ...journey, steps };
}

/** Keeps the array itself when a filter removed nothing. */
function keepIfSame<T>(before: T[], after: T[]): T[] {
  return after.length === before.length ? before : after;
}

/** Removes steps with their flows and annotations; the cells they leave are renumbered 0..n-1. */
export function removeSteps(journey: Journey, ids: Iterable<StepId>): Journey {
  const gone = new Set(ids);
  const removed = journey.steps.filter((s) => gone.has(s.id));
  if (removed.length === 0) return journey;
  let steps = journey.steps.filter((s) => !gone.has(s.id));
  const leftCells = new Map(removed.map((s) => [`${s.laneId}\u0000${s.stageId}`, s]));
  for (const { laneId, stageId } of leftCells.values()) {
    steps = renumberCell(steps, laneId, stageId, stepsOfCell(steps, laneId, stageId));
  }
  return {
    ...journey,
    steps,
    flows: keepIfSame(
      journey.flows,
      journey.flows.filter((f) => !gone.has(f.from) && !gone.has(f.to)),
    ),
    annotations: keepIfSame(
      journey.annotations,
      journey.annotations.filter((a) => a.stepId === null || !gone.has(a.stepId)),
    ),
  };
}

/** Connects two steps with a flow; refuses self-connections and duplicates. */
export function connect(journey: Journey, flow: Flow): Journey {
  if (!canConnect(journey, flow.from, flow.to)) return journey;
  if (journey.flows.some((f) => f.id === flow.id)) return journey;
  return { ...journey, flows: [...journey.flows, flow] };
}

/** Whether a new flow may run from one step to another: both exist, they are different steps,
 * and no flow already runs that way. */
export function canConnect(journey: Journey, from: StepId, to: StepId): boolean {
  if (from === to) return false;
  if (journey.flows.some((f) => f.from === from && f.to === to)) return false;
  let found = 0;
  for (const s of journey.steps) if (s.id === from || s.id === to) found++;
  return found === 2;
}

/** Changes a flow's label, condition or data-share marker. */
export function updateFlow(journey: Journey, id: FlowId, patch: Patch<Omit<Flow, "from" | "to">>): Journey {
  return withField(journey, "flows", patchById<Flow>(journey.flows, id, patch));
}

/** Removes flows. */
export function removeFlows(journey: Journey, ids: Iterable<FlowId>): Journey {
  const gone = new Set(ids);
  if (!journey.flows.some((f) => gone.has(f.id))) return journey;
  return { ...journey, flows: journey.flows.filter((f) => !gone.has(f.id)) };
}

/** Adds an organisation or the citizen to the journey. */
export function addActor(journey: Journey, actor: Actor): Journey {
  if (journey.actors.some((a) => a.id === actor.id)) return journey;
  return { ...journey, actors: [...journey.actors, actor] };
}

/** Renames or recolours an actor. */
export function updateActor(journey: Journey, id: ActorId, patch: Patch<Actor>): Journey {
  return withField(journey, "actors", patchById(journey.actors, id, patch));
}

/** Removes an actor that owns no lane. */
export function removeActor(journey: Journey, id: ActorId): Journey {
  if (journey.lanes.some((l) => l.actorId === id)) return journey;
  if (!journey.actors.some((a) => a.id === id)) return journey;
  return { ...journey, actors: journey.actors.filter((a) => a.id !== id) };
}

/** An insertion index within 0..length. */
function clampIndex(index: number, length: number): number {
  return Math.max(0, Math.min(index, length));
}

/** Where a new lane of a layer belongs: after the last lane of the same or an earlier layer. */
function insertionIndexForLayer(lanes: Lane[], layer: Layer): number {
  const rank = LAYERS.indexOf(layer);
  let at = 0;
  lanes.forEach((lane, i) => {
    if (LAYERS.indexOf(lane.layer) <= rank) at = i + 1;
  });
  return at;
}

/** Adds a lane owned by an actor; placed with its layer unless an index is given. */
export function addLane(journey: Journey, lane: Lane, index?: number): Journey {
  if (journey.lanes.some((l) => l.id === lane.id)) return journey;
  if (!journey.actors.some((a) => a.id === lane.actorId)) return journey;
  const wanted = index ?? insertionIndexForLayer(journey.lanes, lane.layer);
  const at = clampIndex(wanted, journey.lanes.length);
  const lanes = [...journey.lanes.slice(0, at), lane, ...journey.lanes.slice(at)];
  return { ...journey, lanes };
}

/** Changes a lane's owner, layer or team name. */
export function updateLane(journey: Journey, id: LaneId, patch: Patch<Lane>): Journey {
  if (patch.actorId !== undefined && !journey.actors.some((a) => a.id === patch.actorId)) return journey;
  return withField(journey, "lanes", patchById(journey.lanes, id, patch));
}

function moveInArray<T extends { id: string }>(items: T[], id: string, toIndex: number): T[] {
  const from = items.findIndex((i) => i.id === id);
  if (from < 0) return items;
  const to = Math.max(0, Math.min(toIndex, items.length - 1));
  if (from === to) return items;
  const copy = items.slice();
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

/** Moves a lane to another position, top to bottom. */
export function moveLane(journey: Journey, id: LaneId, toIndex: number): Journey {
  return withField(journey, "lanes", moveInArray(journey.lanes, id, toIndex));
}

/** What happens to the steps of a lane or stage being removed. */
export type RemovalPolicy = { kind: "delete-steps" } | { kind: "move-steps"; to: string };

/** Removes a lane; its steps are deleted or moved into another lane. */
export function removeLane(journey: Journey, id: LaneId, policy: RemovalPolicy): Journey {
  if (!journey.lanes.some((l) => l.id === id)) return journey;
  let next = journey;
  const inLane = journey.steps.filter((s) => s.laneId === id);
  if (policy.kind === "delete-steps") {
    next = removeSteps(next, inLane.map((s) => s.id));
  } else {
    if (policy.to === id || !journey.lanes.some((l) => l.id === policy.to)) return journey;
    for (const step of inLane.sort(compareCellOrder)) {
      next = moveStep(next, step.id, policy.to, step.stageId);
    }
  }
  const target = policy.kind === "move-steps" ? policy.to : null;
  return {
    ...next,
    lanes: next.lanes.filter((l) => l.id !== id),
    annotations: followCellAnnotations(next.annotations, "laneId", id, target),
  };
}

/** Adds a stage (at the end, or at `index`). */
export function addStage(journey: Journey, stage: Stage, index?: number): Journey {
  if (journey.stages.some((s) => s.id === stage.id)) return journey;
  const at = clampIndex(index ?? journey.stages.length, journey.stages.length);
  return { ...journey, stages: [...journey.stages.slice(0, at), stage, ...journey.stages.slice(at)] };
}

/** Renames a stage. */
export function renameStage(journey: Journey, id: StageId, name: string): Journey {
  return withField(journey, "stages", patchById(journey.stages, id, { name }));
}

/** Moves a stage to another position, left to right. */
export function moveStage(journey: Journey, id: StageId, toIndex: number): Journey {
  return withField(journey, "stages", moveInArray(journey.stages, id, toIndex));
}

/** Removes a stage; its steps are deleted or moved into another stage. */
export function removeStage(journey: Journey, id: StageId, policy: RemovalPolicy): Journey {
  if (!journey.stages.some((s) => s.id === id)) return journey;
  let next = journey;
  const inStage = journey.steps.filter((s) => s.stageId === id);
  if (policy.kind === "delete-steps") {
    next = removeSteps(next, inStage.map((s) => s.id));
  } else {
    if (policy.to === id || !journey.stages.some((s) => s.id === policy.to)) return journey;
    for (const step of inStage.sort(compareCellOrder)) {
      next = moveStep(next, step.id, step.laneId, policy.to);
    }
  }
  const target = policy.kind === "move-steps" ? policy.to : null;
  return {
    ...next,
    stages: next.stages.filter((s) => s.id !== id),
    annotations: followCellAnnotations(next.annotations, "stageId", id, target),
  };
}

/** Annotations on the cells of a lane or stage being removed go with its steps: into the
 * lane or stage the steps move to, or away when the steps are deleted. */
function followCellAnnotations(
  annotations: Annotation[],
  field: "laneId" | "stageId",
  removed: string,
  movedTo: string | null,
): Annotation[] {
  if (!annotations.some((a) => a[field] === removed)) return annotations;
  if (movedTo === null) return annotations.filter((a) => a[field] !== removed);
  return annotations.map((a) => (a[field] === removed ? { ...a, [field]: movedTo } : a));
}

/** Adds a note, pain point, opportunity or question: free, on a step, or on a lane × stage
 * cell of the journey (exactly one of these). */
export function addAnnotation(journey: Journey, annotation: Annotation): Journey {
  if (journey.annotations.some((a) => a.id === annotation.id)) return journey;
  if (!attachmentExists(journey, annotation)) return journey;
  return { ...journey, annotations: [...journey.annotations, annotation] };
}

/** Changes an annotation. Moving it sets all three of `stepId`, `laneId` and `stageId` (see
 * `attachmentFields`); the result must be free or attached to a step or cell of the journey. */
export function updateAnnotation(journey: Journey, id: string, patch: Patch<Annotation>): Journey {
  const current = journey.annotations.find((a) => a.id === id);
  if (!current) return journey;
  if (!attachmentExists(journey, { ...current, ...patch })) return journey;
  return withField(journey, "annotations", patchById(journey.annotations, id, patch));
}

/** Removes an annotation. */
export function removeAnnotation(journey: Journey, id: string): Journey {
  if (!journey.annotations.some((a) => a.id === id)) return journey;
  return { ...journey, annotations: journey.annotations.filter((a) => a.id !== id) };
}

/** Records the user's decision on a suggested duplicate cluster (or clears it with null). */
export function decideDuplicate(
  journey: Journey,
  key: string,
  decision: "confirmed" | "dismissed" | null,
): Journey {
  const current = journey.duplicateDecisions.find((d) => d.key === key);
  if ((current?.decision ?? null) === decision) return journey;
  const rest = journey.duplicateDecisions.filter((d) => d.key !== key);
  return { ...journey, duplicateDecisions: decision === null ? rest : [...rest, { key, decision }] };
}

/** Copies of steps (and the flows among them) with new ids, for paste and duplicate. */
export function cloneSteps(
  journey: Journey,
  stepIds: StepId[],
  makeId: (prefix: string) => string,
): { steps: Step[]; flows: Flow[] } {
  // Left to right, so adding the copies one by one at the end of their cells keeps their order.
  const chosen = journey.steps.filter((s) => stepIds.includes(s.id)).sort(compareCellOrder);
  const idMap = new Map(chosen.map((s) => [s.id, makeId("step")]));
  const steps = chosen.map((s) => ({ ...structuredClone(s), id: idMap.get(s.id)! }));
  const flows = journey.flows
    .filter((f) => idMap.has(f.from) && idMap.has(f.to))
    .map((f) => ({ ...f, id: makeId("flow"), from: idMap.get(f.from)!, to: idMap.get(f.to)! }));
  return { steps, flows };
}

/** Adds several steps and flows in one change (paste, duplicate, templates). The steps go at the
 * end of their cells, left to right by their own order (ties keep the order given). */
export function insertSteps(journey: Journey, steps: Step[], flows: Flow[]): Journey {
  let next = journey;
  for (const step of steps.slice().sort((a, b) => a.order - b.order)) next = addStep(next, step);
  for (const flow of flows) next = connect(next, flow);
  return next;
}

/** Sets the order of steps within each cell, e.g. from an automatic layout. */
export function applyCellOrders(journey: Journey, orders: ReadonlyMap<StepId, number>): Journey {
  let changed = false;
  const steps = journey.steps.map((s) => {
    const order = orders.get(s.id);
    if (order === undefined || order === s.order) return s;
    changed = true;
    return { ...s, order };
  });
  return changed ? { ...journey, steps } : journey;
}
