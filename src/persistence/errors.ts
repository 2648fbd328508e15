/**
 * Storage errors as the UI sees them: one descriptor kind per message the user gets.
 */

export type StorageErrorKind = "quota" | "unavailable" | "closed" | "newer-version" | "unknown";

export interface StorageErrorInfo {
  kind: StorageErrorKind;
  message: string;
}

/** Why the repository refuses writes. */
export type ReadOnlyReason = "newer-version" | "version-change";

/** Thrown by every repository write while the database is read-only. (Its name differs from
 * Dexie's own ReadOnlyError, which Dexie would otherwise wrap it as.) */
export class ReadOnlyError extends Error {
  override name = "SeamsReadOnlyError";
  constructor(readonly reason: ReadOnlyReason) {
    super(
      reason === "newer-version"
        ? "This data was saved by a newer version of Seams."
        : "Seams was updated in another tab.",
    );
  }
}

/** Thrown when a save would replace a stored journey that has steps with an empty one that
 * the caller never saw with steps: almost always a bug, never what the user meant. */
export class EmptyOverwriteError extends Error {
  override name = "SeamsEmptyOverwriteError";
  constructor(journeyId: string) {
    super(`Refused to save an empty journey over the stored journey ${journeyId}.`);
  }
}

const MESSAGES: Record<StorageErrorKind, string> = {
  quota:
    "Your browser has run out of storage space for Seams. Your work is kept in this tab; " +
    "export it to a file, or free some space.",
  unavailable:
    "This browser does not let Seams store data (private mode or storage switched off). " +
    "You can keep working, but nothing is saved: export your work to a file.",
  closed:
    "The connection to local storage was closed. Your work is kept in this tab; reload to " +
    "keep saving.",
  "newer-version":
    "This data was saved by a newer version of Seams. It is open read-only: reload to update.",
  unknown: "Seams could not save your work. It is kept in this tab; export it to a file.",
};

/** The error itself, or the one Dexie wrapped (a transaction rethrows what its scope threw,
 * sometimes wrapped with the original as `inner`). */
export function unwrap(e: unknown): unknown {
  if (e instanceof ReadOnlyError || e instanceof EmptyOverwriteError) return e;
  const inner = typeof e === "object" && e !== null ? (e as { inner?: unknown }).inner : undefined;
  return inner instanceof ReadOnlyError || inner instanceof EmptyOverwriteError ? inner : e;
}

function nameOf(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "name" in e ? String(e.name) : undefined;
}

/** True for a quota error, whether raw or wrapped by Dexie (AbortError with `inner`). */
export function isQuotaError(e: unknown): boolean {
  if (nameOf(e) === "QuotaExceededError") return true;
  const inner = typeof e === "object" && e !== null ? (e as { inner?: unknown }).inner : undefined;
  return nameOf(inner) === "QuotaExceededError";
}

/** Map any storage failure to a descriptor with a message for the user. */
export function describeStorageError(error: unknown): StorageErrorInfo {
  const e = unwrap(error);
  const kind = storageErrorKind(e);
  if (e instanceof ReadOnlyError && e.reason === "version-change") {
    return {
      kind: "closed",
      message:
        "Seams was updated in another tab. This tab is read-only now: reload to keep editing.",
    };
  }
  if (e instanceof EmptyOverwriteError) return { kind: "unknown", message: e.message };
  return { kind, message: MESSAGES[kind] };
}

export function storageErrorKind(error: unknown): StorageErrorKind {
  const e = unwrap(error);
  if (isQuotaError(e)) return "quota";
  if (e instanceof ReadOnlyError) return e.reason === "newer-version" ? "newer-version" : "closed";
  switch (nameOf(e)) {
    case "DatabaseClosedError":
      return "closed";
    case "MissingAPIError":
    case "OpenFailedError":
    case "InvalidStateError":
    case "SecurityError":
    case "UnknownError":
      return "unavailable";
    default:
      return "unknown";
  }
}

export function storageErrorMessage(kind: StorageErrorKind): string {
  return MESSAGES[kind];
}
