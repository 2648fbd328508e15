/**
 * The canvas in a real workshop (issue 14), in Chromium at a projector's 1280 × 720, used the
 * way a person would: clicks, keys and double-clicks. Collapsible panels remembered across a
 * reload; a journey opening at a readable size; presenting full screen (and without the
 * Fullscreen API) with labels at least 18 px; data items entered by another name; the first
 * ask of repeated information; and the small things people hit.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { SAMPLE_JOURNEYS } from "../../src/domain/samples";
import { serializeJourney } from "../../src/format/envelope";
import { cellPoint, viewSettles } from "./canvas-helpers";
import { expect, openJourney, openLibrary, test } from "./fixtures";

const BEREAVEMENT = "After a death: register, Tell Us Once, and what is left";
const SHOTS = process.env.SEAMS_SHOTS ?? "test-results";

test.use({ viewport: { width: 1280, height: 720 } });

/** How tall card labels are drawn on screen: their CSS font size times the canvas zoom. */
async function labelSizes(page: Page): Promise<number[]> {
  return page.locator(".react-flow__node-step .step-label").evaluateAll((labels) =>
    labels.map((el) => {
      const viewport = el.closest(".react-flow__viewport") as HTMLElement;
      const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
      return parseFloat(getComputedStyle(el).fontSize) * zoom;
    }),
  );
}

/** Waits until the canvas stops moving (a zoom or pan animation has finished). */
/** Whether a locator's box lies inside another's (both on screen). */
async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) return false;
  return a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
}

const card = (page: Page, label: string) =>
  page.locator(".react-flow__node-step", { has: page.locator(".step-label", { hasText: label }) });

async function newJourney(page: Page) {
  await openLibrary(page);
  await page.getByRole("button", { name: "New journey" }).click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  await viewSettles(page);
}


