/**
 * Size and depth guards that run before anything recursive touches untrusted data. Both are
 * iterative: a 20,000-level value must be refused, not overflow the stack while measuring it.
 */

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** True when JSON text nests objects and arrays more than `limit` levels deep. Brackets
 * inside strings are not counted. Runs before JSON.parse. */
export function jsonTextExceedsDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (inString) {
      if (unit === BACKSLASH) i++;
      else if (unit === QUOTE) inString = false;
    } else if (unit === QUOTE) {
      inString = true;
    } else if (unit === OPEN_BRACE || unit === OPEN_BRACKET) {
      depth++;
      if (depth > limit) return true;
    } else if (unit === CLOSE_BRACE || unit === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

export type ValueShape = "ok" | "too-deep" | "too-many-values";

interface Frame {
  container: object;
  /** Own keys of an object, or null for an array. */
  keys: string[] | null;
  length: number;
  next: number;
  depth: number;
}

/**
 * Measures a value already in memory (a parsed file, an IndexedDB record, a message from
 * another tab). An object or array at the top is at depth 1. The walk keeps one frame per
 * level, so its memory is bounded by the depth limit. Shared objects are walked again only
 * when reached at a greater depth, so a cycle is reported as too deep and a heavily shared
 * value cannot make the walk explode. At most `maxValues` values are visited.
 */
export function measureValue(value: unknown, limit: number, maxValues: number): ValueShape {
  const deepestSeen = new Map<object, number>();
  const frames: Frame[] = [];
  let visited = 0;

  const enter = (candidate: unknown, depth: number): ValueShape => {
    visited++;
    if (visited > maxValues) return "too-many-values";
    if (typeof candidate !== "object" || candidate === null) return "ok";
    if (depth > limit) return "too-deep";
    const seenAt = deepestSeen.get(candidate);
    if (seenAt !== undefined && seenAt >= depth) return "ok";
    deepestSeen.set(candidate, depth);
    const keys = Array.isArray(candidate) ? null : Object.keys(candidate);
    const length = keys === null ? (candidate as unknown[]).length : keys.length;
    if (length > maxValues - visited) return "too-many-values";
    frames.push({ container: candidate, keys, length, next: 0, depth });
    return "ok";
  };

  let shape = enter(value, 1);
  while (shape === "ok" && frames.length > 0) {
    const frame = frames[frames.length - 1] as Frame;
    if (frame.next >= frame.length) {
      frames.pop();
      continue;
    }
    const index = frame.next++;
    const child =
      frame.keys === null
        ? (frame.container as unknown[])[index]
        : (frame.container as Record<string, unknown>)[frame.keys[index] as string];
    shape = enter(child, frame.depth + 1);
  }
  return shape;
}
