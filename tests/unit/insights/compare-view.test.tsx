// @vitest-environment jsdom
/** The compare view: scorecards side by side with the difference in words, and what the
 * redesign removed, added and changed; loaded from the library or from a named version. */
import { render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CompareView, JourneyComparison, VersionCompareDialog } from "../../../src/app/CompareView";
import type { Journey } from "../../../src/domain/model";
import { StoreProvider } from "../../../src/store/context";
import type { LibraryBackend } from "../../../src/domain/library";
import { useLibrary } from "../../../src/store/library";
import { createSeamsStore } from "../../../src/store/store";
import { at, buildJourney } from "../../helpers/journey-builder";

/** As-is: DWP → citizen → HMRC (citizen-carried), both asking for the NI number. To-be: DWP
 * passes it to HMRC directly and only DWP asks. */
const lanes = [
  "cit",
  { id: "dwp", layer: "frontstage" as const, actorId: "DWP" },
  { id: "hmrc", layer: "frontstage" as const, actorId: "HMRC" },
];
const asIs = buildJourney({
  id: "as-is",
  title: "Moving: as-is",
  lanes,
  stages: ["S1"],
  steps: [
    { id: "d", laneId: "dwp", stageId: "S1", label: "Update your address with DWP", dataItems: ["NINO"] },
    ...at("cit", "S1", "c"),
    { id: "h", laneId: "hmrc", stageId: "S1", label: "Tell HMRC you moved", dataItems: ["NI number"] },
  ],
  flows: ["d>c", "c>h"],
});
const toBe = buildJourney({
  id: "to-be",
  title: "Moving: to-be",
  lanes,
  stages: ["S1"],
  steps: [
    { id: "d", laneId: "dwp", stageId: "S1", label: "Update your address with DWP", dataItems: ["NINO"] },
    { id: "h", laneId: "hmrc", stageId: "S1", label: "Tell HMRC you moved" },
  ],
  flows: ["d>h"],
});

const row = (measure: string) =>
  within(screen.getByRole("table", { name: "Scorecards side by side" }))
    .getByRole("rowheader", { name: measure })
    .closest("tr")!;
const cells = (measure: string) => within(row(measure)).getAllByRole("cell").map((c) => c.textContent);

afterEach(() => useLibrary.setState({ backend: null }));

describe("JourneyComparison", () => {
  it("puts the scorecards side by side and says which way each measure moved", () => {
    render(<JourneyComparison a={asIs} b={toBe} aName="As-is" bName="To-be" headingLevel={1} />);
    expect(within(screen.getByRole("table", { name: "Scorecards side by side" })).getAllByRole("columnheader").map((c) => c.textContent)).toEqual([
      "Measure",
      "As-is",
      "To-be",
      "Difference",
    ]);
    expect(cells("Steps")).toEqual(["3", "2", "Better 1 fewer"]);
    expect(cells("Citizen-carried handoffs")).toEqual(["1", "0", "Better 1 fewer"]);
    expect(cells("Direct handoffs")).toEqual(["0", "1", "Worse 1 more"]);
    expect(cells("Organisations involved")).toEqual(["2", "2", "Same "]);
    expect(cells("Repeated information")).toEqual(["1", "0", "Better 1 fewer"]);
  });

  it("lists the handoffs and repeated items the redesign removed, added and changed", () => {
    render(<JourneyComparison a={asIs} b={toBe} aName="As-is" bName="To-be" headingLevel={1} />);
    const section = (heading: string) => screen.getByRole("heading", { name: heading }).nextElementSibling as HTMLElement;
    const handoffs = section("Handoffs");
    // The same two steps, now joined directly: one handoff whose kind changed.
    expect(within(handoffs).getByRole("region", { name: "Removed (0)" })).toHaveTextContent("None.");
    expect(within(handoffs).getByRole("region", { name: "Changed (1)" })).toHaveTextContent(
      "DWP → HMRC: “Update your address with DWP” → “Tell HMRC you moved”: was citizen-carried, now direct",
    );
    const repeated = section("Information asked more than once");
    expect(within(repeated).getByRole("region", { name: "Removed (1)" })).toHaveTextContent(
      "National Insurance number: asked 2 times (DWP and HMRC)",
    );
    expect(within(repeated).getByRole("region", { name: "Added (0)" })).toHaveTextContent("None.");
  });
});

function backend(journeys: Record<string, Journey>, versions: Record<string, Journey> = {}): LibraryBackend {
  return {
    loadJourney: async (id: string) => journeys[id] ?? null,
    loadVersion: async (id: string) => versions[id] ?? null,
  } as unknown as LibraryBackend;
}

describe("CompareView", () => {
  it("loads both journeys from the library", async () => {
    useLibrary.setState({ backend: backend({ "as-is": asIs, "to-be": toBe }) });
    render(<CompareView a="as-is" b="to-be" />);
    expect(await screen.findByRole("heading", { level: 1, name: "Moving: as-is and Moving: to-be" })).toBeInTheDocument();
    expect(cells("Handoffs")).toEqual(["1", "1", "Same "]);
  });

  it("says which journey is missing", async () => {
    useLibrary.setState({ backend: backend({ "as-is": asIs }) });
    render(<CompareView a="as-is" b="gone" />);
    expect(await screen.findByRole("heading", { name: "These journeys could not be compared" })).toBeInTheDocument();
    expect(screen.getByText("The to-be journey is not in your library any more.")).toBeInTheDocument();
  });
});

describe("VersionCompareDialog", () => {
  it("compares a named version with the journey as it is now", async () => {
    useLibrary.setState({ backend: backend({}, { v1: asIs }) });
    const store = createSeamsStore();
    store.getState().openJourney({ ...toBe, id: asIs.id, title: asIs.title });
    render(
      <StoreProvider store={store}>
        <VersionCompareDialog version={{ id: "v1", journeyId: asIs.id, name: "Before", createdAt: "", stepCount: 3 }} onClose={() => {}} />
      </StoreProvider>,
    );
    const dialog = screen.getByRole("dialog", { name: "Version “Before” compared with now" });
    await within(dialog).findByRole("table", { name: "Scorecards side by side" });
    expect(within(dialog).getAllByRole("columnheader").map((c) => c.textContent).slice(0, 4)).toEqual([
      "Measure",
      "Version “Before”",
      "Now",
      "Difference",
    ]);
    expect(cells("Steps")).toEqual(["3", "2", "Better 1 fewer"]);
  });
});
