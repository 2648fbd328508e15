/**
 * Flow routing in Node: `routeFlows` (round the cards, nudged apart) and the label placement
 * the canvas and the SVG export share, on generated journeys, beside what they replaced in the
 * same process: the SVG export's fixed elbows and the canvas's smooth-step edges (React
 * Flow's `getSmoothStepPath`, one per flow). Also counts, for the new routes and for the old
 * elbows, the flows drawn through a card and the pieces of line unrelated flows share.
 * Usage: tsx bench/node/routing.ts <out.json>
 */
import { writeFileSync } from "node:fs";
import { Position, getSmoothStepPath } from "@xyflow/system";
import { analyseJourney } from "../../src/domain/analysis/index";
import { GRID, blueprintLayout, type BlueprintLayout, type StepBox } from "../../src/domain/layout";
import type { Journey } from "../../src/domain/model";
import { routeFlows } from "../../src/domain/routing/flows";
import { flowLabelLayouts, placeLabels } from "../../src/export/svg-flows";
import { routeProblems, type Pt } from "../../tests/helpers/route-checks";
import { benchJourney } from "../lib/journeys";
import { runsFor, stat, type Stat } from "../lib/stats";

const SIZES = [100, 1000, 5000];

export interface RoutingSize {
  steps: number;
  flows: number;
  labels: number;
  routeMs: Stat;
  firstRunMs: number;
  labelsMs: Stat;
  /** What the routes replaced: the export's elbows, and the canvas's smooth-step paths. */
  elbowsMs: Stat;
  smoothStepMs: Stat;
  /** One full analysis of the same journey, measured between the routing runs. */
  analyseMs: Stat;
  problems: { routes: Problems; elbows: Problems };
}

interface Problems {
  throughCard: number;
  sharedSegment: number;
}

const time = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

/** The elbows the SVG export drew before routing (src/export/svg-flows.ts, routeFlow). */
function elbows(journey: Journey, layout: BlueprintLayout): Map<string, Pt[]> {
  const pitch = GRID.cardWidth + GRID.cardGap;
  const cellSizes = new Map<string, number>();
  for (const box of layout.steps.values()) {
    const key = `${box.x - box.index * pitch},${box.y}`;
    cellSizes.set(key, Math.max(cellSizes.get(key) ?? 0, box.index + 1));
  }
  const last = (b: StepBox) => b.index + 1 >= (cellSizes.get(`${b.x - b.index * pitch},${b.y}`) ?? 0);
  const columns = new Map<number, number[]>();
  for (const b of layout.steps.values()) columns.set(b.x, [...(columns.get(b.x) ?? []), b.y]);
  const firstCardX = GRID.laneHeaderWidth + GRID.cellPadX;
  const out = new Map<string, Pt[]>();
  for (const flow of journey.flows) {
    const from = layout.steps.get(flow.from);
    const to = layout.steps.get(flow.to);
    if (!from || !to) continue;
    const afterSource = last(from) ? GRID.cellPadX - 4 : GRID.cardGap / 2;
    const beforeTarget = to.index > 0 ? GRID.cardGap / 2 : to.x <= firstCardX ? GRID.cellPadX / 2 : GRID.cellPadX - 4;
    const between = from.x === to.x && (columns.get(from.x) ?? []).some((y) => y > from.y && y < to.y);
    out.set(flow.id, elbow(from, to, afterSource, beforeTarget, between));
  }
  return out;
}

function elbow(from: StepBox, to: StepBox, afterSource: number, beforeTarget: number, between: boolean): Pt[] {
  if (Math.abs(from.x - to.x) < from.width / 2 && to.y > from.y) {
    const tx = to.x + to.width / 2;
    const above = to.y - GRID.cellPadY / 2;
    if (between) {
      const sx = from.x + from.width;
      const sy = from.y + from.height / 2;
      return [
        [sx, sy],
        [sx + afterSource, sy],
        [sx + afterSource, above],
        [tx, above],
        [tx, to.y],
      ];
    }
    const sx = from.x + from.width / 2;
    const sy = from.y + from.height;
    return sx === tx
      ? [
          [sx, sy],
          [tx, to.y],
        ]
      : [
          [sx, sy],
          [sx, above],
          [tx, above],
          [tx, to.y],
        ];
  }
  const sx = from.x + from.width;
  const sy = from.y + from.height / 2;
  const tx = to.x;
  const ty = to.y + to.height / 2;
  if (tx >= sx + GRID.cardGap) {
    if (sy === ty)
      return [
        [sx, sy],
        [tx, ty],
      ];
    return [
      [sx, sy],
      [tx - beforeTarget, sy],
      [tx - beforeTarget, ty],
      [tx, ty],
    ];
  }
  const gutterY = ty < sy ? from.y - GRID.cellPadY / 2 : from.y + from.height + GRID.cellPadY / 2;
  return [
    [sx, sy],
    [sx + afterSource, sy],
    [sx + afterSource, gutterY],
    [tx - beforeTarget, gutterY],
    [tx - beforeTarget, ty],
    [tx, ty],
  ];
}

