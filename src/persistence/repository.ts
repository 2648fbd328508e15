/**
 * The journey library over a SeamsDatabase: list, load (always through the format's restore),
 * create, save changes in proportion to the change, trash, duplicate, named versions, seed.
 * Every save is one `rw` transaction: all of it is written or none of it.
 */
import type { Table } from "dexie";
import type { JourneySummary, VersionSummary } from "../domain/library";
import type { Journey } from "../domain/model";
import { APP_VERSION, FORMAT_VERSION, toEnvelope } from "../format/envelope";
import { restoreJourney } from "../format/restore";
import { newId } from "../domain/ids";
import { SCHEMA_VERSION, type RecordKey, type SeamsDatabase, type StoredRecord } from "./db";
import { EmptyOverwriteError, ReadOnlyError, unwrap, type ReadOnlyReason } from "./errors";
import { deepEqual } from "./merge";
import { diffJourneys, headOf, journeyRows } from "./records";
import {
  restoreFailure,
  restoreRows,
  summaryOf,
  type LoadResult,
} from "./stored";

export type { LoadFailure, LoadResult, RestoreIssue } from "./stored";

export type RestoreVersionResult =
  | (Extract<LoadResult, { ok: true }> & { kept: VersionSummary })
  | Extract<LoadResult, { ok: false }>;

/** What one committed write changed, for tab sync and the eviction marker. */
export interface CommitInfo {
  journeyId: string;
  /** Every row of the journey was rewritten (or the journey was removed). */
  full: boolean;
  changed: RecordKey[];
  removed: RecordKey[];
}

export interface SaveOptions {
  /** The caller saw this journey with steps and the user emptied it on purpose. */
  allowEmpty?: boolean;
}

export interface RepositoryOptions {
  now?: () => Date;
}

export class JourneyRepository {
  private readOnly: ReadOnlyReason | null = null;
  private listeners = new Set<(info: CommitInfo) => void>();
  private readOnlyListeners = new Set<(reason: ReadOnlyReason) => void>();
  private closes = 0;
  private readonly now: () => Date;

  constructor(
    readonly db: SeamsDatabase,
    options: RepositoryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    db.on("close", () => {
      this.closes++;
    });
  }

  /** Changes each time the connection was closed under us (site data cleared): a writer
   * that sees it change must write a full snapshot next. */
  get connectionEpoch(): number {
    return this.closes;
  }

  get readOnlyReason(): ReadOnlyReason | null {
    return this.readOnly;
  }

  /** Refuse every write from now on (a newer version wrote the data, or another tab changed
   * the schema). Listeners hear it once. */
  setReadOnly(reason: ReadOnlyReason): void {
    if (this.readOnly) return;
    this.readOnly = reason;
    for (const listener of this.readOnlyListeners) listener(reason);
  }

  onReadOnly(listener: (reason: ReadOnlyReason) => void): () => void {
    this.readOnlyListeners.add(listener);
    return () => this.readOnlyListeners.delete(listener);
  }

