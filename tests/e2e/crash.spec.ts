/**
 * A renderer crash mid-editing (reliability.md F03). A persistent browser profile; steps are
 * added through the outline as fast as a person typing quickly; CDP `Page.crash` kills the
 * renderer at a random moment; the browser is closed and the profile opened again. Each run
 * may lose only the edits made within the last debounce window, and nothing may come back
 * corrupted (the journey opens with no repair notice and nothing is quarantined).
 *
 * SEAMS_CRASH_RUNS sets the number of runs (10 by default); SEAMS_CRASH_SEED replays a run's
 * random crash moments. The figures go to reports/crash.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { findChromium } from "../../scripts/chromium.mjs";
import { expect, test } from "./fixtures";

// An action that cannot happen fails with its reason instead of waiting for the test timeout.
test.use({ actionTimeout: 10_000 });

const RUNS = Math.max(1, Number(process.env.SEAMS_CRASH_RUNS ?? 10));
const SEED = Number(process.env.SEAMS_CRASH_SEED ?? Date.now() % 2_147_483_647);
/** Autosave keeps IndexedDB at most this far behind the journey in memory. */
const WINDOW_MS = 500;
/** The crash comes at a random moment this long after the first edit starts. */
const CRASH_WITHIN_MS = 1_500;
const STAGE = "During";

/** A small seeded random number generator (mulberry32), so a run can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Edit {
  label: string;
  /** When Enter committed it, by the page's clock (the same wall clock as the test's). */
  at: number;
}

interface RunResult {
  run: number;
  crashAfterMs: number;
  made: number;
  survived: number;
  lost: number;
  allowed: number;
  oldestLostAgeMs: number | null;
  repairs: number;
  quarantined: number;
}

