import { describe, expect, it } from "vitest";
import { FORMAT_VERSION } from "../../../src/format/envelope";
import {
  MIGRATIONS,
  migrateEnvelope,
  validateMigrations,
  type Migration,
  type RawEnvelope,
} from "../../../src/format/migrations";

/** A made-up history for exercising the machinery: v2 renames `title` to `name`, v3 adds `tags`. */
const toV2: Migration = {
  version: 2,
  name: "rename-title-to-name",
  up: ({ title, ...rest }) => ({ ...rest, name: title }),
};
const toV3: Migration = {
  version: 3,
  name: "add-tags",
  up: (envelope) => ({ ...envelope, tags: [] }),
};

describe("the migration list", () => {
  it("is valid for the current format version", () => {
    expect(FORMAT_VERSION).toBe(2);
    expect(MIGRATIONS.map((m) => m.name)).toEqual([
      "add-step-sources-metrics-and-cell-annotations",
    ]);
    expect(validateMigrations(MIGRATIONS)).toEqual({ ok: true });
  });
});

describe("validateMigrations", () => {
  it.each<[string, Migration[], number, string | null]>([
    ["versions 2 and 3 for target 3", [toV2, toV3], 3, null],
    ["no migrations for target 1", [], 1, null],
    ["a missing migration", [toV2], 3, "expected 2 migrations (versions 2 to 3), found 1"],
    [
      "a gap",
      [toV2, { ...toV3, version: 4 }],
      3,
      'migration 2 ("add-tags") produces version 4; expected 3',
    ],
    ["the wrong order", [toV3, toV2], 3, 'migration 1 ("add-tags") produces version 3; expected 2'],
    [
      "a repeated name",
      [toV2, { ...toV3, name: toV2.name }],
      3,
      'two migrations are named "rename-title-to-name"',
    ],
    ["an empty name", [{ ...toV2, name: " " }], 2, "the migration to version 2 has no name"],
    [
      "a migration to version 1",
      [{ ...toV2, version: 1 }],
      2,
      'migration 1 ("rename-title-to-name") produces version 1; expected 2',
    ],
    ["a target of 0", [], 0, "the current format version 0 is not a whole number from 1"],
  ])("%s", (_name, list, target, message) => {
    expect(validateMigrations(list, target)).toEqual(
      message === null ? { ok: true } : { ok: false, message },
    );
  });
});

describe("migrateEnvelope", () => {
  const v1: RawEnvelope = { format: "seams-journey", formatVersion: 1, title: "Old", journey: {} };

  it("runs every later migration in order and sets the version each produces", () => {
    const result = migrateEnvelope(v1, 1, [toV2, toV3], 3);
    expect(result).toEqual({
      ok: true,
      envelope: { format: "seams-journey", formatVersion: 3, name: "Old", journey: {}, tags: [] },
      applied: ["rename-title-to-name", "add-tags"],
    });
    expect(v1).toEqual({ format: "seams-journey", formatVersion: 1, title: "Old", journey: {} });
  });

  it("runs only the migrations after the file's version", () => {
    const v2 = { format: "seams-journey", formatVersion: 2, name: "Mid" };
    expect(migrateEnvelope(v2, 2, [toV2, toV3], 3)).toEqual({
      ok: true,
      envelope: { format: "seams-journey", formatVersion: 3, name: "Mid", tags: [] },
      applied: ["add-tags"],
    });
  });

  it("leaves a current envelope as it is", () => {
    const v2 = { ...v1, formatVersion: 2 };
    expect(migrateEnvelope(v2, 2)).toEqual({ ok: true, envelope: v2, applied: [] });
  });

  it("refuses a newer version", () => {
    expect(migrateEnvelope(v1, 4, [toV2, toV3], 3)).toEqual({
      ok: false,
      error: {
        kind: "newer-version",
        message: "The file has format version 4; this version of Seams opens up to 3.",
        fileVersion: 4,
        supportedVersion: 3,
      },
    });
  });

  it.each([[0], [-1], [1.5], ["1"], [null], [Number.NaN], [Infinity]])(
    "refuses version %s as not a journey file",
    (version) => {
      const result = migrateEnvelope(v1, version);
      expect(result.ok || result.error.kind).toBe("not-a-journey-file");
    },
  );

  it("reports a migration that throws, by name, without throwing", () => {
    const broken: Migration = {
      version: 2,
      name: "broken",
      up: () => {
        throw new Error("no title");
      },
    };
    expect(migrateEnvelope(v1, 1, [broken], 2)).toEqual({
      ok: false,
      error: {
        kind: "invalid",
        message: "1 problem found.",
        issues: [{ path: "", message: 'could not be brought up to format 2 ("broken"): no title' }],
      },
    });
  });

  it("reports a migration that returns something other than an object", () => {
    const wrong = { version: 2, name: "wrong", up: () => [] as unknown as RawEnvelope };
    const result = migrateEnvelope(v1, 1, [wrong], 2);
    expect(!result.ok && result.error.kind === "invalid" && result.error.issues[0]?.message).toBe(
      'could not be brought up to format 2 ("wrong"): the migration did not return an object',
    );
  });

  it("refuses to run a broken list", () => {
    const result = migrateEnvelope(v1, 1, [toV3], 3);
    expect(!result.ok && result.error.kind === "invalid" && result.error.issues[0]?.message).toBe(
      "the migrations are broken: expected 2 migrations (versions 2 to 3), found 1",
    );
  });
});

describe("version 2: step sources and measures, cell annotations", () => {
  const migration = MIGRATIONS[0] as Migration;
  const before: RawEnvelope = {
    format: "seams-journey",
    formatVersion: 1,
    journey: {
      id: "j",
      steps: [
        { id: "a", laneId: "L", stageId: "S", label: "Book" },
        "not a step",
        { id: "b", laneId: "L", stageId: "S", sources: [{ id: "s1", kind: "survey" }] },
      ],
      annotations: [{ id: "n", kind: "note", text: "x", stepId: "a" }],
    },
  };
  const empty = {
    volumePerYear: null,
    costPerTransactionGbp: null,
    staffMinutesPerTransaction: null,
    completionRatePercent: null,
    failureRatePercent: null,
    satisfactionPercent: null,
  };

  it("gives every step no sources and unknown measures, every annotation no cell", () => {
    const frozen = structuredClone(before);
    const result = migrateEnvelope(before, 1);
    expect(result).toEqual({
      ok: true,
      applied: [migration.name],
      envelope: {
        format: "seams-journey",
        formatVersion: 2,
        journey: {
          id: "j",
          steps: [
            { id: "a", laneId: "L", stageId: "S", label: "Book", sources: [], metrics: empty },
            "not a step",
            {
              id: "b",
              laneId: "L",
              stageId: "S",
              sources: [{ id: "s1", kind: "survey" }],
              metrics: empty,
            },
          ],
          annotations: [
            { id: "n", kind: "note", text: "x", stepId: "a", laneId: null, stageId: null },
          ],
        },
      },
    });
    expect(before).toEqual(frozen);
  });

  it("leaves a journey without lists, or no journey, for restore to report", () => {
    expect(migration.up({ format: "seams-journey", journey: { id: "j" } })).toEqual({
      format: "seams-journey",
      journey: { id: "j" },
    });
    expect(migration.up({ format: "seams-journey", journey: [] })).toEqual({
      format: "seams-journey",
      journey: [],
    });
    expect(migration.up({ journey: { steps: "x" } })).toEqual({ journey: { steps: "x" } });
  });
});
