// @vitest-environment jsdom
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Inspector } from "../../../src/panels/inspector/Inspector";
import { StoreProvider } from "../../../src/store/context";
import { createSeamsStore, type SeamsStore } from "../../../src/store/store";
import { at, buildJourney, stepOf } from "../../helpers/journey-builder";

function fixture() {
  return buildJourney({
    actors: [
      "citizen",
      { id: "dwp", name: "Department for Work and Pensions", shortName: "DWP" },
      { id: "hmrc", name: "HM Revenue and Customs", shortName: "HMRC" },
    ],
    lanes: [
      "Lc",
      { id: "Ldwp", layer: "frontstage", actorId: "dwp" },
      { id: "Lhmrc", layer: "backstage", actorId: "hmrc" },
    ],
    stages: [
      { id: "S1", name: "Notify" },
      { id: "S2", name: "Claim" },
    ],
    steps: [
      { id: "a", laneId: "Lc", stageId: "S1", label: "Tell DWP", tags: ["bereavement"] },
      ...at("Ldwp", "S1", "b"),
      ...at("Ldwp", "S2", "c"),
    ],
    flows: ["a>b"],
  });
}

function setup(select: { steps?: string[]; flows?: string[] } = {}, readOnly = false) {
  const store: SeamsStore = createSeamsStore();
  store.getState().openJourney(fixture(), { readOnly });
  store.getState().select(select.steps ?? [], select.flows ?? []);
  const user = userEvent.setup();
  render(
    <StoreProvider store={store}>
      <Inspector />
    </StoreProvider>,
  );
  const journey = () => store.getState().journey!;
  const step = (id = "a") => stepOf(journey(), id);
  return { store, user, journey, step };
}

describe("Inspector: one step", () => {
  it("commits a label on blur as one undo entry, and undo restores the old label", async () => {
    const { store, user, step } = setup({ steps: ["a"] });
    const label = screen.getByRole("textbox", { name: "Label" });
    await user.clear(label);
    await user.type(label, "Report the death");
    expect(step().label).toBe("Tell DWP"); // nothing committed while typing
    await user.tab();
    expect(step().label).toBe("Report the death");
    expect(store.getState().history.past).toHaveLength(1);

    act(() => store.getState().undo());
    expect(step().label).toBe("Tell DWP");
    expect(store.getState().history.past).toHaveLength(0);
    expect(label).toHaveValue("Tell DWP");
  });

  it("commits on Enter, refuses an empty label, and Escape goes back", async () => {
    const { store, user, step } = setup({ steps: ["a"] });
    const label = screen.getByRole("textbox", { name: "Label" });
    await user.clear(label);
    await user.type(label, "Register the death{Enter}");
    expect(step().label).toBe("Register the death");

    await user.clear(label);
    await user.tab();
    expect(step().label).toBe("Register the death");
    expect(label).toHaveValue("Register the death");

    await user.type(label, " again{Escape}");
    expect(label).toHaveValue("Register the death");
    await user.tab();
    expect(store.getState().history.past).toHaveLength(1);
  });

  it("keeps a typed label when the selection changes before the field blurs", async () => {
    const { store, user, step } = setup({ steps: ["a"] });
    const label = screen.getByRole("textbox", { name: "Label" });
    await user.type(label, " today");
    act(() => store.getState().select(["b"]));
    expect(step().label).toBe("Tell DWP today");
    expect(screen.getByRole("textbox", { name: "Label" })).toHaveValue("b");
  });

  it("edits description, notes and pain points (one per line)", async () => {
    const { user, step } = setup({ steps: ["a"] });
    await user.type(screen.getByRole("textbox", { name: "Description" }), "Phone or online");
    await user.type(screen.getByRole("textbox", { name: "Notes" }), "Seen in 4 of 6 interviews");
    const pains = screen.getByRole("textbox", { name: "Pain points" });
    await user.type(pains, "Has to repeat the story{Enter}{Enter}  Long hold times  ");
    await user.tab();
    expect(step().description).toBe("Phone or online");
    expect(step().notes).toBe("Seen in 4 of 6 interviews");
    expect(step().painPoints).toEqual(["Has to repeat the story", "Long hold times"]);
  });

  it("sets the channel, emotion, evidence status and the markers", async () => {
    const { user, step } = setup({ steps: ["a"] });
    await user.selectOptions(screen.getByRole("combobox", { name: "Channel" }), "Phone");
    expect(step().channel).toBe("phone");
    await user.click(screen.getByRole("radio", { name: "−2 Very negative" }));
    expect(step().emotion).toBe(-2);
    await user.click(screen.getByRole("radio", { name: "Not recorded" }));
    expect(step().emotion).toBeNull();
    await user.click(screen.getByRole("radio", { name: "Assumed" }));
    expect(step().evidenceStatus).toBe("assumed");
    await user.click(screen.getByRole("checkbox", { name: "Fail point" }));
    await user.click(screen.getByRole("checkbox", { name: "Wait point" }));
    expect(step().failPoint).toBe(true);
    expect(step().waitPoint).toBe(true);
    await user.selectOptions(screen.getByRole("combobox", { name: "Channel" }), "Not set");
    expect(step().channel).toBeNull();
  });

  it("takes times in minutes and says them in words", async () => {
    const { user, step } = setup({ steps: ["a"] });
    const waiting = screen.getByRole("spinbutton", { name: "Waiting minutes" });
    await user.type(waiting, "2880");
    expect(waiting).toHaveAccessibleDescription("2 days");
    await user.tab();
    expect(step().waitingMinutes).toBe(2880);

    const active = screen.getByRole("spinbutton", { name: "Active minutes" });
    await user.type(active, "90{Enter}");
    expect(step().activeMinutes).toBe(90);
    expect(active).toHaveAccessibleDescription("1 hour 30 minutes");
    await user.clear(active);
    await user.tab();
    expect(step().activeMinutes).toBeNull();
  });

  it("adds evidence documents and tags as chips, and removes them", async () => {
    const { user, step } = setup({ steps: ["a"] });
    const evidence = screen.getByRole("combobox", { name: "Evidence documents" });
    await user.type(evidence, "Letter from the coroner{Enter}");
    expect(step().evidence).toEqual(["Letter from the coroner"]);
    await user.click(
      screen.getByRole("button", { name: "Remove evidence document Letter from the coroner" }),
    );
    expect(step().evidence).toEqual([]);
    expect(evidence).toHaveFocus();

    const tags = screen.getByRole("combobox", { name: "Tags" });
    await user.type(tags, "urgent{Enter}");
    expect(step().tags).toEqual(["bereavement", "urgent"]);
    await user.type(tags, "{Backspace}");
    expect(step().tags).toEqual(["bereavement"]);
  });

  it("moves the step to another lane and stage through the selects", async () => {
    const { user, step, store } = setup({ steps: ["a"] });
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Lane (owner)" }),
      "DWP · Frontstage",
    );
    expect(step()).toMatchObject({ laneId: "Ldwp", stageId: "S1", order: 1 });
    await user.selectOptions(screen.getByRole("combobox", { name: "Stage" }), "Claim");
    expect(step()).toMatchObject({ laneId: "Ldwp", stageId: "S2", order: 1 });
    expect(store.getState().history.past).toHaveLength(2);
  });

  it("deletes the step and keeps focus in the panel", async () => {
    const { user, journey } = setup({ steps: ["a"] });
    await user.click(screen.getByRole("button", { name: "Delete step" }));
    expect(journey().steps.map((s) => s.id)).toEqual(["b", "c"]);
    expect(journey().flows).toEqual([]);
    expect(screen.getByRole("heading", { name: "Journey details" })).toHaveFocus();
  });
});

