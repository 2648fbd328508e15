import { describe, expect, it } from "vitest";
import { findHandoffs } from "../../../src/domain/analysis/handoffs";
import type { FixtureFlow } from "../../fixtures/analysis/build";
import { tiny } from "./journeys";

type StepSpec = { id: string; lane: string };
const summary = (steps: StepSpec[], flows: FixtureFlow[]) =>
  findHandoffs(tiny(steps, flows)).map((h) => `${h.fromStepId}>${h.toStepId}:${h.kind}`);

describe("findHandoffs: each kind and each shape of path", () => {
  const A = { id: "A1", lane: "a" };
  const A2 = { id: "A2", lane: "a2" };
  const Asame = { id: "A3", lane: "a" };
  const B = { id: "B1", lane: "b" };
  const C = { id: "C1", lane: "c" };
  const c1 = { id: "c1", lane: "cit" };
  const c2 = { id: "c2", lane: "cit" };
  const c3 = { id: "c3", lane: "cit" };

  it.each<[string, StepSpec[], FixtureFlow[], string[]]>([
    ["direct: a flow from A to B", [A, B], [["A1", "B1"]], ["A1>B1:direct"]],
    [
      "direct: a data share from A to B",
      [A, B],
      [["A1", "B1", { dataShare: true }]],
      ["A1>B1:direct"],
    ],
    [
      "citizen-carried: one citizen step between",
      [A, c1, B],
      [
        ["A1", "c1"],
        ["c1", "B1"],
      ],
      ["A1>B1:citizen-carried"],
    ],
    [
      "citizen-carried: several citizen steps between",
      [A, c1, c2, B],
      [
        ["A1", "c1"],
        ["c1", "c2"],
        ["c2", "B1"],
      ],
      ["A1>B1:citizen-carried"],
    ],
    ["internal: A's frontstage to A's backstage", [A, A2], [["A1", "A2"]], ["A1>A2:internal"]],
    [
      "internal: the same organisation through citizen steps",
      [A, c1, A2],
      [
        ["A1", "c1"],
        ["c1", "A2"],
      ],
      ["A1>A2:internal"],
    ],
    ["none: the same lane", [A, Asame], [["A1", "A3"]], []],
    [
      "none: the same lane through citizen steps",
      [A, c1, Asame],
      [
        ["A1", "c1"],
        ["c1", "A3"],
      ],
      [],
    ],
    [
      "direct preferred when a citizen path also exists",
      [A, c1, B],
      [
        ["A1", "c1"],
        ["c1", "B1"],
        ["A1", "B1"],
      ],
      ["A1>B1:direct"],
    ],
    [
      "branches: each branch to its organisation",
      [A, c1, c2, B, C],
      [
        ["A1", "c1"],
        ["A1", "c2"],
        ["c1", "B1"],
        ["c2", "C1"],
      ],
      ["A1>B1:citizen-carried", "A1>C1:citizen-carried"],
    ],
    [
      "stops at the first organisation step",
      [A, B, C],
      [
        ["A1", "B1"],
        ["B1", "C1"],
      ],
      ["A1>B1:direct", "B1>C1:direct"],
    ],
    [
      "a loop among citizen steps is followed once",
      [A, c1, c2, B],
      [
        ["A1", "c1"],
        ["c1", "c2"],
        ["c2", "c1"],
        ["c2", "B1"],
      ],
      ["A1>B1:citizen-carried"],
    ],
    [
      "a loop back to an organisation",
      [A, B, c1],
      [
        ["A1", "B1"],
        ["B1", "c1"],
        ["c1", "A1"],
      ],
      ["A1>B1:direct", "B1>A1:citizen-carried"],
    ],
    ["a self-loop on an organisation step", [A], [["A1", "A1"]], []],
    [
      "a journey that starts with citizen steps",
      [c1, c2, A, B],
      [
        ["c1", "c2"],
        ["c2", "A1"],
        ["A1", "B1"],
      ],
      ["A1>B1:direct"],
    ],
    [
      "a journey that ends with citizen steps",
      [A, B, c1, c2],
      [
        ["A1", "B1"],
        ["B1", "c1"],
        ["c1", "c2"],
      ],
      ["A1>B1:direct"],
    ],
    [
      "a citizen-only path",
      [c1, c2, c3],
      [
        ["c1", "c2"],
        ["c2", "c3"],
      ],
      [],
    ],
    ["a self-contained organisation step", [A, c1], [], []],
    ["a citizen step leading into an organisation only", [c1, B], [["c1", "B1"]], []],
  ])("%s", (_name, steps, flows, expected) => {
    expect(summary(steps, flows)).toEqual(expected);
  });

  it("does not pass through a step whose lane is missing", () => {
    const journey = tiny(
      [A, { id: "x", lane: "nowhere" }, B],
      [
        ["A1", "x"],
        ["x", "B1"],
      ],
    );
    expect(findHandoffs(journey)).toEqual([]);
  });

  it("ignores flows to missing steps", () => {
    expect(
      summary(
        [A, B],
        [
          ["A1", "B1"],
          ["A1", "ghost"],
        ],
      ),
    ).toEqual(["A1>B1:direct"]);
  });
});

describe("findHandoffs: what each handoff carries", () => {
  it("lists the citizen steps and the flows of a citizen-carried handoff", () => {
    const journey = tiny(
      [
        { id: "A1", lane: "a" },
        { id: "c1", lane: "cit" },
        { id: "c2", lane: "cit" },
        { id: "B1", lane: "b" },
      ],
      [
        ["A1", "c1"],
        ["c1", "c2"],
        ["c2", "B1"],
      ],
    );
    expect(findHandoffs(journey)).toEqual([
      {
        key: "A1->B1",
        kind: "citizen-carried",
        fromStepId: "A1",
        toStepId: "B1",
        fromActorId: "A",
        toActorId: "B",
        viaStepIds: ["c1", "c2"],
        flowIds: ["f1", "f2", "f3"],
      },
    ]);
  });

  it("takes the shortest citizen path and lists every parallel direct flow", () => {
    const journey = tiny(
      [
        { id: "A1", lane: "a" },
        { id: "c1", lane: "cit" },
        { id: "c2", lane: "cit" },
        { id: "B1", lane: "b" },
        { id: "C1", lane: "c" },
      ],
      [
        ["A1", "c1"],
        ["c1", "c2"],
        ["c2", "B1"],
        ["c1", "B1"],
        ["A1", "C1"],
        ["A1", "C1", { label: "again" }],
      ],
    );
    const byKey = Object.fromEntries(findHandoffs(journey).map((h) => [h.key, h]));
    expect(byKey["A1->B1"]!.viaStepIds).toEqual(["c1"]);
    expect(byKey["A1->B1"]!.flowIds).toEqual(["f1", "f4"]);
    expect(byKey["A1->C1"]!.flowIds).toEqual(["f5", "f6"]);
  });

  it("reports each pair once, in journey order, with unique keys", () => {
    const journey = tiny(
      [
        { id: "B1", lane: "b" },
        { id: "A1", lane: "a" },
        { id: "c1", lane: "cit" },
        { id: "C1", lane: "c" },
      ],
      [
        ["A1", "C1"],
        ["A1", "c1"],
        ["c1", "C1"],
        ["A1", "B1"],
        ["B1", "c1"],
      ],
    );
    const keys = findHandoffs(journey).map((h) => h.key);
    expect(keys).toEqual(["B1->C1", "A1->B1", "A1->C1"]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
