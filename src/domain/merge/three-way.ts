/**
 * Merging two teams' copies of a journey that both changed since a version they share. Each
 * side's changes since that base are compared record by record and field by field: what only
 * one side changed is taken, what both changed the same way is already there, and what both
 * changed differently (or one side deleted while the other changed) is a conflict for the
 * user to settle.
 */
import type { Journey, Step } from "../model";
import {
  COLLECTION_OF,
  POSITION,
  changeIdOf,
  keyOf,
  recordKeyOf,
  recordsOf,
  sameValue,
  type AnyRecord,
  type ChangeKind,
  type JourneyChange,
} from "./changes";
import { applyChangeList, repairReferences, type Adjustment } from "./apply";
import { diffJourneys, recordFieldChanges } from "./diff";

export type Side = "ours" | "theirs";

/**
 * Something both sides did differently since the base.
 * - edit: both changed one field (or both placed a lane or stage somewhere else: field
 *   "position"), or both added a record with the same id and different values;
 * - delete: one side deleted a record the other changed; the deleting side's value is null.
 */
export interface MergeConflict {
  /** `step:label:s1` for an edit, `step:-:s1` for a delete. */
  conflictId: string;
  type: "edit" | "delete";
  kind: ChangeKind;
  id: string;
  field: string | null;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

export interface MergeChoices {
  /** The side chosen for each conflict, by conflict id. Unlisted conflicts keep ours. */
  resolutions?: ReadonlyMap<string, Side>;
  /** Changes taken automatically that the user chose to leave out, by change id. */
  skip?: ReadonlySet<string>;
}

export interface ThreeWayResult {
  journey: Journey;
  conflicts: MergeConflict[];
  /** Their changes that ours did not touch, taken automatically (unless skipped). */
  taken: JourneyChange[];
  adjustments: Adjustment[];
}

interface Side3 {
  changes: JourneyChange[];
  byChangeId: Map<string, JourneyChange>;
  /** Records this side changed (fields or place) and did not delete. */
  touched: Set<string>;
  removed: Set<string>;
  added: Set<string>;
}

function sideOf(base: Journey, copy: Journey): Side3 {
  const changes = diffJourneys(base, copy);
  const side: Side3 = { changes, byChangeId: new Map(), touched: new Set(), removed: new Set(), added: new Set() };
  for (const change of changes) {
    side.byChangeId.set(change.changeId, change);
    const key = recordKeyOf(change);
    if (change.op === "removed") side.removed.add(key);
    else if (change.op === "added") side.added.add(key);
    else if (!isRenumbering(change)) side.touched.add(key);
  }
  return side;
}

function recordIn(journey: Journey, kind: ChangeKind, id: string): AnyRecord | null {
  if (kind === "journey") return null;
  const collection = COLLECTION_OF[kind];
  return recordsOf(journey, collection).find((r) => keyOf(r, collection) === id) ?? null;
}

/** The id just before `id` in an ordered list: where a moved lane or stage now sits. */
function predecessor(journey: Journey, kind: ChangeKind, id: string): string | null {
  if (kind === "journey") return null;
  const collection = COLLECTION_OF[kind];
  const ids = recordsOf(journey, collection).map((r) => keyOf(r, collection));
  const at = ids.indexOf(id);
  return at > 0 ? ids[at - 1]! : null;
}

/** A step's order changed: its place in its cell, renumbered whenever a neighbour comes or goes.
 * On its own it is not an edit of the step. */
const isRenumbering = (change: JourneyChange) => change.kind === "step" && change.field === "order";

const cellOf = (step: AnyRecord | null) => (step ? `${String(step.laneId)}\u0000${String(step.stageId)}` : null);

/**
 * Merges `theirs` into `ours`, both changed since `base`. Returns the merged journey (conflicts
 * settled as `choices` say, ours by default), the conflicts, and their changes taken
 * automatically. A step's `order` is never a conflict on its own: it is the step's place in its
 * cell, so it follows the side whose cell the step ends up in (ours when both agree), which
 * keeps two teams deleting different steps of one cell from clashing over the renumbering.
 *
 * merge(base, x, x) is x; merge(base, base, theirs) is theirs; changes to different records
 * are all kept.
 */
export function threeWayMerge(base: Journey, ours: Journey, theirs: Journey, choices: MergeChoices = {}): ThreeWayResult {
  const mine = sideOf(base, ours);
  const other = sideOf(base, theirs);
  const conflicts: MergeConflict[] = [];
  const conflictIds = new Set<string>();
  const taken: JourneyChange[] = [];
  const orderClashes: string[] = [];
  const resolve = (conflictId: string) => choices.resolutions?.get(conflictId) ?? "ours";
  const apply: JourneyChange[] = [];

  const addConflict = (conflict: MergeConflict) => {
    if (conflictIds.has(conflict.conflictId)) return;
    conflictIds.add(conflict.conflictId);
    conflicts.push(conflict);
  };
  const deleteConflict = (kind: ChangeKind, id: string, oursDeleted: boolean) =>
    addConflict({
      conflictId: changeIdOf(kind, "removed", null, id),
      type: "delete",
      kind,
      id,
      field: null,
      base: recordIn(base, kind, id),
      ours: oursDeleted ? null : recordIn(ours, kind, id),
      theirs: oursDeleted ? recordIn(theirs, kind, id) : null,
    });

  for (const change of other.changes) {
    const key = recordKeyOf(change);
    const same = mine.byChangeId.get(change.changeId);
    if (change.op === "removed") {
      if (mine.removed.has(key)) continue;
      if (mine.touched.has(key)) deleteConflict(change.kind, change.id, false);
      else taken.push(change);
      continue;
    }
    if (mine.removed.has(key)) {
      if (!isRenumbering(change)) deleteConflict(change.kind, change.id, true);
      continue;
    }
    if (change.op === "added") {
      if (!mine.added.has(key)) {
        taken.push(change);
        continue;
      }
      // Both added a record with this id: compare it field by field.
      const collection = COLLECTION_OF[change.kind as Exclude<ChangeKind, "journey">];
      const own = recordIn(ours, change.kind, change.id)!;
      for (const diff of recordFieldChanges(own, change.after as AnyRecord, collection)) {
        addConflict({ conflictId: diff.changeId, type: "edit", kind: diff.kind, id: diff.id, field: diff.field, base: null, ours: diff.before, theirs: diff.after });
      }
      continue;
    }
    if (!same) {
      taken.push(change);
      continue;
    }
    if (change.op === "moved") {
      if (predecessor(ours, change.kind, change.id) === predecessor(theirs, change.kind, change.id)) continue;
    } else if (sameValue(same.after, change.after)) continue;
    if (isRenumbering(change)) {
      orderClashes.push(change.id);
      continue;
    }
    addConflict({
      conflictId: change.changeId,
      type: "edit",
      kind: change.kind,
      id: change.id,
      field: change.field,
      base: change.before,
      ours: same.after,
      theirs: change.after,
    });
  }

  for (const change of taken) if (!choices.skip?.has(change.changeId)) apply.push(change);
  for (const conflict of conflicts) {
    if (resolve(conflict.conflictId) !== "theirs") continue;
    apply.push(...theirSideOf(conflict, theirs));
  }
  const applied = applyChangeList(ours, apply, theirs);
  const ordered = settleOrders(applied, ours, theirs, orderClashes);
  if (ordered === ours) return { journey: ours, conflicts, taken, adjustments: [] };
  const repaired = repairReferences(ordered, ours, [ours, theirs]);
  return { journey: repaired.journey, conflicts, taken, adjustments: repaired.adjustments };
}

/** The changes that settle a conflict their way. */
function theirSideOf(conflict: MergeConflict, theirs: Journey): JourneyChange[] {
  const { kind, id } = conflict;
  if (conflict.type === "delete") {
    if (conflict.theirs === null) {
      return [{ changeId: conflict.conflictId, kind, id, op: "removed", field: null, before: conflict.ours, after: null }];
    }
    const after = recordIn(theirs, kind, id);
    return [{ changeId: changeIdOf(kind, "added", null, id), kind, id, op: "added", field: null, before: null, after }];
  }
  const op = conflict.field === POSITION ? "moved" : "changed";
  return [{ changeId: conflict.conflictId, kind, id, op, field: conflict.field, before: conflict.ours, after: conflict.theirs }];
}

/** Gives each step whose order both sides changed the order of the side whose cell it is in. */
function settleOrders(journey: Journey, ours: Journey, theirs: Journey, stepIds: readonly string[]): Journey {
  if (stepIds.length === 0) return journey;
  const wanted = new Map<string, number>();
  for (const id of stepIds) {
    const now = recordIn(journey, "step", id);
    const mineStep = recordIn(ours, "step", id);
    const theirStep = recordIn(theirs, "step", id);
    if (!now || !theirStep) continue;
    if (cellOf(now) !== cellOf(mineStep) && cellOf(now) === cellOf(theirStep)) {
      wanted.set(id, (theirStep as unknown as Step).order);
    }
  }
  if (wanted.size === 0) return journey;
  return {
    ...journey,
    steps: journey.steps.map((s) => {
      const order = wanted.get(s.id);
      return order === undefined || order === s.order ? s : { ...s, order };
    }),
  };
}
