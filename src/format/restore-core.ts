import { formatPath, invalidError, RepairLog, type ImportError, type Issue } from "./errors";
import { JOURNEY_FIELDS, RECORD_FIELDS, STEP_PART_FIELDS, journeyInput } from "./input-schema";
import { journeyFieldsSchema } from "./journey-schema";
import { COLLECTION_LIMITS, MAX_DEPTH, MAX_VALUES, type CollectionName } from "./limits";
import { measureValue } from "./depth";
import { referenceIssues } from "./references";
import { linkJourney } from "./restore-links";
import { draftJourney } from "./restore-records";
import type { RestoreResult } from "./results";
import { describeValue, issuesFromZod } from "./zod-issues";

/** True for a value that is an object but not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An own property, never one reached through the prototype. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The error for a value too deep or too big to walk, or null when it can be restored. */
export function shapeError(value: unknown): ImportError | null {
  const shape = measureValue(value, MAX_DEPTH, MAX_VALUES);
  if (shape === "too-deep") {
    return {
      kind: "too-deep",
      message: `The data is nested more than ${MAX_DEPTH} levels deep.`,
      limit: MAX_DEPTH,
    };
  }
  if (shape === "too-many-values") {
    return {
      kind: "too-large",
      message: `The data holds more than ${MAX_VALUES} values.`,
      subject: "values",
      limit: MAX_VALUES,
      actual: MAX_VALUES + 1,
    };
  }
  return null;
}

function countError(journey: Record<string, unknown>): ImportError | null {
  for (const name of Object.keys(COLLECTION_LIMITS) as CollectionName[]) {
    const list = own(journey, name);
    const limit = COLLECTION_LIMITS[name];
    if (Array.isArray(list) && list.length > limit) {
      return {
        kind: "too-large",
        message: `The journey has ${list.length} ${name}; the limit is ${limit}.`,
        subject: name,
        limit,
        actual: list.length,
      };
    }
  }
  return null;
}

/** Reports (and so drops) every field the format does not define, `__proto__` included. */
function reportUnknownFields(journey: Record<string, unknown>, log: RepairLog): void {
  const unknown = (
    record: Record<string, unknown>,
    allowed: readonly string[],
    path: (string | number)[],
  ) => {
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) log.add(formatPath([...path, key]), "unknown field dropped");
    }
  };
  unknown(journey, JOURNEY_FIELDS, []);
  for (const name of Object.keys(RECORD_FIELDS) as CollectionName[]) {
    const list = own(journey, name);
    if (!Array.isArray(list)) continue;
    list.forEach((record: unknown, i) => {
      if (!isRecord(record)) return;
      unknown(record, RECORD_FIELDS[name], [name, i]);
      if (name !== "steps") return;
      const metrics = own(record, "metrics");
      if (isRecord(metrics)) unknown(metrics, STEP_PART_FIELDS.metrics, [name, i, "metrics"]);
      const sources = own(record, "sources");
      if (!Array.isArray(sources)) return;
      sources.forEach((source: unknown, j) => {
        if (isRecord(source)) unknown(source, STEP_PART_FIELDS.sources, [name, i, "sources", j]);
      });
    });
  }
}

/**
 * Restores a bare journey value (not an envelope). Types are checked by the input schema,
 * values repaired by the two passes, references checked, and the result validated once more
 * against the journey schema. `measured` skips the depth walk when the caller has done it.
 */
export function restoreBareJourney(value: unknown, measured = false): RestoreResult {
  if (!measured) {
    const error = shapeError(value);
    if (error) return { ok: false, error };
  }
  if (!isRecord(value)) {
    return {
      ok: false,
      error: invalidError([
        { path: "", message: `expected a journey object, got ${describeValue(value)}` },
      ]),
    };
  }
  const tooMany = countError(value);
  if (tooMany) return { ok: false, error: tooMany };

  const parsed = journeyInput.safeParse(value, { reportInput: true });
  if (!parsed.success)
    return { ok: false, error: invalidError(issuesFromZod(parsed.error.issues)) };

  const log = new RepairLog();
  reportUnknownFields(value, log);
  const problems: Issue[] = [];
  const draft = draftJourney(parsed.data, log, problems);
  if (problems.length > 0) return { ok: false, error: invalidError(problems) };
  const journey = linkJourney(draft, log);

  const broken: Issue[] = referenceIssues(journey).map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  if (broken.length > 0) return { ok: false, error: invalidError(broken) };

  const checked = journeyFieldsSchema.safeParse(journey, { reportInput: true });
  if (!checked.success) {
    const issues = issuesFromZod(checked.error.issues).map((issue) => ({
      ...issue,
      message: `${issue.message} (after repair)`,
    }));
    return { ok: false, error: invalidError(issues) };
  }
  return { ok: true, journey, report: log.list() };
}
