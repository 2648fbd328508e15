/**
 * Two tabs of Seams on one journey (reliability.md F05): edits to different steps reach the
 * other tab within a second and none is lost; the same step edited in both ends the same in
 * both, the later save winning, and the user is told. The library list follows changes made
 * in another tab.
 *
 * SEAMS_TABS_RUNS sets the number of two-edit runs (5 by default). Figures go to
 * reports/tabs.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { SAMPLE_JOURNEYS } from "../../src/domain/samples";
import { expect, openJourney, openLibrary, test } from "./fixtures";

// An action that cannot happen fails with its reason instead of waiting for the test timeout.
test.use({ actionTimeout: 10_000 });

const RUNS = Math.max(1, Number(process.env.SEAMS_TABS_RUNS ?? 5));
/** Each tab sees the other's change within this long of the edit. */
const CONVERGE_MS = 1_000;
const SAVED = "All changes saved on this computer";
const sample = SAMPLE_JOURNEYS[0]!.build();

function card(page: Page, label: string): Locator {
  return page.locator(".react-flow__node-step", {
    has: page.locator(".step-label", { hasText: new RegExp(`^${escape(label)}$`) }),
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Open the label editor of a step by double-clicking its card, and type a new label. */
async function startRelabel(page: Page, from: string, to: string): Promise<Locator> {
  await card(page, from).locator(".step-label").dblclick();
  const editor = page.getByRole("textbox", { name: "Step label" });
  await expect(editor).toBeFocused();
  await editor.fill(to);
  return editor;
}

/** A step in the outline view, by its label. */
function outlineStep(page: Page, label: string): Locator {
  return page.locator(".outline-step", {
    has: page.locator(".outline-step__label", { hasText: new RegExp(`^${escape(label)}$`) }),
  });
}

/** Rename a step in the outline with the keyboard: focus it, Enter, type, Enter. Returns the
 * page's time of the Enter that committed it (the same wall clock in every tab). */
async function renameInOutline(page: Page, from: string, to: string): Promise<number> {
  const id = await outlineStep(page, from).getAttribute("data-step-id");
  const item = page.locator(`.outline-step[data-step-id="${id}"]`);
  await item.focus();
  await item.press("Enter");
  const name = item.getByLabel("Step name");
  await expect(name).toBeFocused();
  await name.fill(to);
  await name.evaluate((input) => {
    const note = () => Object.assign(window, { seamsCommittedAt: Date.now() });
    input.addEventListener("keydown", note, { capture: true, once: true });
  });
  await name.press("Enter");
  await expect(outlineStep(page, to)).toBeVisible();
  return page.evaluate(() => (window as unknown as { seamsCommittedAt: number }).seamsCommittedAt);
}

/** How long after `since` a step labelled `label` shows in the outline of `page`, by the
 * page's clock: checked every 20 ms in the page, not at widening expect intervals. */
async function arrival(page: Page, label: string, since: number): Promise<number> {
  const seenAt = await page.waitForFunction(
    (text) =>
      Array.from(document.querySelectorAll(".outline-step__label")).some(
        (el) => el.textContent === text,
      ) && Date.now(),
    label,
    { polling: 20, timeout: 10_000 },
  );
  return Number(await seenAt.jsonValue()) - since;
}

async function openBoth(page: Page, other: Page) {
  await openLibrary(page);
  await openJourney(page, sample.title);
  await other.goto(page.url());
  await expect(other.locator(".react-flow__node-step").first()).toBeVisible();
  // Each tab has its journey loaded and nothing to save.
  await expect(page.getByTestId("save-status")).toHaveText(SAVED);
  await expect(other.getByTestId("save-status")).toHaveText(SAVED);
}

function watch(page: Page, problems: string[]) {
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
}

test("edits to different steps in two tabs reach each other within a second and none is lost", async ({
  page,
  context,
  problems,
}) => {
  test.setTimeout(60_000 + RUNS * 5_000);
  const other = await context.newPage();
  watch(other, problems);
  await openBoth(page, other);
  for (const tab of [page, other])
    await tab.getByRole("button", { name: "Outline", exact: true }).click();

  const labels = sample.steps.map((s) => s.label);
  const made: string[] = [];
  const edited = new Set<number>();
  const latencies: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Tab A edits one step, then tab B another, each before the other's save arrives.
    const i = (2 * run) % labels.length;
    const j = (2 * run + 1) % labels.length;
    const fromA = `Edited in tab A, run ${run + 1}`;
    const fromB = `Edited in tab B, run ${run + 1}`;
    const atA = await renameInOutline(page, labels[i]!, fromA);
    const atB = await renameInOutline(other, labels[j]!, fromB);
    labels[i] = fromA;
    labels[j] = fromB;
    made.push(fromA, fromB);
    edited.add(i).add(j);
    latencies.push(await arrival(other, fromA, atA), await arrival(page, fromB, atB));
    // Both tabs show both edits (however late).
    for (const tab of [page, other]) {
      await expect(outlineStep(tab, fromA)).toBeVisible();
      await expect(outlineStep(tab, fromB)).toBeVisible();
    }
  }
  await expect(page.getByTestId("save-status")).toHaveText(SAVED);
  await expect(other.getByTestId("save-status")).toHaveText(SAVED);
  await expect(page.getByTestId("storage-notice")).toHaveCount(0);
  await expect(other.getByTestId("storage-notice")).toHaveCount(0);

  // Nothing was lost: after a reload, each tab shows the latest edit of every step edited in
  // either (a later run may have renamed a step again).
  const latest = [...edited].map((i) => labels[i]!);
  let lost = 0;
  for (const tab of [page, other]) {
    await tab.reload();
    await expect(tab.locator(".react-flow__node-step").first()).toBeVisible();
    const shown = new Set(await tab.locator(".step-label").allTextContents());
    lost = Math.max(lost, latest.filter((label) => !shown.has(label)).length);
  }
  const late = latencies.filter((ms) => ms > CONVERGE_MS).length;
  const sorted = [...latencies].sort((a, b) => a - b);
  const figures = {
    runs: RUNS,
    editsMade: made.length,
    lost,
    convergeWithinMs: CONVERGE_MS,
    convergedLate: late,
    medianConvergeMs: sorted[Math.floor(sorted.length / 2)],
    maxConvergeMs: sorted[sorted.length - 1],
  };
  mkdirSync("reports", { recursive: true });
  writeFileSync("reports/tabs.json", `${JSON.stringify(figures, null, 2)}\n`);
  console.log(
    `two tabs: ${RUNS} runs, ${made.length} edits, ${lost} lost, ${late} edits slower than ${CONVERGE_MS} ms (median ${figures.medianConvergeMs} ms, max ${figures.maxConvergeMs} ms)`,
  );
  expect(lost).toBe(0);
  expect(late).toBe(0);
  expect(problems).toEqual([]);
});

test("the same step edited in two tabs ends the same in both, the later save winning, and the user is told", async ({
  page,
  context,
  problems,
}) => {
  const other = await context.newPage();
  watch(other, problems);
  await openBoth(page, other);

  const step = sample.steps[0]!.label;
  // Both tabs type a new label for the same step; tab A commits first, tab B just after,
  // before either save has reached the other tab.
  const inA = await startRelabel(page, step, "Wording from tab A");
  const inB = await startRelabel(other, step, "Wording from tab B");
  await inA.press("Enter");
  await inB.press("Enter");

  for (const tab of [page, other]) {
    await expect(card(tab, "Wording from tab B")).toBeVisible();
    await expect(card(tab, "Wording from tab A")).toHaveCount(0);
    await expect(tab.getByTestId("save-status")).toHaveText(SAVED);
  }
  // The tab whose edit was replaced is told.
  await expect(page.getByTestId("storage-notice")).toContainText("also changed in another tab");

  for (const tab of [page, other]) {
    await tab.reload();
    await expect(card(tab, "Wording from tab B")).toBeVisible();
    await expect(card(tab, "Wording from tab A")).toHaveCount(0);
  }
  expect(problems).toEqual([]);
});

test("the library list follows journeys created, renamed and deleted in another tab", async ({
  page,
  context,
  problems,
}) => {
  const other = await context.newPage();
  watch(other, problems);
  await openLibrary(page);
  await openLibrary(other);
  const list = page.getByRole("list", { name: "Journeys" });
  const before = await list.getByRole("listitem").count();

  await other.getByRole("button", { name: "New journey" }).click();
  await expect(other.getByTestId("canvas")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(before + 1);
  await expect(list.getByRole("link", { name: "Untitled journey" })).toBeVisible();

  const title = other.getByLabel("Journey title");
  await title.fill("Claim a Blue Badge");
  await title.press("Enter");
  await expect(list.getByRole("link", { name: "Claim a Blue Badge" })).toBeVisible();

  await other.goto("/");
  await other.getByRole("button", { name: "Delete Claim a Blue Badge" }).click();
  await other.getByRole("button", { name: "Move to trash" }).click();
  await expect(list.getByRole("link", { name: "Claim a Blue Badge" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Trash (1)" })).toBeVisible();
  expect(problems).toEqual([]);
});
