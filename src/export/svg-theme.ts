/**
 * The visual language of the exported drawing, kept in step with the canvas (canvas.css):
 * owner colour strip on each card, citizen cards pale yellow, handoffs blue (direct), red and
 * thick (citizen-carried) or grey dashed (internal), black dashed layer lines, black stage
 * headers. Everything is a presentation attribute, so renderers without CSS draw it too.
 */
import {
  DUPLICATE_COLOURS,
  type CanvasHighlights,
  type HandoffKind,
} from "../domain/analysis/highlights";
import { cleanXmlText, el, type XmlElement } from "./xml";

/** A generic font stack every renderer knows (Inkscape, rsvg, PowerPoint, browsers). */
export const FONT_FAMILY = "Arial, Helvetica, sans-serif";

export type { HandoffKind };
/** What the analysis marks in the drawing: what the canvas shows, so the app passes its own. */
export type SvgHighlights = CanvasHighlights;
/** Colours of duplicate clusters, by cluster number (the canvas's list). */
export { DUPLICATE_COLOURS };

export function duplicateColour(cluster: number): string {
  const n = DUPLICATE_COLOURS.length;
  const i = Number.isInteger(cluster) ? ((cluster % n) + n) % n : 0;
  return DUPLICATE_COLOURS[i]!;
}

export const INK = "#0b0c0c";
export const MUTED = "#505a5f";
export const RULE = "#dfe3e8";
export const STAGE_RULE = "#c9d0d6";
export const CARD_BORDER = "#b1b4b6";
export const CITIZEN_CARD = "#fffbe6";
export const BAND_ODD = "#f6f8fa";
export const STAGE_NUMBER = "#ffdd00";
export const FALLBACK_OWNER = "#888888";

export interface LineStyle {
  stroke: string;
  width: number;
  dash: string | null;
}

export type FlowStyleKey = "plain" | HandoffKind;

export const FLOW_STYLES: Readonly<Record<FlowStyleKey, LineStyle>> = {
  plain: { stroke: "#5b6670", width: 1.6, dash: null },
  direct: { stroke: "#1d70b8", width: 2.5, dash: null },
  "citizen-carried": { stroke: "#d4351c", width: 4, dash: null },
  internal: { stroke: "#6f777b", width: 2, dash: "7 4" },
};

/** Dash of a data share: information passed between organisations with no citizen action. */
export const DATA_SHARE_DASH = "2 4";

export interface MarkStyle {
  fill: string;
  ink: string;
}

export const MARK_STYLES = {
  repeated: { fill: "#fcd6c3", ink: "#6b1d00" },
  fail: { fill: "#d4351c", ink: "#ffffff" },
  wait: { fill: MUTED, ink: "#ffffff" },
  pain: { fill: "#fff2c4", ink: "#594d00" },
} as const satisfies Record<string, MarkStyle>;

const HEX = /^#[0-9a-f]{6}$/i;

/** A colour from the journey, if it is a plain #rrggbb; otherwise the fallback. The journey
 * model allows nothing else, but the drawing never trusts a colour it did not choose. */
export function safeColour(colour: unknown, fallback = FALLBACK_OWNER): string {
  return typeof colour === "string" && HEX.test(colour) ? colour.toLowerCase() : fallback;
}

/** Text as the drawing shows it: characters XML forbids removed, then whitespace (line breaks
 * included) collapsed to single spaces, since SVG text would drop line breaks and run words
 * together. */
export function displayText(text: string): string {
  return cleanXmlText(text).replace(/\s+/g, " ").trim();
}

/** A line of text in the drawing's font and ink. */
export function svgText(
  x: number,
  y: number,
  size: number,
  content: string,
  extra: Record<string, string> = {},
): XmlElement {
  return el(
    "text",
    { x, y, "font-family": FONT_FAMILY, "font-size": size, fill: INK, ...extra },
    content,
  );
}
