import { describe, it, expect } from "vitest";
import { emptyMetrics } from "../../src/domain/step-metrics";
import { test, fc } from "@fast-check/vitest";
import { propertyParams } from "../helpers/runs";
import {
  addActor,
  addAnnotation,
  addLane,
  addStage,
  addStep,
  applyCellOrders,
  cellSteps,
  cloneSteps,
  canConnect,
  connect,
  createJourney,
  decideDuplicate,
  insertSteps,
  moveLane,
  moveStage,
  moveStep,
  newStep,
  removeActor,
  removeAnnotation,
  removeFlows,
  removeLane,
  removeStage,
  removeSteps,
  renameStage,
  updateActor,
  updateAnnotation,
  updateFlow,
  updateJourneyDetails,
  updateLane,
  updateStep,
  type RemovalPolicy,
} from "../../src/domain/journey";
import type { Journey, Layer, Step } from "../../src/domain/model";
import {
  actor,
  at,
  buildJourney,
  cells,
  deepFreeze,
  flow,
  frozenJourney,
  lane,
  orders,
  stepOf,
} from "../helpers/journey-builder";

/**
 * L1/S1: a b c    L1/S2: e
 * L2/S1: d
 * L3 and S3 are empty. Flows a→b, b→d, d→e. Note n1 is on b, n2 is free.
 */
function base(): Journey {
  return frozenJourney({
    lanes: ["L1", "L2", "L3"],
    stages: ["S1", "S2", "S3"],
    steps: [...at("L1", "S1", "a", "b", "c"), ...at("L2", "S1", "d"), ...at("L1", "S2", "e")],
    flows: ["a>b", "b>d", "d>e"],
    annotations: [
      { id: "n1", stepId: "b" },
      { id: "n2", stepId: null },
    ],
  });
}

const BASE_CELLS = { "L1/S1": ["a", "b", "c"], "L1/S2": ["e"], "L2/S1": ["d"] };

/** Every step object of `after` that is not in `changed` is the very object of `before`. */
function expectOtherStepsKept(before: Journey, after: Journey, changed: string[]) {
  for (const step of before.steps) {
    if (changed.includes(step.id)) continue;
    expect(stepOf(after, step.id), step.id).toBe(step);
  }
}

function counter() {
  let n = 0;
  return (prefix: string) => `${prefix}-${++n}`;
}

describe("createJourney and newStep", () => {
  it("creates an empty journey stamped with the given time", () => {
    expect(createJourney("j1", "Apply for a Blue Badge", "2026-02-03T04:05:06.000Z")).toEqual({
      id: "j1",
      title: "Apply for a Blue Badge",
      scenario: "",
      description: "",
      ownerTeam: "",
      createdAt: "2026-02-03T04:05:06.000Z",
      updatedAt: "2026-02-03T04:05:06.000Z",
      actors: [],
      lanes: [],
      stages: [],
      steps: [],
      flows: [],
      annotations: [],
      customDataItems: [],
      duplicateDecisions: [],
    });
  });

  it("gives a new card sensible defaults", () => {
    expect(newStep("s", "L", "S")).toEqual({
      id: "s",
      laneId: "L",
      stageId: "S",
      order: 0,
      label: "New step",
      description: "",
      channel: null,
      dataItems: [],
      evidence: [],
      activeMinutes: null,
      waitingMinutes: null,
      painPoints: [],
      emotion: null,
      evidenceStatus: "observed",
      failPoint: false,
      waitPoint: false,
      notes: "",
      tags: [],
      sources: [],
      metrics: emptyMetrics(),
    });
  });

  it("lets fields override the defaults", () => {
    const step = newStep("s", "L", "S", { label: "Post the form", channel: "post", order: 3 });
    expect([step.label, step.channel, step.order]).toEqual(["Post the form", "post", 3]);
  });

  it("gives each new card its own arrays", () => {
    const one = newStep("s1", "L", "S");
    const two = newStep("s2", "L", "S");
    expect(one.dataItems).not.toBe(two.dataItems);
    expect(one.tags).not.toBe(two.tags);
  });
});

describe("cellSteps", () => {
  it("returns a cell's steps by order, whatever their place in the array", () => {
    const j = frozenJourney({
      lanes: ["L1", "L2"],
      stages: ["S1"],
      steps: [
        { id: "x", order: 2 },
        { id: "y", order: 0 },
        { id: "other", laneId: "L2", order: 1 },
        { id: "z", order: 1 },
      ],
    });
    expect(cellSteps(j, "L1", "S1").map((s) => s.id)).toEqual(["y", "z", "x"]);
    expect(cellSteps(j, "L2", "S1").map((s) => s.id)).toEqual(["other"]);
    expect(cellSteps(j, "L2", "S9")).toEqual([]);
  });

  it("breaks ties in order by id, as the blueprint grid draws them", () => {
    const j = frozenJourney({
      lanes: ["L1"],
      stages: ["S1"],
      steps: [
        { id: "q", order: 0 },
        { id: "p", order: 0 },
      ],
    });
    expect(cellSteps(j, "L1", "S1").map((s) => s.id)).toEqual(["p", "q"]);
  });
});

describe("updateJourneyDetails", () => {
  it.each([
    [{ title: "Renew a passport" }, ["Renew a passport", "", "", ""]],
    [{ scenario: "Lost passport abroad" }, ["A journey", "Lost passport abroad", "", ""]],
    [{ description: "As-is, 2026" }, ["A journey", "", "As-is, 2026", ""]],
    [{ ownerTeam: "HMPO", title: "T" }, ["T", "", "", "HMPO"]],
  ])("sets %o", (patch, [title, scenario, description, ownerTeam]) => {
    const j = base();
    const next = updateJourneyDetails(j, patch);
    expect([next.title, next.scenario, next.description, next.ownerTeam]).toEqual([
      title,
      scenario,
      description,
      ownerTeam,
    ]);
    expect(next.steps).toBe(j.steps);
    expect(next.lanes).toBe(j.lanes);
  });

  it.each([[{}], [{ title: "A journey" }], [{ title: "A journey", ownerTeam: "" }]])(
    "returns the same journey for %o",
    (patch) => {
      const j = base();
      expect(updateJourneyDetails(j, patch)).toBe(j);
    },
  );
});

