/** The `seams` command line, run as a child process through bin/seams.mjs, on fixture files. */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main";
import { SAMPLE_JOURNEYS } from "../../../src/domain/samples";
import { serializeJourney } from "../../../src/format/envelope";
import { parseJourneyFile } from "../../../src/format/parse";

const ROOT = resolve(import.meta.dirname, "../../..");
const BIN = join(ROOT, "bin/seams.mjs");
const FIXTURES = join(ROOT, "tests/fixtures/files");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh folder holding the fixture files, and a way to run `seams` in it. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "seams-cli-"));
  for (const file of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, file), join(dir, file));
  const seams = (...args: string[]) =>
    new Promise<Run>((done, fail) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: dir });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.on("error", fail);
      child.on("close", (code) => done({ code, stdout, stderr }));
    });
  return { dir, seams };
}

const original = () => {
  const opened = parseJourneyFile(readFileSync(join(FIXTURES, "small.seams.json")));
  if (!opened.ok) throw new Error("fixture does not open");
  return opened.journey;
};

describe.concurrent("seams export", () => {
  it("writes SVG, CSV and JSON that open again as the same journey", async () => {
    const { dir, seams } = workspace();
    const run = await seams("export", "small.seams.json", "--svg", "out/small.svg", "--csv", "out/small.csv", "--json", "out/copy.json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("small.seams.json: 3 steps → out/small.svg, out/small.csv, out/copy.json");
    const svg = readFileSync(join(dir, "out/small.svg"), "utf8");
    expect(svg).toMatch(/^<\?xml [^>]*\?>\s*<svg /);
    expect(svg).toContain("Book an appointment");
    for (const file of ["out/small.svg", "out/copy.json"]) {
      const reopened = parseJourneyFile(readFileSync(join(dir, file)));
      expect(reopened.ok && reopened.journey).toEqual(original());
    }
    const csv = readFileSync(join(dir, "out/small.csv"), "utf8").split("\r\n").filter(Boolean);
    expect(csv).toHaveLength(4);
    expect(csv.join("\n")).toContain("'=Record the birth");
  });

  it("exports several files into a folder, named after each input", async () => {
    const { dir, seams } = workspace();
    const run = await seams("export", "small.seams.json", "hostile-label.seams.json", "--out-dir", "batch", "--format", "svg", "--format", "json");
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, "batch")).sort()).toEqual([
      "hostile-label.seams.json",
      "hostile-label.svg",
      "small.seams.json",
      "small.svg",
    ]);
  });

  it("opens an SVG exported by Seams as input", async () => {
    const { dir, seams } = workspace();
    expect((await seams("export", "small.seams.json", "--svg", "drawing.svg")).code).toBe(0);
    const run = await seams("export", "drawing.svg", "--json", "back.json");
    expect(run.code).toBe(0);
    const back = parseJourneyFile(readFileSync(join(dir, "back.json")));
    expect(back.ok && back.journey).toEqual(original());
  });

  it("draws the analysis marks in the SVG, unless told not to", async () => {
    const { dir, seams } = workspace();
    writeFileSync(join(dir, "sample.json"), serializeJourney(SAMPLE_JOURNEYS[0]!.build()));
    const [marked, plain] = await Promise.all([
      seams("export", "sample.json", "--svg", "-"),
      seams("export", "sample.json", "--no-highlights", "--svg", "-"),
    ]);
    expect(marked.code).toBe(0);
    expect(marked.stdout).toContain("Direct handoff: one organisation to another");
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain("handoff");
  });

  it("writes to standard output for -", async () => {
    const { seams } = workspace();
    const run = await seams("export", "small.seams.json", "--csv", "-");
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("\uFEFFStep ID,")).toBe(true);
  });

  it("keeps markup in labels as text in the SVG", async () => {
    const { dir, seams } = workspace();
    expect((await seams("export", "hostile-label.seams.json", "--svg", "h.svg")).code).toBe(0);
    const svg = readFileSync(join(dir, "h.svg"), "utf8");
    expect(svg).not.toMatch(/<img|<script/i);
    expect(svg).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("refuses an invalid journey with its located problems on stderr, writing nothing (exit 1)", async () => {
    const { dir, seams } = workspace();
    const run = await seams("export", "dangling.seams.json", "--svg", "x.svg");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("dangling.seams.json: The journey could not be opened: 2 problems found.");
    expect(run.stderr).toContain('steps[1].laneId: no lane with id "lane_gone"');
    expect(run.stderr).toContain('steps[2].stageId: no stage with id "stage_gone"');
    expect(existsSync(join(dir, "x.svg"))).toBe(false);
  });

  it("refuses a file from a newer version of Seams (exit 1)", async () => {
    const { seams } = workspace();
    const run = await seams("export", "newer-version.seams.json", "--json", "x.json");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("saved by a newer version of Seams (file format 99");
  });

  it("refuses an SVG that Seams did not write, and a missing file (exit 1)", async () => {
    const { seams } = workspace();
    expect((await seams("export", "plain-drawing.svg", "--json", "x.json")).stderr).toContain("does not carry Seams data");
    const missing = await seams("export", "nowhere.json", "--json", "x.json");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nowhere.json: There is no such file.");
  });

  it("refuses a huge file by its size, before reading it", async () => {
    const { dir, seams } = workspace();
    writeFileSync(join(dir, "huge.json"), "");
    truncateSync(join(dir, "huge.json"), 21 * 1024 * 1024);
    const run = await seams("export", "huge.json", "--json", "x.json");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("too large to open (21 MB; the limit is 20 MB)");
  });

  it("still exports the good files of a batch when one is bad, and exits 1", async () => {
    const { dir, seams } = workspace();
    const run = await seams("export", "small.seams.json", "dangling.seams.json", "--out-dir", "out");
    expect(run.code).toBe(1);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["small.csv", "small.svg"]);
    expect(run.stderr).toContain("1 of 2 files could not be exported.");
  });

  it("exits 2 on wrong usage, with the command's usage on stderr", async () => {
    const { seams } = workspace();
    const run = await seams("export", "small.seams.json", "--png", "x.png");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("seams export: unknown option --png");
    expect(run.stderr).toContain("Usage:\n  seams export <journey.json|journey.svg|->");
  });

  it("lists its commands, and a command's options, on --help (exit 0)", async () => {
    const { seams } = workspace();
    const all = await seams("--help");
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^\s+export\s+export journey files/m);
    const one = await seams("export", "--help");
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("--out-dir <dir>");
  });
});

