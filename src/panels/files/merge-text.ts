/**
 * The words of the merge dialog: what each kind of record and field is called, how a value is
 * shown (ids as the names of what they point at), and changes grouped by record. Everything
 * here is plain text: the dialog renders it as React text, never as markup.
 */
import { CHANNEL_LABELS, EVIDENCE_STATUS_LABELS, LAYER_LABELS, ORG_KIND_LABELS, type Journey } from "../../domain/model";
import type { Adjustment } from "../../domain/merge/apply";
import { COLLECTION_OF, keyOf, recordsOf, type AnyRecord, type ChangeKind, type JourneyChange } from "../../domain/merge/changes";

export const KIND_HEADINGS: Record<ChangeKind, string> = {
  journey: "Journey details",
  actor: "Organisations and people",
  lane: "Lanes",
  stage: "Stages",
  step: "Steps",
  flow: "Flows",
  annotation: "Notes and pain points",
  dataItem: "Data items",
  decision: "Duplicate decisions",
};

export const KIND_NAMES: Record<ChangeKind, string> = {
  journey: "Journey",
  actor: "Organisation",
  lane: "Lane",
  stage: "Stage",
  step: "Step",
  flow: "Flow",
  annotation: "Note",
  dataItem: "Data item",
  decision: "Duplicate decision",
};

const FIELD_LABELS: Record<string, string> = {
  title: "title",
  scenario: "scenario",
  description: "description",
  ownerTeam: "owner team",
  label: "label",
  channel: "channel",
  dataItems: "data items",
  evidence: "evidence",
  activeMinutes: "active minutes",
  waitingMinutes: "waiting minutes",
  painPoints: "pain points",
  emotion: "emotion",
  evidenceStatus: "evidence status",
  failPoint: "fail point",
  waitPoint: "wait point",
  notes: "notes",
  tags: "tags",
  laneId: "lane",
  stageId: "stage",
  order: "place in its cell",
  from: "from",
  to: "to",
  dataShare: "data share",
  actorId: "owner",
  layer: "layer",
  team: "team",
  name: "name",
  shortName: "short name",
  orgKind: "kind of organisation",
  colour: "colour",
  type: "type",
  kind: "kind",
  text: "text",
  stepId: "step",
  synonyms: "synonyms",
  decision: "decision",
  position: "place",
};

export function fieldLabel(field: string | null): string {
  return field === null ? "" : (FIELD_LABELS[field] ?? field);
}

/** The fields whose value is the id of another record, and the kind it names. */
const REFERENCES: Record<string, Exclude<ChangeKind, "journey">> = {
  laneId: "lane",
  stageId: "stage",
  actorId: "actor",
  from: "step",
  to: "step",
  stepId: "step",
};

const quoted = (text: string) => `“${text}”`;

/** A record's name as a designer knows it: a step's label, a lane's owner and team. */
export function recordName(kind: ChangeKind, id: string, journeys: readonly Journey[]): string {
  if (kind === "journey") return journeys[0]?.title ?? "";
  const collection = COLLECTION_OF[kind];
  for (const journey of journeys) {
    const record = recordsOf(journey, collection).find((r) => keyOf(r, collection) === id);
    if (record) return nameOf(kind, record, journey, journeys);
  }
  return id;
}

