/**
 * The kinds of record a journey holds, in one table: who takes part (actors), the lanes and
 * stages of the grid, the steps, the flows between them, the notes on them, the data items the
 * designer has added to the vocabulary, and the decisions on suggested duplicates. Everything
 * that walks a journey's lists (comparing and merging copies, storing a journey row by row,
 * checking what refers to what, building a journey) reads this table rather than naming the
 * lists again.
 */
import type { Journey } from "./model";

/** What one kind of record is, as the table gives it. */
export interface RecordKindSpec {
  /** The kind's name ("step"). */
  kind: string;
  /** The journey's list of records of this kind ("steps"). */
  list: keyof Journey;
  /** The field that identifies a record of this kind. */
  key: "id" | "key";
  /** Whether the order of the list is shown to the user (lanes top to bottom, stages left to
   * right): a move is then a change. Steps are placed by lane, stage and order instead. */
  ordered: boolean;
  /** How storage keeps the records: a row each ("row"), or with the journey's own details
   * ("head", for small lists that are written on every save anyway). */
  stored: "row" | "head";
}

/** Every kind of record a journey holds, in the order changes to them are shown. */
export const RECORD_KIND_TABLE = [
  { kind: "actor", list: "actors", key: "id", ordered: false, stored: "row" },
  { kind: "lane", list: "lanes", key: "id", ordered: true, stored: "row" },
  { kind: "stage", list: "stages", key: "id", ordered: true, stored: "row" },
  { kind: "step", list: "steps", key: "id", ordered: false, stored: "row" },
  { kind: "flow", list: "flows", key: "id", ordered: false, stored: "row" },
  { kind: "annotation", list: "annotations", key: "id", ordered: false, stored: "row" },
  { kind: "dataItem", list: "customDataItems", key: "id", ordered: false, stored: "head" },
  { kind: "decision", list: "duplicateDecisions", key: "key", ordered: false, stored: "head" },
] as const satisfies readonly RecordKindSpec[];

type Spec = (typeof RECORD_KIND_TABLE)[number];

/** The name of a kind of record a journey holds. */
export type RecordKind = Spec["kind"];
/** The name of one of the journey's lists of records. */
export type CollectionName = Spec["list"];
/** A kind of record stored a row each. */
export type RowKind = Extract<Spec, { stored: "row" }>["kind"];
/** A list stored with the journey's own details. */
export type HeadCollection = Extract<Spec, { stored: "head" }>["list"];

/** Every kind of record, in the table's order. */
export const RECORD_KINDS: readonly RecordKind[] = RECORD_KIND_TABLE.map((spec) => spec.kind);

/** Every list of records of a journey, in the table's order. */
export const COLLECTION_NAMES: readonly CollectionName[] = RECORD_KIND_TABLE.map(
  (spec) => spec.list,
);

/** The kinds of record stored a row each, in the table's order. */
export const ROW_KINDS = RECORD_KIND_TABLE.filter(
  (spec): spec is Extract<Spec, { stored: "row" }> => spec.stored === "row",
).map((spec) => spec.kind);

/** The lists stored with the journey's own details. */
export const HEAD_COLLECTIONS = RECORD_KIND_TABLE.filter(
  (spec): spec is Extract<Spec, { stored: "head" }> => spec.stored === "head",
).map((spec) => spec.list);

/** The journey list of each kind of record stored a row each. */
export const ROW_LIST: Readonly<{ [K in RowKind]: Extract<Spec, { kind: K }>["list"] }> =
  Object.fromEntries(
    RECORD_KIND_TABLE.filter((spec) => spec.stored === "row").map((spec) => [spec.kind, spec.list]),
  ) as { [K in RowKind]: Extract<Spec, { kind: K }>["list"] };

/** A journey's lists, all empty. */
export function emptyCollections(): Pick<Journey, CollectionName> {
  return Object.fromEntries(COLLECTION_NAMES.map((list) => [list, []])) as unknown as Pick<
    Journey,
    CollectionName
  >;
}

/** The keys of Journey whose value is a list: each must be a row of the table (checked below,
 * when the project is type-checked, and by a test of a built journey). */
type ListKeys = {
  [K in keyof Journey]: Journey[K] extends readonly unknown[] ? K : never;
}[keyof Journey];
type Missing = Exclude<ListKeys, CollectionName>;
/** A compile error here names any list of Journey the table leaves out. */
const _everyListInTheTable: [Missing] extends [never] ? true : Missing = true;
