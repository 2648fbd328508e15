/**
 * The differences between two copies of a journey: records added, removed and changed field by
 * field, lanes and stages moved, and the journey's own details.
 */
import type { Journey } from "../model";
import {
  COLLECTIONS,
  DETAIL_FIELDS,
  POSITION,
  changeIdOf,
  indexRecords,
  keyOf,
  recordsOf,
  sameValue,
  type AnyRecord,
  type Collection,
  type JourneyChange,
} from "./changes";

/**
 * The ids that keep their relative order from `a` to `b`: a longest common subsequence of the
 * ids both lists hold. The others of those ids were moved. Lists are short (lanes, stages), so
 * the quadratic table is small; beyond 2,000 ids a greedy pass keeps the cost bounded.
 */
export function stableOrder(a: readonly string[], b: readonly string[]): Set<string> {
  const inB = new Set(b);
  const inA = new Set(a);
  const xs = a.filter((id) => inB.has(id));
  const ys = b.filter((id) => inA.has(id));
  if (xs.length > 2000) return greedyStable(xs, ys);
  const n = xs.length;
  const m = ys.length;
  const table = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[at(i, j)] =
        xs[i] === ys[j] ? table[at(i + 1, j + 1)]! + 1 : Math.max(table[at(i + 1, j)]!, table[at(i, j + 1)]!);
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (xs[i] === ys[j]) {
      kept.add(xs[i]!);
      i++;
      j++;
    } else if (table[at(i + 1, j)]! >= table[at(i, j + 1)]!) i++;
    else j++;
  }
  return kept;
}

/** Ids of `ys` that appear in increasing order of their place in `xs`, taken greedily. */
function greedyStable(xs: readonly string[], ys: readonly string[]): Set<string> {
  const place = new Map(xs.map((id, i) => [id, i]));
  const kept = new Set<string>();
  let last = -1;
  for (const id of ys) {
    const p = place.get(id)!;
    if (p > last) {
      kept.add(id);
      last = p;
    }
  }
  return kept;
}

function fieldsOf(a: AnyRecord, b: AnyRecord, collection: Collection): string[] {
  const fields = Object.keys(b).filter((k) => k !== collection.key);
  for (const k of Object.keys(a)) if (k !== collection.key && !fields.includes(k)) fields.push(k);
  return fields;
}

/** The field changes of one record present in both copies. */
export function recordFieldChanges(a: AnyRecord, b: AnyRecord, collection: Collection): JourneyChange[] {
  if (a === b) return [];
  const id = keyOf(b, collection);
  const changes: JourneyChange[] = [];
  for (const field of fieldsOf(a, b, collection)) {
    if (sameValue(a[field], b[field])) continue;
    changes.push({
      changeId: changeIdOf(collection.kind, "changed", field, id),
      kind: collection.kind,
      id,
      op: "changed",
      field,
      before: a[field],
      after: b[field],
    });
  }
  return changes;
}

function diffCollection(a: Journey, b: Journey, collection: Collection): JourneyChange[] {
  const listA = recordsOf(a, collection);
  const listB = recordsOf(b, collection);
  if (listA === listB) return [];
  const byIdA = indexRecords(listA, collection);
  const byIdB = indexRecords(listB, collection);
  const idsA = listA.map((r) => keyOf(r, collection));
  const idsB = listB.map((r) => keyOf(r, collection));
  const stable = collection.ordered ? stableOrder(idsA, idsB) : null;
  const indexA = new Map(idsA.map((id, i) => [id, i]));
  const { kind } = collection;
  const changes: JourneyChange[] = [];
  listB.forEach((record, index) => {
    const id = idsB[index]!;
    const before = byIdA.get(id);
    if (!before) {
      changes.push({ changeId: changeIdOf(kind, "added", null, id), kind, id, op: "added", field: null, before: null, after: record });
      return;
    }
    if (stable && !stable.has(id)) {
      changes.push({
        changeId: changeIdOf(kind, "moved", POSITION, id),
        kind,
        id,
        op: "moved",
        field: POSITION,
        before: indexA.get(id)!,
        after: index,
      });
    }
    changes.push(...recordFieldChanges(before, record, collection));
  });
  listA.forEach((record, index) => {
    const id = idsA[index]!;
    if (byIdB.has(id)) return;
    changes.push({ changeId: changeIdOf(kind, "removed", null, id), kind, id, op: "removed", field: null, before: record, after: null });
  });
  return changes;
}

/**
 * What changed from copy `a` to copy `b` of a journey: its details (title, scenario,
 * description, owner team), then actors, lanes, stages, steps, flows, annotations, data items
 * and duplicate decisions added, removed and changed field by field, and lanes and stages
 * moved. Records are matched by id. An empty list means the two copies hold the same journey
 * (timestamps aside).
 */
export function diffJourneys(a: Journey, b: Journey): JourneyChange[] {
  if (a === b) return [];
  const changes: JourneyChange[] = [];
  for (const field of DETAIL_FIELDS) {
    if (sameValue(a[field], b[field])) continue;
    changes.push({
      changeId: changeIdOf("journey", "changed", field, a.id),
      kind: "journey",
      id: a.id,
      op: "changed",
      field,
      before: a[field],
      after: b[field],
    });
  }
  for (const collection of COLLECTIONS) changes.push(...diffCollection(a, b, collection));
  return changes;
}