function nameOf(kind: ChangeKind, record: AnyRecord, journey: Journey, journeys: readonly Journey[]): string {
  const text = (field: string) => (typeof record[field] === "string" ? (record[field] as string) : "");
  switch (kind) {
    case "step":
      return quoted(text("label") || "Untitled step");
    case "stage":
      return quoted(text("name") || "Untitled stage");
    case "actor":
      return quoted(text("name") || text("shortName") || "Unnamed");
    case "lane": {
      const owner = journey.actors.find((a) => a.id === record.actorId);
      const team = text("team");
      return `${quoted(owner?.shortName || owner?.name || "Unknown owner")}${team ? ` (${team})` : ""}, ${LAYER_LABELS[record.layer as keyof typeof LAYER_LABELS] ?? ""}`;
    }
    case "flow":
      return `${recordName("step", String(record.from), journeys)} → ${recordName("step", String(record.to), journeys)}`;
    case "annotation":
      return quoted(shorten(text("text") || "Empty note"));
    case "dataItem":
      return quoted(text("label"));
    case "decision":
      return quoted(text("key"));
    default:
      return String(record.id ?? "");
  }
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A field's value in words: ids as names, lists joined, empty as "none". */
export function describeValue(field: string | null, value: unknown, journeys: readonly Journey[]): string {
  if (value === null || value === undefined || value === "") return "none";
  if (field !== null && REFERENCES[field] && typeof value === "string") {
    return recordName(REFERENCES[field], value, journeys);
  }
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map((v) => String(v)).join(", ");
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return field === "emotion" && value > 0 ? `+${value}` : String(value);
  if (typeof value === "string") {
    const named =
      field === "channel"
        ? CHANNEL_LABELS[value as keyof typeof CHANNEL_LABELS]
        : field === "layer"
          ? LAYER_LABELS[value as keyof typeof LAYER_LABELS]
          : field === "orgKind"
            ? ORG_KIND_LABELS[value as keyof typeof ORG_KIND_LABELS]
            : field === "evidenceStatus"
              ? EVIDENCE_STATUS_LABELS[value as keyof typeof EVIDENCE_STATUS_LABELS]
              : undefined;
    return named ?? quoted(shorten(value, 200));
  }
  return "a record";
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
};

/** One change in words, without its record's name: "label: “Book” → “Apply”", "added". */
export function describeChange(change: JourneyChange, journeys: readonly Journey[]): string {
  switch (change.op) {
    case "added":
      return "added";
    case "removed":
      return "removed";
    case "moved":
      return `moved from ${ordinal(Number(change.before) + 1)} to ${ordinal(Number(change.after) + 1)} place`;
    case "changed":
      return `${fieldLabel(change.field)}: ${describeValue(change.field, change.before, journeys)} → ${describeValue(change.field, change.after, journeys)}`;
  }
}

export interface RecordChanges {
  kind: ChangeKind;
  id: string;
  name: string;
  changes: JourneyChange[];
}

export interface KindGroup {
  kind: ChangeKind;
  heading: string;
  records: RecordChanges[];
}

/** Changes grouped by kind of record (in the diff's order), then by record. */
export function groupChanges(changes: readonly JourneyChange[], journeys: readonly Journey[]): KindGroup[] {
  const groups = new Map<ChangeKind, Map<string, RecordChanges>>();
  for (const change of changes) {
    const records = groups.get(change.kind) ?? new Map<string, RecordChanges>();
    groups.set(change.kind, records);
    const record = records.get(change.id) ?? { kind: change.kind, id: change.id, name: recordName(change.kind, change.id, journeys), changes: [] };
    records.set(change.id, record);
    record.changes.push(change);
  }
  return [...groups].map(([kind, records]) => ({ kind, heading: KIND_HEADINGS[kind], records: [...records.values()] }));
}

/** An adjustment in words: "Stage “Appeal” comes too: step “Lodge an appeal” is in it." */
export function adjustmentText(a: Adjustment, journeys: readonly Journey[]): string {
  const what = `${KIND_NAMES[a.kind]} ${recordName(a.kind, a.id, journeys)}`;
  const by = a.by ? `${KIND_NAMES[a.by.kind].toLowerCase()} ${recordName(a.by.kind, a.by.id, journeys)}` : "";
  if (a.action === "kept") return `${what} stays: ${by} still uses it.`;
  if (a.action === "added") return `${what} comes too: ${by} needs it.`;
  if (a.reason === "self-loop") return `${what} is left out: it would join a step to itself.`;
  if (a.reason === "repeated-flow") return `${what} is left out: another flow already joins those steps.`;
  return `${what} is left out: a step it joins is missing.`;
}

