/**
 * The Seams IndexedDB database (Dexie). A journey is stored as a head row plus one row per
 * actor, lane, stage, step, flow and annotation, so a save writes in proportion to the
 * change. Array order (lanes top to bottom, stages left to right, …) is kept in one small
 * "order" row per kind, rewritten only when that order changes.
 *
 * Two version numbers (STYLE principle 8): SCHEMA_VERSION below changes when tables or
 * indexes change; the document format version (format/envelope) is stored on every row and
 * migrated by the format's restore path when a journey is loaded.
 */
import Dexie, { type Table, type Transaction } from "dexie";
import { HEAD_COLLECTIONS, ROW_KINDS, ROW_LIST, type HeadCollection, type RowKind } from "../domain/records";

export const DEFAULT_DB_NAME = "seams";

/** Dexie schema version of this build (Dexie stores it ×10 as the native IndexedDB version). */
export const SCHEMA_VERSION = 2;

/** The kinds of record stored a row each, and the journey list each comes from (domain/records). */
export { ROW_KINDS, ROW_LIST, type RowKind } from "../domain/records";

/** Kind of the row that keeps the array order of one record kind (its id is that kind). */
export const ORDER_KIND = "order";
export type StoredKind = RowKind | typeof ORDER_KIND;

/** One journey in the library: what the list shows, plus the journey-level fields. */
interface JourneyHeadFields {
  id: string;
  title: string;
  scenario: string;
  description: string;
  ownerTeam: string;
  createdAt: string;
  updatedAt: string;
  /** ISO time the journey was moved to the trash; null when it is in the library. */
  deletedAt: string | null;
  /** Document format version of the build that last wrote this journey. */
  formatVersion: number;
  stepCount: number;
  organisationCount: number;
}

/** One journey in the library, with its small lists (domain/records: stored "head"), kept
 * with the head since they are written on every save anyway. */
export type JourneyHead = JourneyHeadFields & { [List in HeadCollection]: unknown[] };

/** One actor, lane, stage, step, flow or annotation of a journey, or an order row. */
export interface StoredRecord {
  journeyId: string;
  kind: StoredKind;
  id: string;
  formatVersion: number;
  /** The record itself (for an order row: the ids in array order). */
  data: unknown;
}

/** A named snapshot of a journey, stored in the shared file envelope. */
export interface StoredVersion {
  id: string;
  journeyId: string;
  name: string;
  createdAt: string;
  formatVersion: number;
  stepCount: number;
  envelope: unknown;
}

/** A row that could not be restored, kept aside instead of being deleted. */
export interface QuarantinedRecord {
  journeyId: string;
  kind: string;
  id: string;
  raw: unknown;
  quarantinedAt: string;
}

export type MetaRow =
  | { key: "format"; formatVersion: number; appVersion: string; writtenAt: string }
  | { key: "seeded"; at: string };

export type RecordKey = [journeyId: string, kind: StoredKind, id: string];

/** Schema of version 1, the first layout: one row per whole journey. Frozen: never edit. */
export const SCHEMA_V1 = {
  journeys: "id, updatedAt",
  meta: "key",
} as const;

export const SCHEMA_V2 = {
  journeys: "id, updatedAt, deletedAt",
  records: "[journeyId+kind+id], journeyId, [journeyId+kind]",
  versions: "id, journeyId, createdAt",
  meta: "key",
  quarantine: "[journeyId+kind+id], journeyId",
} as const;

export interface SeamsDatabaseOptions {
  /** Database name; tests give each test its own. */
  name?: string;
  /** An IndexedDB implementation (tests inject a failing one). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class SeamsDatabase extends Dexie {
  journeys!: Table<JourneyHead, string>;
  records!: Table<StoredRecord, RecordKey>;
  versions!: Table<StoredVersion, string>;
  meta!: Table<MetaRow, string>;
  quarantine!: Table<QuarantinedRecord, [string, string, string]>;

  constructor(options: SeamsDatabaseOptions = {}) {
    const factory = options.indexedDB ?? globalIndexedDB();
    super(options.name ?? DEFAULT_DB_NAME, {
      chromeTransactionDurability: "strict",
      ...(factory ? { indexedDB: neverAboveVersion(factory, SCHEMA_VERSION * 10) } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeV1ToV2);
  }

  /** Schema version found on disk (may be above SCHEMA_VERSION if a newer build upgraded it). */
  installedSchemaVersion(): number {
    return this.isOpen() ? this.backendDB().version / 10 : this.verno;
  }
}

