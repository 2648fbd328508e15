/** Headless Chromium for the benchmark: one browser, a fresh context (empty storage) per run,
 * service workers blocked (the app's precache would compete with the page it measures), and
 * the probe added to every page. */
import { readFileSync } from "node:fs";
import { chromium, type Browser, type CDPSession, type Page } from "@playwright/test";
import { findChromium } from "../../scripts/chromium.mjs";

export const VIEWPORT = { width: 1280, height: 800 };

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const probeSource = readFileSync(new URL("../probe.js", import.meta.url), "utf8");

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error("No Chromium found: install Debian's chromium, set CHROMIUM_PATH, or run npx playwright install chromium.");
  }
  return chromium.launch({ executablePath, args: ARGS, headless: true });
}

export interface ProbeConfig {
  ids: string[];
  xywh: number[];
  observeApp: boolean;
  /** The app's analysis marks: what shows that the highlights are drawn. */
  highlightSelector?: string;
}

/** A flow drawn as a handoff: the canvas shows the analysis. */
export const HIGHLIGHT_SELECTOR = ".react-flow__edge .handoff-direct, .react-flow__edge .handoff-internal, .react-flow__edge .handoff-citizen-carried";

export interface Run {
  page: Page;
  cdp: CDPSession;
}

/** Runs `body` in a page of its own context; the context is closed afterwards. */
export async function inFreshPage<T>(browser: Browser, probe: ProbeConfig, body: (run: Run) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await page.addInitScript({ content: `${probeSource}\nwindow.__installProbe(${JSON.stringify(probe)});` });
    const cdp = await context.newCDPSession(page);
    return await body({ page, cdp });
  } finally {
    await context.close();
  }
}

/** JS heap in use after a full garbage collection, in MB. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const usage = await cdp.send("Runtime.getHeapUsage");
  return usage.usedSize / (1024 * 1024);
}

export async function waitForReady(page: Page): Promise<number> {
  await page.waitForFunction("window.__bench && window.__bench.readyAt !== null", null, { polling: 100 });
  return (await page.evaluate("window.__bench.readyAt")) as number;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the page is quiet: `minMs` after now at least, the highlights drawn (when the
 * probe watches for them), and no main-thread task over 50 ms in the last `quietMs`. Gives up
 * after `maxMs`. Returns when, from navigation, the last long task before that ended. */
export async function waitForQuiet(page: Page, opts: { minMs: number; quietMs: number; maxMs: number; highlights: boolean }): Promise<number> {
  await sleep(opts.minMs);
  const check = `(() => { const b = window.__bench; const now = performance.now();
    const last = b.longTasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0);
    return (${opts.highlights} ? b.highlightsAt !== null : true) && now - last >= ${opts.quietMs} ? last : null; })()`;
  const handle = await page.waitForFunction(check, null, { polling: 100, timeout: opts.maxMs }).catch(() => null);
  const last = handle ? ((await handle.jsonValue()) as number) : Number.NaN;
  return last;
}
