/**
 * Local storage in real Chromium: every edit survives a reload, named versions, and the
 * storage faults a person can meet (quota, data from a newer Seams, no IndexedDB at all,
 * data removed by the browser), each with its message and the work kept.
 */
import { readFileSync } from "node:fs";
import { chromium, type Locator, type Page } from "@playwright/test";
import { SAMPLE_JOURNEYS } from "../../src/domain/samples";
import { expect, openJourney, openLibrary, test } from "./fixtures";

// An action that cannot happen fails with its reason instead of waiting for the test timeout.
test.use({ actionTimeout: 10_000 });

const SAVED = "All changes saved on this computer";
const sample = SAMPLE_JOURNEYS[0]!.build();
const steps = sample.steps;

function card(page: Page, label: string): Locator {
  return page.locator(".react-flow__node-step", {
    has: page.locator(".step-label", { hasText: new RegExp(`^${escape(label)}$`) }),
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Page errors and console errors of a page the `problems` fixture does not watch. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  return problems;
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText(SAVED);
}

/** Select a step by clicking its card, and show its details in the side panel. */
async function selectStep(page: Page, label: string) {
  await page.getByRole("button", { name: "Canvas", exact: true }).click();
  await card(page, label).locator(".step-label").click();
  await page.getByRole("tab", { name: "Details" }).click();
  await expect(page.getByRole("heading", { name: "Step", exact: true })).toBeVisible();
  await expect(page.getByLabel("Label", { exact: true })).toHaveValue(label);
}

async function relabel(page: Page, from: string, to: string) {
  await selectStep(page, from);
  const field = page.getByLabel("Label", { exact: true });
  await field.fill(to);
  await field.press("Enter");
  await expect(card(page, to)).toBeVisible();
}

async function addStepInOutline(page: Page, stage: string, label: string) {
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  await page.getByRole("button", { name: `Add step to ${stage}`, exact: true }).click();
  await page.getByLabel("Step name").fill(label);
  await page.getByLabel("Step name").press("Enter");
  await expect(page.locator(".outline").getByText(label, { exact: true })).toBeVisible();
}

/** Every row of the Seams database, read straight from IndexedDB (not through the app). */
async function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("seams");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    }
    db.close();
    return out;
  });
}

test("a reload keeps every kind of edit", async ({ page, problems }) => {
  await openLibrary(page);
  await openJourney(page, sample.title);
  const [first, second, third, fourth] = steps;

  // The journey's title, in the toolbar.
  const title = page.getByLabel("Journey title");
  await title.fill("Bereavement: after workshop 2");
  await title.press("Enter");
  // A step's label, channel, fail point and pain points, through the Details tab.
  await relabel(page, first!.label, "Register the death in person");
  await page.getByLabel("Channel").selectOption({ label: "Phone" });
  const failPoint = page.getByRole("checkbox", { name: /Fail point/ });
  const wasFailPoint = await failPoint.isChecked();
  await failPoint.click();
  const pains = page.getByLabel("Pain points");
  await pains.fill("Appointments run out\nNo parking");
  await pains.press("Control+Enter");
  // Another step relabelled by double-clicking its card and typing in place.
  await card(page, second!.label).dblclick();
  const editor = page.getByRole("textbox", { name: "Step label" });
  await editor.fill("Book the registrar by phone");
  await editor.press("Enter");
  await expect(card(page, "Book the registrar by phone")).toBeVisible();
  // A step deleted with the keyboard.
  // Click the card and see it selected (as a person would) before pressing Delete.
  await expect(async () => {
    await card(page, third!.label).locator(".step-label").click();
    await expect(card(page, third!.label)).toHaveClass(/selected/, { timeout: 1000 });
  }).toPass();
  await page.keyboard.press("Delete");
  await expect(card(page, third!.label)).toHaveCount(0);
  // A step added and a stage added in the outline.
  const stage = sample.stages[0]!.name;
  await addStepInOutline(page, stage, "Ask a friend to help");
  await page.getByLabel("New stage name").fill("Afterwards");
  await page.getByRole("button", { name: "Add stage" }).click();
  await expect(page.getByRole("heading", { name: /Afterwards/ })).toBeVisible();

  await expectSaved(page);
  await page.reload();
  await expect(page.getByTestId("canvas")).toBeVisible();

  await expect(page.getByLabel("Journey title")).toHaveValue("Bereavement: after workshop 2");
  await expect(card(page, "Book the registrar by phone")).toBeVisible();
  await expect(card(page, third!.label)).toHaveCount(0);
  await expect(card(page, fourth!.label)).toBeVisible();
  await expect(card(page, "Ask a friend to help")).toBeVisible();
  await expect(page.locator(".stage-header", { hasText: "Afterwards" })).toHaveCount(1);
  await expect(page.locator(".react-flow__node-step")).toHaveCount(steps.length);
  await selectStep(page, "Register the death in person");
  await expect(page.getByLabel("Channel")).toHaveValue("phone");
  await expect(page.getByRole("checkbox", { name: /Fail point/ })).toBeChecked({
    checked: !wasFailPoint,
  });
  await expect(page.getByLabel("Pain points")).toHaveValue("Appointments run out\nNo parking");
  expect(problems).toEqual([]);
});

