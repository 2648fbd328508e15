/** Connecting and selecting cards with the mouse, as in a workshop on a projector. */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  cards,
  details,
  emptyCanvasPoint,
  expectCell,
  expectDetailsOf,
  expectSelected,
  flows,
  step,
  tabTo,
  threeSteps,
} from "./canvas-helpers";

/** Whether a card shows the "a flow dropped here connects" highlight. */
async function litAsTarget(card: Locator): Promise<boolean> {
  return card.locator(".step-card").evaluate((el) => {
    const style = getComputedStyle(el);
    return style.outlineStyle === "solid" && style.outlineWidth === "4px" && style.outlineColor === "rgb(29, 112, 184)";
  });
}

/** Presses on a card's connection dot and moves (in small steps) to `to`, keeping the button down. */
async function startFlow(page: Page, from: Locator, to: { x: number; y: number }) {
  const dot = await from.locator(".react-flow__handle.source.react-flow__handle-right").boundingBox();
  if (!dot) throw new Error("no connection dot on screen");
  const start = { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await moveTo(page, start, to);
}

async function moveTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const steps = 10;
  for (let i = 1; i <= steps; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
}

/** A point on a card, as a share of its width and height from its top left corner. */
async function pointOn(card: Locator, across: number, down: number) {
  const box = await card.boundingBox();
  if (!box) throw new Error("card not on screen");
  return { x: box.x + box.width * across, y: box.y + box.height * down };
}

test("a flow dropped anywhere on another card connects to it, and the card lights up first", async ({ page, problems }) => {
  await threeSteps(page);
  const apply = step(page, "Apply");
  const wait = step(page, "Wait");
  const check = step(page, "Check");

  // Over the top right of Wait's card, far from its connection dot: it lights up.
  const overWait = await pointOn(wait, 0.8, 0.25);
  await startFlow(page, apply, overWait);
  await expect.poll(() => litAsTarget(wait)).toBe(true);
  expect(await litAsTarget(apply)).toBe(false);
  await page.screenshot({ path: "test-results/connect-target-highlight.png" });
  // Back over the card the flow starts from: nothing lights up, and letting go there adds nothing.
  const overApply = await pointOn(apply, 0.5, 0.5);
  await moveTo(page, overWait, overApply);
  await expect.poll(() => litAsTarget(wait)).toBe(false);
  expect(await litAsTarget(apply)).toBe(false);
  // Onto the bottom left of Wait and let go: connected.
  const lowOnWait = await pointOn(wait, 0.3, 0.85);
  await moveTo(page, overApply, lowOnWait);
  await expect.poll(() => litAsTarget(wait)).toBe(true);
  await page.mouse.up();
  await expect(flows(page)).toHaveCount(1);
  await expect.poll(() => litAsTarget(wait)).toBe(false);

  // The flow runs from Apply to Wait.
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Apply" }).getByText(/Leads to: Wait/)).toBeVisible();
  await page.getByRole("button", { name: "Canvas", exact: true }).click();
  await expect(cards(page)).toHaveCount(3);

  // A second flow the same way is refused: Wait does not light up and nothing is added.
  const again = await pointOn(wait, 0.5, 0.5);
  await startFlow(page, apply, again);
  await page.mouse.move(again.x + 2, again.y + 2);
  expect(await litAsTarget(wait)).toBe(false);
  await page.mouse.up();
  await expect(flows(page)).toHaveCount(1);

  // Dropped on the empty canvas: nothing.
  await startFlow(page, wait, await emptyCanvasPoint(page));
  await page.mouse.up();
  await expect(flows(page)).toHaveCount(1);

  // From Wait down onto the middle of Check, in the next lane.
  await startFlow(page, wait, await pointOn(check, 0.5, 0.5));
  await expect.poll(() => litAsTarget(check)).toBe(true);
  await page.mouse.up();
  await expect(flows(page)).toHaveCount(2);

  // Cards still take clicks and drags as before: the drop area only catches a flow being drawn.
  await wait.click();
  await expectSelected(page, ["Wait"]);
  await expectCell(page, "Wait", "Citizen/During");
  expect(problems).toEqual([]);
});

test("a click on one card of a selection selects that card alone and shows its details", async ({ page, problems }) => {
  await threeSteps(page);
  const tab = (name: string) => page.getByRole("tab", { name });

  // From a bigger selection (Ctrl + A), with another side panel tab open.
  await tab("Insights").click();
  await page.keyboard.press("Control+a");
  await expectSelected(page, ["Apply", "Check", "Wait"]);
  await step(page, "Wait").click();
  await expectSelected(page, ["Wait"]);
  await expectDetailsOf(page, "Wait");
  await page.screenshot({ path: "test-results/details-after-click.png" });

  // Shift + click still adds and takes away, and the side panel follows.
  await tab("Lanes & stages").click();
  await step(page, "Apply").click({ modifiers: ["Shift"] });
  await expectSelected(page, ["Apply", "Wait"]);
  await expect(tab("Details")).toHaveAttribute("aria-selected", "true");
  await expect(details(page).getByRole("heading", { name: "Selection" })).toBeVisible();
  await step(page, "Apply").click({ modifiers: ["Shift"] });
  await expectSelected(page, ["Wait"]);
  await expectDetailsOf(page, "Wait");

  // Dragging a selection moves it whole and keeps it selected.
  await step(page, "Apply").click({ modifiers: ["Shift"] });
  await expectSelected(page, ["Apply", "Wait"]);
  const box = (await step(page, "Apply").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 8, box.y + box.height / 2 + 4, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + 12, box.y + box.height / 2 + 6, { steps: 4 });
  await page.mouse.up();
  await expectSelected(page, ["Apply", "Wait"]);
  await expectCell(page, "Apply", "Citizen/Before");

  // A box drawn with Shift selects the cards in it; a click on one of them selects it alone.
  const apply = (await step(page, "Apply").boundingBox())!;
  const check = (await step(page, "Check").boundingBox())!;
  await page.keyboard.down("Shift");
  await page.mouse.move(apply.x - 6, apply.y - 6);
  await page.mouse.down();
  await page.mouse.move(check.x + check.width / 2, check.y + check.height / 2, { steps: 4 });
  await page.mouse.move(check.x + check.width + 6, check.y + check.height + 6, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expectSelected(page, ["Apply", "Check"]);
  await step(page, "Check").click();
  await expectSelected(page, ["Check"]);
  await expectDetailsOf(page, "Check");

  // The arrow keys and Tab bring the Details tab back too.
  await tab("Versions").click();
  await page.keyboard.press("ArrowUp");
  await expectSelected(page, ["Apply"]);
  await expectDetailsOf(page, "Apply");
  await tab("Insights").click();
  const empty = await emptyCanvasPoint(page);
  await page.mouse.click(empty.x, empty.y);
  await expectSelected(page, []);
  await expect(tab("Insights")).toHaveAttribute("aria-selected", "true");
  await tabTo(page, step(page, "Wait"), 10);
  await expectSelected(page, ["Wait"]);
  await expectDetailsOf(page, "Wait");
  expect(problems).toEqual([]);
});