  onCommit(listener: (info: CommitInfo) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Check the schema and the format marker on disk; a newer one makes this tab read-only. */
  async checkStoredVersion(): Promise<"ok" | "newer-version"> {
    await this.db.open();
    const meta = await this.db.meta.get("format");
    const newerFormat = meta?.key === "format" && meta.formatVersion > FORMAT_VERSION;
    if (newerFormat || this.db.installedSchemaVersion() > SCHEMA_VERSION) {
      this.setReadOnly("newer-version");
      return "newer-version";
    }
    return "ok";
  }

  async list(opts: { trash?: boolean } = {}): Promise<JourneySummary[]> {
    const { journeys, trash } = await this.listAll();
    return opts.trash ? trash : journeys;
  }

  /** The library and the trash from one read of the heads, newest change first (one read, so
   * a live query over it sees every change to the journeys table). */
  async listAll(): Promise<{ journeys: JourneySummary[]; trash: JourneySummary[] }> {
    const heads = (await this.db.journeys.toArray()) as unknown[];
    const all = heads
      .map(summaryOf)
      .filter((s): s is JourneySummary => s !== null)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    return {
      journeys: all.filter((s) => s.deletedAt === null),
      trash: all.filter((s) => s.deletedAt !== null),
    };
  }

  async countJourneys(): Promise<number> {
    return this.db.journeys.count();
  }

  /** Load a journey through the format's restore. Records restore cannot use are set aside
   * in the quarantine table (never deleted) and named in the report; when a record makes the
   * whole journey invalid (a step that is not an object, a step in a missing lane), it is
   * set aside and the rest is restored again. */
  async load(id: string): Promise<LoadResult> {
    const { db } = this;
    const [head, rows] = await db.transaction("r", [db.journeys, db.records], async () => [
      await db.journeys.get(id),
      (await db.records.where("journeyId").equals(id).toArray()) as unknown[],
    ]);
    if (!head) return { ok: false, error: { kind: "not-found", message: "No such journey." } };
    const restored = restoreRows(head, rows);
    if (!restored.ok) return restored;
    const { dropped, ...result } = restored;
    const quarantined = dropped.length > 0 ? await this.quarantine(id, dropped) : 0;
    return { ...result, quarantined };
  }

  /** Move rows restore could not use out of the journey, keeping them aside. */
  private async quarantine(journeyId: string, rows: StoredRecord[]): Promise<number> {
    if (this.readOnly) return 0;
    const { db } = this;
    const at = this.now().toISOString();
    try {
      await this.rw([db.records, db.quarantine], async () => {
        await db.quarantine.bulkPut(
          rows.map((r) => ({
            journeyId,
            kind: String(r.kind),
            id: String(r.id),
            raw: r,
            quarantinedAt: at,
          })),
        );
        await db.records.bulkDelete(rows.map((r) => [journeyId, r.kind, r.id] as RecordKey));
      });
      return rows.length;
    } catch {
      return 0; // best effort: the rows stay where they were
    }
  }

  /** Add a new journey (never replaces one with the same id). */
  async create(journey: Journey): Promise<void> {
    this.assertWritable();
    const { db } = this;
    const rows = journeyRows(journey, FORMAT_VERSION);
    await this.rw([db.journeys, db.records, db.meta], async () => {
      await this.markFormatInTx();
      await db.journeys.add(headOf(journey, FORMAT_VERSION, null));
      await db.records.where("journeyId").equals(journey.id).delete();
      await db.records.bulkPut(rows);
    });
    this.emit({ journeyId: journey.id, full: true, changed: rows.map(keyOf), removed: [] });
  }

  /** Save `next`, writing only what differs from `prev` (by reference and id). With `prev`
   * null, or when the stored journey is missing, the whole journey is rewritten. */
  async saveChanges(
    prev: Journey | null,
    next: Journey,
    opts: SaveOptions = {},
  ): Promise<CommitInfo> {
    this.assertWritable();
    const { db } = this;
    const info = await this.rw([db.journeys, db.records, db.meta], async () => {
      await this.markFormatInTx();
      const stored = await db.journeys.get(next.id);
      if (stored && stored.formatVersion > FORMAT_VERSION) throw new ReadOnlyError("newer-version");
      const knewSteps = prev !== null && prev.steps.length > 0;
      if (
        stored &&
        stored.stepCount > 0 &&
        next.steps.length === 0 &&
        !knewSteps &&
        !opts.allowEmpty
      ) {
        throw new EmptyOverwriteError(next.id);
      }
      // All rows of a journey share its head's format version: rewrite them all when it moves.
      const full =
        prev === null || prev.id !== next.id || !stored || stored.formatVersion !== FORMAT_VERSION;
      let commit: CommitInfo;
      if (full) {
        const rows = journeyRows(next, FORMAT_VERSION);
        await db.records.where("journeyId").equals(next.id).delete();
        await db.records.bulkPut(rows);
        commit = { journeyId: next.id, full: true, changed: rows.map(keyOf), removed: [] };
      } else {
        const diff = diffJourneys(prev, next, FORMAT_VERSION);
        if (diff.put.length > 0) await db.records.bulkPut(diff.put);
        if (diff.remove.length > 0) await db.records.bulkDelete(diff.remove);
        commit = {
          journeyId: next.id,
          full: false,
          changed: diff.put.map(keyOf),
          removed: diff.remove,
        };
      }
      const head = headOf(next, FORMAT_VERSION, stored?.deletedAt ?? null);
      const nothing = !commit.full && commit.changed.length + commit.removed.length === 0;
      if (nothing && deepEqual(head, stored)) return null; // no write, nothing to announce
      await db.journeys.put(head);
      return commit;
    });
    if (!info) return { journeyId: next.id, full: false, changed: [], removed: [] };
    this.emit(info);
    return info;
  }

  /** Raw rows of one journey for tab sync: all of them, or the given keys. */
  async readRows(journeyId: string, keys: RecordKey[] | "all") {
    const { db } = this;
    return db.transaction("r", [db.journeys, db.records], async () => {
      const head = await db.journeys.get(journeyId);
      const rows =
        keys === "all"
          ? await db.records.where("journeyId").equals(journeyId).toArray()
          : (await db.records.bulkGet(keys)).filter((r): r is StoredRecord => r !== undefined);
      return { head, rows };
    });
  }

  async trash(id: string): Promise<void> {
    await this.setDeleted(id, this.now().toISOString());
  }

  async restoreFromTrash(id: string): Promise<void> {
    await this.setDeleted(id, null);
  }

  private async setDeleted(id: string, deletedAt: string | null): Promise<void> {
    this.assertWritable();
    const { db } = this;
    await this.rw([db.journeys, db.meta], async () => {
      await this.markFormatInTx();
      await db.journeys.update(id, { deletedAt });
    });
  }

  /** Remove a journey for good: head, records, versions and quarantined rows. */
  async purge(id: string): Promise<void> {
    this.assertWritable();
    const { db } = this;
    await this.rw([db.journeys, db.records, db.versions, db.quarantine], async () => {
      await db.journeys.delete(id);
      await db.records.where("journeyId").equals(id).delete();
      await db.versions.where("journeyId").equals(id).delete();
      await db.quarantine.where("journeyId").equals(id).delete();
    });
    this.emit({ journeyId: id, full: true, changed: [], removed: [] });
  }

  /** Copy a stored journey under a new id and title; the copy is a new journey. */
  async duplicate(id: string, newJourneyId: string, title: string): Promise<LoadResult> {
    const loaded = await this.load(id);
    if (!loaded.ok) return loaded;
    const at = this.now().toISOString();
    const copy: Journey = {
      ...loaded.journey,
      id: newJourneyId,
      title,
      createdAt: at,
      updatedAt: at,
    };
    await this.create(copy);
    return { ...loaded, journey: copy };
  }

  async takeVersion(journey: Journey, name: string): Promise<VersionSummary> {
    this.assertWritable();
    const { db } = this;
    const row = {
      id: newId("ver"),
      journeyId: journey.id,
      name,
      createdAt: this.now().toISOString(),
      formatVersion: FORMAT_VERSION,
      stepCount: journey.steps.length,
      envelope: toEnvelope(journey),
    };
    await this.rw([db.versions, db.meta], async () => {
      await this.markFormatInTx();
      await db.versions.add(row);
    });
    return {
      id: row.id,
      journeyId: row.journeyId,
      name,
      createdAt: row.createdAt,
      stepCount: row.stepCount,
    };
  }

  async listVersions(journeyId: string): Promise<VersionSummary[]> {
    const rows = await this.db.versions.where("journeyId").equals(journeyId).toArray();
    return rows
      .map((v) => ({
        id: v.id,
        journeyId: v.journeyId,
        name: String(v.name),
        createdAt: String(v.createdAt),
        stepCount: Number(v.stepCount) || 0,
      }))
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  async loadVersion(versionId: string): Promise<LoadResult> {
    const row = await this.db.versions.get(versionId);
    if (!row) return { ok: false, error: { kind: "not-found", message: "No such version." } };
    if (row.formatVersion > FORMAT_VERSION) {
      const message = "This version was saved by a newer version of Seams.";
      return { ok: false, error: { kind: "newer-version", message } };
    }
    const restored = restoreJourney(row.envelope);
    if (!restored.ok) return { ok: false, error: restoreFailure(restored.error) };
    return { ok: true, journey: restored.journey, report: restored.report, quarantined: 0 };
  }

  /** The journey of a version, after keeping `current` as a version too (`kept`). The caller
   * puts the result in the store; autosave then writes it like any other change. A version of
   * another journey is not found. */
  async restoreVersion(versionId: string, current: Journey): Promise<RestoreVersionResult> {
    const row = await this.db.versions.get(versionId);
    if (!row || row.journeyId !== current.id) {
      return { ok: false, error: { kind: "not-found", message: "No such version." } };
    }
    const loaded = await this.loadVersion(versionId);
    if (!loaded.ok) return loaded;
    const kept = await this.takeVersion(current, `Before restoring “${String(row.name)}”`);
    const journey = { ...loaded.journey, id: current.id, updatedAt: this.now().toISOString() };
    return { ...loaded, journey, kept };
  }

  async deleteVersion(versionId: string): Promise<void> {
    this.assertWritable();
    await this.db.versions.delete(versionId);
  }

  /** Add the sample journeys on the very first run only: a marker in meta remembers it, so
   * samples the user deleted do not come back. Returns whether it seeded. */
  async seedIfFirstRun(journeys: Journey[]): Promise<boolean> {
    if (this.readOnly) return false;
    const { db } = this;
    const seeded = await this.rw([db.journeys, db.records, db.meta], async () => {
      if (await db.meta.get("seeded")) return false;
      await this.markFormatInTx();
      const empty = (await db.journeys.count()) === 0;
      if (empty) {
        await db.journeys.bulkAdd(journeys.map((j) => headOf(j, FORMAT_VERSION, null)));
        await db.records.bulkPut(journeys.flatMap((j) => journeyRows(j, FORMAT_VERSION)));
      }
      await db.meta.put({ key: "seeded", at: this.now().toISOString() });
      return empty && journeys.length > 0;
    });
    for (const j of seeded ? journeys : [])
      this.emit({ journeyId: j.id, full: true, changed: [], removed: [] });
    return seeded;
  }

  /** A read-write transaction that rethrows our own errors as themselves, not wrapped. */
  private async rw<T>(tables: Table[], scope: () => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction("rw", tables, scope);
    } catch (e) {
      throw unwrap(e);
    }
  }

  private assertWritable(): void {
    if (this.readOnly) throw new ReadOnlyError(this.readOnly);
  }

  /** Inside a write transaction: refuse if a newer format wrote this database (another tab
   * may have been updated since this one started), otherwise record ours as the newest. */
  private async markFormatInTx(): Promise<void> {
    const meta = await this.db.meta.get("format");
    if (meta?.key === "format" && meta.formatVersion > FORMAT_VERSION) {
      this.setReadOnly("newer-version");
      throw new ReadOnlyError("newer-version");
    }
    if (meta?.key !== "format" || meta.formatVersion < FORMAT_VERSION) {
      const writtenAt = this.now().toISOString();
      await this.db.meta.put({
        key: "format",
        formatVersion: FORMAT_VERSION,
        appVersion: APP_VERSION,
        writtenAt,
      });
    }
  }

  private emit(info: CommitInfo): void {
    for (const listener of this.listeners) listener(info);
  }
}

function keyOf(row: StoredRecord): RecordKey {
  return [row.journeyId, row.kind, row.id];
}
