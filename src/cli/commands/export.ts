/**
 * `seams export`: journey files (Seams .json, or .svg exported by Seams) to SVG, CSV and JSON,
 * one file or many. Every input goes through the same checks as opening a file in the app;
 * a bad file is reported with its located problems and the others are still exported.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { analysisHighlights } from "../../domain/analysis/analysis-highlights";
import { analyseJourney } from "../../domain/analysis";
import { exportCsv } from "../../export/csv";
import { exportSvg } from "../../export/svg";
import { serializeJourney } from "../../format/envelope";
import { describeImportError, issueLine } from "../../format/errors";
import type { ParseResult } from "../../format/results";
import { openJourneyInput } from "../open-file";
import {
  EXIT,
  STDIN,
  UsageError,
  inputLabel,
  parseArgs,
  single,
  type CliIo,
  type Command,
  type ExitCode,
  type ParsedArgs,
} from "../command";

const FORMATS = ["svg", "csv", "json"] as const;
type Format = (typeof FORMATS)[number];

const EXTENSION: Record<Format, string> = { svg: ".svg", csv: ".csv", json: ".seams.json" };
/** Repairs listed for one input before the rest are counted. */
const REPAIRS_SHOWN = 10;

const usage = `Usage:
  seams export <journey.json|journey.svg|-> [--svg out.svg] [--csv out.csv] [--json out.json]
  seams export <file>... --out-dir <dir> [--format svg,csv,json]

Exports a Seams journey file (.json, or an .svg exported by Seams) as:
  --svg <file>    a vector drawing of the blueprint, with the journey embedded
  --csv <file>    one row per step, for spreadsheets
  --json <file>   the journey file, in the current format
  --no-highlights draw the SVG without the analysis marks (handoffs, duplicates, repeated
                  information), which are drawn by default as the app draws them
Use - as the input to read the journey from standard input, and as an output file
to write to standard output.

Several files at once:
  --out-dir <dir>     write <name>.svg, <name>.csv and <name>.seams.json into <dir>
  --format <list>     which of svg, csv, json (default svg,csv); may be repeated

Exit codes: 0 done; 1 an input could not be read or is not a valid journey (the located
problems are on standard error; the other inputs are still exported); 2 wrong usage.`;

interface Options {
  highlights: boolean;
}

interface Plan {
  /** The input as the user wrote it, for messages. */
  name: string;
  /** The input's absolute path, or `-` for standard input. */
  input: string;
  outputs: { format: Format; path: string }[];
}

/** The base name an input's outputs are named after: `bereavement.seams.json` → `bereavement`;
 * standard input's are named `journey`. */
export function outputStem(input: string): string {
  if (input === STDIN) return "journey";
  const name = basename(input);
  const stem = name.replace(/(\.seams)?\.(json|svg)$/i, "");
  return stem === "" ? "journey" : stem;
}

function formatsOf(values: readonly string[] | undefined): Format[] {
  if (!values) return ["svg", "csv"];
  const formats = values.flatMap((v) => v.split(",")).map((v) => v.trim().toLowerCase());
  for (const f of formats) {
    if (!(FORMATS as readonly string[]).includes(f))
      throw new UsageError(`unknown format "${f}" (use svg, csv or json)`);
  }
  return [...new Set(formats as Format[])];
}

function plan(args: readonly string[], cwd: string): { plans: Plan[]; options: Options } {
  const parsed = parseArgs(args, ["svg", "csv", "json", "out-dir", "format"], ["no-highlights"]);
  const options = { highlights: !parsed.flags.has("no-highlights") };
  return { plans: planFiles(parsed, cwd), options };
}

