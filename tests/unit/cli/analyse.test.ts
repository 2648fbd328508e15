/** `seams analyse`, run as a child process through bin/seams.mjs on the bereavement sample saved
 * as a journey file and as an SVG, checked against the sample's hand-worked answer. */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyseJourney } from "../../../src/domain/analysis";
import { duplicateClusterKey } from "../../../src/domain/analysis/duplicates";
import { buildBereavementJourney } from "../../../src/domain/samples/bereavement";
import { BEREAVEMENT_HANDOFFS, BEREAVEMENT_REPEATED_ITEMS } from "../../../src/domain/samples/bereavement.answer";
import { exportSvg } from "../../../src/export/svg";
import { serializeJourney } from "../../../src/format/envelope";

const ROOT = resolve(import.meta.dirname, "../../..");
const BIN = join(ROOT, "bin/seams.mjs");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Findings {
  file: string;
  journey: { id: string; title: string };
  scorecard: { steps: number; handoffs: Record<string, number>; repeatedItems: number; duplicateClusters: number; deadEnds: string[] };
  handoffs: { from: string; to: string; kind: string; via: string[]; flows: string[] }[];
  repeated: { item: string; times: number; steps: string[]; organisations: string[] }[];
  duplicates: { key: string; label: string | null; steps: string[]; decision: string | null; strength: number }[];
}

const journey = buildBereavementJourney();
const [firstCluster] = analyseJourney(journey).duplicates;

