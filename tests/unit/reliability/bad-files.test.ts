/**
 * Every bad input of shared/reference/reliability.md §6.1 (B01–B32) that applies to Seams,
 * opened the way the app opens a file, against a library holding one journey:
 *
 * - hand-written files in tests/fixtures/bad (manifest.json says what each must do), and
 * - large ones made here (B05, B06, B07).
 *
 * For each: refused with its documented kind (and a message for the user), or opened with
 * every repair reported, or opened unchanged; no exception; no prototype pollution; and
 * nothing stored changes: a refused file writes nothing at all, an opened one is added as a
 * new journey (importStore's path: sizeGuard, parse, planImport, separateCopy when the id is
 * taken) and the stored journey stays byte for byte the same. The counts go to
 * reports/reliability.json. A file that hangs fails its test's time limit and is counted.
 */
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Journey } from "../../../src/domain/model";
import { describeImportError, type ImportErrorKind } from "../../../src/format/errors";
import { MAX_FILE_BYTES, MAX_FLOWS, MAX_LANES, MAX_STEPS } from "../../../src/format/limits";
import { parseJourneyFile, type ParseResult } from "../../../src/format/parse";
import { planImport, separateCopy, sizeGuard } from "../../../src/panels/files/import-flow";
import { SeamsDatabase } from "../../../src/persistence/db";
import { JourneyRepository } from "../../../src/persistence/repository";
import { countMutations, uniqueName } from "../persistence/helpers";
import { recordFigure } from "./report";

const FIXTURES = new URL("../../fixtures/bad/", import.meta.url);
const LIBRARY_FILE = new URL("../../fixtures/format/v1-minimal.seams.json", import.meta.url);

type Outcome = "refused" | "repaired" | "accepted";

interface Expectation {
  id: string;
  input: string;
  expect: Outcome;
  /** Refused: the ImportError kind. */
  kind?: ImportErrorKind;
  /** Refused as invalid: the located paths. */
  issues?: string[];
  /** Repaired: the path of every repair reported, in order. */
  repairs?: string[];
  /** Fields of the opened journey, by dotted path (`steps.1.label`). */
  values?: Record<string, unknown>;
}

interface HandWritten extends Expectation {
  file: string;
}

interface Generated extends Expectation {
  name: string;
  make: () => Uint8Array;
}

const manifest = JSON.parse(readFileSync(new URL("manifest.json", FIXTURES), "utf8")) as {
  files: HandWritten[];
};

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A small valid envelope (the B04 file without its BOM), loosely typed so it can be damaged. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function baseEnvelope(): any {
  const bytes = readFileSync(new URL("B04-utf8-bom.seams.json", FIXTURES));
  return JSON.parse(new TextDecoder().decode(bytes));
}

