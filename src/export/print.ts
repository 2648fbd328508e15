/**
 * Page maths for printing a blueprint: the whole drawing fitted on one landscape sheet (A4,
 * A3, or an A0 poster), or tiled across sheets at a readable scale, with an overlap so the
 * sheets can be trimmed and taped into a workshop wall. Pure: sizes in, page rectangles out.
 *
 * Pages are given as viewBox rectangles in blueprint units (the units of blueprintLayout and
 * the SVG export) and labelled by row letter and column number, "A1" at the top left, "B3"
 * the second row's third sheet, so a wall is assembled like a map.
 */
import { GRID } from "../domain/layout";

export type Paper = "A4" | "A3" | "A0";
export type PrintMode = "fit" | "tiled";

/** Landscape sheet sizes in millimetres (ISO 216). */
export const PAPER_MM: Readonly<Record<Paper, { width: number; height: number }>> = {
  A4: { width: 297, height: 210 },
  A3: { width: 420, height: 297 },
  A0: { width: 1189, height: 841 },
};

/** Blank border on every side of a sheet, in millimetres: most printers cannot print there. */
export const PRINT_MARGIN_MM = 10;

/** On a tiled wall each card is printed this wide, in millimetres: readable at arm's length. */
export const READABLE_CARD_WIDTH_MM = 40;

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PrintPage {
  /** Row letter and column number: "A1", "B3", … "AA1" after "Z". */
  label: string;
  /** 0-based, top to bottom. */
  row: number;
  /** 0-based, left to right. */
  column: number;
  /** The part of the blueprint this sheet shows, in blueprint units. */
  viewBox: ViewBox;
}

export interface PrintPlan {
  paper: Paper;
  mode: PrintMode;
  orientation: "landscape";
  pageWidthMm: number;
  pageHeightMm: number;
  marginMm: number;
  /** The printable area of a sheet, inside the margins. */
  printableWidthMm: number;
  printableHeightMm: number;
  /** Millimetres on paper per blueprint unit. */
  mmPerUnit: number;
  /** How far neighbouring sheets repeat each other, in millimetres (0 when fitted). */
  overlapMm: number;
  rows: number;
  columns: number;
  /** Row by row, left to right. */
  pages: PrintPage[];
}

/** "A" for 0, "Z" for 25, "AA" for 26: a spreadsheet-style row letter. */
export function rowLetter(index: number): string {
  let n = Math.max(0, Math.floor(index));
  let out = "";
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

function positive(value: number): number {
  return Number.isFinite(value) && value > 1 ? value : 1;
}

/** How many sheets of a printable length cover a length, each repeating `overlap` of the last. */
function sheetsAlong(lengthMm: number, printableMm: number, overlapMm: number): number {
  if (lengthMm <= printableMm) return 1;
  return Math.ceil((lengthMm - overlapMm) / (printableMm - overlapMm) - 1e-9);
}

/**
 * Lays a blueprint of the given size (blueprint units) out on landscape sheets.
 * - "fit": one sheet, the whole drawing as large as fits, centred.
 * - "tiled": cards printed READABLE_CARD_WIDTH_MM wide, across as many sheets as that needs,
 *   neighbours overlapping by `overlapMm` (kept between 0 and half a sheet).
 */
export function printPages(
  layoutWidth: number,
  layoutHeight: number,
  paper: Paper,
  mode: PrintMode,
  overlapMm = 10,
): PrintPlan {
  const width = positive(layoutWidth);
  const height = positive(layoutHeight);
  const sheet = PAPER_MM[paper];
  const printW = sheet.width - 2 * PRINT_MARGIN_MM;
  const printH = sheet.height - 2 * PRINT_MARGIN_MM;
  const base = {
    paper,
    mode,
    orientation: "landscape" as const,
    pageWidthMm: sheet.width,
    pageHeightMm: sheet.height,
    marginMm: PRINT_MARGIN_MM,
    printableWidthMm: printW,
    printableHeightMm: printH,
  };

  if (mode === "fit") {
    // The drawing fills the sheet along one side exactly; the other side gets equal margins.
    const byWidth = printW / width <= printH / height;
    const mmPerUnit = byWidth ? printW / width : printH / height;
    const viewW = byWidth ? width : printW / mmPerUnit;
    const viewH = byWidth ? printH / mmPerUnit : height;
    const viewBox = {
      x: (width - viewW) / 2,
      y: (height - viewH) / 2,
      width: viewW,
      height: viewH,
    };
    return {
      ...base,
      mmPerUnit,
      overlapMm: 0,
      rows: 1,
      columns: 1,
      pages: [{ label: "A1", row: 0, column: 0, viewBox }],
    };
  }

  const overlap = Number.isFinite(overlapMm)
    ? Math.min(Math.max(overlapMm, 0), Math.min(printW, printH) / 2)
    : 0;
  const mmPerUnit = READABLE_CARD_WIDTH_MM / GRID.cardWidth;
  const columns = sheetsAlong(width * mmPerUnit, printW, overlap);
  const rows = sheetsAlong(height * mmPerUnit, printH, overlap);
  const pages: PrintPage[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      pages.push({
        label: `${rowLetter(row)}${column + 1}`,
        row,
        column,
        viewBox: {
          x: (column * (printW - overlap)) / mmPerUnit,
          y: (row * (printH - overlap)) / mmPerUnit,
          width: printW / mmPerUnit,
          height: printH / mmPerUnit,
        },
      });
    }
  }
  return { ...base, mmPerUnit, overlapMm: overlap, rows, columns, pages };
}