describe("addStep", () => {
  it.each([
    ["L1", "S1", undefined, ["a", "b", "c", "x"]],
    ["L1", "S1", 0, ["x", "a", "b", "c"]],
    ["L1", "S1", 1, ["a", "x", "b", "c"]],
    ["L1", "S1", 2, ["a", "b", "x", "c"]],
    ["L1", "S1", 3, ["a", "b", "c", "x"]],
    ["L1", "S1", 99, ["a", "b", "c", "x"]],
    ["L1", "S1", -4, ["x", "a", "b", "c"]],
    ["L3", "S3", undefined, ["x"]],
    ["L3", "S3", 5, ["x"]],
  ])("adds to %s/%s at %s", (laneId, stageId, index, expected) => {
    const j = base();
    const next = addStep(j, newStep("x", laneId, stageId, { label: "New" }), index);
    expect(cells(next)).toEqual({ ...BASE_CELLS, [`${laneId}/${stageId}`]: expected });
    expected.forEach((id, i) => expect(stepOf(next, id).order).toBe(i));
    expect(stepOf(next, "x")).toEqual(
      newStep("x", laneId, stageId, {
        label: "New",
        order: expected.indexOf("x"),
      }),
    );
    expect(next.steps.map((s) => s.id)).toEqual(["a", "b", "c", "d", "e", "x"]);
  });

  it("keeps every step object it does not renumber", () => {
    const j = base();
    expectOtherStepsKept(j, addStep(j, newStep("x", "L1", "S1")), []);
    expectOtherStepsKept(j, addStep(j, newStep("x", "L1", "S1"), 1), ["b", "c"]);
    const next = addStep(j, newStep("x", "L1", "S1"), 1);
    expect(next.flows).toBe(j.flows);
    expect(next.annotations).toBe(j.annotations);
    expect(next.lanes).toBe(j.lanes);
  });

  it.each([
    ["a step id already used", newStep("a", "L1", "S1")],
    ["a missing lane", newStep("x", "L9", "S1")],
    ["a missing stage", newStep("x", "L1", "S9")],
  ])("refuses %s", (_what, step) => {
    const j = base();
    expect(addStep(j, step)).toBe(j);
  });
});

describe("updateStep", () => {
  it("changes one step and keeps every other object", () => {
    const j = base();
    const next = updateStep(j, "b", { label: "Check eligibility", channel: "online" });
    expect(stepOf(next, "b")).toEqual({
      ...stepOf(j, "b"),
      label: "Check eligibility",
      channel: "online",
    });
    expectOtherStepsKept(j, next, ["b"]);
    expect(next.flows).toBe(j.flows);
    expect(next.annotations).toBe(j.annotations);
    expect(next.lanes).toBe(j.lanes);
    expect(next.stages).toBe(j.stages);
    expect(next.actors).toBe(j.actors);
  });

  it.each([
    ["an unchanged label", { label: "b" }],
    ["an equal new array", { dataItems: [] as string[] }],
    ["unchanged null fields", { channel: null, emotion: null }],
    ["an empty patch", {}],
  ])("returns the same journey for %s", (_what, patch) => {
    const j = base();
    expect(updateStep(j, "b", patch)).toBe(j);
  });

  it("returns the same journey for a missing step", () => {
    const j = base();
    expect(updateStep(j, "zz", { label: "x" })).toBe(j);
  });

  it("sees a changed array element", () => {
    const j = frozenJourney({ lanes: ["L1"], stages: ["S1"], steps: [{ id: "a", tags: ["x"] }] });
    expect(stepOf(updateStep(j, "a", { tags: ["y"] }), "a").tags).toEqual(["y"]);
    expect(stepOf(updateStep(j, "a", { tags: ["x", "y"] }), "a").tags).toEqual(["x", "y"]);
    expect(updateStep(j, "a", { tags: ["x"] })).toBe(j);
  });
});

describe("moveStep within a cell", () => {
  it.each([
    ["a", 0, null],
    ["a", 1, ["b", "a", "c"]],
    ["a", 2, ["b", "c", "a"]],
    ["a", undefined, ["b", "c", "a"]],
    ["a", 99, ["b", "c", "a"]],
    ["a", -3, null],
    ["b", 0, ["b", "a", "c"]],
    ["b", 1, null],
    ["b", 2, ["a", "c", "b"]],
    ["c", 0, ["c", "a", "b"]],
    ["c", 1, ["a", "c", "b"]],
    ["c", 2, null],
    ["c", undefined, null],
    ["c", -1, ["c", "a", "b"]],
  ])("moves %s to index %s", (id, index, expected) => {
    const j = base();
    const next = moveStep(j, id, "L1", "S1", index);
    if (expected === null) {
      expect(next).toBe(j);
      return;
    }
    expect(cells(next)).toEqual({ ...BASE_CELLS, "L1/S1": expected });
    expected.forEach((sid, i) => expect(stepOf(next, sid).order).toBe(i));
    expect(next.steps.map((s) => s.id)).toEqual(["a", "b", "c", "d", "e"]);
    const unchanged = expected.filter((sid, i) => stepOf(j, sid).order === i);
    expectOtherStepsKept(
      j,
      next,
      expected.filter((sid) => !unchanged.includes(sid)),
    );
    expect(next.flows).toBe(j.flows);
    expect(next.annotations).toBe(j.annotations);
  });
});