test("named versions: take, restore as an undoable change, delete, and keep them across a reload", async ({
  page,
  problems,
}, testInfo) => {
  await openLibrary(page);
  await openJourney(page, sample.title);
  await page.getByRole("tab", { name: "Versions" }).click();
  await expect(page.getByText("No versions yet.")).toBeVisible();
  await page.getByLabel("Version name").fill("As-is after workshop 1");
  await page.getByLabel("Version name").press("Enter");
  await expect(page.getByText("Version “As-is after workshop 1” taken.")).toBeVisible();
  const list = page.getByRole("list", { name: "Saved versions" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("listitem")).toContainText(`${steps.length} steps`);

  // Change the journey: relabel a step, delete another.
  await relabel(page, steps[0]!.label, "Changed in workshop 2");
  await card(page, steps[1]!.label).locator(".step-label").click();
  await page.keyboard.press("Delete");
  await expect(page.locator(".react-flow__node-step")).toHaveCount(steps.length - 1);

  await page.getByRole("tab", { name: "Versions" }).click();
  await page.getByRole("button", { name: "Restore version As-is after workshop 1" }).click();
  await expect(page.getByText(/Restored “As-is after workshop 1”/)).toBeVisible();
  await expect(page.locator(".react-flow__node-step")).toHaveCount(steps.length);
  await expect(card(page, steps[0]!.label)).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").first()).toContainText(
    "Before restoring “As-is after workshop 1”",
  );
  await expect(list.getByRole("listitem").first()).toContainText(`${steps.length - 1} steps`);
  await page.screenshot({ path: testInfo.outputPath("versions-panel.png") });

  // Undo takes the restore back; redo applies it again.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(card(page, "Changed in workshop 2")).toBeVisible();
  await page.getByRole("button", { name: "Redo", exact: true }).click();
  await expect(card(page, steps[0]!.label)).toBeVisible();

  await page.getByRole("button", { name: "Delete version As-is after workshop 1" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete version" }).click();
  await expect(page.getByText("Version “As-is after workshop 1” deleted.")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(1);

  await expectSaved(page);
  await page.reload();
  await expect(page.getByTestId("canvas")).toBeVisible();
  await expect(page.locator(".react-flow__node-step")).toHaveCount(steps.length);
  await page.getByRole("tab", { name: "Versions" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByRole("listitem")).toContainText(
    "Before restoring “As-is after workshop 1”",
  );
  expect(problems).toEqual([]);
});

test("a full disk shows the message and keeps the work; with space again it saves everything", async ({
  baseURL,
  launchOptions,
}, testInfo) => {
  // A real profile on disk: an incognito profile keeps IndexedDB in memory, outside quota checks.
  const context = await chromium.launchPersistentContext(testInfo.outputPath("profile"), {
    ...launchOptions,
    baseURL,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = watchProblems(page);
  const origin = new URL(baseURL!).origin;
  const cdp = await context.newCDPSession(page);
  await openLibrary(page);
  await openJourney(page, sample.title);
  await expectSaved(page);
  const journeyUrl = page.url();
  // Chromium reads an origin's quota when it opens its IndexedDB backing store, and then
  // trusts a cached allowance for up to 30 s. Leave the app so the store closes (2 s after
  // the last connection), leave no room for another write, and come back.
  await page.goto("about:blank");
  await page.waitForTimeout(3_000);
  const { usage } = await cdp.send("Storage.getUsageAndQuota", { origin });
  await cdp.send("Storage.overrideQuotaForOrigin", { origin, quotaSize: usage });
  await page.goto(journeyUrl);
  await expect(page.getByTestId("canvas")).toBeVisible();

  const banner = page.getByTestId("storage-banner");
  const added = ["Written while the disk is full"];
  await addStepInOutline(page, sample.stages[1]!.name, added[0]!);
  await expect(banner).toContainText("run out of storage space");
  await expect(page.getByTestId("save-status")).toHaveText("Not saved");
  await expect(banner.getByRole("button", { name: "Export a copy" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("quota-banner.png") });
  // The work stays in the tab, and editing goes on.
  await addStepInOutline(page, sample.stages[1]!.name, "Written after the warning");
  added.push("Written after the warning");

  await cdp.send("Storage.overrideQuotaForOrigin", { origin }); // back to the browser's own quota
  await expectSaved(page);
  await expect(banner).toHaveCount(0);

  await page.reload();
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  const outline = page.locator(".outline");
  for (const label of added) await expect(outline.getByText(label, { exact: true })).toBeVisible();
  await context.close();
  expect(problems).toEqual([]);
});

test("data saved by a newer Seams opens read-only and nothing is written", async ({
  page,
  problems,
}) => {
  await openLibrary(page);
  // A newer Seams wrote this database: its format marker is ahead of ours.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("seams");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction("meta", "readwrite");
      tx.objectStore("meta").put({
        key: "format",
        formatVersion: 99,
        appVersion: "9.0.0",
        writtenAt: "2030-01-01T00:00:00.000Z",
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  const before = await dumpDatabase(page);
  await page.reload();

  const banner = page.getByTestId("storage-banner");
  await expect(banner).toContainText("saved by a newer version of Seams");
  await expect(banner.getByRole("button", { name: "Reload" })).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Read-only");
  await openJourney(page, sample.title);
  await expect(page.getByLabel("Journey title")).toBeDisabled();
  await card(page, steps[0]!.label).locator(".step-label").click();
  await expect(page.getByLabel("Label", { exact: true })).toBeDisabled();
  await page.keyboard.press("Delete");
  await expect(card(page, steps[0]!.label)).toBeVisible();
  await page.getByRole("tab", { name: "Versions" }).click();
  await expect(page.getByRole("button", { name: "Take version" })).toBeDisabled();
  await page.goto("/#/");
  await expect(page.getByRole("heading", { name: "Your journeys" })).toBeVisible();

  expect(await dumpDatabase(page)).toEqual(before);
  expect(problems).toEqual([]);
});

test("without IndexedDB (private mode) the app warns, keeps working in memory and exports a copy", async ({
  page,
  problems,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", {
      get() {
        throw new Error("IndexedDB is switched off in this window");
      },
    });
  });
  await openLibrary(page);
  const banner = page.getByTestId("storage-banner");
  await expect(banner).toContainText("does not let Seams store data");
  await expect(page.getByTestId("save-status")).toHaveText("Not saved: storage unavailable");
  await openJourney(page, sample.title);
  await relabel(page, steps[0]!.label, "Edited with no storage");
  await addStepInOutline(page, sample.stages[0]!.name, "Added with no storage");
  const title = page.getByLabel("Journey title");
  await title.fill("Death: a/b test?");
  await title.press("Enter");

  // Versions work for this tab.
  await page.getByRole("tab", { name: "Versions" }).click();
  await page.getByLabel("Version name").fill("In memory");
  await page.getByRole("button", { name: "Take version" }).click();
  await expect(
    page.getByRole("list", { name: "Saved versions" }).getByRole("listitem"),
  ).toHaveCount(1);

  const download = page.waitForEvent("download");
  await banner.getByRole("button", { name: "Export a copy" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Death- a-b test-.seams.json");
  const envelope = JSON.parse(readFileSync((await file.path())!, "utf8"));
  expect(envelope).toMatchObject({
    format: "seams-journey",
    journey: { title: "Death: a/b test?" },
  });
  const labels = envelope.journey.steps.map((s: { label: string }) => s.label);
  expect(labels).toContain("Edited with no storage");
  expect(labels).toContain("Added with no storage");

  // Back in the library, the edited journey is still there for this tab.
  await page.getByRole("link", { name: "Seams" }).click();
  await expect(page.getByRole("link", { name: "Death: a/b test?" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("journeys the browser removed between visits are reported, not silently replaced", async ({
  page,
  context,
  problems,
  baseURL,
}) => {
  await openLibrary(page);
  await openJourney(page, sample.title);
  await relabel(page, steps[0]!.label, "Saved before the browser cleared storage");
  await expectSaved(page);
  const cdp = await context.newCDPSession(page);
  await page.goto("about:blank");
  await cdp.send("Storage.clearDataForOrigin", {
    origin: new URL(baseURL!).origin,
    storageTypes: "indexeddb",
  });
  await page.goto("/");
  await expect(page.getByTestId("storage-notice")).toContainText(
    "Your browser removed the journeys",
  );
  await expect(page.getByText("No journeys yet.")).toBeVisible();
  expect(problems).toEqual([]);
});
