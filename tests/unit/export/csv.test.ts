import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import {
  CSV_COLUMNS,
  CSV_NUMBER_COLUMNS,
  csvRows,
  exportCsv,
  numberCell,
  quoteField,
  textCell,
} from "../../../src/export/csv";
import type { Journey } from "../../../src/domain/model";
import { buildBereavementJourney } from "../../../src/domain/samples/bereavement";
import { buildJourney } from "../../helpers/journey-builder";
import { hostileStringArb, journeyArb } from "../../helpers/arbitraries";
import { FIGURES, propertyParams } from "../../helpers/runs";

/** A strict RFC 4180 reader: records end in CRLF, quoted fields may hold anything. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === "") {
      quoted = true;
      i++;
    } else if (c === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (c === '"' || c === "\r" || c === "\n") {
      throw new Error(`unquoted ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== "" || row.length > 0) throw new Error("last record does not end in CRLF");
  return rows;
}

function withoutBom(csv: string): string {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  return csv.slice(1);
}

const TRIGGER = /^[=+\-@\t\r]/;

describe("exportCsv", () => {
  it("writes the exact CSV of a small journey", () => {
    const journey = buildJourney({
      actors: [
        { id: "citizen", type: "citizen", name: "Citizen", shortName: "Citizen" },
        { id: "dwp", name: "Department for Work and Pensions", shortName: "DWP" },
      ],
      lanes: [
        { id: "L2", layer: "frontstage", actorId: "dwp", team: "Jobcentre" },
        { id: "L1", layer: "citizen", actorId: "citizen" },
      ],
      stages: [
        { id: "S1", name: "Apply" },
        { id: "S2", name: "Decide, then pay" },
      ],
      steps: [
        {
          id: "b",
          laneId: "L2",
          stageId: "S1",
          label: 'Check the "proof"',
          channel: "in-person",
          dataItems: ["Passport", "Proof of address"],
          activeMinutes: 20,
          waitingMinutes: 1440,
          emotion: -2,
          failPoint: true,
          notes: "Line one\nLine two",
        },
        { id: "a", laneId: "L1", stageId: "S1", label: '=HYPERLINK("http://x")', tags: ["as-is"] },
        {
          id: "c",
          laneId: "L1",
          stageId: "S2",
          label: "-1",
          painPoints: ["+44 number", "Slow"],
          evidenceStatus: "proposed",
        },
      ],
    });
    const expected =
      "\uFEFF" +
      [
        CSV_COLUMNS.join(","),
        `a,Apply,1,Citizen · Citizen actions,Citizen,,"'=HYPERLINK(""http://x"")",,,,,,,,Observed in research,no,no,,as-is`,
        `b,Apply,1,DWP · Jobcentre · Frontstage,Department for Work and Pensions,In person,"Check the ""proof""",,Passport; Proof of address,,20,1440,,-2,Observed in research,yes,no,"Line one\nLine two",`,
        `c,"Decide, then pay",2,Citizen · Citizen actions,Citizen,,'-1,,,,,,'+44 number; Slow,,Proposed (to-be),no,no,,`,
      ].join("\r\n") +
      "\r\n";
    expect(exportCsv(journey)).toBe(expected);
  });

  it("writes only the header for an empty journey", () => {
    expect(exportCsv(buildJourney())).toBe(`\uFEFF${CSV_COLUMNS.join(",")}\r\n`);
  });

  it("writes one row per step of the bereavement sample, in reading order", () => {
    const journey = buildBereavementJourney();
    const rows = parseCsv(withoutBom(exportCsv(journey)));
    expect(rows).toHaveLength(journey.steps.length + 1);
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(
      new Set(journey.steps.map((s) => s.id)),
    );
    const stageOrders = rows.slice(1).map((r) => Number(r[2]));
    expect(stageOrders).toEqual([...stageOrders].sort((x, y) => x - y));
  });
});

describe("cells", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\r=1", "'\r=1"],
    ["  =1+1", "'  =1+1"],
    ["\n=cmd", "'\n=cmd"],
    ["\uff1d1+1", "'\uff1d1+1"],
    ["\u0000=1", "'=1"],
    ["a=1", "a=1"],
    ["Name", "Name"],
    ["", ""],
  ])("text %j is written as %j", (input, expected) => {
    expect(textCell(input)).toBe(expected);
  });

  it.each([
    [null, ""],
    [0, "0"],
    [-0, "0"],
    [-2, "-2"],
    [90.5, "90.5"],
    [Number.NaN, ""],
    [Infinity, ""],
  ])("number %s is written as %j, left alone", (input, expected) => {
    expect(numberCell(input)).toBe(expected);
  });

  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r", '"cr\r"'],
  ])("field %j is quoted as %j", (input, expected) => {
    expect(quoteField(input)).toBe(expected);
  });
});

/** A valid journey with hostile text in the fields a CSV row is made of. */
const hostileJourneyArb: fc.Arbitrary<Journey> = fc
  .tuple(journeyArb, fc.array(hostileStringArb, { minLength: 8, maxLength: 8 }))
  .map(([journey, [label, description, item, pain, notes, tag, stage, team]]) => ({
    ...journey,
    stages: journey.stages.map((s) => ({ ...s, name: stage! })),
    lanes: journey.lanes.map((l) => ({ ...l, team: team! })),
    steps: journey.steps.map((s) => ({
      ...s,
      label: label!,
      description: description!,
      dataItems: [item!, ...s.dataItems],
      painPoints: [pain!],
      notes: notes!,
      tags: [tag!],
    })),
  }));

describe("properties", () => {
  test.prop([fc.oneof(journeyArb, hostileJourneyArb)], propertyParams(FIGURES.csvSafe))(
    "no text cell starts with a formula trigger; number cells are plain numbers",
    (journey) => {
      const rows = parseCsv(withoutBom(exportCsv(journey)));
      expect(rows).toHaveLength(journey.steps.length + 1);
      for (const row of rows.slice(1)) {
        expect(row).toHaveLength(CSV_COLUMNS.length);
        row.forEach((cell, i) => {
          if (CSV_NUMBER_COLUMNS.has(CSV_COLUMNS[i]!)) {
            expect(cell === "" || Number.isFinite(Number(cell))).toBe(true);
            expect(cell).toMatch(/^(-?\d[\d.e+-]*)?$/);
          } else {
            expect(cell).not.toMatch(TRIGGER);
          }
        });
      }
    },
  );

  test.prop([fc.oneof(journeyArb, hostileJourneyArb)], propertyParams(FIGURES.csvSafe))(
    "quoting round-trips: an RFC 4180 reader gives back every cell as written",
    (journey) => {
      expect(parseCsv(withoutBom(exportCsv(journey)))).toEqual(csvRows(journey));
    },
  );

  test.prop([fc.string({ unit: "binary" })], propertyParams(FIGURES.csvSafe))(
    "a text cell keeps the text after its prefix",
    (value) => {
      const cell = textCell(value);
      // eslint-disable-next-line no-control-regex
      const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
      expect(cell === clean || cell === `'${clean}`).toBe(true);
      expect(cell).not.toMatch(TRIGGER);
      expect(parseCsv(`${quoteField(cell)}\r\n`)).toEqual([[cell]]);
    },
  );
});
