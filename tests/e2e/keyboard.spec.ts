/**
 * Every shortcut the help overlay lists, pressed from every place the focus can be on the
 * canvas page. The list is read from the help the app shows, so a shortcut added to the help
 * without a check here (or a check for one the help no longer lists) fails the test.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  boxSelect,
  canvas,
  cards,
  cellPoint,
  details,
  emptyCanvasPoint,
  expectCell,
  expectDetailsOf,
  expectSelected,
  fitAll,
  flows,
  middle,
  scale,
  step,
  tabTo,
  threeSteps,
  viewSettles,
} from "./canvas-helpers";

interface FocusState {
  name: string;
  /** Selects the step with this label alone and leaves the focus where this state has it. */
  ready(page: Page, label: string): Promise<void>;
  /** The focus is where it belongs once the keyboard has made `label` the current step. */
  expectFocus(page: Page, label: string): Promise<void>;
}

const bodyHasFocus = (page: Page) => page.evaluate(() => document.activeElement === document.body);

const FOCUS_STATES: FocusState[] = [
  {
    name: "a card clicked",
    async ready(page, label) {
      await step(page, label).click();
      await expect(step(page, label)).toBeFocused();
    },
    async expectFocus(page, label) {
      await expect(step(page, label)).toBeFocused();
    },
  },
  {
    name: "a card reached with Tab",
    async ready(page, label) {
      const point = await emptyCanvasPoint(page);
      await page.mouse.click(point.x, point.y);
      await tabTo(page, step(page, label), 40);
    },
    async expectFocus(page, label) {
      await expect(step(page, label)).toBeFocused();
    },
  },
  {
    name: "the canvas clicked",
    async ready(page, label) {
      const point = await emptyCanvasPoint(page);
      await page.mouse.click(point.x, point.y);
      await expect(canvas(page)).toBeFocused();
      await boxSelect(page, label);
      await expect(canvas(page)).toBeFocused();
    },
    async expectFocus(page) {
      await expect(canvas(page)).toBeFocused();
    },
  },
  {
    name: "nothing focused",
    async ready(page, label) {
      await step(page, label).click();
      // The status line takes no focus: a click there leaves the focus on nothing.
      await page.getByTestId("save-status").click();
      await expect.poll(() => bodyHasFocus(page)).toBe(true);
    },
    async expectFocus(page) {
      await expect.poll(() => bodyHasFocus(page)).toBe(true);
    },
  },
];

type Check = (page: Page, state: FocusState, ready: (label: string) => Promise<void>) => Promise<void>;

