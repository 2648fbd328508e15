import { afterEach, describe, expect, it } from "vitest";
import { exportSvg } from "../../../src/export/svg";
import { serializeJourney } from "../../../src/format/envelope";
import { parseJourneyFile } from "../../../src/format/parse";
import {
  errorOf,
  expectNoPollution,
  opened,
  storyEnvelope,
  storyWith,
  STORY_TEXT,
  type Raw,
} from "./sample-file";

afterEach(expectNoPollution);

const SAVED_AT = "2026-12-04T22:30:00.000Z";

describe("frozen fixture v2-story.seams.json: sources, measures and a cell annotation", () => {
  it("opens with no repairs and is written back byte for byte", () => {
    const result = opened(parseJourneyFile(STORY_TEXT));
    expect(result.report).toEqual([]);
    const [book, register, tuo] = result.journey.steps;
    expect(book?.sources.map((s) => [s.id, s.kind, s.link])).toEqual([
      ["source_1", "interview", null],
      ["source_2", "analytics", "https://example.org/register-office/appointments?year=2025"],
    ]);
    expect(register?.metrics).toEqual({
      volumePerYear: 52000,
      costPerTransactionGbp: 38.5,
      staffMinutesPerTransaction: 30,
      completionRatePercent: 97.5,
      failureRatePercent: 2.5,
      satisfactionPercent: 81,
    });
    expect(tuo?.metrics.costPerTransactionGbp).toBe(4.2);
    expect(result.journey.annotations[2]).toEqual({
      id: "note_3",
      kind: "opportunity",
      text: "Book the appointment and start Tell Us Once in one call.",
      stepId: null,
      laneId: "lane_ro",
      stageId: "stage_register",
    });
    expect(`${serializeJourney(result.journey, { savedAt: SAVED_AT })}\n`).toBe(STORY_TEXT);
  });

  it("comes back the same from the SVG that carries it", () => {
    const journey = opened(parseJourneyFile(STORY_TEXT)).journey;
    const svg = exportSvg(journey, { envelope: { savedAt: SAVED_AT } });
    const back = opened(parseJourneyFile(svg));
    expect(back.report).toEqual([]);
    expect(back.journey).toStrictEqual(journey);
  });
});

describe("bad sources and measures: refused, each located", () => {
  it.each<[string, (journey: Raw) => void, { path: string; message: string }[]]>([
    [
      "a completion rate over 100%",
      (j) => (j.steps[1].metrics.completionRatePercent = 140),
      [
        {
          path: "steps[1].metrics.completionRatePercent",
          message: "140 must be from 0 to 100 (% of those who start)",
        },
      ],
    ],
    [
      "a negative cost and a part-transaction volume",
      (j) => {
        j.steps[2].metrics.costPerTransactionGbp = -3;
        j.steps[2].metrics.volumePerYear = 10.5;
      },
      [
        { path: "steps[2].metrics.volumePerYear", message: "10.5 must be a whole number" },
        {
          path: "steps[2].metrics.costPerTransactionGbp",
          message: "-3 must be from 0 to 1,000,000 (£ per transaction)",
        },
      ],
    ],
    [
      "a volume as text",
      (j) => (j.steps[1].metrics.volumePerYear = "52,000"),
      [{ path: "steps[1].metrics.volumePerYear", message: "expected a number, got text" }],
    ],
    [
      "a script link",
      (j) => (j.steps[0].sources[1].link = "javascript:alert(1)"),
      [
        {
          path: "steps[0].sources[1].link",
          message: '"javascript:alert(1)" must be a web address starting with https:// or http://',
        },
      ],
    ],
    [
      "a link with no address",
      (j) => (j.steps[1].sources[0].link = "www.gov.uk/register-a-death"),
      [
        {
          path: "steps[1].sources[0].link",
          message:
            '"www.gov.uk/register-a-death" must be a web address starting with https:// or http://',
        },
      ],
    ],
    [
      "an unknown kind of source",
      (j) => (j.steps[0].sources[0].kind = "hunch"),
      [
        {
          path: "steps[0].sources[0].kind",
          message:
            'unknown kind of source "hunch" (expected one of interview, analytics, policy, observation, survey, other)',
        },
      ],
    ],
    [
      "a source with no kind",
      (j) => delete j.steps[0].sources[0].kind,
      [{ path: "steps[0].sources[0].kind", message: "is required" }],
    ],
    [
      "an annotation on a step and a cell",
      (j) => (j.annotations[2].stepId = "step_book"),
      [
        {
          path: "annotations[2].laneId",
          message: "an annotation is attached to a step or to a cell, not both",
        },
      ],
    ],
    [
      "a cell annotation with a lane and no stage",
      (j) => (j.annotations[2].stageId = null),
      [
        {
          path: "annotations[2].stageId",
          message: "a cell annotation needs both a lane and a stage",
        },
      ],
    ],
  ])("%s", (_what, change, issues) => {
    const error = errorOf(parseJourneyFile(storyWith(change)));
    expect(error.kind).toBe("invalid");
    expect(error.kind === "invalid" && error.issues).toEqual(issues);
  });
});

describe("sources and measures: what is repaired", () => {
  it("drops and reports unknown fields inside a step's measures and sources", () => {
    const result = opened(
      parseJourneyFile(
        storyWith((j) => {
          j.steps[1].metrics.digitalTakeUp = 80;
          j.steps[0].sources[0].author = "me";
        }),
      ),
    );
    expect(result.report).toEqual([
      { path: "steps[0].sources[0].author", message: "unknown field dropped" },
      { path: "steps[1].metrics.digitalTakeUp", message: "unknown field dropped" },
    ]);
    expect(result.journey.steps[1]?.metrics).not.toHaveProperty("digitalTakeUp");
  });

  it("gives a repeated or ill-formed source id a new one, and -0 becomes 0", () => {
    const result = opened(
      parseJourneyFile(
        storyWith((j) => {
          j.steps[0].sources[1].id = "source_1";
          j.steps[1].sources[0].id = "a b";
          j.steps[2].metrics.staffMinutesPerTransaction = -0;
        }),
      ),
    );
    expect(result.journey.steps[0]?.sources.map((s) => s.id)).toEqual(["source_1", "source_r1"]);
    expect(result.journey.steps[1]?.sources.map((s) => s.id)).toEqual(["source_r1"]);
    expect(Object.is(result.journey.steps[2]?.metrics.staffMinutesPerTransaction, 0)).toBe(true);
    expect(result.report.map((r) => r.path)).toEqual([
      "steps[0].sources[1].id",
      "steps[1].sources[0].id",
    ]);
  });

  it("keeps an annotation on a missing lane or stage, no longer attached", () => {
    const result = opened(parseJourneyFile(storyWith((j) => (j.annotations[2].laneId = "lane_x"))));
    expect(result.journey.annotations[2]).toMatchObject({
      stepId: null,
      laneId: null,
      stageId: null,
    });
    expect(result.report).toEqual([
      {
        path: "annotations[2].laneId",
        message: 'no lane with id "lane_x"; no longer attached to a cell',
      },
    ]);
  });

  it("treats an empty link as none", () => {
    const result = opened(parseJourneyFile(storyWith((j) => (j.steps[1].sources[0].link = ""))));
    expect(result.journey.steps[1]?.sources[0]?.link).toBeNull();
  });

  it("leaves the fixture itself unchanged by a refused copy", () => {
    const before = storyEnvelope();
    errorOf(parseJourneyFile(storyWith((j) => (j.steps[1].metrics.satisfactionPercent = 101))));
    expect(storyEnvelope()).toEqual(before);
  });
});
