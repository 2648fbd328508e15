import { describe, expect, it } from "vitest";
import { compareJourneys } from "../../../src/domain/analysis/compare";
import { compareCosts, journeyCosts } from "../../../src/domain/analysis/costs";
import { analyseJourney } from "../../../src/domain/analysis/index";
import type { Journey, StepMetrics } from "../../../src/domain/model";
import { emptyMetrics } from "../../../src/domain/step-metrics";
import { buildJourney, lane } from "../../helpers/journey-builder";

const m = (fields: Partial<StepMetrics>): StepMetrics => ({ ...emptyMetrics(), ...fields });

/**
 * As-is, one stage:  c1 → d1 → d2 → c2 → k1 → k2 → c3
 *   citizen  c1 online 20 min; c2 in person 30 min + 60 waiting; c3 in person 10 min
 *   DWP      d1 100,000 a year × £12.50, 15 staff min; d2 80,000 × £4.20
 *   council  k1 in person, 50,000 × £30, 40 staff min; k2 £8 with no volume (not counted a year)
 */
function asIs(): Journey {
  return buildJourney({
    actors: [
      { id: "citizen", type: "citizen", name: "Resident" },
      { id: "dwp", name: "Department for Work and Pensions", shortName: "DWP" },
      { id: "council", name: "Borough council", shortName: "Council" },
    ],
    lanes: ["C", lane("D", "frontstage", "dwp"), lane("K", "frontstage", "council")],
    stages: ["S"],
    steps: [
      { id: "c1", laneId: "C", channel: "online", activeMinutes: 20 },
      { id: "c2", laneId: "C", channel: "in-person", activeMinutes: 30, waitingMinutes: 60 },
      { id: "c3", laneId: "C", channel: "in-person", activeMinutes: 10 },
      {
        id: "d1",
        laneId: "D",
        metrics: m({
          volumePerYear: 100_000,
          costPerTransactionGbp: 12.5,
          staffMinutesPerTransaction: 15,
        }),
      },
      { id: "d2", laneId: "D", metrics: m({ volumePerYear: 80_000, costPerTransactionGbp: 4.2 }) },
      {
        id: "k1",
        laneId: "K",
        channel: "in-person",
        metrics: m({
          volumePerYear: 50_000,
          costPerTransactionGbp: 30,
          staffMinutesPerTransaction: 40,
        }),
      },
      { id: "k2", laneId: "K", metrics: m({ costPerTransactionGbp: 8 }) },
    ],
    flows: ["c1>d1", "d1>d2", "d2>c2", "c2>k1", "k1>k2", "k2>c3"],
  });
}

/**
 * To-be: DWP checks with the council by data share and does more (£16.50, 18 min a case); the
 * council's part shrinks (£6, 5 min); a new identity service (One Login) costs £1.20 a case.
 * The council is a different actor id with the same name, to be matched by name.
 */
function toBe(): Journey {
  return buildJourney({
    actors: [
      { id: "citizen", type: "citizen", name: "Resident" },
      { id: "dwp", name: "Department for Work and Pensions", shortName: "DWP" },
      { id: "council-2", name: "Borough Council", shortName: "Council" },
      { id: "gds", name: "GOV.UK One Login", shortName: "One Login" },
    ],
    lanes: [
      "C",
      lane("D", "frontstage", "dwp"),
      lane("K", "backstage", "council-2"),
      lane("G", "support", "gds"),
    ],
    stages: ["S"],
    steps: [
      { id: "c1", laneId: "C", channel: "online", activeMinutes: 20 },
      { id: "g1", laneId: "G", metrics: m({ volumePerYear: 100_000, costPerTransactionGbp: 1.2 }) },
      {
        id: "d1",
        laneId: "D",
        metrics: m({
          volumePerYear: 100_000,
          costPerTransactionGbp: 16.5,
          staffMinutesPerTransaction: 18,
        }),
      },
      {
        id: "k1",
        laneId: "K",
        metrics: m({
          volumePerYear: 50_000,
          costPerTransactionGbp: 6,
          staffMinutesPerTransaction: 5,
        }),
      },
    ],
    flows: ["c1>g1", "g1>d1", { from: "d1", to: "k1", dataShare: true }],
  });
}

