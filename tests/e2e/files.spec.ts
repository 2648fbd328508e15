/**
 * Files in real Chromium: exports downloaded through the Export menu open again by the file
 * picker and by dropping them on the window; bad, newer and hostile files are refused or shown
 * safely; a changed copy is merged choosing some changes; the print preview lays out sheets.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { fileNameFor } from "../../src/ui/download";
import { SAMPLE_JOURNEYS } from "../../src/domain/samples";
import { serializeJourney } from "../../src/format/envelope";
import { parseJourneyFile } from "../../src/format/parse";
import { generateJourney } from "../helpers/generate-journey";
import { expect, openJourney, openLibrary, test } from "./fixtures";

const FIXTURES = join(import.meta.dirname, "../fixtures/files");
const sample = SAMPLE_JOURNEYS[0]!.build();
const SHOTS = process.env.SEAMS_SHOTS ?? "test-results";

interface Downloaded {
  name: string;
  bytes: Buffer;
}

/** Chooses an item of the journey's Export menu and returns the downloaded file. */
async function exportAs(page: Page, item: string | RegExp): Promise<Downloaded> {
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: item }).click();
  const download = await downloading;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** Opens files with the library's "Open a file" button and the browser's file chooser. */
async function openByPicker(page: Page, files: { name: string; bytes: Buffer; type?: string }[]) {
  const choosing = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open a file" }).click();
  const chooser = await choosing;
  await chooser.setFiles(files.map((f) => ({ name: f.name, mimeType: f.type ?? "application/json", buffer: f.bytes })));
}

