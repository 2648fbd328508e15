/** The marks shown are the analysis's marks less the kinds whose overlay switch is off. */
import { describe, expect, it } from "vitest";
import { analysisOf } from "../../../src/analysis/useAnalysis";
import { highlightsNow, shownHighlights } from "../../../src/analysis/useHighlights";
import { analysisHighlights } from "../../../src/domain/analysis/analysis-highlights";
import { buildBereavementJourney } from "../../../src/domain/samples/bereavement";

const journey = buildBereavementJourney();
const all = analysisHighlights(analysisOf(journey));
const ON = { handoffs: true, duplicates: true, repeated: true };

describe("shownHighlights", () => {
  it("has every kind of mark to show in the sample", () => {
    expect(all.handoffOn.size).toBeGreaterThan(0);
    expect(all.duplicateOf.size).toBeGreaterThan(0);
    expect(all.repeatedAt.size).toBeGreaterThan(0);
    expect(all.firstAskedAt?.size).toBeGreaterThan(0);
  });

  it("shows every mark, the same objects, with every switch on", () => {
    const shown = shownHighlights(all, ON);
    expect(shown.handoffOn).toBe(all.handoffOn);
    expect(shown.duplicateOf).toBe(all.duplicateOf);
    expect(shown.repeatedAt).toBe(all.repeatedAt);
    expect(shown.firstAskedAt).toBe(all.firstAskedAt);
  });

  it.each([
    ["handoffs", ["handoffOn"]],
    ["duplicates", ["duplicateOf"]],
    ["repeated", ["repeatedAt", "firstAskedAt"]],
  ] as const)("leaves out only the %s marks when that switch is off", (name, hidden) => {
    const shown = shownHighlights(all, { ...ON, [name]: false });
    for (const key of ["handoffOn", "duplicateOf", "repeatedAt", "firstAskedAt"] as const) {
      if ((hidden as readonly string[]).includes(key)) expect(shown[key]?.size).toBe(0);
      else expect(shown[key]).toBe(all[key]);
    }
  });

  it("computes the same marks now for a file as the canvas shows", () => {
    const off = { handoffs: false, duplicates: true, repeated: false };
    expect(highlightsNow(journey, off)).toEqual(shownHighlights(all, off));
    expect(highlightsNow(journey, off).handoffOn.size).toBe(0);
  });
});
