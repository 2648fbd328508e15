import { describe, it, expect } from "vitest";
import { test, fc } from "@fast-check/vitest";
import { propertyParams } from "../helpers/runs";
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
 *            S1 (3 cards)   S2 (empty)   S3 (2 cards)   — each stage with cards ends in an add zone
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
      { id: "S1", name: "S1", x: 190, width: 732 },
      { id: "S2", name: "S2", x: 922, width: 236 },
      { id: "S3", name: "S3", x: 1158, width: 512 },
    ]);
    expect(layout.width).toBe(1670);
  });

  it("places lanes top to bottom in display order", () => {
    const j = sample();
    const layout = blueprintLayout(j);
    // A layer line runs between each pair: each lane along one has layerGap more room there.
    expect(layout.lanes.map((l) => [l.id, l.y, l.height, l.padTop])).toEqual([
      ["C", 44, 142, 14],
      ["F", 186, 152, 24],
      ["B", 338, 142, 24],
    ]);
    expect(layout.lanes[0]!.lane).toBe(j.lanes[1]);
    expect(layout.height).toBe(480);
  });

  it("places each card in its cell, left to right by order", () => {
    const layout = blueprintLayout(sample());
    expect(Object.fromEntries(layout.steps)).toEqual({
      a: { id: "a", x: 208, y: 58, width: 200, height: 104, index: 0 },
      b: { id: "b", x: 428, y: 58, width: 200, height: 104, index: 1 },
      c: { id: "c", x: 648, y: 58, width: 200, height: 104, index: 2 },
      d: { id: "d", x: 208, y: 210, width: 200, height: 104, index: 0 },
      e: { id: "e", x: 1176, y: 362, width: 200, height: 104, index: 0 },
      f: { id: "f", x: 1396, y: 362, width: 200, height: 104, index: 1 },
    });
  });

  it.each<[string, number[], number]>([
    ["no steps", [], 236],
    ["one step", [1], 292],
    ["two steps in one cell", [2], 512],
    ["three steps in the busiest of two cells", [1, 3], 732],
    ["three steps in the busiest of three cells", [3, 1, 2], 732],
    ["five steps", [5], 1172],
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

  it("makes a stage with steps addZone wider than an empty one; cellAt there gives the place after the cell's last card", () => {
    const lanes = ["L1", "L2"];
    const empty = blueprintLayout(frozenJourney({ lanes, stages: ["S1"] }));
    const one = blueprintLayout(frozenJourney({ lanes, stages: ["S1"], steps: [{ id: "a" }] }));
    expect(GRID.addZone).toBe(56);
    expect(empty.stages[0]!.width).toBe(GRID.emptyStageWidth);
    expect(one.stages[0]!.width).toBe(GRID.emptyStageWidth + GRID.addZone);
    expect(one.stages[0]!.width).toBe(292);

    // The add zone runs from the last card's right padding to the stage's right edge.
    const a = box(one, "a");
    const zoneStart = a.x + a.width + GRID.cellPadX;
    const stageEnd = one.stages[0]!.x + one.stages[0]!.width;
    expect([zoneStart, stageEnd]).toEqual([426, 482]);
    expect(stageEnd - zoneStart).toBe(GRID.addZone);
    const l1Row = 44 + 66;
    const l2Row = 176 + 66;
    for (const px of [zoneStart, stageEnd - 1]) {
      expect(cellAt(one, px, l1Row)).toEqual({ laneId: "L1", stageId: "S1", index: 1 });
      expect(cellAt(one, px, l2Row)).toEqual({ laneId: "L2", stageId: "S1", index: 0 });
    }
    expect(cellAt(one, stageEnd, l1Row)).toBeNull();

    // In the sample, each cell's add zone offers the place after its own cards.
    const layout = blueprintLayout(sample());
    const zones: [string, number, number, string, number][] = [
      ["S1", 866, 922, "C", 3],
      ["S1", 866, 922, "F", 1],
      ["S1", 866, 922, "B", 0],
      ["S3", 1614, 1670, "B", 2],
      ["S3", 1614, 1670, "C", 0],
    ];
    const rowOf: Record<string, number> = { C: 58 + 52, F: 210 + 52, B: 362 + 52 };
    for (const [stageId, start, end, laneId, cards] of zones) {
      expect(end - start).toBe(GRID.addZone);
      for (const px of [start, end - 1]) {
        expect(cellAt(layout, px, rowOf[laneId]!)).toEqual({ laneId, stageId, index: cards });
      }
    }
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
    // One card ("ok"), not the three in the missing lane: 292, not 732.
    expect(layout.stages).toEqual([{ id: "S1", name: "S1", x: 190, width: 292 }]);
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
      { layer: "citizen", y: 44, height: 142, lineBelow: "Line of interaction" },
      { layer: "frontstage", y: 186, height: 152, lineBelow: "Line of visibility" },
      { layer: "backstage", y: 338, height: 142, lineBelow: null },
    ]);
  });

  it("makes one band of several lanes in a layer", () => {
    expect(blueprintLayout(laneStack(["citizen", "backstage", "citizen"])).layers).toEqual([
      { layer: "citizen", y: 44, height: 274, lineBelow: "Line of visibility" },
      { layer: "backstage", y: 318, height: 142, lineBelow: null },
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
    // One lane a band; a band along a line has layerGap more room on that side.
    bands.forEach((b, i) => {
      const before = bands[i - 1];
      expect(b.y).toBe(before ? before.y + before.height : 44);
      const lineAbove = before?.lineBelow ? 1 : 0;
      const lineBelow = b.lineBelow ? 1 : 0;
      expect(b.height).toBe(LANE_HEIGHT + (lineAbove + lineBelow) * GRID.layerGap);
    });
  });
});

describe("cellAt", () => {
  const layout = blueprintLayout(sample());
  const cardCentre = (i: number) => 190 + 18 + i * 220 + 100;
  const citizenRow = 44 + 66;
  const frontRow = 210 + 52;

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
    ["top edge of a lane", cardCentre(0), 186, { laneId: "F", stageId: "S1", index: 0 }],
    [
      "past the only card of a cell",
      cardCentre(2),
      frontRow,
      { laneId: "F", stageId: "S1", index: 1 },
    ],
    [
      "an empty cell of a wide stage",
      cardCentre(1),
      362 + 52,
      { laneId: "B", stageId: "S1", index: 0 },
    ],
    ["an empty stage", 922 + 118, citizenRow, { laneId: "C", stageId: "S2", index: 0 }],
    ["left edge of a stage", 922, frontRow, { laneId: "F", stageId: "S2", index: 0 }],
    [
      "centre of card 1 in the last stage",
      1158 + 18 + 220 + 100,
      362 + 52,
      { laneId: "B", stageId: "S3", index: 1 },
    ],
    ["the lane headers", 100, citizenRow, null],
    ["the stage headers", cardCentre(0), 20, null],
    ["right of the grid", 1670, citizenRow, null],
    ["below the grid", cardCentre(0), 480, null],
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

  test.prop([journeyArb], propertyParams(null, 300))(
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

  test.prop([journeyArb], propertyParams(null, 200))(
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
