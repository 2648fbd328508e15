/** Routes the flows of a large blueprint off the main thread: a routing problem in, each flow's
 * points out, tagged with the request's number so the page can drop answers it no longer needs. */
import { solveRouting, type RoutingProblem } from "../domain/routing/flows";

export interface RoutingRequest {
  id: number;
  problem: RoutingProblem;
}

export type RoutingReply =
  | { id: number; ok: true; routes: ReturnType<typeof solveRouting> }
  | { id: number; ok: false; message: string };

/** The worker's own scope (the project's types describe a window, not a worker). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RoutingRequest>) => void) | null;
  postMessage(message: RoutingReply): void;
};

scope.onmessage = ({ data }) => {
  try {
    scope.postMessage({ id: data.id, ok: true, routes: solveRouting(data.problem) });
  } catch (error) {
    scope.postMessage({ id: data.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
