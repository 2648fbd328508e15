// @vitest-environment jsdom
/** Opening files: the helpers (size guard, chunked reading with progress, error wording, what a
 * valid file does) and the import store driven with a fake library. */
import { Blob as NodeBlob } from "node:buffer";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Journey } from "../../../src/domain/model";
import { serializeJourney } from "../../../src/format/envelope";
import { invalidError } from "../../../src/format/errors";
import {
  formatBytes,
  importErrorView,
  parseInBackground,
  planImport,
  readFileBytes,
  separateCopy,
  sizeGuard,
} from "../../../src/panels/files/import-flow";
import { useImport } from "../../../src/panels/files/importStore";
import { journeySummary, type JourneySummary, type LibraryBackend } from "../../../src/domain/library";
import { useLibrary } from "../../../src/store/library";
import { buildJourney } from "../../helpers/journey-builder";

const FIXTURES = join(import.meta.dirname, "../../fixtures/files");
const fixture = (name: string) => new File([readFileSync(join(FIXTURES, name))], name, { type: "application/json" });

describe("importErrorView", () => {
  it("lists located problems, capped, and counts the rest", () => {
    const issues = Array.from({ length: 13 }, (_, i) => ({ path: `steps[${i}].laneId`, message: `no lane with id "x${i}"` }));
    const view = importErrorView(invalidError(issues));
    expect(view.headline).toBe("The journey could not be opened: 13 problems found.");
    expect(view.issues).toHaveLength(10);
    expect(view.issues[0]).toBe('steps[0].laneId: no lane with id "x0"');
    expect(view.more).toBe(3);
  });

  it("counts the problems the error itself left unlisted", () => {
    const issues = Array.from({ length: 150 }, (_, i) => ({ path: `steps[${i}].stageId`, message: "no stage" }));
    const view = importErrorView(invalidError(issues));
    expect(view.issues).toHaveLength(10);
    expect(view.more).toBe(140);
  });

  it("uses the format's own sentence for other errors", () => {
    const view = importErrorView({ kind: "newer-version", message: "", fileVersion: 3, supportedVersion: 1 });
    expect(view.headline).toContain("saved by a newer version of Seams (file format 3");
    expect(view.issues).toEqual([]);
  });
});

describe("reading a file", () => {
  it("refuses a huge file by its size alone", () => {
    expect(sizeGuard({ size: 21 * 1024 * 1024 })).toMatchObject({ kind: "too-large", subject: "file" });
    expect(sizeGuard({ size: 1000 })).toBeNull();
  });

  it("reads the bytes in chunks and reports progress up to the whole file", async () => {
    const bytes = new Uint8Array(1_200_000).map((_, i) => i % 251);
    const progress: [number, number][] = [];
    // Node's Blob streams in chunks, as a browser's File does (jsdom's Blob has no stream()).
    const file = new NodeBlob([bytes]) as unknown as Blob;
    const read = await readFileBytes(file, (loaded, total) => progress.push([loaded, total]));
    expect(Buffer.compare(Buffer.from(read), Buffer.from(bytes))).toBe(0);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual([1_200_000, 1_200_000]);
    expect(progress.every(([loaded], i) => i === 0 || loaded >= progress[i - 1]![0])).toBe(true);
  });

  it("reads all at once, with one report, where a Blob cannot stream", async () => {
    const progress: number[] = [];
    const read = await readFileBytes({ size: 3, arrayBuffer: async () => new Uint8Array([1, 2, 3]).buffer } as unknown as Blob, (loaded) => progress.push(loaded));
    expect([...read]).toEqual([1, 2, 3]);
    expect(progress).toEqual([3]);
  });

  it("stops reading a file that grows past the size it declared", async () => {
    let cancelled = false;
    const chunk = new Uint8Array(1000);
    const growing = {
      size: 1500,
      stream: () =>
        new ReadableStream<Uint8Array>({
          pull(controller) {
            controller.enqueue(chunk);
          },
          cancel() {
            cancelled = true;
          },
        }),
    } as unknown as Blob;
    const read = await readFileBytes(growing);
    expect(cancelled).toBe(true);
    expect(read.byteLength).toBe(2000);
  });

  it("checks the file in the page when there is no Worker", async () => {
    expect(typeof Worker).toBe("undefined");
    const result = await parseInBackground(new Uint8Array(readFileSync(join(FIXTURES, "small.seams.json"))));
    expect(result.ok && result.journey.title).toBe("Register a birth");
  });

  it("writes sizes for progress", () => {
    expect(formatBytes(500)).toBe("1 KB");
    expect(formatBytes(820 * 1024)).toBe("820 KB");
    expect(formatBytes(1.5 * 1024 * 1024)).toBe("1.5 MB");
  });
});