/** Drags files over the window and drops them: a DataTransfer built in the page from the bytes. */
async function dropOnWindow(page: Page, file: { name: string; bytes: Buffer; type: string }, screenshot?: string) {
  await page.evaluate(
    ({ name, bytes, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
      (window as unknown as { __drop: DataTransfer }).__drop = transfer;
      const target = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) ?? document.body;
      target.dispatchEvent(new DragEvent("dragenter", { bubbles: true, cancelable: true, dataTransfer: transfer }));
      target.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name: file.name, bytes: [...file.bytes], type: file.type },
  );
  await expect(page.getByTestId("drop-overlay")).toContainText("added to your library as a new journey");
  if (screenshot) await page.screenshot({ path: screenshot });
  await page.evaluate(() => {
    const transfer = (window as unknown as { __drop: DataTransfer }).__drop;
    const target = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) ?? document.body;
    target.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
  await expect(page.getByTestId("drop-overlay")).toHaveCount(0);
}

/** A fresh browser profile (its own IndexedDB), failing on page errors and dialogs like `page`. */
async function freshPage(browser: Browser, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { context, page };
}

/** Back to the library inside the app, once the open journey is saved. */
async function backToLibrary(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved on this computer");
  await page.getByRole("link", { name: "Seams", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your journeys" })).toBeVisible();
}

const journeyCards = (page: Page) => page.getByRole("list", { name: "Journeys" }).getByRole("listitem");
const stepCards = (page: Page) => page.getByTestId("canvas").locator(".react-flow__node-step");

test("JSON and SVG exported through the menu open again by picker and by drop, as the same journey", async ({ page, browser, problems }) => {
  await openLibrary(page);
  await page.getByRole("button", { name: "Create" }).click(); // a new journey from the first template
  await expect(stepCards(page)).toHaveCount(sample.steps.length);

  await page.getByRole("button", { name: "Export", exact: true }).click();
  await expect(page.getByRole("menu", { name: "Export" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/files-export-menu.png` });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);

  const json = await exportAs(page, "Journey file (.json)");
  const svg = await exportAs(page, "Drawing (.svg)");
  expect(json.name).toBe(fileNameFor(sample.title, ".seams.json"));
  expect(svg.name).toBe(fileNameFor(sample.title, ".svg"));
  for (const file of [json, svg]) {
    const opened = parseJourneyFile(new Uint8Array(file.bytes));
    expect(opened.ok).toBe(true);
    if (!opened.ok) continue;
    expect(opened.journey.steps).toHaveLength(sample.steps.length);
    // Exporting keeps the journey as a named version, whose id the file records as its base.
    expect(opened.envelope.baseVersionId).toMatch(/^ver_/);
  }
  expect(svg.bytes.toString("utf8")).not.toMatch(/<script|<foreignObject|\son[a-z]+=/i);

  // In a fresh browser (its own library), the JSON opens by the picker as a new journey.
  const other = await freshPage(browser, problems);
  await openLibrary(other.page);
  const before = await journeyCards(other.page).count();
  await openByPicker(other.page, [{ name: json.name, bytes: json.bytes }]);
  await expect(stepCards(other.page)).toHaveCount(sample.steps.length);
  await expect(other.page.getByLabel("Journey title")).toHaveValue(sample.title);
  const labels = await other.page.locator(".step-label").allTextContents();
  expect(labels.sort()).toEqual(sample.steps.map((s) => s.label).sort());
  await backToLibrary(other.page);
  await expect(journeyCards(other.page)).toHaveCount(before + 1);
  await other.context.close();

  // In another fresh browser, the SVG dropped on the window opens as the journey too.
  const third = await freshPage(browser, problems);
  await openLibrary(third.page);
  await dropOnWindow(third.page, { name: svg.name, bytes: svg.bytes, type: "image/svg+xml" }, `${SHOTS}/files-drop-overlay.png`);
  await expect(stepCards(third.page)).toHaveCount(sample.steps.length);
  await expect(third.page.getByLabel("Journey title")).toHaveValue(sample.title);
  await third.context.close();

  // Back home, the same files find their journey already here: a separate copy never overwrites it.
  await backToLibrary(page);
  const count = await journeyCards(page).count();
  await dropOnWindow(page, { name: svg.name, bytes: svg.bytes, type: "image/svg+xml" });
  await expect(page.getByRole("dialog", { name: "This journey is already in your library" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/files-already-here.png` });
  await page.getByRole("button", { name: "Keep as a separate copy" }).click();
  await expect(stepCards(page)).toHaveCount(sample.steps.length);
  await expect(page.getByLabel("Journey title")).toHaveValue(`${sample.title} (copy)`);
  await backToLibrary(page);
  await expect(journeyCards(page)).toHaveCount(count + 1);
  expect(problems).toEqual([]);
});

test("PNG and CSV exports download as an image at the chosen scale and a spreadsheet of steps", async ({ page, problems }) => {
  await openLibrary(page);
  await openJourney(page, sample.title);
  const png1 = await exportAs(page, "Image (.png), 1×");
  const png2 = await exportAs(page, "Image (.png), 2×");
  const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
  expect(png1.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(size(png2.bytes).width).toBe(size(png1.bytes).width * 2);
  expect(size(png2.bytes).height).toBe(size(png1.bytes).height * 2);
  const csv = await exportAs(page, /spreadsheet/);
  expect(csv.name).toBe(fileNameFor(sample.title, ".csv"));
  expect(csv.bytes.toString("utf8").split("\r\n").filter(Boolean)).toHaveLength(sample.steps.length + 1);
  expect(problems).toEqual([]);
});

test("an invalid file shows its located problems and changes nothing", async ({ page, problems }) => {
  await openLibrary(page);
  const before = await journeyCards(page).count();
  await openByPicker(page, [{ name: "dangling.seams.json", bytes: readFileSync(join(FIXTURES, "dangling.seams.json")) }]);
  const dialog = page.getByRole("dialog", { name: "This file could not be opened" });
  await expect(dialog).toContainText("The journey could not be opened: 2 problems found.");
  const issues = dialog.getByRole("list", { name: "Problems in dangling.seams.json" }).getByRole("listitem");
  await expect(issues).toHaveText(['steps[1].laneId: no lane with id "lane_gone"', 'steps[2].stageId: no stage with id "stage_gone"']);
  await expect(dialog).toContainText("Nothing in your library was changed");
  // Shown as a modal over the library (its styles load with the library screen too).
  await expect(page.locator(".dialog-backdrop")).toHaveCSS("position", "fixed");
  await page.screenshot({ path: `${SHOTS}/files-invalid.png` });
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(journeyCards(page)).toHaveCount(before);
  expect(problems).toEqual([]);
});

test("a file from a newer version of Seams is refused with a clear message", async ({ page, problems }) => {
  await openLibrary(page);
  const before = await journeyCards(page).count();
  await openByPicker(page, [{ name: "newer-version.seams.json", bytes: readFileSync(join(FIXTURES, "newer-version.seams.json")) }]);
  const dialog = page.getByRole("dialog", { name: "This file could not be opened" });
  await expect(dialog).toContainText("This journey was saved by a newer version of Seams (file format 99; this version opens up to format 2). Update Seams to open it.");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(journeyCards(page)).toHaveCount(before);
  expect(problems).toEqual([]);
});

test("markup in a file's labels is shown as text and runs nothing", async ({ page, problems }) => {
  await openLibrary(page);
  await openByPicker(page, [{ name: "hostile-label.seams.json", bytes: readFileSync(join(FIXTURES, "hostile-label.seams.json")) }]);
  await expect(stepCards(page)).toHaveCount(3);
  await expect(page.locator(".step-label", { hasText: "<img src=x onerror=alert(1)>" })).toHaveCount(1);
  await expect(page.getByLabel("Journey title")).toHaveValue("<script>alert(1)</script> journey");
  await expect(page.locator('img[src="x"], script:text("alert(1)")')).toHaveCount(0);
  await backToLibrary(page);
  await expect(page.getByRole("link", { name: "<script>alert(1)</script> journey" })).toBeVisible();
  expect(problems).toEqual([]);
});

test("a large file shows its progress as it is read and checked; a huge one is refused by its size", async ({ page, problems }) => {
  await openLibrary(page);
  const before = await journeyCards(page).count();
  const huge = Buffer.alloc(21 * 1024 * 1024, 0x20);
  await openByPicker(page, [{ name: "huge.seams.json", bytes: huge }]);
  const refused = page.getByRole("dialog", { name: "This file could not be opened" });
  await expect(refused).toContainText("The file is too large to open (21 MB; the limit is 20 MB).");
  await refused.getByRole("button", { name: "Close" }).click();

  const large = { ...generateJourney({ steps: 2000, seed: 7 }), id: "journey_large", title: "A large journey" };
  const bytes = Buffer.from(serializeJourney(large));
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => {
      const text = document.querySelector(".file-progress")?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await openByPicker(page, [{ name: "large.seams.json", bytes }]);
  await expect(page.getByLabel("Journey title")).toHaveValue("A large journey");
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.some((t) => t.startsWith("Reading large.seams.json") || t.startsWith("Checking large.seams.json"))).toBe(true);
  await backToLibrary(page);
  await expect(journeyCards(page)).toHaveCount(before + 1);
  await expect(journeyCards(page).filter({ hasText: "A large journey" })).toContainText("2000 steps");
  expect(problems).toEqual([]);
});

/** The first sample's JSON as exported, changed the way another team might change it. */
function theirCopy(bytes: Buffer, change: (journey: typeof sample) => void): Buffer {
  const envelope = JSON.parse(bytes.toString("utf8")) as { journey: typeof sample };
  change(envelope.journey);
  return Buffer.from(JSON.stringify(envelope));
}

test("a changed copy is merged choosing some of its changes, with a conflict settled their way", async ({ page, problems }) => {
  const [first, second, third] = sample.steps;
  await openLibrary(page);
  await openJourney(page, sample.title);
  const exported = await exportAs(page, "Journey file (.json)");
  // We change the journey's title after sending the file.
  await page.getByLabel("Journey title").fill("Our title");
  await page.getByLabel("Journey title").press("Enter");
  await backToLibrary(page);
  await expect(page.getByRole("link", { name: "Our title" })).toBeVisible();

  // They relabel one step, remove another, rename a third, and change the title too.
  const theirs = theirCopy(exported.bytes, (j) => {
    j.title = "Their title";
    j.steps = j.steps.filter((s) => s.id !== second!.id).map((s) =>
      s.id === first!.id ? { ...s, label: "Relabelled by them" } : s.id === third!.id ? { ...s, label: "Not wanted" } : s,
    );
    j.flows = j.flows.filter((f) => f.from !== second!.id && f.to !== second!.id);
    j.annotations = j.annotations.filter((a) => a.stepId !== second!.id);
  });
  await openByPicker(page, [{ name: "their-copy.seams.json", bytes: theirs }]);
  await page.getByRole("button", { name: "Compare and merge" }).click();
  const dialog = page.getByRole("dialog", { name: /^Compare and merge/ });
  await expect(dialog).toContainText("Both copies changed since the version");
  await expect(page.getByRole("heading", { name: "Compare and merge “Our title”" })).toBeVisible();
  const conflict = dialog.getByRole("group", { name: "Journey: title changed in both" });
  await expect(conflict.getByRole("radio", { name: "Keep yours: “Our title”" })).toBeChecked();
  await conflict.getByRole("radio", { name: "Take the file’s: “Their title”" }).check();
  const relabel = dialog.getByRole("checkbox", { name: `Step “${first!.label}”: label: “${first!.label}” → “Relabelled by them”` });
  const unwanted = dialog.getByRole("checkbox", { name: `Step “${third!.label}”: label: “${third!.label}” → “Not wanted”` });
  const removal = dialog.getByRole("checkbox", { name: `Step “${second!.label}” removed` });
  for (const box of [relabel, unwanted, removal]) await expect(box).toBeChecked();
  await unwanted.uncheck();
  await page.screenshot({ path: `${SHOTS}/files-merge-dialog.png` });
  await dialog.getByRole("button", { name: /^Take selected/ }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByRole("link", { name: "Their title" })).toBeVisible();
  await page.getByRole("button", { name: "Open Their title", exact: true }).click();
  await expect(stepCards(page)).toHaveCount(sample.steps.length - 1);
  await expect(page.locator(".step-label", { hasText: /^Relabelled by them$/ })).toHaveCount(1);
  await expect(page.locator(".step-label", { hasText: /^Not wanted$/ })).toHaveCount(0);
  await expect(page.locator(".step-label", { hasText: new RegExp(`^${escape(third!.label)}$`) })).toHaveCount(1);
  expect(problems).toEqual([]);
});

test("merging into the open journey is one change that Undo takes back", async ({ page, problems }) => {
  const [first] = sample.steps;
  await openLibrary(page);
  await openJourney(page, sample.title);
  const exported = await exportAs(page, "Journey file (.json)");
  const theirs = theirCopy(exported.bytes, (j) => {
    j.steps = j.steps.map((s) => (s.id === first!.id ? { ...s, label: "Changed in the file", notes: "From the other team" } : s));
  });
  await dropOnWindow(page, { name: "copy.seams.json", bytes: theirs, type: "application/json" });
  await page.getByRole("button", { name: "Compare and merge" }).click();
  const dialog = page.getByRole("dialog", { name: /^Compare and merge/ });
  await dialog.getByRole("button", { name: "Take all" }).click();
  await expect(page.locator(".step-label", { hasText: /^Changed in the file$/ })).toHaveCount(1);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator(".step-label", { hasText: /^Changed in the file$/ })).toHaveCount(0);
  await expect(page.locator(".step-label", { hasText: new RegExp(`^${escape(first!.label)}$`) })).toHaveCount(1);
  expect(problems).toEqual([]);
});

test("the print preview lays the blueprint out on sheets: one for a poster, several for a wall", async ({ page, problems }) => {
  await openLibrary(page);
  await openJourney(page, sample.title);
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await page.getByRole("menuitem", { name: "Print…" }).click();
  const view = page.getByRole("dialog", { name: `Print “${sample.title}”` });
  const pages = view.getByRole("list", { name: "Pages" }).getByRole("listitem");
  await view.getByRole("radio", { name: "A0 poster" }).check();
  await expect(pages).toHaveCount(1);
  await view.getByRole("radio", { name: /A4 sheets for a wall/ }).check();
  expect(await pages.count()).toBeGreaterThan(1);
  await expect(view.getByRole("listitem", { name: "Page B1" })).toBeVisible();
  await expect(view.getByRole("status")).toContainText("mm overlap");
  // Each sheet looks onto the drawing through a viewBox, and the drawing has loaded.
  const firstSheet = pages.first().locator("svg svg");
  await expect(firstSheet).toHaveAttribute("viewBox", /^0 0 /);
  await expect.poll(() => pages.first().locator("image").evaluate((img) => (img as SVGImageElement).getBBox().width)).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/files-print-preview.png` });
  // Printed, the document is exactly those sheets, each an A4 landscape page.
  const sheets = await pages.count();
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
  const boxes = [...pdf.matchAll(/\/Type\s*\/Page\b[^]*?\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
  expect(boxes).toHaveLength(sheets);
  for (const [, w, h] of boxes) expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([842, 595]);
  await page.emulateMedia({ media: "print" });
  await expect(view.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.getByRole("toolbar", { name: "Journey tools" })).toBeHidden();
  await expect(pages.first()).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await view.getByRole("button", { name: "Close" }).click();
  await expect(view).toHaveCount(0);
  expect(problems).toEqual([]);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
