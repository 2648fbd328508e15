/**
 * Compare (DESIGN §3): two journeys (as-is and to-be, or two versions) side by side, and what
 * the redesign removed and added.
 */
import type { Journey, Step } from "../model";
import { foldText, normaliseTerms } from "../text";
import { compareCosts, type CostComparison } from "./costs";
import type { DuplicateCluster } from "./duplicates";
import type { Handoff } from "./handoffs";
import { analyseJourney, type JourneyAnalysis } from "./index";
import type { Range, Scorecard } from "./metrics";
import type { RepeatedItem } from "./repeated";

export type MetricKey =
  | Exclude<keyof Scorecard, "organisationIds" | "handoffs">
  | `handoffs.${keyof Scorecard["handoffs"]}`;

/** One scorecard metric for both journeys. Counts of step lists (dead ends, unreachable) are
 * compared as numbers; `change` is b − a (for ranges, of each end). Fewer is better for all. */
export interface MetricRow {
  key: MetricKey;
  label: string;
  a: number | Range | null;
  b: number | Range | null;
  change: number | Range | null;
}

export interface Changes<T> {
  removed: T[];
  added: T[];
  /** Found in both, with something that differs (a handoff's kind, an item's count). */
  changed: { a: T; b: T }[];
  unchanged: number;
}

export interface JourneyComparison {
  a: JourneyAnalysis;
  b: JourneyAnalysis;
  metrics: MetricRow[];
  handoffs: Changes<Handoff>;
  duplicates: Changes<DuplicateCluster>;
  /** Repeated items only (asked by more than one step). */
  repeated: Changes<RepeatedItem>;
  /** The counted saving (or added cost) per organisation. */
  costs: CostComparison;
}

const METRICS: [MetricKey, string][] = [
  ["steps", "Steps"],
  ["citizenActions", "Citizen actions"],
  ["organisations", "Organisations involved"],
  ["handoffs.total", "Handoffs"],
  ["handoffs.citizenCarried", "Citizen-carried handoffs"],
  ["handoffs.direct", "Direct handoffs"],
  ["handoffs.internal", "Internal handoffs"],
  ["duplicateClusters", "Duplicated steps (clusters)"],
  ["repeatedItems", "Repeated information"],
  ["channelSwitches", "Channel switches along the path"],
  ["contactsStarted", "Contacts the citizen starts"],
  ["inPersonVisits", "In-person visits along the path"],
  ["activeMinutes", "Active time along the path (minutes)"],
  ["elapsedMinutes", "Elapsed time along the path (minutes)"],
  ["deadEnds", "Dead ends"],
  ["unreachable", "Unreachable steps"],
];

function metricValue(s: Scorecard, key: MetricKey): number | Range | null {
  if (key.startsWith("handoffs.")) return s.handoffs[key.slice(9) as keyof Scorecard["handoffs"]];
  const v = s[key as Exclude<MetricKey, `handoffs.${string}`>];
  return Array.isArray(v) ? v.length : v;
}

function change(a: number | Range | null, b: number | Range | null): number | Range | null {
  if (a === null || b === null) return null;
  if (typeof a === "number" && typeof b === "number") return b - a;
  if (typeof a === "object" && typeof b === "object")
    return { min: b.min - a.min, max: b.max - a.max };
  return null;
}

/** How each step is recognised in another journey that does not share its id: its
 * organisation's name and its normalised wording. */
function stepSignatures(journey: Journey): Map<string, string> {
  const lanes = new Map(journey.lanes.map((l) => [l.id, l]));
  const actors = new Map(journey.actors.map((x) => [x.id, x]));
  const signature = (step: Step) => {
    const actor = actors.get(lanes.get(step.laneId)?.actorId ?? "");
    const words = [...new Set(normaliseTerms(step.label))].sort().join(" ");
    return `${foldText(actor?.name ?? "")}|${words}`;
  };
  return new Map(journey.steps.map((s) => [s.id, signature(s)]));
}

/** Pairs up things in a and b: first by id, then by signature; what is left was removed or
 * added. */
