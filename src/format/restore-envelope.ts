import { FORMAT_NAME, FORMAT_VERSION } from "./envelope";
import { formatPath, invalidError, quote, RepairLog, type ImportError } from "./errors";
import { isValidId } from "./ids";
import { ENVELOPE_FIELDS, envelopeInput } from "./input-schema";
import { migrateEnvelope } from "./migrations";
import { isRecord, own, restoreBareJourney, shapeError } from "./restore-core";
import { repairTimestamp, shortText } from "./restore-fields";
import type { ParseResult } from "./results";
import { describeValue, issuesFromZod } from "./zod-issues";

/** The envelope key that may name the file's JSON Schema. */
export const SCHEMA_KEY = "$schema";

/** The app version recorded for an envelope that does not say which version saved it. */
export const UNKNOWN_APP_VERSION = "unknown";

function notAJourney(reason: string): { ok: false; error: ImportError } {
  return {
    ok: false,
    error: { kind: "not-a-journey-file", message: `This file is not a Seams journey: ${reason}` },
  };
}

/** True when a value says it is an envelope (it names a format or a format version); a bare
 * journey has neither field. */
export function looksLikeEnvelope(value: unknown): boolean {
  return (
    isRecord(value) &&
    (own(value, "format") !== undefined || own(value, "formatVersion") !== undefined)
  );
}

/**
 * Opens an envelope already in memory: a parsed file, the data embedded in an SVG, or an
 * IndexedDB record. Checks its identity (format name, then format version), refuses newer
 * versions, migrates older ones, then restores the journey. Repairs of the envelope's own
 * fields are reported by field name (`savedAt`), the journey's by journey path (`steps[3].label`).
 */
export function restoreEnvelope(value: unknown, measured = false): ParseResult {
  if (!measured) {
    const error = shapeError(value);
    if (error) return { ok: false, error };
  }
  if (!isRecord(value))
    return notAJourney(`it holds ${describeValue(value)}, not a journey envelope.`);
  const format = own(value, "format");
  if (format === undefined) return notAJourney("it does not name its format.");
  if (format !== FORMAT_NAME) {
    return notAJourney(
      typeof format === "string"
        ? `its format is ${quote(format)}, not "${FORMAT_NAME}".`
        : "its format name is not text.",
    );
  }
  const version = own(value, "formatVersion");
  if (version === undefined) return notAJourney("it does not give its format version.");

  const migrated = migrateEnvelope(value, version);
  if (!migrated.ok) return migrated;
  const raw = migrated.envelope;

  const fields = envelopeInput.safeParse(raw, { reportInput: true });
  if (!fields.success)
    return { ok: false, error: invalidError(issuesFromZod(fields.error.issues)) };
  const journeyValue = own(raw, "journey");
  if (journeyValue === undefined)
    return { ok: false, error: invalidError([{ path: "journey", message: "is required" }]) };

  const restored = restoreBareJourney(journeyValue, true);
  if (!restored.ok) return restored;

  const log = new RepairLog();
  for (const key of Object.keys(raw)) {
    if (ENVELOPE_FIELDS.includes(key)) continue;
    // `$schema` names the JSON Schema a file follows (for editors): accepted without a report
    // when it is text. Seams does not keep it, so a saved copy leaves it out.
    if (key === SCHEMA_KEY && typeof own(raw, key) === "string") continue;
    log.add(formatPath([key]), "unknown envelope field dropped");
  }
  const appVersion =
    fields.data.appVersion === undefined
      ? UNKNOWN_APP_VERSION
      : shortText(fields.data.appVersion, "appVersion", log);
  const savedAt = repairTimestamp(fields.data.savedAt, restored.journey.updatedAt, "savedAt", log);
  let baseVersionId = fields.data.baseVersionId ?? null;
  if (baseVersionId !== null && !isValidId(baseVersionId)) {
    log.add("baseVersionId", `${quote(baseVersionId)} is not a valid id; cleared`);
    baseVersionId = null;
  }
  return {
    ok: true,
    journey: restored.journey,
    envelope: {
      format: FORMAT_NAME,
      formatVersion: FORMAT_VERSION,
      appVersion,
      savedAt,
      baseVersionId,
      journey: restored.journey,
    },
    report: [...log.list(), ...restored.report],
  };
}
