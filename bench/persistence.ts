/**
 * Persistence in Chromium, through the app's own code: the lab page times the repository
 * (write a journey, load it into the store, save a one-step edit), the app itself is timed
 * saving an edit made on the canvas (to the save status, and the write transaction), and
 * importing a journey file through "Open a file".
 */
import type { Browser, Page } from "@playwright/test";
import { serializeJourney } from "../src/format/envelope";
import { HIGHLIGHT_SELECTOR, inFreshPage, sleep, waitForQuiet, waitForReady } from "./lib/browser";
import { probeBoxes } from "./lib/bare-data";
import { seedJourney, type IdbRecord } from "./canvas";
import { benchJourney, SEED } from "./lib/journeys";

export const PERSISTENCE_STEPS = 5000;
const SAVED = "All changes saved on this computer";

export interface LabTimings {
  createMs: number;
  loadMs: number[];
  editSaveMs: number[];
  diffMs: number[];
  rowsWritten: number[];
}

export interface AppEditRun {
  /** From the Enter that commits the edit to the status saying it is saved (autosave waits
   * 300 ms for more edits before it writes). */
  toSavedStatusMs: number;
  /** The write transaction, begin to complete (durable: strict durability). */
  saveTxMs: number;
  /** From the Enter to that transaction's completion. */
  toCommitMs: number;
}

export interface ImportRun {
  /** From the file input's change to the journey opened in the editor's route. */
  toOpenedMs: number;
  /** From the change to the canvas ready. */
  toReadyMs: number;
  /** The transaction that wrote the journey. */
  writeTxMs: number;
}

interface ProbeState {
  idb: IdbRecord[];
  statusLog: { text: string; at: number }[];
  events: Record<string, number>;
  marks: { hash?: number };
  readyAt: number | null;
}

const probeState = async (page: Page) => (await page.evaluate("window.__bench")) as ProbeState;

export async function labPersistence(browser: Browser, base: string, runs: number): Promise<LabTimings> {
  return inFreshPage(browser, { ids: [], xywh: [], observeApp: false }, async ({ page }) => {
    await page.goto(`${base}/bench/lab/index.html`);
    await page.waitForFunction("window.benchLab !== undefined");
    return (await page.evaluate(
      `window.benchLab.persistence(${PERSISTENCE_STEPS}, ${SEED}, ${runs}, ${runs + 2})`,
    )) as LabTimings;
  });
}

export async function labAnalysisAfterEdit(browser: Browser, base: string, steps: number, runs: number): Promise<number[]> {
  return inFreshPage(browser, { ids: [], xywh: [], observeApp: false }, async ({ page }) => {
    await page.goto(`${base}/bench/lab/index.html`);
    await page.waitForFunction("window.benchLab !== undefined");
    return (await page.evaluate(`window.benchLab.analysisAfterEdit(${steps}, ${SEED}, ${runs})`)) as number[];
  });
}

/** Edits the label of the k-th card well inside the canvas (double-click, type, Enter), with
 * the probe's event times reset just before the Enter. */
