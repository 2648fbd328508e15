import Dexie from "dexie";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Autosave, type AutosaveState } from "../../../src/persistence/autosave";
import { SeamsDatabase } from "../../../src/persistence/db";
import { JourneyRepository } from "../../../src/persistence/repository";
import { countMutations, editStep, makeJourney, uniqueName } from "./helpers";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(
  opts: {
    debounceMs?: number;
    lifecycle?: ConstructorParameters<typeof Autosave>[0]["lifecycle"];
  } = {},
) {
  const name = uniqueName();
  const db = new SeamsDatabase({ name });
  const counts = countMutations(db);
  const repo = new JourneyRepository(db);
  const statuses: AutosaveState["status"][] = [];
  const autosave = new Autosave({
    repository: repo,
    debounceMs: opts.debounceMs ?? 20,
    onStatus: (s) => statuses.push(s.status),
    lifecycle: opts.lifecycle ?? {},
  });
  cleanups.push(
    () => Dexie.delete(name),
    () => db.close(),
    () => autosave.dispose(),
  );
  const journey = makeJourney({ steps: 10 });
  await repo.create(journey);
  counts.reset();
  return { db, repo, autosave, counts, statuses, journey };
}

const title = async (repo: JourneyRepository) => {
  const r = await repo.load("journey-1");
  return r.ok ? r.journey.title : null;
};

describe("Autosave", () => {
  it("writes nothing before begin (the initial load has not finished)", async () => {
    const { autosave, counts, journey } = await setup();
    autosave.track({ ...journey, title: "too early" });
    await autosave.flush();
    await new Promise((r) => setTimeout(r, 40));
    expect(counts.calls()).toBe(0);
  });

  it("debounces a burst of edits into one write of the latest journey", async () => {
    const { repo, autosave, counts, statuses, journey } = await setup();
    await autosave.begin(journey);
    let j = journey;
    for (let i = 0; i < 5; i++) {
      j = { ...j, title: `Title ${i}` };
      autosave.track(j);
    }
    expect(autosave.state.status).toBe("unsaved");
    await vi.waitFor(() => expect(autosave.state.status).toBe("saved"));
    expect(counts.rows("journeys", "put")).toBe(1);
    expect(await title(repo)).toBe("Title 4");
    expect(statuses).toEqual(["unsaved", "saving", "saved"]);
  });

  it("saves within the longest wait even while edits keep coming", async () => {
    const { repo, autosave, journey } = await setup({ debounceMs: 50 });
    await autosave.begin(journey);
    // Edits every 20 ms never leave a 50 ms pause: only the longest wait can save them.
    // (The loop stops after 3 s, far past that wait, so a missing save fails the test.)
    const started = Date.now();
    let j = journey;
    while (Date.now() - started < 3000 && (await title(repo)) === journey.title) {
      j = { ...j, title: `Edit at ${Date.now() - started}` };
      autosave.track(j);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await title(repo)).not.toBe(journey.title);
  });

  it("diffs each save against the last one: one edited step is one record write", async () => {
    const { autosave, counts, journey } = await setup();
    await autosave.begin(journey);
    const v2 = editStep(journey, "step-4", { label: "Edited" });
    autosave.track(v2);
    await autosave.flush();
    expect(counts.rows("records", "put")).toBe(1);
    counts.reset();
    autosave.track(editStep(v2, "step-5", { label: "Edited too" }));
    await autosave.flush();
    expect(counts.rows("records", "put")).toBe(1);
  });

  it("tracking the same journey object again writes nothing", async () => {
    const { autosave, counts, journey } = await setup();
    await autosave.begin(journey);
    autosave.track(journey);
    await autosave.flush();
    expect(counts.calls()).toBe(0);
    expect(autosave.state.status).toBe("saved");
  });

  it("edits during a save are written by the next save", async () => {
    const { repo, autosave, journey } = await setup();
    await autosave.begin(journey);
    autosave.track({ ...journey, title: "first" });
    const flushing = autosave.flush();
    autosave.track({ ...journey, title: "second" });
    await flushing;
    await autosave.flush();
    expect(await title(repo)).toBe("second");
    expect(autosave.state.status).toBe("saved");
  });

  it("flushes when the page is hidden and on pagehide", async () => {
    const document = Object.assign(new EventTarget(), { visibilityState: "visible" });
    const window = new EventTarget();
    const { repo, autosave, journey } = await setup({
      debounceMs: 60_000,
      lifecycle: { document, window },
    });
    await autosave.begin(journey);
    autosave.track({ ...journey, title: "hidden" });
    document.visibilityState = "hidden";
    document.dispatchEvent(new Event("visibilitychange"));
    await vi.waitFor(async () => expect(await title(repo)).toBe("hidden"));
    autosave.track({ ...journey, title: "leaving" });
    window.dispatchEvent(new Event("pagehide"));
    await vi.waitFor(async () => expect(await title(repo)).toBe("leaving"));
  });

  it("ignores journeys other than the one begun; begin switches and flushes the previous one", async () => {
    const { repo, autosave, journey } = await setup();
    await autosave.begin(journey);
    const other = makeJourney({ id: "journey-2", title: "Other" });
    await repo.create(other);
    autosave.track({ ...other, title: "not begun" });
    autosave.track({ ...journey, title: "pending on the first" });
    await autosave.begin(other);
    expect(await title(repo)).toBe("pending on the first");
    autosave.track({ ...other, title: "Other, edited" });
    await autosave.flush();
    const loaded = await repo.load("journey-2");
    expect(loaded.ok && loaded.journey.title).toBe("Other, edited");
  });

  it("does not write over the stored journey with an empty one it never saw with steps", async () => {
    const { repo, autosave, journey } = await setup();
    const blank = { ...journey, steps: [], flows: [], annotations: [] };
    await autosave.begin(blank, { fullSnapshot: true });
    autosave.track({ ...blank, title: "blank" });
    await autosave.flush();
    expect(autosave.state.status).toBe("error");
    const loaded = await repo.load("journey-1");
    expect(loaded.ok && loaded.journey.steps).toHaveLength(10);
  });

  it("memory-only (no repository): keeps the journey, reports unavailable, never throws", async () => {
    const autosave = new Autosave({ repository: null, lifecycle: {} });
    const journey = makeJourney();
    await autosave.begin(journey);
    autosave.track({ ...journey, title: "x" });
    await autosave.flush();
    expect(autosave.state).toMatchObject({ status: "error", error: { kind: "unavailable" } });
    autosave.dispose();
  });
});
