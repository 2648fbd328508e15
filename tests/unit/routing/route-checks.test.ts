/** The checks the routing tests rely on must themselves catch what they are for. */
import { describe, expect, it } from "vitest";
import { pathPoints, related, routeProblems, type Box, type RouteCheckFlow } from "../../helpers/route-checks";

const cards = new Map<string, Box>([
  ["a", { x: 0, y: 0, width: 100, height: 50 }],
  ["b", { x: 300, y: 0, width: 100, height: 50 }],
  ["c", { x: 150, y: 0, width: 100, height: 50 }],
  ["d", { x: 0, y: 200, width: 100, height: 50 }],
  ["e", { x: 300, y: 200, width: 100, height: 50 }],
]);
const f = (id: string, from: string, to: string, points: [number, number][]): RouteCheckFlow => ({ id, from, to, points });

describe("routeProblems", () => {
  it("passes a route that goes round the card between", () => {
    const around = f("ab", "a", "b", [
      [100, 25],
      [125, 25],
      [125, 100],
      [275, 100],
      [275, 25],
      [300, 25],
    ]);
    expect(routeProblems([around], cards)).toEqual([]);
  });

  it("reports a route straight through the card between", () => {
    const through = f("ab", "a", "b", [
      [100, 25],
      [300, 25],
    ]);
    expect(routeProblems([through], cards)).toEqual([{ kind: "through-card", flow: "ab", card: "c", length: 100 }]);
  });

  it("reports a line along a card's inside, but not along its edge", () => {
    const inside = f("de", "d", "e", [
      [100, 225],
      [200, 225],
      [200, 30],
      [210, 30],
    ]);
    const along = f("de", "d", "e", [
      [100, 225],
      [150, 225],
      [150, 0],
    ]);
    expect(routeProblems([inside], cards).map((p) => p.kind)).toContain("through-card");
    expect(routeProblems([along], cards).filter((p) => p.kind === "through-card")).toEqual([]);
  });

  it("reports two unrelated flows on one piece of line, however short the overlap", () => {
    const one = f("ae", "a", "e", [
      [100, 25],
      [120, 25],
      [120, 225],
      [300, 225],
    ]);
    const two = f("db", "d", "b", [
      [100, 225],
      [120, 225],
      [120, 200],
      [120, 25],
    ]);
    const kinds = routeProblems([one, two], cards).filter((p) => p.kind === "shared-segment");
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds[0]).toMatchObject({ flow: expect.any(String), other: expect.any(String) });
  });

  it("does not report flows that are apart, even by a pixel, or that share a step", () => {
    const one = f("ae", "a", "e", [
      [100, 25],
      [120, 25],
      [120, 225],
      [295, 225],
    ]);
    const apart = f("db", "d", "b", [
      [100, 230],
      [121, 230],
      [121, 60],
      [275, 60],
      [275, 25],
      [295, 25],
    ]);
    const sibling = f("ab", "a", "b", [
      [100, 25],
      [120, 25],
      [120, 100],
      [295, 100],
    ]);
    expect(routeProblems([one, apart], cards)).toEqual([]);
    expect(routeProblems([one, sibling], cards).filter((p) => p.kind === "shared-segment")).toEqual([]);
  });

  it("reports diagonal pieces and routes that do not meet their steps", () => {
    expect(routeProblems([f("ab", "a", "b", [[100, 25], [300, 40]])], cards).map((p) => p.kind)).toEqual(["diagonal"]);
    expect(
      routeProblems(
        [
          f("ab", "a", "b", [
            [105, 25],
            [110, 25],
            [110, 80],
            [280, 80],
          ]),
        ],
        cards,
      ).map((p) => p.kind),
    ).toEqual(["detached", "detached"]);
  });

  it.each([
    [{ from: "a", to: "b" }, { from: "b", to: "c" }, true],
    [{ from: "a", to: "b" }, { from: "a", to: "c" }, true],
    [{ from: "a", to: "b" }, { from: "c", to: "b" }, true],
    [{ from: "a", to: "b" }, { from: "c", to: "d" }, false],
  ])("related(%j, %j) is %s", (a, b, expected) => {
    expect(related(a, b)).toBe(expected);
  });

  it("reads the points of a path written with M and L", () => {
    expect(pathPoints("M408 110 L458.5 110 L458.5 242 L472 242")).toEqual([
      [408, 110],
      [458.5, 110],
      [458.5, 242],
      [472, 242],
    ]);
  });
});
