/**
 * Obstacle-avoiding orthogonal routing: each connection is found by A* (weighted: its cost is
 * within `ROUTING.greed` of the cheapest, for a search that looks at far fewer places) on a sparse grid of
 * "interesting" lines (the middle of every gap between card edges, and every card's centre
 * lines), with a cost for each bend, for leaving or entering a card by its top or bottom, for
 * running along a line the drawing must keep clear (the lines of interaction and visibility),
 * and for running where earlier connections already run (so later ones spread out). The grid
 * never has a line inside a gap narrower than the clearance, and a node is usable only when it
 * lies outside every card by at least the clearance, so no route can cross or graze a card.
 *
 * Pure and deterministic: the same rectangles and requests give the same routes.
 */
import type { Point, Rect } from "./geometry";

/** The tuning of the router, in drawing units (pixels at zoom 1). */
export const ROUTING = {
  /** The least distance between a route and any card it does not leave or enter. */
  clearance: 5,
  /** How far short of the card it enters a route stops, so its arrowhead stays clear of the
   * card's edge (and of the canvas's connection handle there). */
  arrowGap: 5,
  /** What one bend costs, as a length. */
  bend: 50,
  /** What leaving by the top or bottom, or entering by the top or bottom, costs. */
  side: 60,
  /** Extra cost per unit of length run beside a line to keep clear. */
  besideLine: 2,
  /** How near a line a grid line must be to count as running beside it. */
  besideDistance: 20,
  /** Extra cost per unit of length, for each earlier route on the same piece of grid. */
  congestion: 0.05,
  /** Extra cost per unit of length where a narrow gap already holds as many routes as fit:
   * enough to send a route round by another gap nearby, not so much that the search combs the
   * whole drawing for one (nudging still separates the routes in a crowded gap). */
  overflow: 1.5,
  /** How much the search trusts its estimate of the cost still to go (1: always the cheapest
   * route; a little more: nearly the cheapest, found looking at far fewer places). */
  greed: 1.2,
  /** The spacing of routes used to work out how many fit in a narrow gap. */
  trackSpacing: 6,
} as const;

export interface RouteRequest {
  /** Index of the card the connection leaves. */
  from: number;
  /** Index of the card it enters. */
  to: number;
}

export interface OrthogonalInput {
  /** Routes stay inside this area. */
  bounds: Rect;
  /** Every card; requests name them by index. */
  cards: readonly Rect[];
  /** Horizontal lines (y) that routes should not run along. */
  avoidLines: readonly number[];
  requests: readonly RouteRequest[];
}

/** A route as a list of mutable points, from the source card's edge to the target card's. */
export type Polyline = [number, number][];

const E = 0;
const S = 1;
const W = 2;
const N = 3;
const DX = [1, 0, -1, 0] as const;
const DY = [0, 1, 0, -1] as const;

interface Lines {
  values: Float64Array;
  /** 1 where the line runs beside a line to keep clear. */
  beside: Uint8Array;
  /** The width of the gap each line runs in the middle of (between the edges either side,
   * or between an edge and the line to keep clear); Infinity for a card's centre line. */
  room: Float64Array;
}

/** The grid lines along one axis: the middle of each gap between consecutive edges (split in
 * two around a line to keep clear, so no route runs on it), and the centre of each card. */
function gridLines(
  edges: number[],
  centres: number[],
  lo: number,
  hi: number,
  splits: readonly number[],
  clearance: number,
): Lines {
  const sorted = [...new Set(edges)].filter((v) => v >= lo && v <= hi).sort((a, b) => a - b);
  const out: { v: number; beside: boolean; room: number }[] = centres.map((v) => ({ v, beside: false, room: Infinity }));
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1]!;
    const b = sorted[k]!;
    if (b - a <= 2 * clearance) continue;
    const split = splits.find((s) => s > a + 2 * clearance && s < b - 2 * clearance);
    if (split === undefined) {
      out.push({ v: (a + b) / 2, beside: false, room: b - a });
    } else {
      out.push({ v: (a + split) / 2, beside: split - a < 2 * ROUTING.besideDistance, room: split - a });
      out.push({ v: (split + b) / 2, beside: b - split < 2 * ROUTING.besideDistance, room: b - split });
    }
  }
  out.sort((p, q) => p.v - q.v);
  const values: number[] = [];
  const beside: number[] = [];
  const room: number[] = [];
  for (const line of out) {
    const last = values.length - 1;
    if (last >= 0 && Math.abs(values[last]! - line.v) < 1e-6) {
      if (line.beside) beside[last] = 1;
      room[last] = Math.min(room[last]!, line.room);
      continue;
    }
    values.push(line.v);
    beside.push(line.beside ? 1 : 0);
    room.push(line.room);
  }
  return { values: Float64Array.from(values), beside: Uint8Array.from(beside), room: Float64Array.from(room) };
}

