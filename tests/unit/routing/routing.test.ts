import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GRID, blueprintLayout } from "../../../src/domain/layout";
import type { Journey } from "../../../src/domain/model";
import { createFlowRouter, layerLineHeights, routeFlows, routingKey, type FlowRoute } from "../../../src/domain/routing/flows";
import { NUDGING } from "../../../src/domain/routing/nudge";
import { ROUTING, fewestBends, routeOrthogonal } from "../../../src/domain/routing/orthogonal";
import { at, buildJourney, frozenJourney, lane } from "../../helpers/journey-builder";
import { routeProblems, type Pt } from "../../helpers/route-checks";

function routed(journey: Journey) {
  const layout = blueprintLayout(journey);
  const routes = routeFlows(layout, journey.flows);
  const flows = journey.flows.map((f) => ({ ...f, points: routes.get(f.id)?.points ?? [] }));
  return { layout, routes, problems: routeProblems(flows, layout.steps) };
}

function pieces(points: readonly Pt[]) {
  return points.slice(1).map((b, i) => [points[i]!, b] as const);
}

const bends = (route: FlowRoute | undefined) => (route ? route.points.length - 2 : NaN);

describe("routeFlows: round the cards", () => {
  /** Tidy up put "Check eligibility" and "Read the guidance" side by side in one cell: a line
   * from the first to "Fill in the form" in the next stage, drawn straight, ran under the second
   * and looked as if it came out of it. */
  const journey = frozenJourney({
    lanes: [lane("C", "citizen"), lane("F", "frontstage", "dwp")],
    stages: ["S1", "S2"],
    steps: [...at("C", "S1", "check", "guidance"), ...at("C", "S2", "form"), ...at("F", "S1", "advice")],
    flows: ["check>form", "advice>guidance"],
  });

  it("goes round a card that stands between the two steps", () => {
    const { routes, problems, layout } = routed(journey);
    expect(problems).toEqual([]);
    const route = routes.get("check>form")!;
    const check = layout.steps.get("check")!;
    const form = layout.steps.get("form")!;
    const [sx, sy] = route.points[0]!;
    expect(sx).toBe(check.x + check.width);
    expect(sy).toBeGreaterThan(check.y);
    expect(sy).toBeLessThan(check.y + check.height);
    expect(route.points[route.points.length - 1]![0]).toBe(form.x - ROUTING.arrowGap);
    expect(bends(route)).toBeGreaterThanOrEqual(2);
  });

  it("where the plain elbow it replaces runs under that card", () => {
    const layout = blueprintLayout(journey);
    const check = layout.steps.get("check")!;
    const form = layout.steps.get("form")!;
    const sx = check.x + check.width;
    const elbow: Pt[] = [
      [sx, check.y + check.height / 2],
      [form.x, form.y + form.height / 2],
    ];
    const problems = routeProblems([{ id: "x", from: "check", to: "form", points: elbow }], layout.steps);
    expect(problems).toContainEqual(expect.objectContaining({ kind: "through-card", card: "guidance" }));
  });
});

describe("routeFlows: simple shapes", () => {
  it.each<[string, Journey, string, number]>([
    [
      "next card in the cell: one straight line",
      buildJourney({ lanes: ["C"], stages: ["S1"], steps: at("C", "S1", "a", "b"), flows: ["a>b"] }),
      "a>b",
      0,
    ],
    [
      "the next stage, same lane: one straight line",
      buildJourney({ lanes: ["C"], stages: ["S1", "S2"], steps: [...at("C", "S1", "a"), ...at("C", "S2", "b")], flows: ["a>b"] }),
      "a>b",
      0,
    ],
    [
      "the card below in the same column: bottom to top, straight",
      buildJourney({
        lanes: [lane("C", "citizen"), lane("F", "frontstage", "dwp")],
        stages: ["S1"],
        steps: [...at("C", "S1", "a"), ...at("F", "S1", "b")],
        flows: ["a>b"],
      }),
      "a>b",
      0,
    ],
    [
      "down and on to the next stage: two bends",
      buildJourney({
        lanes: [lane("C", "citizen"), lane("F", "frontstage", "dwp")],
        stages: ["S1", "S2"],
        steps: [...at("C", "S1", "a"), ...at("F", "S2", "b")],
        flows: ["a>b"],
      }),
      "a>b",
      2,
    ],
  ])("%s", (_name, journey, id, bendCount) => {
    const { routes, problems } = routed(journey);
    expect(problems).toEqual([]);
    expect(bends(routes.get(id))).toBe(bendCount);
  });

  it("routes the same journey the same way every time", () => {
    const journey = buildJourney({
      lanes: ["C", lane("F", "frontstage", "dwp"), lane("B", "backstage", "dwp")],
      stages: ["S1", "S2", "S3"],
      steps: [...at("C", "S1", "a", "b"), ...at("F", "S2", "c", "d"), ...at("B", "S3", "e"), ...at("C", "S3", "f")],
      flows: ["a>c", "b>d", "c>e", "d>f", "e>a", "f>b"],
    });
    const layout = blueprintLayout(journey);
    expect(routeFlows(layout, journey.flows)).toEqual(routeFlows(layout, journey.flows));
  });

  it("gives no route to a flow whose step is not drawn", () => {
    const journey = buildJourney({
      lanes: ["C"],
      stages: ["S1"],
      steps: [...at("C", "S1", "a"), { id: "lost", laneId: "gone", stageId: "S1" }],
      flows: ["a>lost"],
    });
    expect(routeFlows(blueprintLayout(journey), journey.flows).size).toBe(0);
  });
});