describe("journeyCosts: what the journey costs each organisation", () => {
  it("sums volume × cost and volume × staff time a year, and the per-journey figures", () => {
    const costs = journeyCosts(asIs());
    const [dwp, council] = costs.organisations;
    expect(costs.organisations.map((o) => o.shortName)).toEqual(["DWP", "Council"]);
    // 100,000 × £12.50 + 80,000 × £4.20 = £1,250,000 + £336,000
    expect(dwp).toMatchObject({
      steps: 2,
      yearlyCostGbp: 1_586_000,
      yearlyStaffHours: 25_000, // 100,000 × 15 min / 60
      costPerJourneyGbp: 16.7, // £12.50 + £4.20
      staffMinutesPerJourney: 15,
      transactionsPerYear: 180_000,
      uncountedSteps: [],
      handoffsOut: 1, // d2 → c2 → k1, carried by the citizen
      handoffsIn: 0,
      measured: true,
    });
    // 50,000 × £30; k2's £8 has no volume, so it counts per journey only
    expect(council).toMatchObject({
      steps: 2,
      yearlyCostGbp: 1_500_000,
      costPerJourneyGbp: 38,
      staffMinutesPerJourney: 40,
      uncountedSteps: ["k2"],
      handoffsOut: 0,
      handoffsIn: 1,
    });
    expect(council?.yearlyStaffHours).toBeCloseTo(33_333.333333, 5); // 50,000 × 40 / 60
    expect(costs.total.yearlyCostGbp).toBe(3_086_000);
    expect(costs.total.costPerJourneyGbp).toBe(54.7);
    expect(costs.total.staffMinutesPerJourney).toBe(55);
    expect(costs.citizenStepsWithCost).toEqual([]);
  });

  it("gives nothing a year for an organisation with no measures, and sets citizen costs apart", () => {
    const journey = asIs();
    journey.steps = journey.steps.map((s) =>
      s.id === "c1"
        ? { ...s, metrics: m({ costPerTransactionGbp: 3 }) }
        : s.laneId === "K"
          ? { ...s, metrics: emptyMetrics() }
          : s,
    );
    const costs = journeyCosts(journey);
    expect(costs.organisations[1]).toMatchObject({
      shortName: "Council",
      yearlyCostGbp: 0,
      measured: false,
    });
    expect(costs.citizenStepsWithCost).toEqual(["c1"]);
    expect(costs.total.yearlyCostGbp).toBe(1_586_000);
  });
});

describe("the citizen's side: time, visits and handoffs along the path", () => {
  it("counts in-person steps joined by a flow as one visit", () => {
    const { scorecard } = analyseJourney(asIs());
    expect(scorecard.activeMinutes).toEqual({ min: 60, max: 60 }); // 20 + 30 + 10
    expect(scorecard.elapsedMinutes).toEqual({ min: 120, max: 120 }); // + 60 waiting
    // c2 → k1 is one visit (both in person), c3 another; k1 does not start one.
    expect(scorecard.inPersonVisits).toEqual({ min: 2, max: 2 });
    expect(scorecard.handoffs.citizenCarried).toBe(1);
  });

  it("gives the range over branches", () => {
    const journey = buildJourney({
      lanes: ["C"],
      stages: ["S"],
      steps: [
        { id: "a", channel: "online" },
        { id: "b", channel: "in-person" },
        { id: "c", channel: "in-person" },
        { id: "d", channel: "post" },
        { id: "e", channel: "in-person" },
      ],
      flows: ["a>b", "b>e", "a>d", "d>c", "c>e"],
    });
    // a→b→e: b and e are joined, 1 visit; a→d→c→e: c and e are joined, 1 visit
    expect(analyseJourney(journey).scorecard.inPersonVisits).toEqual({ min: 1, max: 1 });
    journey.flows = journey.flows.filter((f) => f.id !== "b>e");
    journey.flows.push({ id: "b>d", from: "b", to: "d", label: "", dataShare: false });
    // a→b→d→c→e: b, then c+e: 2 visits; a→d→c→e: 1 visit
    expect(analyseJourney(journey).scorecard.inPersonVisits).toEqual({ min: 1, max: 2 });
  });
});

describe("compareCosts: who pays and who gains", () => {
  it("gives the counted saving per organisation, matched by id then by name", () => {
    const costs = compareCosts(journeyCosts(asIs()), journeyCosts(toBe()));
    expect(costs.organisations.map((o) => [o.shortName, o.yearlySavingGbp])).toEqual([
      ["DWP", -64_000], // £1,586,000 − 100,000 × £16.50
      ["Council", 1_200_000], // £1,500,000 − 50,000 × £6
      ["One Login", -120_000], // new: 100,000 × £1.20
    ]);
    const [dwp, council, login] = costs.organisations;
    expect(dwp?.yearlyStaffHoursSaved).toBe(-5_000); // 25,000 − 100,000 × 18 / 60
    expect(council?.yearlyStaffHoursSaved).toBeCloseTo(29_166.666667, 5); // 33,333⅓ − 4,166⅔
    expect(council?.a?.actorId).toBe("council");
    expect(council?.b?.actorId).toBe("council-2");
    expect(login?.a).toBeNull();
    expect(dwp?.savingPerJourneyGbp).toBe(0.2); // £16.70 − £16.50
    expect(costs.total.yearlySavingGbp).toBe(1_016_000); // £3,086,000 − £2,070,000
    expect(costs.payMore).toEqual(["DWP", "One Login"]);
    expect(costs.gain).toEqual(["Council"]);
  });

  it("lists an organisation gone from the to-be as saving all it spent", () => {
    const b = toBe();
    b.lanes = b.lanes.filter((l) => l.id !== "K");
    b.steps = b.steps.filter((s) => s.laneId !== "K");
    b.flows = b.flows.filter((f) => f.to !== "k1");
    const costs = compareJourneys(asIs(), b).costs;
    expect(costs.organisations.find((o) => o.shortName === "Council")).toMatchObject({
      b: null,
      yearlySavingGbp: 1_500_000,
    });
  });
});
