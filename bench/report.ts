/** bench-results/report.json and report.md: every figure a median (min–max), beside its
 * same-run baseline as a ratio, and the goals of the brief checked against them. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BundleReport } from "./bundle";
import { VARIANTS, type CanvasResults, type CanvasRun, type Variant } from "./canvas";
import type { AnalysisSize } from "./node/analysis";
import type { ExportSize } from "./node/export";
import type { RoutingSize } from "./node/routing";
import { ratio, stat, type Stat } from "./lib/stats";

export interface BenchResults {
  startedAt: string;
  quick: boolean;
  machine: { node: string; cpus: number; loadAverage: number[] };
  durationS?: number;
  analysis?: { sizes: AnalysisSize[]; naiveSample: number };
  export?: { sizes: ExportSize[] };
  routing?: { sizes: RoutingSize[] };
  bundle?: BundleReport;
  canvas?: CanvasResults;
  persistence?: {
    steps: number;
    lab: { createMs: number; loadMs: Stat; editSaveMs: Stat; diffMs: Stat; rowsWritten: number[] };
    appEdit: { toSavedStatusMs: Stat; saveTxMs: Stat; toCommitMs: Stat };
    import: { bytes: number; toOpenedMs: Stat; toReadyMs: Stat; writeTxMs: Stat };
  };
  editAnalysis?: { steps: number; toFrameMs: Stat; toAnalysedMs: Stat; viaWorker: boolean; analyseMs: Stat };
}

type Metric = "readyMs" | "fps" | "p95FrameMs" | "heapMB" | "domPerStep";

const METRICS: { key: Metric; label: string; digits: number }[] = [
  { key: "readyMs", label: "ready: navigation → every on-screen step drawn (ms)", digits: 0 },
  { key: "fps", label: "pan: frame rate over a 2 s drag (fps)", digits: 1 },
  { key: "p95FrameMs", label: "pan: 95th-percentile frame time (ms)", digits: 1 },
  { key: "heapMB", label: "JS heap after the pan, after GC (MB)", digits: 1 },
  { key: "domPerStep", label: "DOM elements per step, at ready", digits: 2 },
];

const VARIANT_LABELS: Record<Variant, string> = {
  seams: "Seams",
  "bare-default": "bare: default",
  "bare-visible": "bare: visible only, sizes given",
};

function metricStat(runs: CanvasRun[], key: Metric, steps: number): Stat {
  return stat(runs.map((r) => (key === "domPerStep" ? r.domNodes / steps : r[key])));
}

const n = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–";
const fmt = (s: Stat | undefined, digits = 0) => (s && s.runs.length ? `${n(s.median, digits)} (${n(s.min, digits)}–${n(s.max, digits)})` : "–");
const times = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "–");
const kb = (bytes: number) => `${n(bytes / 1024, 1)} KB`;

interface Goal {
  area: string;
  goal: string;
  measured: string;
  met: boolean | null;
}

/** The median of a canvas metric for one variant and size. */
function median(results: CanvasResults, steps: number, variant: Variant, key: Metric) {
  const runs = results[steps]?.[variant];
  return runs && runs.length ? metricStat(runs, key, steps).median : Number.NaN;
}

