/**
 * Flows in the exported drawing: orthogonal paths from the right edge of one card to the left
 * edge of the next, routed through the gaps between cards, with an arrowhead per line style
 * and the flow's label placed where it covers least. (The canvas also writes "citizen carries
 * it" on citizen-carried handoffs; a printed page cannot hide labels, so here the thick red
 * line and the legend say it.)
 */
import { GRID, type BlueprintLayout, type StepBox } from "../domain/layout";
import type { Flow, Journey } from "../domain/model";
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
import { LabelPlacer, gridTextBoxes, labelCandidates } from "./svg-labels";
import { textWidth, truncateToWidth } from "./text-measure";

export type Point = readonly [number, number];

export interface FlowRoute {
  points: Point[];
  /** Where the flow's label sits: on the segment that runs through a gap between cards. */
  labelAt: Point;
}

/** How far from a card's edge a flow turns: the middle of the gap beside it. */
export interface RouteGaps {
  /** Half the gap to the right of the source card. */
  afterSource: number;
  /** Half the gap to the left of the target card. */
  beforeTarget: number;
  /** Whether other cards stand in the column between a card and one below it. */
  cardsBetween?: boolean;
}

/** Routes a flow between two cards. A flow to a card below in the same column runs from the
 * bottom of one to the top of the other (as on the canvas); a flow to a card further right
 * turns once, in the gap just before the target; a flow back to the left (or up the same
 * column) leaves to the right, runs between the card and the lane's edge, and enters the
 * target from its left. */
export function routeFlow(from: StepBox, to: StepBox, gaps: RouteGaps): FlowRoute {
  if (Math.abs(from.x - to.x) < from.width / 2 && to.y > from.y) {
    const tx = to.x + to.width / 2;
    const ty = to.y;
    const above = ty - GRID.cellPadY / 2;
    if (gaps.cardsBetween) {
      // Cards lie between them: go down beside the column and in from above, so a fan-out
      // from one step to several below does not read as a chain through them.
      const sx = from.x + from.width;
      const sy = from.y + from.height / 2;
      const outX = sx + gaps.afterSource;
      return {
        points: [
          [sx, sy],
          [outX, sy],
          [outX, above],
          [tx, above],
          [tx, ty],
        ],
        labelAt: [outX, (sy + above) / 2],
      };
    }
    // Stacked in one column: bottom to top, as on the canvas.
    const sx = from.x + from.width / 2;
    const sy = from.y + from.height;
    if (sx === tx)
      return {
        points: [
          [sx, sy],
          [tx, ty],
        ],
        labelAt: [sx, (sy + ty) / 2],
      };
    return {
      points: [
        [sx, sy],
        [sx, above],
        [tx, above],
        [tx, ty],
      ],
      labelAt: [(sx + tx) / 2, above],
    };
  }
  const sx = from.x + from.width;
  const sy = from.y + from.height / 2;
  const tx = to.x;
  const ty = to.y + to.height / 2;
  if (tx >= sx + GRID.cardGap) {
    if (sy === ty)
      return {
        points: [
          [sx, sy],
          [tx, ty],
        ],
        labelAt: [(sx + tx) / 2, sy],
      };
    const vx = tx - gaps.beforeTarget;
    return {
      points: [
        [sx, sy],
        [vx, sy],
        [vx, ty],
        [tx, ty],
      ],
      labelAt: [vx, (sy + ty) / 2],
    };
  }
  const outX = sx + gaps.afterSource;
  const inX = tx - gaps.beforeTarget;
  // Half way between the card and the lane's edge, so the flow does not run along a layer line.
  const gutter = GRID.cellPadY / 2;
  const gutterY = ty < sy ? from.y - gutter : from.y + from.height + gutter;
  return {
    points: [
      [sx, sy],
      [outX, sy],
      [outX, gutterY],
      [inX, gutterY],
      [inX, ty],
      [tx, ty],
    ],
    labelAt: [(outX + inX) / 2, gutterY],
  };
}

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

const LABEL_FONT = { size: 11 } as const;
const LABEL_MAX_WIDTH = 150;

/** The text a flow's label shows (shortened to fit) and the width of its box. */
export function labelSize(label: string, key: FlowStyleKey): { shown: string; width: number } {
  const font = { ...LABEL_FONT, bold: key === "citizen-carried" };
  const shown = truncateToWidth(label, LABEL_MAX_WIDTH, font);
  return { shown, width: textWidth(shown, font.size, font.bold) + 10 };
}