describe("moveStep between cells", () => {
  it.each([
    ["b", "L2", "S1", 0, { "L1/S1": ["a", "c"], "L2/S1": ["b", "d"] }],
    ["b", "L2", "S1", 1, { "L1/S1": ["a", "c"], "L2/S1": ["d", "b"] }],
    ["b", "L2", "S1", undefined, { "L1/S1": ["a", "c"], "L2/S1": ["d", "b"] }],
    ["b", "L2", "S1", 7, { "L1/S1": ["a", "c"], "L2/S1": ["d", "b"] }],
    ["b", "L2", "S1", -1, { "L1/S1": ["a", "c"], "L2/S1": ["b", "d"] }],
    ["a", "L3", "S3", undefined, { "L1/S1": ["b", "c"], "L3/S3": ["a"] }],
    ["e", "L1", "S1", 1, { "L1/S1": ["a", "e", "b", "c"], "L1/S2": [] }],
    ["d", "L1", "S2", 0, { "L2/S1": [], "L1/S2": ["d", "e"] }],
  ])("moves %s to %s/%s at %s, renumbering both cells", (id, laneId, stageId, index, changed) => {
    const j = base();
    const next = moveStep(j, id, laneId, stageId, index);
    const expected: Record<string, string[]> = { ...BASE_CELLS, ...changed };
    for (const key of Object.keys(expected)) if (expected[key]!.length === 0) delete expected[key];
    expect(cells(next)).toEqual(expected);
    for (const ids of Object.values(expected)) {
      expect(ids.map((sid) => stepOf(next, sid).order)).toEqual(ids.map((_, i) => i));
    }
    expect(stepOf(next, id)).toMatchObject({ laneId, stageId });
    expect({ ...stepOf(next, id), laneId: "", stageId: "", order: 0 }).toEqual({
      ...stepOf(j, id),
      laneId: "",
      stageId: "",
      order: 0,
    });
    expect(next.flows).toBe(j.flows);
  });

  it("keeps the steps of untouched cells and unshifted positions", () => {
    const j = base();
    const next = moveStep(j, "b", "L2", "S1", 1);
    expectOtherStepsKept(j, next, ["b", "c"]);
  });

  it.each([
    ["a missing lane", "a", "L9", "S1"],
    ["a missing stage", "a", "L1", "S9"],
    ["a missing step", "zz", "L1", "S1"],
  ])("refuses %s", (_what, id, laneId, stageId) => {
    const j = base();
    expect(moveStep(j, id, laneId, stageId, 0)).toBe(j);
  });
});

describe("removeSteps", () => {
  it("removes steps with their flows and annotations, and closes the gap in their cell", () => {
    const j = base();
    const next = removeSteps(j, ["b"]);
    expect(cells(next)).toEqual({ "L1/S1": ["a", "c"], "L1/S2": ["e"], "L2/S1": ["d"] });
    expect(orders(next)).toEqual({ a: 0, c: 1, d: 0, e: 0 });
    expect(next.flows.map((f) => f.id)).toEqual(["d>e"]);
    expect(next.annotations.map((a) => a.id)).toEqual(["n2"]);
    expectOtherStepsKept(j, next, ["b", "c"]);
    expect(next.flows[0]).toBe(j.flows[2]);
  });

  it("removes several steps across cells", () => {
    const j = base();
    const next = removeSteps(j, new Set(["a", "d"]));
    expect(cells(next)).toEqual({ "L1/S1": ["b", "c"], "L1/S2": ["e"] });
    expect(orders(next)).toEqual({ b: 0, c: 1, e: 0 });
    expect(next.flows).toEqual([]);
    expect(next.annotations.map((a) => a.id)).toEqual(["n1", "n2"]);
  });

  it("keeps the flows and annotations arrays when none touch the removed steps", () => {
    const j = base();
    const next = removeSteps(j, ["c"]);
    expect(next.flows).toBe(j.flows);
    expect(next.annotations).toBe(j.annotations);
    expectOtherStepsKept(j, next, ["c"]);
  });

  it.each([[[]], [["zz"]], [new Set<string>()]])("returns the same journey for %o", (ids) => {
    const j = base();
    expect(removeSteps(j, ids)).toBe(j);
  });
});

describe("connect", () => {
  it("adds a flow between two steps", () => {
    const j = base();
    const f = flow("a", "e", { label: "sends form", dataShare: true });
    const next = connect(j, f);
    expect(next.flows).toEqual([...j.flows, f]);
    expect(next.steps).toBe(j.steps);
  });

  it("allows the reverse of an existing flow", () => {
    const j = base();
    expect(connect(j, flow("b", "a")).flows.map((f) => f.id)).toEqual(["a>b", "b>d", "d>e", "b>a"]);
  });

  it.each([
    ["a self-loop", flow("a", "a")],
    ["a duplicate of an existing connection", flow("a", "b", { id: "other" })],
    ["a flow id already used", { ...flow("a", "c"), id: "a>b" }],
    ["a missing source", flow("zz", "a")],
    ["a missing target", flow("a", "zz")],
  ])("refuses %s", (_what, f) => {
    const j = base();
    expect(connect(j, f)).toBe(j);
  });
});

describe("canConnect", () => {
  it.each<[string, string, string, boolean]>([
    ["two steps not yet connected", "a", "e", true],
    ["the reverse of an existing flow", "b", "a", true],
    ["a step to itself", "a", "a", false],
    ["a flow that already runs that way", "a", "b", false],
    ["a missing source", "zz", "a", false],
    ["a missing target", "a", "zz", false],
  ])("%s: %s to %s is %s", (_what, from, to, expected) => {
    const j = base();
    expect(canConnect(j, from, to)).toBe(expected);
    // connect agrees: it adds exactly the flows canConnect allows.
    expect(connect(j, flow(from, to, { id: "new" })) !== j).toBe(expected);
  });
});

describe("updateFlow and removeFlows", () => {
  it.each([
    [{ label: "shares address" }, { label: "shares address", dataShare: false }],
    [{ dataShare: true }, { label: "", dataShare: true }],
  ])("updates a flow with %o", (patch, expected) => {
    const j = base();
    const next = updateFlow(j, "b>d", patch);
    expect(next.flows[1]).toEqual({ id: "b>d", from: "b", to: "d", ...expected });
    expect(next.flows[0]).toBe(j.flows[0]);
    expect(next.flows[2]).toBe(j.flows[2]);
    expect(next.steps).toBe(j.steps);
  });

  it.each([
    ["an unchanged label", "b>d", { label: "" }],
    ["a missing flow", "zz", { label: "x" }],
  ])("returns the same journey for %s", (_what, id, patch) => {
    const j = base();
    expect(updateFlow(j, id, patch)).toBe(j);
  });

  it.each([
    [["a>b"], ["b>d", "d>e"]],
    [["a>b", "d>e"], ["b>d"]],
    [new Set(["b>d", "zz"]), ["a>b", "d>e"]],
  ])("removes flows %o", (ids, expected) => {
    const j = base();
    const next = removeFlows(j, ids);
    expect(next.flows.map((f) => f.id)).toEqual(expected);
    expect(next.steps).toBe(j.steps);
  });

  it.each([[[]], [["zz"]]])("returns the same journey when removing %o", (ids) => {
    const j = base();
    expect(removeFlows(j, ids)).toBe(j);
  });
});

