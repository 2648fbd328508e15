/**
 * Journey → SVG: a true vector drawing of the blueprint, built from the journey model with the
 * same grid the canvas uses (blueprintLayout). Lanes and their headers, layer lines, stage
 * headers, step cards, flows with arrowheads, the analysis highlights when given, a title
 * block and a legend. Text is real text, fonts and colours are presentation attributes, and
 * the journey's envelope rides along in <metadata>, so the file opens in Inkscape,
 * Illustrator, PowerPoint and browsers and opens again in Seams as an editable journey.
 *
 * Pure: no DOM, no React. Everything goes through the allow-listed builder in xml.ts.
 */
import { GRID, blueprintLayout, type BlueprintLayout } from "../domain/layout";
import type { Actor, Journey, Lane } from "../domain/model";
import { serializeJourney, type EnvelopeOptions } from "../format/envelope";
import { SVG_METADATA_ID, embedEnvelopeInSvgMetadata } from "../format/svg-embed";
import { drawCard } from "./svg-cards";
import { cutLaneHeaders, laneHeaders } from "./svg-lane-headers";
import { drawFlows, flowMarkers } from "./svg-flows";
import { legendBlock, legendEntries, titleBlock } from "./svg-legend";
import { layerLineLabelBox, layerName } from "./svg-labels";
import {
  BAND_ODD,
  FONT_FAMILY,
  INK,
  MUTED,
  RULE,
  STAGE_NUMBER,
  STAGE_RULE,
  displayText,
  safeColour,
  type SvgHighlights,
} from "./svg-theme";
import { truncateToWidth } from "./text-measure";
import { SVG_NS, el, escapedText, serializeXml, type XmlElement } from "./xml";

export type { SvgHighlights, HandoffKind } from "./svg-theme";

export interface SvgExportOptions {
  /** The analysis marks to draw (handoffs, duplicates, repeated information). */
  highlights?: SvgHighlights;
  /** Embed the journey so the SVG opens again in Seams. Default true. */
  includeData?: boolean;
  /** Draw the title block. Default true. */
  title?: boolean;
  /** Draw the legend. Default true. */
  legend?: boolean;
  /** Envelope fields for the embedded data (savedAt, baseVersionId). */
  envelope?: EnvelopeOptions;
}

const MARGIN = 24;
const MIN_CONTENT_WIDTH = 760;
const GAP = 24;

/** Draws a journey as a standalone SVG document. */
export function exportSvg(journey: Journey, options: SvgExportOptions = {}): string {
  const layout = blueprintLayout(journey);
  const highlights = options.highlights ?? null;
  const contentWidth = Math.max(layout.width, MIN_CONTENT_WIDTH);

  let y = MARGIN;
  const blocks: XmlElement[] = [];
  if (options.title ?? true) {
    const block = titleBlock(journey, contentWidth);
    blocks.push(el("g", { transform: `translate(${MARGIN} ${y})` }, block.node));
    y += block.height + 8;
  }
  blocks.push(
    el("g", { transform: `translate(${MARGIN} ${y})` }, blueprint(journey, layout, highlights)),
  );
  y += layout.height;
  if (options.legend ?? true) {
    y += GAP;
    const actors = new Map(journey.actors.map((a) => [a.id, a]));
    const block = legendBlock(journey, contentWidth, legendEntries(journey, layout, highlights), cutLaneHeaders(layout, actors));
    blocks.push(el("g", { transform: `translate(${MARGIN} ${y})` }, block.node));
    y += block.height;
  }
  const width = contentWidth + MARGIN * 2;
  const height = Math.ceil(y + MARGIN);

  const title = displayText(journey.title) || "Untitled journey";
  const description = displayText(journey.description);
  const data =
    (options.includeData ?? true)
      ? el(
          "metadata",
          { id: SVG_METADATA_ID, "data-format": SVG_METADATA_ID },
          escapedText(embedEnvelopeInSvgMetadata(serializeJourney(journey, options.envelope))),
        )
      : null;

  const root = el(
    "svg",
    {
      xmlns: SVG_NS,
      version: "1.1",
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      "font-family": FONT_FAMILY,
      role: "img",
      "aria-labelledby": "seams-title",
    },
    el("title", { id: "seams-title" }, `Service blueprint: ${title}`),
    description ? el("desc", {}, description) : null,
    data,
    el("defs", {}, ...flowMarkers()),
    el("rect", { x: 0, y: 0, width, height, fill: "#ffffff" }),
    ...blocks,
  );
  return serializeXml(root);
}

