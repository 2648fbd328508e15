import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { serializeJourney } from "../../../src/format/envelope";
import { journeySchema } from "../../../src/format/journey-schema";
import { parseJourneyFile } from "../../../src/format/parse";
import { restoreJourney } from "../../../src/format/restore";
import { journeyArb, mutatedJourneyArb } from "../../helpers/arbitraries";
import { FIGURES, propertyParams } from "../../helpers/runs";

// Runs: 1,000 each in npm test, SEAMS_FUZZ_RUNS in npm run fuzz; recorded for the reliability table.
const RUNS = propertyParams(FIGURES.importTotal);
const TRIP = propertyParams(FIGURES.roundTrip);
const IDEM = propertyParams(FIGURES.idempotent);
const KINDS = [
  "empty",
  "too-large",
  "not-json",
  "not-a-journey-file",
  "newer-version",
  "too-deep",
  "invalid",
];

const envelopeAround = (journey: unknown) => ({
  format: "seams-journey",
  formatVersion: 1,
  appVersion: "0.1.0",
  savedAt: "2026-01-01T00:00:00.000Z",
  baseVersionId: null,
  journey,
});

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
}

describe("round trip", () => {
  test.prop([journeyArb], TRIP)(
    "a valid journey survives serialize → parse unchanged, with no repairs",
    (journey) => {
      expect(journeySchema.safeParse(journey).success).toBe(true);
      const result = parseJourneyFile(
        serializeJourney(journey, { savedAt: "2026-01-01T00:00:00.000Z" }),
      );
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      expect(result.report).toEqual([]);
      expect(result.journey).toStrictEqual(journey);
      expect(result.envelope.savedAt).toBe("2026-01-01T00:00:00.000Z");
    },
  );

  test.prop([journeyArb], TRIP)("a valid journey survives as UTF-8 bytes", (journey) => {
    const result = parseJourneyFile(new TextEncoder().encode(serializeJourney(journey)));
    expect(result.ok && result.journey).toStrictEqual(journey);
  });
});

describe("parseJourneyFile is total", () => {
  test.prop([fc.jsonValue()], RUNS)(
    "any JSON value is refused or opened, never thrown",
    (value) => {
      const result = parseJourneyFile(JSON.stringify(value));
      expect(KINDS).toContain(result.ok ? "invalid" : result.error.kind);
      expectNoPollution();
    },
  );

  test.prop([fc.jsonValue({ maxDepth: 4 })], RUNS)(
    "any JSON value as a journey in a v1 envelope is refused or opened",
    (value) => {
      const result = parseJourneyFile(JSON.stringify(envelopeAround(value)));
      if (result.ok) expect(journeySchema.safeParse(result.journey).success).toBe(true);
      else expect(KINDS).toContain(result.error.kind);
      expectNoPollution();
    },
  );

  test.prop([fc.string({ unit: "binary" })], RUNS)(
    "any string is refused with a known kind",
    (text) => {
      const result = parseJourneyFile(text);
      expect(KINDS).toContain(result.ok ? "opened" : result.error.kind);
    },
  );

  test.prop([fc.string({ unit: "binary" }), fc.string({ unit: "binary" })], RUNS)(
    "any text inside Seams SVG metadata is refused or opened",
    (before, inside) => {
      const svg = `<svg>${before.replace(/</g, "")}<metadata id="seams-journey">${inside}</metadata></svg>`;
      const result = parseJourneyFile(svg);
      expect(KINDS).toContain(result.ok ? "invalid" : result.error.kind);
    },
  );

  test.prop([fc.uint8Array({ maxLength: 300 })], RUNS)(
    "any bytes are refused or opened",
    (bytes) => {
      const result = parseJourneyFile(bytes);
      expect(typeof result.ok).toBe("boolean");
      if (!result.ok) expect(KINDS).toContain(result.error.kind);
    },
  );

  test.prop([mutatedJourneyArb], RUNS)(
    "a damaged journey file is refused or opened as a valid journey",
    (damaged) => {
      const result = parseJourneyFile(JSON.stringify(envelopeAround(damaged)));
      if (result.ok) expect(journeySchema.safeParse(result.journey).success).toBe(true);
      else expect(KINDS).toContain(result.error.kind);
      expectNoPollution();
    },
  );
});

describe("restore is idempotent", () => {
  test.prop([fc.jsonValue({ maxDepth: 4 })], IDEM)("over JSON values in an envelope", (value) => {
    const first = restoreJourney(envelopeAround(value));
    if (!first.ok) return;
    const second = restoreJourney(first.journey);
    expect(second.ok && second.report).toEqual([]);
    expect(second.ok && second.journey).toStrictEqual(first.journey);
  });

  test.prop([mutatedJourneyArb], IDEM)(
    "over damaged journeys, and the result is valid",
    (damaged) => {
      const first = restoreJourney(damaged);
      expectNoPollution();
      if (!first.ok) {
        expect(["invalid", "too-deep"]).toContain(first.error.kind);
        return;
      }
      expect(journeySchema.safeParse(first.journey).success).toBe(true);
      const second = restoreJourney(first.journey);
      expect(second.ok && second.report).toEqual([]);
      expect(second.ok && second.journey).toStrictEqual(first.journey);
    },
  );

  test.prop([journeyArb], IDEM)(
    "a valid journey restores to itself with an empty report",
    (journey) => {
      const result = restoreJourney(journey);
      expect(result.ok && result.report).toEqual([]);
      expect(result.ok && result.journey).toStrictEqual(journey);
    },
  );
});
