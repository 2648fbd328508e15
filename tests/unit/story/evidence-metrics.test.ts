import { describe, expect, it } from "vitest";
import {
  annotationAttachment,
  attachmentFields,
  newAnnotation,
} from "../../../src/domain/annotations";
import {
  assumptionOnlySteps,
  assumptionReason,
  linkProblem,
  newSource,
  restsOnAssumption,
} from "../../../src/domain/evidence";
import { newStep } from "../../../src/domain/journey";
import {
  METRICS,
  emptyMetrics,
  formatMetric,
  formatPounds,
  hasNoMetrics,
  metricValueProblem,
} from "../../../src/domain/step-metrics";
import { buildJourney } from "../../helpers/journey-builder";

describe("linkProblem: a source's link is an http(s) web address", () => {
  it.each([
    ["https://www.gov.uk/register-a-death", null],
    ["http://intranet.example/research/round-2?id=4#quote", null],
    ["HTTPS://WWW.GOV.UK/", null],
    ["javascript:alert(1)", "must be a web address starting with https:// or http://"],
    ["data:text/html,<b>x</b>", "must be a web address starting with https:// or http://"],
    ["file:///C:/research.docx", "must be a web address starting with https:// or http://"],
    ["www.gov.uk", "must be a web address starting with https:// or http://"],
    ["https://www.gov.uk/a b", "must be a web address with no spaces"],
    ["https://", "must be a web address starting with https:// or http://"],
    [`https://x.example/${"a".repeat(2000)}`, "must be at most 2000 characters"],
  ])("%s", (link, problem) => {
    expect(linkProblem(link)).toBe(problem);
  });
});

describe("restsOnAssumption: findings that rest on assumption only", () => {
  const source = newSource("s1", "interview");
  it.each([
    ["observed with a source", "observed", [source], false, ""],
    ["observed with no source", "observed", [], true, "no sources"],
    ["assumed with a source", "assumed", [source], true, "marked assumed"],
    ["assumed with no source", "assumed", [], true, "marked assumed, no sources"],
    ["a proposal with no source (a to-be step, not a finding)", "proposed", [], false, ""],
  ] as const)("%s", (_what, evidenceStatus, sources, assumed, reason) => {
    const step = newStep("a", "L", "S", { evidenceStatus, sources: [...sources] });
    expect(restsOnAssumption(step)).toBe(assumed);
    if (assumed) expect(assumptionReason(step)).toBe(reason);
  });

  it("lists them in journey order", () => {
    const journey = buildJourney({
      lanes: ["L"],
      stages: ["S"],
      steps: [
        { id: "a", sources: [source] },
        { id: "b", evidenceStatus: "assumed", sources: [source] },
        { id: "c" },
        { id: "d", evidenceStatus: "proposed" },
      ],
    });
    expect(assumptionOnlySteps(journey).map((s) => s.id)).toEqual(["b", "c"]);
  });
});

describe("METRICS: one table of the measures, their units and ranges", () => {
  it("names each field of a step's metrics once, with a unit", () => {
    expect(METRICS.map((m) => m.key).sort()).toEqual(Object.keys(emptyMetrics()).sort());
    for (const m of METRICS) expect(m.unit).not.toBe("");
  });

  it.each([
    ["volumePerYear", 650_000, null],
    ["volumePerYear", 0.5, "must be a whole number"],
    ["volumePerYear", -1, "must be from 0 to 10,000,000,000 (transactions a year)"],
    ["costPerTransactionGbp", 4.2, null],
    ["costPerTransactionGbp", Number.NaN, "must be a number"],
    ["costPerTransactionGbp", Infinity, "must be a number"],
    ["completionRatePercent", 100, null],
    ["completionRatePercent", 100.5, "must be from 0 to 100 (% of those who start)"],
    ["satisfactionPercent", null, null],
    ["staffMinutesPerTransaction", -0, "must not be -0"],
  ] as const)("%s %s", (key, value, problem) => {
    expect(metricValueProblem(key, value)).toBe(problem);
  });

  it("writes values with their units", () => {
    expect(formatMetric("volumePerYear", 650000)).toBe("650,000 a year");
    expect(formatMetric("costPerTransactionGbp", 4.2)).toBe("£4.20");
    expect(formatMetric("staffMinutesPerTransaction", 12.5)).toBe("12.5 min");
    expect(formatMetric("completionRatePercent", 85)).toBe("85%");
    expect(formatMetric("failureRatePercent", null)).toBe("");
    expect(formatPounds(2_730_000)).toBe("£2,730,000");
    expect(formatPounds(-150_000.4)).toBe("-£150,000");
    expect(hasNoMetrics(emptyMetrics())).toBe(true);
    expect(hasNoMetrics({ ...emptyMetrics(), failureRatePercent: 0 })).toBe(false);
  });
});

describe("annotation attachment: a step, a cell or free, never two", () => {
  it.each([
    [
      { stepId: "a", laneId: null, stageId: null },
      { kind: "step", stepId: "a" },
    ],
    [
      { stepId: null, laneId: "L", stageId: "S" },
      { kind: "cell", laneId: "L", stageId: "S" },
    ],
    [{ stepId: null, laneId: null, stageId: null }, { kind: "free" }],
  ] as const)("reads %o", (fields, attachment) => {
    expect(annotationAttachment(fields)).toEqual({ ok: true, attachment });
    expect(attachmentFields(attachment)).toEqual(fields);
  });

  it.each([
    [{ stepId: "a", laneId: "L", stageId: "S" }, "laneId"],
    [{ stepId: "a", laneId: null, stageId: "S" }, "stageId"],
    [{ stepId: null, laneId: "L", stageId: null }, "stageId"],
    [{ stepId: null, laneId: null, stageId: "S" }, "laneId"],
  ] as const)("refuses %o at %s", (fields, field) => {
    expect(annotationAttachment(fields)).toMatchObject({ ok: false, field });
  });

  it("makes a new annotation with exactly one kind of attachment", () => {
    expect(
      newAnnotation("n", "opportunity", "Share the date of death", {
        kind: "cell",
        laneId: "L",
        stageId: "S",
      }),
    ).toEqual({
      id: "n",
      kind: "opportunity",
      text: "Share the date of death",
      stepId: null,
      laneId: "L",
      stageId: "S",
    });
  });
});
