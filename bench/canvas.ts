/**
 * The canvas in headless Chromium: the app's production build opening a generated journey
 * from IndexedDB, beside bare React Flow pages with the same nodes and edges, in the same run.
 * Each run: a fresh context, navigation, "ready" (every on-screen step drawn), DOM size, a real
 * 2 s mouse-drag pan with frame times collected in the page, then the JS heap after GC.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, CDPSession, Page } from "@playwright/test";
import { HIGHLIGHT_SELECTOR, heapAfterGc, inFreshPage, sleep, waitForQuiet, waitForReady, type Run } from "./lib/browser";
import { probeBoxes } from "./lib/bare-data";
import { benchJourney, SEED } from "./lib/journeys";
import { percentile, runsFor } from "./lib/stats";

export const CANVAS_SIZES = [100, 1000, 5000];
export const VARIANTS = ["seams", "bare-default", "bare-visible"] as const;
export type Variant = (typeof VARIANTS)[number];

const PAN_MS = 2000;
const PAN_DX = 700;
const PAN_DY = 100;
/** Before the DOM is counted and the pan starts: at least this long after ready, the app's
 * highlights drawn, and no long task for QUIET_MS (so the pan measures panning, not the end of
 * opening: the analysis of a large journey arrives from its worker a while after ready). */
const SETTLE_MS = 800;
const QUIET_MS = 500;
const SETTLE_MAX_MS = 20_000;

export interface CanvasRun {
  readyMs: number;
  fps: number;
  p95FrameMs: number;
  frames: number;
  heapMB: number;
  domNodes: number;
  renderedSteps: number;
  renderedEdges: number;
  canvas: { width: number; height: number };
  viewport: { x: number; y: number; zoom: number };
  /** Time the probe's own checks took before ready (included in readyMs). */
  probeMs: number;
  /** Seams only: the journey's read transaction (begin → complete), and when the editor
   * showed (the journey was in the store), both from navigation. */
  idbReadMs?: number;
  idbReadEndMs?: number;
  editorMs?: number;
  /** Seams only: navigation → the first analysis mark (a handoff) drawn. */
  highlightsMs?: number;
  /** Navigation → the end of the last long task before the pan (the page settled). */
  settledMs: number;
}

export interface IdbRecord {
  stores: string[];
  mode: string;
  start: number;
  end: number | null;
  ok: boolean | null;
}

interface Snapshot {
  width: number;
  height: number;
  x: number;
  y: number;
  zoom: number;
  rendered: number;
  edges: number;
  probeMs: number;
  idb: IdbRecord[];
  marks: { editor?: number };
}

const SNAPSHOT = `(() => {
  const viewport = document.querySelector(".react-flow__viewport");
  const flow = viewport.closest(".react-flow");
  const m = /translate\\(\\s*([-\\d.e]+)px,\\s*([-\\d.e]+)px\\s*\\)\\s*scale\\(\\s*([-\\d.e]+)\\s*\\)/.exec(viewport.style.transform);
  return {
    width: flow.clientWidth, height: flow.clientHeight,
    x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]),
    rendered: flow.querySelectorAll(".react-flow__node").length,
    edges: flow.querySelectorAll(".react-flow__edge").length,
    probeMs: window.__bench.readyCheckMs,
    idb: window.__bench.idb,
    marks: window.__bench.marks,
  };
})()`;

/** A real drag on the empty pane: a move every 16 ms for 2 s; frame times from the page. */
export async function pan(page: Page): Promise<{ fps: number; p95FrameMs: number; frames: number }> {
  const start = (await page.evaluate("window.__bench.panePoint()")) as { x: number; y: number } | null;
  if (!start) throw new Error("found no empty pane to drag");
  await page.mouse.move(start.x, start.y);
  await page.evaluate("window.__bench.startFrames()");
  await page.mouse.down();
  const t0 = performance.now();
  for (let i = 1; ; i++) {
    const wait = t0 + i * 16 - performance.now();
    if (wait > 0) await sleep(wait);
    const f = Math.min(1, (performance.now() - t0) / PAN_MS);
    await page.mouse.move(start.x - PAN_DX * f, start.y - PAN_DY * f);
    if (f >= 1) break;
  }
  await page.mouse.up();
  const frames = (await page.evaluate("window.__bench.stopFrames()")) as number[];
  const deltas = frames.slice(1).map((t, i) => t - frames[i]!);
  const span = frames.length > 1 ? frames[frames.length - 1]! - frames[0]! : Number.NaN;
  return { fps: ((frames.length - 1) * 1000) / span, p95FrameMs: percentile(deltas, 0.95), frames: frames.length };
}

/** Where CPU profiles go (`--profile`), and the name of the run being profiled. */
export interface ProfileTarget {
  dir: string;
  name: string;
}

async function startProfile(cdp: CDPSession, target: ProfileTarget | undefined) {
  if (!target) return;
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
  await cdp.send("Profiler.start");
}