/** Index of the first value greater than v. */
function firstAbove(values: Float64Array, v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! > v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the value equal to v (within rounding), or -1. */
function indexOf(values: Float64Array, v: number): number {
  const i = firstAbove(values, v - 1e-6);
  return i < values.length && Math.abs(values[i]! - v) < 1e-6 ? i : -1;
}

interface Start {
  node: number;
  dir: number;
  cost: number;
  point: Point;
}

interface Goal {
  /** The grid node beside the card's side; the route turns there, if it must, to go in. */
  node: number;
  /** The direction of the last leg, from the node into the card. */
  dir: number;
  /** The cost of that leg, with the cost of the side used. */
  cost: number;
  /** The cost of the side used alone. */
  penalty: number;
  /** Where the route meets the card. */
  point: Point;
}

/** A binary min-heap of search states keyed by estimated total cost. */
class Heap {
  private states = new Int32Array(1024);
  private keys = new Float64Array(1024);
  size = 0;

  clear() {
    this.size = 0;
  }

  push(state: number, key: number) {
    if (this.size === this.states.length) {
      const states = new Int32Array(this.size * 2);
      states.set(this.states);
      this.states = states;
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.states[i] = this.states[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.states[i] = state;
    this.keys[i] = key;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  pop(): number {
    const top = this.states[0]!;
    const last = --this.size;
    const state = this.states[last]!;
    const key = this.keys[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.states[i] = this.states[child]!;
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.states[i] = state;
    this.keys[i] = key;
    return top;
  }
}

/** The fewest bends a route moving in `dir` at (x, y) needs to reach (tx, ty) moving in `goal`
 * (a lower bound, so A* stays exact). */
export function fewestBends(dir: number, x: number, y: number, goal: number, tx: number, ty: number): number {
  const rx = tx - x;
  const ry = ty - y;
  const ahead = rx * DX[dir]! + ry * DY[dir]!;
  const side = rx * DY[dir]! - ry * DX[dir]!;
  if (goal === dir) {
    if (Math.abs(side) < 1e-6 && ahead >= -1e-6) return 0;
    return ahead > 1e-6 ? 2 : 4;
  }
  if (goal === (dir + 2) % 4) return Math.abs(side) < 1e-6 ? 4 : 2;
  const along = rx * DX[goal]! + ry * DY[goal]!;
  return ahead >= -1e-6 && along > 1e-6 ? 1 : 3;
}

/** The routing grid and A* search over it, built once for a set of cards. */
class RoutingGrid {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  private readonly besideRow: Uint8Array;
  private readonly nx: number;
  private readonly blocked: Uint8Array;
  /** How many routes use the grid edge east of / south of each node. */
  private readonly eastUse: Uint16Array;
  private readonly southUse: Uint16Array;
  /** How many routes fit along the grid edge east of / south of each node. */
  private readonly eastCap: Uint8Array;
  private readonly southCap: Uint8Array;
  private readonly closed: Uint32Array;
  private readonly g: Float64Array;
  private readonly stamp: Uint32Array;
  private readonly parent: Int32Array;
  private generation = 0;
  private readonly heap = new Heap();

  constructor(private readonly input: OrthogonalInput) {
    const { bounds, cards, avoidLines } = input;
    const c = ROUTING.clearance;
    const xEdges = [bounds.x, bounds.x + bounds.width];
    const yEdges = [bounds.y, bounds.y + bounds.height];
    const xCentres: number[] = [];
    const yCentres: number[] = [];
    for (const r of cards) {
      xEdges.push(r.x, r.x + r.width);
      yEdges.push(r.y, r.y + r.height);
      xCentres.push(r.x + r.width / 2);
      yCentres.push(r.y + r.height / 2);
    }
    const xl = gridLines(xEdges, xCentres, bounds.x, bounds.x + bounds.width, [], c);
    const yl = gridLines(yEdges, yCentres, bounds.y, bounds.y + bounds.height, avoidLines, c);
    this.xs = xl.values;
    this.ys = yl.values;
    this.besideRow = yl.beside;
    this.nx = this.xs.length;
    const count = this.nx * this.ys.length;
    this.blocked = new Uint8Array(count);
    for (const r of cards) {
      const i0 = firstAbove(this.xs, r.x - c);
      const i1 = firstAbove(this.xs, r.x + r.width + c - 1e-6);
      const j0 = firstAbove(this.ys, r.y - c);
      const j1 = firstAbove(this.ys, r.y + r.height + c - 1e-6);
      for (let j = j0; j < j1; j++) for (let i = i0; i < i1; i++) this.blocked[j * this.nx + i] = 1;
    }
    this.eastUse = new Uint16Array(count);
    this.southUse = new Uint16Array(count);
    // A grid edge between cards on both sides holds as many routes as fit across its gap;
    // anywhere more open, routes can spread to the next grid line, so it holds plenty.
    const tracks = (room: number) =>
      Number.isFinite(room) ? Math.max(1, Math.min(255, Math.floor((room - 2 * c) / ROUTING.trackSpacing) + 1)) : 255;
    const ny = this.ys.length;
    const nx = this.nx;
    const shut = (i: number, j: number) => i < 0 || j < 0 || i >= nx || j >= ny || this.blocked[j * nx + i] === 1;
    this.eastCap = new Uint8Array(count).fill(255);
    this.southCap = new Uint8Array(count).fill(255);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const node = j * nx + i;
        if (shut(i - 1, j) && shut(i + 1, j)) {
          // Narrow across x: the south edge from here is as tight as this gap (or the next row's).
          this.southCap[node] = Math.min(this.southCap[node]!, tracks(xl.room[i]!));
          if (j > 0) this.southCap[node - nx] = Math.min(this.southCap[node - nx]!, tracks(xl.room[i]!));
        }
        if (shut(i, j - 1) && shut(i, j + 1)) {
          this.eastCap[node] = Math.min(this.eastCap[node]!, tracks(yl.room[j]!));
          if (i > 0) this.eastCap[node - 1] = Math.min(this.eastCap[node - 1]!, tracks(yl.room[j]!));
        }
      }
    }
    this.g = new Float64Array(count * 4);
    this.stamp = new Uint32Array(count * 4);
    this.closed = new Uint32Array(count * 4);
    this.parent = new Int32Array(count * 4);
  }

  private free(i: number, j: number): boolean {
    return i >= 0 && j >= 0 && i < this.nx && j < this.ys.length && this.blocked[j * this.nx + i] === 0;
  }

  private starts(r: Rect): Start[] {
    const out: Start[] = [];
    const { xs, ys } = this;
    const cx = indexOf(xs, r.x + r.width / 2);
    const cy = indexOf(ys, r.y + r.height / 2);
    const right = firstAbove(xs, r.x + r.width);
    if (cy >= 0 && this.free(right, cy))
      out.push({ node: cy * this.nx + right, dir: E, cost: xs[right]! - r.x - r.width, point: [r.x + r.width, ys[cy]!] });
    const below = firstAbove(ys, r.y + r.height);
    if (cx >= 0 && this.free(cx, below))
      out.push({ node: below * this.nx + cx, dir: S, cost: ys[below]! - r.y - r.height + ROUTING.side, point: [xs[cx]!, r.y + r.height] });
    const above = firstAbove(ys, r.y - 1e-6) - 1;
    if (cx >= 0 && this.free(cx, above))
      out.push({ node: above * this.nx + cx, dir: N, cost: r.y - ys[above]! + ROUTING.side, point: [xs[cx]!, r.y] });
    return out;
  }

  private goals(r: Rect): Goal[] {
    const out: Goal[] = [];
    const { xs, ys } = this;
    const cx = indexOf(xs, r.x + r.width / 2);
    const cy = indexOf(ys, r.y + r.height / 2);
    const left = firstAbove(xs, r.x - 1e-6) - 1;
    const goal = (i: number, j: number, dir: number, penalty: number, point: Point) =>
      out.push({
        node: j * this.nx + i,
        dir,
        cost: Math.abs(point[0] - xs[i]!) + Math.abs(point[1] - ys[j]!) + penalty,
        penalty,
        point,
      });
    const gap = ROUTING.arrowGap;
    if (cy >= 0 && this.free(left, cy)) goal(left, cy, E, 0, [r.x - gap, ys[cy]!]);
    const above = firstAbove(ys, r.y - 1e-6) - 1;
    if (cx >= 0 && this.free(cx, above)) goal(cx, above, S, ROUTING.side, [xs[cx]!, r.y - gap]);
    const below = firstAbove(ys, r.y + r.height);
    if (cx >= 0 && this.free(cx, below)) goal(cx, below, N, ROUTING.side, [xs[cx]!, r.y + r.height + gap]);
    return out;
  }

  /** The cheapest route between two cards, or null when the grid has none. */
  route(from: Rect, to: Rect): Polyline | null {
    const starts = this.starts(from);
    const goals = this.goals(to);
    if (starts.length === 0 || goals.length === 0) return null;
    const straight = this.straight(starts[0]!, goals[0]!);
    if (straight) return straight;
    const { xs, ys, nx, g, stamp, parent, heap } = this;
    const gen = ++this.generation;
    if (gen === 0xffffffff) {
      stamp.fill(0);
      this.closed.fill(0);
      this.generation = 1;
    }
    heap.clear();
    // Up to three goals, unpacked for the inner loop.
    const goalCount = goals.length;
    const gx = goals.map((t) => t.point[0]);
    const gy = goals.map((t) => t.point[1]);
    const gdir = goals.map((t) => t.dir);
    const gpen = goals.map((t) => t.penalty);
    const estimate = (x: number, y: number, dir: number) => {
      let best = Infinity;
      for (let t = 0; t < goalCount; t++) {
        const px = gx[t]!;
        const py = gy[t]!;
        const h = Math.abs(px - x) + Math.abs(py - y) + gpen[t]! + ROUTING.bend * fewestBends(dir, x, y, gdir[t]!, px, py);
        if (h < best) best = h;
      }
      return best;
    };
    for (const s of starts) {
      const state = s.node * 4 + s.dir;
      if (stamp[state] === gen && g[state]! <= s.cost) continue;
      stamp[state] = gen;
      g[state] = s.cost;
      parent[state] = -1;
      heap.push(state, s.cost + estimate(xs[s.node % nx]!, ys[Math.floor(s.node / nx)]!, s.dir));
    }
    let bestCost = Infinity;
    let bestState = -1;
    let bestGoal: Goal | null = null;
    const ny = ys.length;
    const { blocked, besideRow, eastUse, southUse, eastCap, southCap, closed } = this;
    const { bend, besideLine, congestion, overflow } = ROUTING;
    while (heap.size > 0) {
      if (heap.topKey() >= bestCost) break;
      const state = heap.pop();
      if (closed[state] === gen) continue;
      closed[state] = gen;
      const node = state >> 2;
      const dir = state & 3;
      const cost = g[state]!;
      for (let t = 0; t < goalCount; t++) {
        const goal = goals[t]!;
        if (goal.node !== node || dir === (goal.dir + 2) % 4) continue;
        const total = cost + goal.cost + (dir === goal.dir ? 0 : bend);
        if (total < bestCost) {
          bestCost = total;
          bestState = state;
          bestGoal = goal;
        }
      }
      const i = node % nx;
      const j = (node - i) / nx;
      for (let turn = 0; turn < 3; turn++) {
        const next = turn === 0 ? dir : turn === 1 ? (dir + 1) & 3 : (dir + 3) & 3;
        const ni = i + DX[next]!;
        const nj = j + DY[next]!;
        if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
        const nnode = nj * nx + ni;
        if (blocked[nnode] === 1) continue;
        const nstate = nnode * 4 + next;
        if (closed[nstate] === gen) continue;
        let step: number;
        if (next === E || next === W) {
          const edge = next === E ? node : nnode;
          const use = eastUse[edge]!;
          step =
            Math.abs(xs[ni]! - xs[i]!) *
            (1 + (besideRow[j] === 1 ? besideLine : 0) + use * congestion + (use >= eastCap[edge]! ? overflow : 0));
        } else {
          const edge = next === S ? node : nnode;
          const use = southUse[edge]!;
          step = Math.abs(ys[nj]! - ys[j]!) * (1 + use * congestion + (use >= southCap[edge]! ? overflow : 0));
        }
        if (next !== dir) step += bend;
        const ncost = cost + step;
        if (stamp[nstate] === gen && g[nstate]! <= ncost) continue;
        stamp[nstate] = gen;
        g[nstate] = ncost;
        parent[nstate] = state;
        // Among equal estimates, the state further along comes first.
        heap.push(nstate, ncost + ROUTING.greed * estimate(xs[ni]!, ys[nj]!, next) - ncost * 1e-9);
      }
    }
    if (!bestGoal || bestState < 0) return null;
    const states: number[] = [];
    for (let s = bestState; s >= 0; s = parent[s]!) states.push(s);
    states.reverse();
    const nodes = states.map((s) => s >> 2);
    this.use(nodes);
    const start = starts.find((s) => s.node * 4 + s.dir === states[0])!;
    const points: Polyline = [[start.point[0], start.point[1]]];
    for (const node of nodes) points.push([xs[node % nx]!, ys[Math.floor(node / nx)]!]);
    points.push([bestGoal.point[0], bestGoal.point[1]]);
    return simplify(points);
  }

  /** The straight line from a card's right side to the left side of a card further along the
 * same row, when nothing stands between and the row has room: no route can be cheaper. */
  private straight(start: Start, goal: Goal): Polyline | null {
    if (start.dir !== E || goal.dir !== E || start.point[1] !== goal.point[1]) return null;
    const row = Math.floor(start.node / this.nx);
    if (Math.floor(goal.node / this.nx) !== row || goal.node < start.node) return null;
    const nodes: number[] = [];
    for (let node = start.node; node <= goal.node; node++) {
      if (this.blocked[node] === 1) return null;
      if (node < goal.node && this.eastUse[node]! >= this.eastCap[node]!) return null;
      nodes.push(node);
    }
    this.use(nodes);
    return [
      [start.point[0], start.point[1]],
      [goal.point[0], goal.point[1]],
    ];
  }

  /** Records a route's grid edges as used, so later routes are charged for sharing them. */
  private use(nodes: readonly number[]) {
    for (let k = 1; k < nodes.length; k++) {
      const a = nodes[k - 1]!;
      const b = nodes[k]!;
      if (Math.abs(a - b) === 1) this.eastUse[Math.min(a, b)]!++;
      else this.southUse[Math.min(a, b)]!++;
    }
  }
}

/** Drops repeated points and points in the middle of a straight run. */
export function simplify(points: Polyline): Polyline {
  const out: Polyline = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    const before = out[out.length - 2];
    if (last && before && ((before[0] === last[0] && last[0] === p[0]) || (before[1] === last[1] && last[1] === p[1]))) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}

/** Routes every request, shortest first (they have the fewest ways round), each charged for
 * the grid the earlier ones use. Requests the grid cannot connect get null. */
export function routeOrthogonal(input: OrthogonalInput): (Polyline | null)[] {
  const grid = new RoutingGrid(input);
  const { cards, requests } = input;
  const order = requests
    .map((r, k) => {
      const a = cards[r.from]!;
      const b = cards[r.to]!;
      return { k, d: Math.abs(a.x - b.x) + Math.abs(a.y - b.y) };
    })
    .sort((p, q) => p.d - q.d || p.k - q.k);
  const out: (Polyline | null)[] = requests.map(() => null);
  for (const { k } of order) {
    const r = requests[k]!;
    out[k] = grid.route(cards[r.from]!, cards[r.to]!);
  }
  return out;
}
