/**
 * Bad records inside a well-formed file (reliability.md §6.1 B12–B23, B27, B29, B30), adapted
 * to journeys: nodes are steps, edges are flows, containment is lanes → actors.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseJourneyFile } from "../../../src/format/parse";
import {
  errorOf,
  expectNoPollution,
  fileWith,
  MINIMAL_TEXT,
  opened,
  storyWith,
  type Raw,
} from "./sample-file";
import { emptyMetrics } from "../../../src/domain/step-metrics";

afterEach(expectNoPollution);

/** Replaces the first occurrence of `find` in the fixture text; fails if it is not there. */
function textWith(find: string, replace: string): string {
  expect(MINIMAL_TEXT).toContain(find);
  return MINIMAL_TEXT.replace(find, replace);
}

describe("B12 __proto__ keys", () => {
  it("are dropped and reported at the top, in the journey and in a step, with no pollution", () => {
    let text = textWith(
      '"format": "seams-journey",',
      '"__proto__": {"polluted": true}, "format": "seams-journey",',
    );
    text = text.replace('"title":', '"__proto__": {"polluted": true}, "title":');
    text = text.replace('"order": 0,', '"order": 0, "__proto__": {"polluted": true},');
    const result = opened(parseJourneyFile(text));
    expect(result.report).toEqual([
      { path: "__proto__", message: "unknown envelope field dropped" },
      { path: "__proto__", message: "unknown field dropped" },
      { path: "steps[0].__proto__", message: "unknown field dropped" },
    ]);
    const step = result.journey.steps[0] as object;
    expect(Object.getPrototypeOf(step)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(step, "__proto__")).toBe(false);
    expect(Object.getPrototypeOf(result.journey)).toBe(Object.prototype);
  });
});

describe("B13 constructor and prototype", () => {
  it("a constructor.prototype field is dropped", () => {
    const text = textWith('"order": 0,', '"order": 0, "constructor": {"prototype": {"x": 1}},');
    expect(opened(parseJourneyFile(text)).report).toEqual([
      { path: "steps[0].constructor", message: "unknown field dropped" },
    ]);
  });

  it("reserved ids are replaced, and references spelled the same way follow", () => {
    const text = fileWith((journey) => {
      journey.steps[0].id = "__proto__";
      journey.flows[0].from = "__proto__";
      journey.lanes[0].id = "constructor";
      journey.steps[0].laneId = "constructor";
    });
    const result = opened(parseJourneyFile(text));
    expect(result.report).toEqual([
      { path: "lanes[0].id", message: '"constructor" is not a valid id; changed to "lane_r1"' },
      { path: "steps[0].id", message: '"__proto__" is not a valid id; changed to "step_r1"' },
    ]);
    expect(result.journey.steps[0]).toMatchObject({ id: "step_r1", laneId: "lane_r1" });
    expect(result.journey.flows[0]).toMatchObject({ from: "step_r1", to: "step_register" });
  });
});

describe("B14 wrong types make the file invalid, located", () => {
  it.each([
    [
      "a number label",
      (j: Raw) => (j.steps[0].label = 42),
      "steps[0].label",
      "expected text, got a number",
    ],
    [
      "minutes as text",
      (j: Raw) => (j.steps[2].activeMinutes = "100"),
      "steps[2].activeMinutes",
      "expected a number, got text",
    ],
    ["steps as an object", (j: Raw) => (j.steps = {}), "steps", "expected a list, got an object"],
    ["a missing laneId", (j: Raw) => delete j.steps[1].laneId, "steps[1].laneId", "is required"],
    [
      "a null note",
      (j: Raw) => (j.steps[0].notes = null),
      "steps[0].notes",
      "expected text, got null",
    ],
    [
      "a flag as text",
      (j: Raw) => (j.steps[0].failPoint = "yes"),
      "steps[0].failPoint",
      "expected true or false, got text",
    ],
    [
      "a step that is a string",
      (j: Raw) => (j.steps[1] = "step"),
      "steps[1]",
      "expected an object, got text",
    ],
  ])("%s", (_name, change, path, message) => {
    expect(errorOf(parseJourneyFile(fileWith(change)))).toEqual({
      kind: "invalid",
      message: "1 problem found.",
      issues: [{ path, message }],
    });
  });

  it("a journey that is text is invalid", () => {
    const text = fileWith((_journey, envelope) => (envelope.journey = "x"));
    expect(errorOf(parseJourneyFile(text))).toEqual({
      kind: "invalid",
      message: "1 problem found.",
      issues: [{ path: "", message: "expected a journey object, got text" }],
    });
  });

  it("every wrong type is listed", () => {
    const text = fileWith((journey) => {
      journey.title = 1;
      journey.stages[1].name = false;
    });
    const error = errorOf(parseJourneyFile(text));
    expect(error.kind === "invalid" && error.issues).toEqual([
      { path: "title", message: "expected text, got a number" },
      { path: "stages[1].name", message: "expected text, got true/false" },
    ]);
  });
});

