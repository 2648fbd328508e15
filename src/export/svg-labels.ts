/**
 * Where to put a flow's label so it covers as little as possible: candidate points along the
 * flow's route, each scored by how much of the cards and the labels already placed it would
 * cover. Cards and labels are kept in a coarse grid of buckets so a large journey stays fast.
 */
import { GRID, type BlueprintLayout, type LayerBand } from "../domain/layout";
import { LAYER_LABELS } from "../domain/model";
import type { Point } from "./svg-flows";
import { textWidth } from "./text-measure";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const BUCKET = 256;

class RectIndex {
  private readonly buckets = new Map<string, Rect[]>();

  add(rect: Rect): void {
    for (const key of this.keys(rect)) {
      const list = this.buckets.get(key);
      if (list) list.push(rect);
      else this.buckets.set(key, [rect]);
    }
  }

  /** Total area of the stored rectangles that a rectangle covers. */
  overlap(rect: Rect): number {
    const seen = new Set<Rect>();
    let total = 0;
    for (const key of this.keys(rect)) {
      for (const other of this.buckets.get(key) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        total += overlapArea(rect, other);
      }
    }
    return total;
  }

  private *keys(rect: Rect): Generator<string> {
    const x0 = Math.floor(rect.x / BUCKET);
    const x1 = Math.floor((rect.x + rect.width) / BUCKET);
    const y0 = Math.floor(rect.y / BUCKET);
    const y1 = Math.floor((rect.y + rect.height) / BUCKET);
    for (let bx = x0; bx <= x1; bx++) for (let by = y0; by <= y1; by++) yield `${bx},${by}`;
  }
}

export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const EDGE = 3;
const FRACTIONS = [0.5, 0.3, 0.7, 0.15, 0.85] as const;
/** Covering another label is worse than covering a card's edge. */
const LABEL_WEIGHT = 3;

/** Candidate centres along a route: the longest segments first, their middles first. */
export function labelCandidates(points: readonly Point[]): Point[] {
  const segments: { a: Point; b: Point; length: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const length = Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]);
    if (length > 0) segments.push({ a, b, length });
  }
  segments.sort((s, t) => t.length - s.length);
  const out: Point[] = [];
  for (const { a, b } of segments) {
    for (const f of FRACTIONS) out.push([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f]);
  }
  return out;
}

/** Places labels one at a time, each where it covers least of the cards and earlier labels. */
export class LabelPlacer {
  private readonly cards = new RectIndex();
  private readonly labels = new RectIndex();

  /** `bounds` is the area labels must stay inside (the grid, clear of the headers); `fixed`
   * are texts already there, kept clear like labels. */
  constructor(
    cards: Iterable<Rect>,
    private readonly bounds: Rect,
    fixed: Iterable<Rect> = [],
  ) {
    for (const rect of fixed) this.labels.add(rect);
    // A label may touch a card's edge by a few units: the gaps between lanes are narrow.
    for (const c of cards) {
      this.cards.add({
        x: c.x + EDGE,
        y: c.y + EDGE,
        width: c.width - 2 * EDGE,
        height: c.height - 2 * EDGE,
      });
    }
  }

  /** Moves a centre so the label lies inside the bounds (where the bounds are big enough). */
  private inside([x, y]: Point, width: number, height: number): Point {
    const b = this.bounds;
    const cx = Math.max(b.x + width / 2, Math.min(x, b.x + b.width - width / 2));
    const cy = Math.max(b.y + height / 2, Math.min(y, b.y + b.height - height / 2));
    return [cx, cy];
  }

  /** The best centre for a label of this size among the candidates (the first candidate when
   * there are none better), and records the label there. */
  place(candidates: readonly Point[], width: number, height: number, fallback: Point): Point {
    let best: Point = this.inside(candidates[0] ?? fallback, width, height);
    let bestScore = Infinity;
    for (const [i, candidate] of candidates.entries()) {
      const c = this.inside(candidate, width, height);
      const rect = { x: c[0] - width / 2, y: c[1] - height / 2, width, height };
      const score = this.cards.overlap(rect) + LABEL_WEIGHT * this.labels.overlap(rect) + i * 0.01;
      if (score < bestScore) {
        best = c;
        bestScore = score;
      }
      if (score < 1) break;
    }
    this.labels.add({ x: best[0] - width / 2, y: best[1] - height / 2, width, height });
    return best;
  }
}

/** The white box behind the name of the line below a layer ("Line of interaction"), at the
 * left of the grid just above the line. */
export function layerLineLabelBox(band: LayerBand, name: string): Rect {
  const bottom = band.y + band.height;
  return {
    x: GRID.laneHeaderWidth + 8,
    y: bottom - 15,
    width: textWidth(name, 11, true) + 8,
    height: 13,
  };
}

/** The layer's name, in capitals, at the top right of its band. */
export function layerName(band: LayerBand, layoutWidth: number): { text: string; box: Rect } {
  const text = LAYER_LABELS[band.layer].toUpperCase();
  const width = textWidth(text, 10, true);
  return { text, box: { x: layoutWidth - 10 - width, y: band.y + 3, width, height: 10 } };
}

/** Everything the grid writes that flow labels should keep off. */
export function gridTextBoxes(layout: BlueprintLayout): Rect[] {
  return layout.layers.flatMap((band) => [
    layerName(band, layout.width).box,
    ...(band.lineBelow ? [layerLineLabelBox(band, band.lineBelow)] : []),
  ]);
}