describe("routeFlows: loops back", () => {
  // The citizen's lane sits between two layer lines: a flow back to an earlier stage has to
  // run along one of the gaps beside them.
  const journey = buildJourney({
    lanes: [lane("E", "evidence"), lane("C", "citizen"), lane("F", "frontstage", "dwp")],
    stages: ["S1", "S2", "S3"],
    steps: [...at("E", "S1", "letter"), ...at("C", "S1", "a"), ...at("C", "S2", "b"), ...at("C", "S3", "c"), ...at("F", "S2", "d")],
    flows: ["a>b", "b>c", "c>a", "letter>a", "d>c"],
  });

  it("runs along the gap away from the layer lines, not beside them", () => {
    const { routes, problems, layout } = routed(journey);
    expect(problems).toEqual([]);
    const lines = layerLineHeights(layout);
    expect(lines.length).toBeGreaterThan(0);
    for (const route of routes.values()) {
      for (const [a, b] of pieces(route.points)) {
        if (a[1] !== b[1]) continue;
        // Not in the gap between the cards either side of a line at all, where there is another.
        for (const line of lines) expect(Math.abs(a[1] - line)).toBeGreaterThan(GRID.cellPadY);
      }
    }
    const back = routes.get("c>a")!;
    expect(back.points[back.points.length - 1]![0]).toBeLessThan(back.points[0]![0]);
  });
});

describe("routeFlows: never on another flow's line", () => {
  it("spreads flows into one card along its side", () => {
    const journey = buildJourney({
      lanes: ["C", lane("F", "frontstage", "dwp"), lane("B", "backstage", "dwp")],
      stages: ["S1", "S2"],
      steps: [...at("C", "S1", "a"), ...at("F", "S1", "b"), ...at("B", "S1", "c"), ...at("F", "S2", "t")],
      flows: ["a>t", "b>t", "c>t"],
    });
    const { routes, problems, layout } = routed(journey);
    expect(problems).toEqual([]);
    const t = layout.steps.get("t")!;
    const ends = [...routes.values()].map((r) => r.points[r.points.length - 1]!);
    expect(new Set(ends.map((p) => p[1])).size).toBe(3);
    for (const [, y] of ends) {
      expect(y).toBeGreaterThanOrEqual(t.y + NUDGING.portInset);
      expect(y).toBeLessThanOrEqual(t.y + t.height - NUDGING.portInset);
    }
  });

  it("puts unrelated flows through one gap on separate tracks", () => {
    const journey = buildJourney({
      lanes: ["C", lane("F", "frontstage", "dwp"), lane("B", "backstage", "dwp")],
      stages: ["S1", "S2"],
      steps: [...at("C", "S1", "a"), ...at("B", "S1", "b"), ...at("B", "S2", "c"), ...at("C", "S2", "d")],
      flows: ["a>c", "b>d"],
    });
    const { routes, problems } = routed(journey);
    expect(problems).toEqual([]);
    const verticalX = (r: FlowRoute) => pieces(r.points).filter(([p, q]) => p[0] === q[0]).map(([p]) => p[0]);
    const one = verticalX(routes.get("a>c")!);
    const two = verticalX(routes.get("b>d")!);
    expect(one.length).toBeGreaterThan(0);
    for (const x of one) for (const y of two) expect(Math.abs(x - y)).toBeGreaterThanOrEqual(NUDGING.minSpacing);
  });
});

describe("routeFlows: counterexamples the property found", () => {
  const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url), "utf8")) as Journey;

  it.each<[string, string]>([
    // Seed 1113835369: six flows through the gap under the last lane, spread 1 apart in the
    // first round; the second round spread the two still on the grid line to 0.25 from the
    // tracks of the other four, as if those were not there (s10>s8 on s0>s13's line).
    ["a crowded gap below the last lane (seed 1113835369)", "routing-crowded-gap.json"],
  ])("%s", (_name, file) => {
    const { problems } = routed(fixture(file));
    expect(problems).toEqual([]);
  });
});