describe("what a valid file does", () => {
  const journey = buildJourney({ id: "j1", title: "Mine" });
  it.each([
    [new Set<string>(), new Set<string>(), { action: "add" }],
    [new Set(["j1"]), new Set<string>(), { action: "ask", inTrash: false }],
    [new Set<string>(), new Set(["j1"]), { action: "ask", inTrash: true }],
  ])("library %j, trash %j → %j", (library, trash, plan) => {
    expect(planImport(journey, library, trash)).toEqual(plan);
  });

  it("keeps a copy under a new id and says it is a copy, leaving the original alone", () => {
    const copy = separateCopy(journey, "2026-03-01T00:00:00.000Z", "journey_new");
    expect(copy).toMatchObject({ id: "journey_new", title: "Mine (copy)", createdAt: "2026-03-01T00:00:00.000Z" });
    expect(copy.steps).toBe(journey.steps);
    expect(journey.id).toBe("j1");
  });
});

/** A library in memory that records what is written to it. */
function fakeLibrary(initial: Journey[] = []) {
  const journeys = new Map(initial.map((j) => [j.id, j]));
  const summary = (j: Journey): JourneySummary => journeySummary(j);
  const backend = {
    list: vi.fn(async (trash: boolean) => (trash ? [] : [...journeys.values()].map(summary))),
    create: vi.fn(async (j: Journey) => {
      if (!journeys.has(j.id)) journeys.set(j.id, j);
    }),
  } as unknown as LibraryBackend;
  return { journeys, backend };
}

async function settled() {
  await vi.waitFor(() => {
    const { phase, queue } = useImport.getState();
    expect(queue).toHaveLength(0);
    expect(["idle", "ask", "merge"]).toContain(phase.name);
  });
}

describe("the import store", () => {
  let opened: string[];
  beforeEach(() => {
    opened = [];
    useImport.setState({ phase: { name: "idle" }, queue: [], outcome: null });
    useImport.getState().setOpener((id) => opened.push(id));
  });
  afterEach(() => useImport.getState().setOpener(null));

  it("adds a valid file's journey to the library and opens it", async () => {
    const { journeys, backend } = fakeLibrary();
    useLibrary.setState({ backend, journeys: [], trash: [] });
    useImport.getState().openFiles([fixture("small.seams.json")]);
    await settled();
    expect(journeys.get("journey_cli_small")?.title).toBe("Register a birth");
    expect(useImport.getState().outcome?.added).toMatchObject([{ id: "journey_cli_small", copy: false }]);
    expect(opened).toEqual(["journey_cli_small"]);
  });

  it("refuses an invalid file and writes nothing", async () => {
    const { backend } = fakeLibrary();
    useLibrary.setState({ backend, journeys: [], trash: [] });
    useImport.getState().openFiles([fixture("dangling.seams.json")]);
    await settled();
    expect(backend.create).not.toHaveBeenCalled();
    const failure = useImport.getState().outcome?.failures[0];
    expect(failure?.fileName).toBe("dangling.seams.json");
    expect(failure?.error.issues).toEqual(['steps[1].laneId: no lane with id "lane_gone"', 'steps[2].stageId: no stage with id "stage_gone"']);
    expect(opened).toEqual([]);
  });

  it("asks before touching a journey already in the library, and a separate copy gets a new id", async () => {
    const small = fixture("small.seams.json");
    const mine = { ...buildJourney({ id: "journey_cli_small", title: "My copy" }) };
    const { journeys, backend } = fakeLibrary([mine]);
    useLibrary.setState({ backend, journeys: [journeySummary(mine)], trash: [] });
    useImport.getState().openFiles([small]);
    await settled();
    expect(useImport.getState().phase).toMatchObject({ name: "ask", existingTitle: "My copy", inTrash: false });
    expect(backend.create).not.toHaveBeenCalled();
    await useImport.getState().keepSeparate();
    await settled();
    expect(journeys.get("journey_cli_small")).toBe(mine);
    const copy = [...journeys.values()].find((j) => j.id !== mine.id)!;
    expect(copy.title).toBe("Register a birth (copy)");
    expect(copy.id).toMatch(/^journey_/);
    expect(opened).toEqual([copy.id]);
  });

  it("opens several files in turn, adding the good ones and listing the bad, and opens none of them", async () => {
    const { journeys, backend } = fakeLibrary();
    useLibrary.setState({ backend, journeys: [], trash: [] });
    const second = new File([serializeJourney(buildJourney({ id: "j2", title: "Second" }))], "second.json");
    useImport.getState().openFiles([fixture("small.seams.json"), fixture("newer-version.seams.json"), second]);
    await settled();
    expect([...journeys.keys()].sort()).toEqual(["j2", "journey_cli_small"]);
    expect(useImport.getState().outcome?.failures.map((f) => f.fileName)).toEqual(["newer-version.seams.json"]);
    expect(opened).toEqual([]);
  });

  it("refuses a huge file without reading it", async () => {
    const { backend } = fakeLibrary();
    useLibrary.setState({ backend, journeys: [], trash: [] });
    const stream = vi.fn();
    const huge = { name: "huge.json", size: 25 * 1024 * 1024, stream, arrayBuffer: stream } as unknown as File;
    useImport.getState().openFiles([huge]);
    await settled();
    expect(stream).not.toHaveBeenCalled();
    expect(useImport.getState().outcome?.failures[0]?.error.headline).toContain("too large to open (25 MB");
  });
});
