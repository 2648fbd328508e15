import {
  ANNOTATION_KINDS,
  CHANNELS,
  EVIDENCE_STATUSES,
  LAYERS,
  ORG_KINDS,
  SOURCE_KINDS,
  type Actor,
  type Annotation,
  type CustomDataItem,
  type DuplicateDecision,
  type Flow,
  type Journey,
  type Lane,
  type Stage,
  type Step,
  type StepMetrics,
  type EvidenceSource,
} from "../domain/model";
import { CITIZEN_COLOUR } from "../domain/organisations";
import type { CollectionName } from "../domain/records";
import { linkProblem } from "../domain/evidence";
import { METRICS, emptyMetrics, metricValueProblem } from "../domain/step-metrics";
import { quote, type Issue, type RepairLog } from "./errors";
import { MAX_LIST_ITEMS } from "./limits";
import type {
  ActorInput,
  AnnotationInput,
  CustomDataItemInput,
  DuplicateDecisionInput,
  FlowInput,
  JourneyInput,
  LaneInput,
  MetricsInput,
  SourceInput,
  StageInput,
  StepInput,
} from "./input-schema";
import {
  UNKNOWN_TIME,
  longText,
  positiveZero,
  repairChoice,
  repairColour,
  repairEmotion,
  repairMinutes,
  repairOptionalChoice,
  repairTimestamp,
  shortText,
  textList,
} from "./restore-fields";

/**
 * First pass of restore: each record's own fields, repaired one by one into new objects built
 * field by field. Ids and references are left as written; the second pass (restore-links)
 * makes ids valid and unique and checks what refers to what.
 */

/** The colour given to an organisation whose colour is missing or not `#rrggbb`. */
export const DEFAULT_ORGANISATION_COLOUR = "#9aa5b1";

/** A record whose id is not settled yet. */
export type Draft<T extends { id: string }> = Omit<T, "id"> & { id: string | undefined };

/** A step whose order is not settled yet (null means "place after the others in its cell"),
 * nor the ids of its sources. */
export type StepDraft = Omit<Draft<Step>, "order" | "sources"> & {
  order: number | null;
  sources: Draft<EvidenceSource>[];
};

export interface JourneyDraft {
  /** The journey's own details: everything but its id and its lists (domain/records). */
  meta: Omit<Journey, "id" | CollectionName> & {
    id: string | undefined;
  };
  actors: Draft<Actor>[];
  lanes: Draft<Lane>[];
  stages: Draft<Stage>[];
  steps: StepDraft[];
  flows: Draft<Flow>[];
  annotations: Draft<Annotation>[];
  customDataItems: Draft<CustomDataItem>[];
  /** Decisions with a known value, each with the path it had in the input. */
  duplicateDecisions: { decision: DuplicateDecision; path: string }[];
}

const ACTOR_TYPES = ["citizen", "organisation"] as const;
const DECISIONS = ["confirmed", "dismissed"] as const;

function actorDraft(input: ActorInput, path: string, log: RepairLog): Draft<Actor> {
  const type = repairChoice(
    input.type,
    ACTOR_TYPES,
    "organisation",
    "actor type",
    `${path}.type`,
    log,
  );
  let orgKind: Actor["orgKind"] = null;
  if (type === "citizen") {
    if (input.orgKind !== undefined && input.orgKind !== null) {
      log.add(`${path}.orgKind`, "a citizen has no organisation kind; cleared");
    }
  } else {
    orgKind = repairOptionalChoice(
      input.orgKind,
      ORG_KINDS,
      "organisation kind",
      `${path}.orgKind`,
      log,
    );
  }
  const fallbackColour = type === "citizen" ? CITIZEN_COLOUR : DEFAULT_ORGANISATION_COLOUR;
  return {
    id: input.id,
    type,
    name: shortText(input.name, `${path}.name`, log),
    shortName: shortText(input.shortName, `${path}.shortName`, log),
    orgKind,
    colour: repairColour(input.colour, fallbackColour, `${path}.colour`, log),
  };
}

function laneDraft(input: LaneInput, citizen: boolean, path: string, log: RepairLog): Draft<Lane> {
  return {
    id: input.id,
    actorId: input.actorId,
    layer: repairChoice(
      input.layer,
      LAYERS,
      citizen ? "citizen" : "frontstage",
      "layer",
      `${path}.layer`,
      log,
    ),
    team: shortText(input.team, `${path}.team`, log),
  };
}

function stageDraft(input: StageInput, path: string, log: RepairLog): Draft<Stage> {
  return { id: input.id, name: shortText(input.name, `${path}.name`, log) };
}

