import { describe, expect, it } from "vitest";
import { repeatedInformation } from "../../../src/domain/analysis/repeated";
import { tiny } from "./journeys";

describe("repeatedInformation", () => {
  const journey = tiny(
    [
      { id: "A1", lane: "a", data: ["NINO", "Date of birth"] },
      { id: "B1", lane: "b", data: ["NI no.", "D.O.B."], evidence: ["Passport"] },
      { id: "C1", lane: "c", data: ["National Insurance number (if known)"] },
      { id: "c1", lane: "cit", data: ["Forwarding address"], evidence: ["UK passport"] },
      { id: "c2", lane: "cit", data: ["New home address", "NI number", "National Insurance no."] },
      { id: "A2", lane: "a2", data: ["Favourite colour"] },
      { id: "B2", lane: "b", data: ["favourite colours"] },
    ],
    [],
  );
  const items = repeatedInformation(journey);
  const byId = Object.fromEntries(items.map((i) => [i.itemId, i]));

  it("counts one item however it is written", () => {
    expect(byId["ni-number"]).toMatchObject({
      count: 4,
      repeated: true,
      known: true,
      label: "National Insurance number",
      stepIds: ["A1", "B1", "C1", "c2"],
    });
  });

  it("counts a step once even when it names an item twice", () => {
    expect(byId["ni-number"]!.asks.find((a) => a.stepId === "c2")!.wording).toEqual([
      "NI number",
      "National Insurance no.",
    ]);
  });

  it("reads evidence documents as well as data items", () => {
    expect(byId["passport"]).toMatchObject({ count: 2, stepIds: ["B1", "c1"] });
    expect(byId["new-address"]).toMatchObject({ count: 2, stepIds: ["c1", "c2"] });
  });

  it("attributes each ask to the step's own lane actor", () => {
    expect(byId["ni-number"]!.actorIds).toEqual(["A", "B", "C", "citizen"]);
    expect(byId["ni-number"]!.organisationIds).toEqual(["A", "B", "C"]);
    expect(byId["new-address"]!.actorIds).toEqual(["citizen"]);
    expect(byId["new-address"]!.organisationIds).toEqual([]);
  });

  it("repeats unknown wording under a stable id", () => {
    const unknown = items.find((i) => !i.known)!;
    expect(unknown).toMatchObject({ count: 2, repeated: true, stepIds: ["A2", "B2"] });
    expect(unknown.organisationIds).toEqual(["A", "B"]);
  });

  it("lists items asked once as not repeated, after the repeated ones", () => {
    expect(items.map((i) => i.count)).toEqual([...items.map((i) => i.count)].sort((a, b) => b - a));
    expect(byId["date-of-birth"]!.count).toBe(2);
    expect(items.filter((i) => !i.repeated).every((i) => i.count === 1)).toBe(true);
  });

  it("uses the journey's own items", () => {
    const custom = {
      ...journey,
      customDataItems: [{ id: "bb", label: "Blue Badge number", synonyms: ["badge no."] }],
      steps: journey.steps.map((s) =>
        s.id === "A1" || s.id === "B1" ? { ...s, dataItems: ["Badge no."] } : s,
      ),
    };
    expect(repeatedInformation(custom).find((i) => i.itemId === "bb")).toMatchObject({
      count: 2,
      known: true,
      label: "Blue Badge number",
    });
  });

  it("finds nothing in a journey that asks for nothing", () => {
    expect(repeatedInformation(tiny([{ id: "A1", lane: "a" }], []))).toEqual([]);
  });
});
