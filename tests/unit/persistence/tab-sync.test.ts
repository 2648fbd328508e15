/**
 * Two tabs on one journey: two Dexie connections to one database, two autosaves, two
 * in-memory journeys and real BroadcastChannels (Node's global one).
 */
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import type { Journey } from "../../../src/domain/model";
import { Autosave } from "../../../src/persistence/autosave";
import { SeamsDatabase } from "../../../src/persistence/db";
import { JourneyRepository } from "../../../src/persistence/repository";
import { TabSync } from "../../../src/persistence/tab-sync";
import {
  addStep,
  countMutations,
  editStep,
  eventually,
  makeJourney,
  makeStep,
  removeStep,
  uniqueName,
} from "./helpers";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Tab {
  name: string;
  repo: JourneyRepository;
  autosave: Autosave;
  sync: TabSync;
  counts: ReturnType<typeof countMutations>;
  conflicts: string[][];
  journey: () => Journey;
  edit: (change: (j: Journey) => Journey) => void;
}

async function openTab(dbName: string, tabName: string, debounceMs = 5): Promise<Tab> {
  const db = new SeamsDatabase({ name: dbName });
  const counts = countMutations(db);
  const repo = new JourneyRepository(db);
  const loaded = await repo.load("journey-1");
  if (!loaded.ok) throw new Error("load failed");
  let memory = loaded.journey;
  const autosave = new Autosave({ repository: repo, debounceMs, lifecycle: {} });
  await autosave.begin(memory);
  const conflicts: string[][] = [];
  const set = (j: Journey) => {
    memory = j;
    autosave.track(j); // what the store subscription does in the app
  };
  const sync = new TabSync({
    journeyId: "journey-1",
    repository: repo,
    autosave,
    tabId: tabName,
    getLocal: () => memory,
    apply: set,
    onConflict: (stepIds) => conflicts.push(stepIds),
  });
  cleanups.push(
    () => db.close(),
    () => autosave.dispose(),
    () => sync.dispose(),
  );
  return {
    name: tabName,
    repo,
    autosave,
    sync,
    counts,
    conflicts,
    journey: () => memory,
    edit: (change) => set(change(memory)),
  };
}

async function twoTabs(steps = 8, debounceB = 5) {
  const dbName = uniqueName();
  const seed = new SeamsDatabase({ name: dbName });
  await new JourneyRepository(seed).create(makeJourney({ steps }));
  seed.close();
  cleanups.push(() => Dexie.delete(dbName));
  const a = await openTab(dbName, "tab-a");
  const b = await openTab(dbName, "tab-b", debounceB);
  return { a, b };
}

async function settle(...tabs: Tab[]) {
  for (let round = 0; round < 4; round++) {
    for (const t of tabs) await t.autosave.flush();
    await new Promise((r) => setTimeout(r, 30));
    for (const t of tabs) await t.sync.idle();
  }
}

const label = (j: Journey, id: string) => j.steps.find((s) => s.id === id)?.label;

async function stored(tab: Tab): Promise<Journey> {
  const r = await tab.repo.load("journey-1");
  if (!r.ok) throw new Error("load failed");
  return r.journey;
}

