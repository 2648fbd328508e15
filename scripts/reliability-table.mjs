// Turns the figures the tests wrote into the reliability table for the README (Markdown on
// standard output; `--out FILE` also writes it to a file). Reads:
//   reports/reliability.json  bad files, damaged files, exports and every fast-check property,
//                             under `test` (npm test) and `fuzz` (npm run fuzz)
//   reports/fuzz-run.json     how long npm run fuzz took (scripts/fuzz.mjs)
//   reports/crash.json        the renderer-crash browser test (F03), if it ran
//   reports/tabs.json         the two-tab browser test (F05), if it ran
// Nothing here is typed by hand: a figure whose run is missing says "not run".
// SEAMS_REPORTS_DIR reads the reports from another folder.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const reports = process.env.SEAMS_REPORTS_DIR ?? join(root, "reports");

function read(name) {
  const file = join(reports, name);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    console.error(`reliability-table: ${name} is not JSON; left out`);
    return null;
  }
}

const reliability = read("reliability.json");
if (!reliability) {
  console.error(
    "reliability-table: no reports/reliability.json: run npm test (and npm run fuzz) first",
  );
  process.exit(1);
}
const fuzzRun = read("fuzz-run.json");
const crash = read("crash.json");
const tabs = read("tabs.json");

const n = (value) => (typeof value === "number" ? value.toLocaleString("en-GB") : "?");
const sum = (...values) => values.reduce((total, v) => total + (typeof v === "number" ? v : 0), 0);
const NOT_RUN = "not run";
const propertyCount = (count) => `${count} ${count === 1 ? "property" : "properties"}`;

/** The figures of one run size (`test` or `fuzz`), or null when it has not run. */
function figuresOf(section) {
  if (!section) return null;
  const properties = Object.entries(section.properties ?? {}).map(([name, p]) => ({ name, ...p }));
  const figure = (name) => {
    const list = properties.filter((p) => p.figure === name);
    return {
      properties: list.length,
      runs: sum(...list.map((p) => p.runs)),
      failures: list.filter((p) => p.failed).length,
    };
  };
  const bad = section.badFiles ?? {};
  return {
    properties,
    hand: bad.handWritten ?? null,
    large: bad.generatedLarge ?? null,
    damaged: bad.mutated ?? null,
    exports: section.exports?.badFiles ?? null,
    importTotal: figure("import-total"),
    roundTrip: figure("round-trip"),
    idempotent: figure("restore-idempotent"),
    svgSafe: figure("svg-safe"),
    csvSafe: figure("csv-safe"),
    measured: properties
      .map((p) => p.measuredAt)
      .concat(Object.values(bad).map((b) => b?.measuredAt))
      .filter(Boolean)
      .sort(),
  };
}

const sizes = { test: figuresOf(reliability.test), fuzz: figuresOf(reliability.fuzz) };

/** One cell: `fn(figures)` when the run size ran and the parts it needs are there. */
function cell(size, fn) {
  const f = sizes[size];
  if (!f) return NOT_RUN;
  try {
    const value = fn(f);
    return typeof value === "string" && value !== "" ? value : NOT_RUN;
  } catch {
    return NOT_RUN;
  }
}

const runsFailures = (figure) =>
  figure.properties === 0
    ? null
    : `${n(figure.runs)} runs / ${n(figure.failures)} failures (${propertyCount(figure.properties)})`;

