/**
 * The routes of the open blueprint's flows (domain/routing), kept up to date without making the
 * editor wait. Below ROUTING_WORKER_FROM_STEPS cards they are made at once and remembered
 * while the cards stay where they are. From that size they are made in a Web Worker: until the
 * answer for the blueprint as it is now arrives, the last answer is carried over (flows whose
 * steps did not move keep their routes, flows whose steps moved together move with them, the
 * others follow their cards with a plain elbow), one request is in flight at a time, and while
 * the worker is busy only the newest blueprint waits.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { BlueprintLayout } from "../domain/layout";
import type { Flow, FlowId } from "../domain/model";
import {
  carryRoutes,
  createFlowRouter,
  routingKey,
  routingProblem,
  sameRoute,
  PackedRoute,
  type FlowRoute,
} from "../domain/routing/flows";
import type { RoutingReply, RoutingRequest } from "./routing.worker";

/** From this many cards the routes are made off the main thread: at 300 cards a full routing
 * takes 10–20 ms on a slow machine, about a frame (`npm run bench -- --only=routing`). */
export const ROUTING_WORKER_FROM_STEPS = 300;

interface Answer {
  /** The routingKey of the blueprint the routes were made for. */
  key: string;
  routes: ReadonlyMap<FlowId, FlowRoute>;
}

export interface RoutingSnapshot {
  latest: Answer | null;
  failed: boolean;
}

/** The part of a Worker the client uses (tests give a fake). */
export interface RoutingWorkerLike {
  postMessage(message: RoutingRequest): void;
  onmessage: ((event: MessageEvent<RoutingReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

interface Pending {
  key: string;
  layout: BlueprintLayout;
  flows: readonly Flow[];
}

export interface RoutingClient {
  request(pending: Pending): void;
  subscribe(listener: () => void): () => void;
  snapshot(): RoutingSnapshot;
}

/** A client for one routing worker, started on the first request. */
export function createRoutingClient(start: () => RoutingWorkerLike): RoutingClient {
  let worker: RoutingWorkerLike | null = null;
  let nextId = 1;
  let inFlight: (Pending & { id: number }) | null = null;
  let waiting: Pending | null = null;
  let state: RoutingSnapshot = { latest: null, failed: false };
  const listeners = new Set<() => void>();
  const publish = (next: RoutingSnapshot) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const post = (pending: Pending) => {
    inFlight = { ...pending, id: nextId++ };
    worker!.postMessage({ id: inFlight.id, problem: routingProblem(pending.layout, pending.flows) });
  };
  const fail = () => {
    worker?.terminate();
    worker = null;
    inFlight = null;
    waiting = null;
    publish({ ...state, failed: true });
  };
  const onReply = (reply: RoutingReply) => {
    const done = inFlight;
    if (!done || reply.id !== done.id) return;
    inFlight = null;
    if (!reply.ok) {
      fail();
      return;
    }
    // A route that comes out as it was keeps its object, so its edge is not drawn again.
    const before = state.latest?.routes;
    const routes = new Map<FlowId, FlowRoute>();
    for (const [id, data] of reply.routes) {
      const route = new PackedRoute(data);
      const old = before?.get(id);
      routes.set(id, old && sameRoute(old, route) ? old : route);
    }
    const next = waiting;
    waiting = null;
    if (next && next.key !== done.key) post(next);
    publish({ latest: { key: done.key, routes }, failed: false });
  };
  return {
    request(pending) {
      if (state.failed) return;
      if (state.latest?.key === pending.key) return;
      if (inFlight?.key === pending.key) {
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
      if (inFlight) waiting = pending;
      else post(pending);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => state,
  };
}

const canUseWorker = typeof Worker !== "undefined";
const client = createRoutingClient(
  () => new Worker(new URL("./routing.worker.ts", import.meta.url), { type: "module" }) as unknown as RoutingWorkerLike,
);

/** The routes of the blueprint's flows: exact, or (while a large blueprint's are being made)
 * the last ones carried over. */
export function useFlowRoutes(layout: BlueprintLayout, flows: readonly Flow[]): ReadonlyMap<FlowId, FlowRoute> {
  const [route] = useState(createFlowRouter);
  const { latest, failed } = useSyncExternalStore(client.subscribe, client.snapshot);
  const offThread = layout.steps.size >= ROUTING_WORKER_FROM_STEPS && canUseWorker && !failed;
  const key = useMemo(() => (offThread ? routingKey(layout, flows) : null), [offThread, layout, flows]);
  useEffect(() => {
    if (key) client.request({ key, layout, flows });
  }, [key, layout, flows]);
  return useMemo(() => {
    if (!key) return route(layout, flows);
    if (latest?.key === key) return latest.routes;
    return latest ? carryRoutes(latest.routes, layout, flows) : new Map<FlowId, FlowRoute>();
  }, [key, latest, layout, flows, route]);
}
