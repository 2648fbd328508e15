/**
 * Figures for the reliability table, written to reports/reliability.json by the runs that
 * measure them (never typed by hand). Several Vitest workers write at once, so each write
 * takes a lock (a directory: creating one is atomic), reads the file, sets one entry and
 * renames a temporary file over it.
 *
 * Entries are kept under the size of the run that wrote them: `test` for `npm test`, `fuzz`
 * when SEAMS_FUZZ_RUNS is set (`npm run fuzz`), so one file holds the figures of both sizes.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where the figures are written; SEAMS_RELIABILITY_REPORT moves it (the tests of this file). */
export function reportPath(): string {
  return resolve(ROOT, process.env.SEAMS_RELIABILITY_REPORT ?? "reports/reliability.json");
}

/** `fuzz` when SEAMS_FUZZ_RUNS is set, else `test`. */
export function runSize(): "test" | "fuzz" {
  return process.env.SEAMS_FUZZ_RUNS ? "fuzz" : "test";
}

const STALE_LOCK_MS = 30_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function withLock<T>(file: string, body: () => T): T {
  const lock = `${file}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true });
      } catch {
        // Another writer removed it first.
      }
      if (attempt > 2_000) throw new Error(`could not lock ${file}`, { cause: error });
      Atomics.wait(sleeper, 0, 0, 10);
    }
  }
  try {
    return body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function readReport(file: string): Record<string, Json> {
  try {
    const value: unknown = JSON.parse(readFileSync(file, "utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, Json>)
      : {};
  } catch {
    return {};
  }
}

/**
 * Sets `report[size][section][key]` to `value` (with the time it was measured), keeping every
 * other entry. `size` is this run's {@link runSize}.
 */
export function recordFigure(section: string, key: string, value: Record<string, Json>): void {
  const file = reportPath();
  withLock(file, () => {
    const report = readReport(file);
    const size = runSize();
    const bySize = (report[size] ?? {}) as Record<string, Record<string, Json>>;
    const entries = bySize[section] ?? {};
    entries[key] = { ...value, measuredAt: new Date().toISOString() };
    bySize[section] = entries;
    report[size] = bySize;
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(report, null, 2)}\n`);
    renameSync(temporary, file);
  });
}

/** The whole report as written so far (for the tests of the report itself). */
export function readFigures(): Record<string, Json> {
  return readReport(reportPath());
}
