import { describe, expect, it } from "vitest";
import { isBlankStep, newStep } from "../../../src/domain/journey";
import type { Step } from "../../../src/domain/model";

const blank = newStep("s", "L", "S", { order: 3 });

describe("isBlankStep: a card nobody has filled in", () => {
  it("is true for a new card wherever it sits", () => {
    expect(isBlankStep(blank)).toBe(true);
    expect(isBlankStep({ ...blank, laneId: "L2", stageId: "S2", order: 0 })).toBe(true);
  });

  it.each<[string, Partial<Step>]>([
    ["a label", { label: "Call DWP" }],
    ["an empty label typed over the default", { label: "" }],
    ["a channel", { channel: "phone" }],
    ["a data item", { dataItems: ["NINO"] }],
    ["evidence", { evidence: ["passport"] }],
    ["a pain point", { painPoints: ["Long wait"] }],
    ["an emotion", { emotion: -1 }],
    ["a fail point", { failPoint: true }],
    ["notes", { notes: "Ask Sam" }],
    ["a tag", { tags: ["to-be"] }],
    ["waiting time", { waitingMinutes: 10 }],
    ["a different evidence status", { evidenceStatus: "proposed" }],
  ])("is false once it has %s", (_what, patch) => {
    expect(isBlankStep({ ...blank, ...patch })).toBe(false);
  });
});
