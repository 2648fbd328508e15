/**
 * Small journeys for tests, written tersely:
 *
 *   buildJourney({
 *     lanes: ["L1", { id: "L2", layer: "backstage", actorId: "dwp" }],
 *     stages: ["S1", "S2"],
 *     steps: [...at("L1", "S1", "a", "b"), ...at("L2", "S2", "c")],
 *     flows: ["a>b", "b>c"],
 *   });
 *
 * Actors default to one per `actorId` used by the lanes ("citizen" is the citizen, any other
 * id an organisation). Lanes default to the citizen actor in the citizen layer. Steps default
 * to the first lane and stage, and their `order` to their position among the steps given for
 * the same cell, so every cell starts numbered 0..n-1.
 */
import type {
  Actor,
  Annotation,
  CustomDataItem,
  DuplicateDecision,
  Flow,
  Journey,
  Lane,
  LaneId,
  Layer,
  Stage,
  StageId,
  Step,
  StepId,
} from "../../src/domain/model";
import { newStep } from "../../src/domain/journey";

export type ActorSpec = string | (Partial<Actor> & { id: string });
export type LaneSpec = string | (Partial<Lane> & { id: string });
export type StageSpec = string | (Partial<Stage> & { id: string });
export type StepSpec = string | (Partial<Step> & { id: string });
/** "a>b" is a flow from step a to step b with id "a>b". */
export type FlowSpec = string | (Partial<Flow> & { from: string; to: string });
export type AnnotationSpec = Partial<Annotation> & { id: string };

export interface JourneySpec {
  id?: string;
  title?: string;
  actors?: ActorSpec[];
  lanes?: LaneSpec[];
  stages?: StageSpec[];
  steps?: StepSpec[];
  flows?: FlowSpec[];
  annotations?: AnnotationSpec[];
  customDataItems?: CustomDataItem[];
  duplicateDecisions?: DuplicateDecision[];
}

export const BUILT_AT = "2026-01-01T00:00:00.000Z";

/** An actor; "citizen" is the citizen, any other id an organisation. */
export function actor(id: string, fields: Partial<Actor> = {}): Actor {
  const citizen = (fields.type ?? (id === "citizen" ? "citizen" : "organisation")) === "citizen";
  return {
    id,
    type: citizen ? "citizen" : "organisation",
    name: id,
    shortName: id,
    orgKind: citizen ? null : "partner",
    colour: "#336699",
    ...fields,
  };
}

/** A lane, by default the citizen's, in the citizen layer. */
export function lane(id: LaneId, layer: Layer = "citizen", actorId = "citizen"): Lane {
  return { id, actorId, layer, team: "" };
}

/** Step specs for one cell, left to right. */
export function at(laneId: LaneId, stageId: StageId, ...ids: StepId[]): StepSpec[] {
  return ids.map((id) => ({ id, laneId, stageId }));
}

/** A flow "from>to" (id defaults to "from>to"). */
export function flow(from: StepId, to: StepId, fields: Partial<Flow> = {}): Flow {
  return { id: `${from}>${to}`, from, to, label: "", dataShare: false, ...fields };
}

export function buildJourney(spec: JourneySpec = {}): Journey {
  const lanes = (spec.lanes ?? []).map((l) =>
    typeof l === "string" ? lane(l) : { ...lane(l.id), ...l },
  );
  const actorSpecs: ActorSpec[] =
    spec.actors ?? [...new Set(lanes.map((l) => l.actorId))].map((id) => id);
  const actors = actorSpecs.map((a) => (typeof a === "string" ? actor(a) : actor(a.id, a)));
  const stages = (spec.stages ?? []).map((s) =>
    typeof s === "string" ? { id: s, name: s } : { name: s.id, ...s },
  );

  const filled = new Map<string, number>();
  const steps = (spec.steps ?? []).map((s) => {
    const fields = typeof s === "string" ? { id: s } : s;
    const laneId = fields.laneId ?? lanes[0]?.id ?? "L?";
    const stageId = fields.stageId ?? stages[0]?.id ?? "S?";
    const key = `${laneId}/${stageId}`;
    const position = filled.get(key) ?? 0;
    filled.set(key, position + 1);
    return newStep(fields.id, laneId, stageId, { label: fields.id, order: position, ...fields });
  });

  const flows = (spec.flows ?? []).map((f) => {
    if (typeof f !== "string") return flow(f.from, f.to, f);
    const [from = "", to = ""] = f.split(">");
    return flow(from, to);
  });
  const annotations = (spec.annotations ?? []).map((a): Annotation => ({
    kind: "note",
    text: a.id,
    stepId: null,
    ...a,
    laneId: a.laneId ?? null,
    stageId: a.stageId ?? null,
  }));

  return {
    id: spec.id ?? "journey",
    title: spec.title ?? "A journey",
    scenario: "",
    description: "",
    ownerTeam: "",
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    actors,
    lanes,
    stages,
    steps,
    flows,
    annotations,
    customDataItems: spec.customDataItems ?? [],
    duplicateDecisions: spec.duplicateDecisions ?? [],
  };
}

/** Freezes a value and everything reachable from it, so any mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A deep-frozen journey: operations under test cannot mutate it without throwing. */
export function frozenJourney(spec: JourneySpec = {}): Journey {
  return deepFreeze(buildJourney(spec));
}

/** Each non-empty cell as "lane/stage" → step ids left to right (by order, then id). */
export function cells(journey: Journey): Record<string, StepId[]> {
  const out: Record<string, Step[]> = {};
  for (const s of journey.steps) (out[`${s.laneId}/${s.stageId}`] ??= []).push(s);
  return Object.fromEntries(
    Object.entries(out)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, steps]) => [
        key,
        steps
          .slice()
          .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map((s) => s.id),
      ]),
  );
}

/** Step id → its order. */
export function orders(journey: Journey): Record<StepId, number> {
  return Object.fromEntries(journey.steps.map((s) => [s.id, s.order]));
}

/** The step with an id (throws if missing, so tests fail loudly). */
export function stepOf(journey: Journey, id: StepId): Step {
  const step = journey.steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
}
