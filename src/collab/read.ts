/**
 * Reading a journey back out of its shared document.
 *
 * Every record is checked against the journey file's schema as it is read: a record that
 * another copy wrote wrongly (a newer app, a broken peer) is left out and reported by kind, id
 * and field, and everything else still opens. Records that refer to something not (yet) in the
 * document, such as a step whose lane has not arrived, stay in the document and appear once it
 * does.
 *
 * An actor, lane or stage that someone removed while someone else added to it comes back, with
 * a mark (`restored`): the person sees that it was removed, and can remove it again (moving or
 * deleting its steps) or keep it. The mark is read from the document each time and is never
 * part of the journey's own data, so it is not saved in files, exports or versions.
 */
import type * as Y from "yjs";
import type { z } from "zod";
import {
  actorSchema,
  annotationSchema,
  customDataItemSchema,
  duplicateDecisionSchema,
  flowSchema,
  journeyFieldsSchema,
  laneSchema,
  stageSchema,
  stepSchema,
} from "../format/journey-schema";
import type { Journey } from "../domain/model";
import {
  COLLAB_KIND_NAMES,
  COLLAB_KINDS,
  DELETED,
  META_FIELDS,
  PLACEMENT,
  POS,
  type CollabKind,
  type CollabRef,
  type MetaField,
} from "./layout";
import { kindMap, metaMap, sameValue } from "./write";

type AnyRecord = Record<string, unknown>;

const SCHEMAS: Record<CollabKind, z.ZodType> = {
  actor: actorSchema,
  lane: laneSchema,
  stage: stageSchema,
  step: stepSchema,
  flow: flowSchema,
  annotation: annotationSchema,
  customDataItem: customDataItemSchema,
  duplicateDecision: duplicateDecisionSchema,
};

/** A record, or journey field, that the document holds in a shape no journey can have. */
export interface CollabIssue {
  /** The record's kind, or "journey" for one of the journey's own fields. */
  kind: CollabKind | "journey";
  id: string;
  /** The field at fault, as a path within the record ("" for the whole record). */
  path: string;
  message: string;
}

/** What the document reads as: the journey, the records that came back after a removal, and
 * records left out because they are not valid. */
export interface CollabRead {
  journey: Journey;
  restored: readonly CollabRef[];
  issues: readonly CollabIssue[];
}

interface Entry {
  record: AnyRecord | null;
  pos: string;
  deleted: boolean;
  issue: CollabIssue | null;
}

function readEntry(
  kind: CollabKind,
  id: string,
  map: Y.Map<unknown>,
  previous: Entry | undefined,
): Entry {
  const raw: AnyRecord = { [COLLAB_KINDS[kind].key]: id };
  for (const [name, value] of map.entries()) {
    if (name === POS || name === DELETED) continue;
    if (name === PLACEMENT && kind === "step" && value && typeof value === "object") {
      Object.assign(raw, value);
    } else {
      raw[name] = value;
    }
  }
  const pos = map.get(POS);
  const deleted = map.get(DELETED) === true;
  const parsed = SCHEMAS[kind].safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const issue: CollabIssue = {
      kind,
      id,
      path: first ? first.path.join(".") : "",
      message: first ? first.message : "not a valid record",
    };
    return { record: null, pos: typeof pos === "string" ? pos : "", deleted, issue };
  }
  const value = parsed.data as AnyRecord;
  const record = previous?.record && sameValue(previous.record, value) ? previous.record : value;
  return { record, pos: typeof pos === "string" ? pos : "", deleted, issue: null };
}

const byPosition = (a: [string, Entry], b: [string, Entry]) =>
  a[1].pos < b[1].pos ? -1 : a[1].pos > b[1].pos ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

const sameItems = <T>(a: readonly T[] | undefined, b: readonly T[]): a is readonly T[] =>
  a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

const META_DEFAULTS: Record<MetaField, string> = {
  id: "",
  title: "",
  scenario: "",
  description: "",
  ownerTeam: "",
  createdAt: "1970-01-01T00:00:00.000Z",
  updatedAt: "1970-01-01T00:00:00.000Z",
};

/**
 * Reads one document again and again as it changes, re-reading only the records that changed:
 * a record that did not change keeps the very object it had (React Flow, memo and selectors
 * compare by reference), and so does a list in which nothing changed.
 */