/** What each row of the help does, tried from the current focus state. */
const CHECKS: Record<string, Check> = {
  "Double-click a cell": async (page, _state, ready) => {
    await ready("Apply");
    const cell = await cellPoint(page, "DWP", "During");
    const editor = page.getByRole("textbox", { name: "Step label" });
    // Escape on the card just added, still blank, takes it back.
    await page.mouse.dblclick(cell.x, cell.y);
    await expect(editor).toBeFocused();
    await editor.press("Escape");
    await expect(cards(page)).toHaveCount(3);
    await ready("Apply");
    await page.mouse.dblclick(cell.x, cell.y);
    await expect(editor).toBeFocused();
    await editor.fill("Added in the cell");
    await editor.press("Enter");
    await expect(cards(page)).toHaveCount(4);
    await expectCell(page, "Added in the cell", "DWP/During");
    // Undo takes back the label, then the card.
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await expect(cards(page)).toHaveCount(3);
  },

  "Double-click a stage or lane header": async (page, _state, ready) => {
    await ready("Apply");
    await page.mouse.dblclick(...(await middle(page.locator(".stage-header", { hasText: "During" }))));
    const stageName = page.getByRole("textbox", { name: "Stage name" });
    await expect(stageName).toBeFocused();
    await expect(stageName).toHaveValue("During");
    await stageName.press("Escape");
    await expect(stageName).toHaveCount(0);
    await ready("Apply");
    await page.mouse.dblclick(...(await middle(page.locator(".lane-header", { hasText: "DWP" }))));
    const team = page.getByRole("textbox", { name: /^Team in the .* lane$/ });
    await expect(team).toBeFocused();
    await team.press("Escape");
    await expect(team).toHaveCount(0);
    await expect(cards(page)).toHaveCount(3);
  },

  N: async (page, _state, ready) => {
    await ready("Apply");
    await page.keyboard.press("n");
    const editor = page.getByRole("textbox", { name: "Step label" });
    await expect(editor).toBeFocused();
    await editor.fill("Added next");
    await editor.press("Enter");
    await expect(cards(page)).toHaveCount(4);
    // Next to the selected step: the same cell, straight after it.
    await expectCell(page, "Added next", "Citizen/Before");
    expect((await step(page, "Added next").boundingBox())!.x).toBeGreaterThan((await step(page, "Apply").boundingBox())!.x);
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Control+z");
    await expect(cards(page)).toHaveCount(3);
  },

  P: async (page, _state, ready) => {
    await ready("Apply");
    await page.keyboard.press("p");
    const bar = page.getByRole("region", { name: "Presentation" });
    await expect(bar).toBeVisible();
    await expect(page.getByRole("toolbar", { name: "Journey tools" })).toBeHidden();
    await page.keyboard.press("Escape");
    await expect(bar).toHaveCount(0);
  },

  "Arrow keys, Page Up / Page Down": async (page, _state, ready) => {
    await ready("Apply");
    await page.keyboard.press("p");
    const title = page.getByRole("region", { name: "Presentation" }).locator(".presentation-title");
    const first = await title.textContent();
    for (const [forward, back] of [
      ["ArrowRight", "ArrowLeft"],
      ["PageDown", "PageUp"],
    ] as const) {
      await page.keyboard.press(forward);
      await expect(title).not.toHaveText(first ?? "");
      await page.keyboard.press(back);
      await expect(title).toHaveText(first ?? "");
    }
    await page.keyboard.press("Escape");
  },

  "Escape (while presenting)": async (page, _state, ready) => {
    await ready("Apply");
    await page.keyboard.press("p");
    await expect(page.getByRole("region", { name: "Presentation" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("region", { name: "Presentation" })).toHaveCount(0);
    await expect(page.getByRole("toolbar", { name: "Journey tools" })).toBeVisible();
  },

  "Enter or F2": async (page, _state, ready) => {
    for (const key of ["Enter", "F2"]) {
      await ready("Wait");
      await page.keyboard.press(key);
      const editor = page.getByRole("textbox", { name: "Step label" });
      await expect(editor, key).toBeFocused();
      await expect(editor).toHaveValue("Wait");
      await editor.press("Escape");
      await expect(editor).toHaveCount(0);
    }
  },

  "Arrow keys": async (page, state, ready) => {
    await ready("Apply");
    for (const [key, label] of [
      ["ArrowRight", "Wait"],
      ["ArrowLeft", "Apply"],
      ["ArrowDown", "Check"],
      ["ArrowUp", "Apply"],
    ] as const) {
      await page.keyboard.press(key);
      await expectSelected(page, [label]);
      await expectDetailsOf(page, label);
      await state.expectFocus(page, label);
    }
    await expectCell(page, "Apply", "Citizen/Before");
  },

  "Shift + Arrow keys": async (page, state, ready) => {
    await ready("Apply");
    await page.keyboard.press("Shift+ArrowRight");
    await expectSelected(page, ["Apply", "Wait"]);
    await expect(details(page).getByRole("heading", { name: "Selection" })).toBeVisible();
    await state.expectFocus(page, "Wait");
    await page.keyboard.press("Shift+ArrowDown");
    await expectSelected(page, ["Apply", "Check", "Wait"]);
    // Extending the selection moves nothing.
    await expectCell(page, "Apply", "Citizen/Before");
    await expectCell(page, "Wait", "Citizen/During");
    await expectCell(page, "Check", "DWP/Before");
  },

  "Alt + Arrow keys": async (page, state, ready) => {
    await ready("Apply");
    for (const [key, cell] of [
      ["Alt+ArrowRight", "Citizen/During"],
      ["Alt+ArrowLeft", "Citizen/Before"],
      ["Alt+ArrowDown", "DWP/Before"],
      ["Alt+ArrowUp", "Citizen/Before"],
    ] as const) {
      await page.keyboard.press(key);
      await expectCell(page, "Apply", cell);
      await expectSelected(page, ["Apply"]);
      await state.expectFocus(page, "Apply");
    }
  },

  L: async (page, _state, ready) => {
    await ready("Apply");
    await page.keyboard.press("Shift+ArrowRight");
    await expectSelected(page, ["Apply", "Wait"]);
    await page.keyboard.press("l");
    await expect(flows(page)).toHaveCount(1);
    await page.keyboard.press("Control+z");
    await expect(flows(page)).toHaveCount(0);
  },

  "Shift + click, Shift + drag": async (page, _state, ready) => {
    await ready("Apply");
    await step(page, "Wait").click({ modifiers: ["Shift"] });
    await expectSelected(page, ["Apply", "Wait"]);
    await step(page, "Wait").click({ modifiers: ["Shift"] });
    await expectSelected(page, ["Apply"]);
    await ready("Apply");
    await boxSelect(page, "Check");
    await expectSelected(page, ["Check"]);
  },

  "Ctrl + A": async (page, _state, ready) => {
    await ready("Apply");
    await page.keyboard.press("Control+a");
    await expectSelected(page, ["Apply", "Check", "Wait"]);
  },

  "Delete or Backspace": async (page, _state, ready) => {
    for (const key of ["Delete", "Backspace"]) {
      await ready("Wait");
      await page.keyboard.press(key);
      await expect(cards(page), key).toHaveCount(2);
      await expect(step(page, "Wait")).toHaveCount(0);
      await page.keyboard.press("Control+z");
      await expect(cards(page)).toHaveCount(3);
    }
  },

  "Ctrl + C / Ctrl + V": async (page, _state, ready) => {
    await ready("Wait");
    await page.keyboard.press("Control+c");
    await page.keyboard.press("Control+v");
    await expect(step(page, "Wait")).toHaveCount(2);
    await page.keyboard.press("Control+z");
    await expect(step(page, "Wait")).toHaveCount(1);
  },

  "Ctrl + D": async (page, _state, ready) => {
    await ready("Wait");
    await page.keyboard.press("Control+d");
    await expect(step(page, "Wait")).toHaveCount(2);
    await page.keyboard.press("Control+z");
    await expect(step(page, "Wait")).toHaveCount(1);
  },

  "Ctrl + Z": async (page, _state, ready) => {
    await ready("Apply");
    await page.keyboard.press("Alt+ArrowRight");
    await expectCell(page, "Apply", "Citizen/During");
    await ready("Apply");
    await page.keyboard.press("Control+z");
    await expectCell(page, "Apply", "Citizen/Before");
  },

  "Ctrl + Shift + Z or Ctrl + Y": async (page, _state, ready) => {
    await ready("Apply");
    await page.keyboard.press("Alt+ArrowRight");
    await expectCell(page, "Apply", "Citizen/During");
    for (const redo of ["Control+Shift+z", "Control+y"]) {
      await ready("Apply");
      await page.keyboard.press("Control+z");
      await expectCell(page, "Apply", "Citizen/Before");
      await ready("Apply");
      await page.keyboard.press(redo);
      await expectCell(page, "Apply", "Citizen/During");
    }
    await page.keyboard.press("Control+z");
    await expectCell(page, "Apply", "Citizen/Before");
  },

  "Ctrl + F": async (page, _state, ready) => {
    await ready("Apply");
    await page.keyboard.press("Control+f");
    await expect(page.getByRole("combobox", { name: "Find a step" })).toBeFocused();
  },

  "+ / − / 0": async (page, state, ready) => {
    // Zooming in can take the card off screen, so the state is set up once; each key must
    // leave the focus where it was.
    await ready("Apply");
    await page.keyboard.press("0");
    await viewSettles(page);
    const fitted = await scale(page);
    for (const [key, zoomed] of [
      ["Shift+Equal", (s: number) => s > fitted * 1.1],
      ["0", (s: number) => Math.abs(s - fitted) < 0.005],
      ["Minus", (s: number) => s < fitted / 1.1],
      ["0", (s: number) => Math.abs(s - fitted) < 0.005],
    ] as const) {
      await page.keyboard.press(key);
      await expect.poll(async () => zoomed(await scale(page)), { message: key }).toBe(true);
      await viewSettles(page);
      await state.expectFocus(page, "Apply");
    }
  },

  O: async (page, _state, ready) => {
    await ready("Apply");
    await page.keyboard.press("o");
    await expect(page.getByRole("region", { name: /Untitled journey/ })).toBeVisible();
    await expect(page.getByTestId("canvas")).toHaveCount(0);
    await page.keyboard.press("o");
    await expect(cards(page)).toHaveCount(3);
    await fitAll(page);
  },

  Escape: async (page, _state, ready) => {
    await ready("Apply");
    await page.keyboard.press("Escape");
    await expectSelected(page, []);
    await page.getByRole("button", { name: "Shortcuts" }).click();
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  },

  "?": async (page, state, ready) => {
    await ready("Apply");
    await page.keyboard.press("Shift+Slash");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await state.expectFocus(page, "Apply");
  },
};

/** The rows of the help overlay, as the app shows them. */
async function helpRows(page: Page): Promise<string[]> {
  await page.getByRole("button", { name: "Shortcuts" }).click();
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  const keys = await help.locator("tbody tr td:first-child").allTextContents();
  await help.getByRole("button", { name: "Close" }).click();
  await expect(help).toHaveCount(0);
  return keys;
}

for (const state of FOCUS_STATES) {
  test(`every shortcut in the help works with ${state.name}`, async ({ page, problems }) => {
    test.setTimeout(180_000);
    await threeSteps(page);
    const rows = await helpRows(page);
    expect(rows.length).toBeGreaterThan(10);
    // The help and these checks name the same shortcuts: neither can change without the other.
    expect([...rows].sort()).toEqual(Object.keys(CHECKS).sort());
    const ready = async (label: string) => {
      await state.ready(page, label);
      await expectSelected(page, [label]);
      await expectDetailsOf(page, label);
    };
    for (const keys of rows) {
      await test.step(keys, () => CHECKS[keys]!(page, state, ready));
    }
    await expect(cards(page)).toHaveCount(3);
    expect(problems).toEqual([]);
  });
}

test("Tab to a card selects it, so N adds next to it rather than next to an older selection", async ({ page, problems }) => {
  await threeSteps(page);
  await step(page, "Wait").click();
  await expectSelected(page, ["Wait"]);
  // Back one card with Shift + Tab: Apply, before Wait.
  await page.keyboard.press("Shift+Tab");
  await expect(step(page, "Apply")).toBeFocused();
  await expectSelected(page, ["Apply"]);
  await expectDetailsOf(page, "Apply");
  await page.keyboard.press("n");
  const editor = page.getByRole("textbox", { name: "Step label" });
  await expect(editor).toBeFocused();
  await editor.fill("Added by keyboard");
  await editor.press("Enter");
  await expectCell(page, "Added by keyboard", "Citizen/Before");
  // The focus goes back to the card after the label is typed, so the keyboard carries on
  // from there.
  await expect(step(page, "Added by keyboard")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expectSelected(page, ["Apply"]);
  await expect(step(page, "Apply")).toBeFocused();
  expect(problems).toEqual([]);
});

test("select two steps and connect them with the keyboard alone", async ({ page, problems }) => {
  await threeSteps(page);
  await tabTo(page, page.getByRole("button", { name: "Outline", exact: true }));
  // From the toolbar, Tab reaches the canvas, then its first card.
  await tabTo(page, canvas(page));
  await page.keyboard.press("Tab");
  await expect(step(page, "Apply")).toBeFocused();
  await page.keyboard.press("Shift+ArrowDown");
  await expectSelected(page, ["Apply", "Check"]);
  await page.keyboard.press("l");
  await expect(flows(page)).toHaveCount(1);
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  await expect(page.getByText(/Leads to: Check/)).toBeVisible();
  expect(problems).toEqual([]);
});