describe("routeOrthogonal", () => {
  const bounds = { x: 0, y: 0, width: 1000, height: 600 };
  it("gives null when the target cannot be reached (the grid is walled off)", () => {
    const cards = [
      { x: 20, y: 20, width: 100, height: 60 },
      // Walls round the target, closer than the clearance allows a route through.
      { x: 400, y: 200, width: 100, height: 60 },
      { x: 393, y: 150, width: 114, height: 48 },
      { x: 393, y: 262, width: 114, height: 48 },
      { x: 343, y: 150, width: 48, height: 160 },
      { x: 509, y: 150, width: 48, height: 160 },
    ];
    expect(routeOrthogonal({ bounds, cards, avoidLines: [], requests: [{ from: 0, to: 1 }] })).toEqual([null]);
  });
});

describe("fewestBends", () => {
  const [E, S, W, N] = [0, 1, 2, 3];
  it.each([
    ["straight ahead", E, 10, 0, E, 0],
    ["ahead, another row", E, 10, 5, E, 2],
    ["behind, same heading", E, -10, 0, E, 4],
    ["turn once into a card below", E, 10, 10, S, 1],
    ["a card below but behind", E, -10, 10, S, 3],
    ["come back the other way", E, 10, 10, W, 2],
    ["come back along the same row", E, -10, 0, W, 4],
    ["heading north to a card above, then east", N, 10, -10, E, 1],
  ])("%s", (_name, dir, tx, ty, goal, expected) => {
    expect(fewestBends(dir, 0, 0, goal, tx, ty)).toBe(expected);
  });
});

describe("createFlowRouter", () => {
  const journey = buildJourney({
    lanes: ["C", lane("F", "frontstage", "dwp")],
    stages: ["S1", "S2"],
    steps: [...at("C", "S1", "a", "b"), ...at("F", "S2", "c"), ...at("C", "S2", "d")],
    flows: ["a>c", "b>d"],
  });

  it("gives the same routes object while nothing it depends on changes", () => {
    const route = createFlowRouter();
    const first = route(blueprintLayout(journey), journey.flows);
    const relabelled = { ...journey, steps: journey.steps.map((s) => (s.id === "a" ? { ...s, label: "New words" } : s)) };
    expect(route(blueprintLayout(relabelled), relabelled.flows)).toBe(first);
  });

  it("routes again when a step moves, keeping the object of a route that comes out the same", () => {
    const route = createFlowRouter();
    const first = route(blueprintLayout(journey), journey.flows);
    const added = buildJourney({
      lanes: ["C", lane("F", "frontstage", "dwp"), lane("B", "backstage", "dwp")],
      stages: ["S1", "S2"],
      steps: [...at("C", "S1", "a", "b"), ...at("F", "S2", "c"), ...at("C", "S2", "d"), ...at("B", "S1", "z")],
      flows: ["a>c", "b>d"],
    });
    const second = route(blueprintLayout(added), added.flows);
    expect(second).not.toBe(first);
    expect(second.get("b>d")).toBe(first.get("b>d"));
  });
});

describe("routingKey", () => {
  const journey = buildJourney({
    lanes: ["C", lane("F", "frontstage", "dwp")],
    stages: ["S1", "S2"],
    steps: [...at("C", "S1", "a", "b"), ...at("F", "S2", "c")],
    flows: ["a>c", "b>c"],
  });
  const key = (j: Journey) => routingKey(blueprintLayout(j), j.flows);

  it("is the same for the same cards and flows, whatever else changed", () => {
    const relabelled = { ...journey, steps: journey.steps.map((s) => ({ ...s, label: `${s.label}!` })), flows: journey.flows.map((f) => ({ ...f, label: "why" })) };
    expect(key(relabelled)).toBe(key(journey));
  });

  it.each<[string, (j: Journey) => Journey]>([
    ["a card moves", (j) => ({ ...j, steps: j.steps.map((s) => (s.id === "a" ? { ...s, order: 5 } : s)) })],
    ["a flow goes elsewhere", (j) => ({ ...j, flows: j.flows.map((f) => (f.id === "b>c" ? { ...f, to: "a" } : f)) })],
    ["a flow is removed", (j) => ({ ...j, flows: j.flows.slice(1) })],
    ["a lane changes layer (a layer line appears)", (j) => ({ ...j, lanes: j.lanes.map((l) => (l.id === "F" ? { ...l, layer: "citizen" as const } : l)) })],
  ])("changes when %s", (_name, change) => {
    expect(key(change(journey))).not.toBe(key(journey));
  });
});
