import { describe, it, expect } from "vitest";
import { test, fc } from "@fast-check/vitest";
import {
  GRID,
  LANE_HEIGHT,
  blueprintLayout,
  cellAt,
  cellKey,
  lanesInDisplayOrder,
  stepsByCell,
  type BlueprintLayout,
  type StepBox,
} from "../../src/domain/layout";
import { cellSteps } from "../../src/domain/journey";
import { LAYERS, type Journey, type Layer } from "../../src/domain/model";
import { at, buildJourney, deepFreeze, frozenJourney, lane } from "../helpers/journey-builder";

/**
 * Lanes are given out of display order (B before C and F).
 *
 *            S1 (3 cards)   S2 (empty)   S3 (2 cards)
 * C citizen  a b c
 * F front    d
 * B back                                 e f
 */
function sample(): Journey {
  return frozenJourney({
    lanes: [lane("B", "backstage"), lane("C", "citizen"), lane("F", "frontstage")],
    stages: ["S1", "S2", "S3"],
    steps: [...at("C", "S1", "a", "b", "c"), ...at("F", "S1", "d"), ...at("B", "S3", "e", "f")],
  });
}

/** Lanes, one per layer given, named by position: "0:citizen", "1:backstage", … */
function laneStack(layers: Layer[]): Journey {
  return frozenJourney({
    lanes: layers.map((layer, i) => lane(`${i}:${layer}`, layer)),
    stages: ["S1"],
  });
}

function box(layout: BlueprintLayout, id: string): StepBox {
  const found = layout.steps.get(id);
  if (!found) throw new Error(`no box for ${id}`);
  return found;
}

describe("the grid constants", () => {
  it("make one card plus its padding as wide as an empty stage", () => {
    expect(GRID.cellPadX * 2 + GRID.cardWidth).toBe(GRID.emptyStageWidth);
    expect(LANE_HEIGHT).toBe(132);
  });
});

describe("lanesInDisplayOrder", () => {
  it.each<[string, [string, Layer][], string[]]>([
    ["no lanes", [], []],
    [
      "already in order",
      [
        ["c", "citizen"],
        ["f", "frontstage"],
      ],
      ["c", "f"],
    ],
    [
      "layers reversed",
      [
        ["s", "support"],
        ["b", "backstage"],
        ["f", "frontstage"],
        ["c", "citizen"],
        ["e", "evidence"],
      ],
      ["e", "c", "f", "b", "s"],
    ],
    [
      "several lanes per layer keep their order",
      [
        ["b1", "backstage"],
        ["c1", "citizen"],
        ["b2", "backstage"],
        ["c2", "citizen"],
        ["b3", "backstage"],
      ],
      ["c1", "c2", "b1", "b2", "b3"],
    ],
    [
      "interleaved layers",
      [
        ["f1", "frontstage"],
        ["e1", "evidence"],
        ["f2", "frontstage"],
        ["e2", "evidence"],
      ],
      ["e1", "e2", "f1", "f2"],
    ],
  ])("%s", (_what, lanes, expected) => {
    const input = deepFreeze(lanes.map(([id, layer]) => lane(id, layer)));
    const out = lanesInDisplayOrder(input);
    expect(out.map((l) => l.id)).toEqual(expected);
    expect(out).not.toBe(input);
    out.forEach((l) => expect(l).toBe(input.find((i) => i.id === l.id)));
  });
});

describe("stepsByCell and cellKey", () => {
  it("groups steps by cell, each cell left to right by order then id", () => {
    const j = frozenJourney({
      lanes: ["L1", "L2"],
      stages: ["S1"],
      steps: [
        { id: "z", order: 1 },
        { id: "y", order: 0 },
        { id: "x", order: 1 },
        { id: "w", laneId: "L2" },
      ],
    });
    const cells = stepsByCell(j.steps);
    expect([...cells.keys()]).toEqual([cellKey("L1", "S1"), cellKey("L2", "S1")]);
    expect(cells.get(cellKey("L1", "S1"))!.map((s) => s.id)).toEqual(["y", "x", "z"]);
    expect(cells.get(cellKey("L2", "S1"))!.map((s) => s.id)).toEqual(["w"]);
  });

  it("keeps lane and stage apart in the key", () => {
    expect(cellKey("a", "bc")).not.toBe(cellKey("ab", "c"));
  });
});

