/**
 * The steps of opening a journey file, without React: check its size before reading, read it
 * in chunks with progress, parse it (off the main thread when the browser can), put errors
 * into words, and decide what a valid file does to the library (it is always added, never
 * written over an existing journey).
 */
import { newId } from "../../domain/ids";
import type { Journey } from "../../domain/model";
import { describeImportError, fileSizeError, issueLine, type ImportError } from "../../format/errors";
import { parseJourneyFile, type ParseResult } from "../../format/parse";

/** What the file picker offers: Seams journey files and SVGs exported by Seams. */
export const ACCEPTED_FILES = ".json,.svg,application/json,image/svg+xml";

/** Located problems listed under an import error before the rest are counted. */
export const ISSUES_SHOWN = 10;

/** How often reading reports progress, in bytes: about every 256 KB. */
const PROGRESS_STEP = 256 * 1024;

/** An import error as the dialog shows it: a sentence, the first located problems, and how
 * many more there are. */
export interface ImportErrorView {
  headline: string;
  issues: string[];
  more: number;
}

const MORE_ENTRY = /^(\d+) more problems not listed$/;

/** Puts an import error into words: `describeImportError` for the sentence, and for invalid
 * content each located problem (`steps[12].laneId: no lane with id "x"`), capped. */
export function importErrorView(error: ImportError, shown = ISSUES_SHOWN): ImportErrorView {
  if (error.kind !== "invalid") return { headline: describeImportError(error), issues: [], more: 0 };
  let issues = error.issues;
  let unlisted = 0;
  const last = issues[issues.length - 1];
  const counted = last && last.path === "" ? MORE_ENTRY.exec(last.message) : null;
  if (counted) {
    unlisted = Number(counted[1]);
    issues = issues.slice(0, -1);
  }
  const lines = issues.slice(0, shown).map(issueLine);
  return {
    headline: `The journey could not be opened: ${error.message}`,
    issues: lines,
    more: issues.length - lines.length + unlisted,
  };
}

/** Refuses a file by its size alone, before any of it is read. */
export function sizeGuard(file: Pick<Blob, "size">): ImportError | null {
  return fileSizeError(file.size);
}

/**
 * Reads a file's bytes, reporting progress as chunks arrive (`File.stream()`; all at once
 * where streams are missing). Stops reading once more bytes arrive than the size the file
 * declared, so a file that grows while read cannot run past the size guard.
 */
export async function readFileBytes(
  file: Blob,
  onProgress: (loaded: number, total: number) => void = () => undefined,
): Promise<Uint8Array> {
  const total = file.size;
  if (typeof file.stream !== "function") {
    const bytes = new Uint8Array(await file.arrayBuffer());
    onProgress(bytes.byteLength, total);
    return bytes;
  }
  const reader = file.stream().getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    if (loaded > total) {
      await reader.cancel();
      break;
    }
    if (loaded - reported >= PROGRESS_STEP) {
      reported = loaded;
      onProgress(loaded, total);
    }
  }
  onProgress(loaded, total);
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** How long the check of one file may take before it is given up. */
const PARSE_TIMEOUT_MS = 60_000;

/**
 * Parses a journey file in a Worker, so a large file does not freeze the page while it is
 * checked; in the page itself where Workers are missing or fail to start. Never rejects.
 */
export function parseInBackground(bytes: Uint8Array): Promise<ParseResult> {
  if (typeof Worker === "undefined") return Promise.resolve(parseJourneyFile(bytes));
  let worker: Worker;
  try {
    worker = new Worker(new URL("./parse-worker.ts", import.meta.url), { type: "module" });
  } catch {
    return Promise.resolve(parseJourneyFile(bytes));
  }
  return new Promise<ParseResult>((resolve) => {
    const finish = (result: ParseResult) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          error: { kind: "invalid", message: "Checking the file took too long.", issues: [] },
        }),
      PARSE_TIMEOUT_MS,
    );
    worker.onmessage = (event: MessageEvent<ParseResult>) => finish(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      finish(parseJourneyFile(bytes));
    };
    worker.postMessage(bytes);
  });
}

/** A copy of an imported journey under a new id, kept beside the library's own. */
export function separateCopy(journey: Journey, now = new Date().toISOString(), id = newId("journey")): Journey {
  return { ...journey, id, title: `${journey.title} (copy)`, createdAt: now, updatedAt: now };
}

/** What a valid file does: add it, or ask first because its id is already in the library
 * (among the journeys, or in the trash). */
export type ImportPlan = { action: "add" } | { action: "ask"; inTrash: boolean };

export function planImport(journey: Journey, library: ReadonlySet<string>, trash: ReadonlySet<string>): ImportPlan {
  if (library.has(journey.id)) return { action: "ask", inTrash: false };
  if (trash.has(journey.id)) return { action: "ask", inTrash: true };
  return { action: "add" };
}

/** "1.5 MB", "820 KB": a size for a progress message. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("en-GB")} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString("en-GB", { maximumFractionDigits: 1 })} MB`;
}
