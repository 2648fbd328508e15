/**
 * Writes the built-in sample journeys as journey files into examples/, for trying the command
 * line and for opening in another Seams: `npx tsx scripts/write-examples.ts`. A test checks the
 * committed files are what the samples give now.
 */
import { writeFileSync } from "node:fs";
import { exampleFiles } from "../tests/helpers/examples";

for (const { path, text } of exampleFiles()) {
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
