import { describe, expect, it } from "vitest";
import { revealRect, type Insets } from "../../../src/canvas/viewport";

const SIZE = { width: 1000, height: 600 };
const INSETS: Insets = { left: 100, top: 50, right: 20, bottom: 20 };
/** The free part of the view: x 100…980, y 50…580. */

describe("revealRect", () => {
  it("leaves the view alone when the rect is in view", () => {
    expect(revealRect({ x: 200, y: 100, width: 200, height: 100 }, { x: 0, y: 0, zoom: 1 }, SIZE, INSETS)).toBeNull();
    // Touching the edges of the free area still counts as in view.
    expect(revealRect({ x: 100, y: 50, width: 880, height: 530 }, { x: 0, y: 0, zoom: 1 }, SIZE, INSETS)).toBeNull();
  });

  it.each<[string, { x: number; y: number; width: number; height: number }, { x: number; y: number }]>([
    ["off to the right", { x: 900, y: 100, width: 200, height: 100 }, { x: -120, y: 0 }],
    ["under the lane headers", { x: 50, y: 100, width: 200, height: 100 }, { x: 50, y: 0 }],
    ["under the stage headers", { x: 200, y: 0, width: 200, height: 100 }, { x: 0, y: 50 }],
    ["below the view", { x: 200, y: 550, width: 200, height: 100 }, { x: 0, y: -70 }],
    ["off two edges", { x: 950, y: 560, width: 200, height: 100 }, { x: -170, y: -80 }],
    ["too wide for the view: its left edge shows", { x: 500, y: 100, width: 2000, height: 100 }, { x: -400, y: 0 }],
  ])("pans the least to bring a rect %s into view, keeping the zoom", (_what, rect, expected) => {
    expect(revealRect(rect, { x: 0, y: 0, zoom: 1 }, SIZE, INSETS)).toEqual({ ...expected, zoom: 1 });
  });

  it("works in screen space at any zoom and pan", () => {
    // At zoom 0.5 panned by (40, 10), the rect sits on screen at x 540…640: in view.
    expect(revealRect({ x: 1000, y: 200, width: 200, height: 100 }, { x: 40, y: 10, zoom: 0.5 }, SIZE, INSETS)).toBeNull();
    // At zoom 2 the same rect is on screen at x 2040…2440: pan left by 1460.
    expect(revealRect({ x: 1000, y: 200, width: 200, height: 100 }, { x: 40, y: 10, zoom: 2 }, SIZE, INSETS)).toEqual({ x: -1420, y: -20, zoom: 2 });
  });
});
