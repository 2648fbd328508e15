/**
 * Turning the open journey into files: the journey file (with the id of the version it was
 * taken from), the SVG drawing, a PNG rendered from that drawing, and the CSV of steps.
 *
 * The base version. A file carries `baseVersionId` so that, when a changed copy comes back
 * from another team, Seams can find the version both copies started from and merge three ways.
 * The base must hold exactly what was exported, so exporting keeps the journey as a named
 * version ("Exported as <file>") unless the latest named version already holds the same
 * journey, and records that version's id. Where versions cannot be kept (storage unavailable
 * or read-only), the id is the journey's revision, `rev:<updatedAt>`: it names the state that
 * was exported, but no stored version matches it, so such a file merges two ways.
 */
import { highlightsNow } from "../../analysis/useHighlights";
import { diffJourneys } from "../../domain/merge/diff";
import type { Journey } from "../../domain/model";
import type { SvgHighlights } from "../../export/svg";
import type { Overlays } from "../../store/store";
import type { LibraryBackend } from "../../store/library";

/** The analysis marks to draw in an export: those the canvas shows, as the overlay switches
 * say (a hidden kind of mark is left out of the drawing too). */
export function exportHighlights(journey: Journey, overlays: Overlays): SvgHighlights {
  return highlightsNow(journey, overlays);
}

/** The revision id of a journey that could not be kept as a version. */
export function revisionId(journey: Journey): string {
  return `rev:${journey.updatedAt}`.slice(0, 80);
}

/** The version id to record in an exported file: see the module comment. */
export async function baseVersionFor(journey: Journey, backend: LibraryBackend | null, fileName: string): Promise<string> {
  if (!backend) return revisionId(journey);
  try {
    const [latest] = await backend.listVersions(journey.id);
    if (latest) {
      const kept = await backend.loadVersion(latest.id);
      if (kept && diffJourneys(kept, journey).length === 0) return latest.id;
    }
    await backend.takeVersion(journey, `Exported as ${fileName}`);
    const [taken] = await backend.listVersions(journey.id);
    return taken?.id ?? revisionId(journey);
  } catch {
    return revisionId(journey);
  }
}

/** The width and height an SVG document declares on its root element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const read = (name: string) => {
    const value = new RegExp(`\\s${name}="([0-9.]+)"`).exec(root)?.[1];
    const n = value === undefined ? NaN : Number(value);
    return Number.isFinite(n) && n > 0 ? n : 1;
  };
  return { width: read("width"), height: read("height") };
}

/** The largest canvas side and area Chromium, Firefox and Safari all draw. */
const MAX_SIDE = 16_384;
const MAX_AREA = 120_000_000;

/** The scale a PNG can be made at: the one asked for, or less when the image would be larger
 * than browsers can draw. */
export function pngScale(width: number, height: number, wanted: number): number {
  const bySide = MAX_SIDE / Math.max(width, height);
  const byArea = Math.sqrt(MAX_AREA / (width * height));
  return Math.max(0.1, Math.min(wanted, bySide, byArea));
}

/**
 * Renders an SVG document to a PNG: the SVG is drawn into an image, the image onto a canvas
 * of the chosen scale (on white), and the canvas is encoded. Returns the scale used.
 */
export async function renderPng(svg: string, wantedScale: number): Promise<{ blob: Blob; scale: number }> {
  const { width, height } = svgSize(svg);
  const scale = pngScale(width, height, wantedScale);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This browser cannot draw images.");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("The image was too large for this browser to make.");
    return { blob, scale };
  } finally {
    URL.revokeObjectURL(url);
  }
}
