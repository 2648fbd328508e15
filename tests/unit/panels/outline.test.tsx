// @vitest-environment jsdom
import { act, render, screen, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { describe, expect, test } from "vitest";
import { newStep } from "../../../src/domain/journey";
import type { Journey } from "../../../src/domain/model";
import { OutlineView } from "../../../src/panels/outline/OutlineView";
import { makeCommands } from "../../../src/store/commands";
import { StoreProvider } from "../../../src/store/context";
import { createSeamsStore } from "../../../src/store/store";
import { actor, at, buildJourney, type JourneySpec } from "../../helpers/journey-builder";

/** Lanes deliberately listed out of display order: the outline lists frontstage first. */
const LANES: JourneySpec["lanes"] = [
  { id: "dwp-back", layer: "backstage", actorId: "dwp" },
  { id: "dwp-front", layer: "frontstage", actorId: "dwp" },
  { id: "hmrc-back", layer: "backstage", actorId: "hmrc" },
];
const ACTORS = [
  actor("dwp", { name: "Department for Work and Pensions", shortName: "DWP" }),
  actor("hmrc", { name: "HM Revenue and Customs", shortName: "HMRC" }),
];
const STAGES = [
  { id: "notify", name: "Notify" },
  { id: "claim", name: "Claim" },
];

function journeyWith(spec: Partial<JourneySpec> = {}): Journey {
  return buildJourney({
    title: "Tell us about a death",
    actors: ACTORS,
    lanes: LANES,
    stages: STAGES,
    ...spec,
  });
}

function setup(journey: Journey) {
  const store = createSeamsStore();
  store.getState().openJourney(journey);
  const user = userEvent.setup();
  render(
    <StoreProvider store={store}>
      <OutlineView />
    </StoreProvider>,
  );
  const doc = () => store.getState().journey!;
  return { store, user, doc, commands: makeCommands(store) };
}

/** Presses Tab (or Shift+Tab) until the element has focus; fails if it is never reached. */
async function tabTo(user: UserEvent, target: HTMLElement, backwards = false) {
  for (let i = 0; i < 120 && document.activeElement !== target; i++) {
    await user.tab({ shift: backwards });
  }
  expect(document.activeElement).toBe(target);
}

const stepItem = (name: string | RegExp) =>
  screen.getByRole("listitem", { name: typeof name === "string" ? new RegExp(`^${name}`) : name });
const stageRegion = (name: string) => screen.getByRole("region", { name });
const status = () => screen.getByRole("status");
const focused = () => document.activeElement as HTMLElement;

/** Adds a step through a stage's "Add step" form with the keyboard. */
async function addStep(
  user: UserEvent,
  stage: string,
  label: string,
  lane: string | null,
  channel: string,
) {
  await tabTo(user, screen.getByRole("button", { name: `Add step to ${stage}` }));
  await user.keyboard("{Enter}");
  expect(focused()).toBe(screen.getByLabelText("Step name"));
  await user.keyboard(label);
  await user.tab();
  expect(focused()).toBe(screen.getByLabelText("Lane (owner)"));
  if (lane) await user.selectOptions(focused(), lane);
  await user.tab();
  expect(focused()).toBe(screen.getByLabelText("Channel"));
  await user.selectOptions(focused(), channel);
  await user.tab();
  expect(focused()).toHaveAccessibleName("Add step");
  await user.keyboard("{Enter}");
}

describe("OutlineView", () => {
  test("builds a journey across two organisations with the keyboard alone", async () => {
    const start = journeyWith();
    const { store, user, doc } = setup(start);
    const selected = () => store.getState().selectedStepIds[0]!;

    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Tell us about a death");
    expect(screen.getByRole("heading", { level: 3, name: "Stage 1: Notify" })).toBeInTheDocument();

    // 1. The first lane offered is the first in display order: DWP frontstage.
    await addStep(user, "Notify", "Tell DWP about the death", null, "phone");
    const tell = selected();
    expect(focused()).toBe(stepItem("Tell DWP about the death"));
    expect(status()).toHaveTextContent("Step added to DWP · Frontstage in Notify");

    await addStep(user, "Notify", "Close the tax record", "hmrc-back", "automated");
    const tax = selected();
    expect(focused()).toBe(stepItem("Close the tax record"));
    expect(status()).toHaveTextContent("Step added to HMRC · Backstage in Notify");

    await addStep(user, "Claim", "Claim Bereavement Support Payment", "dwp-front", "online");
    const claim = selected();
    expect(status()).toHaveTextContent("Step added to DWP · Frontstage in Claim");

    // 2. Arrows walk back across stages; focus selects the step.
    await user.keyboard("{ArrowUp}");
    expect(focused()).toBe(stepItem("Close the tax record"));
    await user.keyboard("{ArrowUp}");
    expect(focused()).toBe(stepItem("Tell DWP about the death"));
    expect(store.getState().selectedStepIds).toEqual([tell]);

    // 3. Connect: a data share to HMRC, and a flow on to the claim.
    await tabTo(user, screen.getByLabelText("Connect to…"));
    await user.selectOptions(focused(), tax);
    await user.tab();
    expect(focused()).toBe(screen.getByLabelText("Data share (no citizen action)"));
    await user.keyboard(" ");
    await user.tab();
    expect(focused()).toHaveAccessibleName("Connect");
    await user.keyboard("{Enter}");
    await tabTo(user, screen.getByLabelText("Connect to…"));
    await user.selectOptions(focused(), claim);
    await tabTo(user, screen.getByRole("button", { name: "Connect" }));
    await user.keyboard("{Enter}");
    const tellItem = stepItem("Tell DWP about the death");
    expect(tellItem).toHaveTextContent(
      "Leads to: Close the tax record (HMRC) · data share, no citizen action",
    );
    expect(tellItem).toHaveTextContent("Leads to: Claim Bereavement Support Payment (DWP)");
    expect(stepItem("Close the tax record")).toHaveTextContent(
      "Comes from: Tell DWP about the death (DWP)",
    );

    // 4. Rename the HMRC step: Enter opens the name, Enter saves.
    await tabTo(user, tellItem, true);
    await user.keyboard("{ArrowDown}{Enter}");
    expect(focused()).toBe(screen.getByLabelText("Step name"));
    await user.keyboard("Update the tax record{Enter}");
    expect(focused()).toBe(stepItem("Update the tax record"));
    expect(status()).toHaveTextContent("Renamed to Update the tax record");

    // 5. Move the claim into DWP's backstage lane.
    await user.keyboard("{ArrowDown}");
    expect(focused()).toBe(stepItem("Claim Bereavement Support Payment"));
    await tabTo(user, screen.getByLabelText("Lane"));
    await user.selectOptions(focused(), "dwp-back");
    await tabTo(user, screen.getByRole("button", { name: "Move" }));
    await user.keyboard("{Enter}");
    expect(focused()).toBe(stepItem("Claim Bereavement Support Payment"));
    expect(stepItem("Claim Bereavement Support Payment")).toHaveAccessibleName(
      /Department for Work and Pensions · Backstage/,
    );

    expect(doc()).toEqual({
      ...start,
      updatedAt: expect.any(String),
      steps: [
        newStep(tell, "dwp-front", "notify", {
          label: "Tell DWP about the death",
          channel: "phone",
          order: 0,
        }),
        newStep(tax, "hmrc-back", "notify", {
          label: "Update the tax record",
          channel: "automated",
          order: 0,
        }),
        newStep(claim, "dwp-back", "claim", {
          label: "Claim Bereavement Support Payment",
          channel: "online",
          order: 0,
        }),
      ],
      flows: [
        { id: expect.any(String), from: tell, to: tax, label: "", dataShare: true },
        { id: expect.any(String), from: tell, to: claim, label: "", dataShare: false },
      ],
    });
    // Three adds, two connections, one rename, one move: each one undoable change.
    expect(store.getState().history.past).toHaveLength(7);
  }, 40_000);

  test("lists each stage's steps by lane display order, then cell order", () => {
    setup(
      journeyWith({
        steps: [...at("hmrc-back", "notify", "h1"), ...at("dwp-back", "notify", "b1")]
          .concat(at("dwp-front", "notify", "f1", "f2"))
          .concat(at("dwp-front", "claim", "c1")),
      }),
    );
    const notify = within(stageRegion("Stage 1: Notify"));
    const names = notify
      .getAllByRole("listitem")
      .filter((li) => li.hasAttribute("data-step-id"))
      .map((li) => li.getAttribute("data-step-id"));
    expect(names).toEqual(["f1", "f2", "b1", "h1"]);
    expect(
      within(stageRegion("Stage 2: Claim")).getByRole("listitem", { name: /^c1/ }),
    ).toBeTruthy();
  });

  test("undo reverses a rename typed letter by letter in one step", async () => {
    const { store, user, doc } = setup(
      journeyWith({ steps: at("dwp-front", "notify", "a", "b"), flows: ["a>b"] }),
    );
    const before = doc();
    await tabTo(user, stepItem("a"));
    await user.keyboard("{F2}Report the death{Enter}");
    expect(doc().steps.find((s) => s.id === "a")!.label).toBe("Report the death");
    expect(focused()).toBe(stepItem("Report the death"));
    expect(store.getState().history.past).toHaveLength(1);

    await tabTo(user, screen.getByRole("button", { name: "Undo" }), true);
    await user.keyboard("{Enter}");
    expect(doc()).toBe(before);
    expect(stepItem("a")).toBeInTheDocument();
    expect(status()).toHaveTextContent("Undone");
  });

  test("undo reverses a move within the cell in one step", async () => {
    const { user, doc } = setup(journeyWith({ steps: at("dwp-front", "notify", "a", "b", "c") }));
    const before = doc();
    await tabTo(user, stepItem("a"));
    await user.keyboard("{ArrowDown}");
    await tabTo(user, screen.getByRole("button", { name: "Move later" }));
    await user.keyboard("{Enter}");
    expect(focused()).toHaveAccessibleName("Move later");
    expect(doc().steps.map((s) => [s.id, s.order])).toEqual([
      ["a", 0],
      ["b", 2],
      ["c", 1],
    ]);
    const ids = within(stageRegion("Stage 1: Notify"))
      .getAllByRole("listitem")
      .map((li) => li.getAttribute("data-step-id"))
      .filter(Boolean);
    expect(ids).toEqual(["a", "c", "b"]);

    await tabTo(user, screen.getByRole("button", { name: "Undo" }), true);
    await user.keyboard("{Enter}");
    expect(doc()).toBe(before);
  });

  test("Escape cancels a rename and an empty name is refused", async () => {
    const { store, user, doc } = setup(journeyWith({ steps: at("dwp-front", "notify", "a") }));
    await tabTo(user, stepItem("a"));
    await user.keyboard("{Enter}Something else{Escape}");
    expect(focused()).toBe(stepItem("a"));
    await user.keyboard("{Enter}{Backspace}{Enter}");
    expect(screen.getByLabelText("Step name")).toHaveAccessibleDescription(
      "Error: Enter a name for the step",
    );
    await user.keyboard("{Escape}");
    expect(doc().steps[0]!.label).toBe("a");
    expect(store.getState().history.past).toHaveLength(0);
  });

  test("the add-step form explains an empty name, and Escape closes it", async () => {
    const { store, user } = setup(journeyWith());
    const add = screen.getByRole("button", { name: "Add step to Notify" });
    await tabTo(user, add);
    await user.keyboard("{Enter}{Enter}");
    const name = screen.getByLabelText("Step name");
    expect(focused()).toBe(name);
    expect(name).toHaveAccessibleDescription("Error: Enter a name for the step");
    expect(name).toBeInvalid();
    await user.keyboard("{Escape}");
    expect(screen.queryByLabelText("Step name")).toBeNull();
    expect(focused()).toBe(screen.getByRole("button", { name: "Add step to Notify" }));
    expect(store.getState().history.past).toHaveLength(0);
  });

  test("Alt with an arrow moves a step within its cell, and says when it cannot", async () => {
    const { store, user, doc } = setup(journeyWith({ steps: at("dwp-front", "notify", "a", "b") }));
    await tabTo(user, stepItem("a"));
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(doc().steps.map((s) => [s.id, s.order])).toEqual([
      ["a", 1],
      ["b", 0],
    ]);
    expect(focused()).toBe(stepItem("a"));
    expect(status()).toHaveTextContent("a moved later: 2 of 2 in DWP · Frontstage in Notify");
    await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
    expect(status()).toHaveTextContent("a is already last in its cell");
    expect(store.getState().history.past).toHaveLength(1);
    // Plain arrows only move focus.
    await user.keyboard("{ArrowUp}");
    expect(focused()).toBe(stepItem("b"));
    expect(store.getState().selectedStepIds).toEqual(["b"]);
  });

  test("reflects changes made through commands elsewhere (the canvas)", () => {
    const { commands, store } = setup(journeyWith({ steps: at("dwp-front", "notify", "a") }));
    let id: string | null = null;
    act(() => {
      id = commands.addStep("hmrc-back", "claim", undefined, { label: "Pay the estate" });
    });
    const claim = within(stageRegion("Stage 2: Claim"));
    expect(claim.getByRole("listitem", { name: /^Pay the estate/ })).toHaveAccessibleName(
      /HM Revenue and Customs · Backstage/,
    );
    act(() => {
      commands.connect("a", id!, { dataShare: true });
      commands.updateStep("a", { label: "Register the death", failPoint: true });
    });
    const a = stepItem("Register the death");
    expect(a).toHaveTextContent("Leads to: Pay the estate (HMRC) · data share");
    expect(a).toHaveAccessibleName(/Fail point/);
    act(() => commands.renameStage("claim", "Settle the estate"));
    expect(screen.getByRole("heading", { name: "Stage 2: Settle the estate" })).toBeTruthy();
    act(() => store.getState().undo());
    expect(screen.getByRole("heading", { name: "Stage 2: Claim" })).toBeTruthy();
  });

  test("deleting a step removes it and its flows from the outline", async () => {
    const { user, doc } = setup(
      journeyWith({
        steps: at("dwp-front", "notify", "a", "b", "c"),
        flows: ["a>b", "b>c", "a>c"],
      }),
    );
    expect(stepItem("a")).toHaveTextContent("Leads to: b (DWP)");
    await tabTo(user, stepItem("a"));
    await user.keyboard("{ArrowDown}{Delete}");
    expect(focused()).toHaveAccessibleName("Yes, delete step");
    expect(screen.getByRole("group", { name: /Delete “b” and its flows\?/ })).toBeTruthy();
    // Escape keeps the step.
    await user.keyboard("{Escape}");
    expect(focused()).toHaveAccessibleName("Delete step");
    expect(doc().steps).toHaveLength(3);

    await user.keyboard("{Enter}");
    expect(focused()).toHaveAccessibleName("Yes, delete step");
    await user.keyboard("{Enter}");
    expect(screen.queryByRole("listitem", { name: /^b/ })).toBeNull();
    expect(stepItem("a")).not.toHaveTextContent("Leads to: b");
    expect(stepItem("a")).toHaveTextContent("Leads to: c (DWP)");
    expect(stepItem("c")).not.toHaveTextContent("Comes from: b");
    expect(focused()).toBe(stepItem("c"));
    expect(status()).toHaveTextContent("Deleted b");
    expect(doc().flows.map((f) => f.id)).toEqual(["a>c"]);
  });

  test("removes one flow with its own button", async () => {
    const { user, doc } = setup(
      journeyWith({ steps: at("dwp-front", "notify", "a", "b"), flows: ["a>b"] }),
    );
    await tabTo(user, stepItem("a"));
    await tabTo(user, screen.getByRole("button", { name: "Remove flow to b (DWP)" }));
    await user.keyboard("{Enter}");
    expect(doc().flows).toEqual([]);
    expect(stepItem("a")).not.toHaveTextContent("Leads to");
    expect(focused()).toBe(screen.getByLabelText("Connect to…"));
  });

  test("moves a step to another stage and keeps focus on it", async () => {
    const { user, doc } = setup(journeyWith({ steps: at("dwp-front", "notify", "a", "b") }));
    await tabTo(user, stepItem("a"));
    await tabTo(user, screen.getByLabelText("Stage"));
    await user.selectOptions(focused(), "claim");
    await user.keyboard("{Escape}");
    expect(focused()).toBe(stepItem("a"));
    expect(doc().steps[0]!.stageId).toBe("notify");

    await tabTo(user, screen.getByLabelText("Stage"));
    await user.selectOptions(focused(), "claim");
    await user.tab();
    await user.keyboard("{Enter}");
    const claim = within(stageRegion("Stage 2: Claim"));
    expect(focused()).toBe(claim.getByRole("listitem", { name: /^a/ }));
    expect(status()).toHaveTextContent("Moved a to DWP · Frontstage in Claim");
    expect(doc().steps.map((s) => [s.id, s.stageId, s.order])).toEqual([
      ["a", "claim", 0],
      ["b", "notify", 0],
    ]);
  });

  test("adds and renames a stage", async () => {
    const { user, doc } = setup(journeyWith());
    await tabTo(user, screen.getByLabelText("New stage name"));
    await user.keyboard("Settle the estate{Enter}");
    const heading = screen.getByRole("heading", { name: "Stage 3: Settle the estate" });
    expect(focused()).toBe(heading);
    expect(doc().stages.map((s) => s.name)).toEqual(["Notify", "Claim", "Settle the estate"]);

    await user.tab();
    expect(focused()).toHaveAccessibleName("Rename stage Settle the estate");
    await user.keyboard("{Enter}");
    expect(focused()).toBe(screen.getByLabelText("New name for stage 3"));
    await user.keyboard("Close the estate{Enter}");
    expect(focused()).toBe(screen.getByRole("heading", { name: "Stage 3: Close the estate" }));
    expect(doc().stages[2]!.name).toBe("Close the estate");
  });

  test("Show on canvas focuses the step there and switches view", async () => {
    const { store, user } = setup(journeyWith({ steps: at("dwp-front", "notify", "a") }));
    store.getState().setView("outline");
    await tabTo(user, stepItem("a"));
    await tabTo(user, screen.getByRole("button", { name: "Show on canvas" }));
    await user.keyboard("{Enter}");
    const state = store.getState();
    expect(state.view).toBe("canvas");
    expect(state.focusRequest?.stepIds).toEqual(["a"]);
    expect(state.selectedStepIds).toEqual(["a"]);
  });

  test("a read-only journey offers no editing", async () => {
    const store = createSeamsStore();
    store.getState().openJourney(journeyWith({ steps: at("dwp-front", "notify", "a") }), {
      readOnly: true,
    });
    render(
      <StoreProvider store={store}>
        <OutlineView />
      </StoreProvider>,
    );
    const user = userEvent.setup();
    await tabTo(user, stepItem("a"));
    await user.keyboard("{Enter}{Delete}");
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByRole("textbox")).toBeNull();
  });
});
