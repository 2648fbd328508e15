/**
 * What differs between two copies of one journey, record by record and field by field: the
 * vocabulary shared by the diff, the two-way "take these changes" and the three-way merge.
 *
 * Records are matched by id (decisions by their key), never by position or content, so a
 * step renamed by one team is the same step in both copies. Lanes and stages are shown in the
 * order of their lists, so for them a change of place is a change too ("position"); the order
 * of the other lists carries no meaning (steps are placed by lane, stage and `order`).
 */
import type { Journey } from "../model";
import { RECORD_KIND_TABLE, type CollectionName, type RecordKind } from "../records";

/** What a change is to: a kind of record (domain/records), or "journey" for its own details. */
export type ChangeKind = "journey" | RecordKind;

/** The journey's own details that a merge compares. */
export const DETAIL_FIELDS = ["title", "scenario", "description", "ownerTeam"] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/** One record of any kind, seen as plain fields. */
export type AnyRecord = Readonly<Record<string, unknown>>;

export interface Collection {
  kind: RecordKind;
  list: CollectionName;
  /** The field that identifies a record of this kind. */
  key: "id" | "key";
  /** Whether the order of the list is shown to the user (a move is then a change). */
  ordered: boolean;
}

/** Every list of a journey, in the order changes are shown. */
export const COLLECTIONS: readonly Collection[] = RECORD_KIND_TABLE.map(({ kind, list, key, ordered }) => ({ kind, list, key, ordered }));

export const COLLECTION_OF: Readonly<Record<RecordKind, Collection>> = Object.fromEntries(
  COLLECTIONS.map((c) => [c.kind, c]),
) as Record<RecordKind, Collection>;

/** The pseudo-field of a move within an ordered list. */
export const POSITION = "position";

/**
 * One difference between two copies, as a designer reads it: "step s1's label changed from
 * 'Apply' to 'Apply online'", "lane L2 added", "stage S3 moved from 3rd to 1st".
 * - added: `after` is the new record, `before` null;
 * - removed: `before` is the old record, `after` null;
 * - changed: one field, with its values on each side;
 * - moved: field "position", `before`/`after` the record's index in each list.
 */
export interface JourneyChange {
  /** Stable and unique within one diff: `step:label:s1`, `lane:+:L2`, `stage:position:S3`. */
  changeId: string;
  kind: ChangeKind;
  /** The record's id (a decision's key; the journey's id for its details). */
  id: string;
  op: "added" | "removed" | "changed" | "moved";
  /** The field that changed; null when a whole record was added or removed. */
  field: string | null;
  before: unknown;
  after: unknown;
}

/** The id of a change: kind, field (or + and - for whole records), then the record's id last,
 * so any characters in the id cannot make two changes share one id. */
export function changeIdOf(kind: ChangeKind, op: JourneyChange["op"], field: string | null, id: string): string {
  const middle = op === "added" ? "+" : op === "removed" ? "-" : (field ?? op);
  return `${kind}:${middle}:${id}`;
}

/** Which record a change is about: `step:s1`. */
export function recordKeyOf(change: Pick<JourneyChange, "kind" | "id">): string {
  return `${change.kind}:${change.id}`;
}

/** Equality of field values: text, numbers, flags, null and lists of them. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return (
      keysA.length === keysB.length &&
      keysA.every(
        (k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue((a as AnyRecord)[k], (b as AnyRecord)[k]),
      )
    );
  }
  return false;
}

/** The records of one list of a journey. */
export function recordsOf(journey: Journey, collection: Collection): readonly AnyRecord[] {
  return journey[collection.list] as unknown as readonly AnyRecord[];
}

/** A record's identifying value. */
export function keyOf(record: AnyRecord, collection: Collection): string {
  return String(record[collection.key]);
}

/** A list's records by their id, in a Map (ids come from files: never object keys). */
export function indexRecords(records: readonly AnyRecord[], collection: Collection): Map<string, AnyRecord> {
  const map = new Map<string, AnyRecord>();
  for (const record of records) map.set(keyOf(record, collection), record);
  return map;
}