describe("B15 non-finite and negative-zero numbers", () => {
  it("1e400 minutes (Infinity) are cleared; 1e400 order is renumbered; -1e308 order is kept", () => {
    let text = textWith('"activeMinutes": 15,', '"activeMinutes": 1e400,');
    text = text.replace('"order": 0,', '"order": 1e400,');
    text = text.replace('"order": 1.5,', '"order": -1e308,');
    const result = opened(parseJourneyFile(text));
    expect(result.journey.steps.map((step) => step.order)).toEqual([0, 0, -1e308]);
    expect(result.journey.steps[0]?.activeMinutes).toBeNull();
    expect(result.report).toEqual([
      {
        path: "steps[0].order",
        message: "Infinity is not a finite order; placed after the other steps in its cell",
      },
      { path: "steps[0].activeMinutes", message: "Infinity is not a number of minutes; cleared" },
    ]);
  });

  it("-0 becomes 0 in order, minutes and emotion, and each is reported", () => {
    let text = textWith('"order": 0,', '"order": -0,');
    text = text.replace('"activeMinutes": 15,', '"activeMinutes": -0,');
    text = text.replace('"emotion": -2,', '"emotion": -0,');
    const result = opened(parseJourneyFile(text));
    const step = result.journey.steps[0];
    expect(Object.is(step?.order, 0)).toBe(true);
    expect(Object.is(step?.activeMinutes, 0)).toBe(true);
    expect(Object.is(step?.emotion, 0)).toBe(true);
    expect(result.report).toEqual([
      { path: "steps[0].order", message: "changed -0 to 0" },
      { path: "steps[0].activeMinutes", message: "changed -0 to 0" },
      { path: "steps[0].emotion", message: "changed -0 to 0" },
    ]);
  });

  it("an emotion outside -2..2, or not whole, is cleared", () => {
    const text = fileWith((journey) => {
      journey.steps[0].emotion = 3;
      journey.steps[2].emotion = 0.5;
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.steps.map((step) => step.emotion)).toEqual([null, null, null]);
    expect(result.report).toEqual([
      { path: "steps[0].emotion", message: "3 is not an emotion from -2 to 2; cleared" },
      { path: "steps[2].emotion", message: "0.5 is not an emotion from -2 to 2; cleared" },
    ]);
  });
});

describe("B16 (adapted) a step with only its place", () => {
  it("gets every default and no report", () => {
    const text = storyWith((journey) => {
      journey.steps = [{ id: "bare", laneId: "lane_ro", stageId: "stage_notify" }];
      journey.flows = [];
      journey.annotations = [];
    });
    const result = opened(parseJourneyFile(text));
    expect(result.report).toEqual([]);
    expect(result.journey.steps).toStrictEqual([
      {
        id: "bare",
        laneId: "lane_ro",
        stageId: "stage_notify",
        order: 0,
        label: "",
        description: "",
        channel: null,
        dataItems: [],
        evidence: [],
        activeMinutes: null,
        waitingMinutes: null,
        painPoints: [],
        emotion: null,
        evidenceStatus: "assumed",
        failPoint: false,
        waitPoint: false,
        notes: "",
        tags: [],
        sources: [],
        metrics: emptyMetrics(),
      },
    ]);
  });

  it("steps without an order go after the others in their cell, in file order", () => {
    const text = fileWith((journey) => {
      journey.steps = [
        { id: "a", laneId: "lane_ro", stageId: "stage_notify" },
        { id: "b", laneId: "lane_ro", stageId: "stage_notify", order: 4.5 },
        { id: "c", laneId: "lane_ro", stageId: "stage_notify" },
        { id: "d", laneId: "lane_dwp", stageId: "stage_notify" },
      ];
      journey.flows = [];
      journey.annotations = [];
    });
    expect(
      opened(parseJourneyFile(text)).journey.steps.map((step) => [step.id, step.order]),
    ).toEqual([
      ["a", 5],
      ["b", 4.5],
      ["c", 6],
      ["d", 0],
    ]);
  });
});

describe("B17 (adapted) minutes out of range", () => {
  it("negative and over ten years are cleared; ten years exactly is kept", () => {
    const text = fileWith((journey) => {
      journey.steps[0].activeMinutes = -5;
      journey.steps[0].waitingMinutes = 5_256_001;
      journey.steps[1].activeMinutes = 5_256_000;
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.steps[0]).toMatchObject({ activeMinutes: null, waitingMinutes: null });
    expect(result.journey.steps[1]?.activeMinutes).toBe(5_256_000);
    expect(result.report).toEqual([
      { path: "steps[0].activeMinutes", message: "-5 minutes is outside 0 to 5256000; cleared" },
      {
        path: "steps[0].waitingMinutes",
        message: "5256001 minutes is outside 0 to 5256000; cleared",
      },
    ]);
  });
});