describe("TabSync between two tabs", () => {
  it("edits to different steps in both tabs are all kept, in memory and on disk", async () => {
    const { a, b } = await twoTabs();
    a.edit((j) => editStep(j, "step-1", { label: "edited in A" }));
    b.edit((j) => editStep(j, "step-2", { label: "edited in B" }));
    await settle(a, b);
    for (const j of [a.journey(), b.journey(), await stored(a)]) {
      expect(label(j, "step-1")).toBe("edited in A");
      expect(label(j, "step-2")).toBe("edited in B");
    }
    expect(a.conflicts).toEqual([]);
    expect(b.conflicts).toEqual([]);
  });

  it("sees the other tab's change within a second, reading just the changed records", async () => {
    const { a, b } = await twoTabs(200);
    const before = b.journey();
    b.counts.reset();
    a.edit((j) => editStep(j, "step-100", { label: "from A" }));
    await eventually(() => expect(label(b.journey(), "step-100")).toBe("from A"), 1000);
    // untouched steps keep their objects, and B does not write A's change back
    expect(b.journey().steps[5]).toBe(before.steps[5]);
    await settle(a, b);
    expect(b.counts.calls()).toBe(0);
  });

  it("adds, removes and reorders arrive in the other tab", async () => {
    const { a, b } = await twoTabs();
    a.edit((j) => addStep(j, makeStep("step-new", { order: 2 })));
    await settle(a, b);
    b.edit((j) => removeStep(j, "step-0"));
    await settle(a, b);
    a.edit((j) => ({ ...j, stages: [...j.stages].reverse() }));
    await settle(a, b);
    for (const j of [a.journey(), b.journey(), await stored(a)]) {
      expect(j.steps.map((s) => s.id)).toContain("step-new");
      expect(j.steps.map((s) => s.id)).not.toContain("step-0");
      expect(j.stages.map((s) => s.id)).toEqual(["stage-3", "stage-2", "stage-1"]);
    }
    expect(a.journey()).toEqual(b.journey());
  });

  it("the same step edited in both: both converge on the later write and the user is told", async () => {
    const { a, b } = await twoTabs(8, 60_000); // B's edit stays unsaved until B flushes
    a.edit((j) => editStep(j, "step-3", { label: "A's wording" }));
    b.edit((j) => editStep(j, "step-3", { label: "B's wording" }));
    await a.autosave.flush(); // A commits first; B still has its edit unsaved
    await new Promise((r) => setTimeout(r, 30));
    await b.sync.idle();
    await settle(a, b);
    const final = label(await stored(a), "step-3");
    expect(final).toBe("B's wording");
    expect(label(a.journey(), "step-3")).toBe(final);
    expect(label(b.journey(), "step-3")).toBe(final);
    expect(b.conflicts).toContainEqual(["step-3"]); // B kept its edit over A's
    expect(a.conflicts).toContainEqual(["step-3"]); // A's edit was replaced
  });

  it("two saves of one step that did not see each other are reported to the tab that lost", async () => {
    const { a, b } = await twoTabs();
    // Hold B's messages back so each tab saves without having seen the other's save.
    const held: unknown[] = [];
    a.edit((j) => editStep(j, "step-4", { label: "A first" }));
    b.edit((j) => editStep(j, "step-4", { label: "B second" }));
    const bSync = b.sync as unknown as { receive: (m: unknown) => void };
    const deliver = bSync.receive.bind(bSync);
    bSync.receive = (m) => void held.push(m);
    await a.autosave.flush();
    await new Promise((r) => setTimeout(r, 20));
    await b.autosave.flush(); // B commits last, unaware of A's commit
    bSync.receive = deliver;
    for (const m of held) deliver(m);
    await settle(a, b);
    expect(label(await stored(a), "step-4")).toBe("B second");
    expect(label(a.journey(), "step-4")).toBe("B second");
    expect(a.conflicts).toContainEqual(["step-4"]);
  });

  it("a save that commits while the other tab's message is still being read does not hide the lost edit", async () => {
    const { a, b } = await twoTabs(8, 60_000);
    a.edit((j) => editStep(j, "step-5", { label: "A first" }));
    b.edit((j) => editStep(j, "step-5", { label: "B second" }));
    // B's own save is ahead of its read of A's rows (IndexedDB runs the earlier write first),
    // so B announces its commit before it has merged A's change.
    const read = b.repo.readRows.bind(b.repo);
    b.repo.readRows = async (...args) => {
      await b.autosave.flush();
      return read(...args);
    };
    await a.autosave.flush();
    await new Promise((r) => setTimeout(r, 30));
    await b.sync.idle();
    await settle(a, b);
    expect(label(await stored(a), "step-5")).toBe("B second");
    expect(label(a.journey(), "step-5")).toBe("B second");
    expect(label(b.journey(), "step-5")).toBe("B second");
    expect(a.conflicts).toContainEqual(["step-5"]); // A's edit was replaced
  });

  it("posts on a channel named after the journey, with a per-tab increasing version", async () => {
    const { a } = await twoTabs();
    const listener = new BroadcastChannel("seams-journey-journey-1");
    const versions: number[] = [];
    listener.onmessage = (e: MessageEvent) =>
      versions.push((e.data as { version: number }).version);
    cleanups.push(() => listener.close());
    a.edit((j) => editStep(j, "step-1", { label: "one" }));
    await a.autosave.flush();
    a.edit((j) => editStep(j, "step-1", { label: "two" }));
    await a.autosave.flush();
    await eventually(() => expect(versions.length).toBeGreaterThanOrEqual(2));
    expect(versions[1]!).toBeGreaterThan(versions[0]!);
  });
});