describe("blueprintLayout", () => {
  it("places stages left to right, each as wide as its busiest cell", () => {
    const layout = blueprintLayout(sample());
    expect(layout.stages).toEqual([
      { id: "S1", name: "S1", x: 190, width: 676 },
      { id: "S2", name: "S2", x: 866, width: 236 },
      { id: "S3", name: "S3", x: 1102, width: 456 },
    ]);
    expect(layout.width).toBe(1558);
  });

  it("places lanes top to bottom in display order", () => {
    const j = sample();
    const layout = blueprintLayout(j);
    expect(layout.lanes.map((l) => [l.id, l.y, l.height])).toEqual([
      ["C", 44, 132],
      ["F", 176, 132],
      ["B", 308, 132],
    ]);
    expect(layout.lanes[0]!.lane).toBe(j.lanes[1]);
    expect(layout.height).toBe(440);
  });

  it("places each card in its cell, left to right by order", () => {
    const layout = blueprintLayout(sample());
    expect(Object.fromEntries(layout.steps)).toEqual({
      a: { id: "a", x: 208, y: 58, width: 200, height: 104, index: 0 },
      b: { id: "b", x: 428, y: 58, width: 200, height: 104, index: 1 },
      c: { id: "c", x: 648, y: 58, width: 200, height: 104, index: 2 },
      d: { id: "d", x: 208, y: 190, width: 200, height: 104, index: 0 },
      e: { id: "e", x: 1120, y: 322, width: 200, height: 104, index: 0 },
      f: { id: "f", x: 1340, y: 322, width: 200, height: 104, index: 1 },
    });
  });

  it.each<[string, number[], number]>([
    ["no steps", [], 236],
    ["one step", [1], 236],
    ["two steps in one cell", [2], 456],
    ["three steps in the busiest of two cells", [1, 3], 676],
    ["three steps in the busiest of three cells", [3, 1, 2], 676],
    ["five steps", [5], 1116],
  ])("gives a stage with %s width %i", (_what, counts, width) => {
    const j = frozenJourney({
      lanes: counts.map((_, i) => `L${i}`),
      stages: ["S1"],
      steps: counts.flatMap((n, i) =>
        at(`L${i}`, "S1", ...Array.from({ length: n }, (_, k) => `s${i}-${k}`)),
      ),
    });
    expect(blueprintLayout(j).stages).toEqual([{ id: "S1", name: "S1", x: 190, width }]);
  });

  it("orders cards by their order field, not their place in the array", () => {
    const j = frozenJourney({
      lanes: ["L1"],
      stages: ["S1"],
      steps: [
        { id: "p", order: 2 },
        { id: "q", order: 0 },
        { id: "r", order: 1 },
      ],
    });
    const layout = blueprintLayout(j);
    expect(["q", "r", "p"].map((id) => [box(layout, id).x, box(layout, id).index])).toEqual([
      [208, 0],
      [428, 1],
      [648, 2],
    ]);
  });

  it("draws no card, and widens no stage, for a step whose lane or stage is missing", () => {
    const j = frozenJourney({
      lanes: ["L1"],
      stages: ["S1"],
      steps: [
        { id: "ok" },
        ...at("gone", "S1", "x", "y", "z"),
        { id: "lost", laneId: "L1", stageId: "gone" },
      ],
    });
    const layout = blueprintLayout(j);
    expect([...layout.steps.keys()]).toEqual(["ok"]);
    expect(layout.stages).toEqual([{ id: "S1", name: "S1", x: 190, width: 236 }]);
  });

  it("lays out an empty journey as headers only", () => {
    const layout = blueprintLayout(buildJourney());
    expect(layout).toEqual({
      width: 190,
      height: 44,
      lanes: [],
      stages: [],
      steps: new Map(),
      layers: [],
    });
  });

  it("does not change the journey", () => {
    const j = sample();
    const before = structuredClone(j);
    blueprintLayout(j);
    expect(j).toEqual(before);
  });
});

