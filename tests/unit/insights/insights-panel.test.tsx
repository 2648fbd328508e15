// @vitest-environment jsdom
/** The insights panel: the bereavement sample's counts, findings that focus their steps, and
 * duplicate decisions kept in the journey. */
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { analyseJourney } from "../../../src/domain/analysis";
import { buildBereavementJourney } from "../../../src/domain/samples/bereavement";
import { BEREAVEMENT_HANDOFFS, BEREAVEMENT_REPEATED_ITEMS } from "../../../src/domain/samples/bereavement.answer";
import { InsightsPanel } from "../../../src/panels/insights/InsightsPanel";
import { StoreProvider } from "../../../src/store/context";
import { createSeamsStore } from "../../../src/store/store";
import { generateJourney } from "../../helpers/generate-journey";
import { at, buildJourney } from "../../helpers/journey-builder";

function setup(journey = buildBereavementJourney(), options: { readOnly?: boolean } = {}) {
  const store = createSeamsStore();
  store.getState().openJourney(journey, options);
  const user = userEvent.setup();
  render(
    <StoreProvider store={store}>
      <InsightsPanel />
    </StoreProvider>,
  );
  return { store, user, journey: () => store.getState().journey! };
}

const scorecardValue = (measure: string) =>
  within(screen.getByRole("table", { name: "Scorecard" }))
    .getByRole("rowheader", { name: measure })
    .closest("tr")!
    .querySelector("td")!.textContent;

const ofKind = (kind: string) => BEREAVEMENT_HANDOFFS.filter((h) => h.kind === kind).length;

