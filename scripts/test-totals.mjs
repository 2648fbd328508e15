// Prints one line with the totals of every test runner, read from their JSON reports:
// "N passed, N failed" (", N skipped" when any were skipped). A missing report means that
// runner did not run at all, which counts as a failure.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = false;

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`test-totals: no report at ${file}: that runner did not run`);
    missing = true;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  if (typeof report.numPassedTests === "number") {
    // Vitest (Jest-compatible JSON).
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A file that failed to load has no tests but is a failure.
    failed += (report.testResults ?? []).filter(
      (r) => r.status === "failed" && (r.assertionResults ?? []).length === 0,
    ).length;
  } else if (report.stats && typeof report.stats.expected === "number") {
    // Playwright.
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
    skipped += report.stats.skipped ?? 0;
    failed += (report.errors ?? []).length;
  } else {
    console.error(`test-totals: ${file} is not a report this script knows`);
    missing = true;
  }
}

console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
process.exit(missing ? 1 : 0);
