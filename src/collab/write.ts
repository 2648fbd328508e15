/**
 * Writing a journey into its shared document: the whole journey once (a journey shared for the
 * first time), then each change as the few Yjs operations that make it, in one transaction.
 */
import { generateNKeysBetween } from "fractional-indexing";
import * as Y from "yjs";
import type { Journey, Step } from "../domain/model";
import {
  COLLAB_KIND_NAMES,
  COLLAB_KINDS,
  DELETED,
  META_FIELDS,
  META_MAP,
  PLACEMENT,
  POS,
  type CollabKind,
  type Placement,
} from "./layout";

type AnyRecord = Record<string, unknown>;

/** The records of one kind in a journey, as plain objects. */
export function recordsOf(journey: Journey, kind: CollabKind): readonly AnyRecord[] {
  return journey[COLLAB_KINDS[kind].list] as unknown as readonly AnyRecord[];
}

/** The id of a record (a duplicate decision's key). */
export function recordId(kind: CollabKind, record: AnyRecord): string {
  return record[COLLAB_KINDS[kind].key] as string;
}

/** The top-level map holding one kind of record. */
export function kindMap(doc: Y.Doc, kind: CollabKind): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(COLLAB_KINDS[kind].list);
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_MAP);
}

/** Whether the document holds a journey yet. */
export function docHasJourney(doc: Y.Doc): boolean {
  return typeof metaMap(doc).get("id") === "string";
}

/** The document's fields of one record: each field as it is, a step's place as one value. */
function fieldsOf(kind: CollabKind, record: AnyRecord): [string, unknown][] {
  const key = COLLAB_KINDS[kind].key;
  const fields: [string, unknown][] = [];
  for (const [name, value] of Object.entries(record)) {
    if (name === key) continue;
    if (kind === "step" && (name === "laneId" || name === "stageId" || name === "order")) continue;
    fields.push([name, value]);
  }
  if (kind === "step") fields.push([PLACEMENT, placementOf(record as unknown as Step)]);
  return fields;
}

function placementOf(step: Step): Placement {
  return { laneId: step.laneId, stageId: step.stageId, order: step.order };
}

function newRecordMap(kind: CollabKind, record: AnyRecord, pos: string): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [name, value] of fieldsOf(kind, record)) map.set(name, copyValue(value));
  map.set(POS, pos);
  return map;
}

/** Values go into the document as copies: Yjs keeps what it is given. */
function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice();
  if (value !== null && typeof value === "object") return { ...value };
  return value;
}

/**
 * Puts a whole journey into an empty document (a journey opened or shared for the first
 * time), in one transaction with `origin`.
 */
export function journeyToDoc(
  journey: Journey,
  doc: Y.Doc = new Y.Doc(),
  origin: unknown = null,
): Y.Doc {
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const field of META_FIELDS) meta.set(field, journey[field]);
    for (const kind of COLLAB_KIND_NAMES) {
      const list = recordsOf(journey, kind);
      const map = kindMap(doc, kind);
      const keys = list.length > 0 ? generateNKeysBetween(null, null, list.length) : [];
      list.forEach((record, i) =>
        map.set(recordId(kind, record), newRecordMap(kind, record, keys[i]!)),
      );
    }
  }, origin);
  return doc;
}

/** Equal as data: the same text, number, list or object (records hold nothing deeper than
 * lists of text and a placement). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (
    a &&
    b &&
    typeof a === "object" &&
    typeof b === "object" &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => sameValue((a as AnyRecord)[k], (b as AnyRecord)[k]))
    );
  }
  return false;
}

/**
 * Writes one change of the journey (`before` → `after`, where `before` is what the document
 * reads as) as the fewest operations that make it: a changed field is set, an added record is
 * added, a removed record is deleted (an actor, lane or stage marked deleted), and records
 * whose place in their list changed get new ordering keys. All in one transaction with `origin`
 * (the undo manager tracks the local origin). Returns whether anything was written.
 */
export function applyJourneyChange(
  doc: Y.Doc,
  before: Journey,
  after: Journey,
  origin: unknown,
): boolean {
  if (before === after) return false;
  let wrote = false;
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const field of META_FIELDS) {
      if (before[field] !== after[field] && meta.get(field) !== after[field]) {
        meta.set(field, after[field]);
        wrote = true;
      }
    }
    for (const kind of COLLAB_KIND_NAMES) {
      if (recordsOf(before, kind) === recordsOf(after, kind)) continue;
      if (applyKindChange(doc, kind, recordsOf(before, kind), recordsOf(after, kind))) wrote = true;
    }
  }, origin);
  return wrote;
}