describe("actors", () => {
  function withOrgs(): Journey {
    return frozenJourney({
      actors: ["citizen", "dwp", "council"],
      lanes: ["C", { id: "D", actorId: "dwp", layer: "backstage" }],
      stages: ["S1"],
    });
  }

  it("adds an actor at the end", () => {
    const j = withOrgs();
    const next = addActor(j, actor("nhs", { orgKind: "nhs" }));
    expect(next.actors.map((a) => a.id)).toEqual(["citizen", "dwp", "council", "nhs"]);
    expect(next.actors[0]).toBe(j.actors[0]);
  });

  it("refuses an actor id already used", () => {
    const j = withOrgs();
    expect(addActor(j, actor("dwp", { name: "Other" }))).toBe(j);
  });

  it("renames an actor and keeps the others", () => {
    const j = withOrgs();
    const next = updateActor(j, "dwp", { name: "Department for Work and Pensions" });
    expect(next.actors[1]).toEqual({ ...j.actors[1], name: "Department for Work and Pensions" });
    expect(next.actors[0]).toBe(j.actors[0]);
    expect(next.actors[2]).toBe(j.actors[2]);
    expect(next.lanes).toBe(j.lanes);
  });

  it.each([
    ["an unchanged name", "dwp", { name: "dwp" }],
    ["a missing actor", "zz", { name: "x" }],
  ])("updateActor returns the same journey for %s", (_what, id, patch) => {
    const j = withOrgs();
    expect(updateActor(j, id, patch)).toBe(j);
  });

  it("removes an actor that owns no lane", () => {
    const j = withOrgs();
    expect(removeActor(j, "council").actors.map((a) => a.id)).toEqual(["citizen", "dwp"]);
  });

  it.each([
    ["an actor a lane uses", "dwp"],
    ["the citizen while their lane exists", "citizen"],
    ["a missing actor", "zz"],
  ])("refuses to remove %s", (_what, id) => {
    const j = withOrgs();
    expect(removeActor(j, id)).toBe(j);
  });
});

describe("lanes", () => {
  function layered(): Journey {
    return frozenJourney({
      actors: ["citizen", "org"],
      lanes: [
        { id: "C", layer: "citizen" },
        { id: "F", layer: "frontstage", actorId: "org" },
        { id: "B", layer: "backstage", actorId: "org" },
      ],
      stages: ["S1"],
      steps: [...at("C", "S1", "c1"), ...at("B", "S1", "b1", "b2")],
      flows: ["c1>b1"],
    });
  }

  it.each<[Layer, string[]]>([
    ["evidence", ["N", "C", "F", "B"]],
    ["citizen", ["C", "N", "F", "B"]],
    ["frontstage", ["C", "F", "N", "B"]],
    ["backstage", ["C", "F", "B", "N"]],
    ["support", ["C", "F", "B", "N"]],
  ])("places a new %s lane with its layer", (layer, expected) => {
    const j = layered();
    const next = addLane(j, lane("N", layer, "org"));
    expect(next.lanes.map((l) => l.id)).toEqual(expected);
    expect(next.lanes.find((l) => l.id === "N")).toEqual({
      id: "N",
      actorId: "org",
      layer,
      team: "",
    });
    expect(next.steps).toBe(j.steps);
  });

  it("places the first lane of a journey", () => {
    const j = frozenJourney({ actors: ["citizen"] });
    expect(addLane(j, lane("C")).lanes).toEqual([lane("C")]);
  });

  it.each([
    [0, ["N", "C", "F", "B"]],
    [2, ["C", "F", "N", "B"]],
    [3, ["C", "F", "B", "N"]],
    [10, ["C", "F", "B", "N"]],
    [-1, ["N", "C", "F", "B"]],
  ])("places a new lane at index %s when asked", (index, expected) => {
    const j = layered();
    expect(addLane(j, lane("N", "support"), index).lanes.map((l) => l.id)).toEqual(expected);
  });

  it.each([
    ["a lane id already used", lane("F", "support", "org")],
    ["a missing actor", lane("N", "support", "zz")],
  ])("refuses %s", (_what, l) => {
    const j = layered();
    expect(addLane(j, l)).toBe(j);
  });

  it("changes a lane's team, layer and owner", () => {
    const j = layered();
    const next = updateLane(j, "F", { team: "Contact centre", layer: "backstage" });
    expect(next.lanes[1]).toEqual({
      id: "F",
      actorId: "org",
      layer: "backstage",
      team: "Contact centre",
    });
    expect(next.lanes[0]).toBe(j.lanes[0]);
    expect(next.lanes[2]).toBe(j.lanes[2]);
    expect(updateLane(j, "C", { actorId: "org" }).lanes[0]!.actorId).toBe("org");
  });

  it.each([
    ["a missing owner", "F", { actorId: "zz" }],
    ["an unchanged team", "F", { team: "" }],
    ["a missing lane", "zz", { team: "x" }],
  ])("updateLane returns the same journey for %s", (_what, id, patch) => {
    const j = layered();
    expect(updateLane(j, id, patch)).toBe(j);
  });

  it.each([
    ["C", 1, ["F", "C", "B"]],
    ["C", 2, ["F", "B", "C"]],
    ["B", 0, ["B", "C", "F"]],
    ["F", 99, ["C", "B", "F"]],
    ["F", -5, ["F", "C", "B"]],
  ])("moves lane %s to index %s", (id, index, expected) => {
    const j = layered();
    const next = moveLane(j, id, index);
    expect(next.lanes.map((l) => l.id)).toEqual(expected);
    expect(next.lanes.find((l) => l.id === id)).toBe(j.lanes.find((l) => l.id === id));
    expect(next.steps).toBe(j.steps);
  });

  it.each([
    ["C", 0],
    ["B", 2],
    ["B", 50],
    ["zz", 0],
  ])("moveLane returns the same journey for %s to %s", (id, index) => {
    const j = layered();
    expect(moveLane(j, id, index)).toBe(j);
  });

  it("removes a lane and deletes its steps with their flows", () => {
    const j = layered();
    const next = removeLane(j, "B", { kind: "delete-steps" });
    expect(next.lanes.map((l) => l.id)).toEqual(["C", "F"]);
    expect(cells(next)).toEqual({ "C/S1": ["c1"] });
    expect(next.flows).toEqual([]);
    expect(stepOf(next, "c1")).toBe(stepOf(j, "c1"));
  });

  it("removes a lane and moves its steps to the end of the other lane's cells", () => {
    const j = base();
    const next = removeLane(j, "L1", { kind: "move-steps", to: "L2" });
    expect(next.lanes.map((l) => l.id)).toEqual(["L2", "L3"]);
    expect(cells(next)).toEqual({ "L2/S1": ["d", "a", "b", "c"], "L2/S2": ["e"] });
    expect(orders(next)).toEqual({ a: 1, b: 2, c: 3, d: 0, e: 0 });
    expect(next.flows).toBe(j.flows);
    expect(next.annotations).toBe(j.annotations);
    expect(stepOf(next, "d")).toBe(stepOf(j, "d"));
  });

  it("removes a lane with no steps and keeps the steps array", () => {
    const j = base();
    const next = removeLane(j, "L3", { kind: "delete-steps" });
    expect(next.lanes.map((l) => l.id)).toEqual(["L1", "L2"]);
    expect(next.steps).toBe(j.steps);
    expect(next.flows).toBe(j.flows);
  });

  it.each<[string, string, RemovalPolicy]>([
    ["moving steps into the lane itself", "L1", { kind: "move-steps", to: "L1" }],
    ["moving steps into a missing lane", "L1", { kind: "move-steps", to: "L9" }],
    ["a missing lane", "L9", { kind: "delete-steps" }],
  ])("removeLane refuses %s", (_what, id, policy) => {
    const j = base();
    expect(removeLane(j, id, policy)).toBe(j);
  });
});

