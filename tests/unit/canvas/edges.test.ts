import { describe, expect, it } from "vitest";
import { createEdgeBuilder, createLabelBuilder, flowName, type EdgeInputs } from "../../../src/canvas/nodes";
import { blueprintLayout } from "../../../src/domain/layout";
import { routeFlows } from "../../../src/domain/routing/flows";
import { flowLabelLayouts, placeLabels } from "../../../src/export/svg-flows";
import { at, buildJourney, lane } from "../../helpers/journey-builder";

describe("flowName", () => {
  it.each([
    ["Check eligibility", "Fill in the form", "", null, "Check eligibility → Fill in the form"],
    ["Register the death", "Tell Us Once", "Later, online", null, "Register the death → Tell Us Once (Later, online)"],
    ["Book", "Attend", "", "citizen-carried", "Book → Attend (handoff the citizen carries)"],
    ["Send", "Decide", "if eligible", "direct", "Send → Decide (if eligible; direct handoff)"],
    ["  ", "Decide", "", "internal", "Untitled step → Decide (internal handoff)"],
  ] as const)("%j → %j", (from, to, label, handoff, name) => {
    expect(flowName(from, to, label, handoff)).toBe(name);
  });
});

describe("the canvas's flow edges", () => {
  const journey = buildJourney({
    lanes: ["C", lane("F", "frontstage", "dwp")],
    stages: ["S1", "S2"],
    steps: [
      { id: "a", laneId: "C", stageId: "S1", label: "Check eligibility" },
      { id: "b", laneId: "C", stageId: "S1", label: "Read the guidance" },
      { id: "c", laneId: "F", stageId: "S2", label: "Fill in the form" },
      ...at("F", "S1", "d"),
    ],
    flows: [
      { from: "a", to: "c", label: "if eligible" },
      { from: "b", to: "d" },
    ],
  });
  const layout = blueprintLayout(journey);
  const routes = routeFlows(layout, journey.flows);
  const inputs = (over: Partial<EdgeInputs> = {}): EdgeInputs => ({
    flows: journey.flows,
    boxes: layout.steps,
    handoffOn: new Map(),
    selected: new Set(),
    routes,
    labels: new Map(),
    moving: new Set(),
    stepLabels: new Map(journey.steps.map((s) => [s.id, s.label])),
    ...over,
  });

  it("names each flow by its steps and draws it along its route", () => {
    const edges = createEdgeBuilder()(inputs());
    expect(edges.map((e) => e.ariaLabel)).toEqual(["Check eligibility → Fill in the form (if eligible)", "Read the guidance → d"]);
    expect(edges[0]!.data!.route).toBe(routes.get("a>c"));
  });

  it("keeps an edge's object while nothing it shows changes, and drops the route of a flow being dragged", () => {
    const build = createEdgeBuilder();
    const first = build(inputs());
    const again = build(inputs({ stepLabels: new Map(journey.steps.map((s) => [s.id, s.label])) }));
    expect(again[0]).toBe(first[0]);
    const dragging = build(inputs({ moving: new Set(["c"]) }));
    expect(dragging[0]!.data!.route).toBeNull();
    expect(dragging[1]).toBe(first[1]);
  });

  it("labels a citizen-carried handoff that has no label of its own, placed as the SVG export places it", () => {
    const buildLabels = createLabelBuilder();
    const handoffOn = new Map([["b>d", "citizen-carried" as const]]);
    const labels = buildLabels({
      flows: journey.flows,
      handoffOn,
      routes,
      layoutLabel: flowLabelLayouts,
      place: (requests) => placeLabels(layout, routes, requests),
    });
    expect(labels.get("b>d")).toMatchObject({ text: "citizen carries it", citizen: true });
    const exported = placeLabels(layout, routes, [
      { id: "a>c", sizes: flowLabelLayouts("if eligible", false) },
      { id: "b>d", sizes: flowLabelLayouts("citizen carries it", true) },
    ]);
    expect(labels.get("a>c")!.at).toEqual(exported.get("a>c")!.at);
    // The same inputs again: the same label objects.
    const again = buildLabels({ flows: journey.flows, handoffOn, routes, layoutLabel: flowLabelLayouts, place: () => new Map() });
    expect(again.get("a>c")).toBe(labels.get("a>c"));
  });
});
