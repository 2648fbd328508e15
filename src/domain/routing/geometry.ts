/** Points, rectangles and a bucket index of rectangles, for routing flows around cards. */

export type Point = readonly [number, number];

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The area two rectangles share (0 when they only touch). */
export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The length of the axis-parallel segment a–b that lies strictly inside a rectangle. */
export function lengthInside(a: Point, b: Point, r: Rect): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  if (ay === by) {
    if (ay <= r.y || ay >= r.y + r.height) return 0;
    return Math.max(0, Math.min(Math.max(ax, bx), r.x + r.width) - Math.max(Math.min(ax, bx), r.x));
  }
  if (ax <= r.x || ax >= r.x + r.width) return 0;
  return Math.max(0, Math.min(Math.max(ay, by), r.y + r.height) - Math.max(Math.min(ay, by), r.y));
}

const BUCKET = 256;

/** Rectangles in a coarse grid of buckets, so a query near a point looks at few of them. */
export class RectIndex<T extends Rect> {
  private readonly buckets = new Map<number, number[]>();
  private readonly items: T[] = [];
  private marks = new Uint32Array(64);
  private query = 0;

  constructor(items: Iterable<T> = []) {
    for (const item of items) this.add(item);
  }

  add(item: T): void {
    const id = this.items.length;
    this.items.push(item);
    if (id >= this.marks.length) {
      const marks = new Uint32Array(this.marks.length * 2);
      marks.set(this.marks);
      this.marks = marks;
    }
    const bx1 = Math.floor((item.x + item.width) / BUCKET);
    const by1 = Math.floor((item.y + item.height) / BUCKET);
    for (let bx = Math.floor(item.x / BUCKET); bx <= bx1; bx++) {
      for (let by = Math.floor(item.y / BUCKET); by <= by1; by++) {
        const key = bucketKey(bx, by);
        const list = this.buckets.get(key);
        if (list) list.push(id);
        else this.buckets.set(key, [id]);
      }
    }
  }

  /** Calls `visit` once for every stored rectangle whose bucket the area touches (a superset
   * of those that overlap it). */
  near(x0: number, y0: number, x1: number, y1: number, visit: (item: T) => void): void {
    const query = ++this.query;
    if (query === 0xffffffff) {
      this.marks.fill(0);
      this.query = 1;
    }
    const bx1 = Math.floor(x1 / BUCKET);
    const by1 = Math.floor(y1 / BUCKET);
    for (let bx = Math.floor(x0 / BUCKET); bx <= bx1; bx++) {
      for (let by = Math.floor(y0 / BUCKET); by <= by1; by++) {
        const list = this.buckets.get(bucketKey(bx, by));
        if (!list) continue;
        for (const id of list) {
          if (this.marks[id] === this.query) continue;
          this.marks[id] = this.query;
          visit(this.items[id]!);
        }
      }
    }
  }
}

/** One number for a bucket (each coordinate well within ±2^20 for any drawable journey). */
function bucketKey(bx: number, by: number): number {
  return (bx + 1048576) * 2097152 + (by + 1048576);
}