/** The canvas's edges before routing: one smooth-step path per flow, from handle to handle. */
function smoothSteps(journey: Journey, layout: BlueprintLayout): number {
  let length = 0;
  for (const flow of journey.flows) {
    const a = layout.steps.get(flow.from);
    const b = layout.steps.get(flow.to);
    if (!a || !b) continue;
    const [path] = getSmoothStepPath({
      sourceX: a.x + a.width + 5,
      sourceY: a.y + a.height / 2,
      sourcePosition: Position.Right,
      targetX: b.x - 5,
      targetY: b.y + b.height / 2,
      targetPosition: Position.Left,
      borderRadius: 10,
      offset: 18,
    });
    length += path.length;
  }
  return length;
}

function count(journey: Journey, layout: BlueprintLayout, routes: ReadonlyMap<string, readonly Pt[]>): Problems {
  const flows = journey.flows.filter((f) => routes.has(f.id)).map((f) => ({ ...f, points: routes.get(f.id)! }));
  const problems = routeProblems(flows, layout.steps);
  return {
    throughCard: problems.filter((p) => p.kind === "through-card").length,
    sharedSegment: problems.filter((p) => p.kind === "shared-segment").length,
  };
}

function main() {
  const out = process.argv[2];
  if (!out) throw new Error("usage: routing.ts <out.json>");
  const sizes: RoutingSize[] = [];
  for (const steps of SIZES) {
    const journey = benchJourney(steps);
    const layout = blueprintLayout(journey);
    let routes = routeFlows(layout, journey.flows);
    const firstRunMs = time(() => (routes = routeFlows(blueprintLayout(journey), journey.flows)));
    const labelled = journey.flows.filter((f) => f.label.trim());
    const requests = labelled.map((f) => ({ id: f.id, sizes: flowLabelLayouts(f.label, false) }));
    const route: number[] = [];
    const labels: number[] = [];
    const old: number[] = [];
    const smooth: number[] = [];
    const analyse: number[] = [];
    // Interleaved, so a busy machine slows each alike.
    for (let k = 0; k < runsFor(steps, 5); k++) {
      route.push(time(() => (routes = routeFlows(layout, journey.flows))));
      labels.push(time(() => placeLabels(layout, routes, requests)));
      old.push(time(() => elbows(journey, layout)));
      smooth.push(time(() => smoothSteps(journey, layout)));
      analyse.push(time(() => analyseJourney(journey)));
    }
    const points = new Map([...routes].map(([id, r]) => [id, r.points]));
    sizes.push({
      steps,
      flows: journey.flows.length,
      labels: labelled.length,
      routeMs: stat(route),
      firstRunMs,
      labelsMs: stat(labels),
      elbowsMs: stat(old),
      smoothStepMs: stat(smooth),
      analyseMs: stat(analyse),
      problems: { routes: count(journey, layout, points), elbows: count(journey, layout, elbows(journey, layout)) },
    });
    const s = sizes[sizes.length - 1]!;
    console.error(
      `routing ${steps}: ${s.routeMs.median.toFixed(1)} ms (labels ${s.labelsMs.median.toFixed(1)} ms; elbows ${s.elbowsMs.median.toFixed(2)} ms, smooth-step ${s.smoothStepMs.median.toFixed(2)} ms; analysis ${s.analyseMs.median.toFixed(1)} ms)`,
    );
  }
  writeFileSync(out, JSON.stringify({ sizes }, null, 2));
}

main();