describe("layer bands and their lines", () => {
  it("bands the sample's lanes with their heights", () => {
    expect(blueprintLayout(sample()).layers).toEqual([
      { layer: "citizen", y: 44, height: 132, lineBelow: "Line of interaction" },
      { layer: "frontstage", y: 176, height: 132, lineBelow: "Line of visibility" },
      { layer: "backstage", y: 308, height: 132, lineBelow: null },
    ]);
  });

  it("makes one band of several lanes in a layer", () => {
    expect(blueprintLayout(laneStack(["citizen", "backstage", "citizen"])).layers).toEqual([
      { layer: "citizen", y: 44, height: 264, lineBelow: "Line of visibility" },
      { layer: "backstage", y: 308, height: 132, lineBelow: null },
    ]);
  });

  it.each<[string, Layer[], [Layer, string | null][]]>([
    ["no lanes", [], []],
    ["one layer", ["frontstage"], [["frontstage", null]]],
    [
      "every layer",
      [...LAYERS],
      [
        ["evidence", null],
        ["citizen", "Line of interaction"],
        ["frontstage", "Line of visibility"],
        ["backstage", "Line of internal interaction"],
        ["support", null],
      ],
    ],
    [
      "citizen above frontstage",
      ["citizen", "frontstage"],
      [
        ["citizen", "Line of interaction"],
        ["frontstage", null],
      ],
    ],
    [
      "frontstage above backstage",
      ["frontstage", "backstage"],
      [
        ["frontstage", "Line of visibility"],
        ["backstage", null],
      ],
    ],
    [
      "backstage above support",
      ["backstage", "support"],
      [
        ["backstage", "Line of internal interaction"],
        ["support", null],
      ],
    ],
    [
      "evidence above citizen",
      ["evidence", "citizen"],
      [
        ["evidence", null],
        ["citizen", null],
      ],
    ],
    [
      "citizen above backstage (frontstage skipped)",
      ["citizen", "backstage"],
      [
        ["citizen", "Line of visibility"],
        ["backstage", null],
      ],
    ],
    [
      "citizen above support",
      ["citizen", "support"],
      [
        ["citizen", "Line of internal interaction"],
        ["support", null],
      ],
    ],
    [
      "frontstage above support",
      ["frontstage", "support"],
      [
        ["frontstage", "Line of internal interaction"],
        ["support", null],
      ],
    ],
    [
      "evidence above frontstage",
      ["evidence", "frontstage"],
      [
        ["evidence", "Line of interaction"],
        ["frontstage", null],
      ],
    ],
    [
      "evidence above backstage",
      ["evidence", "backstage"],
      [
        ["evidence", "Line of visibility"],
        ["backstage", null],
      ],
    ],
    [
      "lanes given bottom up",
      ["support", "frontstage", "citizen"],
      [
        ["citizen", "Line of interaction"],
        ["frontstage", "Line of internal interaction"],
        ["support", null],
      ],
    ],
  ])("%s", (_what, layers, expected) => {
    const bands = blueprintLayout(laneStack(layers)).layers;
    expect(bands.map((b) => [b.layer, b.lineBelow])).toEqual(expected);
    bands.forEach((b, i) => {
      expect(b.y).toBe(44 + i * 132);
      expect(b.height).toBe(132);
    });
  });
});

describe("cellAt", () => {
  const layout = blueprintLayout(sample());
  const cardCentre = (i: number) => 190 + 18 + i * 220 + 100;
  const citizenRow = 44 + 66;
  const frontRow = 176 + 66;

  it.each<[string, number, number, { laneId: string; stageId: string; index: number } | null]>([
    ["centre of card 0", cardCentre(0), citizenRow, { laneId: "C", stageId: "S1", index: 0 }],
    ["centre of card 1", cardCentre(1), citizenRow, { laneId: "C", stageId: "S1", index: 1 }],
    ["centre of card 2", cardCentre(2), citizenRow, { laneId: "C", stageId: "S1", index: 2 }],
    [
      "just left of centre 1",
      cardCentre(1) - 1,
      citizenRow,
      { laneId: "C", stageId: "S1", index: 1 },
    ],
    ["halfway between 0 and 1", 418, citizenRow, { laneId: "C", stageId: "S1", index: 1 }],
    ["halfway between 1 and 2", 638, citizenRow, { laneId: "C", stageId: "S1", index: 2 }],
    ["just before halfway 1–2", 637, citizenRow, { laneId: "C", stageId: "S1", index: 1 }],
    ["after the last card", 860, citizenRow, { laneId: "C", stageId: "S1", index: 3 }],
    ["left edge of the cell", 190, citizenRow, { laneId: "C", stageId: "S1", index: 0 }],
    ["top edge of a lane", cardCentre(0), 176, { laneId: "F", stageId: "S1", index: 0 }],
    [
      "past the only card of a cell",
      cardCentre(2),
      frontRow,
      { laneId: "F", stageId: "S1", index: 1 },
    ],
    [
      "an empty cell of a wide stage",
      cardCentre(1),
      308 + 66,
      { laneId: "B", stageId: "S1", index: 0 },
    ],
    ["an empty stage", 866 + 118, citizenRow, { laneId: "C", stageId: "S2", index: 0 }],
    ["left edge of a stage", 866, frontRow, { laneId: "F", stageId: "S2", index: 0 }],
    [
      "centre of card 1 in the last stage",
      1102 + 18 + 220 + 100,
      374,
      { laneId: "B", stageId: "S3", index: 1 },
    ],
    ["the lane headers", 100, citizenRow, null],
    ["the stage headers", cardCentre(0), 20, null],
    ["right of the grid", 1558, citizenRow, null],
    ["below the grid", cardCentre(0), 440, null],
    ["above and left of the grid", -5, -5, null],
  ])("%s", (_what, px, py, expected) => {
    expect(cellAt(layout, px, py)).toEqual(expected);
  });

  it("finds nothing in a journey without lanes", () => {
    const j = frozenJourney({ stages: ["S1"] });
    expect(cellAt(blueprintLayout(j), 300, 100)).toBeNull();
  });
});

