// @vitest-environment jsdom
/**
 * Every hand-written bad file that opens (tests/fixtures/bad: hostile labels, notes, links,
 * colours, formulas, odd Unicode, repaired records) exported the three ways a user can: SVG,
 * CSV and the journey file. Counts what a browser or spreadsheet would run: executable or
 * external constructs in the SVG (parsed as a browser would, with jsdom's DOMParser, and by
 * the strict reader of svg-scan.ts) and CSV cells that start a formula. Each export must also
 * open again as the same journey. The counts go to reports/reliability.json.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { CSV_COLUMNS, CSV_NUMBER_COLUMNS, exportCsv } from "../../../src/export/csv";
import { exportSvg } from "../../../src/export/svg";
import { serializeJourney } from "../../../src/format/envelope";
import { parseJourneyFile } from "../../../src/format/parse";
import { parseSvg, unsafeFindings } from "../export/svg-walk";
import { recordFigure } from "./report";
import { scanSvg } from "./svg-scan";

// Paths, not URLs: in jsdom, URL is the DOM's, which node:fs does not take.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/bad");
const manifest = JSON.parse(readFileSync(join(FIXTURES, "manifest.json"), "utf8")) as {
  files: { id: string; file: string; expect: string }[];
};
const opening = manifest.files.filter((entry) => entry.expect !== "refused");

/** A cell a spreadsheet would read as a formula (OWASP: =, +, -, @, tab, carriage return),
 * also after spaces and in full-width forms. */
const TRIGGER = /^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** Reads RFC 4180 CSV (CRLF records, quoted fields may hold anything). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) throw new Error("the last record does not end in CRLF");
  return rows;
}

const counts = {
  files: 0,
  svgExports: 0,
  svgFindings: 0,
  svgStrictReaderFindings: 0,
  svgReopenedUnchanged: 0,
  csvExports: 0,
  csvCells: 0,
  csvTriggerCells: 0,
  jsonReopenedUnchanged: 0,
};

describe("exports of every bad file that opens", () => {
  afterAll(() => {
    recordFigure("exports", "badFiles", counts);
  });

  it("there are some: hostile labels, links, colours, formulas and Unicode among them", () => {
    expect(opening.map((entry) => entry.id)).toEqual(
      expect.arrayContaining(["B24", "B25", "B26", "B27", "B29", "B31"]),
    );
  });

  it.each(opening.map((entry) => [`${entry.id} ${entry.file}`, entry.file] as const))(
    "%s: SVG with nothing executable, CSV with no formula, both open again",
    (_name, file) => {
      const opened = parseJourneyFile(new Uint8Array(readFileSync(join(FIXTURES, file))));
      if (!opened.ok) throw new Error(`${file} does not open: ${opened.error.message}`);
      const { journey, envelope } = opened;
      counts.files++;

      const svg = exportSvg(journey, { envelope });
      counts.svgExports++;
      const findings = unsafeFindings(parseSvg(svg));
      counts.svgFindings += findings.length;
      const strict = scanSvg(svg);
      counts.svgStrictReaderFindings += strict.length;
      const fromSvg = parseJourneyFile(svg);
      if (fromSvg.ok && JSON.stringify(fromSvg.journey) === JSON.stringify(journey))
        counts.svgReopenedUnchanged++;

      const rows = readCsv(exportCsv(journey).replace(/^\uFEFF/, ""));
      counts.csvExports++;
      const triggers: string[] = [];
      for (const row of rows.slice(1)) {
        row.forEach((cell, i) => {
          if (CSV_NUMBER_COLUMNS.has(CSV_COLUMNS[i]!)) return;
          counts.csvCells++;
          if (TRIGGER.test(cell)) triggers.push(cell);
        });
      }
      counts.csvTriggerCells += triggers.length;

      const fromJson = parseJourneyFile(serializeJourney(journey, envelope));
      if (fromJson.ok && JSON.stringify(fromJson.journey) === JSON.stringify(journey))
        counts.jsonReopenedUnchanged++;

      expect(findings).toEqual([]);
      expect(strict).toEqual([]);
      expect(fromSvg.ok && fromSvg.journey).toStrictEqual(journey);
      expect(rows).toHaveLength(journey.steps.length + 1);
      expect(triggers).toEqual([]);
      expect(fromJson.ok && fromJson.journey).toStrictEqual(journey);
    },
  );
});
