/**
 * Nudging: routes found on the same grid line are spread onto parallel tracks, so two flows
 * never share a piece of line (which would draw a connection that is not in the journey).
 * Segments on one line whose extents overlap (or nearly touch) form a bundle; each bundle is
 * ordered so that a segment turning off to one side sits on that side (fewer crossings), and
 * its tracks are spaced evenly about the grid line, each kept inside the free space around its
 * own segment (clear of cards, of the lines to keep clear, and on its card's side for a
 * segment that ends at a card, and at least `minSpacing` from the tracks of other routes'
 * parallel segments on nearby lines that run beside it, so two bundles, or two rounds, never
 * put tracks nearer each other than that). Vertical segments are spread first, then
 * horizontal ones, twice, since moving one kind lengthens or shortens the other.
 */
import { RectIndex, type Rect } from "./geometry";
import { ROUTING, type Polyline } from "./orthogonal";

export const NUDGING = {
  /** The distance between parallel tracks, where there is room. */
  spacing: 7,
  /** The least distance between parallel tracks when a gap is crowded. */
  minSpacing: 1,
  /** How far from a card's corner a flow may leave or enter it. */
  portInset: 12,
  /** Segments on one line nearer than this are treated as touching. */
  touch: 14,
  /** The least distance between a track and a line to keep clear, beside it. */
  lineClearance: 6,
  /** How far a track may be moved from its grid line. */
  reach: 60,
  /** The least distance from a card of a track in a gap too crowded for the usual clearance. */
  crowdedClearance: 2,
} as const;

interface Segment {
  route: number;
  /** Index of the segment's first point. */
  k: number;
  /** The fixed coordinate (x of a vertical segment, y of a horizontal one). */
  at: number;
  lo: number;
  hi: number;
  /** Which way the route turns at each end: -1 towards lower values, 1 higher, 0 a card. */
  turnLo: number;
  turnHi: number;
  min: number;
  max: number;
  /** Whether the segment's low end is its first point. */
  loAtStart: boolean;
  /** How many points its route has. */
  pointCount: number;
}

export interface NudgeInput {
  bounds: Rect;
  cards: readonly Rect[];
  avoidLines: readonly number[];
  routes: (Polyline | null)[];
  /** The cards each route leaves and enters, by index into `cards`. */
  ends: readonly { from: number; to: number }[];
}

type IndexedRect = Rect & { readonly id: number };

/** Spreads overlapping segments of different routes onto parallel tracks, in place. */
export function nudgeRoutes(input: NudgeInput): void {
  const index = new RectIndex<IndexedRect>(input.cards.map((r, id) => ({ ...r, id })));
  for (let round = 0; round < 2; round++) {
    spread(input, index, true);
    spread(input, index, false);
  }
}

function spread(input: NudgeInput, index: RectIndex<IndexedRect>, vertical: boolean) {
  const a = vertical ? 0 : 1; // the fixed coordinate
  const b = vertical ? 1 : 0; // the coordinate along the segment
  const lines = new Map<number, Segment[]>();
  const all: Segment[] = [];
  input.routes.forEach((points, route) => {
    if (!points) return;
    for (let k = 0; k + 1 < points.length; k++) {
      const p = points[k]!;
      const q = points[k + 1]!;
      if (p[a] !== q[a] || p[b] === q[b]) continue;
      const loAtP = p[b] < q[b];
      const lo = Math.min(p[b], q[b]);
      const hi = Math.max(p[b], q[b]);
      const before = points[k - 1];
      const after = points[k + 2];
      const turnAtP = before ? Math.sign(before[a] - p[a]) : 0;
      const turnAtQ = after ? Math.sign(after[a] - q[a]) : 0;
      const segment: Segment = {
        route,
        k,
        at: p[a],
        lo,
        hi,
        turnLo: loAtP ? turnAtP : turnAtQ,
        turnHi: loAtP ? turnAtQ : turnAtP,
        min: p[a],
        max: p[a],
        loAtStart: loAtP,
        pointCount: points.length,
      };
      all.push(segment);
      const list = lines.get(segment.at);
      if (list) list.push(segment);
      else lines.set(segment.at, [segment]);
    }
  });
  // Every segment by its grid line, to find those on nearby lines (a segment moves at most
  // `reach` from its own, so two within 2 × reach of each other's lines may come near).
  all.sort((s, t) => s.at - t.at);
  /** The other routes' segments that run beside some of the bundle's (all on one line). */
  const beside = (bundle: readonly Segment[]): Segment[] => {
    const at = bundle[0]!.at;
    const members = new Set(bundle);
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of bundle) {
      lo = Math.min(lo, s.lo);
      hi = Math.max(hi, s.hi);
    }
    const out: Segment[] = [];
    for (let i = lowerBound(all, at - 2 * NUDGING.reach); i < all.length && all[i]!.at <= at + 2 * NUDGING.reach; i++) {
      const t = all[i]!;
      if (t.lo < hi && lo < t.hi && !members.has(t)) out.push(t);
    }
    return out;
  };
  const current = (t: Segment) => input.routes[t.route]![t.k]![a];
  for (const list of lines.values()) {
    if (list.length < 2) continue;
    list.sort((s, t) => s.lo - t.lo || s.hi - t.hi);
    let bundle: Segment[] = [];
    let reach = -Infinity;
    const settle = () => {
      if (bundle.length < 2) return;
      const near = beside(bundle);
      const keepOff = (s: Segment) => {
        for (const t of near) {
          if (t.route === s.route || t.lo >= s.hi || s.lo >= t.hi) continue;
          const at = current(t);
          if (at <= s.at) s.min = Math.min(s.at, Math.max(s.min, at + NUDGING.minSpacing));
          if (at >= s.at) s.max = Math.max(s.at, Math.min(s.max, at - NUDGING.minSpacing));
        }
      };
      for (const s of bundle) {
        freeRange(s, input, index, vertical, ROUTING.clearance);
        keepOff(s);
      }
      if (place(bundle, input.routes, a)) return;
      // A gap too crowded for its flows at the usual clearance: let them come nearer the cards.
      for (const s of bundle) {
        freeRange(s, input, index, vertical, NUDGING.crowdedClearance);
        keepOff(s);
      }
      if (place(bundle, input.routes, a)) return;
      // Still no room beside the tracks already there: spread them as if those were not.
      for (const s of bundle) freeRange(s, input, index, vertical, NUDGING.crowdedClearance);
      place(bundle, input.routes, a);
    };
    for (const s of list) {
      if (s.lo > reach + NUDGING.touch && bundle.length > 0) {
        settle();
        bundle = [];
      }
      bundle.push(s);
      reach = Math.max(reach, s.hi);
    }
    settle();
  }
}

