/** The analysis worker client: one journey at a time, only the newest waits, stale replies are
 * dropped, and a failing worker hands the work back to the main thread. */
import { describe, expect, it } from "vitest";
import type { AnalysisReply, AnalysisRequest } from "../../../src/analysis/analysis.worker";
import { analysisOf, createAnalysisClient, type WorkerLike } from "../../../src/analysis/useAnalysis";
import { analyseJourney } from "../../../src/domain/analysis";
import type { Journey } from "../../../src/domain/model";
import { at, buildJourney } from "../../helpers/journey-builder";

class FakeWorker implements WorkerLike {
  posted: AnalysisRequest[] = [];
  terminated = false;
  onmessage: WorkerLike["onmessage"] = null;
  onerror: WorkerLike["onerror"] = null;
  postMessage(message: AnalysisRequest) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers a request as the real worker would. */
  reply(request: AnalysisRequest, reply?: Partial<AnalysisReply>) {
    const answer = { id: request.id, ok: true, analysis: analyseJourney(request.journey), ...reply } as AnalysisReply;
    this.onmessage?.({ data: answer } as MessageEvent<AnalysisReply>);
  }
}

const version = (n: number): Journey =>
  buildJourney({ id: "j", lanes: ["L"], stages: ["S"], steps: at("L", "S", ...Array.from({ length: n }, (_, i) => `s${i}`)) });

function setup() {
  const workers: FakeWorker[] = [];
  const client = createAnalysisClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  let notified = 0;
  client.subscribe(() => notified++);
  return { client, workers, notified: () => notified };
}

describe("analysis worker client", () => {
  it("analyses one journey at a time and, of those asked for meanwhile, only the newest", () => {
    const { client, workers } = setup();
    const [v1, v2, v3] = [version(1), version(2), version(3)];
    client.request(v1);
    client.request(v2);
    client.request(v3);
    const worker = workers[0]!;
    expect(workers).toHaveLength(1);
    expect(worker.posted.map((r) => r.journey)).toEqual([v1]);
    worker.reply(worker.posted[0]!);
    // v1's result shows while v3 (not v2) is analysed.
    expect(client.snapshot().latest?.journey).toBe(v1);
    expect(worker.posted.map((r) => r.journey)).toEqual([v1, v3]);
    worker.reply(worker.posted[1]!);
    expect(client.snapshot().latest?.journey).toBe(v3);
    expect(client.snapshot().latest?.analysis.scorecard.steps).toBe(3);
    // A journey already analysed is not sent again.
    client.request(v3);
    expect(worker.posted).toHaveLength(2);
    expect(analysisOf(v3)).toBe(client.snapshot().latest?.analysis);
  });

  it("drops a reply that is not for the request in flight", () => {
    const { client, workers, notified } = setup();
    const v1 = version(1);
    client.request(v1);
    const worker = workers[0]!;
    worker.reply({ id: worker.posted[0]!.id + 7, journey: version(9) });
    expect(client.snapshot().latest).toBeNull();
    expect(notified()).toBe(0);
    worker.reply(worker.posted[0]!);
    expect(client.snapshot().latest?.journey).toBe(v1);
    expect(notified()).toBe(1);
  });

  it("reports failure when the worker fails, so the analysis runs on the main thread", () => {
    const { client, workers } = setup();
    client.request(version(1));
    const worker = workers[0]!;
    worker.reply(worker.posted[0]!, { ok: false, message: "out of memory" } as Partial<AnalysisReply>);
    expect(client.snapshot().failed).toBe(true);
    expect(worker.terminated).toBe(true);
    client.request(version(2));
    expect(workers).toHaveLength(1);
  });

  it("reports failure when the worker cannot start", () => {
    const client = createAnalysisClient(() => {
      throw new Error("workers are blocked");
    });
    client.request(version(1));
    expect(client.snapshot().failed).toBe(true);
  });
});