describe("stages", () => {
  it.each([
    [undefined, ["S1", "S2", "S3", "N"]],
    [0, ["N", "S1", "S2", "S3"]],
    [1, ["S1", "N", "S2", "S3"]],
    [3, ["S1", "S2", "S3", "N"]],
    [10, ["S1", "S2", "S3", "N"]],
    [-1, ["N", "S1", "S2", "S3"]],
  ])("adds a stage at %s", (index, expected) => {
    const j = base();
    const next = addStage(j, { id: "N", name: "Decision" }, index);
    expect(next.stages.map((s) => s.id)).toEqual(expected);
    expect(next.stages.find((s) => s.id === "N")).toEqual({ id: "N", name: "Decision" });
    expect(next.steps).toBe(j.steps);
  });

  it("refuses a stage id already used", () => {
    const j = base();
    expect(addStage(j, { id: "S2", name: "Other" })).toBe(j);
  });

  it("renames a stage and keeps the others", () => {
    const j = base();
    const next = renameStage(j, "S2", "Apply");
    expect(next.stages).toEqual([
      { id: "S1", name: "S1" },
      { id: "S2", name: "Apply" },
      { id: "S3", name: "S3" },
    ]);
    expect(next.stages[0]).toBe(j.stages[0]);
    expect(next.stages[2]).toBe(j.stages[2]);
  });

  it.each([
    ["S2", "S2"],
    ["zz", "x"],
  ])("renameStage(%s, %s) returns the same journey", (id, name) => {
    const j = base();
    expect(renameStage(j, id, name)).toBe(j);
  });

  it.each([
    ["S1", 1, ["S2", "S1", "S3"]],
    ["S1", 2, ["S2", "S3", "S1"]],
    ["S3", 0, ["S3", "S1", "S2"]],
    ["S2", 9, ["S1", "S3", "S2"]],
    ["S2", -9, ["S2", "S1", "S3"]],
  ])("moves stage %s to index %s", (id, index, expected) => {
    const j = base();
    const next = moveStage(j, id, index);
    expect(next.stages.map((s) => s.id)).toEqual(expected);
    expect(next.steps).toBe(j.steps);
  });

  it.each([
    ["S1", 0],
    ["S3", 7],
    ["zz", 1],
  ])("moveStage returns the same journey for %s to %s", (id, index) => {
    const j = base();
    expect(moveStage(j, id, index)).toBe(j);
  });

  it("removes a stage and deletes its steps with their flows and annotations", () => {
    const j = base();
    const next = removeStage(j, "S1", { kind: "delete-steps" });
    expect(next.stages.map((s) => s.id)).toEqual(["S2", "S3"]);
    expect(cells(next)).toEqual({ "L1/S2": ["e"] });
    expect(next.flows).toEqual([]);
    expect(next.annotations.map((a) => a.id)).toEqual(["n2"]);
    expect(stepOf(next, "e")).toBe(stepOf(j, "e"));
  });

  it("removes a stage and moves its steps to the end of the other stage's cells", () => {
    const j = base();
    const next = removeStage(j, "S1", { kind: "move-steps", to: "S2" });
    expect(next.stages.map((s) => s.id)).toEqual(["S2", "S3"]);
    expect(cells(next)).toEqual({ "L1/S2": ["e", "a", "b", "c"], "L2/S2": ["d"] });
    expect(orders(next)).toEqual({ a: 1, b: 2, c: 3, d: 0, e: 0 });
    expect(next.flows).toBe(j.flows);
    expect(stepOf(next, "e")).toBe(stepOf(j, "e"));
  });

  it("removes a stage with no steps and keeps the steps array", () => {
    const j = base();
    const next = removeStage(j, "S3", { kind: "move-steps", to: "S1" });
    expect(next.stages.map((s) => s.id)).toEqual(["S1", "S2"]);
    expect(next.steps).toBe(j.steps);
  });

  it.each<[string, string, RemovalPolicy]>([
    ["moving steps into the stage itself", "S1", { kind: "move-steps", to: "S1" }],
    ["moving steps into a missing stage", "S1", { kind: "move-steps", to: "S9" }],
    ["a missing stage", "S9", { kind: "delete-steps" }],
  ])("removeStage refuses %s", (_what, id, policy) => {
    const j = base();
    expect(removeStage(j, id, policy)).toBe(j);
  });
});