const GENERATED: Generated[] = [
  {
    id: "B05",
    name: "a journey file padded with spaces to 20 MB + 1 byte",
    input: "200 MB file (here: one byte over the 20 MB limit)",
    expect: "refused",
    kind: "too-large",
    make: () => {
      const head = utf8(JSON.stringify(baseEnvelope()));
      const bytes = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20);
      bytes.set(head);
      return bytes;
    },
  },
  {
    id: "B05",
    name: "200 MB of zeros",
    input: "200 MB of binary",
    expect: "refused",
    kind: "too-large",
    make: () => new Uint8Array(200 * 1024 * 1024),
  },
  {
    id: "B06",
    name: "20,000 levels of arrays inside a step",
    input: "nesting 20,000 levels inside a step",
    expect: "refused",
    kind: "too-deep",
    make: () => {
      const text = JSON.stringify(baseEnvelope());
      const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
      return utf8(text.replace('"order":0,', `"order":0,"extra":${deep},`));
    },
  },
  {
    id: "B06",
    name: "a million opening brackets",
    input: "1,000,000 [ and nothing else",
    expect: "refused",
    kind: "too-deep",
    make: () => utf8("[".repeat(1_000_000)),
  },
  {
    id: "B06",
    name: "20,000 levels of objects in the envelope",
    input: 'nesting 20,000 levels of {"a": …} beside the journey',
    expect: "refused",
    kind: "too-deep",
    make: () => {
      const text = JSON.stringify(baseEnvelope());
      const deep = `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`;
      return utf8(text.replace('"appVersion"', `"deep":${deep},"appVersion"`));
    },
  },
  {
    id: "B07",
    name: `${MAX_STEPS + 1} steps`,
    input: `${MAX_STEPS + 1} steps (one over the limit)`,
    expect: "refused",
    kind: "too-large",
    make: () => {
      const envelope = baseEnvelope();
      const step = envelope.journey.steps[0];
      envelope.journey.steps = Array.from({ length: MAX_STEPS + 1 }, (_, i) => ({
        ...step,
        id: `s${i}`,
      }));
      return utf8(JSON.stringify(envelope));
    },
  },
  {
    id: "B07",
    name: `${MAX_FLOWS + 1} flows`,
    input: `${MAX_FLOWS + 1} flows (one over the limit)`,
    expect: "refused",
    kind: "too-large",
    make: () => {
      const envelope = baseEnvelope();
      const flow = envelope.journey.flows[0];
      envelope.journey.flows = Array.from({ length: MAX_FLOWS + 1 }, (_, i) => ({
        ...flow,
        id: `f${i}`,
      }));
      return utf8(JSON.stringify(envelope));
    },
  },
  {
    id: "B07",
    name: `${MAX_LANES + 1} lanes`,
    input: `${MAX_LANES + 1} lanes (one over the limit)`,
    expect: "refused",
    kind: "too-large",
    make: () => {
      const envelope = baseEnvelope();
      const lane = envelope.journey.lanes[0];
      envelope.journey.lanes = Array.from({ length: MAX_LANES + 1 }, (_, i) => ({
        ...lane,
        id: i === 0 ? lane.id : `l${i}`,
      }));
      return utf8(JSON.stringify(envelope));
    },
  },
  {
    id: "B07",
    name: "a 10 MB label",
    input: "a 10 MB label",
    expect: "repaired",
    repairs: ["steps[0].label"],
    make: () => {
      const envelope = baseEnvelope();
      envelope.journey.steps[0].label = "x".repeat(10 * 1024 * 1024);
      return utf8(JSON.stringify(envelope));
    },
  },
  {
    id: "B07",
    name: "2,000 steps, each with an emotion of 9",
    input: "2,000 repairs in one file (the report lists 1,000 and counts the rest)",
    expect: "repaired",
    make: () => {
      const envelope = baseEnvelope();
      const step = envelope.journey.steps[0];
      envelope.journey.steps = Array.from({ length: 2_000 }, (_, i) => ({
        ...step,
        id: `s${i}`,
        emotion: 9,
      }));
      envelope.journey.flows = [];
      envelope.journey.annotations = [];
      return utf8(JSON.stringify(envelope));
    },
  },
];

// ---------------------------------------------------------------------------------------
// The library: one journey, stored through the repository over fake-indexeddb.

let db: SeamsDatabase;
let repository: JourneyRepository;
let mutations: ReturnType<typeof countMutations>;
let stored: Journey;

type Tables = Record<string, unknown[]>;

async function dumpDatabase(): Promise<Tables> {
  const tables: Tables = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}

/** The stored journey's own rows (head, records, versions, quarantine), serialized. */
function journeyBytes(tables: Tables, journeyId: string): string {
  const own = (row: unknown) => {
    const r = row as { id?: unknown; journeyId?: unknown };
    return r.journeyId === journeyId || (r.journeyId === undefined && r.id === journeyId);
  };
  return JSON.stringify(
    Object.entries(tables)
      .filter(([name]) => name !== "meta")
      .map(([name, rows]) => [name, rows.filter(own)]),
  );
}

beforeAll(async () => {
  db = new SeamsDatabase({ name: uniqueName("seams-bad-files") });
  mutations = countMutations(db);
  repository = new JourneyRepository(db);
  const library = parseJourneyFile(new Uint8Array(readFileSync(LIBRARY_FILE)));
  if (!library.ok) throw new Error("the library journey does not open");
  stored = library.journey;
  await repository.create(stored);
});

// ---------------------------------------------------------------------------------------
// Opening a file as the app does, and checking what happened.

/** What importStore does with a file's bytes: the size guard before reading, then the parse;
 * a valid file is added (as a separate copy when its id is already in the library or trash).
 * Returns the parse result and the journey written, if any. */
async function openLikeTheApp(
  bytes: Uint8Array,
): Promise<{ result: ParseResult; added: Journey | null }> {
  const tooLarge = sizeGuard({ size: bytes.byteLength });
  const result: ParseResult = tooLarge ? { ok: false, error: tooLarge } : parseJourneyFile(bytes);
  if (!result.ok) return { result, added: null };
  const { journeys, trash } = await repository.listAll();
  const plan = planImport(
    result.journey,
    new Set(journeys.map((j) => j.id)),
    new Set(trash.map((j) => j.id)),
  );
  const added = plan.action === "add" ? result.journey : separateCopy(result.journey);
  await repository.create(added);
  return { result, added };
}