async function editOnCanvas(page: Page, k: number, label: string, beforeEnter?: () => Promise<void>): Promise<void> {
  const canvas = (await page.locator("[data-testid=canvas]").boundingBox())!;
  // A card inside the canvas, clear of the sticky headers, the minimap and the overlay
  // switches (both along the bottom).
  const cards = await page.locator(".react-flow__node").evaluateAll(
    (els, c) =>
      els
        .map((el) => ({ id: el.getAttribute("data-id"), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.left > c.x + 190 && r.top > c.y + 60 && r.right < c.x + c.width - 10 && r.bottom < c.y + c.height - 200)
        .map(({ id }) => id),
    canvas,
  );
  const id = cards[k % Math.max(1, cards.length)];
  if (!id) throw new Error("no card to edit on screen");
  await page.locator(`.react-flow__node[data-id="${id}"] .step-label`).dblclick();
  const editor = page.locator(".step-label-editor");
  await editor.fill(label);
  await beforeEnter?.();
  await page.evaluate("window.__bench.resetEvents()");
  await editor.press("Enter");
}

/** Edits `count` steps on the canvas of the app (double-click, type, Enter), one at a time. */
export async function appEdits(browser: Browser, base: string, count: number): Promise<AppEditRun[]> {
  const journey = benchJourney(PERSISTENCE_STEPS);
  return inFreshPage(browser, { ...probeBoxes(journey), observeApp: true }, async ({ page }) => {
    await page.goto(await seedJourney(page, base, PERSISTENCE_STEPS));
    await waitForReady(page);
    await page.waitForFunction(
      `document.querySelector("[data-testid=save-status]")?.textContent === ${JSON.stringify(SAVED)}`,
    );
    await sleep(800);
    const runs: AppEditRun[] = [];
    for (let k = 0; k < count; k++) {
      await editOnCanvas(page, k, `Edited step ${k + 1}`);
      await page.waitForFunction(
        `(() => { const b = window.__bench; const at = b.events["keydown:Enter"];
          const i = b.statusLog.findIndex((s) => s.at >= at && s.text !== ${JSON.stringify(SAVED)});
          return i >= 0 && b.statusLog.slice(i).some((s) => s.text === ${JSON.stringify(SAVED)}); })()`,
      );
      const state = await probeState(page);
      const at = state.events["keydown:Enter"]!;
      const busy = state.statusLog.findIndex((s) => s.at >= at && s.text !== SAVED);
      const saved = state.statusLog.slice(busy).find((s) => s.text === SAVED)!;
      const tx = state.idb.find((t) => t.mode === "readwrite" && t.stores.includes("records") && t.start >= at && t.end !== null);
      if (!tx) throw new Error("the edit was saved without a write transaction");
      runs.push({ toSavedStatusMs: saved.at - at, saveTxMs: tx.end! - tx.start, toCommitMs: tx.end! - at });
      await sleep(400);
    }
    return runs;
  });
}

/** Opens a journey file through the library's "Open a file" input, `count` times (each in a
 * fresh browser profile, so it is always a new journey). */
export async function appImports(browser: Browser, base: string, count: number): Promise<{ runs: ImportRun[]; bytes: number }> {
  const journey = benchJourney(PERSISTENCE_STEPS);
  const buffer = Buffer.from(serializeJourney(journey), "utf8");
  const runs: ImportRun[] = [];
  for (let k = 0; k < count; k++) {
    runs.push(
      await inFreshPage(browser, { ...probeBoxes(journey), observeApp: true }, async ({ page }) => {
        await page.goto(`${base}/#/`);
        await page.getByRole("heading", { name: "Your journeys" }).waitFor();
        await page.locator("[data-testid=open-file-input]").waitFor({ state: "attached" });
        await page.evaluate(
          "window.addEventListener('hashchange', () => { window.__bench.marks.hash ??= performance.now(); })",
        );
        await sleep(500);
        await page.evaluate("window.__bench.resetEvents()");
        await page
          .locator("[data-testid=open-file-input]")
          .setInputFiles({ name: `generated-${PERSISTENCE_STEPS}.json`, mimeType: "application/json", buffer });
        await page.waitForFunction("window.__bench.marks.hash !== undefined && window.__bench.readyAt !== null");
        const state = await probeState(page);
        const at = state.events.change!;
        const write = state.idb.find((t) => t.mode === "readwrite" && t.stores.includes("records") && t.start >= at && t.end !== null);
        return {
          toOpenedMs: state.marks.hash! - at,
          toReadyMs: state.readyAt! - at,
          writeTxMs: write ? write.end! - write.start : Number.NaN,
        };
      }),
    );
  }
  return { runs, bytes: buffer.byteLength };
}

export interface EditAnalysisRun {
  /** From the Enter that commits an edit to the first painted frame showing it. */
  toFrameMs: number;
  /** From the Enter to the first painted frame in which the analysis (and so the highlights and
   * the insights panel) is of the edited journey. */
  toAnalysedMs: number;
  /** The analysis came from a worker (otherwise it was part of the edit's frame). */
  viaWorker: boolean;
}

/** Edits labels on the canvas of a `steps`-step journey, and times each edit to its frame and to
 * the frame that shows its analysis (the app's analysis worker's reply, where it uses one). */
export async function appEditAnalysis(browser: Browser, base: string, steps: number, count: number): Promise<EditAnalysisRun[]> {
  const journey = benchJourney(steps);
  return inFreshPage(browser, { ...probeBoxes(journey), observeApp: true, highlightSelector: HIGHLIGHT_SELECTOR }, async ({ page }) => {
    await page.goto(await seedJourney(page, base, steps));
    await waitForReady(page);
    await waitForQuiet(page, { minMs: 800, quietMs: 500, maxMs: 20_000, highlights: true });
    const runs: EditAnalysisRun[] = [];
    for (let k = 0; k < count; k++) {
      const label = `Edited label ${k + 1}`;
      await editOnCanvas(page, k, label, () => page.evaluate(`window.__bench.watchEdit(${JSON.stringify(label)}, "analysis")`));
      await page.waitForFunction("window.__bench.edit.currentAt !== null", null, { polling: 50 });
      const { at, edit } = (await page.evaluate(`({ at: window.__bench.events["keydown:Enter"], edit: window.__bench.edit })`)) as {
        at: number;
        edit: { labelAt: number; currentAt: number; viaWorker: boolean };
      };
      runs.push({ toFrameMs: edit.labelAt - at, toAnalysedMs: edit.currentAt - at, viaWorker: edit.viaWorker });
      await waitForQuiet(page, { minMs: 300, quietMs: 300, maxMs: 10_000, highlights: true });
    }
    return runs;
  });
}
