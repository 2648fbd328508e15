/** Checks a journey file off the main thread: bytes in, the parse result out. */
import { parseJourneyFile } from "../../format/parse";

/** The worker's own scope (the project's types describe a window, not a worker). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Uint8Array>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  scope.postMessage(parseJourneyFile(event.data));
};
