/**
 * `npm run bench`: builds the app (production, into bench-results/site) and the benchmark's
 * pages, then measures analysis and export in Node, the canvas, persistence and analysis in
 * headless Chromium, and the initial bundle, and writes bench-results/report.md and .json.
 *
 * Options: --quick (one run of 100 and 1,000 steps only: a smoke test, not a report to quote),
 * --only=analysis,routing,export,bundle,canvas,persistence (a subset), --sizes=1000,5000 (canvas sizes),
 * --runs=N (canvas runs per size, for profiling; fewer than the report's rule), --full (the
 * naive duplicate scan at 20,000 steps in full: minutes), --profile (CPU profiles of the first
 * canvas run of each page, opening and pan, in bench-results/profiles).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { bareData } from "./lib/bare-data";
import { launchBrowser } from "./lib/browser";
import { runProcess, startPreview } from "./lib/processes";
import { stat } from "./lib/stats";
import { bundleReport } from "./bundle";
import { CANVAS_SIZES, canvasBench } from "./canvas";
import { benchJourney } from "./lib/journeys";
import { appEditAnalysis, appEdits, appImports, labAnalysisAfterEdit, labPersistence } from "./persistence";
import { writeReport, type BenchResults } from "./report";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "bench-results");
const site = join(out, "site");
const viteBin = join(root, "node_modules", "vite", "bin", "vite.js");

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const full = args.includes("--full");
const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
const wants = (part: string) => !only || only.includes(part);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizesOption = option("sizes")?.split(",").map(Number);
const runsOption = option("runs") ? Number(option("runs")) : quick ? 1 : undefined;

const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** The Node benchmarks, built by Vite as the app is (tsx would wrap every inner function in a
 * name-keeping helper, which costs a third of the analysis time), then run in their own process. */
async function buildNodeBenches(): Promise<void> {
  await build({
    configFile: false,
    logLevel: "warn",
    publicDir: false,
    build: {
      ssr: true,
      target: "node20",
      minify: false,
      outDir: join(out, "node"),
      emptyOutDir: true,
      rolldownOptions: {
        input: {
          analysis: join(root, "bench", "node", "analysis.ts"),
          routing: join(root, "bench", "node", "routing.ts"),
          export: join(root, "bench", "node", "export.ts"),
        },
      },
    },
  });
}

async function nodeBench(script: string, extra: string[] = []): Promise<unknown> {
  const file = join(out, `${script}.json`);
  await runProcess(process.execPath, [join(out, "node", `${script}.js`), file, ...extra], { cwd: root });
  return JSON.parse(readFileSync(file, "utf8"));
}

async function main() {
  mkdirSync(out, { recursive: true });
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    quick: quick || runsOption !== undefined || sizesOption !== undefined,
    machine: { node: process.version, cpus: (await import("node:os")).cpus().length, loadAverage: (await import("node:os")).loadavg() },
  };

  if (wants("analysis") || wants("routing") || wants("export")) await buildNodeBenches();
  if (wants("analysis")) {
    log("analysis in Node…");
    results.analysis = (await nodeBench("analysis", full ? ["--full"] : [])) as BenchResults["analysis"];
  }
  if (wants("routing")) {
    log("flow routing in Node…");
    results.routing = (await nodeBench("routing")) as BenchResults["routing"];
  }
  if (wants("export")) {
    log("SVG export in Node…");
    results.export = (await nodeBench("export")) as BenchResults["export"];
  }

  const browserParts = wants("canvas") || wants("persistence");
  if (wants("bundle") || browserParts) {
    log("building the app (production) and the benchmark pages…");
    await runProcess(process.execPath, [viteBin, "build", "--outDir", site, "--emptyOutDir", "--logLevel", "warn"], { cwd: root, quiet: true });
    await runProcess(process.execPath, [viteBin, "build", "--config", join(root, "bench", "vite.bench.config.ts")], { cwd: root, quiet: true });
    results.bundle = bundleReport(site);
  }

  if (browserParts) {
    const sizes = sizesOption ?? (quick ? [100, 1000] : CANVAS_SIZES);
    mkdirSync(join(site, "bench", "data"), { recursive: true });
    for (const steps of sizes) {
      writeFileSync(join(site, "bench", "data", `bare-${steps}.json`), JSON.stringify(bareData(benchJourney(steps))));
    }
    const server = await startPreview(viteBin, site, root);
    const browser = await launchBrowser();
    log(`serving ${server.url}; Chromium ${browser.version()}`);
    try {
      if (wants("canvas")) {
        results.canvas = await canvasBench(browser, server.url, {
          sizes,
          ...(runsOption ? { runs: runsOption } : {}),
          ...(args.includes("--profile") ? { profileDir: join(out, "profiles") } : {}),
          log,
        });
      }
      if (wants("persistence")) {
        const runs = quick ? 1 : 5;
        log("persistence: the repository in the lab page…");
        const lab = await labPersistence(browser, server.url, runs);
        log("persistence: edits on the canvas of a 5,000-step journey…");
        const edits = await appEdits(browser, server.url, runs);
        log("persistence: importing a 5,000-step file…");
        const imports = await appImports(browser, server.url, runs);
        log("analysis after an edit: on the canvas, and analyseJourney in the page (1,000 steps)…");
        const editRuns = await appEditAnalysis(browser, server.url, 1000, quick ? 1 : 5);
        const analysisMs = await labAnalysisAfterEdit(browser, server.url, 1000, quick ? 3 : 7);
        results.persistence = {
          steps: 5000,
          lab: {
            createMs: lab.createMs,
            loadMs: stat(lab.loadMs),
            editSaveMs: stat(lab.editSaveMs),
            diffMs: stat(lab.diffMs),
            rowsWritten: lab.rowsWritten,
          },
          appEdit: {
            toSavedStatusMs: stat(edits.map((e) => e.toSavedStatusMs)),
            saveTxMs: stat(edits.map((e) => e.saveTxMs)),
            toCommitMs: stat(edits.map((e) => e.toCommitMs)),
          },
          import: {
            bytes: imports.bytes,
            toOpenedMs: stat(imports.runs.map((r) => r.toOpenedMs)),
            toReadyMs: stat(imports.runs.map((r) => r.toReadyMs)),
            writeTxMs: stat(imports.runs.map((r) => r.writeTxMs)),
          },
        };
        results.editAnalysis = {
          steps: 1000,
          toFrameMs: stat(editRuns.map((r) => r.toFrameMs)),
          toAnalysedMs: stat(editRuns.map((r) => r.toAnalysedMs)),
          viaWorker: editRuns.every((r) => r.viaWorker),
          analyseMs: stat(analysisMs),
        };
      }
    } finally {
      await browser.close();
      await server.stop();
    }
  }

  results.durationS = (performance.now() - started) / 1000;
  writeReport(out, results);
  log(`wrote ${join("bench-results", "report.md")} and report.json in ${results.durationS.toFixed(0)} s`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
