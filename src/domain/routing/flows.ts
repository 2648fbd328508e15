/**
 * Where each flow is drawn on the blueprint: an orthogonal line from the card it leaves to the
 * card it enters that goes round every other card, keeps off the lines of interaction and
 * visibility, and never shares a piece of line with another flow. The canvas and the SVG
 * export both draw these routes, so the two pictures agree.
 */
import { GRID, type BlueprintLayout } from "../layout";
import type { Flow, FlowId, StepId } from "../model";
import type { Point, Rect } from "./geometry";
import { nudgeRoutes } from "./nudge";
import { routeOrthogonal, type Polyline, type RouteRequest } from "./orthogonal";

export interface FlowRoute {
  /** From a point on the edge of the step the flow leaves to a point on the edge of the step
   * it enters; every segment horizontal or vertical. */
  readonly points: readonly Point[];
}

/** The area flows are drawn in: the grid, clear of the lane and stage headers. */
export function routingBounds(layout: BlueprintLayout): Rect {
  return {
    x: GRID.laneHeaderWidth,
    y: GRID.stageHeaderHeight,
    width: Math.max(0, layout.width - GRID.laneHeaderWidth),
    height: Math.max(0, layout.height - GRID.stageHeaderHeight),
  };
}

/** The heights of the lines between layers (interaction, visibility, internal interaction). */
export function layerLineHeights(layout: BlueprintLayout): number[] {
  return layout.layers.filter((band) => band.lineBelow).map((band) => band.y + band.height);
}

/** Everything routing needs, as plain data (it can be posted to a worker): the grid's area,
 * every drawn card, the layer lines, and each drawn flow's two cards by index. */
export interface RoutingProblem {
  bounds: Rect;
  cards: Rect[];
  avoidLines: number[];
  flows: { id: FlowId; from: number; to: number }[];
}

/** The routing problem of a blueprint: the flows whose two steps are drawn. */
export function routingProblem(layout: BlueprintLayout, flows: readonly Flow[]): RoutingProblem {
  const cards: Rect[] = [];
  const cardOf = new Map<StepId, number>();
  for (const box of layout.steps.values()) {
    cardOf.set(box.id, cards.length);
    cards.push({ x: box.x, y: box.y, width: box.width, height: box.height });
  }
  const drawn: RoutingProblem["flows"] = [];
  for (const flow of flows) {
    const from = cardOf.get(flow.from);
    const to = cardOf.get(flow.to);
    if (from !== undefined && to !== undefined) drawn.push({ id: flow.id, from, to });
  }
  return { bounds: routingBounds(layout), cards, avoidLines: layerLineHeights(layout), flows: drawn };
}

/** Routes the flows of a routing problem: each flow's points, in the problem's order. */
export function solveRouting(problem: RoutingProblem): [FlowId, Point[]][] {
  const { bounds, cards, avoidLines, flows } = problem;
  const requests: RouteRequest[] = flows.map(({ from, to }) => ({ from, to }));
  const routes = routeOrthogonal({ bounds, cards, avoidLines, requests });
  const polylines = routes.map((route, k) => route ?? elbow(cards[requests[k]!.from]!, cards[requests[k]!.to]!));
  nudgeRoutes({ bounds, cards, avoidLines, routes: polylines, ends: requests });
  return flows.map((flow, k) => [flow.id, polylines[k]!.map(([x, y]) => [x, y] as const)]);
}

/** Routes every flow whose two steps are drawn (the others get no route). */
export function routeFlows(layout: BlueprintLayout, flows: readonly Flow[]): Map<FlowId, FlowRoute> {
  return new Map(solveRouting(routingProblem(layout, flows)).map(([id, points]) => [id, { points }]));
}

/** The plain right-to-left elbow, for the rare flow the grid cannot connect. */
function elbow(a: Rect, b: Rect): Polyline {
  const sx = a.x + a.width;
  const sy = a.y + a.height / 2;
  const tx = b.x;
  const ty = b.y + b.height / 2;
  const mx = (sx + tx) / 2;
  return [
    [sx, sy],
    [mx, sy],
    [mx, ty],
    [tx, ty],
  ];
}

/** A router that remembers its last answer: the same drawn steps, flows and lines give back
 * the same map, and a route that comes out the same keeps its object, so the canvas redraws
 * only the flows that moved. */
export function createFlowRouter(): (layout: BlueprintLayout, flows: readonly Flow[]) => ReadonlyMap<FlowId, FlowRoute> {
  let lastKey: (string | number)[] = [];
  let last = new Map<FlowId, FlowRoute>();
  return (layout, flows) => {
    const key = routingKey(layout, flows);
    if (sameKey(key, lastKey)) return last;
    const next = routeFlows(layout, flows);
    for (const [id, route] of next) {
      const before = last.get(id);
      if (before && samePoints(before.points, route.points)) next.set(id, before);
    }
    lastKey = key;
    last = next;
    return next;
  };
}

/** Everything a route depends on: the grid's size, the lines, every card and every flow's ends.
 * Two layouts and flow lists with equal keys (see `sameKey`) give the same routes. */
export function routingKey(layout: BlueprintLayout, flows: readonly Flow[]): (string | number)[] {
  const key: (string | number)[] = [layout.width, layout.height, ...layerLineHeights(layout), "|"];
  for (const box of layout.steps.values()) key.push(box.id, box.x, box.y, box.width, box.height);
  key.push("|");
  for (const flow of flows) key.push(flow.id, flow.from, flow.to);
  return key;
}

export function sameKey(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function samePoints(a: readonly Point[], b: readonly Point[]): boolean {
  return a.length === b.length && a.every((p, i) => p[0] === b[i]![0] && p[1] === b[i]![1]);
}

/** Where each card stood when a set of routes was made. */
export type RoutedBoxes = ReadonlyMap<StepId, readonly [number, number]>;

export function boxPositions(layout: BlueprintLayout): Map<StepId, readonly [number, number]> {
  return new Map([...layout.steps.values()].map((b) => [b.id, [b.x, b.y] as const]));
}

/** Routes made for an earlier state of the blueprint, carried over to this one while its own
 * are being made: a flow whose two steps have not moved keeps its route, one whose two steps
 * moved together (a stage grew, so everything after it shifted) has its route moved with
 * them, and any other flow gets none. */
export function carryRoutes(
  routes: ReadonlyMap<FlowId, FlowRoute>,
  then: RoutedBoxes,
  layout: BlueprintLayout,
  flows: readonly Flow[],
): Map<FlowId, FlowRoute> {
  const out = new Map<FlowId, FlowRoute>();
  for (const flow of flows) {
    const route = routes.get(flow.id);
    const fromThen = then.get(flow.from);
    const toThen = then.get(flow.to);
    const fromNow = layout.steps.get(flow.from);
    const toNow = layout.steps.get(flow.to);
    if (!route || !fromThen || !toThen || !fromNow || !toNow) continue;
    const dx = fromNow.x - fromThen[0];
    const dy = fromNow.y - fromThen[1];
    if (toNow.x - toThen[0] !== dx || toNow.y - toThen[1] !== dy) continue;
    out.set(flow.id, dx === 0 && dy === 0 ? route : { points: route.points.map(([x, y]) => [x + dx, y + dy] as const) });
  }
  return out;
}