function stepOrder(value: number | undefined, path: string, log: RepairLog): number | null {
  if (value === undefined) return null;
  if (!Number.isFinite(value)) {
    log.add(
      path,
      `${String(value)} is not a finite order; placed after the other steps in its cell`,
    );
    return null;
  }
  return positiveZero(value, path, log);
}

/** Values that cannot be guessed (a measure out of its range, a link that is not a web address,
 * an unknown kind of source) are not repaired: each is an issue that refuses the journey. */
type Problems = Issue[];

function describeNumber(value: number): string {
  return Number.isNaN(value) ? "NaN" : String(value);
}

function metricsDraft(
  input: MetricsInput | undefined,
  path: string,
  log: RepairLog,
  problems: Problems,
): StepMetrics {
  const metrics = emptyMetrics();
  if (input === undefined) return metrics;
  for (const def of METRICS) {
    const raw = input[def.key];
    if (raw === undefined || raw === null) continue;
    const at = `${path}.${def.key}`;
    const value = Number.isFinite(raw) ? positiveZero(raw, at, log) : raw;
    const problem = metricValueProblem(def.key, value);
    if (problem === null) metrics[def.key] = value;
    else problems.push({ path: at, message: `${describeNumber(raw)} ${problem}` });
  }
  return metrics;
}

function sourceDraft(
  input: SourceInput,
  path: string,
  log: RepairLog,
  problems: Problems,
): Draft<EvidenceSource> {
  let kind: EvidenceSource["kind"] = "other";
  if (input.kind === undefined) {
    problems.push({ path: `${path}.kind`, message: "is required" });
  } else if ((SOURCE_KINDS as readonly string[]).includes(input.kind)) {
    kind = input.kind as EvidenceSource["kind"];
  } else {
    problems.push({
      path: `${path}.kind`,
      message: `unknown kind of source ${quote(input.kind)} (expected one of ${SOURCE_KINDS.join(", ")})`,
    });
  }
  let link: string | null = null;
  if (input.link !== undefined && input.link !== null && input.link !== "") {
    const problem = linkProblem(input.link);
    if (problem === null) link = input.link;
    else problems.push({ path: `${path}.link`, message: `${quote(input.link)} ${problem}` });
  }
  return {
    id: input.id,
    kind,
    quote: longText(input.quote, `${path}.quote`, log),
    link,
    note: longText(input.note, `${path}.note`, log),
  };
}

function sourcesDraft(
  input: readonly SourceInput[] | undefined,
  path: string,
  log: RepairLog,
  problems: Problems,
): Draft<EvidenceSource>[] {
  if (input === undefined) return [];
  let kept = input;
  if (input.length > MAX_LIST_ITEMS) {
    log.add(path, `kept the first ${MAX_LIST_ITEMS} of ${input.length} sources`);
    kept = input.slice(0, MAX_LIST_ITEMS);
  }
  return kept.map((source, i) => sourceDraft(source, `${path}[${i}]`, log, problems));
}

function stepDraft(input: StepInput, path: string, log: RepairLog, problems: Problems): StepDraft {
  return {
    id: input.id,
    laneId: input.laneId,
    stageId: input.stageId,
    order: stepOrder(input.order, `${path}.order`, log),
    label: shortText(input.label, `${path}.label`, log),
    description: longText(input.description, `${path}.description`, log),
    channel: repairOptionalChoice(input.channel, CHANNELS, "channel", `${path}.channel`, log),
    dataItems: textList(input.dataItems, `${path}.dataItems`, log),
    evidence: textList(input.evidence, `${path}.evidence`, log),
    activeMinutes: repairMinutes(input.activeMinutes, `${path}.activeMinutes`, log),
    waitingMinutes: repairMinutes(input.waitingMinutes, `${path}.waitingMinutes`, log),
    painPoints: textList(input.painPoints, `${path}.painPoints`, log),
    emotion: repairEmotion(input.emotion, `${path}.emotion`, log),
    evidenceStatus: repairChoice(
      input.evidenceStatus,
      EVIDENCE_STATUSES,
      "assumed",
      "evidence status",
      `${path}.evidenceStatus`,
      log,
    ),
    failPoint: input.failPoint ?? false,
    waitPoint: input.waitPoint ?? false,
    notes: longText(input.notes, `${path}.notes`, log),
    tags: textList(input.tags, `${path}.tags`, log),
    sources: sourcesDraft(input.sources, `${path}.sources`, log, problems),
    metrics: metricsDraft(input.metrics, `${path}.metrics`, log, problems),
  };
}

