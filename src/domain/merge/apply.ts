/**
 * Taking changes from another copy of a journey: apply a chosen list of changes, then make
 * sure every reference in the result still points at a record (a step's lane and stage, a
 * lane's owner, a flow's steps, an annotation's step). Untouched records and lists keep their
 * references, and a journey nothing changed comes back as the same object.
 */
import type { Journey } from "../model";
import {
  COLLECTIONS,
  COLLECTION_OF,
  keyOf,
  recordsOf,
  sameValue,
  type AnyRecord,
  type Collection,
  type JourneyChange,
} from "./changes";
import type { RecordKind } from "../records";
import { diffJourneys } from "./diff";

/** Something the merge did beyond the chosen changes, so the user can be told. */
export interface Adjustment {
  kind: RecordKind;
  id: string;
  /**
   * - kept: its removal was not applied, because `by` still uses it;
   * - added: taken from the other copy too, because `by` needs it;
   * - dropped: left out, for `reason`.
   */
  action: "kept" | "added" | "dropped";
  by: { kind: RecordKind; id: string } | null;
  reason: "used" | "self-loop" | "repeated-flow" | "missing-reference";
}

/** A merged journey and what the merge adjusted to keep it whole. */
export interface MergeResult {
  journey: Journey;
  adjustments: Adjustment[];
}

/**
 * Places records into a list: each goes right after the record that comes before it in the
 * `order` it was taken from (or first, when nothing does), so records taken from another copy
 * land where that copy had them. Records `order` does not hold go at the end.
 */
export function placeRecords(
  list: readonly AnyRecord[],
  placing: ReadonlyMap<string, AnyRecord>,
  order: readonly string[],
  collection: Collection,
): AnyRecord[] {
  const present = new Set(list.map((r) => keyOf(r, collection)));
  const after = new Map<string | null, AnyRecord[]>();
  const placed = new Set<string>();
  let last: string | null = null;
  for (const id of order) {
    const record = placing.get(id);
    if (record && !placed.has(id)) {
      const bucket = after.get(last) ?? [];
      bucket.push(record);
      after.set(last, bucket);
      placed.add(id);
      last = id;
    } else if (present.has(id)) last = id;
  }
  const out: AnyRecord[] = [];
  const emitAfter = (anchor: string | null) => {
    const stack = [...(after.get(anchor) ?? [])].reverse();
    while (stack.length > 0) {
      const record = stack.pop()!;
      out.push(record);
      stack.push(...[...(after.get(keyOf(record, collection)) ?? [])].reverse());
    }
  };
  emitAfter(null);
  for (const record of list) {
    out.push(record);
    emitAfter(keyOf(record, collection));
  }
  for (const [id, record] of placing) if (!placed.has(id)) out.push(record);
  return out;
}

function applyToCollection(
  target: Journey,
  source: Journey,
  collection: Collection,
  changes: readonly JourneyChange[],
): readonly AnyRecord[] {
  const list = recordsOf(target, collection);
  if (changes.length === 0) return list;
  const removed = new Set<string>();
  const moved = new Set<string>();
  const added = new Map<string, AnyRecord>();
  const patches = new Map<string, Map<string, unknown>>();
  for (const change of changes) {
    if (change.op === "removed") removed.add(change.id);
    else if (change.op === "moved") moved.add(change.id);
    else if (change.op === "added") added.set(change.id, change.after as AnyRecord);
    else if (change.field !== null) {
      const patch = patches.get(change.id) ?? new Map<string, unknown>();
      patch.set(change.field, change.after);
      patches.set(change.id, patch);
    }
  }
  let changed = false;
  const kept: AnyRecord[] = [];
  const placing = new Map<string, AnyRecord>();
  for (const record of list) {
    const id = keyOf(record, collection);
    if (removed.has(id)) {
      changed = true;
      continue;
    }
    let next = added.get(id) ?? record;
    added.delete(id);
    const patch = patches.get(id);
    if (patch) next = patched(next, patch);
    if (next !== record) changed = true;
    if (moved.has(id)) placing.set(id, next);
    else kept.push(next);
  }
  for (const [id, record] of added) placing.set(id, record);
  if (placing.size === 0) return changed ? kept : list;
  const order = recordsOf(source, collection).map((r) => keyOf(r, collection));
  return placeRecords(kept, placing, order, collection);
}

