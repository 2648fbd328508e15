import { z } from "zod";
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  JOURNEY_FILE_EXTENSION,
  JOURNEY_MEDIA_TYPE,
} from "./envelope";
import { idSchema, journeyFieldsSchema, shortTextSchema, timestampSchema } from "./journey-schema";

/**
 * The journey file as Seams writes it in the current format version: the envelope (see
 * README.md) around a valid journey. An optional `$schema` names the JSON Schema the file
 * follows, for editors; Seams accepts it on import and does not write it.
 */
export const journeyFileSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(FORMAT_NAME),
  formatVersion: z.literal(FORMAT_VERSION),
  appVersion: shortTextSchema,
  savedAt: timestampSchema,
  baseVersionId: idSchema.nullable(),
  journey: journeyFieldsSchema,
});

/** The identifier of the published JSON Schema of the current journey file format: a name,
 * not a location (the schema is the committed file schema/seams-journey.schema.json). */
export const JOURNEY_SCHEMA_ID = `urn:seams:schema:journey-file:${FORMAT_VERSION}`;

/**
 * The JSON Schema (draft 2020-12) of a journey file, generated from `journeyFileSchema`. It
 * states every field, type, pattern and limit; what it cannot state (text free of control
 * characters, ids that are not reserved names, lists that refer to each other correctly) is
 * checked by Seams on import, as its description says.
 */
export function journeyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(journeyFileSchema, { target: "draft-2020-12" });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: JOURNEY_SCHEMA_ID,
    title: "Seams journey file",
    description:
      `A Seams service blueprint journey (format "${FORMAT_NAME}", version ${FORMAT_VERSION}), ` +
      `as written by Seams to *${JOURNEY_FILE_EXTENSION} files (media type ${JOURNEY_MEDIA_TYPE}). ` +
      "Seams also checks, on import, what this schema cannot say: text holds no control " +
      "characters, ids are not __proto__, constructor or prototype and are unique in their list, " +
      "and every reference (a lane's actor, a step's lane and stage, a flow's steps) names an " +
      "existing record. See src/format/README.md.",
    ...rest,
  };
}

/** The text of schema/seams-journey.schema.json: `journeyJsonSchema()` indented by two spaces. */
export function journeyJsonSchemaText(): string {
  return `${JSON.stringify(journeyJsonSchema(), null, 2)}\n`;
}