/** The same entry, in process, for the many ways a command line can be wrong. */
describe("seams usage errors (in process)", () => {
  it.each([
    [[], "Usage: seams <command>"],
    [["frobnicate"], 'unknown command "frobnicate"'],
    [["export"], "name at least one journey file"],
    [["export", "small.seams.json"], "say what to write"],
    [["export", "small.seams.json", "-x"], "unknown option -x"],
    [["export", "small.seams.json", "hostile-label.seams.json", "--svg", "x.svg"], "several input files need --out-dir"],
    [["export", "small.seams.json", "--svg"], "--svg needs a value"],
    [["export", "small.seams.json", "--svg", "a.svg", "--svg", "b.svg"], "--svg is given more than once"],
    [["export", "small.seams.json", "--svg", "-", "--csv", "-"], "only one output can go to standard output"],
    [["export", "small.seams.json", "--out-dir", "o", "--svg", "x.svg"], "use either --out-dir or --svg"],
    [["export", "small.seams.json", "--format", "svg", "--svg", "x.svg"], "--format goes with --out-dir"],
    [["export", "small.seams.json", "--out-dir", "o", "--format", "pdf"], 'unknown format "pdf"'],
    [["export", "small.seams.json", "--json", "small.seams.json"], "is an input file"],
    [["export", "a/x.json", "b/x.json", "--out-dir", "o"], "two inputs would both write"],
  ])("%j exits 2", async (args, message) => {
    let stderr = "";
    const code = await main(args, { cwd: FIXTURES, stdout: () => undefined, stderr: (t) => (stderr += t) });
    expect(stderr).toContain(message);
    expect(code).toBe(2);
  });
});