function watchProblems(page: Page, problems: string[]) {
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** Rows the app set aside as unreadable, read straight from IndexedDB. */
async function quarantinedRows(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("seams");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const count = await new Promise<number>((resolve, reject) => {
      const req = db.transaction("quarantine").objectStore("quarantine").count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return count;
  });
}

/** Report each step added in the outline, with the page's time of the Enter that added it,
 * so the record of what was made does not depend on how fast the test hears about it. */
async function reportEdits(context: BrowserContext, onEdit: (edit: Edit) => void) {
  await context.exposeBinding("__seamsEditMade", (_source, label: string, at: number) =>
    onEdit({ label, at }),
  );
  await context.addInitScript(() => {
    document.addEventListener(
      "keydown",
      (event) => {
        const input = event.target;
        if (event.key !== "Enter" || !(input instanceof HTMLInputElement)) return;
        if (!input.closest(".outline-add-step") || !input.value.trim()) return;
        const report = (window as unknown as { __seamsEditMade(l: string, at: number): void })
          .__seamsEditMade;
        report(input.value.trim(), Date.now());
      },
      true,
    );
  });
}

/** Add steps in the outline, one after another, until the page dies. */
async function editUntilCrash(page: Page, run: number): Promise<void> {
  try {
    for (let k = 1; k < 1_000; k++) {
      const label = `Run ${run} edit ${k}`;
      await page.getByRole("button", { name: `Add step to ${STAGE}`, exact: true }).click();
      const name = page.getByLabel("Step name");
      await name.fill(label);
      await name.press("Enter");
      await page.locator(".outline-step__label", { hasText: label }).waitFor();
    }
  } catch {
    // The renderer crashed under the action in progress.
  }
}

test("a renderer crash mid-editing loses at most the last debounce window", async ({
  baseURL,
  launchOptions,
}, testInfo) => {
  test.setTimeout(60_000 + RUNS * 20_000);
  const random = seeded(SEED);
  console.log(`crash test: ${RUNS} runs, seed ${SEED} (SEAMS_CRASH_SEED=${SEED} replays it)`);
  const profile = testInfo.outputPath("profile");
  const problems: string[] = [];
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      args: launchOptions.args,
      baseURL,
      viewport: { width: 1440, height: 900 },
    });

  const results: RunResult[] = [];
  const failures: string[] = [];
  let edits: Edit[] = [];
  let pending: {
    run: number;
    url: string;
    edits: Edit[];
    crashAt: number;
    crashAfterMs: number;
  } | null = null;
  for (let run = 1; run <= RUNS + 1; run++) {
    const context = await launch();
    await reportEdits(context, (edit) => edits.push(edit));
    const page = await firstPage(context);
    watchProblems(page, problems);

    // Check the journey of the run before, in the profile opened again.
    if (pending) {
      await page.goto(pending.url);
      await expect(page.getByTestId("canvas")).toBeVisible();
      await page.getByRole("button", { name: "Outline", exact: true }).click();
      const onScreen = new Set(await page.locator(".outline-step__label").allTextContents());
      const made = pending.edits.filter((e) => e.at <= pending!.crashAt);
      const lost = made.filter((e) => !onScreen.has(e.label));
      const firstLost = made.findIndex((e) => !onScreen.has(e.label));
      // Saves are in order: what survived is a prefix of what was made.
      const holes = firstLost < 0 ? [] : made.slice(firstLost).filter((e) => onScreen.has(e.label));
      const allowed = made.filter((e) => e.at > pending!.crashAt - WINDOW_MS).length;
      const repairs = await page
        .getByTestId("storage-notice")
        .filter({ hasText: "repaired" })
        .count();
      const result: RunResult = {
        run: pending.run,
        crashAfterMs: Math.round(pending.crashAfterMs),
        made: made.length,
        survived: made.length - lost.length,
        lost: lost.length,
        allowed,
        oldestLostAgeMs: lost[0] ? pending.crashAt - lost[0].at : null,
        repairs,
        quarantined: await quarantinedRows(page),
      };
      results.push(result);
      console.log(JSON.stringify(result));
      if (result.lost > allowed)
        failures.push(`run ${result.run}: lost ${result.lost}, allowed ${allowed}`);
      if (holes.length > 0)
        failures.push(`run ${result.run}: an earlier edit lost, a later one kept`);
      if (result.repairs + result.quarantined > 0)
        failures.push(`run ${result.run}: corrupted records`);
      if ((await page.getByTestId("storage-banner").count()) > 0)
        failures.push(`run ${result.run}: storage problem`);
      pending = null;
    }
    if (run > RUNS) {
      await context.close();
      break;
    }

    // A new journey for this run, edited in the outline until the renderer is crashed.
    await page.goto("/");
    await page.getByRole("button", { name: "New journey" }).click();
    await expect(page.getByTestId("canvas")).toBeVisible();
    await page.getByRole("button", { name: "Outline", exact: true }).click();
    const url = page.url();
    const cdp = await context.newCDPSession(page);
    edits = [];
    const crashAfterMs = random() * CRASH_WITHIN_MS;
    let crashAt = 0;
    const crash = new Promise<void>((resolve) =>
      setTimeout(() => {
        crashAt = Date.now();
        cdp.send("Page.crash").catch(() => undefined); // never answers: the renderer is gone
        resolve();
      }, crashAfterMs),
    );
    await editUntilCrash(page, run);
    await crash;
    pending = { run, url, edits, crashAt, crashAfterMs };
    await context.close();
  }

  const figures = {
    runs: results.length,
    seed: SEED,
    debounceWindowMs: WINDOW_MS,
    editsMade: results.reduce((n, r) => n + r.made, 0),
    editsLost: results.reduce((n, r) => n + r.lost, 0),
    maxEditsLost: Math.max(...results.map((r) => r.lost)),
    maxEditsAllowed: Math.max(...results.map((r) => r.allowed)),
    maxLostAgeMs: Math.max(0, ...results.map((r) => r.oldestLostAgeMs ?? 0)),
    recordsCorrupted: results.reduce((n, r) => n + r.repairs + r.quarantined, 0),
    failures,
    perRun: results,
  };
  mkdirSync("reports", { recursive: true });
  writeFileSync("reports/crash.json", `${JSON.stringify(figures, null, 2)}\n`);
  console.log(
    `crash test: ${figures.runs} runs, ${figures.editsMade} edits made, max ${figures.maxEditsLost} lost in a run, ${figures.recordsCorrupted} records corrupted`,
  );
  expect(failures).toEqual([]);
  expect(results).toHaveLength(RUNS);
  expect(figures.editsMade).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
