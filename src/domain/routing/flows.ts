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

/** A route kept as one flat list of numbers: a 5,000-step blueprint holds thousands of
 * routes, and a list of little [x, y] arrays takes twice the memory. It also keeps where its
 * two steps stood when it was made, so it can follow them when they move together. */
export class PackedRoute implements FlowRoute {
  /** `data`: the left and top of the step the flow leaves and of the step it enters, then the
   * route's points, flat (x0, y0, x1, y1, …). */
  constructor(readonly data: readonly number[]) {}

  static of(points: readonly Point[], ends: readonly [number, number, number, number]): PackedRoute {
    return new PackedRoute([...ends, ...points.flat()]);
  }

  get points(): Point[] {
    const out: Point[] = [];
    for (let i = 4; i + 1 < this.data.length; i += 2) out.push([this.data[i]!, this.data[i + 1]!]);
    return out;
  }

  /** Where the flow's two steps stood when it was routed: from x, from y, to x, to y. */
  get ends(): [number, number, number, number] {
    const [fx = 0, fy = 0, tx = 0, ty = 0] = this.data;
    return [fx, fy, tx, ty];
  }
}

/** Whether two routes run through the same points. */
export function sameRoute(a: FlowRoute, b: FlowRoute): boolean {
  if (a instanceof PackedRoute && b instanceof PackedRoute) {
    return a.data.length === b.data.length && a.data.every((v, i) => v === b.data[i]);
  }
  return samePoints(a.points, b.points);
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

/** Routes the flows of a routing problem, in the problem's order: for each flow, the data of a
 * PackedRoute (where its two cards stand, then its points, flat). */
export function solveRouting(problem: RoutingProblem): [FlowId, number[]][] {
  const { bounds, cards, avoidLines, flows } = problem;
  const requests: RouteRequest[] = flows.map(({ from, to }) => ({ from, to }));
  const routes = routeOrthogonal({ bounds, cards, avoidLines, requests });
  const polylines = routes.map((route, k) => route ?? elbow(cards[requests[k]!.from]!, cards[requests[k]!.to]!));
  nudgeRoutes({ bounds, cards, avoidLines, routes: polylines, ends: requests });
  return flows.map((flow, k) => {
    const from = cards[flow.from]!;
    const to = cards[flow.to]!;
    return [flow.id, [from.x, from.y, to.x, to.y, ...polylines[k]!.flat()].slice()];
  });
}

/** Routes every flow whose two steps are drawn (the others get no route). */
export function routeFlows(layout: BlueprintLayout, flows: readonly Flow[]): Map<FlowId, FlowRoute> {
  return new Map(solveRouting(routingProblem(layout, flows)).map(([id, data]) => [id, new PackedRoute(data)]));
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
  let lastKey = "";
  let last = new Map<FlowId, FlowRoute>();
  return (layout, flows) => {
    const key = routingKey(layout, flows);
    if (key === lastKey) return last;
    const next = routeFlows(layout, flows);
    for (const [id, route] of next) {
      const before = last.get(id);
      if (before && sameRoute(before, route)) next.set(id, before);
    }
    lastKey = key;
    last = next;
    return next;
  };
}

/** A digest of everything a route depends on: the grid's size, the layer lines, every card
 * and every flow's ends (two 32-bit FNV-1a hashes of them, and how many there are). Equal
 * digests give the same routes; two different blueprints share one by chance about once in
 * 2^64. A digest, not a copy, so a 5,000-step blueprint's key is a few bytes. */
export function routingKey(layout: BlueprintLayout, flows: readonly Flow[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  let count = 0;
  const mix = (v: number) => {
    a = Math.imul(a ^ v, 0x01000193) >>> 0;
    b = Math.imul(b ^ v, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
    count++;
  };
  const number = (v: number) => {
    const scaled = Math.round(v * 64);
    mix(scaled & 0xffff);
    mix((scaled / 65536) & 0xffff);
  };
  const text = (s: string) => {
    mix(s.length);
    for (let i = 0; i < s.length; i++) mix(s.charCodeAt(i));
  };
  number(layout.width);
  number(layout.height);
  for (const y of layerLineHeights(layout)) number(y);
  mix(-1);
  for (const box of layout.steps.values()) {
    text(box.id);
    number(box.x);
    number(box.y);
    number(box.width);
    number(box.height);
  }
  mix(-2);
  for (const flow of flows) {
    text(flow.id);
    text(flow.from);
    text(flow.to);
  }
  return `${count}:${a.toString(36)}:${b.toString(36)}`;
}

export function samePoints(a: readonly Point[], b: readonly Point[]): boolean {
  return a.length === b.length && a.every((p, i) => p[0] === b[i]![0] && p[1] === b[i]![1]);
}

/** Routes made for an earlier state of the blueprint, carried over to this one while its own
 * are being made: a flow whose two steps have not moved keeps its route, one whose two steps
 * moved together (a stage grew, so everything after it shifted) has its route moved with
 * them, and any other flow gets none. */
export function carryRoutes(
  routes: ReadonlyMap<FlowId, FlowRoute>,
  layout: BlueprintLayout,
  flows: readonly Flow[],
): Map<FlowId, FlowRoute> {
  const out = new Map<FlowId, FlowRoute>();
  for (const flow of flows) {
    const route = routes.get(flow.id);
    const from = layout.steps.get(flow.from);
    const to = layout.steps.get(flow.to);
    if (!(route instanceof PackedRoute) || !from || !to) continue;
    const [fx, fy, tx, ty] = route.ends;
    const dx = from.x - fx;
    const dy = from.y - fy;
    if (to.x - tx !== dx || to.y - ty !== dy) continue;
    out.set(
      flow.id,
      dx === 0 && dy === 0 ? route : PackedRoute.of(route.points.map(([x, y]) => [x + dx, y + dy] as const), [from.x, from.y, to.x, to.y]),
    );
  }
  return out;
}
