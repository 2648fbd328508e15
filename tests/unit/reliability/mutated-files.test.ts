/**
 * Generated bad files: the hand-written fixtures, a valid journey file and a Seams SVG, each
 * damaged by one to three random edits: member values replaced by hostile ones, members
 * added, and at the byte level cuts, deletions, repeated spans, stray bytes, and snippets
 * that attack the parser (`__proto__` keys, deep brackets, huge numbers, NUL, lone
 * surrogates, SVG metadata tags and entities). Every one must be refused with a
 * known kind or opened as a valid journey, never throw, never pollute a prototype, and open
 * the same again when its journey is restored. Outcomes are counted in
 * reports/reliability.json.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { afterAll, describe, expect } from "vitest";
import { exportSvg } from "../../../src/export/svg";
import { describeImportError } from "../../../src/format/errors";
import { journeySchema } from "../../../src/format/journey-schema";
import { parseJourneyFile } from "../../../src/format/parse";
import { restoreJourney } from "../../../src/format/restore";
import { FIGURES, propertyParams } from "../../helpers/runs";
import { recordFigure } from "./report";

const FIXTURES = new URL("../../fixtures/bad/", import.meta.url);
const VALID = readFileSync(new URL("../../fixtures/format/v1-minimal.seams.json", import.meta.url));

const KINDS = new Set([
  "empty",
  "too-large",
  "not-json",
  "not-a-journey-file",
  "newer-version",
  "too-deep",
  "invalid",
]);

function validSvg(): Uint8Array {
  const opened = parseJourneyFile(new Uint8Array(VALID));
  if (!opened.ok) throw new Error("the valid fixture does not open");
  return new TextEncoder().encode(exportSvg(opened.journey, { envelope: opened.envelope }));
}

/** The files damaged below: every hand-written bad file, a valid file and a Seams SVG. */
const SEEDS: Uint8Array[] = [
  new Uint8Array(VALID),
  validSvg(),
  ...readdirSync(FIXTURES)
    .filter((name) => name !== "manifest.json" && name !== "README.md")
    .sort()
    .map((name) => new Uint8Array(readFileSync(new URL(name, FIXTURES)))),
];

/** Text that attacks a JSON or SVG reader, spliced in at random places. */
const SNIPPETS = [
  '"__proto__":{"polluted":true},',
  '{"__proto__":{"polluted":true}}',
  '"constructor":{"prototype":{"polluted":true}},',
  '"id":"__proto__",',
  '"id":"toString",',
  "[".repeat(70),
  "]".repeat(70),
  '{"a":'.repeat(70),
  "1e400",
  "-1e400",
  "-0",
  "NaN",
  "\u0000",
  "\\u0000",
  "\\ud800",
  "\\udfff\\ud800",
  "\uFEFF",
  "\u202E",
  '"',
  "\\",
  ",",
  "}",
  "{",
  ":",
  "null",
  '""',
  '"\\u00"',
  "</text><script>alert(1)</script>",
  "javascript:alert(1)",
  "=HYPERLINK(1)",
  '<metadata id="seams-journey">',
  "</metadata>",
  "<![CDATA[",
  "]]>",
  "&quot;",
  "&#0;",
  "&#xD800;",
  "&#x7b;",
  "&lt;",
  "<!--",
  "-->",
  '"formatVersion":999,',
  '"formatVersion":0,',
  '"format":"excalidraw",',
].map((text) => new TextEncoder().encode(text));

/** Members spliced in right after an object's opening brace, so the JSON stays readable. */
const MEMBERS = [
  '"__proto__":{"polluted":true,"label":"x"},',
  '"constructor":{"prototype":{"polluted":true}},',
  '"prototype":[],',
  '"id":"__proto__",',
  '"id":"hasOwnProperty",',
  '"extra":' + "[".repeat(70) + "]".repeat(70) + ",",
  '"order":1e400,',
  '"label":"</text><script>alert(1)</script>",',
  '"colour":"red;background:url(//evil)",',
  '"formatVersion":2,',
].map((text) => new TextEncoder().encode(text));

/** JSON values put in place of a member's value. */
const VALUES = [
  "1e400",
  "-1e400",
  "-0",
  "1e9",
  "-1",
  "0.5",
  "null",
  "true",
  "{}",
  "[]",
  '""',
  '"\\u0000x"',
  '"\\ud800"',
  '"__proto__"',
  '"toString"',
  '"#zzz"',
  '"=1+1"',
  '"javascript:alert(1)"',
  '"</text><script>alert(1)</script>"',
  '{"__proto__":{"polluted":true}}',
  '["x","__proto__",null]',
  "[".repeat(70) + "]".repeat(70),
  '"' + "x".repeat(600) + '"',
].map((text) => new TextEncoder().encode(text));

