import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { propertyParams } from "../../helpers/runs";
import {
  PAPER_MM,
  PRINT_MARGIN_MM,
  READABLE_CARD_WIDTH_MM,
  printPages,
  rowLetter,
  type Paper,
} from "../../../src/export/print";
import { GRID } from "../../../src/domain/layout";

const close = (n: number) => Math.round(n * 1000) / 1000;

describe("rowLetter", () => {
  it.each([
    [0, "A"],
    [1, "B"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("row %i is %s", (index, letter) => {
    expect(rowLetter(index)).toBe(letter);
  });
});

describe("printPages: fit", () => {
  it.each([
    // paper, layout width × height, mm per unit, viewBox
    ["A4", 2000, 1000, 277 / 2000, { x: 0, y: -185.921, width: 2000, height: 1371.841 }],
    ["A4", 1000, 1000, 0.19, { x: -228.947, y: 0, width: 1457.895, height: 1000 }],
    ["A3", 4000, 1500, 400 / 4000, { x: 0, y: -635, width: 4000, height: 2770 }],
    ["A0", 6000, 3000, 1169 / 6000, { x: 0, y: -606.929, width: 6000, height: 4213.858 }],
  ] as const)("%s, %i × %i", (paper, width, height, mmPerUnit, viewBox) => {
    const plan = printPages(width, height, paper, "fit");
    expect(plan.orientation).toBe("landscape");
    expect(plan.pageWidthMm).toBe(PAPER_MM[paper].width);
    expect(plan.pageHeightMm).toBe(PAPER_MM[paper].height);
    expect(close(plan.mmPerUnit)).toBe(close(mmPerUnit));
    expect(plan.rows * plan.columns).toBe(1);
    expect(plan.overlapMm).toBe(0);
    const page = plan.pages[0]!;
    expect(page.label).toBe("A1");
    expect({
      x: close(page.viewBox.x),
      y: close(page.viewBox.y),
      width: close(page.viewBox.width),
      height: close(page.viewBox.height),
    }).toEqual(viewBox);
  });
});

describe("printPages: tiled", () => {
  it("prints cards at a readable width", () => {
    const plan = printPages(2000, 1000, "A4", "tiled");
    expect(GRID.cardWidth * plan.mmPerUnit).toBe(READABLE_CARD_WIDTH_MM);
  });

  it.each([
    // layout width × height, overlap, columns, rows
    [2000, 1000, 10, 2, 2],
    [1385, 950, 10, 1, 1],
    [1386, 950, 10, 2, 1],
    [1386, 951, 10, 2, 2],
    [2000, 1000, 0, 2, 2],
    [2720, 950, 10, 2, 1],
    [2721, 950, 10, 3, 1],
    [10_000, 4000, 10, 8, 5],
  ])(
    "%i × %i with %i mm overlap takes %i × %i A4 sheets",
    (width, height, overlap, columns, rows) => {
      const plan = printPages(width, height, "A4", "tiled", overlap);
      expect(plan.columns).toBe(columns);
      expect(plan.rows).toBe(rows);
      expect(plan.pages).toHaveLength(columns * rows);
    },
  );

  it("labels sheets by row letter and column number, row by row", () => {
    const plan = printPages(2000, 1000, "A4", "tiled");
    expect(plan.pages.map((p) => p.label)).toEqual(["A1", "A2", "B1", "B2"]);
    expect(plan.pages[3]).toEqual({
      label: "B2",
      row: 1,
      column: 1,
      viewBox: { x: 267 / 0.2, y: 180 / 0.2, width: 277 / 0.2, height: 190 / 0.2 },
    });
  });

  it.each([
    [-5, 0],
    [Number.NaN, 0],
    [500, 95],
  ])("keeps an overlap of %s mm between 0 and half a sheet (%s mm)", (overlap, kept) => {
    expect(printPages(2000, 1000, "A4", "tiled", overlap).overlapMm).toBe(kept);
  });

  it.each([
    [0, 0],
    [-100, Number.NaN],
    [Infinity, 5],
  ])("treats a size of %s × %s as the smallest drawing", (width, height) => {
    const plan = printPages(width, height, "A3", "tiled");
    expect(plan.pages).toHaveLength(1);
    expect(Number.isFinite(plan.pages[0]!.viewBox.width)).toBe(true);
  });
});

describe("printPages: properties", () => {
  const paperArb = fc.constantFrom<Paper>("A4", "A3", "A0");
  test.prop(
    [
      fc.integer({ min: 1, max: 60_000 }),
      fc.integer({ min: 1, max: 20_000 }),
      paperArb,
      fc.integer({ min: 0, max: 40 }),
    ],
    propertyParams(null, 100),
  )(
    "tiled sheets cover the whole drawing, neighbours sharing exactly the overlap",
    (width, height, paper, overlap) => {
      const plan = printPages(width, height, paper, "tiled", overlap);
      const printW = PAPER_MM[paper].width - 2 * PRINT_MARGIN_MM;
      const step = (printW - plan.overlapMm) / plan.mmPerUnit;
      const last = plan.pages[plan.pages.length - 1]!.viewBox;
      expect(last.x + last.width).toBeGreaterThanOrEqual(width - 1e-6);
      expect(last.y + last.height).toBeGreaterThanOrEqual(height - 1e-6);
      for (const page of plan.pages) {
        expect(page.viewBox.x).toBeCloseTo(page.column * step, 6);
        expect(page.viewBox.width * plan.mmPerUnit).toBeCloseTo(printW, 6);
      }
      // One sheet fewer in either direction would leave part of the drawing off the wall.
      if (plan.columns > 1)
        expect((plan.columns - 2) * step + printW / plan.mmPerUnit).toBeLessThan(width);
    },
  );

  test.prop(
    [fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 1, max: 20_000 }), paperArb],
    propertyParams(null, 100),
  )(
    "a fitted page shows the whole drawing with the sheet's proportions",
    (width, height, paper) => {
      const plan = printPages(width, height, paper, "fit");
      const { viewBox } = plan.pages[0]!;
      expect(viewBox.x).toBeLessThanOrEqual(0);
      expect(viewBox.y).toBeLessThanOrEqual(0);
      expect(viewBox.x + viewBox.width).toBeGreaterThanOrEqual(width - 1e-6);
      expect(viewBox.y + viewBox.height).toBeGreaterThanOrEqual(height - 1e-6);
      expect(viewBox.width / viewBox.height).toBeCloseTo(
        plan.printableWidthMm / plan.printableHeightMm,
        6,
      );
    },
  );
});
