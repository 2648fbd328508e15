/**
 * Where a flow's label goes: on its own line, on the longest piece of it that is free: where
 * the label's box covers no card, no other flow's line, no label already placed and none of the
 * grid's own writing, and stays inside the drawing. Labels are placed one after another, each
 * keeping clear of the ones before; a label that fits nowhere free at its preferred width is
 * tried narrower (in more lines). The canvas and the SVG export use the same placement.
 */
import { RectIndex, lengthInside, overlapArea, type Point, type Rect } from "./geometry";
import type { FlowRoute } from "./flows";

/** A label to place, with the sizes its box can take (its text wrapped to different widths),
 * the preferred first. */
export interface LabelRequest<Id extends string = string> {
  id: Id;
  sizes: readonly { width: number; height: number }[];
}

export interface PlacedLabel {
  /** The centre of the label's box. */
  at: Point;
  /** Which of the request's sizes it takes. */
  size: number;
}

export interface LabelSurroundings {
  cards: Iterable<Rect>;
  /** The area labels must stay inside. */
  bounds: Rect;
  /** Writing already there (the names of the layer lines), kept clear like labels. */
  fixed?: Iterable<Rect>;
  /** Lines of the grid a label should not hide (the lines of interaction and visibility). */
  rules?: Iterable<readonly [Point, Point]>;
}

/** How much each kind of cover counts against a place, per unit of area or of line length. */
const COVER = { card: 1, label: 3, line: 12 } as const;
/** Where along a segment to try, the middle first. */
const FRACTIONS = [0.5, 0.35, 0.65, 0.2, 0.8, 0.08, 0.92] as const;
/** The most places tried for one size of one label: the best pieces come first, and a long
 * route in a crowded drawing would otherwise try dozens that are no better. */
const MAX_TRIES = 28;
/** A label may touch a card's edge by this much: the gaps between lanes are narrow. */
const EDGE = 2;

interface Piece extends Rect {
  /** The flow the piece of line belongs to; null for a line of the grid. */
  route: string | null;
  a: Point;
  b: Point;
}

/** The centre of each label, for the flows that have one and a route. */
export function placeFlowLabels<Id extends string>(
  routes: ReadonlyMap<Id, FlowRoute>,
  labels: readonly LabelRequest<Id>[],
  surroundings: LabelSurroundings,
): Map<Id, PlacedLabel> {
  const out = new Map<Id, PlacedLabel>();
  if (labels.length === 0) return out;
  const cards = new RectIndex<Rect>();
  for (const c of surroundings.cards) {
    cards.add({ x: c.x + EDGE, y: c.y + EDGE, width: c.width - 2 * EDGE, height: c.height - 2 * EDGE });
  }
  const placed = new RectIndex<Rect>(surroundings.fixed ?? []);
  const lines = new RectIndex<Piece>();
  const addPiece = (route: string | null, a: Point, b: Point) => {
    const x = Math.min(a[0], b[0]);
    const y = Math.min(a[1], b[1]);
    lines.add({ route, a, b, x, y, width: Math.abs(a[0] - b[0]), height: Math.abs(a[1] - b[1]) });
  };
  for (const [id, route] of routes) {
    const { points } = route;
    for (let k = 1; k < points.length; k++) addPiece(id, points[k - 1]!, points[k]!);
  }
  for (const [a, b] of surroundings.rules ?? []) addPiece(null, a, b);
  const { bounds } = surroundings;
  const inside = ([x, y]: Point, w: number, h: number): Point => [
    Math.max(bounds.x + w / 2, Math.min(x, bounds.x + bounds.width - w / 2)),
    Math.max(bounds.y + h / 2, Math.min(y, bounds.y + bounds.height - h / 2)),
  ];
  for (const label of labels) {
    const route = routes.get(label.id);
    if (!route || route.points.length < 2) continue;
    let best: PlacedLabel | null = null;
    let bestScore = Infinity;
    label.sizes.forEach(({ width: w, height: h }, size) => {
      if (bestScore < 1) return;
      for (const candidate of candidates(route.points, w, h).slice(0, MAX_TRIES)) {
        const c = inside(candidate.at, w, h);
        const box = { x: c[0] - w / 2, y: c[1] - h / 2, width: w, height: h };
        let score = candidate.rank * 0.01 + size * 0.5;
        cards.near(box.x, box.y, box.x + w, box.y + h, (r) => (score += COVER.card * overlapArea(box, r)));
        placed.near(box.x, box.y, box.x + w, box.y + h, (r) => (score += COVER.label * overlapArea(box, r)));
        lines.near(box.x, box.y, box.x + w, box.y + h, (p) => {
          if (p.route !== label.id) score += COVER.line * lengthInside(p.a, p.b, box);
        });
        if (score < bestScore) {
          bestScore = score;
          best = { at: c, size };
        }
        if (score < 1) break;
      }
    });
    const chosen = best as PlacedLabel | null;
    if (!chosen) continue;
    const { width: w, height: h } = label.sizes[chosen.size]!;
    placed.add({ x: chosen.at[0] - w / 2, y: chosen.at[1] - h / 2, width: w, height: h });
    out.set(label.id, chosen);
  }
  return out;
}

/** Places along a route, best first: on the pieces long enough to carry the whole label along
 * them (longest first), then on the rest; along each, the middle first; then beside each piece,
 * just clear of the line. */
function candidates(points: readonly Point[], w: number, h: number): { at: Point; rank: number }[] {
  const pieces: { a: Point; b: Point; length: number; fits: boolean }[] = [];
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1]!;
    const b = points[k]!;
    const flat = a[1] === b[1];
    const length = Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]);
    if (length > 0) pieces.push({ a, b, length, fits: length >= (flat ? w : h) + 8 });
  }
  pieces.sort((p, q) => Number(q.fits) - Number(p.fits) || q.length - p.length);
  const out: { at: Point; rank: number }[] = [];
  for (const { a, b, length, fits } of pieces) {
    const flat = a[1] === b[1];
    // Keep the whole label on the piece where it fits, clear of the turns at its ends.
    const margin = fits ? ((flat ? w : h) / 2 + 4) / length : 0;
    for (const f of FRACTIONS) {
      const t = Math.max(margin, Math.min(1 - margin, f));
      out.push({ at: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], rank: out.length });
    }
  }
  for (const { a, b } of pieces) {
    const flat = a[1] === b[1];
    const off = (flat ? h : w) / 2 + 3;
    for (const f of FRACTIONS) {
      const x = a[0] + (b[0] - a[0]) * f;
      const y = a[1] + (b[1] - a[1]) * f;
      for (const side of [-1, 1]) {
        out.push({ at: flat ? [x, y + side * off] : [x + side * off, y], rank: out.length + 40 });
      }
    }
  }
  return out;
}
