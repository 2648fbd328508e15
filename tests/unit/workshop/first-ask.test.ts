import { describe, expect, it } from "vitest";
import { analysisHighlights } from "../../../src/domain/analysis/analysis-highlights";
import { analyseJourney } from "../../../src/domain/analysis";
import { journeyReadingRank, repeatedInformation } from "../../../src/domain/analysis/repeated";
import { buildJourney } from "../../helpers/journey-builder";

// Steps listed out of reading order on purpose: the journey's array order is when they were drawn.
const journey = buildJourney({
  actors: ["citizen", "dwp", "hmrc"],
  lanes: ["cit", { id: "dwp", layer: "frontstage", actorId: "dwp" }, { id: "hmrc", layer: "backstage", actorId: "hmrc" }],
  stages: ["S1", "S2", "S3"],
  steps: [
    { id: "late", laneId: "hmrc", stageId: "S3", dataItems: ["NI number", "Date of birth"] },
    { id: "second", laneId: "dwp", stageId: "S1", order: 1, dataItems: ["NINO"] },
    { id: "first", laneId: "dwp", stageId: "S1", order: 0, dataItems: ["National Insurance number", "Date of birth"] },
    { id: "middle", laneId: "cit", stageId: "S2", dataItems: ["NI no.", "Bank details"] },
  ],
});

describe("the first ask of a repeated item", () => {
  it("reads the blueprint stage by stage, then column by column, top lane first", () => {
    const both = buildJourney({
      lanes: ["top", { id: "low", layer: "frontstage", actorId: "org" }],
      actors: ["citizen", "org"],
      stages: ["S1", "S2"],
      steps: [
        { id: "S2-top", laneId: "top", stageId: "S2" },
        { id: "low-0", laneId: "low", stageId: "S1", order: 0 },
        { id: "low-1", laneId: "low", stageId: "S1", order: 1 },
        { id: "top-0", laneId: "top", stageId: "S1", order: 0 },
        { id: "lost", laneId: "nowhere", stageId: "S1" },
      ],
    });
    const rank = journeyReadingRank(both);
    expect([...rank.keys()]).toEqual(["top-0", "low-0", "low-1", "S2-top"]);
    expect(rank.has("lost")).toBe(false);
  });

  it("is the earliest step in reading order, not the first one drawn", () => {
    const byId = Object.fromEntries(repeatedInformation(journey).map((i) => [i.itemId, i]));
    expect(byId["ni-number"]!.firstStepId).toBe("first");
    expect(byId["date-of-birth"]!.firstStepId).toBe("first");
    expect(byId["bank-details"]!.firstStepId).toBe("middle");
  });

  it("marks only the repeats as asked again, and the first ask with how many more times", () => {
    const h = analysisHighlights(analyseJourney(journey));
    expect(h.repeatedAt.get("first")).toBeUndefined();
    expect(h.firstAskedAt?.get("first")).toEqual([
      { label: "National Insurance number", more: 3 },
      { label: "Date of birth", more: 1 },
    ]);
    expect(h.repeatedAt.get("second")).toEqual(["National Insurance number"]);
    expect(h.repeatedAt.get("middle")).toEqual(["National Insurance number"]);
    expect([...(h.repeatedAt.get("late") ?? [])].sort()).toEqual(["Date of birth", "National Insurance number"]);
    expect(h.firstAskedAt?.has("middle")).toBe(false);
  });
});
