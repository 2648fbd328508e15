import { describe, expect, it } from "vitest";
import type { DuplicateCluster } from "../../../src/domain/analysis/duplicates";
import type { Handoff } from "../../../src/domain/analysis/handoffs";
import { GRID, LANE_HEIGHT, blueprintLayout } from "../../../src/domain/layout";
import { findingSlides, stageSlides } from "../../../src/domain/presentation";
import { at, buildJourney } from "../../helpers/journey-builder";

// Five lanes; stage S1 has cards in lanes 1 and 5, S2 four cards side by side in lane 2, S3 none.
const journey = buildJourney({
  actors: ["citizen", { id: "dwp", shortName: "DWP" }, { id: "hmrc", shortName: "HMRC" }],
  lanes: [
    "L1",
    { id: "L2", layer: "frontstage", actorId: "dwp" },
    { id: "L3", layer: "frontstage", actorId: "hmrc" },
    { id: "L4", layer: "backstage", actorId: "dwp" },
    { id: "L5", layer: "backstage", actorId: "hmrc" },
  ],
  stages: ["S1", "S2", "S3"],
  steps: [...at("L1", "S1", "a"), ...at("L5", "S1", "e"), ...at("L2", "S2", "p", "q", "r", "s")],
});
const layout = blueprintLayout(journey);
const big = { width: 5000, height: 5000 };

describe("stageSlides: a stage at a time", () => {
  it("gives each stage one slide when the room holds it, from its first lane with a card to its last", () => {
    const slides = stageSlides(journey, layout, big);
    expect(slides.map((s) => s.title)).toEqual(["Stage 1 of 3: S1", "Stage 2 of 3: S2", "Stage 3 of 3: S3"]);
    const s1 = layout.stages[0]!;
    const [first, last] = [layout.lanes[0]!, layout.lanes[4]!];
    // Lanes 1 to 5, with whatever room the layout leaves between layers.
    expect(slides[0]!.rect).toEqual({ x: s1.x, y: first.y, width: s1.width, height: last.y + last.height - first.y });
    expect(first.y).toBe(GRID.stageHeaderHeight);
    expect(slides[0]!.detail).toBe("2 steps: citizen, HMRC");
    expect(slides[2]!.detail).toBe("No steps in this stage yet.");
  });

  it("splits a stage taller than the room into runs of whole lanes, each ending on a lane with a card", () => {
    const slides = stageSlides(journey, layout, { width: 5000, height: 2.5 * LANE_HEIGHT });
    const s1 = slides.filter((s) => s.key.startsWith("stage:S1"));
    expect(s1.map((s) => s.title)).toEqual(["Stage 1 of 3: S1 (part 1 of 2)", "Stage 1 of 3: S1 (part 2 of 2)"]);
    // The second part shows the lane with e and, above it, as many whole lanes as the room holds.
    const lanes = layout.lanes;
    expect(s1.map((s) => [s.rect.y, s.rect.height])).toEqual([
      [lanes[0]!.y, lanes[0]!.height],
      [lanes[3]!.y, lanes[4]!.y + lanes[4]!.height - lanes[3]!.y],
    ]);
    expect(s1[1]!.detail).toBe("1 of its 2 steps: HMRC");
    expect(s1.every((s) => s.align === "start")).toBe(true);
  });

  it("splits a stage wider than the room into runs of whole card columns", () => {
    const pitch = GRID.cardWidth + GRID.cardGap;
    const room = { width: 2 * pitch + 2 * GRID.cellPadX, height: 5000 };
    const s2 = stageSlides(journey, layout, room).filter((s) => s.key.startsWith("stage:S2"));
    expect(s2).toHaveLength(2);
    const cards = ["p", "q", "r", "s"].map((id) => layout.steps.get(id)!);
    // Each part holds two whole cards and fits the room.
    s2.forEach((slide, i) => {
      expect(slide.rect.width).toBeLessThanOrEqual(room.width);
      for (const card of cards.slice(2 * i, 2 * i + 2)) {
        expect(card.x).toBeGreaterThanOrEqual(slide.rect.x);
        expect(card.x + card.width).toBeLessThanOrEqual(slide.rect.x + slide.rect.width);
      }
    });
  });
});

const handoff = (kind: Handoff["kind"], from: string, to: string, via: string[] = []): Handoff => ({
  key: `${from}->${to}`,
  kind,
  fromStepId: from,
  toStepId: to,
  fromActorId: journey.lanes.find((l) => l.id === journey.steps.find((s) => s.id === from)!.laneId)!.actorId,
  toActorId: journey.lanes.find((l) => l.id === journey.steps.find((s) => s.id === to)!.laneId)!.actorId,
  viaStepIds: via,
  flowIds: [],
});
const cluster = (stepIds: string[], decision: DuplicateCluster["decision"] = null): DuplicateCluster => ({
  key: [...stepIds].sort().join(","),
  stepIds,
  sharedTerms: [],
  sharedItems: [],
  job: null,
  strength: 0.6,
  reason: "Same words: tell",
  decision,
});

describe("findingSlides: a finding at a time", () => {
  const findings = {
    handoffs: [handoff("direct", "p", "q"), handoff("citizen-carried", "e", "p", ["a"])],
    duplicates: [cluster(["q", "s"]), cluster(["p", "r"], "dismissed")],
  };

  it("shows citizen-carried handoffs first, then direct ones, then duplicates the user has not dismissed", () => {
    const slides = findingSlides(journey, layout, findings, big);
    expect(slides.map((s) => s.title)).toEqual([
      "Finding 1 of 3: citizen-carried handoff, HMRC → DWP",
      "Finding 2 of 3: direct handoff, DWP → DWP",
      "Finding 3 of 3: duplicated steps D1, 2 steps (DWP)",
    ]);
    expect(slides[0]!.stepIds).toEqual(["e", "a", "p"]);
    expect(slides[0]!.detail).toBe("“e” to “p”, through “a”");
    expect(slides[2]!.detail).toBe("Same words: tell");
  });

  it("frames the finding's cards with room around them", () => {
    const [, direct] = findingSlides(journey, layout, findings, big);
    const p = layout.steps.get("p")!;
    const q = layout.steps.get("q")!;
    expect(direct!.rect).toEqual({ x: p.x - 40, y: p.y - 40, width: q.x + q.width - p.x + 80, height: p.height + 80 });
  });

  it("shows a finding whose cards are too far apart for the room in parts, in the finding's order", () => {
    const room = { width: GRID.cardWidth + 100, height: LANE_HEIGHT * 2 };
    const slides = findingSlides(journey, layout, { handoffs: [findings.handoffs[1]!], duplicates: [] }, room);
    expect(slides.map((s) => s.stepIds)).toEqual([["e"], ["a"], ["p"]]);
    expect(slides[1]!.title).toBe("Finding 1 of 1: citizen-carried handoff, HMRC → DWP (part 2 of 3)");
    for (const slide of slides) {
      expect(slide.rect.width).toBeLessThanOrEqual(room.width);
      expect(slide.rect.height).toBeLessThanOrEqual(room.height);
    }
  });

  it("has no slides for a journey without findings", () => {
    expect(findingSlides(journey, layout, { handoffs: [], duplicates: [] }, big)).toEqual([]);
  });
});
