import { describe, expect, it } from "vitest";
import { scorecard } from "../../../src/domain/analysis/metrics";
import { deadEndSteps, startSteps, unreachableSteps } from "../../../src/domain/analysis/paths";
import { indexJourney } from "../../../src/domain/analysis/context";
import type { Channel } from "../../../src/domain/model";
import type { FixtureFlow } from "../../fixtures/analysis/build";
import { tiny } from "./journeys";

type S = {
  id: string;
  lane: string;
  active?: number;
  wait?: number;
  channel?: Channel;
  stage?: string;
};
const card = (steps: S[], flows: FixtureFlow[], stages?: [string, string][]) =>
  scorecard(tiny(steps, flows, stages));

describe("scorecard: counts", () => {
  it("counts steps, citizen actions, organisations and handoffs by kind", () => {
    const s = card(
      [
        { id: "c1", lane: "cit" },
        { id: "A1", lane: "a" },
        { id: "A2", lane: "a2" },
        { id: "c2", lane: "cit" },
        { id: "B1", lane: "b" },
        { id: "C1", lane: "c" },
      ],
      [
        ["c1", "A1"],
        ["A1", "A2"],
        ["A2", "c2"],
        ["c2", "B1"],
        ["B1", "C1"],
      ],
    );
    expect(s).toMatchObject({
      steps: 6,
      citizenActions: 2,
      organisations: 3,
      organisationIds: ["A", "B", "C"],
      handoffs: { direct: 1, citizenCarried: 1, internal: 1, total: 3 },
    });
  });

  it("counts repeated items and duplicate clusters the user has not dismissed", () => {
    const journey = tiny(
      [
        { id: "A1", lane: "a", label: "Prove your identity", data: ["NINO"] },
        { id: "B1", lane: "b", label: "Verify your ID", data: ["NI no."] },
        { id: "C1", lane: "c", label: "Pay", data: ["DOB"] },
      ],
      [],
    );
    expect(scorecard(journey)).toMatchObject({ repeatedItems: 1, duplicateClusters: 1 });
    const dismissed = {
      ...journey,
      duplicateDecisions: [{ key: "A1,B1", decision: "dismissed" as const }],
    };
    expect(scorecard(dismissed).duplicateClusters).toBe(0);
  });
});

describe("scorecard: along the path", () => {
  it("adds time along a single path", () => {
    const s = card(
      [
        { id: "c1", lane: "cit", active: 10, wait: 60 },
        { id: "A1", lane: "a", active: 5 },
        { id: "c2", lane: "cit", active: 20, wait: 1440 },
      ],
      [
        ["c1", "A1"],
        ["A1", "c2"],
      ],
    );
    expect(s.activeMinutes).toEqual({ min: 35, max: 35 });
    expect(s.elapsedMinutes).toEqual({ min: 1535, max: 1535 });
  });

  it("gives a range where branches differ instead of summing every step", () => {
    const s = card(
      [
        { id: "c1", lane: "cit", active: 5 },
        { id: "c2", lane: "cit", active: 100, channel: "in-person" },
        { id: "c3", lane: "cit", active: 10, channel: "online" },
        { id: "A1", lane: "a", active: 1 },
      ],
      [
        ["c1", "c2"],
        ["c1", "c3"],
        ["c2", "A1"],
        ["c3", "A1"],
      ],
    );
    expect(s.activeMinutes).toEqual({ min: 16, max: 106 });
  });

  it("counts a loop once", () => {
    const s = card(
      [
        { id: "c1", lane: "cit", active: 1 },
        { id: "c2", lane: "cit", active: 10 },
        { id: "c3", lane: "cit", active: 100 },
        { id: "c4", lane: "cit", active: 1000 },
      ],
      [
        ["c1", "c2"],
        ["c2", "c3"],
        ["c3", "c2"],
        ["c3", "c4"],
      ],
    );
    expect(s.activeMinutes).toEqual({ min: 1111, max: 1111 });
  });

  it("counts channel switches between steps that have a channel", () => {
    const s = card(
      [
        { id: "c1", lane: "cit", channel: "online" },
        { id: "A1", lane: "a", channel: "automated" },
        { id: "c2", lane: "cit", channel: "phone" },
        { id: "c3", lane: "cit" },
        { id: "c4", lane: "cit", channel: "phone" },
        { id: "c5", lane: "cit", channel: "online" },
      ],
      [
        ["c1", "A1"],
        ["A1", "c2"],
        ["c2", "c3"],
        ["c3", "c4"],
        ["c2", "c5"],
      ],
    );
    expect(s.channelSwitches).toEqual({ min: 1, max: 2 });
  });

  it("counts the contacts the citizen starts: flows from a citizen step to an organisation", () => {
    const s = card(
      [
        { id: "c1", lane: "cit" },
        { id: "A1", lane: "a" },
        { id: "c2", lane: "cit" },
        { id: "B1", lane: "b" },
        { id: "C1", lane: "c" },
      ],
      [
        ["c1", "A1"],
        ["A1", "c2"],
        ["c2", "B1"],
        ["A1", "C1"],
      ],
    );
    expect(s.contactsStarted).toEqual({ min: 1, max: 2 });
  });

  it("has no path measures when no step starts the journey", () => {
    expect(card([], []).activeMinutes).toBeNull();
    const loop = card(
      [
        { id: "c1", lane: "cit" },
        { id: "c2", lane: "cit" },
      ],
      [
        ["c1", "c2"],
        ["c2", "c1"],
      ],
    );
    expect(loop.activeMinutes).toBeNull();
    expect(loop.unreachable).toEqual(["c1", "c2"]);
  });
});

describe("dead ends and unreachable steps", () => {
  const stages: [string, string][] = [
    ["S1", "First"],
    ["S2", "Last"],
  ];
  const journey = tiny(
    [
      { id: "c1", lane: "cit", stage: "S1" },
      { id: "c2", lane: "cit", stage: "S1" },
      { id: "A2", lane: "a2", stage: "S1" },
      { id: "c3", lane: "cit", stage: "S2" },
      { id: "x1", lane: "cit", stage: "S1" },
      { id: "x2", lane: "cit", stage: "S1" },
      { id: "alone", lane: "b", stage: "S1" },
    ],
    [
      ["c1", "c2"],
      ["c1", "A2"],
      ["c1", "c3"],
      ["x1", "x2"],
      ["x2", "x1"],
    ],
    stages,
  );
  const ix = indexJourney(journey);

  it("starts where no flow comes in from another step", () => {
    expect(startSteps(ix).map((i) => journey.steps[i]!.id)).toEqual(["c1", "alone"]);
  });

  it("a dead end is a visible step a flow reaches that leads nowhere, before the last stage", () => {
    expect(deadEndSteps(ix)).toEqual(["c2"]);
  });

  it("a step is unreachable when no path from a start reaches it", () => {
    expect(unreachableSteps(ix)).toEqual(["x1", "x2"]);
  });

  it("the last stage with steps is where paths may end", () => {
    const emptyLast = {
      ...journey,
      stages: [...journey.stages, { id: "S3", name: "Empty" }],
    };
    expect(deadEndSteps(indexJourney(emptyLast))).toEqual(["c2"]);
  });

  it("the scorecard lists both", () => {
    expect(scorecard(journey)).toMatchObject({ deadEnds: ["c2"], unreachable: ["x1", "x2"] });
  });
});
