// @vitest-environment jsdom
import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { StructurePanel } from "../../../src/panels/structure/StructurePanel";
import { StoreProvider } from "../../../src/store/context";
import { createSeamsStore } from "../../../src/store/store";
import { at, buildJourney, cells } from "../../helpers/journey-builder";
import { colourDifference, readableOrganisationColour } from "../../../src/domain/colour";
import { BUILT_IN_COLOURS } from "../../../src/domain/organisations";

function fixture() {
  return buildJourney({
    actors: [
      { id: "citizen", name: "Citizen", shortName: "Citizen" },
      { id: "dwp", name: "Department for Work and Pensions", shortName: "DWP" },
      { id: "hmrc", name: "HM Revenue and Customs", shortName: "HMRC" },
    ],
    // Stored order differs from display order: the backstage lane is listed first.
    lanes: [
      { id: "Lhmrc", layer: "backstage", actorId: "hmrc" },
      "Lc",
      { id: "Ldwp", layer: "frontstage", actorId: "dwp" },
      { id: "Ldwp2", layer: "frontstage", actorId: "dwp", team: "Phone" },
    ],
    stages: [
      { id: "S1", name: "Notify" },
      { id: "S2", name: "Claim" },
      { id: "S3", name: "Settle" },
    ],
    steps: [...at("Lc", "S1", "a"), ...at("Ldwp", "S1", "b", "c"), ...at("Ldwp2", "S1", "d")],
  });
}

function setup(readOnly = false) {
  const store = createSeamsStore();
  store.getState().openJourney(fixture(), { readOnly });
  const user = userEvent.setup();
  render(
    <StoreProvider store={store}>
      <StructurePanel />
    </StoreProvider>,
  );
  const journey = () => store.getState().journey!;
  const lane = (id: string) => journey().lanes.find((l) => l.id === id);
  return { store, user, journey, lane };
}

const laneNames = () =>
  screen
    .getAllByRole("button", { name: /^Edit lane / })
    .map((b) => b.getAttribute("aria-label")!.replace("Edit lane ", ""));

