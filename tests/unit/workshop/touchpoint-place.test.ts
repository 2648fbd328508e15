import { describe, expect, it } from "vitest";
import { TOUCHPOINT_TEMPLATES, touchpointPlace, type TouchpointTemplate } from "../../../src/domain/templates";
import { buildJourney } from "../../helpers/journey-builder";

const template = (key: string): TouchpointTemplate => {
  const t = TOUCHPOINT_TEMPLATES.find((x) => x.key === key);
  if (!t) throw new Error(key);
  return t;
};

// The citizen's lane, DWP at the front and behind the scenes, and the Post Office counter.
const journey = buildJourney({
  actors: ["citizen", { id: "dwp", name: "Department for Work and Pensions", shortName: "DWP" }, { id: "po", name: "Post Office" }],
  lanes: [
    "cit",
    { id: "dwpFront", layer: "frontstage", actorId: "dwp" },
    { id: "dwpBack", layer: "backstage", actorId: "dwp" },
    { id: "poFront", layer: "frontstage", actorId: "po" },
  ],
  stages: ["S1", "S2"],
  steps: [
    { id: "c1", laneId: "cit", stageId: "S1" },
    { id: "d1", laneId: "dwpFront", stageId: "S2" },
    { id: "d2", laneId: "dwpFront", stageId: "S2" },
    { id: "d3", laneId: "dwpFront", stageId: "S2" },
  ],
});

describe("touchpointPlace: where a palette touchpoint clicked in the palette lands", () => {
  it.each([
    // [touchpoint, selected step, lane, stage, index]
    ["a citizen action beside a selected DWP step stays in DWP's lane, right after it", "gov-online-form", "d2", "dwpFront", "S2", 2],
    ["a phone line (frontstage) beside DWP's frontstage step goes right after it", "phone-line", "d1", "dwpFront", "S2", 1],
    ["a caseworker check goes to the selected organisation's backstage lane", "caseworker-check", "d1", "dwpBack", "S2", undefined],
    ["a Post Office counter goes to the Post Office's lane, in the selected step's stage", "post-office-counter", "d1", "poFront", "S2", undefined],
    ["a citizen action beside a citizen step stays in the citizen's lane", "paper-form", "c1", "cit", "S1", 1],
  ] as const)("%s", (_name, key, selected, laneId, stageId, index) => {
    expect(touchpointPlace(journey, template(key), selected)).toEqual({ laneId, stageId, index });
  });

  it("with nothing selected, uses the first stage and the lane that fits the touchpoint", () => {
    expect(touchpointPlace(journey, template("gov-online-form"), null)).toEqual({ laneId: "cit", stageId: "S1", index: undefined });
    expect(touchpointPlace(journey, template("post-office-counter"), null)).toEqual({ laneId: "poFront", stageId: "S1", index: undefined });
    expect(touchpointPlace(journey, template("caseworker-check"), null)).toEqual({ laneId: "dwpBack", stageId: "S1", index: undefined });
  });

  it("treats a selection that is no longer in the journey as no selection", () => {
    expect(touchpointPlace(journey, template("phone-line"), "gone")).toEqual({ laneId: "dwpFront", stageId: "S1", index: undefined });
  });

  it("has nowhere to put it in a journey without lanes or stages", () => {
    expect(touchpointPlace(buildJourney({ stages: ["S1"] }), template("letter"), null)).toBeNull();
    expect(touchpointPlace(buildJourney({ lanes: ["cit"] }), template("letter"), null)).toBeNull();
  });
});
