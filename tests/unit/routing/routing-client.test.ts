/** Routes for a large blueprint come from a worker: one request at a time, only the newest
 * waits, stale replies are dropped, a failing worker hands the work back to the main thread,
 * and until the answer arrives the last routes are carried over where they still fit. */
import { describe, expect, it } from "vitest";
import type { RoutingReply, RoutingRequest } from "../../../src/canvas/routing.worker";
import { createRoutingClient, type RoutingWorkerLike } from "../../../src/canvas/useFlowRoutes";
import { blueprintLayout } from "../../../src/domain/layout";
import type { Journey } from "../../../src/domain/model";
import { carryRoutes, routeFlows, routingKey, solveRouting } from "../../../src/domain/routing/flows";
import { at, buildJourney, lane } from "../../helpers/journey-builder";

class FakeWorker implements RoutingWorkerLike {
  posted: RoutingRequest[] = [];
  terminated = false;
  onmessage: RoutingWorkerLike["onmessage"] = null;
  onerror: RoutingWorkerLike["onerror"] = null;
  postMessage(message: RoutingRequest) {
    this.posted.push(structuredClone(message));
  }
  terminate() {
    this.terminated = true;
  }
  reply(request: RoutingRequest, reply?: Partial<RoutingReply>) {
    const answer = { id: request.id, ok: true, routes: solveRouting(request.problem), ...reply } as RoutingReply;
    this.onmessage?.({ data: answer } as MessageEvent<RoutingReply>);
  }
}

const version = (cards: number): Journey =>
  buildJourney({
    lanes: ["C", lane("F", "frontstage", "dwp")],
    stages: ["S1", "S2"],
    steps: [...at("C", "S1", ...Array.from({ length: cards }, (_v, i) => `c${i}`)), ...at("F", "S2", "f")],
    flows: Array.from({ length: cards }, (_v, i) => `c${i}>f`),
  });
const pending = (j: Journey) => {
  const layout = blueprintLayout(j);
  return { key: routingKey(layout, j.flows), layout, flows: j.flows };
};

function setup() {
  const workers: FakeWorker[] = [];
  const client = createRoutingClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { client, workers };
}

describe("routing worker client", () => {
  it("routes one blueprint at a time and, of those asked for meanwhile, only the newest", () => {
    const { client, workers } = setup();
    const [v1, v2, v3] = [pending(version(1)), pending(version(2)), pending(version(3))];
    client.request(v1);
    client.request(v2);
    client.request(v3);
    const worker = workers[0]!;
    expect(worker.posted).toHaveLength(1);
    worker.reply(worker.posted[0]!);
    expect(client.snapshot().latest?.routes.size).toBe(1);
    expect(worker.posted).toHaveLength(2);
    expect(worker.posted[1]!.problem.flows).toHaveLength(3);
    worker.reply(worker.posted[1]!);
    expect(client.snapshot().latest?.routes.size).toBe(3);
    // The blueprint as answered is not sent again.
    client.request(pending(version(3)));
    expect(worker.posted).toHaveLength(2);
  });

  it("gives the routes the worker made the same points as on the main thread", () => {
    const { client, workers } = setup();
    const j = version(3);
    client.request(pending(j));
    workers[0]!.reply(workers[0]!.posted[0]!);
    const expected = routeFlows(blueprintLayout(j), j.flows);
    expect(new Map([...client.snapshot().latest!.routes].map(([id, r]) => [id, r.points]))).toEqual(
      new Map([...expected].map(([id, r]) => [id, r.points])),
    );
  });

  it("drops a reply to anything but the request in flight, and fails over when the worker does", () => {
    const { client, workers } = setup();
    client.request(pending(version(1)));
    const worker = workers[0]!;
    worker.reply({ ...worker.posted[0]!, id: 99 });
    expect(client.snapshot().latest).toBeNull();
    worker.reply(worker.posted[0]!, { ok: false, message: "out of memory" } as Partial<RoutingReply>);
    expect(client.snapshot().failed).toBe(true);
    expect(worker.terminated).toBe(true);
  });
});

describe("carryRoutes", () => {
  it("keeps routes whose steps stayed, moves those whose steps moved together, drops the rest", () => {
    const before = buildJourney({
      lanes: ["C", lane("F", "frontstage", "dwp")],
      stages: ["S1", "S2", "S3"],
      steps: [...at("C", "S1", "a"), ...at("F", "S1", "b"), ...at("C", "S2", "c"), ...at("C", "S3", "d"), ...at("F", "S3", "e")],
      flows: ["a>b", "c>d", "d>e", "b>d"],
    });
    const then = blueprintLayout(before);
    const routes = routeFlows(then, before.flows);
    // A second card in S2 makes the stage wider: S3 moves right, S1 stays.
    const after = { ...before, steps: [...before.steps, ...buildJourney({ lanes: ["F"], stages: ["S2"], steps: at("F", "S2", "x", "y") }).steps] };
    const now = blueprintLayout(after);
    const shift = now.steps.get("d")!.x - then.steps.get("d")!.x;
    expect(shift).toBeGreaterThan(0);
    const carried = carryRoutes(routes, now, after.flows);
    expect(carried.get("a>b")).toBe(routes.get("a>b"));
    expect(carried.get("d>e")!.points).toEqual(routes.get("d>e")!.points.map(([x, y]) => [x + shift, y]));
    expect(carried.has("c>d")).toBe(false);
    expect(carried.has("b>d")).toBe(false);
  });
});
