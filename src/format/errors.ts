import { MAX_FILE_BYTES, MAX_ISSUES, MAX_REPORT_ENTRIES, type CollectionName } from "./limits";

/** One change made while restoring a journey, located by a path such as `steps[12].label`. */
export interface Repair {
  path: string;
  message: string;
}

/** One reason a journey cannot be opened, located by a path such as `steps[12].laneId`. */
export interface Issue {
  path: string;
  message: string;
}

/** What a too-large error measured: the file's bytes, or one of the journey's lists. */
export type LimitSubject = "file" | "values" | CollectionName;

/** Why a file or stored record could not be opened. The UI maps each kind to a message
 * with {@link describeImportError}. */
export type ImportError =
  | { kind: "empty"; message: string }
  | { kind: "too-large"; message: string; subject: LimitSubject; limit: number; actual: number }
  | { kind: "not-json"; message: string }
  | { kind: "not-a-journey-file"; message: string }
  | { kind: "newer-version"; message: string; fileVersion: number; supportedVersion: number }
  | { kind: "too-deep"; message: string; limit: number }
  | { kind: "invalid"; message: string; issues: Issue[] };

export type ImportErrorKind = ImportError["kind"];

/** How many issues an "invalid" message lists before summing up the rest. */
const ISSUES_SHOWN = 10;

/** The user-facing message for an import error. */
export function describeImportError(error: ImportError): string {
  switch (error.kind) {
    case "empty":
      return "The file is empty, so there is no journey to open.";
    case "too-large":
      if (error.subject === "file") {
        return `The file is too large to open (${megabytes(error.actual)} MB; the limit is ${megabytes(error.limit)} MB).`;
      }
      if (error.subject === "values") {
        return `The data holds too many values to open (more than ${error.limit.toLocaleString("en-GB")}).`;
      }
      return `The journey has too many ${error.subject} to open (${error.actual.toLocaleString("en-GB")}; the limit is ${error.limit.toLocaleString("en-GB")}).`;
    case "not-json":
      return `The file is not a Seams journey: it could not be read as JSON text. ${error.message}`;
    case "not-a-journey-file":
      return error.message;
    case "newer-version":
      return (
        `This journey was saved by a newer version of Seams (file format ${error.fileVersion}; ` +
        `this version opens up to format ${error.supportedVersion}). Update Seams to open it. Nothing was changed.`
      );
    case "too-deep":
      return `The file is nested too deeply to be a Seams journey (more than ${error.limit} levels).`;
    case "invalid": {
      const shown = error.issues.slice(0, ISSUES_SHOWN).map((issue) => `- ${issueLine(issue)}`);
      const more = error.issues.length - shown.length;
      if (more > 0) shown.push(`- and ${more} more`);
      return [`The journey could not be opened: ${error.message}`, ...shown].join("\n");
    }
  }
}

/** `steps[12].laneId: no lane with id "x"`, or the bare message for the whole value. */
export function issueLine(issue: Issue | Repair): string {
  return issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString("en-GB", { maximumFractionDigits: 1 });
}

/** An "invalid" error for located issues, capped at {@link MAX_ISSUES}. */
export function invalidError(issues: Issue[]): ImportError {
  const kept = issues.slice(0, MAX_ISSUES);
  if (issues.length > MAX_ISSUES) {
    kept.push({ path: "", message: `${issues.length - MAX_ISSUES} more problems not listed` });
  }
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  return { kind: "invalid", message: `${count} found.`, issues: kept };
}

/** A too-large error for a file's bytes; the UI can call this with `File.size` before reading. */
export function fileSizeError(byteLength: number): ImportError | null {
  if (byteLength <= MAX_FILE_BYTES) return null;
  return {
    kind: "too-large",
    message: `The file is ${byteLength} bytes; the limit is ${MAX_FILE_BYTES}.`,
    subject: "file",
    limit: MAX_FILE_BYTES,
    actual: byteLength,
  };
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path as `steps[12].laneId`; odd keys are quoted: `steps[0]["my key"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "symbol") out += "[symbol]";
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${quote(segment, 40)}]`;
  }
  return out;
}

/** A value quoted for a message, cut short when long: `"lane 1"`. */
export function quote(value: string, max = 60): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut);
}

/** Collects the repairs made while restoring, in the order they were made. */
export class RepairLog {
  readonly entries: Repair[] = [];
  private dropped = 0;

  add(path: string, message: string): void {
    if (this.entries.length < MAX_REPORT_ENTRIES) this.entries.push({ path, message });
    else this.dropped += 1;
  }

  /** The repairs, with a last entry counting any beyond the cap. */
  list(): Repair[] {
    if (this.dropped === 0) return this.entries;
    return [...this.entries, { path: "", message: `${this.dropped} more repairs not listed` }];
  }
}