/** The blueprint itself, in layout coordinates (lane headers at x 0, stage headers at y 0). */
function blueprint(journey: Journey, layout: BlueprintLayout, highlights: SvgHighlights | null) {
  const actors = new Map<string, Actor>(journey.actors.map((a) => [a.id, a]));
  const lanes = new Map<string, Lane>(journey.lanes.map((l) => [l.id, l]));
  const flows = drawFlows(journey, layout, highlights);
  const cards: XmlElement[] = [];
  for (const step of journey.steps) {
    const box = layout.steps.get(step.id);
    if (!box) continue;
    const lane = lanes.get(step.laneId);
    const actor = lane ? actors.get(lane.actorId) : undefined;
    cards.push(
      drawCard(box, {
        step,
        owner: actor?.shortName || actor?.name || "",
        colour: safeColour(actor?.colour),
        isCitizen: actor?.type === "citizen",
        duplicate: highlights?.duplicateOf.get(step.id) ?? null,
        repeated: highlights?.repeatedAt.get(step.id) ?? [],
      }),
    );
  }
  const backdrop = grid(layout);
  return el(
    "g",
    { "data-kind": "blueprint" },
    backdrop.bands,
    flows.lines,
    backdrop.lineNames,
    el("g", { "data-kind": "steps" }, ...cards),
    flows.labels,
    stageHeaders(layout),
    laneHeaders(layout, actors),
    el("rect", {
      x: 0,
      y: 0,
      width: GRID.laneHeaderWidth,
      height: GRID.stageHeaderHeight,
      fill: INK,
    }),
  );
}

/** Lane bands, stage columns, and the lines of interaction, visibility and internal interaction;
 * the names of the lines come separately, to be drawn over the flows. */
function grid(layout: BlueprintLayout) {
  const { width, height } = layout;
  const left = GRID.laneHeaderWidth;
  const parts: XmlElement[] = [];
  const labels: XmlElement[] = [];
  layout.lanes.forEach((box, i) => {
    parts.push(
      el("rect", {
        x: left,
        y: box.y,
        width: width - left,
        height: box.height,
        fill: i % 2 ? BAND_ODD : "#ffffff",
      }),
      el("line", {
        x1: left,
        y1: box.y + box.height,
        x2: width,
        y2: box.y + box.height,
        stroke: RULE,
        "stroke-width": 1,
      }),
    );
  });
  for (const x of [...layout.stages.map((s) => s.x), width]) {
    parts.push(
      el("line", {
        x1: x,
        y1: 0,
        x2: x,
        y2: height,
        stroke: STAGE_RULE,
        "stroke-width": 1,
        "stroke-dasharray": "4 4",
      }),
    );
  }
  for (const band of layout.layers) {
    const bottom = band.y + band.height;
    if (band.lineBelow) {
      parts.push(
        el("line", {
          x1: left,
          y1: bottom,
          x2: width,
          y2: bottom,
          stroke: INK,
          "stroke-width": 2,
          "stroke-dasharray": "10 6",
        }),
      );
      // On a white ground above the flows, so a flow running along the lane edge cannot hide it.
      const box = layerLineLabelBox(band, band.lineBelow);
      labels.push(
        el("rect", { ...box, fill: "#ffffff", "fill-opacity": 0.9 }),
        el(
          "text",
          {
            x: left + 12,
            y: bottom - 5,
            "font-family": FONT_FAMILY,
            "font-size": 11,
            "font-weight": "bold",
            fill: INK,
          },
          band.lineBelow,
        ),
      );
    }
    const name = layerName(band, width);
    parts.push(
      el(
        "text",
        {
          x: name.box.x + name.box.width,
          y: band.y + 11,
          "text-anchor": "end",
          "font-family": FONT_FAMILY,
          "font-size": 10,
          "font-weight": "bold",
          fill: MUTED,
        },
        name.text,
      ),
    );
  }
  return {
    bands: el("g", { "data-kind": "grid" }, ...parts),
    lineNames: el("g", { "data-kind": "layer-lines" }, ...labels),
  };
}

/** Black stage headers with a numbered yellow disc and the stage name in white. */
function stageHeaders(layout: BlueprintLayout): XmlElement {
  const h = GRID.stageHeaderHeight;
  const parts = layout.stages.map((stage, i) => {
    const name = truncateToWidth(displayText(stage.name), stage.width - 52, {
      size: 14,
      bold: true,
    });
    return el(
      "g",
      {},
      el("rect", {
        x: stage.x,
        y: 0,
        width: stage.width,
        height: h,
        fill: INK,
        stroke: "#3d4144",
        "stroke-width": 1,
      }),
      el("circle", { cx: stage.x + 22, cy: h / 2, r: 10, fill: STAGE_NUMBER }),
      el(
        "text",
        {
          x: stage.x + 22,
          y: h / 2 + 4,
          "text-anchor": "middle",
          "font-family": FONT_FAMILY,
          "font-size": 12,
          "font-weight": "bold",
          fill: INK,
        },
        String(i + 1),
      ),
      el(
        "text",
        {
          x: stage.x + 40,
          y: h / 2 + 5,
          "font-family": FONT_FAMILY,
          "font-size": 14,
          "font-weight": "bold",
          fill: "#ffffff",
        },
        name,
      ),
    );
  });
  return el("g", { "data-kind": "stages" }, ...parts);
}
