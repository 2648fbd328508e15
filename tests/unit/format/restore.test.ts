import { describe, expect, it } from "vitest";
import { MAX_DEPTH } from "../../../src/format/limits";
import { restoreJourney } from "../../../src/format/restore";
import { errorOf, expectNoPollution, minimalEnvelope, opened, type Raw } from "./sample-file";

function nested(levels: number): Raw {
  let value: Raw = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

describe("restoreJourney: one path for files, stored records and other tabs", () => {
  it("accepts a bare journey", () => {
    const result = opened(restoreJourney(minimalEnvelope().journey));
    expect(result.journey.id).toBe("journey_death01");
    expect(result.report).toEqual([]);
  });

  it("accepts an envelope, identified and version-checked like a file", () => {
    expect(opened(restoreJourney(minimalEnvelope())).journey.steps).toHaveLength(3);
    const newer = minimalEnvelope();
    newer.formatVersion = 3;
    expect(errorOf(restoreJourney(newer))).toMatchObject({ kind: "newer-version", fileVersion: 3 });
    const other = minimalEnvelope();
    other.format = "tldraw";
    expect(errorOf(restoreJourney(other)).kind).toBe("not-a-journey-file");
  });

  it("reports envelope repairs by field name", () => {
    const envelope = minimalEnvelope();
    envelope.savedAt = "yesterday";
    envelope.baseVersionId = "no spaces please";
    delete envelope.appVersion;
    const result = opened(restoreJourney(envelope));
    expect(result.report).toEqual([
      {
        path: "savedAt",
        message: '"yesterday" is not an ISO 8601 date and time; set to "2026-02-03T10:14:30.000Z"',
      },
      { path: "baseVersionId", message: '"no spaces please" is not a valid id; cleared' },
    ]);
  });

  it.each([
    ["null", null, "expected a journey object, got null"],
    ["a list", [], "expected a journey object, got a list"],
    ["a number", 7, "expected a journey object, got a number"],
    ["undefined", undefined, "expected a journey object, got undefined"],
  ])("refuses %s as invalid", (_name, value, message) => {
    expect(errorOf(restoreJourney(value))).toEqual({
      kind: "invalid",
      message: "1 problem found.",
      issues: [{ path: "", message }],
    });
  });

  it("refuses a value deeper than MAX_DEPTH without overflowing the stack", () => {
    const journey = minimalEnvelope().journey;
    journey.steps[0].extra = nested(20_000);
    expect(errorOf(restoreJourney(journey))).toEqual({
      kind: "too-deep",
      message: "The data is nested more than 64 levels deep.",
      limit: 64,
    });
  });

  it("accepts nesting up to MAX_DEPTH exactly (the extra field is then dropped)", () => {
    const journey = minimalEnvelope().journey;
    // journey (1) → steps (2) → step (3) → extra: MAX_DEPTH - 3 more levels
    journey.steps[0].extra = nested(MAX_DEPTH - 3);
    expect(opened(restoreJourney(journey)).report).toEqual([
      { path: "steps[0].extra", message: "unknown field dropped" },
    ]);
    journey.steps[0].extra = nested(MAX_DEPTH - 2);
    expect(errorOf(restoreJourney(journey)).kind).toBe("too-deep");
  });

  it("refuses a cycle as too deep", () => {
    const journey = minimalEnvelope().journey;
    journey.steps[0].self = journey.steps[0];
    expect(errorOf(restoreJourney(journey)).kind).toBe("too-deep");
  });

  it("walks a heavily shared value without blowing up", () => {
    let shared: Raw = { leaf: 1 };
    for (let i = 0; i < 40; i++) shared = { a: shared, b: shared };
    const journey = minimalEnvelope().journey;
    journey.steps[0].shared = shared;
    expect(opened(restoreJourney(journey)).report).toEqual([
      { path: "steps[0].shared", message: "unknown field dropped" },
    ]);
  });

  it("never throws, even for getters and proxies that throw", () => {
    const journey = minimalEnvelope().journey;
    Object.defineProperty(journey, "title", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(errorOf(restoreJourney(journey))).toEqual({
      kind: "invalid",
      message: "1 problem found.",
      issues: [{ path: "", message: "could not be read: boom" }],
    });
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("no keys");
        },
      },
    );
    expect(errorOf(restoreJourney(hostile)).kind).toBe("invalid");
  });

  it("accepts objects without a prototype, and returns plain objects", () => {
    const journey = Object.assign(Object.create(null) as Raw, minimalEnvelope().journey);
    const result = opened(restoreJourney(journey));
    expect(Object.getPrototypeOf(result.journey)).toBe(Object.prototype);
  });

  it("builds new objects: changing the input afterwards changes nothing", () => {
    const journey = minimalEnvelope().journey;
    const result = opened(restoreJourney(journey));
    journey.steps[0].label = "changed";
    journey.steps[0].tags.push("new");
    expect(result.journey.steps[0]?.label).toBe("Book a register office appointment");
    expect(result.journey.steps[0]?.tags).toEqual(["bereavement"]);
  });

  it("does not pollute prototypes from __proto__ anywhere", () => {
    const journey = JSON.parse(
      '{"id":"j","__proto__":{"polluted":1},"steps":[],"actors":[{"id":"a","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}]}',
    );
    const result = opened(restoreJourney(journey));
    expect(result.report).toEqual([
      { path: "__proto__", message: "unknown field dropped" },
      { path: "actors[0].__proto__", message: "unknown field dropped" },
      { path: "actors[0].constructor", message: "unknown field dropped" },
    ]);
    expectNoPollution();
  });

  it("is idempotent on a repaired journey", () => {
    const journey = minimalEnvelope().journey;
    journey.steps[0].label = "x\u0000".repeat(400);
    journey.steps[1].id = "step_book";
    journey.steps[2].order = Number.NaN;
    journey.flows.push({ from: "step_book", to: "ghost" });
    const first = opened(restoreJourney(journey));
    expect(first.report.map((repair) => repair.path)).toEqual([
      "steps[0].label",
      "steps[2].order",
      "steps[1].id",
      "flows[0]",
      "flows[1]",
      "flows[2]",
    ]);
    const second = opened(restoreJourney(first.journey));
    expect(second.report).toEqual([]);
    expect(second.journey).toStrictEqual(first.journey);
  });

  it("caps the report and says how many more there were", () => {
    const journey = minimalEnvelope().journey;
    journey.steps[0].tags = Array.from({ length: 150 }, () => "\u0000");
    journey.steps[1].tags = Array.from({ length: 150 }, () => "\u0000");
    journey.steps[2].tags = Array.from({ length: 150 }, () => "\u0000");
    journey.steps[0].painPoints = Array.from({ length: 150 }, () => "\u0000");
    journey.steps[1].painPoints = Array.from({ length: 150 }, () => "\u0000");
    journey.steps[2].painPoints = Array.from({ length: 150 }, () => "\u0000");
    journey.steps[0].dataItems = Array.from({ length: 150 }, () => "\u0000");
    const result = opened(restoreJourney(journey));
    expect(result.report).toHaveLength(1001);
    expect(result.report[1000]).toEqual({ path: "", message: "50 more repairs not listed" });
  });
});