describe("blueprintLayout properties", () => {
  const journeyArb = fc
    .record({
      layers: fc.array(fc.constantFrom(...LAYERS), { minLength: 1, maxLength: 6 }),
      stageCount: fc.integer({ min: 1, max: 4 }),
      steps: fc.array(
        fc.record({
          lane: fc.nat(6),
          stage: fc.nat(4),
          order: fc.integer({ min: -3, max: 6 }),
        }),
        { maxLength: 40 },
      ),
    })
    .map(({ layers, stageCount, steps }) =>
      buildJourney({
        lanes: layers.map((layer, i) => lane(`L${i}`, layer)),
        stages: Array.from({ length: stageCount }, (_, i) => `S${i}`),
        // Lane and stage numbers past the end make steps whose cell is missing.
        steps: steps.map((s, i) => ({
          id: `s${i}`,
          laneId: `L${s.lane}`,
          stageId: `S${s.stage}`,
          order: s.order,
        })),
      }),
    );

  test.prop([journeyArb], { numRuns: 300 })(
    "cards never overlap, each lies inside its cell at its place, and cellAt finds it there",
    (journey) => {
      const layout = blueprintLayout(deepFreeze(journey));
      const laneBox = new Map(layout.lanes.map((l) => [l.id, l]));
      const stageBox = new Map(layout.stages.map((s) => [s.id, s]));
      const drawn = journey.steps.filter((s) => laneBox.has(s.laneId) && stageBox.has(s.stageId));
      expect([...layout.steps.keys()].sort()).toEqual(drawn.map((s) => s.id).sort());

      for (const step of drawn) {
        const b = box(layout, step.id);
        const l = laneBox.get(step.laneId)!;
        const s = stageBox.get(step.stageId)!;
        expect(b.x).toBeGreaterThanOrEqual(s.x);
        expect(b.x + b.width).toBeLessThanOrEqual(s.x + s.width);
        expect(b.y).toBeGreaterThanOrEqual(l.y);
        expect(b.y + b.height).toBeLessThanOrEqual(l.y + l.height);
        const cell = cellSteps(journey, step.laneId, step.stageId);
        expect(b.index).toBe(cell.indexOf(step));
        expect(cellAt(layout, b.x + b.width / 2, b.y + b.height / 2)).toEqual({
          laneId: step.laneId,
          stageId: step.stageId,
          index: b.index,
        });
      }

      const boxes = [...layout.steps.values()];
      for (let i = 0; i < boxes.length; i++) {
        for (let k = i + 1; k < boxes.length; k++) {
          const p = boxes[i]!;
          const q = boxes[k]!;
          const apart =
            p.x + p.width <= q.x ||
            q.x + q.width <= p.x ||
            p.y + p.height <= q.y ||
            q.y + q.height <= p.y;
          expect(apart, `${p.id} overlaps ${q.id}`).toBe(true);
        }
      }
    },
  );

  test.prop([journeyArb], { numRuns: 200 })(
    "stages and lanes tile the grid with no gaps and bands cover the lanes",
    (journey) => {
      const layout = blueprintLayout(journey);
      let x = GRID.laneHeaderWidth;
      for (const s of layout.stages) {
        expect(s.x).toBe(x);
        x += s.width;
      }
      expect(layout.width).toBe(x);
      let y = GRID.stageHeaderHeight;
      for (const l of layout.lanes) {
        expect(l.y).toBe(y);
        y += l.height;
      }
      expect(layout.height).toBe(y);
      expect(layout.layers.reduce((sum, band) => sum + band.height, 0)).toBe(
        y - GRID.stageHeaderHeight,
      );
      expect(layout.layers.map((b) => b.layer)).toEqual([
        ...new Set(lanesInDisplayOrder(journey.lanes).map((l) => l.layer)),
      ]);
    },
  );
});