const rows = [
  [
    "Malformed files tried: hand-written (B01–B32 and variants)",
    (f) =>
      f.hand &&
      f.large &&
      `${n(f.hand.files + f.large.files)} (${n(f.hand.files)} fixture files, ${n(f.large.files)} large files made in code)`,
  ],
  [
    "Malformed inputs tried: generated (fast-check runs × properties)",
    (f) =>
      f.importTotal.properties > 0 &&
      `${n(f.importTotal.runs)} (${propertyCount(f.importTotal.properties)}; ${n(f.damaged?.files)} of them damaged copies of real files)`,
  ],
  [
    "Refused with a reason / repaired with a report / opened unchanged",
    (f) =>
      f.hand &&
      f.large &&
      f.damaged &&
      `hand-written ${n(f.hand.refused + f.large.refused)} / ${n(f.hand.repaired + f.large.repaired)} / ${n(f.hand.accepted + f.large.accepted)}; damaged copies ${n(f.damaged.refused)} / ${n(f.damaged.repaired)} / ${n(f.damaged.accepted)}`,
  ],
  [
    "Uncaught exceptions during import",
    (f) =>
      f.hand &&
      n(sum(f.hand.exceptions, f.large?.exceptions, f.damaged?.exceptions, f.importTotal.failures)),
  ],
  [
    "Hangs (a file past its test's time limit)",
    (f) =>
      f.hand &&
      f.large &&
      `${n(sum(f.hand.hangs, f.large.hangs))} (limits ${n(f.hand.timeLimitMs / 1000)} s a file, ${n(f.large.timeLimitMs / 1000)} s a large one)`,
  ],
  [
    "Prototype pollution detected",
    (f) =>
      f.hand &&
      n(
        sum(
          f.hand.pollution,
          f.large?.pollution,
          f.damaged?.pollution,
          f.importTotal.failures,
          f.idempotent.failures,
        ),
      ),
  ],
  [
    "Records lost (stored journey changed, writes by refused files, added journeys read back changed)",
    (f) =>
      f.hand &&
      f.large &&
      `${n(sum(f.hand.storedJourneyChanged, f.large.storedJourneyChanged, f.hand.writesForRefusedFiles, f.large.writesForRefusedFiles, f.hand.addedJourneysLost, f.large.addedJourneysLost))} over ${n(f.hand.files + f.large.files)} imports into a library of one journey`,
  ],
  [
    "Newer-version files refused with nothing written",
    (f) =>
      f.hand &&
      `${n(f.hand.newerVersionRefusedWithNothingWritten)} of ${n(f.hand.newerVersionFiles)}`,
  ],
  [
    "Historical-version fixtures opened as their golden journey",
    (f) =>
      f.hand?.byInput?.B11 &&
      `${n(f.hand.byInput.B11.asExpected)} of ${n(f.hand.byInput.B11.files)} (format v1, the only version so far)`,
  ],
  ["JSON round trip (file, bytes and SVG): runs / failures", (f) => runsFailures(f.roundTrip)],
  ["`restore` idempotence: runs / failures", (f) => runsFailures(f.idempotent)],
  [
    "Executable or external constructs in exported SVG",
    (f) =>
      f.svgSafe.properties > 0 &&
      `${n(sum(f.svgSafe.failures, f.exports?.svgFindings, f.exports?.svgStrictReaderFindings))} in ${n(f.svgSafe.runs + (f.exports?.svgExports ?? 0))} exports (${propertyCount(f.svgSafe.properties)}, and every bad file that opens)`,
  ],
  [
    "CSV cells starting a formula (=, +, -, @, tab, CR)",
    (f) =>
      f.csvSafe.properties > 0 &&
      `${n(sum(f.csvSafe.failures, f.exports?.csvTriggerCells))} (${n(f.csvSafe.runs)} property runs; ${n(f.exports?.csvCells)} text cells from the bad files)`,
  ],
  [
    "All fast-check properties: runs / failures",
    (f) =>
      `${n(sum(...f.properties.map((p) => p.runs)))} runs / ${n(f.properties.filter((p) => p.failed).length)} failures (${propertyCount(f.properties.length)})`,
  ],
];

const lines = [
  "| Figure | `npm test` | `npm run fuzz` |",
  "|---|---|---|",
  ...rows.map(([label, fn]) => `| ${label} | ${cell("test", fn)} | ${cell("fuzz", fn)} |`),
];

if (crash) {
  lines.push(
    `| F03 renderer crash mid-edit: runs / most edits lost (allowed: one ${n(crash.debounceWindowMs)} ms save window) / records corrupted | ${n(crash.runs)} / ${n(crash.maxEditsLost)} (allowed ${n(crash.maxEditsAllowed)}) / ${n(crash.recordsCorrupted)} | — |`,
  );
} else lines.push(`| F03 renderer crash mid-edit | ${NOT_RUN} | — |`);
if (tabs) {
  lines.push(
    `| F05 two tabs editing one journey: runs / edits / lost | ${n(tabs.runs)} / ${n(tabs.editsMade)} / ${n(tabs.lost)} | — |`,
  );
} else lines.push(`| F05 two tabs editing one journey | ${NOT_RUN} | — |`);
if (fuzzRun) {
  const minutes = Math.floor(fuzzRun.seconds / 60);
  lines.push(
    `| Time | — | ${minutes} min ${fuzzRun.seconds % 60} s on ${fuzzRun.workers} workers, SEAMS_FUZZ_RUNS=${n(fuzzRun.runs)}${fuzzRun.exitCode === 0 ? "" : `, failed (exit ${fuzzRun.exitCode})`} |`,
  );
}

const notes = [];
const fuzzRuns = fuzzRun?.runs;
if (sizes.fuzz && fuzzRuns) {
  const capped = sizes.fuzz.properties.filter((p) => p.planned < fuzzRuns);
  if (capped.length > 0) {
    notes.push(
      `Properties with a lower fuzz count: ${capped
        .map((p) => `${p.name.replace(/^.*? > /, "")} (${n(p.planned)})`)
        .join("; ")}.`,
    );
  }
}
for (const [size, f] of Object.entries(sizes)) {
  if (f && f.measured.length > 0)
    notes.push(
      `${size === "test" ? "npm test" : "npm run fuzz"} figures measured ${f.measured[0]} to ${f.measured[f.measured.length - 1]}.`,
    );
}

const markdown = `${lines.join("\n")}\n${notes.length > 0 ? `\n${notes.join("\n")}\n` : ""}`;
process.stdout.write(markdown);
const out = process.argv.indexOf("--out");
if (out !== -1 && process.argv[out + 1]) writeFileSync(process.argv[out + 1], markdown);
