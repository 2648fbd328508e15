import { describe, expect, it } from "vitest";
import { placeFlowLabels } from "../../../src/domain/routing/labels";
import type { FlowRoute } from "../../../src/domain/routing/flows";
import { FLOW_LABEL, flowLabelLayout, flowLabelLayouts } from "../../../src/export/svg-flows";
import { textWidth } from "../../../src/export/text-measure";

const route = (...points: [number, number][]): FlowRoute => ({ points });
const bounds = { x: 0, y: 0, width: 1000, height: 1000 };
const one = (width: number, height = 16) => [{ width, height }];

describe("placeFlowLabels", () => {
  it("puts a label on the longest piece of its route that has room, clear of the cards", () => {
    const routes = new Map([["f", route([200, 50], [250, 50], [250, 400], [300, 400])]]);
    const cards = [
      { x: 0, y: 0, width: 200, height: 100 },
      { x: 300, y: 350, width: 200, height: 100 },
    ];
    const at = placeFlowLabels(routes, [{ id: "f", sizes: one(60) }], { cards, bounds }).get("f")!.at;
    expect(at[0]).toBe(250);
    expect(at[1]).toBe(225);
  });

  it("moves a second label off the first", () => {
    const routes = new Map([
      ["f", route([0, 300], [600, 300])],
      ["g", route([100, 300.5], [500, 300.5])],
    ]);
    const places = placeFlowLabels(
      routes,
      [
        { id: "f", sizes: one(80) },
        { id: "g", sizes: one(80) },
      ],
      { cards: [], bounds },
    );
    const [fx] = places.get("f")!.at;
    const [gx, gy] = places.get("g")!.at;
    const apart = Math.abs(fx - gx) >= 80 || Math.abs(places.get("f")!.at[1] - gy) >= 16;
    expect(apart).toBe(true);
  });

  it("keeps a label off another flow's line and off the grid's lines", () => {
    const routes = new Map([
      ["f", route([100, 200], [100, 600])],
      ["other", route([0, 400], [300, 400])],
    ]);
    const rules: [readonly [number, number], readonly [number, number]][] = [
      [
        [0, 300],
        [1000, 300],
      ],
    ];
    const { at } = placeFlowLabels(routes, [{ id: "f", sizes: one(40) }], { cards: [], bounds, rules }).get("f")!;
    expect(Math.abs(at[1] - 400)).toBeGreaterThan(8);
    expect(Math.abs(at[1] - 300)).toBeGreaterThan(8);
  });

  it("takes a narrower size when only that fits between two cards", () => {
    const routes = new Map([["f", route([200, 50], [292, 50])]]);
    const cards = [
      { x: 0, y: 0, width: 200, height: 100 },
      { x: 292, y: 0, width: 200, height: 100 },
    ];
    const sizes = [
      { width: 120, height: 16 },
      { width: 70, height: 29 },
    ];
    expect(placeFlowLabels(routes, [{ id: "f", sizes }], { cards, bounds }).get("f")!.size).toBe(1);
  });

  it("keeps a label inside the bounds", () => {
    const routes = new Map([["f", route([195, 50], [195, 60])]]);
    const { at } = placeFlowLabels(routes, [{ id: "f", sizes: one(80) }], {
      cards: [],
      bounds: { x: 190, y: 44, width: 500, height: 500 },
    }).get("f")!;
    expect(at[0] - 40).toBeGreaterThanOrEqual(190);
    expect(at[1] - 8).toBeGreaterThanOrEqual(44);
  });

  it("places nothing for a flow without a route", () => {
    expect(placeFlowLabels(new Map(), [{ id: "f", sizes: one(40) }], { cards: [], bounds }).size).toBe(0);
  });
});

describe("flowLabelLayout", () => {
  it("keeps a short label on one line", () => {
    const layout = flowLabelLayout("Notification", false);
    expect(layout.lines).toEqual(["Notification"]);
    expect(layout.height).toBe(FLOW_LABEL.lineHeight + 2 * FLOW_LABEL.padY);
  });

  it("wraps a long label instead of cutting it", () => {
    const label = "Certificate received: the family can book the funeral";
    const layout = flowLabelLayout(label, false);
    expect(layout.lines.length).toBeGreaterThan(1);
    expect(layout.lines.join(" ")).toBe(label);
    for (const line of layout.lines) expect(textWidth(line, FLOW_LABEL.size)).toBeLessThanOrEqual(FLOW_LABEL.maxWidth);
    expect(layout.width).toBeLessThanOrEqual(FLOW_LABEL.maxWidth + 2 * FLOW_LABEL.padX + 1);
  });

  it("offers narrower layouts, each holding the whole text, and no two alike", () => {
    const layouts = flowLabelLayouts("Now, with the registrar", false);
    expect(layouts.length).toBeGreaterThan(1);
    for (const l of layouts) expect(l.lines.join(" ")).toBe("Now, with the registrar");
    expect(new Set(layouts.map((l) => l.lines.join("|"))).size).toBe(layouts.length);
    expect(flowLabelLayouts("or", false)).toHaveLength(1);
  });
});