function planFiles(parsed: ParsedArgs, cwd: string): Plan[] {
  const inputs = parsed.positional;
  if (inputs.length === 0) throw new UsageError("name at least one journey file to export");
  if (inputs.filter((i) => i === STDIN).length > 1)
    throw new UsageError("standard input (-) can be read only once");
  const outDir = single(parsed, "out-dir");
  const named = FORMATS.flatMap((format) => {
    const path = single(parsed, format);
    return path === undefined ? [] : [{ format, path }];
  });
  if (outDir !== undefined && named.length > 0)
    throw new UsageError("use either --out-dir or --svg/--csv/--json, not both");
  if (outDir === undefined && parsed.options.has("format"))
    throw new UsageError("--format goes with --out-dir");
  if (outDir === undefined) {
    if (named.length === 0)
      throw new UsageError("say what to write: --svg, --csv or --json (or --out-dir)");
    if (inputs.length > 1) throw new UsageError("several input files need --out-dir");
    if (named.filter((o) => o.path === "-").length > 1)
      throw new UsageError("only one output can go to standard output");
    const input = inputPath(cwd, inputs[0]!);
    const outputs = named.map((o) => ({
      format: o.format,
      path: o.path === "-" ? "-" : resolve(cwd, o.path),
    }));
    const only = { name: inputs[0]!, input, outputs };
    checkDistinct([only]);
    return [only];
  }
  const formats = formatsOf(parsed.options.get("format"));
  const dir = resolve(cwd, outDir);
  const plans = inputs.map((file) => ({
    name: file,
    input: inputPath(cwd, file),
    outputs: formats.map((format) => ({
      format,
      path: join(dir, `${outputStem(file)}${EXTENSION[format]}`),
    })),
  }));
  checkDistinct(plans);
  return plans;
}

const inputPath = (cwd: string, name: string) => (name === STDIN ? STDIN : resolve(cwd, name));

/** Refuses a command line that would write one file twice or overwrite an input. */
function checkDistinct(plans: readonly Plan[]): void {
  const inputs = new Set(plans.map((p) => p.input));
  const written = new Set<string>();
  for (const { outputs } of plans) {
    for (const { path } of outputs) {
      if (path === "-") continue;
      if (inputs.has(path)) throw new UsageError(`${path} is an input file; choose another output`);
      if (written.has(path))
        throw new UsageError(`two inputs would both write ${path}; give them different names`);
      written.add(path);
    }
  }
}

/** A path as the user reads it: relative to where the command runs when it is inside it. */
function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

function render(
  format: Format,
  opened: Extract<ParseResult, { ok: true }>,
  options: Options,
): string {
  const envelope = { baseVersionId: opened.envelope.baseVersionId };
  switch (format) {
    case "svg": {
      const highlights = options.highlights
        ? analysisHighlights(analyseJourney(opened.journey))
        : undefined;
      return exportSvg(opened.journey, { envelope, highlights });
    }
    case "csv":
      return exportCsv(opened.journey);
    case "json":
      return serializeJourney(opened.journey, envelope);
  }
}

async function exportOne(
  plan: Plan,
  options: Options,
  io: CliIo,
  quiet: boolean,
): Promise<boolean> {
  const label = inputLabel(plan.name);
  const opened = await openJourneyInput(plan.input, io);
  if (!opened.ok) {
    io.stderr(`${label}: ${describeImportError(opened.error)}\n`);
    return false;
  }
  if (opened.report.length > 0) {
    const shown = opened.report.slice(0, REPAIRS_SHOWN).map((r) => `  - ${issueLine(r)}\n`);
    const more = opened.report.length - shown.length;
    io.stderr(
      `${label}: repaired ${opened.report.length} problem${opened.report.length === 1 ? "" : "s"} while opening:\n${shown.join("")}` +
        (more > 0 ? `  - and ${more} more\n` : ""),
    );
  }
  const files = plan.outputs.map((o) => ({ ...o, text: render(o.format, opened, options) }));
  for (const file of files) {
    if (file.path === "-") io.stdout(file.text);
    else await writeFile(file.path, file.text, "utf8");
  }
  if (!quiet) {
    const steps = opened.journey.steps.length;
    io.stdout(
      `${label}: ${steps} step${steps === 1 ? "" : "s"} → ${files.map((f) => shown(io.cwd, f.path)).join(", ")}\n`,
    );
  }
  return true;
}

export const command: Command = {
  name: "export",
  summary: "export journey files to SVG, CSV and JSON, one or many",
  usage,
  async run(args, io): Promise<ExitCode> {
    const { plans, options } = plan(args, io.cwd);
    const quiet = plans.some((p) => p.outputs.some((o) => o.path === "-"));
    const dirs = new Set(
      plans.flatMap((p) =>
        p.outputs.filter((o) => o.path !== "-").map((o) => resolve(o.path, "..")),
      ),
    );
    for (const dir of dirs) await mkdir(dir, { recursive: true });
    let failed = 0;
    for (const p of plans) if (!(await exportOne(p, options, io, quiet))) failed++;
    if (failed > 0 && plans.length > 1)
      io.stderr(`${failed} of ${plans.length} files could not be exported.\n`);
    return failed > 0 ? EXIT.badInput : EXIT.ok;
  },
};