describe("Structure panel: lanes", () => {
  it("lists lanes grouped by layer, in display order", () => {
    setup();
    expect(laneNames()).toEqual([
      "Citizen · Citizen actions",
      "DWP · Frontstage",
      "DWP · Frontstage · Phone",
      "HMRC · Backstage",
    ]);
    expect(screen.getByRole("heading", { name: "Frontstage" })).toBeInTheDocument();
  });

  it("edits a lane's team, layer, owner and the owner's name and colour", async () => {
    const { user, lane, journey, store } = setup();
    await user.click(screen.getByRole("button", { name: "Edit lane HMRC · Backstage" }));
    const details = screen.getByRole("group", { name: "Lane HMRC · Backstage" });
    await user.type(within(details).getByRole("textbox", { name: "Team" }), "Estates{Enter}");
    expect(lane("Lhmrc")?.team).toBe("Estates");

    // The lane's name changed, so its editor is now named after the team too.
    const edited = screen.getByRole("group", { name: "Lane HMRC · Backstage · Estates" });
    await user.selectOptions(
      within(edited).getByRole("combobox", { name: "Layer" }),
      "Support processes",
    );
    expect(lane("Lhmrc")?.layer).toBe("support");

    const again = screen.getByRole("group", { name: "Lane HMRC · Support processes · Estates" });
    // The lane moved to another layer group; its details stay open and keep focus.
    expect(within(again).getByRole("combobox", { name: "Layer" })).toHaveFocus();
    const shortName = within(again).getByRole("textbox", { name: "Short name" });
    await user.clear(shortName);
    await user.type(shortName, "Revenue{Enter}");
    expect(journey().actors.find((a) => a.id === "hmrc")?.shortName).toBe("Revenue");

    const renamed = screen.getByRole("group", {
      name: "Lane Revenue · Support processes · Estates",
    });
    fireEvent.change(within(renamed).getByLabelText("Colour"), { target: { value: "#123456" } });
    expect(journey().actors.find((a) => a.id === "hmrc")?.colour).toBe("#123456");

    await user.selectOptions(within(renamed).getByRole("combobox", { name: "Owner" }), "DWP");
    expect(lane("Lhmrc")?.actorId).toBe("dwp");
    expect(store.getState().history.past).toHaveLength(5);
  });

  it("moves a lane up and down within its layer, keeping focus on the button", async () => {
    const { user, journey } = setup();
    const down = screen.getByRole("button", { name: "Move lane DWP · Frontstage down" });
    expect(screen.getByRole("button", { name: "Move lane DWP · Frontstage up" })).toBeDisabled();
    await user.click(down);
    expect(journey().lanes.map((l) => l.id)).toEqual(["Lhmrc", "Lc", "Ldwp2", "Ldwp"]);
    expect(laneNames().slice(1, 3)).toEqual(["DWP · Frontstage · Phone", "DWP · Frontstage"]);
    // At the bottom of its layer "down" is disabled, so focus moves to "up".
    expect(screen.getByRole("button", { name: "Move lane DWP · Frontstage up" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(journey().lanes.map((l) => l.id)).toEqual(["Lhmrc", "Lc", "Ldwp", "Ldwp2"]);
  });

  it("removes a lane, moving its steps to the lane chosen in the dialog", async () => {
    const { user, journey } = setup();
    const remove = screen.getByRole("button", { name: "Remove lane DWP · Frontstage" });
    await user.click(remove);
    const dialog = screen.getByRole("dialog", { name: "Remove lane DWP · Frontstage" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(within(dialog).getByRole("radio", { name: "Move to another lane" })).toBeChecked();
    const target = within(dialog).getByRole("combobox", { name: "Move steps to lane" });
    // The next lane in the same layer is offered first.
    expect(target).toHaveDisplayValue("DWP · Frontstage · Phone");
    await user.selectOptions(target, "HMRC · Backstage");
    await user.click(within(dialog).getByRole("button", { name: "Remove lane" }));

    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(journey().lanes.map((l) => l.id)).toEqual(["Lhmrc", "Lc", "Ldwp2"]);
    expect(cells(journey())).toEqual({ "Lc/S1": ["a"], "Lhmrc/S1": ["b", "c"], "Ldwp2/S1": ["d"] });
    expect(screen.getByRole("heading", { name: "Lanes" })).toHaveFocus();
    expect(screen.getByRole("status")).toHaveTextContent("Removed lane DWP · Frontstage");
  });

  it("removes a lane with its steps, and drops an owner left with no lane", async () => {
    const { user, journey } = setup();
    await user.click(screen.getByRole("button", { name: "Remove lane Citizen · Citizen actions" }));
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByRole("radio", { name: "Delete them" }));
    await user.click(within(dialog).getByRole("button", { name: "Remove lane" }));
    expect(journey().steps.map((s) => s.id)).toEqual(["b", "c", "d"]);
    expect(journey().actors.map((a) => a.id)).toEqual(["dwp", "hmrc"]);
  });

  it("closes the removal dialog with Escape and gives focus back", async () => {
    const { user, journey } = setup();
    const remove = screen.getByRole("button", { name: "Remove lane DWP · Frontstage" });
    await user.click(remove);
    expect(within(screen.getByRole("dialog")).getByRole("radio", { name: /Move/ })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(remove).toHaveFocus();
    expect(journey().lanes).toHaveLength(4);
  });

  it("adds a lane from the UK library, reusing it for a second lane", async () => {
    const { user, journey } = setup();
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Organisation" }),
      "HM Passport Office",
    );
    const form = screen.getByRole("form", { name: "Add a lane" });
    await user.selectOptions(within(form).getByRole("combobox", { name: "Layer" }), "Backstage");
    await user.type(within(form).getByRole("textbox", { name: "Team (optional)" }), "Examiners");
    await user.click(screen.getByRole("button", { name: "Add lane" }));

    const hmpo = journey().actors.find((a) => a.name === "HM Passport Office");
    expect(hmpo).toMatchObject({ shortName: "HMPO", orgKind: "executive-agency" });
    expect(journey().lanes.at(-1)).toMatchObject({
      actorId: hmpo!.id,
      layer: "backstage",
      team: "Examiners",
    });
    expect(laneNames()).toContain("HMPO · Backstage · Examiners");

    await user.selectOptions(within(form).getByRole("combobox", { name: "Layer" }), "Frontstage");
    await user.click(screen.getByRole("button", { name: "Add lane" }));
    expect(journey().actors.filter((a) => a.name === "HM Passport Office")).toHaveLength(1);
    expect(journey().lanes.filter((l) => l.actorId === hmpo!.id)).toHaveLength(2);
  });

  it("adds a lane for a custom organisation, then another lane for it", async () => {
    const { user, journey } = setup();
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Organisation" }),
      "Custom organisation…",
    );
    await user.click(screen.getByRole("button", { name: "Add lane" }));
    expect(screen.getByText("Enter the organisation’s name")).toBeInTheDocument();
    expect(journey().lanes).toHaveLength(4);

    await user.type(
      screen.getByRole("textbox", { name: "Organisation name" }),
      "Funeral directors",
    );
    await user.type(screen.getByRole("textbox", { name: "Short name" }), "Funeral");
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Kind of organisation" }),
      "Private sector",
    );
    await user.click(screen.getByRole("button", { name: "Add lane" }));
    const custom = journey().actors.find((a) => a.name === "Funeral directors");
    expect(custom).toMatchObject({
      shortName: "Funeral",
      orgKind: "private",
      type: "organisation",
    });

    await user.selectOptions(
      screen.getByRole("combobox", { name: "Organisation" }),
      "Funeral directors",
    );
    await user.selectOptions(screen.getByRole("combobox", { name: "Layer" }), "Backstage");
    await user.click(screen.getByRole("button", { name: "Add lane" }));
    expect(journey().actors.filter((a) => a.name === "Funeral directors")).toHaveLength(1);
    expect(
      journey()
        .lanes.filter((l) => l.actorId === custom!.id)
        .map((l) => l.layer),
    ).toEqual(["frontstage", "backstage"]);
  });

  it("gives each new custom organisation its own readable colour, unless one is chosen", async () => {
    const { user, journey } = setup();
    const addCustom = async (name: string, colour?: string) => {
      await user.selectOptions(screen.getByRole("combobox", { name: "Organisation" }), "Custom organisation…");
      await user.type(screen.getByRole("textbox", { name: "Organisation name" }), name);
      if (colour) fireEvent.input(screen.getByLabelText("Colour"), { target: { value: colour } });
      await user.click(screen.getByRole("button", { name: "Add lane" }));
      return journey().actors.find((a) => a.name === name)!.colour;
    };
    const first = await addCustom("Funeral directors");
    const second = await addCustom("Letting agents");
    const chosen = await addCustom("Care home", "#123456");
    for (const colour of [first, second]) {
      expect(readableOrganisationColour(colour)).toBe(true);
      for (const other of [...BUILT_IN_COLOURS, "#6f777b"]) expect(colourDifference(colour, other)).toBeGreaterThanOrEqual(10);
    }
    expect(colourDifference(first, second)).toBeGreaterThanOrEqual(10);
    expect(chosen).toBe("#123456");
  });

  it("adds a citizen lane in the citizen layer", async () => {
    const { user, journey } = setup();
    await user.selectOptions(screen.getByRole("combobox", { name: "Organisation" }), "Citizen");
    await user.type(screen.getByRole("textbox", { name: "Team (optional)" }), "Executor");
    await user.click(screen.getByRole("button", { name: "Add lane" }));
    expect(journey().lanes.find((l) => l.team === "Executor")).toMatchObject({
      actorId: "citizen",
      layer: "citizen",
    });
  });
});

describe("Structure panel: stages", () => {
  const stageNames = () =>
    screen.getAllByRole("textbox", { name: /^Stage \d/ }).map((i) => (i as HTMLInputElement).value);

  it("renames, reorders and adds stages", async () => {
    const { user, journey } = setup();
    const second = screen.getByRole("textbox", { name: "Stage 2" });
    await user.clear(second);
    await user.type(second, "Apply{Enter}");
    expect(journey().stages[1]?.name).toBe("Apply");

    await user.click(screen.getByRole("button", { name: "Move stage Apply left" }));
    expect(journey().stages.map((s) => s.id)).toEqual(["S2", "S1", "S3"]);
    expect(stageNames()).toEqual(["Apply", "Notify", "Settle"]);
    expect(screen.getByRole("button", { name: "Move stage Apply right" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Move stage Notify right" }));
    expect(journey().stages.map((s) => s.id)).toEqual(["S2", "S3", "S1"]);

    await user.type(screen.getByRole("textbox", { name: "New stage name" }), "Afterwards{Enter}");
    expect(journey().stages.map((s) => s.name)).toEqual([
      "Apply",
      "Settle",
      "Notify",
      "Afterwards",
    ]);
  });

  it("removes a stage, moving its steps to the chosen stage", async () => {
    const { user, journey } = setup();
    await user.click(screen.getByRole("button", { name: "Remove stage Notify" }));
    const dialog = screen.getByRole("dialog", { name: "Remove stage Notify" });
    expect(dialog).toHaveTextContent("The stage Notify has 4 steps.");
    await user.selectOptions(
      within(dialog).getByRole("combobox", { name: "Move steps to stage" }),
      "Settle",
    );
    await user.click(within(dialog).getByRole("button", { name: "Remove stage" }));
    expect(journey().stages.map((s) => s.id)).toEqual(["S2", "S3"]);
    expect(journey().steps.every((s) => s.stageId === "S3")).toBe(true);
  });

  it("removes an empty stage at once", async () => {
    const { user, journey } = setup();
    await user.click(screen.getByRole("button", { name: "Remove stage Claim" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(journey().stages.map((s) => s.id)).toEqual(["S1", "S3"]);
  });
});

describe("Structure panel: read-only", () => {
  it("disables every change", async () => {
    const { user } = setup(true);
    await user.click(screen.getByRole("button", { name: "Edit lane HMRC · Backstage" }));
    const panel = screen.getByRole("region", { name: "Lanes and stages" });
    const changers = [
      ...within(panel).getAllByRole("textbox"),
      ...within(panel).getAllByRole("combobox"),
      ...within(panel).getAllByRole("button", { name: /^(Move|Remove|Add)/ }),
    ];
    expect(changers.length).toBeGreaterThan(20);
    for (const control of changers) expect(control).toBeDisabled();
    // Showing a lane's details is not a change.
    expect(screen.getByRole("button", { name: "Edit lane HMRC · Backstage" })).toBeEnabled();
  });
});
