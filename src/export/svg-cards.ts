/**
 * Step cards in the exported drawing, drawn like the canvas: the owner's colour strip on top,
 * owner and channel, the label wrapped to three lines, and a row of marks (information asked
 * again, duplicate cluster, fail point, wait point, pain points).
 */
import type { StepBox } from "../domain/layout";
import { CHANNEL_LABELS, type Step } from "../domain/model";
import { el, type XmlElement } from "./xml";
import {
  CARD_BORDER,
  CITIZEN_CARD,
  FONT_FAMILY,
  INK,
  MARK_STYLES,
  MUTED,
  svgText,
  displayText,
  duplicateColour,
  type MarkStyle,
} from "./svg-theme";
import { textWidth, truncateToWidth, wrapText } from "./text-measure";

export interface CardInfo {
  step: Step;
  /** The owner's short name. */
  owner: string;
  /** The owner's colour, already checked. */
  colour: string;
  isCitizen: boolean;
  duplicate: { cluster: number; key: string } | null;
  repeated: readonly string[];
}

const PAD_X = 8;
const STRIP = 5;
const OWNER_FONT = { size: 11, bold: true } as const;
const CHANNEL_FONT = { size: 11 } as const;
export const LABEL_FONT = { size: 13, bold: true } as const;
export const LABEL_LINE_HEIGHT = 16;
export const LABEL_MAX_LINES = 3;
const MARK_FONT = { size: 11, bold: true } as const;
const MARK_HEIGHT = 15;
const MARK_GAP = 4;

export interface Mark {
  text: string;
  style: MarkStyle;
}

/** The marks a card carries, in the canvas's order. */
export function cardMarks(info: CardInfo): Mark[] {
  const { step, duplicate, repeated } = info;
  const marks: Mark[] = [];
  if (repeated.length > 0)
    marks.push({ text: `${repeated.length} again`, style: MARK_STYLES.repeated });
  if (duplicate) {
    const fill = duplicateColour(duplicate.cluster);
    marks.push({ text: `D${duplicate.cluster + 1}`, style: { fill, ink: "#ffffff" } });
  }
  if (step.failPoint) marks.push({ text: "F", style: MARK_STYLES.fail });
  if (step.waitPoint) marks.push({ text: "W", style: MARK_STYLES.wait });
  if (step.painPoints.length > 0) {
    marks.push({ text: `Pain ${step.painPoints.length}`, style: MARK_STYLES.pain });
  }
  return marks;
}

/** A mark: bold text on a small rounded badge, its left edge at x and its baseline at y. */
export function drawMark(
  mark: Mark,
  x: number,
  baseline: number,
): { node: XmlElement; width: number } {
  const width = textWidth(mark.text, MARK_FONT.size, true) + 8;
  const node = el(
    "g",
    {},
    el("rect", {
      x,
      y: baseline - 11,
      width,
      height: MARK_HEIGHT,
      rx: 3,
      fill: mark.style.fill,
    }),
    el(
      "text",
      {
        x: x + 4,
        y: baseline,
        "font-family": FONT_FAMILY,
        "font-size": MARK_FONT.size,
        "font-weight": "bold",
        fill: mark.style.ink,
      },
      mark.text,
    ),
  );
  return { node, width };
}

/** The top strip in the owner's colour, following the card's rounded corners. */
function ownerStrip(x: number, y: number, w: number, colour: string): XmlElement {
  const r = STRIP;
  return el("path", {
    d: `M${x} ${y + STRIP} Q${x} ${y} ${x + r} ${y} H${x + w - r} Q${x + w} ${y} ${x + w} ${y + STRIP} Z`,
    fill: colour,
  });
}

/** One step card at its place in the grid. */
export function drawCard(box: StepBox, info: CardInfo): XmlElement {
  const { step } = info;
  const { x, y, width: w, height: h } = box;
  const inner = w - PAD_X * 2;
  const label = displayText(step.label);
  const description = displayText(step.description);
  const dupColour = info.duplicate ? duplicateColour(info.duplicate.cluster) : null;

  const channel = step.channel ? CHANNEL_LABELS[step.channel] : "";
  const channelWidth = channel ? textWidth(channel, CHANNEL_FONT.size) + 6 : 0;
  const owner = truncateToWidth(displayText(info.owner), inner - channelWidth, OWNER_FONT);

  const lines = wrapText(label, inner, LABEL_FONT, LABEL_MAX_LINES);
  const labelTop = y + STRIP + 33;
  const labelText = el(
    "text",
    {
      x: x + PAD_X,
      y: labelTop,
      "font-family": FONT_FAMILY,
      "font-size": LABEL_FONT.size,
      "font-weight": "bold",
      fill: INK,
    },
    ...lines.map((line, i) =>
      el("tspan", { x: x + PAD_X, y: labelTop + i * LABEL_LINE_HEIGHT }, line),
    ),
  );

  return el(
    "g",
    { "data-kind": "step" },
    el("title", {}, label),
    description ? el("desc", {}, description) : null,
    el("rect", {
      x,
      y,
      width: w,
      height: h,
      rx: 6,
      fill: info.isCitizen ? CITIZEN_CARD : "#ffffff",
      stroke: dupColour ?? CARD_BORDER,
      "stroke-width": dupColour ? 2 : 1,
      "stroke-dasharray": step.evidenceStatus === "proposed" ? "5 3" : null,
    }),
    ownerStrip(x, y, w, info.colour),
    svgText(x + PAD_X, y + STRIP + 14, OWNER_FONT.size, owner, { "font-weight": "bold" }),
    channel
      ? svgText(x + w - PAD_X, y + STRIP + 14, CHANNEL_FONT.size, channel, {
          "text-anchor": "end",
          fill: MUTED,
        })
      : null,
    labelText,
    metaRow(info, x + PAD_X, y + h - 9, inner),
  );
}

/** The bottom row: how many items the step asks for, then the marks; the count is shortened
 * or left out when the marks need the room. */
function metaRow(info: CardInfo, left: number, baseline: number, width: number): XmlElement | null {
  const marks = cardMarks(info);
  const count = info.step.dataItems.length;
  const parts: XmlElement[] = [];
  const markWidths = marks.map((m) => textWidth(m.text, MARK_FONT.size, true) + 8 + MARK_GAP);
  const marksWidth = markWidths.reduce((a, b) => a + b, 0);
  let x = left;
  if (count > 0) {
    const items = `${count} item${count === 1 ? "" : "s"}`;
    const text = [`asks ${items}`, items].find(
      (t) => textWidth(t, CHANNEL_FONT.size) + MARK_GAP + marksWidth <= width,
    );
    if (text) {
      parts.push(svgText(x, baseline, CHANNEL_FONT.size, text, { fill: MUTED }));
      x += textWidth(text, CHANNEL_FONT.size) + MARK_GAP + 2;
    }
  }
  marks.forEach((mark, i) => {
    if (x + markWidths[i]! - MARK_GAP > left + width) return;
    const drawn = drawMark(mark, x, baseline);
    parts.push(drawn.node);
    x += drawn.width + MARK_GAP;
  });
  return parts.length > 0 ? el("g", {}, ...parts) : null;
}