function applyKindChange(
  doc: Y.Doc,
  kind: CollabKind,
  before: readonly AnyRecord[],
  after: readonly AnyRecord[],
): boolean {
  const map = kindMap(doc, kind);
  const tombstone = COLLAB_KINDS[kind].tombstone;
  const beforeById = new Map(before.map((r) => [recordId(kind, r), r]));
  const afterIds = new Set(after.map((r) => recordId(kind, r)));
  let wrote = false;

  for (const [id] of beforeById) {
    if (afterIds.has(id)) continue;
    const existing = map.get(id);
    if (!existing) continue;
    if (tombstone) {
      if (existing.get(DELETED) !== true) {
        existing.set(DELETED, true);
        wrote = true;
      }
    } else {
      map.delete(id);
      wrote = true;
    }
  }

  const fresh: AnyRecord[] = [];
  for (const record of after) {
    const id = recordId(kind, record);
    const previous = beforeById.get(id);
    if (previous === record) continue;
    const existing = map.get(id);
    if (!existing) {
      fresh.push(record);
      continue;
    }
    // An update writes the fields this change made (a field someone else changed meanwhile is
    // left to them); a record added back (undo of a removal) is written whole.
    const was = previous ? new Map(fieldsOf(kind, previous)) : null;
    const now = fieldsOf(kind, record);
    for (const [name, value] of now) {
      const changed = was
        ? !sameValue(was.get(name), value)
        : !sameValue(existing.get(name), value);
      if (changed && !sameValue(existing.get(name), value)) {
        existing.set(name, copyValue(value));
        wrote = true;
      }
    }
    const names = new Set(now.map(([name]) => name));
    for (const name of [...existing.keys()]) {
      if (name === POS || name === DELETED || names.has(name)) continue;
      existing.delete(name);
      wrote = true;
    }
    if (tombstone && existing.has(DELETED)) {
      existing.delete(DELETED);
      wrote = true;
    }
  }

  if (sameOrder(kind, before, after) && fresh.length === 0) return wrote;
  const keys = orderKeys(kind, map, after);
  after.forEach((record, i) => {
    const id = recordId(kind, record);
    const key = keys[i]!;
    const existing = map.get(id);
    if (!existing) {
      map.set(id, newRecordMap(kind, record, key));
      wrote = true;
    } else if (existing.get(POS) !== key) {
      existing.set(POS, key);
      wrote = true;
    }
  });
  return wrote;
}

function sameOrder(kind: CollabKind, a: readonly AnyRecord[], b: readonly AnyRecord[]): boolean {
  return a.length === b.length && a.every((r, i) => recordId(kind, r) === recordId(kind, b[i]!));
}

/**
 * Ordering keys for `after` in its order: the records already in the document keep their keys
 * where those are already in order (the longest increasing run of them); the others get new keys
 * between their kept neighbours. Moving one lane rewrites only that lane's key.
 */
function orderKeys(
  kind: CollabKind,
  map: Y.Map<Y.Map<unknown>>,
  after: readonly AnyRecord[],
): string[] {
  const current = after.map((r) => {
    const pos = map.get(recordId(kind, r))?.get(POS);
    return typeof pos === "string" ? pos : null;
  });
  const keep = longestIncreasing(current);
  const keys: string[] = new Array<string>(after.length);
  let i = 0;
  while (i < after.length) {
    if (keep.has(i)) {
      keys[i] = current[i]!;
      i++;
      continue;
    }
    let j = i;
    while (j < after.length && !keep.has(j)) j++;
    const low = i > 0 ? keys[i - 1]! : null;
    const high = j < after.length ? current[j]! : null;
    const made = generateNKeysBetween(low, high, j - i);
    for (let k = i; k < j; k++) keys[k] = made[k - i]!;
    i = j;
  }
  return keys;
}

/** Indices of a longest strictly increasing run of the keys present (patience sorting). */
function longestIncreasing(keys: readonly (string | null)[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(keys.length).fill(-1);
  keys.forEach((key, i) => {
    if (key === null) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[tails[mid]!]! < key) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  let at = tails.length > 0 ? tails[tails.length - 1]! : -1;
  while (at >= 0) {
    kept.add(at);
    at = previous[at]!;
  }
  return kept;
}

/** Keeps an actor, lane or stage that came back because someone added to it while another
 * person removed it: clears its deleted mark. Returns whether there was one. */
export function keepRestored(
  doc: Y.Doc,
  kind: "actor" | "lane" | "stage",
  id: string,
  origin: unknown,
): boolean {
  const record = kindMap(doc, kind).get(id);
  if (!record || record.get(DELETED) !== true) return false;
  doc.transact(() => record.delete(DELETED), origin);
  return true;
}
