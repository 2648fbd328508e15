/**
 * Flows in the exported drawing: the routes the canvas draws too (domain/routing: round every
 * card, clear of the layer lines, never sharing a piece of line), an arrowhead per line style,
 * and each flow's label on a free piece of its line, wrapped rather than cut. (The canvas also
 * writes "citizen carries it" on citizen-carried handoffs; a printed page cannot hide labels,
 * so here the thick red line and the legend say it.)
 */
import type { BlueprintLayout } from "../domain/layout";
import type { Flow, FlowId, Journey } from "../domain/model";
import type { Point } from "../domain/routing/geometry";
import { layerLineHeights, routeFlows, routingBounds, type FlowRoute } from "../domain/routing/flows";
import { placeFlowLabels, type LabelRequest, type PlacedLabel } from "../domain/routing/labels";
import { el, type XmlElement } from "./xml";
import {
  CARD_BORDER,
  DATA_SHARE_DASH,
  FLOW_STYLES,
  FONT_FAMILY,
  INK,
  displayText,
  type FlowStyleKey,
  type SvgHighlights,
} from "./svg-theme";
import { gridTextBoxes } from "./svg-labels";
import { textWidth, wrapText } from "./text-measure";

export type { Point };

export function pathData(points: readonly Point[]): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${round(x)} ${round(y)}`).join(" ");
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const MARKER_SIZE: Readonly<Record<FlowStyleKey, number>> = {
  plain: 9,
  direct: 10,
  internal: 10,
  "citizen-carried": 13,
};

export function markerId(key: FlowStyleKey): string {
  return `seams-arrow-${key}`;
}

/** Arrowheads, one per line style, sized in drawing units so thick lines keep small heads. */
export function flowMarkers(): XmlElement[] {
  return (Object.keys(FLOW_STYLES) as FlowStyleKey[]).map((key) =>
    el(
      "marker",
      {
        id: markerId(key),
        viewBox: "0 0 10 10",
        refX: 9,
        refY: 5,
        markerWidth: MARKER_SIZE[key],
        markerHeight: MARKER_SIZE[key],
        markerUnits: "userSpaceOnUse",
        orient: "auto",
      },
      el("path", { d: "M0 0 L10 5 L0 10 Z", fill: FLOW_STYLES[key].stroke }),
    ),
  );
}

/** A line in a flow's style, for the drawing and for the legend. */
export function flowLine(points: readonly Point[], key: FlowStyleKey, dataShare: boolean) {
  const style = FLOW_STYLES[key];
  const dash = style.dash ?? (dataShare ? DATA_SHARE_DASH : null);
  return el("path", {
    d: pathData(points),
    fill: "none",
    stroke: style.stroke,
    "stroke-width": style.width,
    "stroke-dasharray": dash,
    "stroke-linejoin": "round",
    "marker-end": `url(#${markerId(key)})`,
  });
}

/** The font of flow labels, and the box around their lines. */
export const FLOW_LABEL = {
  size: 11,
  lineHeight: 13,
  maxWidth: 150,
  /** The widths a label is tried at, where it does not fit free at the first. */
  narrower: [150, 100, 72],
  maxLines: 4,
  /** From the box's edge to the text, across and down (the canvas: 1 px border, 4 and 2 px
   * padding). */
  padX: 5,
  padY: 3,
  /** From the top of a line to its baseline. */
  ascent: 10,
} as const;

export interface FlowLabelLayout {
  /** The label's lines, wrapped to the label's width (the last ends in "…" only when the label
   * needs more than `FLOW_LABEL.maxLines` lines). */
  lines: string[];
  width: number;
  height: number;
}

/** The label of a flow laid out in lines no wider than `maxWidth`, and the size of its box. */
export function flowLabelLayout(label: string, bold: boolean, maxWidth: number = FLOW_LABEL.maxWidth): FlowLabelLayout {
  const font = { size: FLOW_LABEL.size, bold };
  const lines = wrapText(displayText(label), maxWidth, font, FLOW_LABEL.maxLines);
  const widest = Math.max(0, ...lines.map((line) => textWidth(line, font.size, bold)));
  return {
    lines,
    width: Math.ceil(widest) + 2 * FLOW_LABEL.padX,
    height: lines.length * FLOW_LABEL.lineHeight + 2 * FLOW_LABEL.padY,
  };
}