/**
 * The IndexedDB factory as this build uses it: it never opens the database at a native
 * version above `maxVersion` (this build's schema), and so never upgrades it past that.
 *
 * Dexie 4 opens a database that a newer build has upgraded, and when the newer schema lacks a
 * table this build declares (a table the newer build dropped), it "patches" it: reopens at the
 * installed version + 1 and re-creates the table. That is a write in the old shape after the
 * upgrade, and it leaves the database at a version above the newer build's own, so the newer
 * build then finds its data "newer" than itself and turns read-only. Asked for such a version,
 * this factory opens the database at the version it has; Dexie goes on with the schema it
 * finds, and the repository sees the newer schema and turns this tab read-only.
 */
export function neverAboveVersion(factory: IDBFactory, maxVersion: number): IDBFactory {
  const open = (name: string, version?: number): IDBOpenDBRequest =>
    version === undefined || version > maxVersion
      ? factory.open(name)
      : factory.open(name, version);
  return new Proxy(factory, {
    get(target, key) {
      if (key === "open") return open;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function globalIndexedDB(): IDBFactory | undefined {
  try {
    return (globalThis as { indexedDB?: IDBFactory }).indexedDB ?? undefined;
  } catch {
    return undefined; // some private modes throw on access
  }
}

/** v1 → v2: split each whole-journey row into a head and per-record rows. */
export async function upgradeV1ToV2(tx: Transaction): Promise<void> {
  const rows = (await tx.table("journeys").toArray()) as unknown[];
  const records: StoredRecord[] = [];
  const heads: JourneyHead[] = [];
  for (const row of rows) {
    const split = splitV1Row(row);
    if (!split) continue;
    heads.push(split.head);
    records.push(...split.records);
  }
  await tx.table("records").bulkPut(records);
  await tx.table("journeys").bulkPut(heads);
}

/** Split one v1 row (a whole journey, maybe with `deletedAt`) into v2 rows. Rows without an
 * id are left as they are; the journey's content is validated later by restore on load. */
export function splitV1Row(row: unknown): { head: JourneyHead; records: StoredRecord[] } | null {
  if (typeof row !== "object" || row === null) return null;
  const r = row as Record<string, unknown>;
  if (typeof r.id !== "string") return null;
  const formatVersion = typeof r.formatVersion === "number" ? r.formatVersion : 1;
  const records: StoredRecord[] = [];
  for (const kind of ROW_KINDS) {
    const list = Array.isArray(r[ROW_LIST[kind]]) ? (r[ROW_LIST[kind]] as unknown[]) : [];
    const order: string[] = [];
    const seen = new Set<string>();
    list.forEach((item, i) => {
      let id = recordIdOf(item) ?? `${kind}-${i}`;
      if (seen.has(id)) id = `${id}~${i}`; // duplicate ids: keep both rows; restore re-ids
      seen.add(id);
      order.push(id);
      records.push({ journeyId: r.id as string, kind, id, formatVersion, data: item });
    });
    records.push({ journeyId: r.id, kind: ORDER_KIND, id: kind, formatVersion, data: order });
  }
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const actors = Array.isArray(r.actors) ? r.actors : [];
  const head: JourneyHead = {
    id: r.id,
    title: text(r.title),
    scenario: text(r.scenario),
    description: text(r.description),
    ownerTeam: text(r.ownerTeam),
    createdAt: text(r.createdAt),
    updatedAt: text(r.updatedAt),
    deletedAt: typeof r.deletedAt === "string" ? r.deletedAt : null,
    formatVersion,
    stepCount: Array.isArray(r.steps) ? r.steps.length : 0,
    organisationCount: actors.filter((a) => isOrganisation(a)).length,
    ...headLists((list) => (Array.isArray(r[list]) ? (r[list] as unknown[]) : [])),
  };
  return { head, records };
}

/** The head's lists, each read by `read`. */
export function headLists(read: (list: HeadCollection) => unknown[]): { [List in HeadCollection]: unknown[] } {
  return Object.fromEntries(HEAD_COLLECTIONS.map((list) => [list, read(list)])) as { [List in HeadCollection]: unknown[] };
}

function recordIdOf(item: unknown): string | null {
  if (typeof item !== "object" || item === null) return null;
  const id = (item as { id?: unknown }).id;
  return typeof id === "string" && id.length > 0 ? id : null;
}

function isOrganisation(a: unknown): boolean {
  return typeof a === "object" && a !== null && (a as { type?: unknown }).type === "organisation";
}
