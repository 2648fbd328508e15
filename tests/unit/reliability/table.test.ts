/**
 * scripts/reliability-table.mjs: the README table is computed from the reports the runs
 * wrote, and says "not run" for what did not run.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const SCRIPT = new URL("../../../scripts/reliability-table.mjs", import.meta.url).pathname;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function table(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "seams-table-"));
  dirs.push(dir);
  for (const [name, value] of Object.entries(files))
    writeFileSync(join(dir, name), JSON.stringify(value));
  return execFileSync(process.execPath, [SCRIPT], {
    env: { ...process.env, SEAMS_REPORTS_DIR: dir },
    encoding: "utf8",
  });
}

const row = (markdown: string, label: string) =>
  markdown
    .split("\n")
    .find((line) => line.startsWith(`| ${label}`))
    ?.split(" | ")
    .slice(1)
    .map((cell) => cell.replace(/ \|$/, ""));

const bad = (files: number, refused: number, repaired: number, accepted: number) => ({
  files,
  refused,
  repaired,
  accepted,
  exceptions: 0,
  pollution: 0,
  hangs: 0,
  timeLimitMs: 10_000,
  storedJourneyChanged: 0,
  writesForRefusedFiles: 0,
  addedJourneysLost: 0,
  newerVersionFiles: 2,
  newerVersionRefusedWithNothingWritten: 2,
});

describe("the reliability table", () => {
  it("adds up the figures of each run size and marks what did not run", () => {
    const markdown = table({
      "reliability.json": {
        test: {
          properties: {
            "a > round trip": { figure: "round-trip", runs: 1000, failed: false },
            "b > round trip as bytes": { figure: "round-trip", runs: 1000, failed: false },
            "c > total": { figure: "import-total", runs: 1000, failed: false },
            "d > svg": { figure: "svg-safe", runs: 300, failed: true },
          },
          badFiles: {
            handWritten: bad(70, 40, 20, 10),
            generatedLarge: { ...bad(10, 8, 2, 0), hangs: 1 },
            mutated: { files: 1000, refused: 700, repaired: 100, accepted: 200 },
          },
          exports: { badFiles: { svgExports: 30, svgFindings: 2, csvCells: 500 } },
        },
      },
      "tabs.json": { runs: 5, editsMade: 10, lost: 0 },
    });
    expect(row(markdown, "Malformed files tried: hand-written")).toEqual([
      "80 (70 fixture files, 10 large files made in code)",
      "not run",
    ]);
    expect(row(markdown, "Refused with a reason")).toEqual([
      "hand-written 48 / 22 / 10; damaged copies 700 / 100 / 200",
      "not run",
    ]);
    expect(row(markdown, "Hangs")?.[0]).toMatch(/^1 /);
    expect(row(markdown, "JSON round trip")?.[0]).toBe("2,000 runs / 0 failures (2 properties)");
    expect(row(markdown, "Executable or external constructs")?.[0]).toBe(
      "3 in 330 exports (1 property, and every bad file that opens)",
    );
    expect(row(markdown, "`restore` idempotence")?.[0]).toBe("not run");
    expect(row(markdown, "F05 two tabs")).toEqual(["5 / 10 / 0", "—"]);
    expect(row(markdown, "F03 renderer crash")).toEqual(["not run", "—"]);
  });

  it("fails without a reliability report", () => {
    expect(() => table({})).toThrow();
  });
});
