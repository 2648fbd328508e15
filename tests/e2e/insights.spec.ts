/**
 * The analysis in the browser: the insights panel against the bereavement sample's hand-worked
 * answer, findings focused on the canvas, the overlay switches, duplicate decisions kept over a
 * reload, and two journeys compared.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { analyseJourney } from "../../src/domain/analysis";
import { compareJourneys } from "../../src/domain/analysis/compare";
import { SAMPLE_JOURNEYS } from "../../src/domain/samples";
import { BEREAVEMENT_HANDOFFS, BEREAVEMENT_REPEATED_ITEMS, BEREAVEMENT_SAMPLE_KEY } from "../../src/domain/samples/bereavement.answer";
import { serializeJourney } from "../../src/format/envelope";
import { generateJourney } from "../helpers/generate-journey";
import { expect, openJourney, openLibrary, test } from "./fixtures";

const sample = SAMPLE_JOURNEYS.find((s) => s.key === BEREAVEMENT_SAMPLE_KEY)!;
const journey = sample.build();
const label = (id: string) => journey.steps.find((s) => s.id === id)!.label;
const SAVED = "All changes saved on this computer";
const SHOTS = process.env.SEAMS_SHOTS;

async function openInsights(page: Page) {
  await openLibrary(page);
  await openJourney(page, journey.title);
  await page.getByRole("tab", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { name: "Insights" })).toBeVisible();
}

/** The value cell of a scorecard row. */
const scorecardValue = (page: Page, measure: string) =>
  page.getByRole("table", { name: "Scorecard" }).getByRole("row", { name: new RegExp(`^${measure} `) }).getByRole("cell");

test("the insights panel counts the bereavement sample's seams as worked out by hand", async ({ page }) => {
  await openInsights(page);
  const count = (kind: string) => String(BEREAVEMENT_HANDOFFS.filter((h) => h.kind === kind).length);
  await expect(scorecardValue(page, "Direct handoffs")).toHaveText(count("direct"));
  await expect(scorecardValue(page, "Citizen-carried handoffs")).toHaveText(count("citizen-carried"));
  await expect(scorecardValue(page, "Internal handoffs")).toHaveText(count("internal"));
  await expect(scorecardValue(page, "Handoffs")).toHaveText(String(BEREAVEMENT_HANDOFFS.length));
  await expect(scorecardValue(page, "Repeated information")).toHaveText(String(BEREAVEMENT_REPEATED_ITEMS.length));

  // The handoff lists hold each kind's handoffs; the "tell us once" table each repeated item.
  for (const kind of ["Direct", "Citizen-carried", "Internal"]) {
    await expect(page.getByRole("list", { name: `${kind} handoffs` }).getByRole("listitem")).toHaveCount(
      Number(count(kind.toLowerCase())),
    );
  }
  const tellUsOnce = page.getByRole("table", { name: "Information asked more than once" });
  await expect(tellUsOnce.locator("tbody tr")).toHaveCount(BEREAVEMENT_REPEATED_ITEMS.length);
  const nino = BEREAVEMENT_REPEATED_ITEMS.find((i) => i.item === "National Insurance number")!;
  await expect(tellUsOnce.getByRole("row", { name: /^National Insurance number / }).getByRole("cell").last()).toHaveText(
    String(nino.stepIds.length),
  );
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/insights-panel.png` });
    await page.getByRole("heading", { name: /^Handoffs/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/insights-handoffs.png` });
  }
});

