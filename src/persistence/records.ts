/**
 * Pure mapping between a Journey and its stored rows: split into rows, diff two journeys by
 * object reference, assemble rows back into a journey-shaped value for restore.
 */
import type { Journey } from "../domain/model";
import {
  headLists,
  ROW_LIST,
  ORDER_KIND,
  ROW_KINDS,
  type JourneyHead,
  type RecordKey,
  type RowKind,
  type StoredRecord,
} from "./db";

type Identified = { id: string };

function listOf(journey: Journey, kind: RowKind): readonly Identified[] {
  return journey[ROW_LIST[kind]];
}

/** The head row of a journey (library list data and journey-level fields). */
export function headOf(
  journey: Journey,
  formatVersion: number,
  deletedAt: string | null,
): JourneyHead {
  return {
    id: journey.id,
    title: journey.title,
    scenario: journey.scenario,
    description: journey.description,
    ownerTeam: journey.ownerTeam,
    createdAt: journey.createdAt,
    updatedAt: journey.updatedAt,
    deletedAt,
    formatVersion,
    stepCount: journey.steps.length,
    organisationCount: journey.actors.filter((a) => a.type === "organisation").length,
    ...headLists((list) => journey[list]),
  };
}

export function recordRow(
  journeyId: string,
  kind: RowKind,
  item: Identified,
  formatVersion: number,
): StoredRecord {
  return { journeyId, kind, id: item.id, formatVersion, data: item };
}

export function orderRow(
  journeyId: string,
  kind: RowKind,
  ids: string[],
  formatVersion: number,
): StoredRecord {
  return { journeyId, kind: ORDER_KIND, id: kind, formatVersion, data: ids };
}

/** Every row of a journey: each record plus one order row per kind. */
export function journeyRows(journey: Journey, formatVersion: number): StoredRecord[] {
  const rows: StoredRecord[] = [];
  for (const kind of ROW_KINDS) {
    const list = listOf(journey, kind);
    for (const item of list) rows.push(recordRow(journey.id, kind, item, formatVersion));
    rows.push(
      orderRow(
        journey.id,
        kind,
        list.map((x) => x.id),
        formatVersion,
      ),
    );
  }
  return rows;
}

export interface JourneyDiff {
  put: StoredRecord[];
  remove: RecordKey[];
}

/** Rows to write and delete to turn the stored `prev` into `next`. A record is written when
 * its object is not the same reference as in `prev` (the store keeps references of unchanged
 * records), an order row when the id sequence of its kind changed. */
export function diffJourneys(prev: Journey, next: Journey, formatVersion: number): JourneyDiff {
  const put: StoredRecord[] = [];
  const remove: RecordKey[] = [];
  for (const kind of ROW_KINDS) {
    const before = listOf(prev, kind);
    const after = listOf(next, kind);
    if (before === after) continue;
    const old = new Map<string, Identified>();
    for (const item of before) old.set(item.id, item);
    const seen = new Set<string>();
    for (const item of after) {
      seen.add(item.id);
      if (old.get(item.id) !== item) put.push(recordRow(next.id, kind, item, formatVersion));
    }
    for (const id of old.keys()) if (!seen.has(id)) remove.push([next.id, kind, id]);
    if (!sameIds(before, after)) {
      put.push(
        orderRow(
          next.id,
          kind,
          after.map((x) => x.id),
          formatVersion,
        ),
      );
    }
  }
  return { put, remove };
}

function sameIds(a: readonly Identified[], b: readonly Identified[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id) return false;
  return true;
}

export interface Assembled {
  /** A journey-shaped value, not yet validated: it goes through restore next. */
  value: Record<string, unknown>;
  /** Highest format version found on the head and the rows. */
  newestFormatVersion: number;
  /** Every record row that went into `value`, for quarantine decisions. */
  rows: StoredRecord[];
  /** The rows behind each list of `value`, index for index (`steps[3]` came from
   * `sources.step[3]`), to find the row an issue path points at. */
  sources: Record<RowKind, StoredRecord[]>;
}

/** Put a head and its rows back into the shape of a Journey. Rows are read as untrusted:
 * anything odd is passed on for restore to repair or drop. */
export function assembleJourney(head: JourneyHead, rawRows: unknown[]): Assembled {
  let newest = numberOr(head.formatVersion, 0);
  const byKind = new Map<string, Map<string, StoredRecord>>();
  const orders = new Map<string, unknown>();
  const rows: StoredRecord[] = [];
  for (const raw of rawRows) {
    if (typeof raw !== "object" || raw === null) continue;
    const row = raw as StoredRecord;
    newest = Math.max(newest, numberOr(row.formatVersion, 0));
    if (row.kind === ORDER_KIND) {
      orders.set(String(row.id), row.data);
      continue;
    }
    let kindRows = byKind.get(row.kind);
    if (!kindRows) byKind.set(row.kind, (kindRows = new Map()));
    kindRows.set(String(row.id), row);
    rows.push(row);
  }
  const value: Record<string, unknown> = {
    id: head.id,
    title: head.title,
    scenario: head.scenario,
    description: head.description,
    ownerTeam: head.ownerTeam,
    createdAt: head.createdAt,
    updatedAt: head.updatedAt,
    ...headLists((list) => head[list]),
  };
  const sources = {} as Record<RowKind, StoredRecord[]>;
  for (const kind of ROW_KINDS) {
    sources[kind] = inOrder(byKind.get(kind) ?? new Map<string, StoredRecord>(), orders.get(kind));
    value[ROW_LIST[kind]] = sources[kind].map((r) => r.data);
  }
  return { value, newestFormatVersion: newest, rows, sources };
}

/** Rows in the stored order; rows the order does not list follow, sorted by id. */
function inOrder(rows: Map<string, StoredRecord>, order: unknown): StoredRecord[] {
  const out: StoredRecord[] = [];
  const used = new Set<string>();
  if (Array.isArray(order)) {
    for (const id of order) {
      const row = typeof id === "string" && !used.has(id) ? rows.get(id) : undefined;
      if (!row) continue;
      used.add(id);
      out.push(row);
    }
  }
  const rest = [...rows.keys()].filter((id) => !used.has(id)).sort();
  for (const id of rest) out.push(rows.get(id)!);
  return out;
}

function numberOr(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) ? v : fallback;
}

/** The ids of a journey's records of one kind, for merge and quarantine. */
export function idsOf(journey: Journey, kind: RowKind): Set<string> {
  return new Set(listOf(journey, kind).map((x) => x.id));
}

const ISSUE_PATH = new RegExp(`^(${Object.values(ROW_LIST).join("|")})\\[(\\d+)\\]`);

/** The rows that issue paths such as `steps[12].laneId` point at. */
export function rowsAtPaths(assembled: Assembled, paths: string[]): StoredRecord[] {
  const found = new Set<StoredRecord>();
  for (const path of paths) {
    const match = ISSUE_PATH.exec(path);
    if (!match) continue;
    const kind = ROW_KINDS.find((k) => ROW_LIST[k] === match[1]);
    const row = kind ? assembled.sources[kind][Number(match[2])] : undefined;
    if (row) found.add(row);
  }
  return [...found];
}