type Edit =
  | { op: "cut"; at: number }
  | { op: "delete"; at: number; length: number }
  | { op: "repeat"; at: number; length: number; to: number }
  | { op: "byte"; at: number; value: number }
  | { op: "snippet"; at: number; snippet: number }
  | { op: "member"; at: number; member: number }
  | { op: "value"; at: number; value: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant("cut" as const), at: position }) },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant("member" as const),
      at: position,
      member: fc.nat({ max: MEMBERS.length - 1 }),
    }),
  },
  {
    weight: 12,
    arbitrary: fc.record({
      op: fc.constant("value" as const),
      at: position,
      value: fc.nat({ max: VALUES.length - 1 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("delete" as const),
      at: position,
      length: fc.integer({ min: 1, max: 64 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("repeat" as const),
      at: position,
      length: fc.integer({ min: 1, max: 200 }),
      to: position,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("byte" as const),
      at: position,
      value: fc.integer({ min: 0, max: 255 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("snippet" as const),
      at: position,
      snippet: fc.nat({ max: SNIPPETS.length - 1 }),
    }),
  },
) as fc.Arbitrary<Edit>;

const splice = (bytes: Uint8Array, at: number, remove: number, insert: Uint8Array) => {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
};

/** Applies one edit; positions are fractions of the current length. */
function applyEdit(bytes: Uint8Array, edit: Edit): Uint8Array {
  const at = Math.floor(edit.at * bytes.length);
  switch (edit.op) {
    case "cut":
      return bytes.slice(0, at);
    case "delete":
      return splice(bytes, at, Math.min(edit.length, bytes.length - at), new Uint8Array(0));
    case "repeat": {
      const span = bytes.slice(at, at + edit.length);
      return splice(bytes, Math.floor(edit.to * bytes.length), 0, span);
    }
    case "byte":
      return at < bytes.length ? splice(bytes, at, 1, Uint8Array.of(edit.value)) : bytes;
    case "snippet":
      return splice(bytes, at, 0, SNIPPETS[edit.snippet]!);
    case "member": {
      const brace = bytes.indexOf(BRACE, at);
      return brace === -1 ? bytes : splice(bytes, brace + 1, 0, MEMBERS[edit.member]!);
    }
    case "value": {
      const value = valueAfter(bytes, at);
      return value
        ? splice(bytes, value.start, value.end - value.start, VALUES[edit.value]!)
        : bytes;
    }
  }
}

const BRACE = 0x7b;
const COLON = 0x3a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The span of the first member value after `at` (from the colon to its end: a string, or
 * up to the next `,` `}` `]` or line break), or null. Good enough for the files here. */
function valueAfter(bytes: Uint8Array, at: number): { start: number; end: number } | null {
  const colon = bytes.indexOf(COLON, at);
  if (colon === -1) return null;
  let start = colon + 1;
  while (bytes[start] === 0x20) start++;
  if (start >= bytes.length) return null;
  let end = start;
  if (bytes[start] === QUOTE) {
    end = start + 1;
    while (end < bytes.length && bytes[end] !== QUOTE) end += bytes[end] === BACKSLASH ? 2 : 1;
    return { start, end: Math.min(end + 1, bytes.length) };
  }
  if (bytes[start] === BRACE || bytes[start] === 0x5b) return null;
  while (end < bytes.length && ![0x2c, 0x7d, 0x5d, 0x0a, 0x26].includes(bytes[end]!)) end++;
  return { start, end };
}

/** A seed: mostly the valid file and the SVG (damage there reaches restore), else a fixture. */
const seedArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(0, 1) },
  { weight: 1, arbitrary: fc.nat({ max: SEEDS.length - 1 }) },
);

export const damagedFileArb: fc.Arbitrary<Uint8Array> = fc
  .tuple(seedArb, fc.array(editArb, { minLength: 1, maxLength: 3 }))
  .map(([seed, edits]) => edits.reduce(applyEdit, SEEDS[seed]!));

const tally = {
  files: 0,
  refused: 0,
  refusedByKind: {} as Record<string, number>,
  repaired: 0,
  accepted: 0,
  exceptions: 0,
  pollution: 0,
};

function polluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    probe.polluted !== undefined ||
    Object.getOwnPropertyNames(Object.prototype).includes("polluted") ||
    Object.getOwnPropertyNames(Array.prototype).includes("polluted")
  );
}

describe("damaged files", () => {
  afterAll(() => {
    recordFigure("badFiles", "mutated", { ...tally, seeds: SEEDS.length });
  });

  test.prop([damagedFileArb], propertyParams(FIGURES.importTotal))(
    "are refused with a known kind or open as a valid journey that restores to itself",
    (bytes) => {
      tally.files++;
      let result: ReturnType<typeof parseJourneyFile>;
      try {
        result = parseJourneyFile(bytes);
      } catch (error) {
        tally.exceptions++;
        throw error;
      }
      const pollution = polluted();
      if (pollution) tally.pollution++;
      expect(pollution).toBe(false);
      if (!result.ok) {
        tally.refused++;
        tally.refusedByKind[result.error.kind] = (tally.refusedByKind[result.error.kind] ?? 0) + 1;
        expect(KINDS.has(result.error.kind)).toBe(true);
        expect(describeImportError(result.error)).toMatch(/\S/);
        return;
      }
      if (result.report.length > 0) tally.repaired++;
      else tally.accepted++;
      expect(journeySchema.safeParse(result.journey).success).toBe(true);
      const again = restoreJourney(result.journey);
      expect(again.ok && again.report).toEqual([]);
      expect(again.ok && again.journey).toStrictEqual(result.journey);
    },
  );
});
