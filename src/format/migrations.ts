import { invalidError, type ImportError } from "./errors";
import { FORMAT_VERSION } from "./envelope";

/**
 * Migrations of the file envelope, from older format versions to the current one. Each is
 * small, named, pure and forward-only, and produces the version it is keyed by: the migration
 * with `version: 2` turns a version 1 envelope into a version 2 one. The list holds versions
 * 2…FORMAT_VERSION, in order, with none missing. Each needs a before/after test and a frozen
 * fixture of the older version in tests/fixtures/format/.
 */

/** An envelope as read, before it is restored: any JSON object. */
export type RawEnvelope = Record<string, unknown>;

export interface Migration {
  /** The format version this migration produces. */
  version: number;
  name: string;
  /** Returns a new envelope; must not change its argument. */
  up(envelope: RawEnvelope): RawEnvelope;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A copy of `record` with `fields` added where it does not have them. */
function withDefaults(
  record: Record<string, unknown>,
  fields: Record<string, () => unknown>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  for (const [key, make] of Object.entries(fields)) {
    if (own(record, key) === undefined) copy[key] = make();
  }
  return copy;
}

/** Each object in a list with `fields` added; anything that is not an object is left as it is
 * (restore reports it). */
function listWithDefaults(list: unknown, fields: Record<string, () => unknown>): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((item: unknown) => (isObject(item) ? withDefaults(item, fields) : item));
}

/**
 * Version 2: every step gains its evidence `sources` (none) and its performance `metrics` (all
 * unknown); every annotation gains `laneId` and `stageId` (null: attached to a step, or free,
 * as before).
 */
export const addSourcesMetricsAndCellNotes: Migration = {
  version: 2,
  name: "add-step-sources-metrics-and-cell-annotations",
  up(envelope) {
    const journey = own(envelope, "journey");
    if (!isObject(journey)) return { ...envelope };
    const steps = listWithDefaults(own(journey, "steps"), {
      sources: () => [],
      metrics: () => ({
        volumePerYear: null,
        costPerTransactionGbp: null,
        staffMinutesPerTransaction: null,
        completionRatePercent: null,
        failureRatePercent: null,
        satisfactionPercent: null,
      }),
    });
    const annotations = listWithDefaults(own(journey, "annotations"), {
      laneId: () => null,
      stageId: () => null,
    });
    const next: Record<string, unknown> = { ...journey };
    if (steps !== undefined) next.steps = steps;
    if (annotations !== undefined) next.annotations = annotations;
    return { ...envelope, journey: next };
  },
};

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [addSourcesMetricsAndCellNotes];

export type MigrationCheck = { ok: true } | { ok: false; message: string };

/** Checks that `migrations` produce versions 2…`target` in order, each once, each named. */
export function validateMigrations(
  migrations: readonly Migration[],
  target: number = FORMAT_VERSION,
): MigrationCheck {
  if (!Number.isInteger(target) || target < 1)
    return {
      ok: false,
      message: `the current format version ${target} is not a whole number from 1`,
    };
  if (migrations.length !== target - 1) {
    return {
      ok: false,
      message: `expected ${target - 1} migrations (versions 2 to ${target}), found ${migrations.length}`,
    };
  }
  const names = new Set<string>();
  for (let i = 0; i < migrations.length; i++) {
    const migration = migrations[i] as Migration;
    const expected = i + 2;
    if (migration.version !== expected) {
      return {
        ok: false,
        message: `migration ${i + 1} ("${migration.name}") produces version ${migration.version}; expected ${expected}`,
      };
    }
    if (migration.name.trim() === "")
      return { ok: false, message: `the migration to version ${expected} has no name` };
    if (names.has(migration.name))
      return { ok: false, message: `two migrations are named "${migration.name}"` };
    names.add(migration.name);
  }
  return { ok: true };
}

export type MigrateResult =
  { ok: true; envelope: RawEnvelope; applied: string[] } | { ok: false; error: ImportError };

/** True for a format version a file can carry: a whole number from 1. */
export function isFormatVersion(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

/**
 * Brings an envelope of format `fromVersion` up to `target` by running the migrations after
 * it, in order. Refuses a version that is not a whole number from 1 ("not-a-journey-file")
 * and a version newer than `target` ("newer-version"). A migration that throws gives an
 * "invalid" error naming it. Never throws.
 */
export function migrateEnvelope(
  raw: RawEnvelope,
  fromVersion: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = FORMAT_VERSION,
): MigrateResult {
  if (!isFormatVersion(fromVersion)) {
    return {
      ok: false,
      error: {
        kind: "not-a-journey-file",
        message: `This file is not a Seams journey: its format version (${String(fromVersion)}) is not a whole number from 1.`,
      },
    };
  }
  if (fromVersion > target) {
    return {
      ok: false,
      error: {
        kind: "newer-version",
        message: `The file has format version ${fromVersion}; this version of Seams opens up to ${target}.`,
        fileVersion: fromVersion,
        supportedVersion: target,
      },
    };
  }
  const check = validateMigrations(migrations, target);
  if (!check.ok)
    return {
      ok: false,
      error: invalidError([{ path: "", message: `the migrations are broken: ${check.message}` }]),
    };

  let envelope = raw;
  const applied: string[] = [];
  for (const migration of migrations) {
    if (migration.version <= fromVersion) continue;
    try {
      const next: unknown = migration.up(envelope);
      if (typeof next !== "object" || next === null || Array.isArray(next))
        throw new Error("the migration did not return an object");
      envelope = { ...(next as RawEnvelope), formatVersion: migration.version };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: invalidError([
          {
            path: "",
            message: `could not be brought up to format ${migration.version} ("${migration.name}"): ${reason}`,
          },
        ]),
      };
    }
    applied.push(migration.name);
  }
  return { ok: true, envelope, applied };
}
