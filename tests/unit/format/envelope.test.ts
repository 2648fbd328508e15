import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  APP_VERSION,
  FORMAT_NAME,
  FORMAT_VERSION,
  serializeJourney,
  toEnvelope,
} from "../../../src/format/envelope";
import { minimalEnvelope } from "./sample-file";

const packageVersion = (
  JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

describe("the envelope", () => {
  it("names the format and its version", () => {
    expect(FORMAT_NAME).toBe("seams-journey");
    expect(FORMAT_VERSION).toBe(2);
    expect(APP_VERSION).toBe("0.1.0");
  });

  it("records the app version of package.json", () => {
    expect(APP_VERSION).toBe(packageVersion);
  });

  it("wraps a journey with the current format and the given options", () => {
    const journey = minimalEnvelope().journey;
    expect(
      toEnvelope(journey, { savedAt: "2026-03-01T12:00:00.000Z", baseVersionId: "version_1" }),
    ).toStrictEqual({
      format: "seams-journey",
      formatVersion: 2,
      appVersion: "0.1.0",
      savedAt: "2026-03-01T12:00:00.000Z",
      baseVersionId: "version_1",
      journey,
    });
  });

  it("defaults savedAt to now and baseVersionId to null", () => {
    const before = Date.now();
    const envelope = toEnvelope(minimalEnvelope().journey);
    expect(Date.parse(envelope.savedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(envelope.savedAt)).toBeLessThanOrEqual(Date.now());
    expect(envelope.baseVersionId).toBeNull();
  });

  it("serializes as JSON indented by two spaces, envelope fields first", () => {
    const journey = {
      ...minimalEnvelope().journey,
      actors: [],
      lanes: [],
      stages: [],
      steps: [],
      flows: [],
      annotations: [],
      customDataItems: [],
      duplicateDecisions: [],
    };
    const text = serializeJourney(journey, { savedAt: "2026-03-01T12:00:00.000Z" });
    expect(text.split("\n").slice(0, 9)).toEqual([
      "{",
      '  "format": "seams-journey",',
      '  "formatVersion": 2,',
      '  "appVersion": "0.1.0",',
      '  "savedAt": "2026-03-01T12:00:00.000Z",',
      '  "baseVersionId": null,',
      '  "journey": {',
      '    "id": "journey_death01",',
      '    "title": "Register a death and tell government",',
    ]);
    expect(JSON.parse(text)).toEqual(toEnvelope(journey, { savedAt: "2026-03-01T12:00:00.000Z" }));
  });
});
