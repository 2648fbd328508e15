/** The published JSON Schema of the journey file (schema/seams-journey.schema.json) is what the
 * zod schema gives now, files Seams writes follow that zod schema, and a file's `$schema` key is
 * accepted on import while other unknown envelope fields are still dropped and reported. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLE_JOURNEYS } from "../../../src/domain/samples";
import { serializeJourney } from "../../../src/format/envelope";
import {
  JOURNEY_SCHEMA_ID,
  journeyFileSchema,
  journeyJsonSchema,
  journeyJsonSchemaText,
} from "../../../src/format/file-schema";
import { parseJourneyFile } from "../../../src/format/parse";
import { fileWith, opened } from "./sample-file";

const COMMITTED = resolve(import.meta.dirname, "../../../schema/seams-journey.schema.json");

describe("the journey file's JSON Schema", () => {
  it("is committed as the zod schema generates it now (run `npm run schema` after a change)", () => {
    expect(readFileSync(COMMITTED, "utf8")).toBe(journeyJsonSchemaText());
  });

  it("names itself and states the envelope strictly, $schema included", () => {
    const schema = journeyJsonSchema() as {
      $schema: string;
      $id: string;
      additionalProperties: boolean;
      required: string[];
      properties: Record<string, { const?: unknown; additionalProperties?: boolean }>;
    };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(JOURNEY_SCHEMA_ID);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual([
      "$schema",
      "format",
      "formatVersion",
      "appVersion",
      "savedAt",
      "baseVersionId",
      "journey",
    ]);
    expect(schema.required).not.toContain("$schema");
    expect(schema.properties.format?.const).toBe("seams-journey");
    expect(schema.properties.journey?.additionalProperties).toBe(false);
  });

  it.each(SAMPLE_JOURNEYS.map((s) => [s.key, s] as const))(
    "describes the file Seams writes for the %s sample",
    (_id, sample) => {
      const file: unknown = JSON.parse(serializeJourney(sample.build()));
      expect(journeyFileSchema.safeParse(file).error).toBeUndefined();
    },
  );
});

describe("$schema in a journey file", () => {
  it("is accepted without a report", () => {
    const text = fileWith((_journey, envelope) => {
      envelope.$schema = "./schema/seams-journey.schema.json";
    });
    expect(opened(parseJourneyFile(text)).report).toEqual([]);
  });

  it("is dropped and reported when it is not text, as other unknown fields still are", () => {
    const text = fileWith((_journey, envelope) => {
      envelope.$schema = { evil: true };
      envelope.$schemas = "x";
    });
    expect(opened(parseJourneyFile(text)).report).toEqual([
      { path: "$schema", message: "unknown envelope field dropped" },
      { path: "$schemas", message: "unknown envelope field dropped" },
    ]);
  });
});
