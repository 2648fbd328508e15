/**
 * A terse way to write the built-in sample journeys. Each sample names its lanes, stages and
 * steps by short keys ("registrar", "register"); the builder turns them into readable, stable
 * ids under the sample's prefix ("bereave.lane.registrar", "bereave.step.register") and
 * numbers the steps of each lane × stage cell 0, 1, 2… in the order they are written, which
 * is their order in time.
 *
 * The builder does not check references: the sample tests do, so a mistake in a sample fails
 * a test rather than being quietly repaired here.
 */
import type {
  Actor,
  AnnotationKind,
  Channel,
  Emotion,
  EvidenceSource,
  EvidenceStatus,
  Journey,
  Layer,
  OrgKind,
  Step,
  StepMetrics,
} from "../model";
import { emptyMetrics } from "../step-metrics";
import { actorFromTemplate, citizenActor, organisationTemplate } from "../organisations";
import { emptyCollections } from "../records";

export interface SampleLane {
  key: string;
  /** Key of the owning actor. */
  actor: string;
  layer: Layer;
  team: string;
}

export interface SampleStage {
  key: string;
  name: string;
}

export interface SampleStep {
  key: string;
  lane: string;
  stage: string;
  label: string;
  description: string;
  channel: Channel | null;
  /** Information asked of the citizen, worded as the service words it. */
  data?: readonly string[];
  /** Documents the citizen shows or sends. */
  evidence?: readonly string[];
  /** Minutes of the citizen's own effort. */
  active?: number | null;
  /** Minutes the citizen waits afterwards (days are written as minutes). */
  waiting?: number | null;
  pain?: readonly string[];
  emotion?: Emotion | null;
  /** Defaults to "observed". */
  status?: EvidenceStatus;
  fail?: boolean;
  wait?: boolean;
  notes?: string;
  tags?: readonly string[];
  /** The research behind the step; each source's id is made from the step's key and its
   * place in the list. */
  sources?: readonly Omit<EvidenceSource, "id">[];
  /** Known measures; the others are null. */
  metrics?: Partial<StepMetrics>;
}

export interface SampleFlow {
  from: string;
  to: string;
  label?: string;
  dataShare?: boolean;
}

export interface SampleAnnotation {
  key: string;
  kind: AnnotationKind;
  text: string;
  /** Attached to this step, or to the cell of `lane` and `stage`, or free when none is given. */
  step?: string;
  lane?: string;
  stage?: string;
}

export interface SampleDataItem {
  key: string;
  label: string;
  synonyms?: readonly string[];
}

export interface SampleSpec {
  /** Prefix of every id in the journey, e.g. "bereave". */
  prefix: string;
  id: string;
  title: string;
  scenario: string;
  description: string;
  ownerTeam: string;
  createdAt: string;
  updatedAt: string;
  actors: readonly Actor[];
  lanes: readonly SampleLane[];
  stages: readonly SampleStage[];
  steps: readonly SampleStep[];
  flows: readonly SampleFlow[];
  annotations?: readonly SampleAnnotation[];
  dataItems?: readonly SampleDataItem[];
}

/** Minutes in an hour, a day and a week, for writing waiting times readably. */
export const HOUR = 60;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** The ids a sample's keys stand for. */
export function sampleIds(prefix: string) {
  return {
    actor: (key: string) => `${prefix}.actor.${key}`,
    lane: (key: string) => `${prefix}.lane.${key}`,
    stage: (key: string) => `${prefix}.stage.${key}`,
    step: (key: string) => `${prefix}.step.${key}`,
    flow: (from: string, to: string) => `${prefix}.flow.${from}--${to}`,
    annotation: (key: string) => `${prefix}.note.${key}`,
    dataItem: (key: string) => `${prefix}.item.${key}`,
  };
}

/** A journey actor from the built-in UK organisation library, optionally renamed. */
export function libraryOrganisation(
  prefix: string,
  key: string,
  templateKey: string,
  overrides: Partial<Pick<Actor, "name" | "shortName" | "colour">> = {},
): Actor {
  const template = organisationTemplate(templateKey);
  if (!template) throw new Error(`No organisation "${templateKey}" in the UK library`);
  return { ...actorFromTemplate(template, sampleIds(prefix).actor(key)), ...overrides };
}

/** A journey actor for an organisation the library does not hold (a landlord, a funeral
 * director). */
export function otherOrganisation(
  prefix: string,
  key: string,
  fields: { name: string; shortName: string; orgKind: OrgKind; colour: string },
): Actor {
  return { id: sampleIds(prefix).actor(key), type: "organisation", ...fields };
}

/** The citizen (or their representative) who walks the journey. */
export function sampleCitizen(prefix: string, key: string, name: string): Actor {
  return citizenActor(sampleIds(prefix).actor(key), name);
}

/** Builds a fresh journey from a sample spec: new objects and arrays on every call. */
export function buildSample(spec: SampleSpec): Journey {
  const ids = sampleIds(spec.prefix);
  const nextOrder = new Map<string, number>();
  const steps: Step[] = spec.steps.map((s) => {
    const cell = `${s.lane}\u0000${s.stage}`;
    const order = nextOrder.get(cell) ?? 0;
    nextOrder.set(cell, order + 1);
    return {
      id: ids.step(s.key),
      laneId: ids.lane(s.lane),
      stageId: ids.stage(s.stage),
      order,
      label: s.label,
      description: s.description,
      channel: s.channel,
      dataItems: [...(s.data ?? [])],
      evidence: [...(s.evidence ?? [])],
      activeMinutes: s.active ?? null,
      waitingMinutes: s.waiting ?? null,
      painPoints: [...(s.pain ?? [])],
      emotion: s.emotion ?? null,
      evidenceStatus: s.status ?? "observed",
      failPoint: s.fail ?? false,
      waitPoint: s.wait ?? false,
      notes: s.notes ?? "",
      tags: [...(s.tags ?? [])],
      sources: (s.sources ?? []).map((source, i) => ({
        ...source,
        id: `${ids.step(s.key)}.source.${i + 1}`,
      })),
      metrics: { ...emptyMetrics(), ...s.metrics },
    };
  });
  return {
    id: spec.id,
    title: spec.title,
    scenario: spec.scenario,
    description: spec.description,
    ownerTeam: spec.ownerTeam,
    createdAt: spec.createdAt,
    updatedAt: spec.updatedAt,
    // Every list starts empty (domain/records); the sample fills those it has.
    ...emptyCollections(),
    actors: spec.actors.map((a) => ({ ...a })),
    lanes: spec.lanes.map((l) => ({
      id: ids.lane(l.key),
      actorId: ids.actor(l.actor),
      layer: l.layer,
      team: l.team,
    })),
    stages: spec.stages.map((s) => ({ id: ids.stage(s.key), name: s.name })),
    steps,
    flows: spec.flows.map((f) => ({
      id: ids.flow(f.from, f.to),
      from: ids.step(f.from),
      to: ids.step(f.to),
      label: f.label ?? "",
      dataShare: f.dataShare ?? false,
    })),
    annotations: (spec.annotations ?? []).map((a) => ({
      id: ids.annotation(a.key),
      kind: a.kind,
      text: a.text,
      stepId: a.step === undefined ? null : ids.step(a.step),
      laneId: a.lane === undefined ? null : ids.lane(a.lane),
      stageId: a.stage === undefined ? null : ids.stage(a.stage),
    })),
    customDataItems: (spec.dataItems ?? []).map((d) => ({
      id: ids.dataItem(d.key),
      label: d.label,
      synonyms: [...(d.synonyms ?? [])],
    })),
  };
}
