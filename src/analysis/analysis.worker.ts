/** Analyses a large journey off the main thread: a journey in, its analysis out, tagged with the
 * request's number so the page can drop results it no longer needs. */
import { analyseJourney } from "../domain/analysis";
import type { Journey } from "../domain/model";

export interface AnalysisRequest {
  id: number;
  journey: Journey;
}

export type AnalysisReply =
  | { id: number; ok: true; analysis: ReturnType<typeof analyseJourney> }
  | { id: number; ok: false; message: string };

/** The worker's own scope (the project's types describe a window, not a worker). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(message: AnalysisReply): void;
};

scope.onmessage = ({ data }) => {
  try {
    scope.postMessage({ id: data.id, ok: true, analysis: analyseJourney(data.journey) });
  } catch (error) {
    scope.postMessage({ id: data.id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
