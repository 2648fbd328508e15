/**
 * Two tabs on one journey. After each committed save a tab posts the keys it changed on
 * BroadcastChannel "seams-journey-<id>"; the other tab reads just those rows from IndexedDB
 * (the database, not the message, is the truth), restores them through the format's restore
 * and merges them into its journey in memory (see merge.ts for the rule).
 *
 * Conflicts are reported to the tab whose edit lost: a tab that keeps its unsaved edit over a
 * remote one names the record in its next message ("overrode"), and two saves of one record
 * that did not see each other are found with per-tab counters (`version` and `seen`).
 */
import type { Journey } from "../domain/model";
import { FORMAT_VERSION } from "../format/envelope";
import type { Autosave } from "./autosave";
import {
  ROW_LIST,
  ORDER_KIND,
  ROW_KINDS,
  type JourneyHead,
  type RowKind,
  type StoredKind,
  type StoredRecord,
} from "./db";
import { mergeRemoteRecords, type HeadFields, type RecordRef, type RemoteRecord } from "./merge";
import type { CommitInfo, JourneyRepository } from "./repository";
import { restoreStored } from "./stored";

export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  removeEventListener(type: "message", listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface SyncMessage {
  type: "commit";
  journeyId: string;
  tabId: string;
  /** Monotonic per tab (a Lamport clock: it also moves past every version this tab saw). */
  version: number;
  full: boolean;
  changed: [StoredKind, string][];
  removed: [StoredKind, string][];
  /** The highest version this tab had applied from each other tab. */
  seen: Record<string, number>;
  /** Records where this tab kept its own edit over another tab's. */
  overrode: RecordRef[];
}

export interface TabSyncOptions {
  journeyId: string;
  repository: JourneyRepository;
  autosave: Pick<Autosave, "baseline" | "rebase">;
  /** The journey in memory now (the store's). */
  getLocal: () => Journey | null;
  /** Put the merged journey in the store (autosave will then write only local changes). */
  apply: (journey: Journey) => void;
  /** The same records were edited in two tabs; `stepIds` are the steps among them. */
  onConflict?: (stepIds: string[], records: RecordRef[]) => void;
  /** Another tab purged this journey. */
  onRemoteDeleted?: () => void;
  tabId?: string;
  createChannel?: (name: string) => ChannelLike;
}

export function channelName(journeyId: string): string {
  return `seams-journey-${journeyId}`;
}

const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`;

/** A BroadcastChannel, or a silent stand-in where the browser has none (each tab then works
 * alone, as before tab sync). */
function defaultChannel(name: string): ChannelLike {
  if (typeof BroadcastChannel !== "undefined") return new BroadcastChannel(name);
  return { postMessage() {}, addEventListener() {}, removeEventListener() {}, close() {} };
}

export class TabSync {
  readonly tabId: string;
  private clock = 0;
  private readonly seen = new Map<string, number>();
  private readonly written = new Map<string, number>();
  private overrode: RecordRef[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly channel: ChannelLike;
  private readonly unsubscribe: () => void;
  private readonly listener = (event: MessageEvent) => this.receive(event.data);

  constructor(private readonly options: TabSyncOptions) {
    this.tabId = options.tabId ?? Math.random().toString(36).slice(2, 10);
    const create = options.createChannel ?? defaultChannel;
    this.channel = create(channelName(options.journeyId));
    this.channel.addEventListener("message", this.listener);
    this.unsubscribe = options.repository.onCommit((info) => this.announce(info));
  }

  /** Resolves when every message received so far has been merged. */
  idle(): Promise<void> {
    return this.queue;
  }

  dispose(): void {
    this.unsubscribe();
    this.channel.removeEventListener("message", this.listener);
    this.channel.close();
  }

  private announce(info: CommitInfo): void {
    if (info.journeyId !== this.options.journeyId) return;
    this.clock++;
    for (const [, kind, id] of info.changed) this.written.set(keyOf(kind, id), this.clock);
    const message: SyncMessage = {
      type: "commit",
      journeyId: info.journeyId,
      tabId: this.tabId,
      version: this.clock,
      full: info.full,
      changed: info.changed.map(([, kind, id]) => [kind, id]),
      removed: info.removed.map(([, kind, id]) => [kind, id]),
      seen: Object.fromEntries(this.seen),
      overrode: this.overrode,
    };
    this.overrode = [];
    this.channel.postMessage(message);
  }

  private receive(data: unknown): void {
    const msg = data as SyncMessage;
    if (msg?.type !== "commit" || msg.journeyId !== this.options.journeyId) return;
    if (msg.tabId === this.tabId) return;
    this.queue = this.queue.then(() => this.handle(msg)).catch(() => undefined);
  }

  private async handle(msg: SyncMessage): Promise<void> {
    const { repository, journeyId } = this.options;
    this.clock = Math.max(this.clock, msg.version);
    const keys = msg.changed.map(
      ([kind, id]) => [journeyId, kind, id] as [string, StoredKind, string],
    );
    const { head, rows } = await repository.readRows(journeyId, msg.full ? "all" : keys);
    if (!head) {
      if (msg.full) this.options.onRemoteDeleted?.();
      return;
    }
    const newest = Math.max(head.formatVersion, ...rows.map((r) => r.formatVersion));
    if (newest > FORMAT_VERSION) return repository.setReadOnly("newer-version");
    let remote: RemoteInput | null;
    if (msg.full || head.formatVersion < FORMAT_VERSION) {
      const loaded = await repository.load(journeyId);
      remote = loaded.ok ? wholeJourney(loaded.journey, this.options.autosave.baseline) : null;
    } else {
      const local = this.options.getLocal();
      remote = local ? restoreRemote(local, head, rows, msg.removed) : null;
    }
    const local = this.options.getLocal();
    if (!remote || !local || local.id !== journeyId) return;
    const base = this.options.autosave.baseline;
    const result = mergeRemoteRecords(local, remote.records, remote.removed, {
      base,
      head: remote.head,
      orders: remote.orders,
    });
    if (result.stored) this.options.autosave.rebase(result.stored);
    this.options.apply(result.journey);
    // Seen only once merged: a save of ours that commits while the rows are still being read
    // has not seen this change, and must not tell the other tab it has.
    this.seen.set(msg.tabId, Math.max(this.seen.get(msg.tabId) ?? 0, msg.version));
    this.overrode.push(...result.conflicts);
    this.report(msg, local, result.journey, result.conflicts);
  }

  /** Tell the user about records where one tab's edit replaced the other's. */
  private report(msg: SyncMessage, before: Journey, after: Journey, kept: RecordRef[]): void {
    const lost: RecordRef[] = [];
    const mine = (kind: string, id: string) => this.written.has(keyOf(kind, id));
    for (const ref of msg.overrode) {
      if (ref.kind && mine(ref.kind, ref.id)) lost.push(ref);
    }
    const seenMine = msg.seen[this.tabId] ?? 0;
    for (const [kind, id] of msg.changed) {
      if (kind === ORDER_KIND || (this.written.get(keyOf(kind, id)) ?? 0) <= seenMine) continue;
      const field = ROW_LIST[kind];
      const was = before[field].find((x) => x.id === id);
      const now = after[field].find((x) => x.id === id);
      if (was !== now && !lost.some((r) => r.kind === kind && r.id === id)) lost.push({ kind, id });
    }
    const all = [...kept, ...lost];
    if (all.length === 0) return;
    const stepIds = [...new Set(all.filter((r) => r.kind === "step").map((r) => r.id))];
    this.options.onConflict?.(stepIds, all);
  }
}

interface RemoteInput {
  records: RemoteRecord[];
  removed: RecordRef[];
  head: HeadFields | null;
  orders: Partial<Record<RowKind, string[]>>;
}

/** Validate rows read from the database by restoring them inside the local journey, and take
 * back only the restored remote records. */
function restoreRemote(
  local: Journey,
  head: JourneyHead,
  rows: StoredRecord[],
  removedKeys: [StoredKind, string][],
): RemoteInput | null {
  const candidate: Record<string, unknown> = { ...local, ...headFields(head) };
  const removed: RecordRef[] = [];
  const orders: Partial<Record<RowKind, string[]>> = {};
  for (const [kind, id] of removedKeys) if (kind !== ORDER_KIND) removed.push({ kind, id });
  for (const kind of ROW_KINDS) {
    const items = new Map<string, unknown>(local[ROW_LIST[kind]].map((x) => [x.id, x]));
    for (const row of rows) if (row.kind === kind) items.set(row.id, row.data);
    for (const ref of removed) if (ref.kind === kind) items.delete(ref.id);
    candidate[ROW_LIST[kind]] = [...items.values()];
  }
  for (const row of rows) {
    if (row.kind !== ORDER_KIND || !isRowKind(row.id) || !Array.isArray(row.data)) continue;
    orders[row.id] = row.data.filter((x): x is string => typeof x === "string");
  }
  const restored = restoreStored(candidate, head.formatVersion);
  if (!restored.ok) return null;
  const records: RemoteRecord[] = [];
  for (const kind of ROW_KINDS) {
    const byId = new Map(restored.journey[ROW_LIST[kind]].map((x) => [x.id, x]));
    for (const row of rows) {
      const value = row.kind === kind ? byId.get(row.id) : undefined;
      if (value) records.push({ kind, value });
    }
  }
  return { records, removed, head: headFields(restored.journey), orders };
}

/** A whole stored journey as remote input: every record, and removals of what this tab had
 * saved before but the database no longer holds. */
function wholeJourney(stored: Journey, base: Journey | null): RemoteInput {
  const records: RemoteRecord[] = [];
  const removed: RecordRef[] = [];
  const orders: Partial<Record<RowKind, string[]>> = {};
  for (const kind of ROW_KINDS) {
    const list = stored[ROW_LIST[kind]];
    for (const value of list) records.push({ kind, value });
    orders[kind] = list.map((x) => x.id);
    const present = new Set(orders[kind]);
    for (const x of base ? base[ROW_LIST[kind]] : []) {
      if (!present.has(x.id)) removed.push({ kind, id: x.id });
    }
  }
  return { records, removed, head: headFields(stored), orders };
}

function headFields(h: HeadFields | JourneyHead): HeadFields {
  return {
    title: h.title,
    scenario: h.scenario,
    description: h.description,
    ownerTeam: h.ownerTeam,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
    customDataItems: h.customDataItems as Journey["customDataItems"],
    duplicateDecisions: h.duplicateDecisions as Journey["duplicateDecisions"],
  };
}

function isRowKind(value: string): value is RowKind {
  return (ROW_KINDS as readonly string[]).includes(value);
}