async function stopProfile(cdp: CDPSession, target: ProfileTarget | undefined, phase: string) {
  if (!target) return;
  const { profile } = await cdp.send("Profiler.stop");
  mkdirSync(target.dir, { recursive: true });
  writeFileSync(join(target.dir, `${target.name}-${phase}.cpuprofile`), JSON.stringify(profile));
}

/** Loads `url`, waits for ready, and measures DOM, pan and heap; with `profile`, CPU profiles
 * of the opening and of the pan are written (open them in Chrome DevTools' Performance panel). */
export async function measureCanvas(
  { page, cdp }: Run,
  url: string,
  { app, profile }: { app: boolean; profile?: ProfileTarget | undefined },
): Promise<CanvasRun> {
  await startProfile(cdp, profile);
  await page.goto(url);
  const readyMs = await waitForReady(page);
  await stopProfile(cdp, profile, "open");
  const snap = (await page.evaluate(SNAPSHOT)) as Snapshot;
  const settledMs = await waitForQuiet(page, { minMs: SETTLE_MS, quietMs: QUIET_MS, maxMs: SETTLE_MAX_MS, highlights: app });
  const highlightsAt = (await page.evaluate("window.__bench.highlightsAt")) as number | null;
  const domNodes = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
  await startProfile(cdp, profile);
  const panned = await pan(page);
  await stopProfile(cdp, profile, "pan");
  await sleep(300);
  const heapMB = await heapAfterGc(cdp);
  const read = snap.idb.find((t) => t.mode === "readonly" && t.stores.includes("records") && t.end !== null);
  return {
    readyMs,
    ...panned,
    heapMB,
    domNodes,
    renderedSteps: snap.rendered,
    renderedEdges: snap.edges,
    canvas: { width: snap.width, height: snap.height },
    viewport: { x: snap.x, y: snap.y, zoom: snap.zoom },
    probeMs: snap.probeMs,
    settledMs,
    ...(highlightsAt !== null ? { highlightsMs: highlightsAt } : {}),
    ...(read ? { idbReadMs: read.end! - read.start, idbReadEndMs: read.end! } : {}),
    ...(snap.marks.editor !== undefined ? { editorMs: snap.marks.editor } : {}),
  };
}

/** Seeds the app's IndexedDB with a generated journey through the lab page (the app's own
 * repository code), then returns the journey's route in the app. */
export async function seedJourney(page: Page, base: string, steps: number): Promise<string> {
  await page.goto(`${base}/bench/lab/index.html`);
  await page.waitForFunction("window.benchLab !== undefined");
  const seeded = (await page.evaluate(`window.benchLab.seed(${steps}, ${SEED})`)) as { id: string };
  return `${base}/#/journey/${encodeURIComponent(seeded.id)}`;
}

export type CanvasResults = Record<number, Record<Variant, CanvasRun[]>>;

export async function canvasBench(
  browser: Browser,
  base: string,
  options: { sizes: number[]; runs?: number; log: (line: string) => void; profileDir?: string },
): Promise<CanvasResults> {
  const results: CanvasResults = {};
  for (const steps of options.sizes) {
    const journey = benchJourney(steps);
    const boxes = probeBoxes(journey);
    const perVariant: Record<Variant, CanvasRun[]> = { seams: [], "bare-default": [], "bare-visible": [] };
    results[steps] = perVariant;
    const runs = options.runs ?? runsFor(steps);
    let shape: URLSearchParams | null = null;
    for (let r = 0; r < runs; r++) {
      // Profiles of the first run of each page, when asked for.
      const profile = (variant: Variant) =>
        options.profileDir && r === 0 ? { dir: options.profileDir, name: `${variant}-${steps}` } : undefined;
      const seams = await inFreshPage(browser, { ...boxes, observeApp: true, highlightSelector: HIGHLIGHT_SELECTOR }, async (run) =>
        measureCanvas(run, await seedJourney(run.page, base, steps), { app: true, profile: profile("seams") }),
      );
      perVariant.seams.push(seams);
      // The bare pages get the app's canvas size and first viewport.
      shape ??= new URLSearchParams({
        n: String(steps),
        w: String(seams.canvas.width),
        h: String(seams.canvas.height),
        x: String(seams.viewport.x),
        y: String(seams.viewport.y),
        zoom: String(seams.viewport.zoom),
      });
      for (const variant of ["bare-default", "bare-visible"] as const) {
        const query = new URLSearchParams(shape);
        query.set("variant", variant === "bare-default" ? "default" : "visible");
        const bare = await inFreshPage(browser, { ...boxes, observeApp: false }, (run) =>
          measureCanvas(run, `${base}/bench/bare/index.html?${query}`, { app: false, profile: profile(variant) }),
        );
        perVariant[variant].push(bare);
      }
      const last = (v: Variant) => perVariant[v][perVariant[v].length - 1]!;
      options.log(
        `canvas ${steps} run ${r + 1}/${runs}: ` +
          VARIANTS.map((v) => `${v} ${last(v).readyMs.toFixed(0)} ms, ${last(v).fps.toFixed(0)} fps`).join("; "),
      );
    }
  }
  return results;
}