function goals(r: BenchResults): Goal[] {
  const out: Goal[] = [];
  const c = r.canvas;
  if (c) {
    for (const [steps, factor] of [
      [1000, 1.25],
      [5000, 1.5],
    ] as const) {
      if (!c[steps]) continue;
      const seams = median(c, steps, "seams", "readyMs");
      const fastest = Math.min(median(c, steps, "bare-default", "readyMs"), median(c, steps, "bare-visible", "readyMs"));
      const read = stat(c[steps].seams.map((x) => x.idbReadMs ?? Number.NaN)).median;
      const limit = factor * fastest + (Number.isFinite(read) ? read : 0);
      out.push({
        area: "Open",
        goal: `ready at ${n(steps)} steps ≤ ${factor}× fastest bare + IndexedDB read`,
        measured: `${n(seams)} ms vs ${factor} × ${n(fastest)} + ${n(read)} = ${n(limit)} ms (${times(ratio(seams, fastest))} fastest bare)`,
        met: seams <= limit,
      });
    }
    for (const steps of Object.keys(c).map(Number)) {
      const fps = median(c, steps, "seams", "fps");
      const bareFps = Math.max(median(c, steps, "bare-default", "fps"), median(c, steps, "bare-visible", "fps"));
      const p95 = median(c, steps, "seams", "p95FrameMs");
      const bareP95 = Math.min(median(c, steps, "bare-default", "p95FrameMs"), median(c, steps, "bare-visible", "p95FrameMs"));
      const fpsFloor = steps >= 5000 ? Math.max(0.9 * bareFps, 50) : 0.9 * bareFps;
      out.push({
        area: "Pan",
        goal: `${n(steps)} steps: ≥ 0.9× best bare fps${steps >= 5000 ? " and ≥ 50 fps" : ""}; p95 ≤ best bare p95 + 16.7 ms`,
        measured: `${n(fps, 1)} fps vs ${n(bareFps, 1)} (${times(ratio(fps, bareFps))}); p95 ${n(p95, 1)} ms vs ${n(bareP95, 1)} ms`,
        met: fps >= fpsFloor && p95 <= bareP95 + 16.7,
      });
      const heap = median(c, steps, "seams", "heapMB");
      const bareHeap = median(c, steps, "bare-visible", "heapMB");
      out.push({
        area: "Heap",
        goal: `${n(steps)} steps: ≤ 1.5× bare (visible only, sizes given) + 10 MB`,
        measured: `${n(heap, 1)} MB vs 1.5 × ${n(bareHeap, 1)} + 10 = ${n(1.5 * bareHeap + 10, 1)} MB`,
        met: heap <= 1.5 * bareHeap + 10,
      });
    }
  }
  const five = r.analysis?.sizes.find((s) => s.steps === 5000);
  if (five) {
    out.push({
      area: "Analysis",
      goal: "5,000 steps in Node ≤ 100 ms",
      measured: `${n(five.analyseMs.median, 1)} ms`,
      met: five.analyseMs.median <= 100,
    });
    const speedUp = ratio(five.naiveMs.median, five.analyseMs.median);
    out.push({
      area: "Analysis",
      goal: "5,000 steps ≥ 10× faster than the naive all-pairs duplicate scan",
      measured: `naive ${n(five.naiveMs.median)} ms ÷ analysis ${n(five.analyseMs.median, 1)} ms = ${times(speedUp)}`,
      met: speedUp >= 10,
    });
  }
  if (r.editAnalysis) {
    const e = r.editAnalysis;
    const after = e.toAnalysedMs.median - e.toFrameMs.median;
    out.push({
      area: "Analysis",
      goal: `an edit's highlights updated within one frame (16 ms) at ${n(e.steps)} steps, off the main thread where a full pass takes longer`,
      measured: `edit → its frame ${n(e.toFrameMs.median)} ms, → its highlights ${n(e.toAnalysedMs.median)} ms (${n(after)} ms after the edit's frame, ${e.viaWorker ? "worker" : "main thread"}); a full pass on the main thread takes ${n(e.analyseMs.median, 1)} ms`,
      met: after <= 16.7,
    });
  }
  const p = r.persistence;
  if (p) {
    out.push({
      area: "Persistence",
      goal: "one step edit durable in IndexedDB ≤ 20 ms at 5,000 steps",
      measured: `edit → commit ${n(p.lab.editSaveMs.median, 1)} ms (repository); in the app the write transaction takes ${n(p.appEdit.saveTxMs.median, 1)} ms, after the 300 ms autosave debounce`,
      met: p.lab.editSaveMs.median <= 20 && p.appEdit.saveTxMs.median <= 20,
    });
    out.push({
      area: "Persistence",
      goal: "opening 5,000 steps ≤ 400 ms",
      measured: `IndexedDB → journey in the store ${n(p.lab.loadMs.median)} ms`,
      met: p.lab.loadMs.median <= 400,
    });
  }
  if (r.bundle) {
    out.push({
      area: "Bundle",
      goal: "initial JavaScript ≤ 300 KB gzip",
      measured: kb(r.bundle.initialGzip),
      met: r.bundle.initialGzip <= 300 * 1024,
    });
  }
  return out;
}