test("clicking a finding selects its steps and brings them into view", async ({ page }) => {
  await openInsights(page);
  const carried = BEREAVEMENT_HANDOFFS.find((h) => h.from === "bereave.step.probate-examine")!;
  const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
  // Off screen at first: the probate steps are at the far end of the journey.
  await expect(node(carried.to)).not.toBeInViewport();
  await page
    .getByRole("list", { name: "Citizen-carried handoffs" })
    .getByRole("button", { name: new RegExp(label(carried.from)) })
    .click();
  for (const id of [carried.from, "bereave.step.grant", carried.to]) {
    await expect(node(id).locator(".step-card")).toHaveClass(/is-selected/);
    await expect(node(id)).toBeInViewport();
  }
  await expect(page.locator(".step-card.is-selected")).toHaveCount(3);
  await expect(page.getByRole("status").filter({ hasText: "Showing" })).toContainText("3 steps selected");

  // From the outline, a finding switches back to the canvas.
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  await expect(page.getByTestId("canvas")).toHaveCount(0);
  const nino = BEREAVEMENT_REPEATED_ITEMS.find((i) => i.item === "National Insurance number")!;
  await page.getByRole("button", { name: "National Insurance number", exact: true }).click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  for (const id of nino.stepIds) {
    await expect(node(id).locator(".step-card")).toHaveClass(/is-selected/);
    await expect(node(id)).toBeInViewport();
  }
  await expect(page.locator(".step-card.is-selected")).toHaveCount(nino.stepIds.length);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/insights-focus.png` });
});

test("each overlay switch hides and shows its marks, and the key says what they mean", async ({ page }) => {
  await openLibrary(page);
  await openJourney(page, journey.title);
  await page.getByRole("button", { name: "Fit the whole journey" }).click();
  const canvas = page.getByTestId("canvas");
  const key = page.getByRole("region", { name: "Key to the marks" });
  await expect(key).toHaveCount(0);
  await page.getByRole("button", { name: "Key", exact: true }).click();
  await expect(key).toContainText("the citizen has to take it to the next organisation themselves");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/canvas-highlights.png` });

  const marks = {
    Handoffs: canvas.locator(".react-flow__edges .handoff-citizen-carried"),
    Duplicates: canvas.locator(".react-flow__node .mark-duplicate"),
    "Repeated information": canvas.locator(".react-flow__node .mark-repeated"),
  };
  for (const [name, locator] of Object.entries(marks)) {
    const toggle = page.getByRole("button", { name, exact: true });
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(locator.first()).toBeVisible();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await expect(locator).toHaveCount(0);
    await toggle.click();
    await expect(locator.first()).toBeVisible();
  }
  // Every step that asks for a repeated item of the known answer is marked: as asking again, or
  // (the first to ask) as where it was asked first.
  const askers = new Set(BEREAVEMENT_REPEATED_ITEMS.flatMap((i) => i.stepIds));
  const marked = canvas.locator(".react-flow__node").filter({ has: page.locator(".mark-repeated, .mark-first-ask") });
  await expect(marked).toHaveCount(askers.size);
  // Each item is first asked once, so fewer steps ask again than ask at all.
  const firsts = await canvas.locator(".react-flow__node .mark-first-ask").count();
  expect(firsts).toBeGreaterThan(0);
  expect(await marks["Repeated information"].count()).toBeLessThan(askers.size);

  await page.getByRole("button", { name: "Hide key" }).click();
  await expect(key).toHaveCount(0);
  // The choice is remembered on this computer.
  await page.reload();
  await expect(page.getByRole("button", { name: "Key", exact: true })).toHaveAttribute("aria-expanded", "false");
});

test("a confirmed duplicate cluster stays confirmed after a reload", async ({ page }) => {
  await openInsights(page);
  const suggestions = page.getByRole("list", { name: "Suggested duplicates" });
  await expect(suggestions.getByRole("listitem").first()).toBeVisible();
  await page.getByRole("button", { name: "Confirm D1 as duplicates" }).click();
  await expect(page.getByRole("button", { name: "Undo the decision on D1" })).toBeVisible();
  await expect(suggestions.locator(".cluster").first()).toContainText("Confirmed");
  await expect(page.getByTestId("save-status")).toHaveText(SAVED);
  if (SHOTS) {
    await suggestions.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/insights-duplicates.png` });
  }

  await page.reload();
  await expect(page.locator(".react-flow__node-step").first()).toBeVisible();
  await page.getByRole("tab", { name: "Insights" }).click();
  await expect(page.getByRole("button", { name: "Undo the decision on D1" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Suggested duplicates" }).locator(".cluster").first()).toContainText("Confirmed");

  // Dismissing the other suggestion takes its marks off the canvas.
  const second = analyseJourney(journey).duplicates[1]!;
  for (const id of second.stepIds) await expect(page.locator(`.react-flow__node[data-id="${id}"] .mark-duplicate`)).toHaveCount(1);
  await page.getByRole("button", { name: "Dismiss D2" }).click();
  await expect(page.getByRole("list", { name: "Dismissed suggestions" }).getByRole("listitem")).toHaveCount(1);
  for (const id of second.stepIds) await expect(page.locator(`.react-flow__node[data-id="${id}"] .mark-duplicate`)).toHaveCount(0);
});

test("two journeys from the library compared: scorecards side by side and what was removed", async ({ page }) => {
  // The to-be: a copy of the sample without the step where the citizen starts Tell Us Once online.
  const gone = "bereave.step.tuo-start";
  const toBe = {
    ...journey,
    steps: journey.steps.filter((s) => s.id !== gone),
    flows: journey.flows.filter((f) => f.from !== gone && f.to !== gone),
  };
  const expected = compareJourneys(journey, toBe);
  expect(expected.handoffs.removed.length).toBeGreaterThan(0);

  await openLibrary(page);
  await page.getByRole("button", { name: `Duplicate ${journey.title}` }).click();
  await openJourney(page, `${journey.title} (copy)`);
  // The card must be selected before Delete, or the key can arrive while the journey is still opening.
  const card = page.locator(`.react-flow__node[data-id="${gone}"]`);
  await card.click();
  await expect(card).toHaveClass(/\bselected\b/);
  await page.keyboard.press("Delete");
  await expect(page.locator(`.react-flow__node[data-id="${gone}"]`)).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toHaveText(SAVED);

  await page.goto("/#/");
  await expect(page.getByRole("heading", { name: "Your journeys" })).toBeVisible();
  await page.getByLabel("As-is").selectOption({ label: journey.title });
  await page.getByLabel("To-be").selectOption({ label: `${journey.title} (copy)` });
  await page.getByRole("button", { name: "Compare", exact: true }).click();

  const table = page.getByRole("table", { name: "Scorecards side by side" });
  await expect(table).toBeVisible();
  const row = (measure: string) => table.getByRole("row", { name: new RegExp(`^${measure} `) }).getByRole("cell");
  await expect(row("Steps")).toHaveText([String(journey.steps.length), String(toBe.steps.length), "Better 1 fewer"]);
  const carried = expected.metrics.find((m) => m.key === "handoffs.citizenCarried")!;
  await expect(row("Citizen-carried handoffs").nth(1)).toHaveText(String(carried.b));
  const removed = page.getByRole("region", { name: `Removed (${expected.handoffs.removed.length})` }).first();
  await expect(removed).toContainText(label("bereave.step.tuo-offer"));
  await expect(removed).toContainText("citizen-carried");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/compare.png`, fullPage: true });
});