/** A fresh folder holding the sample as .seams.json and .svg, one with a decision, and a bad file. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "seams-analyse-"));
  writeFileSync(join(dir, "bereavement.seams.json"), serializeJourney(journey));
  writeFileSync(join(dir, "bereavement.svg"), exportSvg(journey));
  const decided = { ...journey, duplicateDecisions: [{ key: firstCluster!.key, decision: "dismissed" as const }] };
  writeFileSync(join(dir, "decided.seams.json"), serializeJourney(decided));
  writeFileSync(join(dir, "broken.json"), '{"format": "seams-journey", "version": 1, "journey": {"steps": 3}}');
  const seams = (...args: string[]) =>
    new Promise<Run>((done, fail) => {
      const child = spawn(process.execPath, [BIN, "analyse", ...args], { cwd: dir });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.on("error", fail);
      child.on("close", (code) => done({ code, stdout, stderr }));
    });
  return { dir, seams };
}

const handoffSet = (hs: readonly { from: string; to: string; kind: string }[]) => new Set(hs.map((h) => `${h.from}>${h.to}:${h.kind}`));
const sorted = (xs: readonly string[]) => [...xs].sort();

describe.concurrent("seams analyse --json", { timeout: 60_000 }, () => {
  it("gives the sample's handoffs, repeated items, duplicates and scorecard with step ids", async () => {
    const { seams } = workspace();
    const run = await seams("bereavement.seams.json", "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const found = JSON.parse(run.stdout) as Findings;
    expect(found.file).toBe("bereavement.seams.json");
    expect(found.journey).toEqual({ id: journey.id, title: journey.title });

    expect(handoffSet(found.handoffs)).toEqual(handoffSet(BEREAVEMENT_HANDOFFS));
    const carried = found.handoffs.find((h) => h.from === "bereave.step.probate-examine")!;
    expect(carried.via).toEqual(["bereave.step.grant"]);
    expect(carried.flows).toHaveLength(2);

    expect(found.repeated.map((r) => r.item).sort()).toEqual(BEREAVEMENT_REPEATED_ITEMS.map((r) => r.item).sort());
    for (const known of BEREAVEMENT_REPEATED_ITEMS) {
      const item = found.repeated.find((r) => r.item === known.item)!;
      expect(sorted(item.steps), known.item).toEqual(sorted(known.stepIds));
      expect(item.times).toBe(known.stepIds.length);
    }

    expect(found.scorecard.steps).toBe(journey.steps.length);
    expect(found.scorecard.handoffs).toEqual({
      direct: BEREAVEMENT_HANDOFFS.filter((h) => h.kind === "direct").length,
      citizenCarried: BEREAVEMENT_HANDOFFS.filter((h) => h.kind === "citizen-carried").length,
      internal: BEREAVEMENT_HANDOFFS.filter((h) => h.kind === "internal").length,
      total: BEREAVEMENT_HANDOFFS.length,
    });
    expect(found.scorecard.repeatedItems).toBe(BEREAVEMENT_REPEATED_ITEMS.length);
    expect(found.scorecard.deadEnds).toEqual(["bereave.step.certificate-copies"]);

    const stepIds = new Set(journey.steps.map((s) => s.id));
    expect(found.duplicates.length).toBeGreaterThan(0);
    expect(found.duplicates.map((d) => d.label)).toEqual(found.duplicates.map((_d, i) => `D${i + 1}`));
    for (const d of found.duplicates) {
      expect(d.steps.length).toBeGreaterThanOrEqual(2);
      expect(d.steps.every((id) => stepIds.has(id))).toBe(true);
      expect(d.key).toBe(duplicateClusterKey(d.steps));
      expect(d.decision).toBeNull();
    }
  });

  it("reads an SVG exported by Seams as the same journey", async () => {
    const { seams } = workspace();
    const [fromJson, fromSvg] = await Promise.all([seams("bereavement.seams.json", "--json"), seams("bereavement.svg", "--json")]);
    expect(fromSvg.code).toBe(0);
    const a = JSON.parse(fromJson.stdout) as Findings;
    const b = JSON.parse(fromSvg.stdout) as Findings;
    expect(b.file).toBe("bereavement.svg");
    expect({ ...b, file: "" }).toEqual({ ...a, file: "" });
  });

  it("carries the decisions kept in the journey: a dismissed cluster has no label and stops counting", async () => {
    const { seams } = workspace();
    const found = JSON.parse((await seams("decided.seams.json", "--json")).stdout) as Findings;
    const dismissed = found.duplicates.find((d) => d.key === firstCluster!.key)!;
    expect(dismissed.decision).toBe("dismissed");
    expect(dismissed.label).toBeNull();
    expect(found.scorecard.duplicateClusters).toBe(found.duplicates.length - 1);
  });

  it("gives an array for several files, still analysing the good ones when one is bad (exit 1)", async () => {
    const { seams } = workspace();
    const run = await seams("bereavement.seams.json", "broken.json", "--json");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^broken\.json: /);
    expect(run.stderr).toContain("1 of 2 files could not be analysed.");
    const found = JSON.parse(run.stdout) as Findings[];
    expect(found.map((f) => f.file)).toEqual(["bereavement.seams.json"]);
  });
});

describe.concurrent("seams analyse: readable report and exit codes", { timeout: 60_000 }, () => {
  it("prints the scorecard, handoffs by kind, the tell-us-once table and the duplicates", async () => {
    const { seams } = workspace();
    const run = await seams("bereavement.seams.json");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const out = run.stdout;
    expect(out.split("\n")[0]).toBe(`${journey.title} (bereavement.seams.json)`);
    expect(out).toMatch(/^ {2}Handoffs +19$/m);
    expect(out).toContain("Citizen-carried (6): only the citizen's own steps lie between the two organisations");
    expect(out).toContain(
      "    HMCTS → Bank: “Examine the application and issue the grant” → “Show the grant to release the savings”\n" +
        "      via “Grant of probate arrives by post”",
    );
    expect(out).toMatch(/^ {2}National Insurance number +3 times {2}Register office and DWP$/m);
    expect(out).toContain("Tell us once: information asked more than once (13)");
    expect(out).toMatch(/^ {2}D1 {2}\w+ match \(\d+%\): \d+ steps /m);
  });

  it("exits 1 for a file that is missing or not a journey, with the reason on standard error", async () => {
    const { seams } = workspace();
    const missing = await seams("nowhere.json");
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toBe("nowhere.json: There is no such file.\n");
    const broken = await seams("broken.json", "--json");
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe("");
    expect(broken.stderr).toMatch(/^broken\.json: /);
  });

  it("exits 2 for wrong usage, with the command's usage", async () => {
    const { seams } = workspace();
    for (const args of [[], ["bereavement.seams.json", "--jsonn"], ["bereavement.seams.json", "--json=yes"]]) {
      const run = await seams(...args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("Usage:\n  seams analyse <journey.json|journey.svg|->... [--json]");
    }
  });
});