describe("Inspector: other selections", () => {
  it("offers only delete when several steps are selected", async () => {
    const { user, journey } = setup({ steps: ["a", "b"] });
    expect(screen.getByText("2 steps selected.")).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Delete 2 steps" }));
    expect(journey().steps.map((s) => s.id)).toEqual(["c"]);
  });

  it("edits a selected flow's label and data share, and deletes it", async () => {
    const { user, journey } = setup({ flows: ["a>b"] });
    expect(screen.getByRole("heading", { name: "Flow" })).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: "Label or condition" }), "if eligible");
    await user.tab();
    await user.click(screen.getByRole("checkbox", { name: "Data share" }));
    expect(journey().flows[0]).toMatchObject({ label: "if eligible", dataShare: true });
    await user.click(screen.getByRole("button", { name: "Delete flow" }));
    expect(journey().flows).toEqual([]);
    expect(journey().steps).toHaveLength(3);
  });

  it("edits the journey's details when nothing is selected", async () => {
    const { user, journey, store } = setup();
    const title = screen.getByRole("textbox", { name: "Title" });
    await user.clear(title);
    await user.type(title, "Reporting a death{Enter}");
    await user.type(screen.getByRole("textbox", { name: "Scenario or persona" }), "Sam");
    await user.type(screen.getByRole("textbox", { name: "Owner team" }), "Bereavement{Enter}");
    await user.type(screen.getByRole("textbox", { name: "Description" }), "As-is");
    await user.tab();
    expect(journey()).toMatchObject({
      title: "Reporting a death",
      scenario: "Sam",
      ownerTeam: "Bereavement",
      description: "As-is",
    });
    expect(store.getState().history.past).toHaveLength(4);
  });

  it("disables every control in a read-only journey", () => {
    setup({ steps: ["a"] }, true);
    expect(screen.getByText(/read-only/)).toBeInTheDocument();
    const panel = screen.getByRole("region", { name: "Step" });
    const controls = [
      ...within(panel).getAllByRole("textbox"),
      ...within(panel).getAllByRole("combobox"),
      ...within(panel).getAllByRole("radio"),
      ...within(panel).getAllByRole("checkbox"),
      ...within(panel).getAllByRole("spinbutton"),
      ...within(panel).getAllByRole("button"),
    ];
    expect(controls.length).toBeGreaterThan(15);
    for (const control of controls) expect(control).toBeDisabled();
  });
});
