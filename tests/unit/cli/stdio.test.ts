/** `seams` on pipes: `-` as the input reads the journey from standard input, and a reader that
 * closes the pipe early (`| head -c 100`) ends the command quietly with exit code 0. Run as a
 * child process through bin/seams.mjs. */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main";
import { serializeJourney } from "../../../src/format/envelope";
import { parseJourneyFile } from "../../../src/format/parse";
import { generateJourney } from "../../helpers/generate-journey";

const ROOT = resolve(import.meta.dirname, "../../..");
const BIN = join(ROOT, "bin/seams.mjs");
const SMALL = readFileSync(join(ROOT, "tests/fixtures/files/small.seams.json"));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `seams` with `input` on standard input; `firstBytes` closes its standard output after
 * that many bytes have arrived, as `head -c` does. */
function seams(
  args: string[],
  options: { input?: Uint8Array; firstBytes?: number; cwd?: string } = {},
) {
  return new Promise<Run>((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
      if (options.firstBytes !== undefined && stdout.length >= options.firstBytes) {
        stdout = stdout.slice(0, options.firstBytes);
        child.stdout.destroy();
      }
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.input ?? new Uint8Array());
  });
}

async function inProcess(args: string[]): Promise<string> {
  let stdout = "";
  const code = await main(args, {
    cwd: ROOT,
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
  });
  expect(code).toBe(0);
  return stdout;
}

describe.concurrent("seams on pipes", { timeout: 60_000 }, () => {
  it("analyses a journey read from standard input", async () => {
    const fromFile = JSON.parse(
      await inProcess(["analyse", "tests/fixtures/files/small.seams.json", "--json"]),
    ) as { file: string };
    const run = await seams(["analyse", "-", "--json"], { input: SMALL });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ...fromFile, file: "-" });
    const report = await seams(["analyse", "-"], { input: SMALL });
    expect(report.stdout).toMatch(/^Register a birth \(standard input\)\n/);
  });

  it("exports a journey read from standard input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "seams-stdin-"));
    const run = await seams(["export", "-", "--json", "-"], { input: SMALL });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const original = parseJourneyFile(SMALL);
    const back = parseJourneyFile(run.stdout);
    expect(back.ok && back.journey).toEqual(original.ok && original.journey);
    const toDir = await seams(["export", "-", "--out-dir", "out", "--format", "csv"], {
      input: SMALL,
      cwd: dir,
    });
    expect(toDir.code).toBe(0);
    expect(toDir.stdout).toBe("standard input: 3 steps → out/journey.csv\n");
    expect(readFileSync(join(dir, "out/journey.csv"), "utf8")).toContain("Record the birth");
  });

  it("refuses what is not a journey on standard input (exit 1), and reading it twice (exit 2)", async () => {
    const bad = await seams(["analyse", "-"], { input: new TextEncoder().encode("not json") });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^standard input: /);
    const twice = await seams(["export", "-", "-", "--out-dir", "out"], { input: SMALL });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("standard input (-) can be read only once");
  });

  it("stops quietly with exit 0 when the reader closes the pipe early", async () => {
    // Far more SVG than a pipe holds, so the writer is still writing when the pipe closes.
    const generated = parseJourneyFile(serializeJourney(generateJourney({ steps: 600, seed: 16 })));
    if (!generated.ok) throw new Error("the generated journey does not open");
    const big = serializeJourney(generated.journey);
    const run = await seams(["export", "-", "--svg", "-"], {
      input: new TextEncoder().encode(big),
      firstBytes: 100,
    });
    expect(run.stdout).toHaveLength(100);
    expect(run.stdout).toMatch(/^<\?xml /);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});
