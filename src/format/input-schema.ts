import { z } from "zod";

/**
 * The shape restore accepts before repairing: the JSON type of every field is checked (a
 * label must be a string, `steps` an array), while values that restore can safely repair
 * (over-long or unclean text, unknown channels, non-finite numbers, ill-formed ids) pass
 * through to be repaired and reported. Optional fields may be missing and get their default.
 * Objects are parsed in strip mode: the output holds only the fields named here, in new
 * objects, so unknown keys (`__proto__` among them) never reach the restored journey.
 */

/** Any JS number, including NaN and ±Infinity, which restore then repairs. */
const anyNumber = z.custom<number>((value) => typeof value === "number", {
  error: "expected a number",
});
const text = z.string().optional();
const list = z.array(z.string()).optional();
const id = z.string().optional();

export const actorInput = z.object({
  id,
  type: text,
  name: text,
  shortName: text,
  orgKind: z.string().nullable().optional(),
  colour: text,
});

export const laneInput = z.object({
  id,
  actorId: z.string(),
  layer: text,
  team: text,
});

export const stageInput = z.object({ id, name: text });

export const sourceInput = z.object({
  id,
  kind: text,
  quote: text,
  link: z.string().nullable().optional(),
  note: text,
});

const measure = anyNumber.nullable().optional();

export const metricsInput = z.object({
  volumePerYear: measure,
  costPerTransactionGbp: measure,
  staffMinutesPerTransaction: measure,
  completionRatePercent: measure,
  failureRatePercent: measure,
  satisfactionPercent: measure,
});

export const stepInput = z.object({
  id,
  laneId: z.string(),
  stageId: z.string(),
  order: anyNumber.optional(),
  label: text,
  description: text,
  channel: z.string().nullable().optional(),
  dataItems: list,
  evidence: list,
  activeMinutes: anyNumber.nullable().optional(),
  waitingMinutes: anyNumber.nullable().optional(),
  painPoints: list,
  emotion: anyNumber.nullable().optional(),
  evidenceStatus: text,
  failPoint: z.boolean().optional(),
  waitPoint: z.boolean().optional(),
  notes: text,
  tags: list,
  sources: z.array(sourceInput).optional(),
  metrics: metricsInput.optional(),
});

export const flowInput = z.object({
  id,
  from: z.string(),
  to: z.string(),
  label: text,
  dataShare: z.boolean().optional(),
});

export const annotationInput = z.object({
  id,
  kind: text,
  text,
  stepId: z.string().nullable().optional(),
  laneId: z.string().nullable().optional(),
  stageId: z.string().nullable().optional(),
});

export const customDataItemInput = z.object({ id, label: text, synonyms: list });

export const duplicateDecisionInput = z.object({ key: z.string(), decision: z.string() });

export const journeyInput = z.object({
  id,
  title: text,
  scenario: text,
  description: text,
  ownerTeam: text,
  createdAt: text,
  updatedAt: text,
  actors: z.array(actorInput).optional(),
  lanes: z.array(laneInput).optional(),
  stages: z.array(stageInput).optional(),
  steps: z.array(stepInput).optional(),
  flows: z.array(flowInput).optional(),
  annotations: z.array(annotationInput).optional(),
  customDataItems: z.array(customDataItemInput).optional(),
  duplicateDecisions: z.array(duplicateDecisionInput).optional(),
});

export type JourneyInput = z.output<typeof journeyInput>;
export type ActorInput = z.output<typeof actorInput>;
export type LaneInput = z.output<typeof laneInput>;
export type StageInput = z.output<typeof stageInput>;
export type StepInput = z.output<typeof stepInput>;
export type SourceInput = z.output<typeof sourceInput>;
export type MetricsInput = z.output<typeof metricsInput>;
export type FlowInput = z.output<typeof flowInput>;
export type AnnotationInput = z.output<typeof annotationInput>;
export type CustomDataItemInput = z.output<typeof customDataItemInput>;
export type DuplicateDecisionInput = z.output<typeof duplicateDecisionInput>;

/** The fields of the records nested in a step; anything else is dropped and reported. */
export const STEP_PART_FIELDS = {
  sources: Object.keys(sourceInput.shape),
  metrics: Object.keys(metricsInput.shape),
} as const;

/** The fields each list's records may carry; anything else is dropped and reported. */
export const RECORD_FIELDS = {
  actors: Object.keys(actorInput.shape),
  lanes: Object.keys(laneInput.shape),
  stages: Object.keys(stageInput.shape),
  steps: Object.keys(stepInput.shape),
  flows: Object.keys(flowInput.shape),
  annotations: Object.keys(annotationInput.shape),
  customDataItems: Object.keys(customDataItemInput.shape),
  duplicateDecisions: Object.keys(duplicateDecisionInput.shape),
} as const;

export const JOURNEY_FIELDS: readonly string[] = Object.keys(journeyInput.shape);

/** The envelope's own fields, other than `format` and `formatVersion` (checked before
 * migration) and `journey` (restored on its own). */
export const envelopeInput = z.object({
  appVersion: text,
  savedAt: text,
  baseVersionId: z.string().nullable().optional(),
});

export const ENVELOPE_FIELDS: readonly string[] = [
  "format",
  "formatVersion",
  ...Object.keys(envelopeInput.shape),
  "journey",
];
