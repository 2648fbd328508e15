/** One table of the kinds of record a journey holds: every list of a journey is in it, and what
 * merging, storage and file checks walk is read from it. */
import { describe, expect, it } from "vitest";
import { createJourney } from "../../../src/domain/journey";
import { COLLECTIONS } from "../../../src/domain/merge/changes";
import {
  COLLECTION_NAMES,
  emptyCollections,
  HEAD_COLLECTIONS,
  RECORD_KIND_TABLE,
  RECORD_KINDS,
  ROW_KINDS,
  ROW_LIST,
} from "../../../src/domain/records";
import { SAMPLE_JOURNEYS } from "../../../src/domain/samples";
import { journeyFieldsSchema } from "../../../src/format/journey-schema";
import { journeyRows } from "../../../src/persistence/records";

/** The fields of a journey that hold a list. */
const listsOf = (value: object) =>
  Object.entries(value)
    .filter(([, v]) => Array.isArray(v))
    .map(([k]) => k)
    .sort();

const sorted = (names: readonly string[]) => [...names].sort();

describe("the table of record kinds", () => {
  it("names every list a new journey has, and nothing else", () => {
    expect(sorted(COLLECTION_NAMES)).toEqual(
      listsOf(createJourney("journey_t", "T", "2026-01-01T00:00:00.000Z")),
    );
  });

  it.each(SAMPLE_JOURNEYS.map((s) => [s.key, s] as const))(
    "names every list of the %s sample",
    (_key, sample) => {
      expect(sorted(COLLECTION_NAMES)).toEqual(listsOf(sample.build()));
    },
  );

  it("names every list the file format accepts", () => {
    const lists = Object.entries(journeyFieldsSchema.shape)
      .filter(([, schema]) => schema.def.type === "array")
      .map(([k]) => k)
      .sort();
    expect(sorted(COLLECTION_NAMES)).toEqual(lists);
  });

  it("gives each kind and each list once, and stores each either a row per record or with the head", () => {
    expect(new Set(RECORD_KINDS).size).toBe(RECORD_KIND_TABLE.length);
    expect(new Set(COLLECTION_NAMES).size).toBe(RECORD_KIND_TABLE.length);
    expect(sorted([...ROW_KINDS.map((k) => ROW_LIST[k]), ...HEAD_COLLECTIONS])).toEqual(
      sorted(COLLECTION_NAMES),
    );
  });

  it("is what merging compares, list by list, in its order", () => {
    expect(COLLECTIONS.map((c) => c.list)).toEqual(COLLECTION_NAMES);
    expect(COLLECTIONS.map((c) => c.kind)).toEqual(RECORD_KINDS);
  });

  it("starts a journey with every list empty", () => {
    const empty = emptyCollections();
    expect(sorted(Object.keys(empty))).toEqual(sorted(COLLECTION_NAMES));
    for (const list of COLLECTION_NAMES) expect(empty[list]).toEqual([]);
  });

  it("stores a row for every record of every row kind, and an order row per kind", () => {
    const journey = SAMPLE_JOURNEYS[0]!.build();
    const rows = journeyRows(journey, 1);
    for (const kind of ROW_KINDS) {
      const list = journey[ROW_LIST[kind]];
      expect(rows.filter((r) => r.kind === kind).map((r) => r.id)).toEqual(list.map((x) => x.id));
      expect(rows.filter((r) => r.kind === "order" && r.id === kind)).toHaveLength(1);
    }
  });
});