const note = (id: string, stepId: string | null) => ({
  id,
  kind: "note" as const,
  text: id,
  stepId,
  laneId: null,
  stageId: null,
});

describe("annotations", () => {
  it.each([
    [
      {
        id: "n3",
        kind: "pain-point" as const,
        text: "Long wait",
        stepId: "a",
        laneId: null,
        stageId: null,
      },
    ],
    [
      {
        id: "n3",
        kind: "question" as const,
        text: "Who checks?",
        stepId: null,
        laneId: null,
        stageId: null,
      },
    ],
  ])("adds %o at the end", (annotation) => {
    const j = base();
    const next = addAnnotation(j, annotation);
    expect(next.annotations).toEqual([...j.annotations, annotation]);
    expect(next.steps).toBe(j.steps);
  });

  it.each([
    [
      "an annotation id already used",
      { id: "n1", kind: "note" as const, text: "", stepId: null, laneId: null, stageId: null },
    ],
    [
      "a missing step",
      { id: "n3", kind: "note" as const, text: "", stepId: "zz", laneId: null, stageId: null },
    ],
  ])("refuses %s", (_what, annotation) => {
    const j = base();
    expect(addAnnotation(j, annotation)).toBe(j);
  });

  it.each([
    [{ text: "Rewritten" }, { ...note("n1", "b"), text: "Rewritten" }],
    [{ kind: "opportunity" as const }, { ...note("n1", "b"), kind: "opportunity" }],
    [{ stepId: null }, note("n1", null)],
    [{ stepId: "e" }, note("n1", "e")],
    [
      { stepId: null, laneId: "L2", stageId: "S3" },
      { ...note("n1", null), laneId: "L2", stageId: "S3" },
    ],
  ])("updates an annotation with %o", (patch, expected) => {
    const j = base();
    const next = updateAnnotation(j, "n1", patch);
    expect(next.annotations[0]).toEqual(expected);
    expect(next.annotations[1]).toBe(j.annotations[1]);
  });

  it.each([
    ["an unchanged text", "n1", { text: "n1" }],
    ["a missing annotation", "zz", { text: "x" }],
    ["a move to a missing step", "n1", { stepId: "zz" }],
    ["a move to a step and a cell at once", "n1", { laneId: "L1", stageId: "S1" }],
    ["a move to a lane with no stage", "n1", { stepId: null, laneId: "L1" }],
    ["a move to a missing lane", "n1", { stepId: null, laneId: "L9", stageId: "S1" }],
  ])("updateAnnotation returns the same journey for %s", (_what, id, patch) => {
    const j = base();
    expect(updateAnnotation(j, id, patch)).toBe(j);
  });

  it("adds an annotation on a lane × stage cell, and refuses a cell that is not there", () => {
    const j = base();
    const onCell = { ...note("n3", null), laneId: "L3", stageId: "S3" };
    expect(addAnnotation(j, onCell).annotations).toEqual([...j.annotations, onCell]);
    expect(addAnnotation(j, { ...onCell, stageId: "S9" })).toBe(j);
    expect(addAnnotation(j, { ...onCell, stepId: "a" })).toBe(j);
    expect(addAnnotation(j, { ...onCell, stageId: null })).toBe(j);
  });

  it("moves cell annotations with the steps of a removed lane or stage, or removes them with the steps", () => {
    const j = addAnnotation(base(), { ...note("n3", null), laneId: "L1", stageId: "S2" });
    expect(removeLane(j, "L1", { kind: "move-steps", to: "L2" }).annotations[2]).toEqual({
      ...note("n3", null),
      laneId: "L2",
      stageId: "S2",
    });
    expect(removeStage(j, "S2", { kind: "move-steps", to: "S3" }).annotations[2]).toEqual({
      ...note("n3", null),
      laneId: "L1",
      stageId: "S3",
    });
    expect(removeLane(j, "L1", { kind: "delete-steps" }).annotations.map((a) => a.id)).toEqual([
      "n2",
    ]);
    expect(removeStage(j, "S2", { kind: "delete-steps" }).annotations.map((a) => a.id)).toEqual([
      "n1",
      "n2",
    ]);
    const kept = removeStage(j, "S3", { kind: "delete-steps" });
    expect(kept.annotations).toBe(j.annotations);
  });

  it("removes an annotation", () => {
    const j = base();
    expect(removeAnnotation(j, "n1").annotations).toEqual([j.annotations[1]]);
    expect(removeAnnotation(j, "zz")).toBe(j);
  });
});

describe("decideDuplicate", () => {
  function decided(): Journey {
    return frozenJourney({
      duplicateDecisions: [
        { key: "a|b", decision: "confirmed" },
        { key: "c|d", decision: "dismissed" },
      ],
    });
  }

  it.each([
    [
      "sets a new decision",
      "e|f",
      "dismissed" as const,
      [
        { key: "a|b", decision: "confirmed" },
        { key: "c|d", decision: "dismissed" },
        { key: "e|f", decision: "dismissed" },
      ],
    ],
    [
      "changes a decision",
      "a|b",
      "dismissed" as const,
      [
        { key: "c|d", decision: "dismissed" },
        { key: "a|b", decision: "dismissed" },
      ],
    ],
    ["clears a decision", "c|d", null, [{ key: "a|b", decision: "confirmed" }]],
  ])("%s", (_what, key, decision, expected) => {
    const j = decided();
    const next = decideDuplicate(j, key, decision);
    expect(next.duplicateDecisions).toEqual(expected);
    expect(next.steps).toBe(j.steps);
  });

  it("keeps the other decision objects", () => {
    const j = decided();
    expect(decideDuplicate(j, "a|b", null).duplicateDecisions[0]).toBe(j.duplicateDecisions[1]);
  });

  it.each([
    ["the same decision again", "a|b", "confirmed" as const],
    ["clearing a key never decided", "x|y", null],
  ])("returns the same journey for %s", (_what, key, decision) => {
    const j = decided();
    expect(decideDuplicate(j, key, decision)).toBe(j);
  });
});

