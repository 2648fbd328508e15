/** Routes on generated journeys: whatever the lanes, stages, cells and flows, no flow runs
 * through a card and no two unrelated flows share a piece of line. */
import { describe, expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { GRID, blueprintLayout } from "../../../src/domain/layout";
import { LAYERS, type Journey } from "../../../src/domain/model";
import { routeFlows } from "../../../src/domain/routing/flows";
import { placeLabels, flowLabelLayouts } from "../../../src/export/svg-flows";
import { buildJourney, lane } from "../../helpers/journey-builder";
import { propertyParams, propertyTimeout } from "../../helpers/runs";
import { routeProblems } from "../../helpers/route-checks";

/** A journey of up to 8 lanes in any layers, 5 stages and 40 steps, with up to 60 flows between
 * any two steps (forwards, back, up, down, within a cell, and crowding into a few cards). */
const journeyArb: fc.Arbitrary<Journey> = fc
  .record({
    layers: fc.array(fc.constantFrom(...LAYERS), { minLength: 1, maxLength: 8 }),
    stages: fc.integer({ min: 1, max: 5 }),
    cells: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 2, maxLength: 40 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 60 }),
  })
  .map(({ layers, stages, cells, links }) => {
    const lanes = layers.map((layer, i) => lane(`L${i}`, layer, layer === "citizen" ? "citizen" : `org${i % 3}`));
    const stageIds = Array.from({ length: stages }, (_v, i) => `S${i}`);
    const steps = cells.map(([l, s], i) => ({ id: `s${i}`, laneId: lanes[l % lanes.length]!.id, stageId: stageIds[s % stages]! }));
    const seen = new Set<string>();
    const flows = links.flatMap(([a, b, labelled]) => {
      const from = `s${a % steps.length}`;
      const to = `s${b % steps.length}`;
      const id = `${from}>${to}`;
      if (from === to || seen.has(id)) return [];
      seen.add(id);
      return [{ from, to, label: labelled ? "if eligible, on to the next" : "" }];
    });
    return buildJourney({ lanes, stages: stageIds, steps, flows });
  });

describe("routing, as a property", () => {
  test.prop([journeyArb], { ...propertyParams(null, 1000), timeout: propertyTimeout(60_000) })(
    "no route crosses a card or shares a piece of line with an unrelated flow",
    (journey) => {
      const layout = blueprintLayout(journey);
      const routes = routeFlows(layout, journey.flows);
      expect(routes.size).toBe(journey.flows.length);
      const flows = journey.flows.map((f) => ({ ...f, points: routes.get(f.id)!.points }));
      expect(routeProblems(flows, layout.steps)).toEqual([]);
    },
  );

  test.prop([journeyArb], { ...propertyParams(null, 1000), timeout: propertyTimeout(60_000) })(
    "every label is placed inside the grid, on or beside its own route",
    (journey) => {
      const layout = blueprintLayout(journey);
      const routes = routeFlows(layout, journey.flows);
      const requests = journey.flows.filter((f) => f.label).map((f) => ({ id: f.id, sizes: flowLabelLayouts(f.label, false) }));
      const places = placeLabels(layout, routes, requests);
      expect(places.size).toBe(requests.length);
      for (const { id, sizes } of requests) {
        const { at, size } = places.get(id)!;
        const { width, height } = sizes[size]!;
        expect(at[0] - width / 2).toBeGreaterThanOrEqual(GRID.laneHeaderWidth);
        expect(at[0] + width / 2).toBeLessThanOrEqual(layout.width);
        expect(at[1] - height / 2).toBeGreaterThanOrEqual(GRID.stageHeaderHeight);
        expect(at[1] + height / 2).toBeLessThanOrEqual(layout.height);
        // Its box touches or lies beside its route: never somewhere else in the drawing.
        const route = routes.get(id)!.points;
        const near = route.some(([x, y], k) => {
          const [px, py] = route[k - 1] ?? [x, y];
          const dx = Math.max(Math.min(x, px) - at[0], 0, at[0] - Math.max(x, px)) - width / 2;
          const dy = Math.max(Math.min(y, py) - at[1], 0, at[1] - Math.max(y, py)) - height / 2;
          return dx <= 4 && dy <= 4;
        });
        expect(near).toBe(true);
      }
    },
  );
});