const PROTOTYPES: [string, object][] = [
  ["Object", Object.prototype],
  ["Array", Array.prototype],
  ["Function", Function.prototype],
  ["String", String.prototype],
];

function prototypeKeys(): string {
  return JSON.stringify(
    PROTOTYPES.map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort()]),
  );
}

function polluted(before: string): boolean {
  const probe = {} as Record<string, unknown>;
  return (
    probe.polluted !== undefined ||
    probe.label !== undefined ||
    probe.x !== undefined ||
    prototypeKeys() !== before
  );
}

/** The value at a dotted path (`steps.1.label`) of a journey. */
function valueAt(journey: Journey, path: string): unknown {
  let value: unknown = journey;
  for (const key of path.split(".")) {
    value =
      typeof value === "object" && value !== null
        ? Object.getOwnPropertyDescriptor(value, key)?.value
        : undefined;
  }
  return value;
}

interface Tally {
  files: number;
  refused: number;
  refusedByKind: Record<string, number>;
  repaired: number;
  repairsReported: number;
  accepted: number;
  exceptions: number;
  pollution: number;
  storedJourneyChanged: number;
  writesForRefusedFiles: number;
  addedJourneysLost: number;
  newerVersionRefusedWithNothingWritten: number;
  newerVersionFiles: number;
  /** Files that did what their entry says (outcome and kind), by bad input id. */
  byInput: Record<string, { files: number; asExpected: number }>;
}

const emptyTally = (): Tally => ({
  files: 0,
  refused: 0,
  refusedByKind: {},
  repaired: 0,
  repairsReported: 0,
  accepted: 0,
  exceptions: 0,
  pollution: 0,
  storedJourneyChanged: 0,
  writesForRefusedFiles: 0,
  addedJourneysLost: 0,
  newerVersionRefusedWithNothingWritten: 0,
  newerVersionFiles: 0,
  byInput: {},
});

const tallies = { handWritten: emptyTally(), generated: emptyTally() };

/** Opens one bad file and checks everything; counts what happened before asserting. */
async function attempt(bytes: Uint8Array, expected: Expectation, tally: Tally): Promise<void> {
  tally.files++;
  const prototypesBefore = prototypeKeys();
  const before = await dumpDatabase();
  mutations.reset();
  const create = vi.spyOn(repository, "create");

  let opened: Awaited<ReturnType<typeof openLikeTheApp>> | null = null;
  let thrown: unknown = null;
  try {
    opened = await openLikeTheApp(bytes);
  } catch (error) {
    thrown = error;
    tally.exceptions++;
  }
  const pollution = polluted(prototypesBefore);
  if (pollution) tally.pollution++;
  const refused = opened !== null && !opened.result.ok;
  const writes = mutations.calls();
  const createCalls = create.mock.calls.length;
  create.mockRestore();

  let reloaded: unknown = null;
  if (opened?.added) {
    const loaded = await repository.load(opened.added.id);
    reloaded = loaded.ok ? loaded.journey : loaded;
    if (JSON.stringify(reloaded) !== JSON.stringify(opened.added)) tally.addedJourneysLost++;
    await repository.purge(opened.added.id);
  }
  const after = await dumpDatabase();
  if (journeyBytes(after, stored.id) !== journeyBytes(before, stored.id))
    tally.storedJourneyChanged++;

  let outcome: Outcome | "exception" = "exception";
  if (opened) {
    const { result } = opened;
    if (!result.ok) {
      outcome = "refused";
      tally.refused++;
      tally.refusedByKind[result.error.kind] = (tally.refusedByKind[result.error.kind] ?? 0) + 1;
      if (writes > 0 || createCalls > 0) tally.writesForRefusedFiles++;
    } else if (result.report.length > 0) {
      outcome = "repaired";
      tally.repaired++;
      tally.repairsReported += result.report.length;
    } else {
      outcome = "accepted";
      tally.accepted++;
    }
  }
  const kind = opened && !opened.result.ok ? opened.result.error.kind : undefined;
  const asExpected = outcome === expected.expect && kind === expected.kind;
  const byInput = (tally.byInput[expected.id] ??= { files: 0, asExpected: 0 });
  byInput.files++;
  if (asExpected) byInput.asExpected++;
  if (expected.kind === "newer-version") {
    tally.newerVersionFiles++;
    if (refused && writes === 0) tally.newerVersionRefusedWithNothingWritten++;
  }

  expect(thrown).toBeNull();
  expect(pollution).toBe(false);
  expect(outcome).toBe(expected.expect);
  const { result, added } = opened!;
  // Nothing stored changed: a refused file writes nothing at all; an opened one only adds.
  expect(after).toEqual(before);
  if (!result.ok) {
    expect(writes).toBe(0);
    expect(createCalls).toBe(0);
    expect(result.error.kind).toBe(expected.kind);
    expect(describeImportError(result.error)).toMatch(/\S/);
    if (result.error.kind === "invalid") {
      expect(result.error.issues.map((issue) => issue.path)).toEqual(expected.issues);
      for (const issue of result.error.issues) expect(issue.message).toMatch(/\S/);
    }
    return;
  }
  expect(createCalls).toBe(1);
  expect(reloaded).toStrictEqual(added);
  expect(added?.id === stored.id).toBe(false);
  for (const repair of result.report) expect(repair.message).toMatch(/\S/);
  if (expected.repairs) expect(result.report.map((r) => r.path)).toEqual(expected.repairs);
  for (const [path, value] of Object.entries(expected.values ?? {})) {
    expect(valueAt(result.journey, path), path).toStrictEqual(value);
  }
}

