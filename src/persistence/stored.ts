/**
 * Reading stored rows back: every journey read from IndexedDB goes through the format's
 * single restore path, and library heads are read as untrusted values.
 */
import type { JourneySummary } from "../domain/library";
import type { Journey } from "../domain/model";
import { FORMAT_VERSION, toEnvelope } from "../format/envelope";
import { restoreJourney } from "../format/restore";
import { RECORD_KINDS, type JourneyHead, type StoredRecord } from "./db";
import { assembleJourney, idsOf, rowsAtPaths } from "./records";

export interface RestoreIssue {
  path: string;
  message: string;
}

export interface LoadFailure {
  kind: "not-found" | "newer-version" | "invalid";
  message: string;
}

export type LoadResult =
  | { ok: true; journey: Journey; report: RestoreIssue[]; quarantined: number }
  | { ok: false; error: LoadFailure };

/** A restored journey and the rows restore could not use (to be set aside). */
export type RestoredRows =
  | { ok: true; journey: Journey; report: RestoreIssue[]; dropped: StoredRecord[] }
  | { ok: false; error: LoadFailure };

/** Run a value read from storage through the single restore path of the format. The stored
 * format version travels in the envelope so older rows are migrated like older files. */
export function restoreStored(value: Record<string, unknown>, formatVersion: number) {
  const envelope = { ...toEnvelope(value as unknown as Journey), formatVersion };
  return restoreJourney(envelope);
}

/**
 * Restore a journey from its head and raw rows. Rows restore drops are returned in `dropped`.
 * When a record makes the whole journey invalid (a step that is not an object, a step in a
 * missing lane), that record is set aside, named in the report, and the rest is restored
 * again, so one bad record never locks the user out of a journey.
 */
export function restoreRows(head: JourneyHead, rows: unknown[]): RestoredRows {
  let assembled = assembleJourney(head, rows);
  if (assembled.newestFormatVersion > FORMAT_VERSION) {
    const message = "This journey was saved by a newer version of Seams.";
    return { ok: false, error: { kind: "newer-version", message } };
  }
  const version = head.formatVersion || 1;
  const aside: RestoreIssue[] = [];
  const setAside = new Set<unknown>();
  let restored = restoreStored(assembled.value, version);
  for (let round = 0; !restored.ok && restored.error.kind === "invalid" && round < 5; round++) {
    const issues = restored.error.issues;
    const bad = rowsAtPaths(
      assembled,
      issues.map((i) => i.path),
    );
    if (bad.length === 0) break;
    for (const row of bad) {
      setAside.add(row);
      const why = issues.find((i) => rowsAtPaths(assembled, [i.path])[0] === row)?.message ?? "";
      aside.push({
        path: `${String(row.kind)}s`,
        message: `record ${quote(row.id)} set aside: ${why}`,
      });
    }
    assembled = assembleJourney(
      head,
      rows.filter((r) => !setAside.has(r)),
    );
    restored = restoreStored(assembled.value, version);
  }
  if (!restored.ok) return { ok: false, error: restoreFailure(restored.error) };
  const journey = restored.journey;
  const kept = new Map(RECORD_KINDS.map((k) => [k as string, idsOf(journey, k)]));
  const dropped = [
    ...(rows.filter((r) => setAside.has(r)) as StoredRecord[]),
    ...assembled.rows.filter((r) => !kept.get(r.kind)?.has(r.id)),
  ];
  return { ok: true, journey, report: [...aside, ...restored.report], dropped };
}

export function restoreFailure(error: { kind: string; message: string }): LoadFailure {
  return {
    kind: error.kind === "newer-version" ? "newer-version" : "invalid",
    message: error.message,
  };
}

function quote(text: unknown): string {
  return JSON.stringify(String(text));
}

/** A library entry from a head row, whatever the row holds. */
export function summaryOf(raw: unknown): JourneySummary | null {
  if (typeof raw !== "object" || raw === null) return null;
  const h = raw as Partial<JourneyHead>;
  if (typeof h.id !== "string") return null;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : 0);
  return {
    id: h.id,
    title: str(h.title),
    scenario: str(h.scenario),
    ownerTeam: str(h.ownerTeam),
    createdAt: str(h.createdAt),
    updatedAt: str(h.updatedAt),
    deletedAt: typeof h.deletedAt === "string" ? h.deletedAt : null,
    stepCount: num(h.stepCount),
    organisationCount: num(h.organisationCount),
    newerVersion: num(h.formatVersion) > FORMAT_VERSION,
  };
}
