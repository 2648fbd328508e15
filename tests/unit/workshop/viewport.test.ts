import { describe, expect, it } from "vitest";
import { CARD_LABEL_PX, centreRect, fitRect, openingView, panIntoView, PRESENTING_ZOOM, READABLE_ZOOM, zoomForLabel } from "../../../src/canvas/viewport";

const insets = { left: 100, top: 40, right: 20, bottom: 20 };
const size = { width: 1120, height: 660 }; // 1000 × 600 free

describe("readable zoom levels", () => {
  it("draws labels at least at the asked size, and never far above it", () => {
    for (const px of [12, 18, 24]) {
      const zoom = zoomForLabel(px);
      expect(CARD_LABEL_PX * zoom).toBeGreaterThanOrEqual(px);
      expect(CARD_LABEL_PX * zoom).toBeLessThan(px + 0.02);
    }
    expect(CARD_LABEL_PX * READABLE_ZOOM).toBeGreaterThanOrEqual(12);
    expect(CARD_LABEL_PX * PRESENTING_ZOOM).toBeGreaterThanOrEqual(18);
  });

  it("opens a blueprint too large for the view at the readable minimum, on its top left corner", () => {
    const rect = { x: 190, y: 44, width: 4000, height: 3000 };
    for (const view of [fitRect(rect, size, insets, READABLE_ZOOM, 1), openingView(rect, size, insets)]) {
      expect(view.zoom).toBe(READABLE_ZOOM);
      expect(view.x + rect.x * view.zoom).toBeCloseTo(insets.left);
      expect(view.y + rect.y * view.zoom).toBeCloseTo(insets.top);
    }
  });

  it("opens a small blueprint whole, at most at zoom 1, against the headers rather than centred", () => {
    const small = { x: 190, y: 44, width: 708, height: 132 };
    const view = openingView(small, size, insets);
    expect(view.zoom).toBe(1);
    expect(view.x + small.x).toBe(insets.left);
    const middling = { x: 190, y: 44, width: 1050, height: 300 };
    expect(openingView(middling, size, insets).zoom).toBeCloseTo(1000 / 1050);
  });
});

describe("centreRect", () => {
  it("centres a rect that fits, as large as the zoom limit allows", () => {
    const view = centreRect({ x: 0, y: 0, width: 500, height: 200 }, size, insets, 1, 1.5);
    expect(view.zoom).toBe(1.5);
    expect(view.x).toBeCloseTo(100 + (1000 - 750) / 2);
    expect(view.y).toBeCloseTo(40 + (600 - 300) / 2);
  });

  it("shows the top left corner of a rect too large at the smallest zoom", () => {
    const view = centreRect({ x: 50, y: 60, width: 3000, height: 3000 }, size, insets, 1.4, 2);
    expect(view).toEqual({ x: 100 - 50 * 1.4, y: 40 - 60 * 1.4, zoom: 1.4 });
  });
});

describe("panIntoView", () => {
  const viewport = { x: 0, y: 0, zoom: 1 };
  it("leaves the view alone when the rect is already in view", () => {
    expect(panIntoView(viewport, { x: 200, y: 100, width: 200, height: 100 }, size, insets)).toBe(viewport);
  });

  it("pans the least that brings a rect off the right edge into view", () => {
    const view = panIntoView(viewport, { x: 1500, y: 100, width: 236, height: 100 }, size, insets);
    expect(view).toEqual({ x: 1100 - (1500 + 236), y: 0, zoom: 1 });
  });

  it("shows the left edge of a rect wider than the view, and pans back to one off the left", () => {
    expect(panIntoView(viewport, { x: 1500, y: 100, width: 3000, height: 100 }, size, insets).x).toBe(100 - 1500);
    expect(panIntoView({ x: -800, y: 0, zoom: 2 }, { x: 190, y: 100, width: 100, height: 10 }, size, insets).x).toBe(100 - 380);
  });
});
