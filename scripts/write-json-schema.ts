/**
 * Writes schema/seams-journey.schema.json, the JSON Schema of the journey file format, from the
 * zod schema in src/format/file-schema.ts (`npm run schema`). A test fails when the committed
 * file differs from what the zod schema gives now.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { journeyJsonSchemaText } from "../src/format/file-schema";

const target = fileURLToPath(new URL("../schema/seams-journey.schema.json", import.meta.url));
writeFileSync(target, journeyJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