function match<T>(
  as: readonly T[],
  bs: readonly T[],
  id: (x: T) => string,
  signature: (x: T, side: "a" | "b") => string,
  differs: (a: T, b: T) => boolean,
): Changes<T> {
  const out: Changes<T> = { removed: [], added: [], changed: [], unchanged: 0 };
  const pairs: [T, T][] = [];
  const restB = new Map<string, T[]>();
  const byId = new Map(bs.map((b) => [id(b), b]));
  const usedB = new Set<T>();
  const restA: T[] = [];
  for (const a of as) {
    const b = byId.get(id(a));
    if (b && !usedB.has(b)) {
      usedB.add(b);
      pairs.push([a, b]);
    } else restA.push(a);
  }
  for (const b of bs) {
    if (usedB.has(b)) continue;
    const key = signature(b, "b");
    restB.set(key, [...(restB.get(key) ?? []), b]);
  }
  for (const a of restA) {
    const b = restB.get(signature(a, "a"))?.shift();
    if (b) {
      usedB.add(b);
      pairs.push([a, b]);
    } else out.removed.push(a);
  }
  out.added = bs.filter((b) => !usedB.has(b));
  for (const [a, b] of pairs) {
    if (differs(a, b)) out.changed.push({ a, b });
    else out.unchanged++;
  }
  return out;
}

/** Two journeys side by side: each scorecard metric for both, and which handoffs, duplicate
 * clusters and repeated items the second removed, added or changed. Things are matched by step
 * ids where the journeys share them, otherwise by organisation name and normalised wording. */
export function compareJourneys(a: Journey, b: Journey): JourneyComparison {
  const A = analyseJourney(a);
  const B = analyseJourney(b);
  const signatures = { a: stepSignatures(a), b: stepSignatures(b) };
  const sig = (side: "a" | "b", id: string) => signatures[side].get(id) ?? "?";

  const metrics = METRICS.map(([key, label]): MetricRow => {
    const va = metricValue(A.scorecard, key);
    const vb = metricValue(B.scorecard, key);
    return { key, label, a: va, b: vb, change: change(va, vb) };
  });

  const handoffs = match(
    A.handoffs,
    B.handoffs,
    (h) => h.key,
    (h, side) => `${sig(side, h.fromStepId)}->${sig(side, h.toStepId)}`,
    (x, y) => x.kind !== y.kind,
  );

  // Clusters match by id, then by the signatures of their steps.
  const active = (cs: readonly DuplicateCluster[]) => cs.filter((c) => c.decision !== "dismissed");
  const duplicates = match(
    active(A.duplicates),
    active(B.duplicates),
    (c) => c.key,
    (c, side) =>
      c.stepIds
        .map((id) => sig(side, id))
        .sort()
        .join("+"),
    () => false,
  );
  for (const { a: ca, b: cb } of overlapping(duplicates.removed, duplicates.added)) {
    duplicates.removed.splice(duplicates.removed.indexOf(ca), 1);
    duplicates.added.splice(duplicates.added.indexOf(cb), 1);
    duplicates.changed.push({ a: ca, b: cb });
  }

  const repeated = match(
    A.repeated.filter((r) => r.repeated),
    B.repeated.filter((r) => r.repeated),
    (r) => r.itemId,
    (r) => r.itemId,
    (x, y) => x.count !== y.count || x.organisationIds.length !== y.organisationIds.length,
  );
  return { a: A, b: B, metrics, handoffs, duplicates, repeated, costs: compareCosts(A.costs, B.costs) };
}

/** Removed and added clusters that still share at least two steps: the same duplication, grown
 * or shrunk. */
function overlapping(removed: DuplicateCluster[], added: DuplicateCluster[]) {
  const out: { a: DuplicateCluster; b: DuplicateCluster }[] = [];
  const taken = new Set<DuplicateCluster>();
  for (const a of removed) {
    const ids = new Set(a.stepIds);
    const b = added.find((c) => !taken.has(c) && c.stepIds.filter((id) => ids.has(id)).length >= 2);
    if (b) {
      taken.add(b);
      out.push({ a, b });
    }
  }
  return out;
}
