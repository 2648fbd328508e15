/** The example files in examples/ are the built-in samples as journey files, and open. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseJourneyFile } from "../../src/format/parse";
import { exampleFiles } from "../helpers/examples";

describe("examples/", () => {
  it.each(exampleFiles().map((f) => [f.path, f.text]))(
    "%s is the sample as it is now (npx tsx scripts/write-examples.ts writes it)",
    (path, text) => {
      expect(readFileSync(path, "utf8")).toBe(text);
      const parsed = parseJourneyFile(text);
      expect(parsed.ok).toBe(true);
    },
  );
});