function flowDraft(input: FlowInput, path: string, log: RepairLog): Draft<Flow> {
  return {
    id: input.id,
    from: input.from,
    to: input.to,
    label: shortText(input.label, `${path}.label`, log),
    dataShare: input.dataShare ?? false,
  };
}

function annotationDraft(
  input: AnnotationInput,
  path: string,
  log: RepairLog,
  problems: Problems,
): Draft<Annotation> {
  const stepId = input.stepId ?? null;
  const laneId = input.laneId ?? null;
  const stageId = input.stageId ?? null;
  if (stepId !== null && (laneId !== null || stageId !== null)) {
    problems.push({
      path: `${path}.${laneId !== null ? "laneId" : "stageId"}`,
      message: "an annotation is attached to a step or to a cell, not both",
    });
  } else if ((laneId === null) !== (stageId === null)) {
    problems.push({
      path: `${path}.${laneId === null ? "laneId" : "stageId"}`,
      message: "a cell annotation needs both a lane and a stage",
    });
  }
  return {
    id: input.id,
    kind: repairChoice(
      input.kind,
      ANNOTATION_KINDS,
      "note",
      "annotation kind",
      `${path}.kind`,
      log,
    ),
    text: longText(input.text, `${path}.text`, log),
    stepId,
    laneId,
    stageId,
  };
}

function customDataItemDraft(
  input: CustomDataItemInput,
  path: string,
  log: RepairLog,
): Draft<CustomDataItem> {
  return {
    id: input.id,
    label: shortText(input.label, `${path}.label`, log),
    synonyms: textList(input.synonyms, `${path}.synonyms`, log),
  };
}

function decisionDraft(
  input: DuplicateDecisionInput,
  path: string,
  log: RepairLog,
): DuplicateDecision | null {
  if (!(DECISIONS as readonly string[]).includes(input.decision)) {
    log.add(path, `dropped: unknown decision ${quote(input.decision)}`);
    return null;
  }
  return {
    key: longText(input.key, `${path}.key`, log),
    decision: input.decision as DuplicateDecision["decision"],
  };
}

/** Repairs every record's own fields; values that cannot be repaired are added to `problems`. */
export function draftJourney(
  input: JourneyInput,
  log: RepairLog,
  problems: Issue[] = [],
): JourneyDraft {
  const createdAt = repairTimestamp(input.createdAt, UNKNOWN_TIME, "createdAt", log);
  const meta: JourneyDraft["meta"] = {
    id: input.id,
    title: shortText(input.title, "title", log),
    scenario: longText(input.scenario, "scenario", log),
    description: longText(input.description, "description", log),
    ownerTeam: shortText(input.ownerTeam, "ownerTeam", log),
    createdAt,
    updatedAt: repairTimestamp(input.updatedAt, createdAt, "updatedAt", log),
  };
  const actors = (input.actors ?? []).map((actor, i) => actorDraft(actor, `actors[${i}]`, log));
  // A lane refers to the first actor holding its id (later duplicates are renamed).
  const actorTypes = new Map<string, Actor["type"]>();
  for (const actor of actors)
    if (actor.id !== undefined && !actorTypes.has(actor.id)) actorTypes.set(actor.id, actor.type);
  const lanes = (input.lanes ?? []).map((lane, i) =>
    laneDraft(lane, actorTypes.get(lane.actorId) === "citizen", `lanes[${i}]`, log),
  );
  const stages = (input.stages ?? []).map((stage, i) => stageDraft(stage, `stages[${i}]`, log));
  const steps = (input.steps ?? []).map((step, i) => stepDraft(step, `steps[${i}]`, log, problems));
  const flows = (input.flows ?? []).map((flow, i) => flowDraft(flow, `flows[${i}]`, log));
  const annotations = (input.annotations ?? []).map((annotation, i) =>
    annotationDraft(annotation, `annotations[${i}]`, log, problems),
  );
  const customDataItems = (input.customDataItems ?? []).map((item, i) =>
    customDataItemDraft(item, `customDataItems[${i}]`, log),
  );
  const duplicateDecisions: JourneyDraft["duplicateDecisions"] = [];
  (input.duplicateDecisions ?? []).forEach((decision, i) => {
    const path = `duplicateDecisions[${i}]`;
    const draft = decisionDraft(decision, path, log);
    if (draft !== null) duplicateDecisions.push({ decision: draft, path });
  });
  return {
    meta,
    actors,
    lanes,
    stages,
    steps,
    flows,
    annotations,
    customDataItems,
    duplicateDecisions,
  };
}
