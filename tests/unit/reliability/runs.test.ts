/**
 * The run-count knob and the figures it records: SEAMS_FUZZ_RUNS sets the runs (a property
 * may cap it), and every assessment of a property is written to the report, failures
 * included, without changing how fast-check reports a failure.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fc } from "@fast-check/vitest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FIGURES, propertyParams, propertyRuns, propertyTimeout } from "../../helpers/runs";
import { recordFigure } from "./report";

const dirs: string[] = [];

/** Points the report at a fresh file for this test. */
function scratchReport(): string {
  const dir = mkdtempSync(join(tmpdir(), "seams-report-"));
  dirs.push(dir);
  const file = join(dir, "reliability.json");
  vi.stubEnv("SEAMS_RELIABILITY_REPORT", file);
  return file;
}

afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("propertyRuns", () => {
  it("is the base count without SEAMS_FUZZ_RUNS", () => {
    vi.stubEnv("SEAMS_FUZZ_RUNS", "");
    expect(propertyRuns()).toBe(1000);
    expect(propertyRuns(200)).toBe(200);
    expect(propertyRuns(200, 50)).toBe(200);
  });

  it("is SEAMS_FUZZ_RUNS when set, up to the property's ceiling", () => {
    vi.stubEnv("SEAMS_FUZZ_RUNS", "100000");
    expect(propertyRuns()).toBe(100_000);
    expect(propertyRuns(200)).toBe(100_000);
    expect(propertyRuns(1000, 3000)).toBe(3000);
  });

  it("refuses a SEAMS_FUZZ_RUNS that is not a whole number from 1", () => {
    for (const value of ["lots", "0", "-5", "1.5"]) {
      vi.stubEnv("SEAMS_FUZZ_RUNS", value);
      expect(() => propertyRuns()).toThrow(/SEAMS_FUZZ_RUNS/);
    }
  });

  it("grows a property's time limit with its runs, never below the base limit", () => {
    vi.stubEnv("SEAMS_FUZZ_TIMEOUT_MS", "");
    vi.stubEnv("SEAMS_FUZZ_RUNS", "");
    expect(propertyTimeout(60_000, 300)).toBe(60_000);
    vi.stubEnv("SEAMS_FUZZ_RUNS", "30000");
    expect(propertyTimeout(60_000, 300, 3000)).toBe(600_000);
    vi.stubEnv("SEAMS_FUZZ_RUNS", "10");
    expect(propertyTimeout(60_000, 300)).toBe(60_000);
  });

  it("under npm run fuzz, is never below the run's own limit", () => {
    vi.stubEnv("SEAMS_FUZZ_RUNS", "30000");
    vi.stubEnv("SEAMS_FUZZ_TIMEOUT_MS", "7200000");
    expect(propertyTimeout(60_000, 300, 3000)).toBe(7_200_000);
    vi.stubEnv("SEAMS_FUZZ_RUNS", "");
    expect(propertyTimeout(60_000, 300, 3000)).toBe(60_000);
  });
});

describe("propertyParams", () => {
  it("records the runs of a passing property under its name and figure", async () => {
    const file = scratchReport();
    vi.stubEnv("SEAMS_FUZZ_RUNS", "");
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (n) => n === n),
      propertyParams(FIGURES.roundTrip, 37),
    );
    const report = JSON.parse(readFileSync(file, "utf8"));
    const entries = Object.entries(report.test.properties) as [string, Record<string, unknown>][];
    expect(entries).toHaveLength(1);
    expect(entries[0]![0]).toBe(
      "tests/unit/reliability/runs.test.ts > propertyParams > records the runs of a passing property under its name and figure",
    );
    expect(entries[0]![1]).toMatchObject({
      figure: "round-trip",
      base: 37,
      planned: 37,
      runs: 37,
      failed: false,
    });
  });

  it("records a failing property, which still fails as fast-check reports it", () => {
    const file = scratchReport();
    vi.stubEnv("SEAMS_FUZZ_RUNS", "500");
    expect(() =>
      fc.assert(
        fc.property(fc.nat(), (n) => n < 50),
        { ...propertyParams(null, 10), seed: 42 },
      ),
    ).toThrow(/Property failed after \d+ tests/);
    const report = JSON.parse(readFileSync(file, "utf8"));
    const [entry] = Object.values(report.fuzz.properties) as Record<string, unknown>[];
    expect(entry).toMatchObject({ figure: null, planned: 500, failed: true, seed: 42 });
    expect(entry!.runs).toBeLessThan(500);
  });
});

describe("recordFigure", () => {
  it("keeps every other entry, and the sizes apart", () => {
    const file = scratchReport();
    vi.stubEnv("SEAMS_FUZZ_RUNS", "");
    recordFigure("badFiles", "a", { files: 1 });
    recordFigure("badFiles", "b", { files: 2 });
    vi.stubEnv("SEAMS_FUZZ_RUNS", "100");
    recordFigure("badFiles", "a", { files: 3 });
    const report = JSON.parse(readFileSync(file, "utf8"));
    expect(report.test.badFiles.a.files).toBe(1);
    expect(report.test.badFiles.b.files).toBe(2);
    expect(report.fuzz.badFiles.a.files).toBe(3);
  });
});
