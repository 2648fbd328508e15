/**
 * `seams analyse`: what Seams finds in a journey file (Seams .json, or .svg exported by Seams),
 * without a browser: the scorecard, the handoffs, the information asked more than once and the
 * suggested duplicate steps. A readable report by default; `--json` gives the findings with step
 * ids for scripts and CI. Every input goes through the same checks as opening a file in the app.
 */
import { analyseJourney, type JourneyAnalysis } from "../../domain/analysis";
import type { Journey } from "../../domain/model";
import { clusterNumbers } from "../../domain/analysis/analysis-highlights";
import { openJourneyInput } from "../open-file";
import { describeImportError, issueLine } from "../../format/errors";
import {
  HANDOFF_KIND_MEANING,
  HANDOFF_KINDS,
  formatMinutesRange,
  formatRange,
  journeyNames,
  listWords,
  plural,
  quoted,
  readableTerms,
  strengthWords,
  whereWords,
  type JourneyNames,
} from "../../domain/analysis/describe";
import {
  EXIT,
  STDIN,
  UsageError,
  inputLabel,
  parseArgs,
  type Command,
  type ExitCode,
} from "../command";

const usage = `Usage:
  seams analyse <journey.json|journey.svg|->... [--json]

Prints what Seams finds in a journey (.json, or an .svg exported by Seams; - reads
it from standard input):
the scorecard, the handoffs (citizen-carried first), the information asked more
than once ("tell us once"), and the suggested duplicate steps.

  --json    the findings as JSON with step ids: one object per file (an array
            when several files are given)

Exit codes: 0 done; 1 an input could not be read or is not a valid journey (the
located problems are on standard error; the other inputs are still analysed);
2 wrong usage.`;

/** Repairs listed for one input before the rest are counted. */
const REPAIRS_SHOWN = 10;

/** The findings of one journey as JSON: every step named by its id. */
export function findingsJson(journey: Journey, analysis: JourneyAnalysis, file: string) {
  const names = journeyNames(journey);
  const numbers = clusterNumbers(analysis.duplicates);
  return {
    file,
    journey: { id: journey.id, title: journey.title },
    scorecard: analysis.scorecard,
    handoffs: analysis.handoffs.map((h) => ({
      from: h.fromStepId,
      to: h.toStepId,
      kind: h.kind,
      fromOrganisation: names.actor(h.fromActorId),
      toOrganisation: names.actor(h.toActorId),
      via: h.viaStepIds,
      flows: h.flowIds,
    })),
    repeated: analysis.repeated
      .filter((r) => r.repeated)
      .map((r) => ({
        item: r.label,
        itemId: r.itemId,
        times: r.count,
        steps: r.stepIds,
        organisations: r.organisationIds.map((id) => names.actor(id)),
      })),
    duplicates: analysis.duplicates.map((c) => {
      const n = numbers.get(c.key);
      return {
        key: c.key,
        label: n === undefined ? null : `D${n + 1}`,
        steps: c.stepIds,
        strength: c.strength,
        decision: c.decision,
        reason: c.reason,
        job: c.job,
        sharedWords: c.sharedTerms,
        sharedItems: c.sharedItems,
      };
    }),
  };
}