function patched(record: AnyRecord, patch: ReadonlyMap<string, unknown>): AnyRecord {
  let next: Record<string, unknown> | null = null;
  for (const [field, value] of patch) {
    if (sameValue(record[field], value)) continue;
    next ??= { ...record };
    if (value === undefined) delete next[field];
    else next[field] = value;
  }
  return next ?? record;
}

/**
 * Applies changes (as listed by a diff from `target` to `source`) to `target`: field values,
 * whole records added or removed, lanes and stages moved to where `source` has them. Changes
 * to records `target` no longer holds are skipped. References are not checked here: see
 * {@link repairReferences}.
 */
export function applyChangeList(target: Journey, changes: readonly JourneyChange[], source: Journey): Journey {
  if (changes.length === 0) return target;
  let next: Journey = target;
  const set = <K extends keyof Journey>(key: K, value: Journey[K]) => {
    if (next[key] === value) return;
    next = next === target ? { ...target } : next;
    next[key] = value;
  };
  for (const change of changes) {
    if (change.kind === "journey" && change.field !== null) {
      const field = change.field as "title" | "scenario" | "description" | "ownerTeam";
      if (typeof change.after === "string") set(field, change.after);
    }
  }
  for (const collection of COLLECTIONS) {
    const own = changes.filter((c) => c.kind === collection.kind);
    const list = applyToCollection(target, source, collection, own);
    set(collection.list, list as never);
  }
  return next;
}

type Needed = Map<RecordKind, Map<string, { kind: RecordKind; id: string }>>;

function need(needed: Needed, kind: RecordKind, id: string, by: { kind: RecordKind; id: string }) {
  const ids = needed.get(kind) ?? new Map();
  if (!ids.has(id)) ids.set(id, by);
  needed.set(kind, ids);
}

/** References in `journey` that point at nothing, by the kind and id of what is missing. */
function missingReferences(journey: Journey): Needed {
  const needed: Needed = new Map();
  const actors = new Set(journey.actors.map((a) => a.id));
  const lanes = new Set(journey.lanes.map((l) => l.id));
  const stages = new Set(journey.stages.map((s) => s.id));
  const steps = new Set(journey.steps.map((s) => s.id));
  for (const lane of journey.lanes) {
    if (!actors.has(lane.actorId)) need(needed, "actor", lane.actorId, { kind: "lane", id: lane.id });
  }
  for (const step of journey.steps) {
    const by = { kind: "step" as const, id: step.id };
    if (!lanes.has(step.laneId)) need(needed, "lane", step.laneId, by);
    if (!stages.has(step.stageId)) need(needed, "stage", step.stageId, by);
  }
  for (const flow of journey.flows) {
    const by = { kind: "flow" as const, id: flow.id };
    if (!steps.has(flow.from)) need(needed, "step", flow.from, by);
    if (!steps.has(flow.to)) need(needed, "step", flow.to, by);
  }
  for (const annotation of journey.annotations) {
    if (annotation.stepId !== null && !steps.has(annotation.stepId)) {
      need(needed, "step", annotation.stepId, { kind: "annotation", id: annotation.id });
    }
  }
  return needed;
}

/** Removes the records that refer to a missing record nobody has (a broken input). */
function dropReferrers(journey: Journey, kind: RecordKind, id: string, adjustments: Adjustment[]): Journey {
  const drop = <T extends { id: string }>(list: T[], refers: (r: T) => boolean, as: RecordKind): T[] =>
    list.filter((r) => {
      if (!refers(r)) return true;
      adjustments.push({ kind: as, id: r.id, action: "dropped", by: null, reason: "missing-reference" });
      return false;
    });
  if (kind === "actor") return { ...journey, lanes: drop(journey.lanes, (l) => l.actorId === id, "lane") };
  if (kind === "lane") return { ...journey, steps: drop(journey.steps, (s) => s.laneId === id, "step") };
  if (kind === "stage") return { ...journey, steps: drop(journey.steps, (s) => s.stageId === id, "step") };
  return {
    ...journey,
    flows: drop(journey.flows, (f) => f.from === id || f.to === id, "flow"),
    annotations: journey.annotations.map((a) => (a.stepId === id ? { ...a, stepId: null } : a)),
  };
}

