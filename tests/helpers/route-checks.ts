/**
 * Checks on drawn flows, shared by the unit, property and browser tests: a route must run
 * from the edge of its own step to the edge of the other, in horizontal and vertical pieces,
 * never through a card, and never along a piece of line another, unrelated flow also uses (two
 * flows are related when they share a step).
 */
export type Pt = readonly [number, number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RouteCheckFlow {
  id: string;
  from: string;
  to: string;
  points: readonly Pt[];
}

export type RouteProblem =
  | { kind: "through-card"; flow: string; card: string; length: number }
  | { kind: "shared-segment"; flow: string; other: string; at: string; length: number }
  | { kind: "diagonal"; flow: string; segment: number }
  | { kind: "detached"; flow: string; end: "start" | "end" };

/** How much a crossing or an overlap must measure to count (drawing units). */
const TOLERANCE = 0.5;
/** How far short of the step it enters a route may stop. */
export const ARROW_GAP = 6;

/** Length of the axis-parallel segment a–b strictly inside a box. */
function inside(a: Pt, b: Pt, r: Box): number {
  if (Math.abs(a[1] - b[1]) < 1e-9) {
    const y = a[1];
    if (y <= r.y + 1e-9 || y >= r.y + r.height - 1e-9) return 0;
    return Math.max(0, Math.min(Math.max(a[0], b[0]), r.x + r.width) - Math.max(Math.min(a[0], b[0]), r.x));
  }
  const x = a[0];
  if (x <= r.x + 1e-9 || x >= r.x + r.width - 1e-9) return 0;
  return Math.max(0, Math.min(Math.max(a[1], b[1]), r.y + r.height) - Math.max(Math.min(a[1], b[1]), r.y));
}

/** Whether a point lies on a box's edge, or outside it by at most `gap` (a route may stop a
 * little short of the step it enters, to keep its arrowhead clear). */
function onBorder([x, y]: Pt, r: Box, gap = 0): boolean {
  const e = 0.51 + gap;
  const withinX = x >= r.x - e && x <= r.x + r.width + e;
  const withinY = y >= r.y - e && y <= r.y + r.height + e;
  const onVertical = (x >= r.x - e && x <= r.x + 0.51) || (x >= r.x + r.width - 0.51 && x <= r.x + r.width + e);
  const onHorizontal = (y >= r.y - e && y <= r.y + 0.51) || (y >= r.y + r.height - 0.51 && y <= r.y + r.height + e);
  return (onVertical && withinY) || (onHorizontal && withinX);
}

interface Piece {
  flow: RouteCheckFlow;
  at: number;
  lo: number;
  hi: number;
}

/** Every problem with a set of drawn flows over a set of cards (by step id). */
export function routeProblems(flows: readonly RouteCheckFlow[], cards: ReadonlyMap<string, Box>): RouteProblem[] {
  const problems: RouteProblem[] = [];
  const horizontal: Piece[] = [];
  const vertical: Piece[] = [];
  for (const flow of flows) {
    const { points } = flow;
    const from = cards.get(flow.from);
    const to = cards.get(flow.to);
    if (from && points[0] && !onBorder(points[0], from)) problems.push({ kind: "detached", flow: flow.id, end: "start" });
    const last = points[points.length - 1];
    if (to && last && !onBorder(last, to, ARROW_GAP)) problems.push({ kind: "detached", flow: flow.id, end: "end" });
    for (let k = 1; k < points.length; k++) {
      const a = points[k - 1]!;
      const b = points[k]!;
      const flat = Math.abs(a[1] - b[1]) < 1e-6;
      const upright = Math.abs(a[0] - b[0]) < 1e-6;
      if (!flat && !upright) {
        problems.push({ kind: "diagonal", flow: flow.id, segment: k - 1 });
        continue;
      }
      if (flat && upright) continue;
      for (const [id, card] of cards) {
        const length = inside(a, b, card);
        if (length > TOLERANCE) problems.push({ kind: "through-card", flow: flow.id, card: id, length });
      }
      if (flat) horizontal.push({ flow, at: a[1], lo: Math.min(a[0], b[0]), hi: Math.max(a[0], b[0]) });
      else vertical.push({ flow, at: a[0], lo: Math.min(a[1], b[1]), hi: Math.max(a[1], b[1]) });
    }
  }
  for (const [pieces, axis] of [
    [horizontal, "y"],
    [vertical, "x"],
  ] as const) {
    pieces.sort((p, q) => p.at - q.at || p.lo - q.lo);
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      for (let j = i + 1; j < pieces.length && pieces[j]!.at - p.at < TOLERANCE; j++) {
        const q = pieces[j]!;
        if (related(p.flow, q.flow)) continue;
        const length = Math.min(p.hi, q.hi) - Math.max(p.lo, q.lo);
        if (length > TOLERANCE) {
          problems.push({ kind: "shared-segment", flow: p.flow.id, other: q.flow.id, at: `${axis}=${p.at}`, length });
        }
      }
    }
  }
  return problems;
}

/** Two flows are related when they share a step (a branch, a merge or a chain). */
export function related(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to;
}

/** The points of an SVG path made of M and L commands (absolute), as the canvas and the SVG
 * export write them. */
export function pathPoints(d: string): Pt[] {
  const points: Pt[] = [];
  const re = /([ML])\s*(-?[\d.]+(?:e-?\d+)?)[\s,]+(-?[\d.]+(?:e-?\d+)?)/gi;
  for (let m = re.exec(d); m; m = re.exec(d)) points.push([Number(m[2]), Number(m[3])]);
  return points;
}
