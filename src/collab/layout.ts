/**
 * How one journey is laid out in a shared Yjs document, so that people editing it at the same
 * time keep each other's work:
 *
 * - one top-level Y.Map per kind of record (named after the journey's list: `steps`, `lanes`,
 *   …), keyed by the record's id (a duplicate decision by its key);
 * - each record is its own Y.Map of fields, so two people editing different fields of one step
 *   both keep their edit (the same field: the later write wins);
 * - every record has a `pos`, a fractional key that orders its list (lanes top to bottom,
 *   stages left to right, …): reordering rewrites one key and never moves items in a Y.Array;
 * - a step's lane, stage and place in its cell are one value, `placement`, so when two people
 *   move one card at once it ends up wholly where one of them put it;
 * - actors, lanes and stages are never removed from the document: removing one sets its
 *   `deleted` mark (a tombstone), so a step someone adds to a lane while another person
 *   removes it still has its lane (see read.ts for how it comes back);
 * - the journey's own fields (title, scenario, …) are in the `meta` map.
 */
import type { Journey } from "../domain/model";

/** The kinds of record a journey is made of, by the journey list that holds them. */
export const COLLAB_KINDS = {
  actor: { list: "actors", key: "id", tombstone: true },
  lane: { list: "lanes", key: "id", tombstone: true },
  stage: { list: "stages", key: "id", tombstone: true },
  step: { list: "steps", key: "id", tombstone: false },
  flow: { list: "flows", key: "id", tombstone: false },
  annotation: { list: "annotations", key: "id", tombstone: false },
  customDataItem: { list: "customDataItems", key: "id", tombstone: false },
  duplicateDecision: { list: "duplicateDecisions", key: "key", tombstone: false },
} as const satisfies Record<string, { list: keyof Journey; key: string; tombstone: boolean }>;

export type CollabKind = keyof typeof COLLAB_KINDS;
export const COLLAB_KIND_NAMES = Object.keys(COLLAB_KINDS) as CollabKind[];
export type CollabList = (typeof COLLAB_KINDS)[CollabKind]["list"];

/** The journey's own fields, kept in the `meta` map. */
export const META_FIELDS = [
  "id",
  "title",
  "scenario",
  "description",
  "ownerTeam",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof Journey)[];
export type MetaField = (typeof META_FIELDS)[number];

export const META_MAP = "meta";
/** Field of every record: its fractional ordering key within its list. */
export const POS = "pos";
/** Field of an actor, lane or stage someone removed. */
export const DELETED = "deleted";
/** Field of a step: `{ laneId, stageId, order }`, written as one value. */
export const PLACEMENT = "placement";

/** Fields of a record that are the document's bookkeeping, not the record's own. */
export const RESERVED_FIELDS: ReadonlySet<string> = new Set([POS, DELETED, PLACEMENT]);

export interface Placement {
  laneId: string;
  stageId: string;
  order: number;
}

/** A record of the journey, named by its kind and id. */
export interface CollabRef {
  kind: CollabKind;
  id: string;
}
