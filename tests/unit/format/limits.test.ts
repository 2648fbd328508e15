import { describe, expect, it } from "vitest";
import {
  MAX_ACTORS,
  MAX_ANNOTATIONS,
  MAX_CUSTOM_DATA_ITEMS,
  MAX_DEPTH,
  MAX_DUPLICATE_DECISIONS,
  MAX_FILE_BYTES,
  MAX_FLOWS,
  MAX_ID_CHARS,
  MAX_LANES,
  MAX_LIST_ITEMS,
  MAX_MINUTES,
  MAX_STAGES,
  MAX_STEPS,
  MAX_TEXT_CHARS,
} from "../../../src/format/limits";
import { parseJourneyFile } from "../../../src/format/parse";
import { restoreJourney } from "../../../src/format/restore";
import { errorOf, fileWith, minimalEnvelope, opened, type Raw } from "./sample-file";

describe("limits", () => {
  it("have the documented values", () => {
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
    expect(MAX_DEPTH).toBe(64);
    expect(MAX_STEPS).toBe(20_000);
    expect(MAX_FLOWS).toBe(60_000);
    expect(MAX_LANES).toBe(500);
    expect(MAX_STAGES).toBe(500);
    expect(MAX_ACTORS).toBe(500);
    expect(MAX_ANNOTATIONS).toBe(20_000);
    expect(MAX_CUSTOM_DATA_ITEMS).toBe(5_000);
    expect(MAX_DUPLICATE_DECISIONS).toBe(20_000);
    expect(MAX_TEXT_CHARS).toEqual({ short: 500, long: 20_000 });
    expect(MAX_LIST_ITEMS).toBe(200);
    expect(MAX_MINUTES).toBe(5_256_000);
    expect(MAX_ID_CHARS).toBe(80);
  });

  it("MAX_DEPTH: a file nested exactly 64 levels opens, 65 does not", () => {
    // envelope (1) → journey (2) → steps (3) → step (4) → extra: 60 more levels makes 64
    const withExtra = (levels: number) =>
      fileWith((journey) => {
        journey.steps[0].extra = JSON.parse(`${"[".repeat(levels)}${"]".repeat(levels)}`);
      });
    expect(opened(parseJourneyFile(withExtra(60))).report).toEqual([
      { path: "steps[0].extra", message: "unknown field dropped" },
    ]);
    expect(errorOf(parseJourneyFile(withExtra(61))).kind).toBe("too-deep");
  });

  it("MAX_STEPS steps open; one more is refused", () => {
    const journey = minimalEnvelope().journey;
    const template = journey.steps[0];
    journey.steps = Array.from({ length: MAX_STEPS }, (_, i) => ({
      ...template,
      id: `s${i}`,
      order: i,
    }));
    journey.flows = Array.from({ length: MAX_STEPS - 1 }, (_, i) => ({
      id: `f${i}`,
      from: `s${i}`,
      to: `s${i + 1}`,
    }));
    journey.annotations = [];
    const result = opened(restoreJourney(journey));
    expect(result.journey.steps).toHaveLength(MAX_STEPS);
    expect(result.journey.flows).toHaveLength(MAX_STEPS - 1);
    journey.steps.push({ ...template, id: "one_more" });
    expect(errorOf(restoreJourney(journey))).toMatchObject({
      kind: "too-large",
      subject: "steps",
      actual: MAX_STEPS + 1,
    });
  });

  it.each<[string, number]>([
    ["actors", MAX_ACTORS],
    ["lanes", MAX_LANES],
    ["stages", MAX_STAGES],
    ["flows", MAX_FLOWS],
    ["annotations", MAX_ANNOTATIONS],
    ["customDataItems", MAX_CUSTOM_DATA_ITEMS],
    ["duplicateDecisions", MAX_DUPLICATE_DECISIONS],
  ])("more than the limit of %s (%i) is refused", (list, limit) => {
    const journey: Raw = minimalEnvelope().journey;
    journey[list] = Array.from({ length: limit + 1 }, () => ({}));
    expect(errorOf(restoreJourney(journey))).toEqual({
      kind: "too-large",
      message: `The journey has ${limit + 1} ${list}; the limit is ${limit}.`,
      subject: list,
      limit,
      actual: limit + 1,
    });
  });

  it.each<[string, (journey: Raw, text: string) => void, (journey: Raw) => string, number]>([
    ["a label", (j, t) => (j.steps[0].label = t), (j) => j.steps[0].label, MAX_TEXT_CHARS.short],
    ["a title", (j, t) => (j.title = t), (j) => j.title, MAX_TEXT_CHARS.short],
    [
      "a stage name",
      (j, t) => (j.stages[0].name = t),
      (j) => j.stages[0].name,
      MAX_TEXT_CHARS.short,
    ],
    ["a tag", (j, t) => (j.steps[0].tags = [t]), (j) => j.steps[0].tags[0], MAX_TEXT_CHARS.short],
    [
      "a description",
      (j, t) => (j.steps[0].description = t),
      (j) => j.steps[0].description,
      MAX_TEXT_CHARS.long,
    ],
    ["notes", (j, t) => (j.steps[0].notes = t), (j) => j.steps[0].notes, MAX_TEXT_CHARS.long],
    [
      "an annotation",
      (j, t) => (j.annotations[0].text = t),
      (j) => j.annotations[0].text,
      MAX_TEXT_CHARS.long,
    ],
  ])("%s may be exactly its limit long; one more is cut", (_name, set, get, limit) => {
    const journey = minimalEnvelope().journey;
    set(journey, "y".repeat(limit));
    const exact = opened(restoreJourney(journey));
    expect(exact.report).toEqual([]);
    expect(get(exact.journey)).toHaveLength(limit);
    set(journey, "y".repeat(limit + 1));
    const cut = opened(restoreJourney(journey));
    expect(get(cut.journey)).toHaveLength(limit);
    expect(cut.report).toHaveLength(1);
    expect(cut.report[0]?.message).toBe(
      `shortened from ${limit + 1} to ${limit} characters (the limit is ${limit})`,
    );
  });

  it("text is never cut inside a surrogate pair", () => {
    const journey = minimalEnvelope().journey;
    journey.steps[0].label = `${"y".repeat(MAX_TEXT_CHARS.short - 1)}\u{1F600}`;
    const result = opened(restoreJourney(journey));
    expect(result.journey.steps[0]?.label).toBe("y".repeat(MAX_TEXT_CHARS.short - 1));
    expect(result.report).toEqual([
      {
        path: "steps[0].label",
        message: "shortened from 501 to 499 characters (the limit is 500)",
      },
    ]);
  });

  it("MAX_LIST_ITEMS entries are kept; more are cut and reported", () => {
    const journey = minimalEnvelope().journey;
    journey.steps[0].dataItems = Array.from({ length: MAX_LIST_ITEMS }, (_, i) => `item ${i}`);
    expect(opened(restoreJourney(journey)).journey.steps[0]?.dataItems).toHaveLength(
      MAX_LIST_ITEMS,
    );
    journey.steps[0].dataItems.push("one more");
    const result = opened(restoreJourney(journey));
    expect(result.journey.steps[0]?.dataItems).toHaveLength(MAX_LIST_ITEMS);
    expect(result.report).toEqual([
      { path: "steps[0].dataItems", message: "kept the first 200 of 201 entries" },
    ]);
  });

  it("ids may be 80 characters, not 81", () => {
    const journey = minimalEnvelope().journey;
    journey.stages[1].id = "s".repeat(MAX_ID_CHARS);
    journey.steps[2].stageId = "s".repeat(MAX_ID_CHARS);
    expect(opened(restoreJourney(journey)).report).toEqual([]);
    journey.stages[1].id = "s".repeat(MAX_ID_CHARS + 1);
    journey.steps[2].stageId = "s".repeat(MAX_ID_CHARS + 1);
    const result = opened(restoreJourney(journey));
    expect(result.journey.stages[1]?.id).toBe("stage_r1");
    expect(result.journey.steps[2]?.stageId).toBe("stage_r1");
  });
});