/** The findings of one journey as a report for people. */
export function findingsReport(journey: Journey, analysis: JourneyAnalysis, file: string): string {
  const names = journeyNames(journey);
  const s = analysis.scorecard;
  const lines: string[] = [`${journey.title} (${file})`, ""];

  const rows: [string, string][] = [
    ["Steps", String(s.steps)],
    ["Citizen actions", String(s.citizenActions)],
    ["Organisations involved", String(s.organisations)],
    ["Handoffs", String(s.handoffs.total)],
    ["  citizen-carried", String(s.handoffs.citizenCarried)],
    ["  direct", String(s.handoffs.direct)],
    ["  internal", String(s.handoffs.internal)],
    ["Duplicate clusters", String(s.duplicateClusters)],
    ["Repeated information", String(s.repeatedItems)],
    ["Channel switches along the path", formatRange(s.channelSwitches)],
    ["Contacts the citizen starts", formatRange(s.contactsStarted)],
    ["In-person visits along the path", formatRange(s.inPersonVisits)],
    ["Active time along the path", formatMinutesRange(s.activeMinutes)],
    ["Elapsed time along the path", formatMinutesRange(s.elapsedMinutes)],
    ["Dead ends", stepList(s.deadEnds, names)],
    ["Unreachable steps", stepList(s.unreachable, names)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  lines.push("Scorecard (along the path: shortest to longest way through the journey)");
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(width)}  ${value}`);

  lines.push("", `Handoffs (${analysis.handoffs.length})`);
  if (analysis.handoffs.length === 0)
    lines.push("  None: the case stays with one team all the way.");
  for (const kind of HANDOFF_KINDS) {
    const ofKind = analysis.handoffs.filter((h) => h.kind === kind);
    if (ofKind.length === 0) continue;
    lines.push(`  ${capitalise(kind)} (${ofKind.length}): ${HANDOFF_KIND_MEANING[kind]}`);
    for (const h of ofKind) {
      const who =
        kind === "internal"
          ? `${names.ownerAndLane(h.fromStepId)} → ${names.ownerAndLane(h.toStepId)}`
          : `${names.actor(h.fromActorId)} → ${names.actor(h.toActorId)}`;
      lines.push(
        `    ${who}: ${quoted(names.stepLabel(h.fromStepId))} → ${quoted(names.stepLabel(h.toStepId))}`,
      );
      if (h.viaStepIds.length > 0)
        lines.push(`      via ${listWords(h.viaStepIds.map((id) => quoted(names.stepLabel(id))))}`);
    }
  }

  const repeated = analysis.repeated.filter((r) => r.repeated);
  lines.push("", `Tell us once: information asked more than once (${repeated.length})`);
  if (repeated.length === 0) lines.push("  Nothing is asked for twice.");
  const itemWidth = Math.max(0, ...repeated.map((r) => r.label.length));
  for (const r of repeated) {
    const who =
      listWords(r.organisationIds.map((id) => names.actor(id))) || "the citizen's own steps";
    lines.push(`  ${r.label.padEnd(itemWidth)}  ${plural(r.count, "time")}  ${who}`);
  }

  const numbers = clusterNumbers(analysis.duplicates);
  lines.push(
    "",
    `Duplicated steps (${numbers.size} suggested${analysis.duplicates.length > numbers.size ? `, ${analysis.duplicates.length - numbers.size} dismissed` : ""})`,
  );
  if (analysis.duplicates.length === 0) lines.push("  None suggested.");
  for (const c of analysis.duplicates) {
    const n = numbers.get(c.key);
    const decision = c.decision ? `, ${c.decision}` : "";
    lines.push(
      `  ${n === undefined ? "–" : `D${n + 1}`}  ${strengthWords(c.strength)} (${Math.round(c.strength * 100)}%)${decision}: ` +
        `${plural(c.stepIds.length, "step")} ${whereWords(c.stepIds.map((id) => names.owner(id)))}`,
    );
    const terms = readableTerms(c.sharedTerms);
    if (c.job) lines.push(`      same job: ${c.job}`);
    if (terms.length > 0) lines.push(`      same words: ${terms.map(quoted).join(", ")}`);
    if (c.sharedItems.length > 0)
      lines.push(`      same information asked: ${c.sharedItems.join(", ")}`);
    for (const id of c.stepIds)
      lines.push(`      - ${names.owner(id)}: ${quoted(names.stepLabel(id))}`);
  }
  return `${lines.join("\n")}\n`;
}

function stepList(ids: readonly string[], names: JourneyNames): string {
  if (ids.length === 0) return "0";
  const shown = ids.slice(0, 3).map((id) => quoted(names.stepLabel(id)));
  return `${ids.length}: ${shown.join(", ")}${ids.length > 3 ? ` and ${ids.length - 3} more` : ""}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const command: Command = {
  name: "analyse",
  summary:
    "report the handoffs, repeated information, duplicate steps and scorecard of journey files",
  usage,
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArgs(args, [], ["json"]);
    const inputs = parsed.positional;
    if (inputs.length === 0) throw new UsageError("name at least one journey file to analyse");
    if (inputs.filter((i) => i === STDIN).length > 1)
      throw new UsageError("standard input (-) can be read only once");
    const json = parsed.flags.has("json");
    const results: ReturnType<typeof findingsJson>[] = [];
    const reports: string[] = [];
    let failed = 0;
    for (const name of inputs) {
      const label = inputLabel(name);
      const opened = await openJourneyInput(name, io);
      if (!opened.ok) {
        io.stderr(`${label}: ${describeImportError(opened.error)}\n`);
        failed++;
        continue;
      }
      if (opened.report.length > 0) {
        const shown = opened.report.slice(0, REPAIRS_SHOWN).map((r) => `  - ${issueLine(r)}\n`);
        const more = opened.report.length - shown.length;
        io.stderr(
          `${label}: repaired ${plural(opened.report.length, "problem")} while opening:\n${shown.join("")}` +
            (more > 0 ? `  - and ${more} more\n` : ""),
        );
      }
      const analysis = analyseJourney(opened.journey);
      if (json) results.push(findingsJson(opened.journey, analysis, name));
      else reports.push(findingsReport(opened.journey, analysis, label));
    }
    if (json) {
      if (results.length > 0 || inputs.length > 1) {
        io.stdout(`${JSON.stringify(inputs.length === 1 ? results[0] : results, null, 2)}\n`);
      }
    } else if (reports.length > 0) {
      io.stdout(reports.join(`\n${"─".repeat(72)}\n\n`));
    }
    if (failed > 0 && inputs.length > 1)
      io.stderr(`${failed} of ${inputs.length} files could not be analysed.\n`);
    return failed > 0 ? EXIT.badInput : EXIT.ok;
  },
};