/** The ways a label can be laid out, widest first: at the full width, and narrower (in more
 * lines) to fit a narrow gap. Layouts that come out the same are given once. */
export function flowLabelLayouts(label: string, bold: boolean): FlowLabelLayout[] {
  const out: FlowLabelLayout[] = [];
  for (const width of FLOW_LABEL.narrower) {
    const layout = flowLabelLayout(label, bold, width);
    if (!out.some((o) => o.lines.join("\n") === layout.lines.join("\n"))) out.push(layout);
  }
  return out;
}

/** A flow's label: its lines in a white box centred on a point, the whole text as its title. */
export function flowLabel(label: string, at: Point, key: FlowStyleKey, layout?: FlowLabelLayout): XmlElement {
  const citizen = key === "citizen-carried";
  const { lines, width, height } = layout ?? flowLabelLayout(label, citizen);
  const [x, y] = at;
  const top = y - height / 2;
  return el(
    "g",
    {},
    el("title", {}, displayText(label)),
    el("rect", {
      x: x - width / 2,
      y: top,
      width,
      height,
      rx: 3,
      fill: "#ffffff",
      stroke: citizen ? FLOW_STYLES["citizen-carried"].stroke : CARD_BORDER,
      "stroke-width": 1,
    }),
    ...lines.map((line, i) =>
      el(
        "text",
        {
          x,
          y: top + FLOW_LABEL.padY + FLOW_LABEL.ascent + i * FLOW_LABEL.lineHeight,
          "text-anchor": "middle",
          "font-family": FONT_FAMILY,
          "font-size": FLOW_LABEL.size,
          "font-weight": citizen ? "bold" : null,
          fill: citizen ? "#942514" : INK,
        },
        line,
      ),
    ),
  );
}

/** Where each flow's label goes on the blueprint (the canvas places its labels the same way):
 * on a free piece of its route, inside the grid, off the cards, the other flows, the layer
 * lines and their names. */
export function placeLabels(
  layout: BlueprintLayout,
  routes: ReadonlyMap<FlowId, FlowRoute>,
  labels: readonly LabelRequest<FlowId>[],
): Map<FlowId, PlacedLabel> {
  const bounds = routingBounds(layout);
  return placeFlowLabels(routes, labels, {
    cards: layout.steps.values(),
    bounds: { x: bounds.x + 2, y: bounds.y + 2, width: bounds.width - 4, height: bounds.height - 4 },
    fixed: gridTextBoxes(layout),
    rules: layerLineHeights(layout).map((y): [Point, Point] => [
      [bounds.x, y],
      [bounds.x + bounds.width, y],
    ]),
  });
}

interface DrawnFlows {
  lines: XmlElement;
  labels: XmlElement;
}

/** Every flow whose two steps are drawn, styled by handoff kind when highlights are given. */
export function drawFlows(
  journey: Journey,
  layout: BlueprintLayout,
  highlights: SvgHighlights | null,
  routes: ReadonlyMap<FlowId, FlowRoute> = routeFlows(layout, journey.flows),
): DrawnFlows {
  const lines: XmlElement[] = [];
  const labelled: { flow: Flow; key: FlowStyleKey; label: string; layouts: FlowLabelLayout[] }[] = [];
  for (const flow of journey.flows) {
    const route = routes.get(flow.id);
    if (!route) continue;
    const key = styleKey(flow, highlights);
    lines.push(flowLine(route.points, key, flow.dataShare));
    const label = displayText(flow.label);
    if (label) labelled.push({ flow, key, label, layouts: flowLabelLayouts(label, key === "citizen-carried") });
  }
  const places = placeLabels(
    layout,
    routes,
    labelled.map(({ flow, layouts }) => ({ id: flow.id, sizes: layouts })),
  );
  const labels = labelled.flatMap(({ flow, key, label, layouts }) => {
    const place = places.get(flow.id);
    return place ? [flowLabel(label, place.at, key, layouts[place.size])] : [];
  });
  return {
    lines: el("g", { "data-kind": "flows" }, ...lines),
    labels: el("g", { "data-kind": "flow-labels" }, ...labels),
  };
}

function styleKey(flow: Flow, highlights: SvgHighlights | null): FlowStyleKey {
  const kind = highlights?.handoffOn.get(flow.id);
  return kind && Object.hasOwn(FLOW_STYLES, kind) ? kind : "plain";
}