/** Drops flows that join a step to itself or repeat another flow's pair of steps (two copies
 * each connected the same steps, or changed one flow's ends towards each other). Of two flows
 * on one pair, the one the target copy had stays. */
function dropBadFlows(journey: Journey, target: Journey, adjustments: Adjustment[]): Journey {
  const own = new Set(target.flows.map((f) => f.id));
  const pairOf = (flow: { from: string; to: string }) => `${flow.from}\u0000${flow.to}`;
  const held = new Map<string, string>();
  for (const flow of journey.flows) {
    if (own.has(flow.id) && !held.has(pairOf(flow))) held.set(pairOf(flow), flow.id);
  }
  for (const flow of journey.flows) if (!held.has(pairOf(flow))) held.set(pairOf(flow), flow.id);
  const flows = journey.flows.filter((flow) => {
    const reason = flow.from === flow.to ? "self-loop" : held.get(pairOf(flow)) !== flow.id ? "repeated-flow" : null;
    if (reason) adjustments.push({ kind: "flow", id: flow.id, action: "dropped", by: null, reason });
    return reason === null;
  });
  return flows.length === journey.flows.length ? journey : { ...journey, flows };
}

/**
 * Keeps a merged journey whole. A record something still uses is kept, or taken from a source
 * copy, rather than left missing: a lane whose removal was taken while a step is still in it,
 * a step's new stage that was not chosen. `sources` are searched in order (the copy being
 * changed first, so its own records are "kept"). Flows that became self-loops or repeats are
 * dropped. Each adjustment is reported.
 */
export function repairReferences(journey: Journey, target: Journey, sources: readonly Journey[]): MergeResult {
  const adjustments: Adjustment[] = [];
  let next = journey;
  for (let round = 0; round < 6; round++) {
    const needed = missingReferences(next);
    if (needed.size === 0) break;
    for (const [kind, ids] of needed) {
      const collection = COLLECTION_OF[kind];
      for (const [id, by] of ids) {
        const source = sources.find((s) => recordsOf(s, collection).some((r) => keyOf(r, collection) === id));
        if (!source) {
          next = dropReferrers(next, kind, id, adjustments);
          continue;
        }
        const record = recordsOf(source, collection).find((r) => keyOf(r, collection) === id)!;
        const order = recordsOf(source, collection).map((r) => keyOf(r, collection));
        const list = placeRecords(recordsOf(next, collection), new Map([[id, record]]), order, collection);
        next = { ...next, [collection.list]: list };
        const wasInTarget = recordsOf(target, collection).some((r) => keyOf(r, collection) === id);
        adjustments.push({ kind, id, action: wasInTarget ? "kept" : "added", by, reason: "used" });
      }
    }
  }
  next = dropBadFlows(next, target, adjustments);
  return { journey: next, adjustments };
}

/**
 * Takes chosen changes from `theirs` into `ours` (two-way: no shared base is known). The ids
 * are those of `diffJourneys(ours, theirs)`; unknown ids are ignored. What a chosen change
 * needs comes too (a step's new lane), and a removal is held back while something kept still
 * uses the record; both are reported. Nothing chosen gives back `ours` itself.
 */
export function applyChanges(ours: Journey, theirs: Journey, chosenChangeIds: Iterable<string>): MergeResult {
  const chosen = new Set(chosenChangeIds);
  const changes = diffJourneys(ours, theirs).filter((c) => chosen.has(c.changeId));
  const applied = applyChangeList(ours, changes, theirs);
  if (applied === ours) return { journey: ours, adjustments: [] };
  return repairReferences(applied, ours, [ours, theirs]);
}
