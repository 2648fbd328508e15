import { describe, expect, it } from "vitest";
import { compareJourneys } from "../../../src/domain/analysis/compare";
import type { Journey } from "../../../src/domain/model";
import { tiny } from "./journeys";

/** As-is: the citizen carries the case from A to B and is asked for the NI number twice, and
 * two steps prove identity. */
const asIs = tiny(
  [
    { id: "A1", lane: "a", label: "Register the claim", data: ["NINO"], active: 10 },
    { id: "c1", lane: "cit", label: "Phone B", active: 20 },
    { id: "B1", lane: "b", label: "Take the claim details", data: ["NI no."], active: 15 },
    { id: "c2", lane: "cit", label: "Prove your identity", active: 30 },
    { id: "C1", lane: "c", label: "Verify your ID", active: 30 },
  ],
  [
    ["C1", "A1"],
    ["A1", "c1"],
    ["c1", "B1"],
    ["B1", "c2"],
  ],
);

/** To-be: A passes the case to B directly, B reuses the NI number, one identity check. */
const toBe = tiny(
  [
    { id: "A1", lane: "a", label: "Register the claim", data: ["NINO"], active: 10 },
    { id: "B1", lane: "b", label: "Take the claim details", active: 5 },
    { id: "C1", lane: "c", label: "Verify your ID", active: 30 },
  ],
  [
    ["C1", "A1"],
    ["A1", "B1", { dataShare: true }],
  ],
);

describe("compareJourneys", () => {
  const cmp = compareJourneys(asIs, toBe);
  const row = (key: string) => cmp.metrics.find((m) => m.key === key)!;

  it("puts each scorecard metric side by side with the change", () => {
    expect(row("steps")).toMatchObject({ a: 5, b: 3, change: -2 });
    expect(row("citizenActions")).toMatchObject({ a: 2, b: 0, change: -2 });
    expect(row("handoffs.citizenCarried")).toMatchObject({ a: 1, b: 0, change: -1 });
    expect(row("handoffs.direct")).toMatchObject({ a: 1, b: 2, change: 1 });
    expect(row("repeatedItems")).toMatchObject({ a: 1, b: 0, change: -1 });
    expect(row("activeMinutes")).toMatchObject({
      a: { min: 105, max: 105 },
      b: { min: 45, max: 45 },
      change: { min: -60, max: -60 },
    });
    expect(row("deadEnds")).toMatchObject({ a: 0, b: 0, change: 0 });
    expect(cmp.metrics.every((m) => typeof m.label === "string" && m.label.length > 0)).toBe(true);
  });

  it("shows a citizen-carried handoff made direct as changed", () => {
    expect(cmp.handoffs.changed.map(({ a, b }) => [a.key, a.kind, b.kind])).toEqual([
      ["A1->B1", "citizen-carried", "direct"],
    ]);
    expect(cmp.handoffs).toMatchObject({ removed: [], added: [], unchanged: 1 });
  });

  it("shows the repeated item and the duplicate the redesign removed", () => {
    expect(cmp.repeated.removed.map((r) => r.itemId)).toEqual(["ni-number"]);
    expect(cmp.repeated.added).toEqual([]);
    // Two identity checks, and the claim taken twice with the NI number each time (A and B):
    // the to-be keeps one check and B no longer asks.
    expect(cmp.duplicates.removed.map((d) => d.key)).toEqual(["A1,B1", "C1,c2"]);
    expect(cmp.duplicates.added).toEqual([]);
  });

  it("shows what was added", () => {
    const back = compareJourneys(toBe, asIs);
    expect(back.repeated.added.map((r) => r.itemId)).toEqual(["ni-number"]);
    expect(back.duplicates.added.map((d) => d.key)).toEqual(["A1,B1", "C1,c2"]);
  });

  it("matches by organisation and wording when the journeys share no ids", () => {
    const renamed: Journey = {
      ...asIs,
      steps: asIs.steps.map((s) => ({ ...s, id: `copy-${s.id}` })),
      flows: asIs.flows.map((f) => ({ ...f, from: `copy-${f.from}`, to: `copy-${f.to}` })),
    };
    const same = compareJourneys(asIs, renamed);
    expect(same.handoffs).toMatchObject({ removed: [], added: [], changed: [], unchanged: 2 });
    expect(same.duplicates).toMatchObject({
      removed: [],
      added: [],
      unchanged: same.a.duplicates.length,
    });
    expect(same.repeated).toMatchObject({ removed: [], added: [], unchanged: 1 });
    expect(
      same.metrics.every(
        (m) => m.change === null || JSON.stringify(m.change).match(/^(0|\{"min":0,"max":0\})$/),
      ),
    ).toBe(true);
  });

  it("reports a duplicate cluster that grew or shrank as changed", () => {
    const more = tiny(
      [
        ...asIs.steps.map((s) => ({ id: s.id, lane: s.laneId, label: s.label })),
        { id: "B2", lane: "b", label: "Check your identity" },
      ],
      asIs.flows.map((f) => [f.from, f.to] as [string, string]),
    );
    const grown = compareJourneys(asIs, more);
    expect(grown.duplicates.changed.map(({ a, b }) => [a.key, b.key])).toEqual([
      ["C1,c2", "B2,C1,c2"],
    ]);
  });
});