test("the side panels collapse to give the canvas the room, and stay so after a reload", async ({ page, problems }) => {
  await openLibrary(page);
  await openJourney(page, BEREAVEMENT);
  const canvas = page.getByTestId("canvas");
  const before = (await canvas.boundingBox())!.width;
  expect(before).toBeLessThan(750);

  await page.getByRole("button", { name: "Hide touchpoints" }).click();
  await page.getByRole("button", { name: "Hide the side panel" }).click();
  await expect(page.getByRole("navigation", { name: "Add a touchpoint" })).toHaveCount(0);
  await expect(page.getByRole("complementary", { name: "Details" })).toHaveCount(0);
  expect((await canvas.boundingBox())!.width).toBeGreaterThan(1180);
  await page.screenshot({ path: `${SHOTS}/workshop-panels-collapsed-1280.png` });

  await expect(page.getByTestId("save-status")).toHaveText("All changes saved on this computer");
  await page.reload();
  await expect(page.locator(".react-flow__node-step").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Show touchpoints" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Show details" })).toBeVisible();
  expect((await canvas.boundingBox())!.width).toBeGreaterThan(1180);

  await page.getByRole("button", { name: "Show details" }).click();
  await expect(page.getByRole("tab", { name: "Insights" })).toBeVisible();
  await page.getByRole("button", { name: "Show touchpoints" }).click();
  await expect(page.getByRole("button", { name: "GOV.UK online form" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("a journey opens at a readable size: a large one on its first stages, a small one whole", async ({ page, problems }) => {
  await openLibrary(page);
  await openJourney(page, BEREAVEMENT);
  await viewSettles(page);
  const sizes = await labelSizes(page);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  // Too large to fit at that size: it opens on its first stage, at the left of the canvas.
  const canvas = page.getByTestId("canvas");
  const first = page.locator(".stage-header", { hasText: "Certify the death" });
  expect(await inside(first, canvas)).toBe(true);
  expect((await first.boundingBox())!.x - (await canvas.boundingBox())!.x).toBeLessThan(200);

  // With the panels collapsed, a blank journey's three stages fit whole.
  await page.getByRole("button", { name: "Hide touchpoints" }).click();
  await page.getByRole("button", { name: "Hide the side panel" }).click();
  await page.getByRole("link", { name: "Seams", exact: true }).click();
  await page.getByRole("button", { name: "New journey" }).click();
  await expect(page.getByRole("button", { name: "Show details" })).toBeVisible();
  await viewSettles(page);
  for (const stage of ["Before", "During", "After"]) {
    expect(await inside(page.locator(".stage-header", { hasText: stage }), canvas), stage).toBe(true);
  }
  expect(problems).toEqual([]);
});

test("present full screen: panels hidden, stages and findings stepped through by key and button, labels 18 px, Escape leaves", async ({ page, problems }) => {
  await openLibrary(page);
  await openJourney(page, BEREAVEMENT);
  await viewSettles(page);
  const editingView = await page.locator(".react-flow__viewport").evaluate((el) => getComputedStyle(el).transform);

  await page.getByRole("button", { name: "Present", exact: true }).click();
  const bar = page.getByRole("region", { name: "Presentation" });
  await expect(bar).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await expect(page.getByRole("toolbar", { name: "Journey tools" })).toBeHidden();
  await expect(page.getByRole("complementary", { name: "Details" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Add a touchpoint" })).toHaveCount(0);
  await expect(page.locator(".app-bar")).toBeHidden();
  const canvas = page.getByTestId("canvas");
  expect(await canvas.boundingBox()).toMatchObject({ x: 0, y: 0, width: 1280, height: 720 });

  const title = bar.locator(".presentation-title");
  await expect(title).toHaveText(/^Stage 1 of 5: Certify the death/);
  await viewSettles(page);
  const sizes = await labelSizes(page);
  expect(sizes.length).toBeGreaterThan(0);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
  await page.screenshot({ path: `${SHOTS}/workshop-present-stage-1280.png` });

  // Keys and buttons move through the stages, part by part.
  const seen = [await title.textContent()];
  for (const key of ["ArrowRight", "PageDown", "ArrowDown"]) {
    await page.keyboard.press(key);
    await expect(title).not.toHaveText(seen[seen.length - 1]!);
    seen.push(await title.textContent());
  }
  await page.keyboard.press("PageUp");
  await expect(title).toHaveText(seen[2]!);
  await page.keyboard.press("ArrowLeft");
  await expect(title).toHaveText(seen[1]!);
  await bar.getByRole("button", { name: "Next" }).click();
  await expect(title).toHaveText(seen[2]!);
  await page.keyboard.press("End");
  await expect(title).toHaveText(/^Stage 5 of 5/);
  await expect(bar.getByRole("button", { name: "Next" })).toBeDisabled();
  const last = (await title.textContent())!;
  await bar.getByRole("button", { name: "Previous" }).click();
  await expect(title).not.toHaveText(last);
  await page.keyboard.press("Home");
  await expect(title).toHaveText(seen[0]!);

  // Findings: the costliest handoffs first, their steps selected and on screen, labels still 18 px.
  await bar.getByRole("button", { name: "Findings" }).click();
  await expect(title).toHaveText(/^Finding 1 of \d+: citizen-carried handoff/);
  await viewSettles(page);
  const selected = page.locator(".react-flow__node-step .step-card.is-selected");
  expect(await selected.count()).toBeGreaterThan(0);
  for (const box of await selected.all()) expect(await inside(box, canvas)).toBe(true);
  expect(Math.min(...(await labelSizes(page)))).toBeGreaterThanOrEqual(18);
  await page.screenshot({ path: `${SHOTS}/workshop-present-finding-1280.png` });
  await page.keyboard.press("ArrowRight");
  await expect(title).toHaveText(/^Finding (1|2) of \d+/);

  // Escape leaves: full screen ends, the panels are back, the view is as it was.
  await page.keyboard.press("Escape");
  await expect(bar).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  await expect(page.getByRole("toolbar", { name: "Journey tools" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Insights" })).toBeVisible();
  await viewSettles(page);
  expect(await page.locator(".react-flow__viewport").evaluate((el) => getComputedStyle(el).transform)).toBe(editingView);
  await expect(page.locator(".step-card.is-selected")).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("without the Fullscreen API the presentation fills the window, started with P and left with Escape", async ({ page, problems }) => {
  // A browser (or a locked-down kiosk) with no Fullscreen API.
  await page.addInitScript(() => {
    delete (Element.prototype as Partial<Element>).requestFullscreen;
  });
  await openLibrary(page);
  await openJourney(page, BEREAVEMENT);
  await page.getByTestId("canvas").click({ position: { x: 600, y: 400 } });
  await page.keyboard.press("p");
  const bar = page.getByRole("region", { name: "Presentation" });
  await expect(bar).toBeVisible();
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  expect(await page.getByTestId("canvas").boundingBox()).toMatchObject({ x: 0, y: 0, width: 1280, height: 720 });
  await viewSettles(page);
  expect(Math.min(...(await labelSizes(page)))).toBeGreaterThanOrEqual(18);
  await page.keyboard.press("Escape");
  await expect(bar).toHaveCount(0);
  await expect(page.getByRole("toolbar", { name: "Journey tools" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("a data item typed by another name is added as the item; the first ask is marked apart from the repeats", async ({ page, problems }) => {
  await newJourney(page);
  for (const [stage, label] of [["Before", "Apply online"], ["During", "Call the helpline"]] as const) {
    await page.mouse.dblclick(...Object.values(await cellPoint(page, "Citizen", stage)) as [number, number]);
    const editor = page.getByRole("textbox", { name: "Step label" });
    await editor.fill(label);
    await editor.press("Enter");
    await expect(card(page, label)).toBeVisible();
  }
  const dataItems = page.getByRole("combobox", { name: "Data items" });
  // Selected, the second card is in the Details panel: the person types "NINO" and presses Enter.
  await dataItems.fill("NINO");
  await expect(page.getByRole("option", { name: /^National Insurance number/ })).toHaveAttribute("aria-selected", "true");
  await dataItems.press("Enter");
  await expect(page.getByRole("button", { name: "Remove data item National Insurance number" })).toBeVisible();
  // Their own wording, when they want it, from the end of the list.
  await dataItems.fill("dob");
  await dataItems.press("ArrowDown");
  await expect(page.getByRole("option", { name: "Keep “dob” as typed" })).toHaveAttribute("aria-selected", "true");
  await dataItems.press("Enter");
  await expect(page.getByRole("button", { name: "Remove data item dob" })).toBeVisible();

  await card(page, "Apply online").click();
  await dataItems.fill("NI no.");
  await dataItems.press("Enter");
  await expect(page.getByRole("button", { name: "Remove data item National Insurance number" })).toBeVisible();

  // The later step asks again; the first one is where it was first asked.
  const again = card(page, "Call the helpline").locator(".mark-repeated");
  await expect(again).toHaveText("↻ 1 again");
  await expect(card(page, "Apply online").locator(".mark-repeated")).toHaveCount(0);
  const first = card(page, "Apply online").locator(".mark-first-ask");
  await expect(first).toHaveText("1st +1");
  await expect(first).toHaveAttribute("title", "Asked first here, 1 more time: National Insurance number");

  // The outline shows the one name too.
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  const outline = page.locator(".outline-step dd", { hasText: "National Insurance number" });
  await expect(outline).toHaveCount(2);
  await expect(page.getByText("NINO", { exact: true })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("Escape on a card just added and still blank removes it, with nothing left to undo", async ({ page, problems }) => {
  await newJourney(page);
  const hint = page.getByRole("note").filter({ hasText: "Double-click here" });
  await expect(hint).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/workshop-blank-hint-1280.png` });
  const undo = page.getByRole("button", { name: "Undo" });
  await expect(undo).toBeDisabled();

  // Double-clicking the hint adds the first step there; Escape takes it back.
  const spot = (await hint.boundingBox())!;
  await page.mouse.dblclick(spot.x + spot.width / 2, spot.y + spot.height / 2);
  const editor = page.getByRole("textbox", { name: "Step label" });
  await expect(editor).toBeFocused();
  await editor.press("Escape");
  await expect(page.locator(".react-flow__node-step")).toHaveCount(0);
  await expect(undo).toBeDisabled();
  await expect(hint).toBeVisible();

  // N adds one too; a label typed and kept stays, and the hint goes.
  await page.getByTestId("canvas").click({ position: { x: 300, y: 300 } });
  await page.keyboard.press("n");
  await expect(editor).toBeFocused();
  await editor.fill("Register the birth");
  await editor.press("Enter");
  await expect(card(page, "Register the birth")).toBeVisible();
  await expect(hint).toHaveCount(0);
  // The canvas brings the kept card fully into view; a person double-clicks it once it is still.
  await viewSettles(page);
  // Escape while renaming a step that is already there keeps it.
  await card(page, "Register the birth").dblclick();
  await expect(editor).toBeFocused();
  await editor.press("Escape");
  await expect(card(page, "Register the birth")).toBeVisible();
  await page.keyboard.press("n");
  await expect(editor).toBeFocused();
  await editor.press("Escape");
  await expect(page.locator(".react-flow__node-step")).toHaveCount(1);
  // Undo goes back through the kept step's label and then the step, never a blank one.
  await undo.click();
  await expect(card(page, "New step")).toHaveCount(1);
  await expect(page.locator(".react-flow__node-step")).toHaveCount(1);
  await undo.click();
  await expect(page.locator(".react-flow__node-step")).toHaveCount(0);
  await expect(undo).toBeDisabled();
  expect(problems).toEqual([]);
});

test("a touchpoint clicked with a DWP step selected lands in DWP's lane, in that step's stage", async ({ page, problems }) => {
  await openLibrary(page);
  await openJourney(page, BEREAVEMENT);
  await page.getByRole("combobox", { name: "Find a step" }).fill("Answer the Tell Us Once");
  await page.keyboard.press("Enter");
  await expect(page.locator(".step-card.is-selected")).toHaveCount(1);
  await viewSettles(page);
  await page.getByRole("button", { name: "GOV.UK online form" }).click();
  const editor = page.getByRole("textbox", { name: "Step label" });
  await expect(editor).toBeFocused();
  await editor.press("Enter");
  const added = card(page, "Fill in the online form");
  await expect(added).toBeVisible();
  await expect(added.locator(".step-owner-name")).toHaveText("DWP");
  // In the Tell Us Once stage's column, beside the selected step.
  const stage = (await page.locator(".stage-header", { hasText: "Tell Us Once" }).boundingBox())!;
  const box = (await added.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(stage.x);
  expect(box.x + box.width).toBeLessThanOrEqual(stage.x + stage.width);
  expect(problems).toEqual([]);
});

test("a stage added from Lanes & stages is brought into view", async ({ page, problems }) => {
  await openLibrary(page);
  await openJourney(page, BEREAVEMENT);
  await page.getByRole("tab", { name: "Lanes & stages" }).click();
  const header = page.locator(".stage-header", { hasText: "Close the estate" });
  await page.getByLabel("New stage name").fill("Close the estate");
  await page.getByRole("button", { name: "Add stage" }).click();
  await expect(header).toHaveCount(1);
  await viewSettles(page);
  expect(await inside(header, page.getByTestId("canvas"))).toBe(true);
  expect(problems).toEqual([]);
});

test("the shortcuts dialog opens at its top", async ({ page, problems }) => {
  await openLibrary(page);
  await openJourney(page, BEREAVEMENT);
  await page.getByRole("button", { name: "Shortcuts" }).click();
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeFocused();
  const scroll = await dialog.evaluate((el) => ({ top: el.scrollTop, room: el.scrollHeight - el.clientHeight }));
  // The list is longer than the dialog at 720 px high, so it could have opened scrolled.
  expect(scroll.room).toBeGreaterThan(0);
  expect(scroll.top).toBe(0);
  expect(await inside(page.getByRole("heading", { name: "Keyboard shortcuts" }), dialog)).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("opening a file says the journey or its copy is open now, instead of offering to open it", async ({ page, problems }) => {
  const journey = { ...SAMPLE_JOURNEYS[0]!.build(), id: "journey_workshop_import", title: "Imported for the workshop" };
  const file = { name: "workshop.seams.json", mimeType: "application/json", buffer: Buffer.from(serializeJourney(journey)) };
  const openFile = async () => {
    const choosing = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Open a file" }).click();
    await (await choosing).setFiles(file);
  };
  await openLibrary(page);
  await openFile();
  const outcome = page.locator(".file-outcome");
  await expect(page.getByLabel("Journey title")).toHaveValue("Imported for the workshop");
  await expect(outcome).toContainText("Added “Imported for the workshop” from workshop.seams.json. It is open now.");
  await expect(outcome.getByRole("button", { name: "Open it" })).toHaveCount(0);
  await outcome.getByRole("button", { name: "Dismiss" }).click();

  await expect(page.getByTestId("save-status")).toHaveText("All changes saved on this computer");
  await page.getByRole("link", { name: "Seams", exact: true }).click();
  await openFile();
  await page.getByRole("button", { name: "Keep as a separate copy" }).click();
  await expect(page.getByLabel("Journey title")).toHaveValue("Imported for the workshop (copy)");
  await expect(outcome).toContainText("as a separate copy from workshop.seams.json. The copy is open now.");
  await expect(outcome.getByRole("button", { name: "Open it" })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("collapsed panels, presenting and a blank journey have no serious accessibility violations", async ({ page, problems }) => {
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  await newJourney(page);
  await expect(page.getByRole("note").filter({ hasText: "Double-click here" })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.getByRole("link", { name: "Seams", exact: true }).click();
  await openJourney(page, BEREAVEMENT);
  await page.getByRole("button", { name: "Hide touchpoints" }).click();
  await page.getByRole("button", { name: "Hide the side panel" }).click();
  expect(await serious()).toEqual([]);
  await page.getByRole("button", { name: "Present", exact: true }).click();
  await expect(page.getByRole("region", { name: "Presentation" })).toBeVisible();
  await viewSettles(page);
  expect(await serious()).toEqual([]);
  await page.getByRole("button", { name: "Findings" }).click();
  await viewSettles(page);
  expect(await serious()).toEqual([]);
  expect(problems).toEqual([]);
});