describe("cloneSteps", () => {
  function rich(): Journey {
    return frozenJourney({
      lanes: ["L1", "L2"],
      stages: ["S1"],
      steps: [
        { id: "a", dataItems: ["name"], evidence: ["passport"], tags: ["t"] },
        { id: "b", painPoints: ["slow"] },
        { id: "c", laneId: "L2" },
      ],
      flows: ["a>b", { from: "b", to: "c", label: "hands over", dataShare: true }],
    });
  }

  it("copies steps with new ids and the flows among them only", () => {
    const j = rich();
    const out = cloneSteps(j, ["a", "b"], counter());
    expect(out.steps).toEqual([
      { ...stepOf(j, "a"), id: "step-1" },
      { ...stepOf(j, "b"), id: "step-2" },
    ]);
    expect(out.flows).toEqual([
      { id: "flow-3", from: "step-1", to: "step-2", label: "", dataShare: false },
    ]);
  });

  it("remaps every flow among the chosen steps", () => {
    const j = rich();
    const out = cloneSteps(j, ["c", "b", "a"], counter());
    expect(out.steps.map((s) => [s.id, s.label])).toEqual([
      ["step-1", "a"],
      ["step-2", "c"],
      ["step-3", "b"],
    ]);
    expect(out.flows).toEqual([
      { id: "flow-4", from: "step-1", to: "step-3", label: "", dataShare: false },
      { id: "flow-5", from: "step-3", to: "step-2", label: "hands over", dataShare: true },
    ]);
  });

  it("makes deep copies and leaves the journey untouched", () => {
    const j = rich();
    const before = structuredClone(j);
    const out = cloneSteps(j, ["a"], counter());
    const copy = out.steps[0]!;
    expect(copy.dataItems).not.toBe(stepOf(j, "a").dataItems);
    expect(copy.evidence).not.toBe(stepOf(j, "a").evidence);
    expect(Object.isFrozen(copy.dataItems)).toBe(false);
    copy.dataItems.push("address");
    expect(stepOf(j, "a").dataItems).toEqual(["name"]);
    expect(j).toEqual(before);
  });

  it("returns copies in their left-to-right order, whatever the array order", () => {
    const j = frozenJourney({
      lanes: ["L1"],
      stages: ["S1"],
      steps: [
        { id: "late", order: 1 },
        { id: "early", order: 0 },
      ],
    });
    expect(cloneSteps(j, ["late", "early"], counter()).steps.map((s) => s.label)).toEqual([
      "early",
      "late",
    ]);
  });

  it("ignores ids that are not steps", () => {
    const j = rich();
    expect(cloneSteps(j, ["zz"], counter())).toEqual({ steps: [], flows: [] });
  });
});

describe("insertSteps", () => {
  it("adds steps at the end of their cells and connects their flows", () => {
    const j = base();
    const out = cloneSteps(j, ["a", "b", "d"], counter());
    const next = insertSteps(j, out.steps, out.flows);
    // Copies of a, d, b are step-1, step-2, step-3.
    expect(cells(next)).toEqual({
      "L1/S1": ["a", "b", "c", "step-1", "step-3"],
      "L1/S2": ["e"],
      "L2/S1": ["d", "step-2"],
    });
    expect(orders(next)).toMatchObject({ "step-1": 3, "step-2": 1, "step-3": 4 });
    expect(next.flows.map((f) => `${f.from}>${f.to}`)).toEqual([
      "a>b",
      "b>d",
      "d>e",
      "step-1>step-3",
      "step-3>step-2",
    ]);
    expectOtherStepsKept(j, next, []);
  });

  it.each([
    ["as cloned", (s: Step) => s],
    ["when every copy is sent to the end of its cell", (s: Step) => ({ ...s, order: 1e9 })],
  ])("keeps the left-to-right order of pasted steps in a cell %s", (_how, place) => {
    const j = frozenJourney({
      lanes: ["L1"],
      stages: ["S1"],
      steps: [
        { id: "late", order: 1 },
        { id: "early", order: 0 },
      ],
    });
    const out = cloneSteps(j, ["late", "early"], counter());
    const next = insertSteps(j, out.steps.map(place), out.flows);
    expect(cells(next)["L1/S1"]!.map((id) => stepOf(next, id).label)).toEqual([
      "early",
      "late",
      "early",
      "late",
    ]);
  });

  it("keeps the order given by the steps' own order fields", () => {
    const j = frozenJourney({ lanes: ["L1"], stages: ["S1"] });
    const steps = [newStep("y", "L1", "S1", { order: 1 }), newStep("x", "L1", "S1", { order: 0 })];
    expect(cells(insertSteps(j, steps, []))).toEqual({ "L1/S1": ["x", "y"] });
  });

  it("skips steps and flows that cannot be added", () => {
    const j = base();
    const next = insertSteps(
      j,
      [newStep("a", "L1", "S1"), newStep("x", "L9", "S1"), newStep("y", "L3", "S3")],
      [flow("y", "zz"), flow("y", "a")],
    );
    expect(cells(next)).toEqual({ ...BASE_CELLS, "L3/S3": ["y"] });
    expect(next.flows.map((f) => f.id)).toEqual(["a>b", "b>d", "d>e", "y>a"]);
  });

  it("returns the same journey when there is nothing to add", () => {
    const j = base();
    expect(insertSteps(j, [], [])).toBe(j);
    expect(insertSteps(j, [newStep("a", "L1", "S1")], [flow("a", "b")])).toBe(j);
  });
});