describe("Insights panel: the bereavement sample", () => {
  it("shows the handoffs by kind and the repeated items of the hand-worked answer", () => {
    setup();
    expect(scorecardValue("Handoffs")).toBe(String(BEREAVEMENT_HANDOFFS.length));
    expect(scorecardValue("Direct handoffs")).toBe(String(ofKind("direct")));
    expect(scorecardValue("Citizen-carried handoffs")).toBe(String(ofKind("citizen-carried")));
    expect(scorecardValue("Internal handoffs")).toBe(String(ofKind("internal")));
    expect(scorecardValue("Repeated information")).toBe(String(BEREAVEMENT_REPEATED_ITEMS.length));
    expect(scorecardValue("Steps")).toBe("29");
    for (const [kind, name] of [
      ["direct", "Direct"],
      ["citizen-carried", "Citizen-carried"],
      ["internal", "Internal"],
    ]) {
      expect(within(screen.getByRole("list", { name: `${name} handoffs` })).getAllByRole("listitem")).toHaveLength(ofKind(kind!));
    }
  });

  it("lists each repeated item with the organisations asking and the times asked", () => {
    setup();
    const table = screen.getByRole("table", { name: "Information asked more than once" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(BEREAVEMENT_REPEATED_ITEMS.length);
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Information", "Asked by", "Times asked"]);
    const nino = within(table).getByRole("rowheader", { name: "National Insurance number" }).closest("tr")!;
    const cells = within(nino).getAllByRole("cell").map((c) => c.textContent);
    expect(cells).toEqual(["Register office and DWP", "3"]);
  });

  it("names a citizen-carried handoff by who hands over to whom and the steps between", () => {
    setup();
    const list = screen.getByRole("list", { name: "Citizen-carried handoffs" });
    const probate = within(list).getByRole("button", { name: /^HMCTS → Bank, citizen-carried/ });
    expect(probate).toHaveTextContent("via: “Grant of probate arrives by post” (1 citizen step)");
  });

  it("explains what counts as a handoff in the words of the definition", () => {
    setup();
    const explanation = screen.getByText("What counts as a handoff?").closest("details")!;
    expect(explanation).toHaveTextContent("the next step owned by an organisation");
    expect(explanation).toHaveTextContent("the citizen has to take it to the next organisation themselves");
    expect(explanation).toHaveTextContent("the same organisation, a different lane");
  });
});

describe("Insights panel: findings focus their steps", () => {
  it("a handoff selects its two steps and the citizen steps between, and asks the canvas to show them", async () => {
    const { store, user } = setup();
    const list = screen.getByRole("list", { name: "Citizen-carried handoffs" });
    await user.click(within(list).getByRole("button", { name: /^HMCTS → Bank/ }));
    const expected = ["bereave.step.probate-examine", "bereave.step.grant", "bereave.step.bank-release"];
    expect(store.getState().focusRequest?.stepIds).toEqual(expected);
    expect(store.getState().selectedStepIds).toEqual(expected);
    expect(screen.getByText(/Showing the handoff HMCTS → Bank on the canvas: 3 steps selected/)).toBeInTheDocument();
  });

  it("a repeated item focuses every step that asks for it, switching from the outline to the canvas", async () => {
    const { store, user } = setup();
    store.getState().setView("outline");
    await user.click(screen.getByRole("button", { name: "National Insurance number" }));
    const nino = BEREAVEMENT_REPEATED_ITEMS.find((i) => i.item === "National Insurance number")!;
    expect(new Set(store.getState().focusRequest?.stepIds)).toEqual(new Set(nino.stepIds));
    expect(store.getState().view).toBe("canvas");
  });

  it("a duplicate cluster and the dead ends focus their steps", async () => {
    const { store, user, journey } = setup();
    const [first] = analyseJourney(journey()).duplicates;
    await user.click(screen.getByRole("button", { name: /^Show D1 on the canvas/ }));
    expect(store.getState().focusRequest?.stepIds).toEqual(first!.stepIds);
    await user.click(screen.getByRole("button", { name: /^Dead ends: 1\./ }));
    expect(store.getState().focusRequest?.stepIds).toEqual(["bereave.step.certificate-copies"]);
  });
});

describe("Insights panel: deciding on suggested duplicates", () => {
  it("confirm, undo and dismiss are kept in the journey, and a dismissed cluster stops counting", async () => {
    const { user, journey } = setup();
    const clusters = analyseJourney(journey()).duplicates;
    expect(clusters.length, "the sample needs two suggested clusters for this test").toBeGreaterThanOrEqual(2);
    const [d1, d2] = clusters;
    const total = String(clusters.length);
    expect(scorecardValue("Duplicate clusters")).toBe(total);

    await user.click(screen.getByRole("button", { name: "Confirm D1 as duplicates" }));
    expect(journey().duplicateDecisions).toEqual([{ key: d1!.key, decision: "confirmed" }]);
    const suggestions = screen.getByRole("list", { name: "Suggested duplicates" });
    expect(within(suggestions).getAllByRole("listitem")[0]).toHaveTextContent("Confirmed");

    await user.click(screen.getByRole("button", { name: "Undo the decision on D1" }));
    expect(journey().duplicateDecisions).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Dismiss D2" }));
    expect(journey().duplicateDecisions).toEqual([{ key: d2!.key, decision: "dismissed" }]);
    expect(scorecardValue("Duplicate clusters")).toBe(String(clusters.length - 1));
    const dismissed = screen.getByRole("list", { name: "Dismissed suggestions" });
    expect(within(dismissed).getAllByRole("listitem")).toHaveLength(1);
    await user.click(within(dismissed).getByRole("button", { name: /^Undo the decision on the suggestion/ }));
    expect(journey().duplicateDecisions).toEqual([]);
    expect(scorecardValue("Duplicate clusters")).toBe(total);
  });

  it("says why each suggestion is made: the job its steps share, then their words and information", () => {
    const { journey } = setup();
    const clusters = analyseJourney(journey()).duplicates.filter((c) => c.decision !== "dismissed");
    const withJob = clusters.findIndex((c) => c.job !== null);
    expect(withJob, "the sample needs a suggestion whose steps name one job").toBeGreaterThanOrEqual(0);
    const items = within(screen.getByRole("list", { name: "Suggested duplicates" })).getAllByRole("listitem");
    expect(items[withJob]).toHaveTextContent(`Same job: ${clusters[withJob]!.job}`);
    clusters.forEach((c, i) => {
      if (c.sharedItems.length > 0) expect(items[i]).toHaveTextContent(`Same information asked: ${c.sharedItems.join(", ")}`);
      if (c.job === null) expect(items[i]).not.toHaveTextContent("Same job:");
    });
  });

  it("offers no decisions on a read-only journey", () => {
    setup(buildBereavementJourney(), { readOnly: true });
    expect(screen.getByRole("button", { name: "Confirm D1 as duplicates" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Dismiss D1" })).toBeDisabled();
  });
});

describe("Insights panel: a journey with nothing to find", () => {
  it("says so instead of showing empty lists", () => {
    setup(buildJourney({ lanes: ["L"], stages: ["S"], steps: at("L", "S", "a") }));
    expect(screen.getByText("No handoffs: the case stays with one team all the way.")).toBeInTheDocument();
    expect(screen.getByText("Nothing is asked for twice.")).toBeInTheDocument();
    expect(screen.getByText("No duplicated steps suggested.")).toBeInTheDocument();
    expect(scorecardValue("Active time along the path")).toBe("0 minutes");
  });
});

describe("Insights panel: a large journey", () => {
  it("shows long lists a page at a time, with a button for more", async () => {
    const large = generateJourney({ steps: 600, seed: 5 });
    const analysis = analyseJourney(large);
    const direct = analysis.handoffs.filter((h) => h.kind === "direct").length;
    expect(direct, "the generated journey needs more than two pages of direct handoffs").toBeGreaterThan(50);
    const { user } = setup(large);
    const list = () => within(screen.getByRole("list", { name: "Direct handoffs" })).getAllByRole("listitem");
    expect(list()).toHaveLength(25);
    await user.click(screen.getByRole("button", { name: `Show 25 more direct handoffs (showing 25 of ${direct})` }));
    expect(list()).toHaveLength(50);
    expect(scorecardValue("Direct handoffs")).toBe(String(direct));
  });
});