/** The first index of `sorted` (by `at`) whose segment's line is at least `at`. */
function lowerBound(sorted: readonly Segment[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How far a segment can move either way and stay clear of cards and of lines to keep clear;
 * a segment that ends at a card stays on that card's side, away from its corners. */
function freeRange(s: Segment, input: NudgeInput, index: RectIndex<IndexedRect>, vertical: boolean, c: number) {
  const { loAtStart, pointCount } = s;
  const { bounds } = input;
  const ends = input.ends[s.route]!;
  const startsAtCard = s.k === 0;
  const endsAtCard = s.k + 2 === pointCount;
  const cardAtLo = loAtStart ? (startsAtCard ? ends.from : -1) : endsAtCard ? ends.to : -1;
  const cardAtHi = loAtStart ? (endsAtCard ? ends.to : -1) : startsAtCard ? ends.from : -1;
  const spanLo = s.lo + (cardAtLo >= 0 ? c + 0.5 : 0);
  const spanHi = s.hi - (cardAtHi >= 0 ? c + 0.5 : 0);
  let min = vertical ? bounds.x + c : bounds.y + c;
  let max = vertical ? bounds.x + bounds.width - c : bounds.y + bounds.height - c;
  min = Math.max(min, s.at - NUDGING.reach);
  max = Math.min(max, s.at + NUDGING.reach);
  const visit = (r: Rect) => {
    const rLo = vertical ? r.y : r.x;
    const rHi = vertical ? r.y + r.height : r.x + r.width;
    if (rLo - c >= spanHi || rHi + c <= spanLo) return;
    const near = (vertical ? r.x : r.y) - c;
    const far = (vertical ? r.x + r.width : r.y + r.height) + c;
    if (far <= s.at + 1e-9) min = Math.max(min, far);
    else if (near >= s.at - 1e-9) max = Math.min(max, near);
    else {
      min = s.at;
      max = s.at;
    }
  };
  if (vertical) index.near(min, spanLo, max, spanHi, visit);
  else index.near(spanLo, min, spanHi, max, visit);
  for (const card of [cardAtLo, cardAtHi]) {
    if (card < 0) continue;
    const r = input.cards[card]!;
    const from = (vertical ? r.x : r.y) + NUDGING.portInset;
    const to = (vertical ? r.x + r.width : r.y + r.height) - NUDGING.portInset;
    min = Math.max(min, Math.min(from, s.at));
    max = Math.min(max, Math.max(to, s.at));
  }
  if (!vertical) {
    for (const line of input.avoidLines) {
      if (line <= min || line >= max) continue;
      if (s.at < line) max = Math.min(max, Math.max(s.at, line - NUDGING.lineClearance));
      else min = Math.max(min, Math.min(s.at, line + NUDGING.lineClearance));
    }
  }
  s.min = Math.min(min, s.at);
  s.max = Math.max(max, s.at);
}

/** Which side of `t` the segment `s` should lie on: -1 lower, 1 higher, 0 either. A segment
 * that turns off inside the other's extent should lie on the side it turns to. */
function preference(s: Segment, t: Segment): number {
  let p = 0;
  if (s.lo > t.lo) p += s.turnLo;
  else if (t.lo > s.lo) p -= t.turnLo;
  else if (s.turnLo !== t.turnLo) p += s.turnLo - t.turnLo;
  if (s.hi < t.hi) p += s.turnHi;
  else if (t.hi < s.hi) p -= t.turnHi;
  else if (s.turnHi !== t.turnHi) p += s.turnHi - t.turnHi;
  return Math.sign(p);
}

/** Orders a bundle and gives each segment a track: segments that overlap (or nearly touch)
 * get different tracks, in their order; segments that do not may share one. Returns whether
 * every segment got a track; when not, leaves the segments where the grid put them. */
function place(bundle: Segment[], routes: (Polyline | null)[], a: 0 | 1): boolean {
  if (bundle.length < 2) return true;
  const score = new Map<Segment, number>();
  for (const s of bundle) {
    let total = 0;
    for (const t of bundle) if (s !== t) total += preference(s, t);
    score.set(s, total);
  }
  const ordered = bundle.slice().sort((s, t) => score.get(s)! - score.get(t)! || s.route - t.route || s.k - t.k);
  let positions = tracks(ordered, levelsInOrder(ordered, NUDGING.touch), NUDGING.touch);
  // Too crowded to keep that order: fewest tracks instead (each segment, by where it starts,
  // on the lowest track free along its extent), crossings or not; then letting segments that
  // only nearly touch share a track.
  for (const touch of [NUDGING.touch, 0.5]) {
    if (positions) break;
    const byStart = ordered.slice().sort((s, t) => s.lo - t.lo || s.hi - t.hi);
    const placed = tracks(byStart, fewestLevels(byStart, touch), touch);
    if (placed) {
      const at = new Map(byStart.map((s, i) => [s, placed[i]!]));
      positions = ordered.map((s) => at.get(s)!);
    }
  }
  if (!positions) return false;
  ordered.forEach((s, i) => {
    const points = routes[s.route]!;
    points[s.k]![a] = positions[i]!;
    points[s.k + 1]![a] = positions[i]!;
  });
  return true;
}

function meet(s: Segment, t: Segment, touch: number): boolean {
  return s.lo <= t.hi + touch && t.lo <= s.hi + touch;
}

/** Levels that keep the order: each one more than the highest below it that it meets. */
function levelsInOrder(ordered: readonly Segment[], touch: number): number[] {
  const level = new Array<number>(ordered.length).fill(0);
  ordered.forEach((s, i) => {
    for (let k = 0; k < i; k++) if (meet(s, ordered[k]!, touch)) level[i] = Math.max(level[i]!, level[k]! + 1);
  });
  return level;
}

/** The fewest levels: segments sorted by where they start, each on the lowest level free. */
function fewestLevels(byStart: readonly Segment[], touch: number): number[] {
  const level: number[] = [];
  byStart.forEach((s, i) => {
    const taken = new Set<number>();
    for (let k = 0; k < i; k++) if (meet(s, byStart[k]!, touch)) taken.add(level[k]!);
    let l = 0;
    while (taken.has(l)) l++;
    level.push(l);
  });
  return level;
}

/** Positions for segments on the given levels, as widely spaced as fits, or null. */
function tracks(segments: readonly Segment[], level: readonly number[], touch: number): number[] | null {
  const n = segments.length;
  const below: number[][] = [];
  for (let i = 0; i < n; i++) {
    const s = segments[i]!;
    const out: number[] = [];
    for (let k = 0; k < n; k++) if (level[k]! < level[i]! && meet(s, segments[k]!, touch)) out.push(k);
    below.push(out);
  }
  const centre = segments[0]!.at;
  for (const spacing of [NUDGING.spacing, NUDGING.spacing / 2, NUDGING.spacing / 4, NUDGING.minSpacing]) {
    const p = fit(segments, below, level, centre, spacing);
    if (p) return p;
  }
  return null;
}

/** Positions for the tracks, `spacing` apart wherever two segments meet, spread about
 * `centre` by level and each inside its segment's range; null when they do not fit. */
function fit(
  ordered: readonly Segment[],
  below: readonly (readonly number[])[],
  level: readonly number[],
  centre: number,
  spacing: number,
): number[] | null {
  const n = ordered.length;
  const top = Math.max(...level);
  const p = level.map((l) => centre + (l - top / 2) * spacing);
  const byLevel = level.map((_l, i) => i).sort((i, k) => level[i]! - level[k]! || i - k);
  // Push each track up past those below it, then each down under those above, until settled.
  for (let pass = 0, moved = true; pass < 4 && moved; pass++) {
    moved = false;
    for (const i of byLevel) {
      const s = ordered[i]!;
      let lowest = s.min;
      for (const k of below[i]!) lowest = Math.max(lowest, p[k]! + spacing);
      const at = Math.min(s.max, Math.max(lowest, p[i]!));
      if (at !== p[i]) moved = true;
      p[i] = at;
    }
    for (let r = n - 1; r >= 0; r--) {
      const i = byLevel[r]!;
      for (const k of below[i]!) {
        if (p[k]! > p[i]! - spacing) {
          p[k] = Math.max(ordered[k]!.min, p[i]! - spacing);
          moved = true;
        }
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const s = ordered[i]!;
    if (p[i]! < s.min - 1e-9 || p[i]! > s.max + 1e-9) return null;
    for (const k of below[i]!) if (p[i]! - p[k]! < spacing - 1e-9) return null;
  }
  return p;
}