function canvasSection(c: CanvasResults): string[] {
  const lines: string[] = ["## Canvas (headless Chromium, production build)", ""];
  lines.push(
    "Same generated journey (seed 1, 12 lanes) in the app opened from IndexedDB, and bare React Flow pages with the same nodes at the same places, the same edges, the app's canvas size and first viewport. Ratios: Seams ÷ each bare page, medians of the same run.",
    "",
  );
  for (const steps of Object.keys(c).map(Number)) {
    const v = c[steps]!;
    const runs = v.seams.length;
    lines.push(`### ${n(steps)} steps (${runs} run${runs === 1 ? "" : "s"} each, interleaved)`, "");
    lines.push(`| | ${VARIANTS.map((x) => VARIANT_LABELS[x]).join(" | ")} | Seams ÷ default | Seams ÷ visible+sized |`);
    lines.push("|---|---|---|---|---|---|");
    for (const m of METRICS) {
      const cells = VARIANTS.map((x) => fmt(metricStat(v[x], m.key, steps), m.digits));
      const s = median(c, steps, "seams", m.key);
      lines.push(
        `| ${m.label} | ${cells.join(" | ")} | ${times(ratio(s, median(c, steps, "bare-default", m.key)))} | ${times(ratio(s, median(c, steps, "bare-visible", m.key)))} |`,
      );
    }
    const inDom = VARIANTS.map((x) => n(stat(v[x].map((r) => r.renderedSteps)).median));
    lines.push(`| steps in the DOM at ready | ${inDom.join(" | ")} | | |`);
    const read = stat(v.seams.map((r) => r.idbReadMs ?? Number.NaN));
    const editor = stat(v.seams.map((r) => r.editorMs ?? Number.NaN));
    const marks = stat(v.seams.map((r) => r.highlightsMs ?? Number.NaN));
    lines.push("");
    lines.push(
      `Seams at ${n(steps)} steps: the journey's IndexedDB read transaction ${fmt(read, 1)} ms; navigation → journey in the store (editor shown) ${fmt(editor)} ms; navigation → first analysis mark drawn ${fmt(marks)} ms; zoom at ready ${n(v.seams[0]?.viewport.zoom ?? Number.NaN, 2)}, canvas ${v.seams[0]?.canvas.width}×${v.seams[0]?.canvas.height} px. The probe's own checks took ${n(stat(v.seams.map((r) => r.probeMs)).median, 1)} ms of the ready time.`,
      "",
    );
  }
  return lines;
}