export class JourneyReader {
  private readonly entries = new Map<CollabKind, Map<string, Entry>>();
  private readonly dirty = new Map<CollabKind, Set<string>>();
  private allDirty = true;
  private last: CollabRead | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly doc: Y.Doc) {
    for (const kind of COLLAB_KIND_NAMES) {
      this.entries.set(kind, new Map());
      this.dirty.set(kind, new Set());
      const map = kindMap(doc, kind);
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        const dirty = this.dirty.get(kind)!;
        for (const event of events) {
          if (event.target === map) for (const key of event.changes.keys.keys()) dirty.add(key);
          else if (typeof event.path[0] === "string") dirty.add(event.path[0]);
        }
      };
      map.observeDeep(observer);
      this.cleanups.push(() => map.unobserveDeep(observer));
    }
  }

  dispose(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** The journey the document holds now, or null while it holds none (not yet synced). */
  read(): CollabRead | null {
    const meta = metaMap(this.doc);
    if (typeof meta.get("id") !== "string") return null;
    this.refresh();
    const previous = this.last;
    const issues: CollabIssue[] = [];
    for (const entries of this.entries.values()) {
      for (const entry of entries.values()) if (entry.issue) issues.push(entry.issue);
    }

    const metaValues = {} as Record<MetaField, string>;
    for (const field of META_FIELDS) {
      const parsed = journeyFieldsSchema.shape[field].safeParse(meta.get(field));
      if (parsed.success) metaValues[field] = parsed.data;
      else {
        metaValues[field] = previous?.journey[field] ?? META_DEFAULTS[field];
        issues.push({
          kind: "journey",
          id: String(meta.get("id")),
          path: field,
          message: parsed.error.issues[0]?.message ?? "not valid",
        });
      }
    }

    const { lists, restored } = this.visibleLists();
    const journey = {} as Record<string, unknown>;
    for (const field of META_FIELDS) journey[field] = metaValues[field];
    let unchanged = previous !== null;
    for (const kind of COLLAB_KIND_NAMES) {
      const list = COLLAB_KINDS[kind].list;
      const items = lists.get(kind)!;
      const before = previous?.journey[list] as readonly AnyRecord[] | undefined;
      journey[list] = sameItems(before, items) ? before : items;
      if (journey[list] !== before) unchanged = false;
    }
    for (const field of META_FIELDS)
      if (previous && previous.journey[field] !== metaValues[field]) unchanged = false;

    const sameRestored = previous !== null && sameRefs(previous.restored, restored);
    const sameIssues = previous !== null && sameValue(previous.issues, issues);
    if (unchanged && sameRestored && sameIssues) return previous;
    const read: CollabRead = {
      journey: unchanged ? previous!.journey : (journey as unknown as Journey),
      restored: sameRestored ? previous!.restored : restored,
      issues: sameIssues ? previous!.issues : issues,
    };
    this.last = read;
    return read;
  }

  private refresh(): void {
    for (const kind of COLLAB_KIND_NAMES) {
      const map = kindMap(this.doc, kind);
      const entries = this.entries.get(kind)!;
      const dirty = this.dirty.get(kind)!;
      const ids = this.allDirty ? [...new Set([...entries.keys(), ...map.keys()])] : [...dirty];
      for (const id of ids) {
        const record = map.get(id);
        if (record === undefined || typeof record.entries !== "function") entries.delete(id);
        else entries.set(id, readEntry(kind, id, record, entries.get(id)));
      }
      dirty.clear();
    }
    this.allDirty = false;
  }

  /** Each kind's records in order, with what refers to something missing left out, and the
   * removed actors, lanes and stages that came back because something live is in them. */
  private visibleLists(): { lists: Map<CollabKind, AnyRecord[]>; restored: CollabRef[] } {
    const sorted = new Map<CollabKind, [string, Entry][]>();
    for (const kind of COLLAB_KIND_NAMES) {
      const valid = [...this.entries.get(kind)!].filter(([, e]) => e.record !== null);
      sorted.set(kind, valid.sort(byPosition));
    }
    const present = (kind: CollabKind) => new Map(sorted.get(kind)!.map(([id, e]) => [id, e]));
    const actors = present("actor");
    const stages = present("stage");
    // A lane needs its actor in the document (removed or not); a step its lane and stage.
    const lanes = new Map(
      [...present("lane")].filter(([, e]) => actors.has(e.record!.actorId as string)),
    );
    const steps = sorted
      .get("step")!
      .filter(
        ([, e]) => lanes.has(e.record!.laneId as string) && stages.has(e.record!.stageId as string),
      );

    const usedLanes = new Set(steps.map(([, e]) => e.record!.laneId as string));
    const usedStages = new Set(steps.map(([, e]) => e.record!.stageId as string));
    const restored: CollabRef[] = [];
    const keepContainer = (
      kind: "lane" | "stage" | "actor",
      id: string,
      e: Entry,
      used: Set<string>,
    ) => {
      if (!e.deleted) return true;
      if (!used.has(id)) return false;
      restored.push({ kind, id });
      return true;
    };
    const liveLanes = sorted
      .get("lane")!
      .filter(([id, e]) => lanes.has(id) && keepContainer("lane", id, e, usedLanes));
    const liveStages = sorted
      .get("stage")!
      .filter(([id, e]) => keepContainer("stage", id, e, usedStages));
    const usedActors = new Set(liveLanes.map(([, e]) => e.record!.actorId as string));
    const liveActors = sorted
      .get("actor")!
      .filter(([id, e]) => keepContainer("actor", id, e, usedActors));

    const stepIds = new Set(steps.map(([id]) => id));
    const flows = sorted
      .get("flow")!
      .filter(
        ([, e]) => stepIds.has(e.record!.from as string) && stepIds.has(e.record!.to as string),
      );
    const annotations = sorted.get("annotation")!.filter(([, e]) => {
      const stepId = e.record!.stepId;
      return stepId === null || stepIds.has(stepId as string);
    });

    const records = (list: [string, Entry][]) => list.map(([, e]) => e.record!);
    const lists = new Map<CollabKind, AnyRecord[]>([
      ["actor", records(liveActors)],
      ["lane", records(liveLanes)],
      ["stage", records(liveStages)],
      ["step", records(steps)],
      ["flow", records(flows)],
      ["annotation", records(annotations)],
      ["customDataItem", records(sorted.get("customDataItem")!)],
      ["duplicateDecision", records(sorted.get("duplicateDecision")!)],
    ]);
    return { lists, restored };
  }
}

function sameRefs(a: readonly CollabRef[], b: readonly CollabRef[]): boolean {
  return a.length === b.length && a.every((r, i) => r.kind === b[i]!.kind && r.id === b[i]!.id);
}

/** The journey a document holds (null when it holds none yet). */
export function docToJourney(doc: Y.Doc): CollabRead | null {
  const reader = new JourneyReader(doc);
  try {
    return reader.read();
  } finally {
    reader.dispose();
  }
}
