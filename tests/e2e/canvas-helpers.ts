/** Canvas gestures as a person makes them (mouse, keyboard), and where things are on screen. */
import type { Locator, Page } from "@playwright/test";
import { expect, openLibrary } from "./fixtures";

/** The middle of the empty part of a lane × stage cell, found from the sticky headers. */
export async function cellPoint(page: Page, lane: string, stage: string, offsetX = 24) {
  const laneBox = await page.locator(".lane-header", { hasText: lane }).first().boundingBox();
  const stageBox = await page.locator(".stage-header", { hasText: stage }).first().boundingBox();
  if (!laneBox || !stageBox) throw new Error(`no cell ${lane} × ${stage}`);
  return { x: stageBox.x + stageBox.width - offsetX, y: laneBox.y + laneBox.height / 2 };
}

/** Waits until the canvas stops moving (a zoom or pan animation has finished). */
export async function viewSettles(page: Page) {
  const transform = () => page.locator(".react-flow__viewport").evaluate((el) => getComputedStyle(el).transform);
  let last = "";
  await expect.poll(async () => {
    const now = await transform();
    const settled = now === last;
    last = now;
    return settled;
  }, { intervals: [100] }).toBe(true);
}

/** Fits the whole journey in view and waits for the zoom animation to finish. */
export async function fitAll(page: Page) {
  await page.getByRole("button", { name: "Fit the whole journey" }).click();
  await viewSettles(page);
}

export async function addStepByDoubleClick(page: Page, lane: string, stage: string, label: string) {
  let point = await cellPoint(page, lane, stage);
  const canvas = (await page.getByTestId("canvas").boundingBox())!;
  if (point.x > canvas.x + canvas.width - 20 || point.y > canvas.y + canvas.height - 20) {
    // Off screen: fit the whole journey in view first, as a person would.
    await fitAll(page);
    point = await cellPoint(page, lane, stage);
  }
  await page.mouse.dblclick(point.x, point.y);
  const editor = page.getByRole("textbox", { name: "Step label" });
  await expect(editor).toBeFocused();
  await editor.fill(label);
  await editor.press("Enter");
  await expect(step(page, label)).toBeVisible();
}

/** The card of the step with this label. */
export function step(page: Page, label: string): Locator {
  return page.locator(".react-flow__node-step", { has: page.locator(".step-label", { hasText: label }) });
}

/** Presses the mouse at `from`, moves to `to` in small steps and lets go. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
  }
  await page.mouse.up();
}

export async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not on screen");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export async function middle(locator: Locator): Promise<[number, number]> {
  const { x, y } = await centre(locator);
  return [x, y];
}

export async function addLane(page: Page, organisation: string, layer: string) {
  await page.getByLabel("Organisation", { exact: true }).selectOption({ label: organisation });
  await page.getByLabel("Layer", { exact: true }).selectOption({ label: layer });
  await page.getByRole("button", { name: "Add lane", exact: true }).click();
}

export async function laneOf(page: Page, label: string): Promise<string> {
  return (await step(page, label).locator(".step-owner-name").textContent()) ?? "";
}

/** Presses Tab until `target` has focus, as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, limit = 150) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with Tab");
}

/**
 * A new journey with a DWP lane and three steps, fitted in view:
 *
 *              Before   During   After
 * Citizen      Apply    Wait
 * DWP front    Check    (empty)
 */
export async function threeSteps(page: Page) {
  await openLibrary(page);
  await page.getByRole("button", { name: "New journey" }).click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  await page.getByRole("tab", { name: "Lanes & stages" }).click();
  await addLane(page, "Department for Work and Pensions", "Frontstage");
  await expect(page.locator(".lane-header")).toHaveCount(2);
  await addStepByDoubleClick(page, "Citizen", "Before", "Apply");
  await addStepByDoubleClick(page, "Citizen", "During", "Wait");
  await addStepByDoubleClick(page, "DWP", "Before", "Check");
  await fitAll(page);
}

export const cards = (page: Page) => page.locator(".react-flow__node-step");
export const flows = (page: Page) => page.locator(".react-flow__edge");
export const canvas = (page: Page) => page.getByRole("application", { name: "Blueprint canvas" });
export const details = (page: Page) => page.getByRole("tabpanel", { name: "Details" });

export async function selectedLabels(page: Page) {
  return (await page.locator(".react-flow__node-step.selected .step-label").allTextContents()).sort();
}

export async function expectSelected(page: Page, labels: string[]) {
  await expect.poll(() => selectedLabels(page)).toEqual([...labels].sort());
}

/** The selected step's details are on show in the side panel. */
export async function expectDetailsOf(page: Page, label: string) {
  await expect(page.getByRole("tab", { name: "Details" })).toHaveAttribute("aria-selected", "true");
  await expect(details(page).getByRole("heading", { name: "Step", exact: true })).toBeVisible();
  await expect(details(page).getByRole("textbox", { name: "Label", exact: true })).toHaveValue(label);
}

/** "Lane/Stage" of the cell a card is drawn in, read from the headers around it. */
export async function cellOf(page: Page, label: string): Promise<string> {
  const card = await step(page, label).boundingBox();
  if (!card) return "not on screen";
  const x = card.x + card.width / 2;
  const y = card.y + card.height / 2;
  const within = async (headers: Locator, name: string, axis: "x" | "y") => {
    for (const header of await headers.all()) {
      const box = await header.boundingBox();
      const [start, length] = axis === "x" ? [box?.x, box?.width] : [box?.y, box?.height];
      if (start !== undefined && length !== undefined && (axis === "x" ? x : y) >= start && (axis === "x" ? x : y) < start + length) {
        return (await header.locator(name).textContent()) ?? "";
      }
    }
    return "none";
  };
  return `${await within(page.locator(".lane-header"), ".lane-actor", "y")}/${await within(page.locator(".stage-header"), ".stage-name", "x")}`;
}

export async function expectCell(page: Page, label: string, cell: string) {
  await expect.poll(() => cellOf(page, label)).toBe(cell);
}

export async function scale(page: Page): Promise<number> {
  const transform = await page.locator(".react-flow__viewport").evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
}

/** A point on the empty canvas, below the lanes. */
export async function emptyCanvasPoint(page: Page) {
  const stage = await page.locator(".stage-header", { hasText: "During" }).boundingBox();
  const lanes = await page.locator(".lane-header").last().boundingBox();
  if (!stage || !lanes) throw new Error("no blueprint on screen");
  return { x: stage.x + stage.width / 2, y: lanes.y + lanes.height + 90 };
}

/** Shift + drag a box around one card, starting on the empty canvas just outside it. */
export async function boxSelect(page: Page, label: string) {
  const box = await step(page, label).boundingBox();
  if (!box) throw new Error(`${label} is not on screen`);
  await page.keyboard.down("Shift");
  await page.mouse.move(box.x - 6, box.y - 6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width + 6, box.y + box.height + 6, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
}
