/**
 * Journey → CSV: one row per step, for spreadsheets. RFC 4180 (fields quoted when they hold a
 * comma, quote or line break; quotes doubled; CRLF between records), with a UTF-8 byte order
 * mark so Excel reads the text as UTF-8.
 *
 * Safe against formula injection (OWASP "CSV Injection"; ASVS 1.2.10): a cell made from the
 * journey's text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
 * with `'`, so a spreadsheet shows it as text instead of running it. That includes a label
 * such as "-1": in a label it is text, and it stays text. Numbers Seams writes itself (stage
 * order, minutes, emotion from −2 to +2) are written as plain numbers and left alone: they
 * can only ever be an optional minus sign and digits, which no spreadsheet runs as a formula.
 */
import { lanesInDisplayOrder } from "../domain/layout";
import { compareCellOrder } from "../domain/journey";
import {
  CHANNEL_LABELS,
  EVIDENCE_STATUS_LABELS,
  LAYER_LABELS,
  type Actor,
  type Journey,
  type Lane,
  type Step,
} from "../domain/model";

export const CSV_COLUMNS = [
  "Step ID",
  "Stage",
  "Stage order",
  "Lane",
  "Organisation",
  "Channel",
  "Label",
  "Description",
  "Data items",
  "Evidence",
  "Active minutes",
  "Waiting minutes",
  "Pain points",
  "Emotion",
  "Evidence status",
  "Fail point",
  "Wait point",
  "Notes",
  "Tags",
] as const;

/** Columns that hold numbers Seams writes itself; every other column is text. */
export const CSV_NUMBER_COLUMNS: ReadonlySet<(typeof CSV_COLUMNS)[number]> = new Set([
  "Stage order",
  "Active minutes",
  "Waiting minutes",
  "Emotion",
]);

const BOM = "\uFEFF";
const CRLF = "\r\n";
/** Separator between the entries of a list (data items, evidence, pain points, tags). */
const LIST_SEPARATOR = "; ";

/** A cell a spreadsheet could read as a formula: one starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return (OWASP), also after leading spaces or line breaks (some importers trim
 * them) and in the full-width forms some input methods type. */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** Makes a text cell safe to open in a spreadsheet: drops control characters that are not
 * text (NUL and the like; tab and line breaks stay), then prefixes `'` when it could start a
 * formula. */
export function textCell(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/** A number Seams writes: digits with an optional minus sign, or empty when there is none. */
export function numberCell(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return String(Object.is(value, -0) ? 0 : value);
}

/** Quotes a field per RFC 4180 when it holds a comma, a quote or a line break. */
export function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function yesNo(value: boolean): string {
  return value ? "yes" : "no";
}

function list(values: readonly string[]): string {
  return values
    .map((v) => v.trim())
    .filter(Boolean)
    .join(LIST_SEPARATOR);
}

/** "DWP · Tell Us Once service · Frontstage": owner, team (if any) and layer. */
export function laneName(lane: Lane, actor: Actor | undefined): string {
  const owner = actor?.shortName || actor?.name || "";
  return [owner, lane.team.trim(), LAYER_LABELS[lane.layer]].filter(Boolean).join(" · ");
}

/** Steps in reading order: stage by stage, lanes top to bottom, then left to right in a cell.
 * Steps whose stage or lane is missing come last, in their journey order. */
export function stepsInReadingOrder(journey: Journey): Step[] {
  const stageRank = new Map(journey.stages.map((s, i) => [s.id, i]));
  const laneRank = new Map(lanesInDisplayOrder(journey.lanes).map((l, i) => [l.id, i]));
  const last = Number.MAX_SAFE_INTEGER;
  return journey.steps
    .map((step, i) => ({ step, i }))
    .sort(
      (a, b) =>
        (stageRank.get(a.step.stageId) ?? last) - (stageRank.get(b.step.stageId) ?? last) ||
        (laneRank.get(a.step.laneId) ?? last) - (laneRank.get(b.step.laneId) ?? last) ||
        (stageRank.has(a.step.stageId) && laneRank.has(a.step.laneId)
          ? compareCellOrder(a.step, b.step)
          : 0) ||
        a.i - b.i,
    )
    .map(({ step }) => step);
}

/** The CSV rows (header first) as cells, before quoting. */
export function csvRows(journey: Journey): string[][] {
  const stages = new Map(journey.stages.map((s, i) => [s.id, { name: s.name, order: i + 1 }]));
  const lanes = new Map(journey.lanes.map((l) => [l.id, l]));
  const actors = new Map(journey.actors.map((a) => [a.id, a]));
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const step of stepsInReadingOrder(journey)) {
    const stage = stages.get(step.stageId);
    const lane = lanes.get(step.laneId);
    const actor = lane ? actors.get(lane.actorId) : undefined;
    rows.push([
      textCell(step.id),
      textCell(stage?.name ?? ""),
      numberCell(stage?.order),
      textCell(lane ? laneName(lane, actor) : ""),
      textCell(actor?.name ?? ""),
      textCell(step.channel ? CHANNEL_LABELS[step.channel] : ""),
      textCell(step.label),
      textCell(step.description),
      textCell(list(step.dataItems)),
      textCell(list(step.evidence)),
      numberCell(step.activeMinutes),
      numberCell(step.waitingMinutes),
      textCell(list(step.painPoints)),
      numberCell(step.emotion),
      textCell(EVIDENCE_STATUS_LABELS[step.evidenceStatus] ?? ""),
      yesNo(step.failPoint),
      yesNo(step.waitPoint),
      textCell(step.notes),
      textCell(list(step.tags)),
    ]);
  }
  return rows;
}

/** One row per step: stage, lane, organisation, channel, data items, times, pain points and
 * the rest, ready to open in Excel, Sheets or LibreOffice. */
export function exportCsv(journey: Journey): string {
  const lines = csvRows(journey).map((row) => row.map(quoteField).join(","));
  return BOM + lines.join(CRLF) + CRLF;
}