export function renderMarkdown(r: BenchResults): string {
  const lines: string[] = ["# Seams benchmark", ""];
  lines.push(
    `Run ${r.startedAt} on ${r.machine.cpus} CPUs (load average ${r.machine.loadAverage.map((x) => x.toFixed(1)).join(", ")} at the start), Node ${r.machine.node}${r.durationS ? `, ${n(r.durationS)} s in all` : ""}.${r.quick ? " **A partial run (--quick, --runs or --sizes): not a report to quote.**" : ""}`,
    "",
    "Every figure is the median of its runs with (min–max): at least 3 runs, 5 from 2,000 steps up.",
    "",
  );
  const g = goals(r);
  if (g.length) {
    lines.push("## Goals", "", "| Area | Goal | Measured | Met |", "|---|---|---|---|");
    for (const x of g) lines.push(`| ${x.area} | ${x.goal} | ${x.measured} | ${x.met === null ? "–" : x.met ? "yes" : "**no**"} |`);
    lines.push("");
  }
  if (r.canvas) lines.push(...canvasSection(r.canvas));
  if (r.analysis) {
    lines.push("## Analysis (Node)", "");
    lines.push("| steps | flows | analyseJourney (ms) | first run (ms) | handoffs | repeated information | duplicates | naive all-pairs duplicate scan (ms) | naive ÷ analyseJourney |");
    lines.push("|---|---|---|---|---|---|---|---|---|");
    for (const s of r.analysis.sizes) {
      lines.push(
        `| ${n(s.steps)} | ${n(s.flows)} | ${fmt(s.analyseMs, 1)} | ${n(s.firstRunMs, 1)} | ${fmt(s.parts.handoffsMs, 1)} | ${fmt(s.parts.repeatedMs, 1)} | ${fmt(s.parts.duplicatesMs, 1)} | ${fmt(s.naiveMs)}${s.naiveEstimated ? ` (estimated: every ${r.analysis.naiveSample}th row timed, scaled)` : ""} | ${times(ratio(s.naiveMs.median, s.analyseMs.median))} |`,
      );
    }
    const found = r.analysis.sizes.map((s) => `${n(s.steps)}: ${s.found.handoffs} handoffs, ${s.found.repeatedItems} repeated items, ${s.found.duplicateClusters} duplicate clusters`);
    lines.push("", `Found: ${found.join("; ")}.`, "");
  }
  if (r.editAnalysis) {
    const e = r.editAnalysis;
    lines.push(
      `Edits at ${n(e.steps)} steps in Chromium, a label typed on the canvas (Enter → first painted frame): the edit shown ${fmt(e.toFrameMs)} ms; its analysis shown on the canvas ${fmt(e.toAnalysedMs)} ms (${e.viaWorker ? "from the app's analysis worker" : "computed in the edit's own frame"}). One full \`analyseJourney\` after an edit on the page's main thread: ${fmt(e.analyseMs, 1)} ms.`,
      "",
    );
  }
  const p = r.persistence;
  if (p) {
    lines.push(`## Persistence (Chromium, IndexedDB, ${n(p.steps)} steps)`, "", "| | median (min–max) |", "|---|---|");
    lines.push(`| write a new journey (repository.create, one transaction) | ${n(p.lab.createMs)} ms (one run) |`);
    lines.push(`| open: IndexedDB → journey in the store (repository.load + openJourney) | ${fmt(p.lab.loadMs)} ms |`);
    lines.push(`| one step edited → save committed (store command + repository.saveChanges, no debounce) | ${fmt(p.lab.editSaveMs, 1)} ms |`);
    lines.push(`| … of which diffing the two journeys | ${fmt(p.lab.diffMs, 1)} ms |`);
    lines.push(`| rows written per one-step save | ${p.lab.rowsWritten.join(", ")} |`);
    lines.push(`| app: edit on the canvas (Enter) → "All changes saved" (includes the 300 ms debounce) | ${fmt(p.appEdit.toSavedStatusMs)} ms |`);
    lines.push(`| app: edit → write transaction complete | ${fmt(p.appEdit.toCommitMs)} ms |`);
    lines.push(`| app: the write transaction, begin → complete (strict durability) | ${fmt(p.appEdit.saveTxMs, 1)} ms |`);
    lines.push(`| app: import a ${kb(p.import.bytes)} file (Open a file) → journey opened | ${fmt(p.import.toOpenedMs)} ms |`);
    lines.push(`| app: import → canvas ready | ${fmt(p.import.toReadyMs)} ms |`);
    lines.push(`| app: import's write transaction | ${fmt(p.import.writeTxMs)} ms |`);
    lines.push("");
  }
  if (r.routing) {
    lines.push(
      "## Flow routing (Node)",
      "",
      "Routes round the cards (A* on a sparse grid, then nudging) and label placement, beside what they replaced in the same runs: the SVG export's fixed elbows and the canvas's smooth-step paths (one `getSmoothStepPath` per flow). The counts are of the drawn lines: pieces through a card, and pieces of line shared by two flows with no step in common.",
      "",
      "| steps | flows | routeFlows (ms) | first run (ms) | labels (ms) | old elbows (ms) | smooth-step (ms) | routes ÷ smooth-step | analyseJourney, same runs (ms) | through a card: routes / elbows | shared pieces: routes / elbows |",
      "|---|---|---|---|---|---|---|---|---|---|---|",
    );
    for (const s of r.routing.sizes) {
      lines.push(
        `| ${n(s.steps)} | ${n(s.flows)} | ${fmt(s.routeMs, 1)} | ${n(s.firstRunMs, 1)} | ${fmt(s.labelsMs, 1)} (${n(s.labels)} labels) | ${fmt(s.elbowsMs, 2)} | ${fmt(s.smoothStepMs, 2)} | ${times(ratio(s.routeMs.median, s.smoothStepMs.median))} | ${fmt(s.analyseMs, 1)} | ${s.problems.routes.throughCard} / ${s.problems.elbows.throughCard} | ${s.problems.routes.sharedSegment} / ${s.problems.elbows.sharedSegment} |`,
      );
    }
    lines.push("");
  }
  if (r.export) {
    lines.push("## SVG export (Node)", "", "| steps | exportSvg (ms) | first run (ms) | size |", "|---|---|---|---|");
    for (const s of r.export.sizes) lines.push(`| ${n(s.steps)} | ${fmt(s.ms)} | ${n(s.firstRunMs)} | ${kb(s.bytes)} |`);
    lines.push("");
  }
  if (r.bundle) {
    const b = r.bundle;
    lines.push("## Bundle (production build)", "");
    lines.push(`Initial JavaScript (what index.html loads before any lazy chunk): **${kb(b.initialGzip)} gzip** (${kb(b.initialBytes)} raw), gzip level 9.`, "");
    lines.push("| file | raw | gzip |", "|---|---|---|");
    for (const f of b.initial) lines.push(`| ${f.file} (initial) | ${kb(f.bytes)} | ${kb(f.gzip)} |`);
    for (const f of b.lazy) lines.push(`| ${f.file} (lazy) | ${kb(f.bytes)} | ${kb(f.gzip)} |`);
    lines.push("");
  }
  return lines.join("\n");
}

export function writeReport(dir: string, results: BenchResults): void {
  writeFileSync(join(dir, "report.json"), JSON.stringify({ ...results, goals: goals(results) }, null, 2));
  writeFileSync(join(dir, "report.md"), renderMarkdown(results));
}