test("a named version compared with the journey as it is now", async ({ page }) => {
  await openLibrary(page);
  await openJourney(page, journey.title);
  await page.getByRole("tab", { name: "Versions" }).click();
  await page.getByLabel("Version name").fill("As-is");
  await page.getByRole("button", { name: "Take version" }).click();
  await expect(page.getByRole("button", { name: "Compare version As-is with current" })).toBeVisible();
  await page.locator('.react-flow__node[data-id="bereave.step.tuo-start"]').click();
  await page.keyboard.press("Delete");
  // Clicking the card showed its details; back to the versions.
  await page.getByRole("tab", { name: "Versions" }).click();
  await page.getByRole("button", { name: "Compare version As-is with current" }).click();
  const dialog = page.getByRole("dialog", { name: "Version “As-is” compared with now" });
  await expect(dialog.getByRole("table", { name: "Scorecards side by side" }).getByRole("row", { name: /^Steps / }).getByRole("cell")).toHaveText([
    String(journey.steps.length),
    String(journey.steps.length - 1),
    "Better 1 fewer",
  ]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/compare-version.png` });
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
});

test("a large journey is analysed off the main thread and kept up to date as it changes", async ({ page }) => {
  const large = { ...generateJourney({ steps: 2000, seed: 11 }), id: "journey_large", title: "A large journey" };
  const expected = analyseJourney(large).scorecard;
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await openLibrary(page);
  const choosing = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open a file" }).click();
  await (await choosing).setFiles({ name: "large.seams.json", mimeType: "application/json", buffer: Buffer.from(serializeJourney(large)) });
  await expect(page.getByLabel("Journey title")).toHaveValue("A large journey");
  await page.getByRole("tab", { name: "Insights" }).click();
  await expect(scorecardValue(page, "Steps")).toHaveText("2000");
  await expect(scorecardValue(page, "Handoffs")).toHaveText(String(expected.handoffs.total));
  await expect(scorecardValue(page, "Repeated information")).toHaveText(String(expected.repeatedItems));
  expect(workers.some((url) => /analysis\.worker/.test(url))).toBe(true);

  // An edit is analysed again: the panel follows the journey.
  await page.locator(".react-flow__node-step").first().click();
  await page.keyboard.press("Delete");
  // Clicking the card showed its details; back to the insights.
  await page.getByRole("tab", { name: "Insights" }).click();
  await expect(scorecardValue(page, "Steps")).toHaveText("1999");
  await expect(page.getByText("Updating the analysis after your latest change…")).toHaveCount(0);
});

/** Serious and critical axe-core violations on the page, described for the failure message. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
}

test("the insights panel, the key and the compare view have no serious accessibility violations", async ({ page }) => {
  await openInsights(page);
  await page.getByRole("button", { name: "Key", exact: true }).click();
  await page.getByText("What counts as a handoff?").click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/#/");
  await page.getByLabel("As-is").selectOption({ index: 1 });
  await page.getByLabel("To-be").selectOption({ index: 2 });
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page.getByRole("table", { name: "Scorecards side by side" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