export const LABEL_HEIGHT = 16;

/** A flow's label in a white box centred on a point. */
export function flowLabel(label: string, at: Point, key: FlowStyleKey): XmlElement {
  const citizen = key === "citizen-carried";
  const { shown, width } = labelSize(label, key);
  const [x, y] = at;
  return el(
    "g",
    {},
    el("title", {}, label),
    el("rect", {
      x: x - width / 2,
      y: y - LABEL_HEIGHT / 2,
      width,
      height: LABEL_HEIGHT,
      rx: 3,
      fill: "#ffffff",
      stroke: citizen ? FLOW_STYLES["citizen-carried"].stroke : CARD_BORDER,
      "stroke-width": 1,
    }),
    el(
      "text",
      {
        x,
        y: y + 4,
        "text-anchor": "middle",
        "font-family": FONT_FAMILY,
        "font-size": LABEL_FONT.size,
        "font-weight": citizen ? "bold" : null,
        fill: citizen ? "#942514" : INK,
      },
      shown,
    ),
  );
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
): DrawnFlows {
  const cellSizes = new Map<string, number>();
  for (const box of layout.steps.values()) {
    const key = `${box.x - box.index * (GRID.cardWidth + GRID.cardGap)},${box.y}`;
    cellSizes.set(key, Math.max(cellSizes.get(key) ?? 0, box.index + 1));
  }
  const isLastInCell = (box: StepBox) => {
    const key = `${box.x - box.index * (GRID.cardWidth + GRID.cardGap)},${box.y}`;
    return box.index + 1 >= (cellSizes.get(key) ?? 0);
  };
  const lines: XmlElement[] = [];
  const labels: XmlElement[] = [];
  const firstCardX = GRID.laneHeaderWidth + GRID.cellPadX;
  const columns = new Map<number, number[]>();
  for (const b of layout.steps.values()) {
    const ys = columns.get(b.x);
    if (ys) ys.push(b.y);
    else columns.set(b.x, [b.y]);
  }
  const cardsBetween = (from: StepBox, to: StepBox) =>
    from.x === to.x && (columns.get(from.x) ?? []).some((y) => y > from.y && y < to.y);
  const placer = new LabelPlacer(
    layout.steps.values(),
    {
      x: GRID.laneHeaderWidth + 2,
      y: GRID.stageHeaderHeight + 2,
      width: layout.width - GRID.laneHeaderWidth - 4,
      height: layout.height - GRID.stageHeaderHeight - 4,
    },
    gridTextBoxes(layout),
  );
  for (const flow of journey.flows) {
    const from = layout.steps.get(flow.from);
    const to = layout.steps.get(flow.to);
    if (!from || !to) continue;
    const key = styleKey(flow, highlights);
    const route = routeFlow(from, to, {
      afterSource: isLastInCell(from) ? GRID.cellPadX - 4 : GRID.cardGap / 2,
      cardsBetween: cardsBetween(from, to),
      beforeTarget:
        to.index > 0
          ? GRID.cardGap / 2
          : to.x <= firstCardX
            ? GRID.cellPadX / 2
            : GRID.cellPadX - 4,
    });
    lines.push(flowLine(route.points, key, flow.dataShare));
    const label = displayText(flow.label);
    if (!label) continue;
    const size = labelSize(label, key);
    // Between two cards side by side there is no room on the line: try the gaps above and
    // below the cards too.
    const midX = (route.points[0]![0] + route.points[1]![0]) / 2;
    const candidates = [
      ...labelCandidates(route.points),
      ...[from, to].flatMap((box): Point[] => [
        [midX, box.y - GRID.cellPadY / 2],
        [midX, box.y + box.height + GRID.cellPadY / 2],
      ]),
    ];
    const at = placer.place(candidates, size.width, LABEL_HEIGHT, route.labelAt);
    labels.push(flowLabel(label, at, key));
  }
  return {
    lines: el("g", { "data-kind": "flows" }, ...lines),
    labels: el("g", { "data-kind": "flow-labels" }, ...labels),
  };
}

function styleKey(flow: Flow, highlights: SvgHighlights | null): FlowStyleKey {
  const kind = highlights?.handoffOn.get(flow.id);
  return kind && Object.hasOwn(FLOW_STYLES, kind) ? kind : "plain";
}
