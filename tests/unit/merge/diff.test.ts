import { describe, expect, it } from "vitest";
import { diffJourneys, stableOrder } from "../../../src/domain/merge/diff";
import { buildJourney, at, frozenJourney } from "../../helpers/journey-builder";

const base = () =>
  frozenJourney({
    lanes: ["L1", { id: "L2", layer: "frontstage", actorId: "dwp" }],
    stages: ["S1", "S2", "S3"],
    steps: [...at("L1", "S1", "a", "b"), ...at("L2", "S2", "c")],
    flows: ["a>b", "b>c"],
  });

const summary = (changes: ReturnType<typeof diffJourneys>) =>
  changes.map((c) => [c.changeId, c.before, c.after]);

describe("diffJourneys", () => {
  it("finds nothing between a journey and itself or an equal copy", () => {
    const j = base();
    expect(diffJourneys(j, j)).toEqual([]);
    expect(diffJourneys(j, structuredClone(j))).toEqual([]);
  });

  it("ignores timestamps", () => {
    const j = base();
    expect(diffJourneys(j, { ...j, updatedAt: "2030-01-01T00:00:00.000Z" })).toEqual([]);
  });

  it.each([
    ["title", "New title"],
    ["scenario", "A scenario"],
    ["description", "Words"],
    ["ownerTeam", "Team X"],
  ] as const)("reports a change to the journey's %s", (field, value) => {
    const j = base();
    expect(summary(diffJourneys(j, { ...j, [field]: value }))).toEqual([
      [`journey:${field}:journey`, j[field], value],
    ]);
  });

  it("reports each changed field of a step on its own, with both values", () => {
    const j = base();
    const next = { ...j, steps: j.steps.map((s) => (s.id === "a" ? { ...s, label: "Apply", dataItems: ["name"], emotion: -1 as const } : s)) };
    expect(summary(diffJourneys(j, next))).toEqual([
      ["step:label:a", "a", "Apply"],
      ["step:dataItems:a", [], ["name"]],
      ["step:emotion:a", null, -1],
    ]);
  });

  it("reports records added and removed, whole", () => {
    const j = base();
    const next = buildJourney({
      lanes: ["L1", { id: "L2", layer: "frontstage", actorId: "dwp" }],
      stages: ["S1", "S2", "S3", "S4"],
      steps: [...at("L1", "S1", "a", "b"), ...at("L2", "S2", "d")],
      flows: ["a>b"],
    });
    const changes = diffJourneys(j, next);
    expect(changes.map((c) => c.changeId)).toEqual(["stage:+:S4", "step:+:d", "step:-:c", "flow:-:b>c"]);
    const added = changes.find((c) => c.changeId === "step:+:d")!;
    expect(added).toMatchObject({ kind: "step", id: "d", op: "added", field: null, before: null });
    expect(added.after).toBe(next.steps[2]);
    expect(changes.find((c) => c.changeId === "step:-:c")!.before).toBe(j.steps[2]);
  });

  it("reports a stage moved, and only the one that moved", () => {
    const j = base();
    const [s1, s2, s3] = j.stages;
    const changes = diffJourneys(j, { ...j, stages: [s2!, s3!, s1!] });
    expect(summary(changes)).toEqual([["stage:position:S1", 0, 2]]);
  });

  it("does not report a move for steps, whose list order means nothing", () => {
    const j = base();
    expect(diffJourneys(j, { ...j, steps: [...j.steps].reverse() })).toEqual([]);
  });

  it("reports lane owner, layer and team changes, and actor changes", () => {
    const j = base();
    const next = {
      ...j,
      lanes: j.lanes.map((l) => (l.id === "L2" ? { ...l, team: "Phone", layer: "backstage" as const } : l)),
      actors: j.actors.map((a) => (a.id === "dwp" ? { ...a, shortName: "DWP" } : a)),
    };
    expect(diffJourneys(j, next).map((c) => c.changeId)).toEqual(["actor:shortName:dwp", "lane:layer:L2", "lane:team:L2"]);
  });

  it("keys duplicate decisions by their key, which may hold any character", () => {
    const j = { ...base(), duplicateDecisions: [{ key: "a:b/c", decision: "confirmed" as const }] };
    const next = { ...j, duplicateDecisions: [{ key: "a:b/c", decision: "dismissed" as const }] };
    expect(summary(diffJourneys(j, next))).toEqual([["decision:decision:a:b/c", "confirmed", "dismissed"]]);
  });

  it("gives every change of a diff its own id", () => {
    const j = base();
    const next = buildJourney({ lanes: ["L9"], stages: ["S3", "S1"], steps: at("L9", "S1", "a", "z"), title: "Other" });
    const ids = diffJourneys(j, next).map((c) => c.changeId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("stableOrder", () => {
  it.each([
    [["a", "b", "c"], ["a", "b", "c"], ["a", "b", "c"]],
    [["a", "b", "c"], ["c", "a", "b"], ["a", "b"]],
    [["a", "b", "c", "d"], ["b", "x", "d", "a"], ["b", "d"]],
    [[], ["a"], []],
  ])("keeps the longest run in order: %j → %j", (a, b, kept) => {
    expect([...stableOrder(a, b)].sort()).toEqual(kept);
  });
});
