/**
 * Merging another tab's committed records into this tab's journey (pure).
 *
 * Rule: IndexedDB commits are serialised, and the later commit wins. A record this tab has
 * changed but not yet saved is kept (this tab's save will commit after the remote one, so it
 * is the later write); the record is reported as a conflict so the user can be told. Every
 * other remote record replaces the local one. Records nobody touched keep their object, so
 * the store, React Flow and the next diff see them as unchanged.
 */
import type { Journey } from "../domain/model";
import { HEAD_COLLECTIONS, type HeadCollection } from "../domain/records";
import { ROW_LIST, ROW_KINDS, type RowKind } from "./db";

type Item = { id: string };

export interface RemoteRecord {
  kind: RowKind;
  value: Item;
}

export interface RecordRef {
  kind: RowKind;
  id: string;
}

/** Journey-level fields as stored in the head. */
export type HeadFields = Pick<
  Journey,
  | "title"
  | "scenario"
  | "description"
  | "ownerTeam"
  | "createdAt"
  | "updatedAt"
  | HeadCollection
>;

const HEAD_FIELDS = [
  "title",
  "scenario",
  "description",
  "ownerTeam",
  "createdAt",
  ...HEAD_COLLECTIONS,
] as const satisfies readonly (keyof HeadFields)[];

export interface MergeContext {
  /** The journey as this tab last saved or read it (autosave's baseline). Records that
   * differ between `base` and `local` are this tab's unsaved changes. null: unknown, so
   * remote records win. */
  base: Journey | null;
  /** The remote head, when it was read. */
  head?: HeadFields | null;
  /** Remote array order (ids) of the kinds whose order row was read. */
  orders?: Partial<Record<RowKind, string[]>>;
}

export interface MergeResult {
  /** What this tab shows: remote changes plus this tab's unsaved changes. */
  journey: Journey;
  /** What the database holds now as far as this tab knows: the new autosave baseline
   * (null when `base` was null). */
  stored: Journey | null;
  /** Records where this tab's unsaved change was kept over a different remote one. */
  conflicts: RecordRef[];
}

export function mergeRemoteRecords(
  local: Journey,
  remoteRecords: RemoteRecord[],
  removedIds: RecordRef[],
  context: MergeContext,
): MergeResult {
  const { base } = context;
  const journey: Record<string, unknown> = { ...local };
  const stored: Record<string, unknown> | null = base ? { ...base } : null;
  const conflicts: RecordRef[] = [];
  for (const kind of ROW_KINDS) {
    const remote = remoteRecords.filter((r) => r.kind === kind).map((r) => r.value);
    const removed = new Set(removedIds.filter((r) => r.kind === kind).map((r) => r.id));
    const order = context.orders?.[kind];
    if (remote.length === 0 && removed.size === 0 && !order) continue;
    const field = ROW_LIST[kind];
    const localList: readonly Item[] = local[field];
    const baseList: readonly Item[] | null = base ? base[field] : null;
    const localById = byId(localList);
    const baseById = baseList ? byId(baseList) : null;
    const unsaved = (id: string) => baseById !== null && localById.get(id) !== baseById.get(id);

    const shown = new Map(localById);
    const inDb = baseById ? new Map(baseById) : null;
    for (const value of remote) {
      const mine = localById.get(value.id);
      const chosen = mine !== undefined && deepEqual(mine, value) ? mine : value;
      inDb?.set(value.id, chosen);
      if (unsaved(value.id) && chosen !== mine) {
        conflicts.push({ kind, id: value.id });
        continue;
      }
      shown.set(value.id, chosen);
    }
    for (const id of removed) {
      inDb?.delete(id);
      if (unsaved(id)) {
        if (localById.has(id)) conflicts.push({ kind, id });
        continue;
      }
      shown.delete(id);
    }
    journey[field] = arrange(shown, localList, order, baseList);
    if (stored && inDb && baseList) stored[field] = arrange(inDb, baseList, order, baseList);
  }
  if (context.head) {
    for (const f of HEAD_FIELDS) {
      const changedHere = base !== null && !deepEqual(local[f], base[f]);
      if (stored) stored[f] = context.head[f];
      if (!changedHere && !deepEqual(local[f], context.head[f])) journey[f] = context.head[f];
    }
    const later =
      local.updatedAt > context.head.updatedAt ? local.updatedAt : context.head.updatedAt;
    journey.updatedAt = later;
    if (stored) stored.updatedAt = context.head.updatedAt;
  }
  const merged = journey as unknown as Journey;
  // With nothing unsaved here, memory and database hold the same: one object for both, so
  // autosave sees no change and does not write the other tab's commit back.
  if (base !== null && local === base) return { journey: merged, stored: merged, conflicts };
  return { journey: merged, stored: stored as unknown as Journey | null, conflicts };
}

function byId(list: readonly Item[]): Map<string, Item> {
  const map = new Map<string, Item>();
  for (const item of list) map.set(item.id, item);
  return map;
}

/** Put the merged items in order. The remote order is followed unless this tab reordered
 * the common items itself; items that order does not list go after the item that preceded
 * them where they came from. A list that did not change keeps its array. */
function arrange(
  items: Map<string, Item>,
  local: readonly Item[],
  remoteOrder: string[] | undefined,
  base: readonly Item[] | null,
): readonly Item[] {
  const localIds = local.map((x) => x.id);
  const reorderedHere =
    base !== null &&
    !sameRelativeOrder(
      localIds,
      base.map((x) => x.id),
    );
  const skeleton = remoteOrder && !reorderedHere ? remoteOrder : localIds;
  const out: string[] = [];
  const placed = new Set<string>();
  for (const id of skeleton) {
    if (items.has(id) && !placed.has(id)) {
      out.push(id);
      placed.add(id);
    }
  }
  for (const sequence of [localIds, remoteOrder ?? []]) {
    sequence.forEach((id, i) => {
      if (!items.has(id) || placed.has(id)) return;
      let at = 0;
      for (let j = i - 1; j >= 0; j--) {
        const k = out.indexOf(sequence[j]!);
        if (k >= 0) {
          at = k + 1;
          break;
        }
      }
      out.splice(at, 0, id);
      placed.add(id);
    });
  }
  for (const id of items.keys()) if (!placed.has(id)) out.push(id);
  const result = out.map((id) => items.get(id)!);
  const unchanged = result.length === local.length && result.every((x, i) => x === local[i]);
  return unchanged ? local : result;
}

/** Whether the items present in both lists appear in the same relative order. */
function sameRelativeOrder(a: string[], b: string[]): boolean {
  const inB = new Set(b);
  const inA = new Set(a);
  const x = a.filter((id) => inB.has(id));
  const y = b.filter((id) => inA.has(id));
  return x.every((id, i) => id === y[i]);
}

/** Structural equality of plain data (records are JSON-like). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ob = b as Record<string, unknown>;
  const oa = a as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(ob, k) && deepEqual(oa[k], ob[k]));
}
