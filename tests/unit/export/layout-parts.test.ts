import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { propertyParams } from "../../helpers/runs";
import { charWidth, textWidth, truncateToWidth, wrapText } from "../../../src/export/text-measure";
import { pathData } from "../../../src/export/svg-flows";
import { formatDate } from "../../../src/export/svg-legend";
import { duplicateColour, safeColour } from "../../../src/export/svg-theme";

const LABEL = { size: 13, bold: true } as const;

describe("text measure", () => {
  it.each([
    ["Arial widths for ASCII", "i", false, 222],
    ["bold is wider", "a", true, 556],
    ["capital W", "W", false, 944],
    ["a combining mark takes no room", "\u0301", false, 0],
    ["a bidi override takes no room", "\u202e", false, 0],
    ["CJK is a full em", "死", false, 1000],
    ["emoji is a full em", "😀", false, 1000],
    ["other letters are typical", "é", false, 600],
  ])("%s", (_name, ch, bold, width) => {
    expect(charWidth(ch.codePointAt(0)!, bold)).toBe(width);
  });

  it("measures a line at a font size", () => {
    expect(textWidth("Hello", 10)).toBeCloseTo((722 + 556 + 222 + 222 + 556) / 100);
  });

  it("truncates with an ellipsis only when the text does not fit", () => {
    expect(truncateToWidth("DWP", 100, LABEL)).toBe("DWP");
    const cut = truncateToWidth("Department for Work and Pensions", 100, LABEL);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 13, true)).toBeLessThanOrEqual(100);
  });

  it.each([
    ["short text stays on one line", "Book an appointment", ["Book an appointment"]],
    [
      "wraps at spaces",
      "Register the death with the registrar in person",
      ["Register the death with the", "registrar in person"],
    ],
    ["line breaks are spaces", "Line\none", ["Line one"]],
    ["empty text has no lines", "  ", []],
  ])("%s", (_name, text, lines) => {
    expect(wrapText(text, 184, LABEL, 3)).toEqual(lines);
  });

  it("breaks a word wider than a line", () => {
    const lines = wrapText("x".repeat(40), 184, LABEL, 3);
    expect(lines.length).toBe(2);
    expect(lines.join("")).toBe("x".repeat(40));
  });

  test.prop(
    [fc.string({ unit: "binary", maxLength: 300 }), fc.integer({ min: 1, max: 4 })],
    propertyParams(null, 100),
  )(
    "wrapped lines fit, never exceed the line count, and keep the text in order",
    (text, maxLines) => {
      const lines = wrapText(text, 184, LABEL, maxLines);
      expect(lines.length).toBeLessThanOrEqual(maxLines);
      for (const line of lines) {
        expect(textWidth(line, 13, true)).toBeLessThanOrEqual(184 + 13);
        expect(line).not.toMatch(/[\ud800-\udbff]$/);
      }
      const words = text.split(/\s+/).join("");
      const shown = lines.join("").replace(/\s+/g, "");
      if (!lines.some((l) => l.endsWith("…"))) expect(shown).toBe(words);
      else expect(words.startsWith(shown.slice(0, -1))).toBe(true);
    },
  );
});

describe("pathData", () => {
  it("writes a route as absolute moves and lines, rounded to hundredths", () => {
    expect(
      pathData([
        [408, 110],
        [417.123, 110],
        [417.123, 242],
        [467, 242],
      ]),
    ).toBe("M408 110 L417.12 110 L417.12 242 L467 242");
  });
});

describe("theme helpers", () => {
  it.each([
    ["#4C9F70", "#4c9f70"],
    ["red;background:url(//evil)", "#888888"],
    ['"><script>', "#888888"],
    ["#abc", "#888888"],
    [undefined, "#888888"],
  ])("safeColour(%j) is %s", (colour, expected) => {
    expect(safeColour(colour)).toBe(expected);
  });

  it("cycles duplicate colours and survives odd cluster numbers", () => {
    expect(duplicateColour(0)).toBe(duplicateColour(6));
    expect(duplicateColour(-1)).toBe(duplicateColour(5));
    expect(duplicateColour(Number.NaN)).toBe(duplicateColour(0));
  });

  it.each([
    ["2025-04-14T16:30:00.000Z", "14 April 2025"],
    ["2024-02-29", "29 February 2024"],
    ["not a date", ""],
    ["2025-13-01T00:00:00Z", ""],
  ])("formatDate(%j) is %j", (iso, text) => {
    expect(formatDate(iso)).toBe(text);
  });
});
