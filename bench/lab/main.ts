/**
 * The benchmark lab: the app's own storage, store and analysis code, run in the browser on
 * the app's origin. The runner calls `window.benchLab.*` and reads the timings it returns.
 */
import { analyseJourney } from "../../src/domain/analysis";
import { openStorage } from "../../src/persistence/faults";
import { diffJourneys } from "../../src/persistence/records";
import { FORMAT_VERSION } from "../../src/format/envelope";
import { makeCommands } from "../../src/store/commands";
import { createSeamsStore } from "../../src/store/store";
import { benchJourney } from "../lib/journeys";

const LAB_DB = "seams-bench-lab";

async function storage(name?: string) {
  const session = await openStorage({ ...(name ? { name } : {}), markerStorage: null });
  if (!session.repository || !session.db) throw new Error(`storage is ${session.mode}`);
  return { db: session.db, repository: session.repository };
}

/** Puts a generated journey into the app's own database, as importing a file would. */
async function seed(steps: number, seedNumber: number): Promise<{ id: string; ms: number }> {
  const journey = benchJourney(steps, seedNumber);
  const { db, repository } = await storage();
  const t0 = performance.now();
  await repository.create(journey);
  const ms = performance.now() - t0;
  db.close();
  return { id: journey.id, ms };
}

export interface PersistenceTimings {
  createMs: number;
  /** repository.load (one read transaction, restore) and into the store. */
  loadMs: number[];
  /** From a one-step edit (a store command) to its save transaction's commit. */
  editSaveMs: number[];
  /** The part of that spent diffing the two journeys. */
  diffMs: number[];
  rowsWritten: number[];
}

async function persistence(steps: number, seedNumber: number, loads: number, edits: number): Promise<PersistenceTimings> {
  const journey = benchJourney(steps, seedNumber);
  const { db, repository } = await storage(LAB_DB);
  await repository.purge(journey.id);
  let t0 = performance.now();
  await repository.create(journey);
  const createMs = performance.now() - t0;

  const store = createSeamsStore();
  const loadMs: number[] = [];
  for (let k = 0; k < loads; k++) {
    t0 = performance.now();
    const loaded = await repository.load(journey.id);
    if (!loaded.ok) throw new Error(loaded.error.message);
    store.getState().openJourney(loaded.journey);
    loadMs.push(performance.now() - t0);
  }

  const commands = makeCommands(store);
  const editSaveMs: number[] = [];
  const diffMs: number[] = [];
  const rowsWritten: number[] = [];
  for (let k = 0; k < edits; k++) {
    const prev = store.getState().journey!;
    const step = prev.steps[(k * 997) % prev.steps.length]!;
    t0 = performance.now();
    commands.updateStep(step.id, { label: `${step.label} (edited ${k + 1})` });
    const next = store.getState().journey!;
    const info = await repository.saveChanges(prev, next);
    editSaveMs.push(performance.now() - t0);
    rowsWritten.push(info.changed.length + info.removed.length);
    const d0 = performance.now();
    diffJourneys(prev, next, FORMAT_VERSION);
    diffMs.push(performance.now() - d0);
  }
  await repository.purge(journey.id);
  db.close();
  return { createMs, loadMs, editSaveMs, diffMs, rowsWritten };
}

/** The analysis a one-step edit needs, on the page's main thread: an edit through the store,
 * then `analyseJourney` of the new journey. */
function analysisAfterEdit(steps: number, seedNumber: number, runs: number): number[] {
  const store = createSeamsStore();
  store.getState().openJourney(benchJourney(steps, seedNumber));
  const commands = makeCommands(store);
  analyseJourney(store.getState().journey!); // warm up, as the app would have on opening
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const step = store.getState().journey!.steps[(k * 389) % steps]!;
    commands.updateStep(step.id, { label: `${step.label} again` });
    const t0 = performance.now();
    analyseJourney(store.getState().journey!);
    ms.push(performance.now() - t0);
  }
  return ms;
}

const lab = { seed, persistence, analysisAfterEdit };
export type BenchLab = typeof lab;
(window as unknown as { benchLab: BenchLab }).benchLab = lab;
document.getElementById("status")!.dataset.ready = "true";
