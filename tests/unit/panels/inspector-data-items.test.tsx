// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Inspector } from "../../../src/panels/inspector/Inspector";
import { StoreProvider } from "../../../src/store/context";
import { createSeamsStore } from "../../../src/store/store";
import { buildJourney, stepOf } from "../../helpers/journey-builder";

function setup(dataItems: string[] = []) {
  const store = createSeamsStore();
  store.getState().openJourney(
    buildJourney({
      lanes: ["L"],
      stages: ["S"],
      steps: [{ id: "a", dataItems }],
      customDataItems: [
        { id: "custom-plot", label: "Burial plot number", synonyms: ["grave number"] },
      ],
    }),
  );
  store.getState().select(["a"]);
  const user = userEvent.setup();
  render(
    <StoreProvider store={store}>
      <Inspector />
    </StoreProvider>,
  );
  const box = screen.getByRole("combobox", { name: "Data items" });
  const items = () => stepOf(store.getState().journey!, "a").dataItems;
  return { store, user, box, items };
}

describe("Inspector: data items combobox", () => {
  it("finds a vocabulary item by a synonym and adds it with the keyboard", async () => {
    const { user, box, items, store } = setup();
    expect(box).toHaveAttribute("aria-expanded", "false");
    await user.type(box, "nino");
    expect(box).toHaveAttribute("aria-expanded", "true");
    const listbox = screen.getByRole("listbox", { name: "Suggestions for Data items" });
    expect(box).toHaveAttribute("aria-controls", listbox.id);
    const option = within(listbox).getByRole("option", { name: /^National Insurance number/ });
    // "nino" is another name for it: highlighted at once.
    expect(box).toHaveAttribute("aria-activedescendant", option.id);
    expect(option).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{Enter}");

    expect(items()).toEqual(["National Insurance number"]);
    expect(store.getState().history.past).toHaveLength(1);
    expect(box).toHaveValue("");
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(box).toHaveFocus();
    expect(
      screen.getByRole("button", { name: "Remove data item National Insurance number" }),
    ).toBeInTheDocument();
    expect(
      screen
        .getAllByRole("status")
        .some((s) => s.textContent === "Added National Insurance number (you typed nino)"),
    ).toBe(true);
  });

  it.each([
    ["NI no.", "National Insurance number"],
    ["d.o.b", "Date of birth"],
    ["full name", "Name"],
    ["date of dea", "Date of death"],
    ["grave num", "Burial plot number"],
  ])("adds %s with Enter as the item it stands for, %s", async (typed, item) => {
    const { user, box, items } = setup();
    await user.type(box, `${typed}{Enter}`);
    expect(items()).toEqual([item]);
  });

  it("keeps the person's own wording when they choose “Keep … as typed”", async () => {
    const { user, box, items } = setup(["Passport"]);
    await user.type(box, "NI no.");
    const keep = screen.getByRole("option", { name: "Keep “NI no.” as typed" });
    await user.keyboard("{ArrowDown}");
    expect(box).toHaveAttribute("aria-activedescendant", keep.id);
    await user.keyboard("{Enter}");
    expect(items()).toEqual(["Passport", "NI no."]);
    // And by clicking it.
    await user.type(box, "dob");
    await user.click(screen.getByRole("option", { name: "Keep “dob” as typed" }));
    expect(items()).toEqual(["Passport", "NI no.", "dob"]);
  });

  it("does not add an item again under another of its names", async () => {
    const { user, box, items } = setup(["National Insurance number"]);
    await user.type(box, "NINO{Enter}");
    expect(items()).toEqual(["National Insurance number"]);
    expect(
      screen.getAllByRole("status").some((s) => s.textContent === "National Insurance number is already in Data items"),
    ).toBe(true);
  });

  it("highlights nothing when the text could mean several items, so Enter keeps it", async () => {
    const { user, box, items } = setup();
    await user.type(box, "certif");
    expect(screen.getAllByRole("option").length).toBeGreaterThan(1);
    expect(box).not.toHaveAttribute("aria-activedescendant");
    expect(screen.queryByRole("option", { name: /as typed/ })).not.toBeInTheDocument();
    await user.keyboard("{Enter}");
    expect(items()).toEqual(["certif"]);
  });

  it("adds free text as typed when no option is highlighted", async () => {
    const { user, box, items } = setup();
    await user.type(box, "Name of the funeral director{Enter}");
    expect(items()).toEqual(["Name of the funeral director"]);
  });

  it("moves through options with the arrows and back to the typed text", async () => {
    const { user, box, items } = setup();
    await user.type(box, "certif");
    const options = within(screen.getByRole("listbox")).getAllByRole("option");
    expect(options.length).toBeGreaterThan(1);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(box).toHaveAttribute("aria-activedescendant", options[1]!.id);
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(box).not.toHaveAttribute("aria-activedescendant");
    await user.keyboard("{ArrowUp}");
    expect(box).toHaveAttribute("aria-activedescendant", options.at(-1)!.id);
    await user.keyboard("{Enter}");
    expect(items()).toEqual([options.at(-1)!.querySelector("span")!.textContent]);
  });

  it("offers the journey's own items and leaves out items already added", async () => {
    const { user, box } = setup(["Date of birth"]);
    await user.type(box, "grave");
    expect(screen.getByRole("option", { name: /^Burial plot number/ })).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, "date of b");
    expect(screen.queryByRole("option", { name: /^Date of birth/ })).not.toBeInTheDocument();
  });

  it("does not add an item twice", async () => {
    const { user, box, items } = setup(["National Insurance number"]);
    await user.type(box, "national insurance NUMBER{Enter}");
    expect(items()).toEqual(["National Insurance number"]);
  });

  it("closes the list with Escape, then clears the text with a second Escape", async () => {
    const { user, box, items } = setup();
    await user.type(box, "passp");
    expect(box).toHaveAttribute("aria-expanded", "true");
    await user.keyboard("{Escape}");
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(box).toHaveValue("passp");
    await user.keyboard("{Escape}");
    expect(box).toHaveValue("");
    expect(items()).toEqual([]);
  });

  it("adds an option by clicking it", async () => {
    const { user, box, items } = setup();
    await user.type(box, "dob");
    await user.click(screen.getByRole("option", { name: /^Date of birth/ }));
    expect(items()).toEqual(["Date of birth"]);
    expect(box).toHaveFocus();
  });

  it("removes the last chip with Backspace in the empty box, and any chip by its button", async () => {
    const { user, box, items } = setup(["Name", "Date of birth", "Passport"]);
    await user.click(box);
    await user.keyboard("{Backspace}");
    expect(items()).toEqual(["Name", "Date of birth"]);
    await user.click(screen.getByRole("button", { name: "Remove data item Name" }));
    expect(items()).toEqual(["Date of birth"]);
    expect(box).toHaveFocus();
  });
});
