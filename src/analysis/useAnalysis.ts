/**
 * The analysis of the open journey, kept up to date as the user edits without making the editor
 * wait. Below WORKER_FROM_STEPS steps it is computed at once and remembered per journey object
 * (every edit makes a new journey object; selecting or panning does not). From that size it is
 * computed in a Web Worker: the last result keeps showing until the new one arrives, one
 * journey is analysed at a time, and while the worker is busy only the newest journey waits, so
 * a burst of edits never queues up work whose results would be out of date.
 */
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { useStoreApi } from "../store/context";
import { analyseJourney, type JourneyAnalysis } from "../domain/analysis";
import type { Journey } from "../domain/model";
import type { AnalysisReply, AnalysisRequest } from "./analysis.worker";

/** From this many steps the analysis runs off the main thread: from about 300 steps a full pass
 * takes longer than a frame (16 ms) on a slow machine (`npm run bench`: about 5–15 ms at 300
 * steps and 35–160 ms at 1,000 on a busy 2-core machine), and on the main thread it would hold
 * up the frame of every edit and the opening of the canvas. */
export const WORKER_FROM_STEPS = 300;

const results = new WeakMap<Journey, JourneyAnalysis>();

/** The journey's analysis, computed once per journey object. */
export function analysisOf(journey: Journey): JourneyAnalysis {
  let analysis = results.get(journey);
  if (!analysis) {
    analysis = analyseJourney(journey);
    results.set(journey, analysis);
  }
  return analysis;
}

/** What the worker has last produced. */
export interface WorkerSnapshot {
  latest: { journey: Journey; analysis: JourneyAnalysis } | null;
  /** The worker could not be started or failed: analyse on the main thread instead. */
  failed: boolean;
}

/** The part of a Worker the client uses (tests give a fake). */
export interface WorkerLike {
  postMessage(message: AnalysisRequest): void;
  onmessage: ((event: MessageEvent<AnalysisReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface AnalysisClient {
  /** Asks for the journey's analysis; the answer comes through subscribe/snapshot. */
  request(journey: Journey): void;
  subscribe(listener: () => void): () => void;
  snapshot(): WorkerSnapshot;
}

/** A client for one analysis worker, started on the first request. */
export function createAnalysisClient(start: () => WorkerLike): AnalysisClient {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  let inFlight: { id: number; journey: Journey } | null = null;
  let waiting: Journey | null = null;
  let state: WorkerSnapshot = { latest: null, failed: false };
  const listeners = new Set<() => void>();
  const publish = (next: WorkerSnapshot) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const post = (journey: Journey) => {
    inFlight = { id: nextId++, journey };
    worker!.postMessage(inFlight);
  };
  const fail = () => {
    worker?.terminate();
    worker = null;
    inFlight = null;
    waiting = null;
    publish({ ...state, failed: true });
  };
  const onReply = (reply: AnalysisReply) => {
    const done = inFlight;
    // A reply to anything but the request in flight is stale.
    if (!done || reply.id !== done.id) return;
    inFlight = null;
    if (!reply.ok) {
      fail();
      return;
    }
    results.set(done.journey, reply.analysis);
    const next = waiting;
    waiting = null;
    if (next && next !== done.journey) post(next);
    publish({ latest: { journey: done.journey, analysis: reply.analysis }, failed: false });
  };

  return {
    request(journey) {
      if (state.failed || results.has(journey)) return;
      if (inFlight?.journey === journey) {
        waiting = null;
        return;
      }
      if (!worker) {
        try {
          worker = start();
        } catch {
          fail();
          return;
        }
        worker.onmessage = (event) => onReply(event.data);
        worker.onerror = (event) => {
          event.preventDefault?.();
          fail();
        };
      }
      if (inFlight) waiting = journey;
      else post(journey);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => state,
  };
}

const canUseWorker = typeof Worker !== "undefined";
const client = createAnalysisClient(
  () =>
    new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" }) as unknown as WorkerLike,
);

export interface AnalysisState {
  /** The newest analysis there is for this journey (null until the first one is ready). */
  analysis: JourneyAnalysis | null;
  /** Whether `analysis` is for the journey as it is now, not an earlier state of it. */
  upToDate: boolean;
}

/** The analysis of a journey, shared by everything that shows it (one computation per journey
 * state, whether on the main thread or in the worker). */
export function useAnalysis(journey: Journey | null): AnalysisState {
  const { latest, failed } = useSyncExternalStore(client.subscribe, client.snapshot);
  const store = useStoreApi();
  // The worker starts on an edit as soon as the store has it, while this thread is still
  // drawing the edit, rather than after React has rendered it: the two cores work at once.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const next = state.journey;
        if (next && next !== previous.journey && next.steps.length >= WORKER_FROM_STEPS && canUseWorker) {
          client.request(next);
        }
      }),
    [store],
  );
  const offThread = journey !== null && journey.steps.length >= WORKER_FROM_STEPS && canUseWorker && !failed;
  const now = useMemo(() => (journey && !offThread ? analysisOf(journey) : null), [journey, offThread]);
  useEffect(() => {
    if (offThread && journey) client.request(journey);
  }, [offThread, journey]);
  if (!journey) return { analysis: null, upToDate: true };
  if (!offThread) return { analysis: now, upToDate: true };
  const exact = results.get(journey);
  if (exact) return { analysis: exact, upToDate: true };
  const earlier = latest && latest.journey.id === journey.id ? latest.analysis : null;
  return { analysis: earlier, upToDate: false };
}
