import { z } from "zod";
import {
  ANNOTATION_KINDS,
  CHANNELS,
  EMOTIONS,
  EVIDENCE_STATUSES,
  LAYERS,
  ORG_KINDS,
  SOURCE_KINDS,
  type Journey,
  type StepMetrics,
} from "../domain/model";
import { MAX_LINK_CHARS, linkProblem } from "../domain/evidence";
import { METRICS } from "../domain/step-metrics";
import { ID_PATTERN, RESERVED_IDS } from "./ids";
import { referenceIssues } from "./references";
import { COLLECTION_LIMITS, MAX_LIST_ITEMS, MAX_MINUTES, MAX_TEXT_CHARS } from "./limits";
import { isCleanText } from "./text";

/**
 * The schema of a valid journey: exactly what `restoreJourney` produces and what every other
 * part of Seams may rely on. Every object is strict, every value bounded, and the lists refer
 * to each other correctly (checked last, with located issues such as
 * `steps[12].laneId: no lane with id "lane_x"`).
 */

/** A `#rrggbb` colour; nothing else (no names, no CSS) is accepted. */
export const COLOUR_PATTERN = /^#[0-9A-Fa-f]{6}$/;

export const idSchema = z
  .string()
  .regex(ID_PATTERN, { error: "must be 1–80 letters, digits, _ . : or -" })
  .refine((id) => !RESERVED_IDS.has(id), { error: "is a reserved name" });

const cleanText = (max: number) =>
  z
    .string()
    .max(max, { error: `must be at most ${max} characters` })
    .refine(isCleanText, { error: "contains characters not allowed in text" });

export const shortTextSchema = cleanText(MAX_TEXT_CHARS.short);
export const longTextSchema = cleanText(MAX_TEXT_CHARS.long);
const textList = z.array(shortTextSchema).max(MAX_LIST_ITEMS);

const notNegativeZero = (value: number) => !Object.is(value, -0);
const finiteNumber = z.number().refine(notNegativeZero, { error: "must not be -0" });
const minutes = z
  .number()
  .min(0)
  .max(MAX_MINUTES)
  .refine(notNegativeZero, { error: "must not be -0" })
  .nullable();

export const timestampSchema = z.iso.datetime({ offset: true });
export const colourSchema = z.string().regex(COLOUR_PATTERN, { error: "must be a #rrggbb colour" });

export const actorSchema = z.strictObject({
  id: idSchema,
  type: z.enum(["citizen", "organisation"]),
  name: shortTextSchema,
  shortName: shortTextSchema,
  orgKind: z.enum(ORG_KINDS).nullable(),
  colour: colourSchema,
});

export const laneSchema = z.strictObject({
  id: idSchema,
  actorId: idSchema,
  layer: z.enum(LAYERS),
  team: shortTextSchema,
});

export const stageSchema = z.strictObject({ id: idSchema, name: shortTextSchema });

/** A source's link: an http(s) address (checked in full by `linkProblem`). */
export const LINK_PATTERN = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/\S+$/;

export const linkSchema = z
  .string()
  .max(MAX_LINK_CHARS, { error: `must be at most ${MAX_LINK_CHARS} characters`, abort: true })
  .regex(LINK_PATTERN, {
    error: "must be a web address starting with https:// or http://",
    abort: true,
  })
  .refine((link) => linkProblem(link) === null, { error: "must be a web address" });

export const sourceSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(SOURCE_KINDS),
  quote: longTextSchema,
  link: linkSchema.nullable(),
  note: longTextSchema,
});

function metricSchema(key: keyof StepMetrics) {
  const def = METRICS.find((m) => m.key === key)!;
  const base = def.whole ? z.int() : z.number();
  return base
    .min(def.min)
    .max(def.max)
    .refine(notNegativeZero, { error: "must not be -0" })
    .nullable()
    .meta({ description: `${def.label}, in ${def.unit}; null when not known` });
}

export const metricsSchema = z.strictObject({
  volumePerYear: metricSchema("volumePerYear"),
  costPerTransactionGbp: metricSchema("costPerTransactionGbp"),
  staffMinutesPerTransaction: metricSchema("staffMinutesPerTransaction"),
  completionRatePercent: metricSchema("completionRatePercent"),
  failureRatePercent: metricSchema("failureRatePercent"),
  satisfactionPercent: metricSchema("satisfactionPercent"),
});

export const stepSchema = z.strictObject({
  id: idSchema,
  laneId: idSchema,
  stageId: idSchema,
  order: finiteNumber,
  label: shortTextSchema,
  description: longTextSchema,
  channel: z.enum(CHANNELS).nullable(),
  dataItems: textList,
  evidence: textList,
  activeMinutes: minutes,
  waitingMinutes: minutes,
  painPoints: textList,
  emotion: z.literal(EMOTIONS).refine(notNegativeZero, { error: "must not be -0" }).nullable(),
  evidenceStatus: z.enum(EVIDENCE_STATUSES),
  failPoint: z.boolean(),
  waitPoint: z.boolean(),
  notes: longTextSchema,
  tags: textList,
  sources: z.array(sourceSchema).max(MAX_LIST_ITEMS),
  metrics: metricsSchema,
});

export const flowSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  label: shortTextSchema,
  dataShare: z.boolean(),
});

export const annotationSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(ANNOTATION_KINDS),
  text: longTextSchema,
  stepId: idSchema.nullable(),
  laneId: idSchema.nullable(),
  stageId: idSchema.nullable(),
});

export const customDataItemSchema = z.strictObject({
  id: idSchema,
  label: shortTextSchema,
  synonyms: textList,
});

export const duplicateDecisionSchema = z.strictObject({
  key: longTextSchema,
  decision: z.enum(["confirmed", "dismissed"]),
});

/** Every field of a valid journey, without the checks of how its lists refer to each other. */
export const journeyFieldsSchema = z.strictObject({
  id: idSchema,
  title: shortTextSchema,
  scenario: longTextSchema,
  description: longTextSchema,
  ownerTeam: shortTextSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  actors: z.array(actorSchema).max(COLLECTION_LIMITS.actors),
  lanes: z.array(laneSchema).max(COLLECTION_LIMITS.lanes),
  stages: z.array(stageSchema).max(COLLECTION_LIMITS.stages),
  steps: z.array(stepSchema).max(COLLECTION_LIMITS.steps),
  flows: z.array(flowSchema).max(COLLECTION_LIMITS.flows),
  annotations: z.array(annotationSchema).max(COLLECTION_LIMITS.annotations),
  customDataItems: z.array(customDataItemSchema).max(COLLECTION_LIMITS.customDataItems),
  duplicateDecisions: z.array(duplicateDecisionSchema).max(COLLECTION_LIMITS.duplicateDecisions),
});

/** A valid journey. `z.output<typeof journeySchema>` is the `Journey` type of the model. */
export const journeySchema: z.ZodType<Journey> = journeyFieldsSchema.superRefine((journey, ctx) => {
  for (const issue of referenceIssues(journey))
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});
