// npm run fuzz: the file-format, export and reliability tests with every fast-check property
// at SEAMS_FUZZ_RUNS runs (100,000 unless set), where `npm test` makes 1,000. A few slow
// properties cap their own count (see each one's fuzzMax). Their figures go to the `fuzz`
// section of reports/reliability.json (cleared first, so it holds this run only); the run's
// time and outcome go to reports/fuzz-run.json and its test results to
// reports/fuzz-vitest.json (reports/vitest.json stays npm test's). Arguments are test paths:
// `npm run fuzz -- tests/unit/format`, or `SEAMS_FUZZ_RUNS=5000 npm run fuzz`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startVitest } from "vitest/node";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const reports = join(root, "reports");
const runs = process.env.SEAMS_FUZZ_RUNS || "100000";
const given = process.argv.slice(2);
const paths =
  given.length > 0 ? given : ["tests/unit/format", "tests/unit/export", "tests/unit/reliability"];
// Properties at 100,000 runs take minutes; a hang still ends here.
const timeoutMs = 2 * 60 * 60 * 1000;
const workers = Math.max(1, availableParallelism());

mkdirSync(reports, { recursive: true });
const reliability = join(reports, "reliability.json");
if (existsSync(reliability)) {
  try {
    const report = JSON.parse(readFileSync(reliability, "utf8"));
    delete report.fuzz;
    writeFileSync(reliability, `${JSON.stringify(report, null, 2)}\n`);
  } catch {
    // An unreadable report is rewritten by the tests.
  }
}

process.env.SEAMS_FUZZ_RUNS = runs;
process.env.SEAMS_FUZZ_TIMEOUT_MS = String(timeoutMs);
// jsdom keeps every SVG document it parsed reachable once querySelector has run on it (about
// 1 MB a drawing), so the jsdom SVG properties need room even at their lower fuzz counts.
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=6144`.trim();

const startedAt = new Date();
console.log(`fuzz: SEAMS_FUZZ_RUNS=${runs}, ${workers} workers: ${paths.join(" ")}`);
const vitest = await startVitest("test", paths, {
  root,
  run: true,
  watch: false,
  testTimeout: timeoutMs,
  maxWorkers: workers,
  reporters: ["default", ["json", { outputFile: join(reports, "fuzz-vitest.json") }]],
});
await vitest?.close();

const finishedAt = new Date();
const seconds = Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000);
let tests = null;
try {
  const json = JSON.parse(readFileSync(join(reports, "fuzz-vitest.json"), "utf8"));
  tests = { passed: json.numPassedTests, failed: json.numFailedTests };
} catch {
  // No results when Vitest did not finish.
}
const exitCode = vitest && tests && tests.failed === 0 && (process.exitCode ?? 0) === 0 ? 0 : 1;
const run = {
  runs: Number(runs),
  paths,
  startedAt: startedAt.toISOString(),
  finishedAt: finishedAt.toISOString(),
  seconds,
  workers,
  exitCode,
  tests,
};
writeFileSync(join(reports, "fuzz-run.json"), `${JSON.stringify(run, null, 2)}\n`);
console.log(`fuzz: ${Math.floor(seconds / 60)} min ${seconds % 60} s, exit ${exitCode}`);
process.exit(exitCode);