describe("applyCellOrders", () => {
  it("sets the orders given and keeps every other step", () => {
    const j = base();
    const next = applyCellOrders(
      j,
      new Map([
        ["a", 2],
        ["c", 0],
        ["zz", 5],
      ]),
    );
    expect(cells(next)["L1/S1"]).toEqual(["c", "b", "a"]);
    expect(orders(next)).toEqual({ a: 2, b: 1, c: 0, d: 0, e: 0 });
    expectOtherStepsKept(j, next, ["a", "c"]);
    expect(next.flows).toBe(j.flows);
  });

  it.each([
    [new Map<string, number>()],
    [
      new Map([
        ["a", 0],
        ["b", 1],
      ]),
    ],
    [new Map([["zz", 3]])],
  ])("returns the same journey for %o", (map) => {
    const j = base();
    expect(applyCellOrders(j, map)).toBe(j);
  });
});

describe("purity: no operation mutates its input", () => {
  const ops: [string, (j: Journey) => unknown][] = [
    ["updateJourneyDetails", (j) => updateJourneyDetails(j, { title: "T" })],
    ["addStep", (j) => addStep(j, deepFreeze(newStep("x", "L1", "S1")), 0)],
    ["updateStep", (j) => updateStep(j, "a", { dataItems: ["name"] })],
    ["moveStep in a cell", (j) => moveStep(j, "a", "L1", "S1", 2)],
    ["moveStep across cells", (j) => moveStep(j, "a", "L2", "S1", 0)],
    ["removeSteps", (j) => removeSteps(j, ["b"])],
    ["connect", (j) => connect(j, deepFreeze(flow("a", "e")))],
    ["updateFlow", (j) => updateFlow(j, "a>b", { label: "x" })],
    ["removeFlows", (j) => removeFlows(j, ["a>b"])],
    ["addActor", (j) => addActor(j, deepFreeze(actor("org")))],
    ["updateActor", (j) => updateActor(j, "citizen", { name: "Claimant" })],
    ["removeActor", (j) => removeActor(addActor(j, actor("org")), "org")],
    ["addLane", (j) => addLane(j, deepFreeze(lane("N", "backstage")))],
    ["updateLane", (j) => updateLane(j, "L1", { team: "x" })],
    ["moveLane", (j) => moveLane(j, "L1", 2)],
    ["removeLane delete", (j) => removeLane(j, "L1", { kind: "delete-steps" })],
    ["removeLane move", (j) => removeLane(j, "L1", { kind: "move-steps", to: "L2" })],
    ["addStage", (j) => addStage(j, deepFreeze({ id: "N", name: "N" }), 1)],
    ["renameStage", (j) => renameStage(j, "S1", "x")],
    ["moveStage", (j) => moveStage(j, "S1", 2)],
    ["removeStage delete", (j) => removeStage(j, "S1", { kind: "delete-steps" })],
    ["removeStage move", (j) => removeStage(j, "S1", { kind: "move-steps", to: "S2" })],
    [
      "addAnnotation",
      (j) =>
        addAnnotation(j, {
          id: "n9",
          kind: "note",
          text: "",
          stepId: "a",
          laneId: null,
          stageId: null,
        }),
    ],
    ["updateAnnotation", (j) => updateAnnotation(j, "n1", { text: "x" })],
    ["removeAnnotation", (j) => removeAnnotation(j, "n1")],
    ["decideDuplicate", (j) => decideDuplicate(j, "a|b", "confirmed")],
    ["cloneSteps", (j) => cloneSteps(j, ["a", "b"], counter())],
    ["insertSteps", (j) => insertSteps(j, [newStep("x", "L1", "S1")], [flow("x", "a")])],
    ["applyCellOrders", (j) => applyCellOrders(j, new Map([["a", 2]]))],
    ["cellSteps", (j) => cellSteps(j, "L1", "S1")],
  ];

  it.each(ops)("%s leaves a deep-frozen journey as it was", (_name, op) => {
    const j = base();
    const before = structuredClone(j);
    expect(() => op(j)).not.toThrow();
    expect(j).toEqual(before);
  });
});

describe("properties", () => {
  const LANES = ["L1", "L2", "L3"];
  const STAGES = ["S1", "S2"];
  const moveArb = fc.record({
    step: fc.nat(9),
    lane: fc.constantFrom(...LANES),
    stage: fc.constantFrom(...STAGES),
    index: fc.option(fc.integer({ min: -2, max: 12 }), { nil: undefined }),
  });

  function grid(): Journey {
    return buildJourney({
      lanes: LANES,
      stages: STAGES,
      steps: Array.from({ length: 10 }, (_, i) => ({
        id: `s${i}`,
        laneId: LANES[i % 3],
        stageId: STAGES[i % 2],
      })),
    });
  }

  function expectCellsNumbered(j: Journey) {
    for (const ids of Object.values(cells(j))) {
      expect(ids.map((id) => stepOf(j, id).order)).toEqual(ids.map((_, i) => i));
    }
  }

  test.prop([fc.array(moveArb, { maxLength: 20 })], propertyParams(null, 200))(
    "any run of moves keeps every step once and every cell numbered 0..n-1",
    (moves) => {
      let j = grid();
      for (const m of moves) {
        const before = j;
        const id = `s${m.step}`;
        j = moveStep(deepFreeze(j), id, m.lane, m.stage, m.index);
        const moved = stepOf(j, id);
        expect([moved.laneId, moved.stageId]).toEqual([m.lane, m.stage]);
        if (m.index !== undefined) {
          const cell = cellSteps(j, m.lane, m.stage);
          const expectedIndex = Math.max(0, Math.min(m.index, cell.length - 1));
          expect(cell.findIndex((s) => s.id === id)).toBe(expectedIndex);
        }
        expect(j.steps.length).toBe(before.steps.length);
      }
      expect(j.steps.map((s) => s.id)).toEqual(grid().steps.map((s) => s.id));
      expectCellsNumbered(j);
    },
  );

  test.prop(
    [fc.subarray(Array.from({ length: 10 }, (_, i) => `s${i}`))],
    propertyParams(null, 200),
  )("removing any steps keeps the rest numbered 0..n-1 in their old order", (gone) => {
    const j = deepFreeze(grid());
    const next = removeSteps(j, gone);
    expectCellsNumbered(next);
    const expected = Object.fromEntries(
      Object.entries(cells(j))
        .map(([key, ids]) => [key, ids.filter((id) => !gone.includes(id))] as const)
        .filter(([, ids]) => ids.length > 0),
    );
    expect(cells(next)).toEqual(expected);
  });
});