const hangs = { handWritten: 0, generated: 0 };

/** Counts a test that ran out of time (a hang fails its test's time limit). */
function countHang(task: { result?: { errors?: readonly { message?: string }[] } }): number {
  return task.result?.errors?.some((e) => /timed out/i.test(e.message ?? "")) ? 1 : 0;
}

// ---------------------------------------------------------------------------------------

const FILE_TIME_LIMIT_MS = 10_000;
const GENERATED_TIME_LIMIT_MS = 60_000;

describe("the fixtures", () => {
  it("cover every bad input B01–B32 (B05 is generated, being 20 MB and more)", () => {
    const ids = new Set([...manifest.files, ...GENERATED].map((entry) => entry.id));
    const all = Array.from({ length: 32 }, (_, i) => `B${String(i + 1).padStart(2, "0")}`);
    expect(all.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("list every file in tests/fixtures/bad once, and each listed file exists", () => {
    const listed = manifest.files.map((entry) => entry.file).filter((f) => !f.startsWith("../"));
    const present = readdirSync(FIXTURES).filter((f) => f !== "manifest.json" && f !== "README.md");
    expect([...listed].sort()).toEqual([...present].sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const entry of manifest.files) {
      expect(() => readFileSync(new URL(entry.file, FIXTURES))).not.toThrow();
    }
  });

  it("say what each must do: a kind for refusals, the repairs for repaired files", () => {
    for (const entry of manifest.files) {
      if (entry.expect === "refused") expect(entry.kind, entry.file).toBeTruthy();
      if (entry.expect === "repaired") expect(entry.repairs?.length, entry.file).toBeGreaterThan(0);
    }
  });
});

describe("hand-written bad files", () => {
  afterEach(({ task }) => {
    hangs.handWritten += countHang(task);
  });
  afterAll(() => {
    recordFigure("badFiles", "handWritten", {
      ...tallies.handWritten,
      hangs: hangs.handWritten,
      timeLimitMs: FILE_TIME_LIMIT_MS,
    });
  });

  it.each(manifest.files.map((entry) => [`${entry.id} ${entry.file}`, entry] as const))(
    "%s",
    async (_name, entry) => {
      const bytes = new Uint8Array(readFileSync(new URL(entry.file, FIXTURES)));
      await attempt(bytes, entry, tallies.handWritten);
    },
    FILE_TIME_LIMIT_MS,
  );
});

describe("large bad files, made here", () => {
  afterEach(({ task }) => {
    hangs.generated += countHang(task);
  });
  afterAll(() => {
    recordFigure("badFiles", "generatedLarge", {
      ...tallies.generated,
      hangs: hangs.generated,
      timeLimitMs: GENERATED_TIME_LIMIT_MS,
    });
  });

  it.each(GENERATED.map((entry) => [`${entry.id} ${entry.name}`, entry] as const))(
    "%s",
    async (_name, entry) => {
      await attempt(entry.make(), entry, tallies.generated);
    },
    GENERATED_TIME_LIMIT_MS,
  );

  it("the size guard refuses before reading, and parseJourneyFile refuses on its own too", () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES + 1);
    expect(sizeGuard({ size: bytes.byteLength })?.kind).toBe("too-large");
    const result = parseJourneyFile(bytes);
    expect(!result.ok && result.error.kind).toBe("too-large");
  });
});

describe("the library after every attempt", () => {
  it("still holds exactly the one journey, as first stored", async () => {
    const { journeys, trash } = await repository.listAll();
    expect(journeys.map((j) => j.id)).toEqual([stored.id]);
    expect(trash).toEqual([]);
    const loaded = await repository.load(stored.id);
    expect(loaded.ok && loaded.journey).toStrictEqual(stored);
  });
});
