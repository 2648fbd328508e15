/**
 * The journey model: what a service blueprint is made of. Plain data only (serializable,
 * no classes, no callbacks) so the same shape is stored, exported and analysed.
 */

export type JourneyId = string;
export type ActorId = string;
export type LaneId = string;
export type StageId = string;
export type StepId = string;
export type FlowId = string;
export type AnnotationId = string;

/** Blueprint layers, top to bottom. The lines of interaction, visibility and internal
 * interaction are drawn between citizen/frontstage, frontstage/backstage and backstage/support. */
export const LAYERS = ["evidence", "citizen", "frontstage", "backstage", "support"] as const;
export type Layer = (typeof LAYERS)[number];

export const LAYER_LABELS: Record<Layer, string> = {
  evidence: "Physical evidence",
  citizen: "Citizen actions",
  frontstage: "Frontstage",
  backstage: "Backstage",
  support: "Support processes",
};

/** The line drawn below a layer, if any. */
export const LINE_BELOW_LAYER: Partial<Record<Layer, string>> = {
  citizen: "Line of interaction",
  frontstage: "Line of visibility",
  backstage: "Line of internal interaction",
};

export const CHANNELS = ["online", "phone", "post", "in-person", "email-sms", "app", "automated"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  online: "Online",
  phone: "Phone",
  post: "Post / paper",
  "in-person": "In person",
  "email-sms": "Email / SMS",
  app: "App",
  automated: "Automated / system",
};

export const ORG_KINDS = [
  "central-department",
  "executive-agency",
  "local-authority",
  "partner",
  "nhs",
  "third-sector",
  "private",
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  "central-department": "Central department",
  "executive-agency": "Executive agency",
  "local-authority": "Local authority",
  partner: "Partner / delivery body",
  nhs: "NHS",
  "third-sector": "Third sector",
  private: "Private sector",
};

export const EVIDENCE_STATUSES = ["observed", "assumed", "proposed"] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatus, string> = {
  observed: "Observed in research",
  assumed: "Assumed",
  proposed: "Proposed (to-be)",
};

export const ANNOTATION_KINDS = ["pain-point", "opportunity", "question", "note"] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** Where a finding about a step comes from: the research or data it rests on. */
export const SOURCE_KINDS = ["interview", "analytics", "policy", "observation", "survey", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  interview: "Interview",
  analytics: "Analytics",
  policy: "Policy",
  observation: "Observation",
  survey: "Survey",
  other: "Other",
};

/** Emotion of the citizen at a step, from −2 (very negative) to +2 (very positive). */
export const EMOTIONS = [-2, -1, 0, 1, 2] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** Who owns a lane: the citizen (or their representative) or an organisation. */
export interface Actor {
  id: ActorId;
  type: "citizen" | "organisation";
  name: string;
  shortName: string;
  /** Only for organisations. */
  orgKind: OrgKind | null;
  /** A #rrggbb colour. */
  colour: string;
}

/** A horizontal band owned by one actor, in one blueprint layer; `team` names the team or
 * channel when an organisation has several lanes. Lane order is the order of `Journey.lanes`. */
export interface Lane {
  id: LaneId;
  actorId: ActorId;
  layer: Layer;
  team: string;
}

/** A vertical column: a phase of the journey. Order is the order of `Journey.stages`. */
export interface Stage {
  id: StageId;
  name: string;
}

/** One piece of evidence behind a step: a quote from an interview, a figure from analytics, a
 * line of policy, with a link to where it can be read. */
export interface EvidenceSource {
  /** Unique among the step's sources. */
  id: string;
  kind: SourceKind;
  /** The words quoted or the figure cited, as written in the source. */
  quote: string;
  /** An http(s) address where the source can be read, or null. */
  link: string | null;
  note: string;
}

/**
 * The GOV.UK service performance measures of one step, each null until known. Cost and staff
 * time are the step organisation's (the owner of the step's lane). Units, labels and ranges are
 * in `METRICS` (domain/metrics.ts).
 */
export interface StepMetrics {
  /** Transactions a year going through this step. */
  volumePerYear: number | null;
  /** Cost to serve one transaction, in pounds sterling. */
  costPerTransactionGbp: number | null;
  /** Staff handling time per transaction, in minutes. */
  staffMinutesPerTransaction: number | null;
  /** Share of those who start the step and complete it, in per cent. */
  completionRatePercent: number | null;
  /** Share of transactions that fail or need to be done again, in per cent. */
  failureRatePercent: number | null;
  /** Share of users satisfied with the step, in per cent. */
  satisfactionPercent: number | null;
}

/** A card in a lane × stage cell. Steps in one cell are shown left to right by `order`. */
export interface Step {
  id: StepId;
  laneId: LaneId;
  stageId: StageId;
  order: number;
  label: string;
  description: string;
  channel: Channel | null;
  /** Information asked of the citizen, as written; canonicalised by the vocabulary. */
  dataItems: string[];
  /** Evidence documents the citizen must show or send. */
  evidence: string[];
  /** Minutes of the citizen's own effort. */
  activeMinutes: number | null;
  /** Minutes the citizen waits after this step before the next can happen. */
  waitingMinutes: number | null;
  painPoints: string[];
  emotion: Emotion | null;
  evidenceStatus: EvidenceStatus;
  failPoint: boolean;
  waitPoint: boolean;
  notes: string;
  tags: string[];
  /** The research and data the step rests on. A step whose evidence status is "assumed" or
   * that has no sources rests on assumption only (`restsOnAssumption`). */
  sources: EvidenceSource[];
  metrics: StepMetrics;
}

/** A directed connection between two steps. A data share passes information between
 * organisations with no action by the citizen. */
export interface Flow {
  id: FlowId;
  from: StepId;
  to: StepId;
  label: string;
  dataShare: boolean;
}

/**
 * A pain point, opportunity, question or sticky note, attached to one step, to one lane × stage
 * cell, or free. Exactly one kind of attachment: a step (`stepId`, with `laneId` and `stageId`
 * null), a cell (`laneId` and `stageId`, with `stepId` null) or none (all three null).
 */
export interface Annotation {
  id: AnnotationId;
  kind: AnnotationKind;
  text: string;
  stepId: StepId | null;
  laneId: LaneId | null;
  stageId: StageId | null;
}

/** A data item the user added to the vocabulary for this journey. */
export interface CustomDataItem {
  id: string;
  label: string;
  synonyms: string[];
}

/** A user's decision on a suggested duplicate cluster, keyed by the sorted ids of its steps. */
export interface DuplicateDecision {
  key: string;
  decision: "confirmed" | "dismissed";
}

/** One service blueprint. */
export interface Journey {
  id: JourneyId;
  title: string;
  scenario: string;
  description: string;
  ownerTeam: string;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  actors: Actor[];
  lanes: Lane[];
  stages: Stage[];
  steps: Step[];
  flows: Flow[];
  annotations: Annotation[];
  customDataItems: CustomDataItem[];
  duplicateDecisions: DuplicateDecision[];
}
