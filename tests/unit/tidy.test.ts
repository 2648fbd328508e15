import { describe, expect, it } from "vitest";
import { applyCellOrders, cellSteps } from "../../src/domain/journey";
import { tidyCellOrders } from "../../src/domain/tidy";
import { at, buildJourney } from "../helpers/journey-builder";

describe("tidy up", () => {
  it("orders the steps of a cell along the flows", async () => {
    // One cell holding c, a, b (in that order) where the flows run a → b → c.
    const journey = buildJourney({
      lanes: ["L"],
      stages: ["S"],
      steps: [...at("L", "S", "c", "a", "b")],
      flows: ["a>b", "b>c"],
    });
    const tidied = applyCellOrders(journey, await tidyCellOrders(journey));
    expect(cellSteps(tidied, "L", "S").map((s) => s.id)).toEqual(["a", "b", "c"]);
  });

  it("keeps steps in their stage and numbers every cell from 0", async () => {
    const journey = buildJourney({
      lanes: ["C", { id: "D", layer: "frontstage", actorId: "dwp" }],
      stages: ["S1", "S2"],
      steps: [...at("C", "S1", "x2", "x1"), ...at("D", "S1", "d1"), ...at("C", "S2", "y2", "y1")],
      flows: ["x1>d1", "d1>x2", "x2>y1", "y1>y2"],
    });
    const orders = await tidyCellOrders(journey);
    const tidied = applyCellOrders(journey, orders);
    expect(cellSteps(tidied, "C", "S1").map((s) => s.id)).toEqual(["x1", "x2"]);
    expect(cellSteps(tidied, "C", "S2").map((s) => s.id)).toEqual(["y1", "y2"]);
    expect(tidied.steps.map((s) => s.stageId)).toEqual(journey.steps.map((s) => s.stageId));
    expect([...orders.values()].sort()).toEqual([0, 0, 0, 1, 1]);
  });

  it("leaves a journey already in flow order unchanged", async () => {
    const journey = buildJourney({
      lanes: ["L"],
      stages: ["S"],
      steps: [...at("L", "S", "a", "b")],
      flows: ["a>b"],
    });
    expect(applyCellOrders(journey, await tidyCellOrders(journey))).toBe(journey);
  });
});
