/**
 * Duplicated steps (DESIGN §3): steps that do the same job for the citizen in different places,
 * found from wording and shared data items and grouped into clusters.
 */
import type { Journey, StepId } from "../model";
import { termLabel } from "../text";
import { indexJourney, type JourneyIndex } from "./context";
import { findDuplicatePairs, type DuplicatePair } from "./duplicate-pairs";
import { buildSimilarityModel, COMMON_FEATURE_STEPS, type SimilarityModel } from "./similarity";
import { journeyStepItems, type StepItem } from "./step-items";

export { findDuplicatePairs, naiveDuplicatePairs, type DuplicatePair } from "./duplicate-pairs";

export interface DuplicateCluster {
  /** The cluster's step ids, sorted and joined by "," (see duplicateClusterKey). */
  key: string;
  stepIds: StepId[];
  /** Words the steps share (normalised; a concept such as "tell / update" for synonyms). */
  sharedTerms: string[];
  /** Labels of the data items the steps share. */
  sharedItems: string[];
  /** 0..1: the mean similarity of the pairs that joined the cluster. */
  strength: number;
  reason: string;
  /** The user's decision on this suggestion, kept in the journey. */
  decision: "confirmed" | "dismissed" | null;
}

/** The key under which a decision on a cluster of steps is kept: sorted ids joined by ",". */
export function duplicateClusterKey(stepIds: readonly StepId[]): string {
  return [...stepIds].sort().join(",");
}

/** Features (words and items, by rank) of a step that can hold a cluster together: those used
 * by at most COMMON_FEATURE_STEPS steps, sorted. */
function bindingFeatures(model: SimilarityModel, i: number): number[] {
  const { words, items } = model.vectors[i]!;
  const df = model.documentFrequency;
  // Both lists are sorted: merge them. (Plain arrays: small typed arrays cost more to make.)
  const out: number[] = [];
  let w = 0;
  let t = 0;
  while (w < words.features.length || t < items.features.length) {
    const takeWord =
      t === items.features.length ||
      (w < words.features.length && words.features[w]! < items.features[t]!);
    const f = takeWord ? words.features[w++]! : items.features[t++]!;
    if (df[f]! <= COMMON_FEATURE_STEPS) out.push(f);
  }
  return out;
}

function overlaps(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) return true;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return false;
}

function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return out;
}

/** A cluster up to this size may hold together through a chain of alike pairs. */
const SMALL_CLUSTER = 12;

/** Groups pairs into clusters, strongest pairs first. A small cluster may grow through any
 * chain of alike pairs; beyond SMALL_CLUSTER steps, groups join only while every step in them
 * still shares a word or data item, so a large cluster is one job that can be named and weak
 * links do not chain different jobs together. */
export function clusterDuplicatePairs(
  ix: JourneyIndex,
  model: SimilarityModel,
  items: StepItem[][],
  pairs: readonly DuplicatePair[],
): DuplicateCluster[] {
  const n = ix.steps.length;
  const parent = new Int32Array(n).fill(-1);
  const members = new Map<number, number[]>();
  // What every step of a cluster shares, worked out only once a cluster may grow large.
  const common = new Map<number, number[]>();
  const binding = new Map<number, number[]>();
  const bindingOf = (i: number): number[] => {
    let b = binding.get(i);
    if (!b) binding.set(i, (b = bindingFeatures(model, i)));
    return b;
  };
  const commonOf = (root: number): number[] => {
    let c = common.get(root);
    if (!c) {
      const list = members.get(root)!;
      c = bindingOf(list[0]!);
      for (let k = 1; k < list.length && c.length > 0; k++) c = intersect(c, bindingOf(list[k]!));
      common.set(root, c);
    }
    return c;
  };
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[x] !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const byStrength = [...pairs].sort((p, q) => q.strength - p.strength || p.a - q.a || p.b - q.b);
  const join = (x: number) => {
    if (parent[x] === -1) {
      parent[x] = x;
      members.set(x, [x]);
    }
  };
  for (const { a, b } of byStrength) {
    join(a);
    join(b);
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const root = Math.min(ra, rb);
    const child = Math.max(ra, rb);
    const grown = members.get(root)!.length + members.get(child)!.length;
    if (grown > SMALL_CLUSTER) {
      if (!overlaps(commonOf(root), commonOf(child))) continue;
      common.set(root, intersect(commonOf(root), commonOf(child)));
    } else common.delete(root);
    parent[child] = root;
    members.get(root)!.push(...members.get(child)!);
    members.delete(child);
    common.delete(child);
  }
  const sums = new Map<number, { sum: number; edges: number }>();
  for (const { a, b, strength } of pairs) {
    const r = find(a);
    if (r !== find(b)) continue;
    const s = sums.get(r) ?? { sum: 0, edges: 0 };
    s.sum += strength;
    s.edges++;
    sums.set(r, s);
  }
  const decisions = new Map(ix.journey.duplicateDecisions.map((d) => [d.key, d.decision]));
  const counts = new Int32Array(model.featureNames.length);
  const clusters: DuplicateCluster[] = [];
  for (const [root, list] of members) {
    if (list.length < 2) continue;
    list.sort((p, q) => p - q);
    const stepIds = list.map((m) => ix.steps[m]!.id);
    const key = duplicateClusterKey(stepIds);
    const { sharedTerms, sharedItems } = shared(model, items, list, counts);
    const { sum, edges } = sums.get(root)!;
    clusters.push({
      key,
      stepIds,
      sharedTerms,
      sharedItems,
      strength: Math.round((sum / edges) * 1000) / 1000,
      reason: reason(ix, list, sharedTerms, sharedItems),
      decision: decisions.get(key) ?? null,
    });
  }
  return clusters.sort((p, q) => q.strength - p.strength || (p.key < q.key ? -1 : 1));
}

/** Terms and items at least two of the cluster's steps share, most widely shared first (then
 * rarest first). `counts` is scratch space, one slot per feature, left as zeros. */
function shared(
  model: SimilarityModel,
  items: StepItem[][],
  members: number[],
  counts: Int32Array,
): { sharedTerms: string[]; sharedItems: string[] } {
  const touched: number[] = [];
  const count = (list: Int32Array) => {
    for (let k = 0; k < list.length; k++) if (counts[list[k]!]!++ === 0) touched.push(list[k]!);
  };
  for (const m of members) {
    count(model.vectors[m]!.words.features);
    count(model.vectors[m]!.items.features);
  }
  const common = touched
    .filter((f) => counts[f]! >= 2)
    .sort(
      (p, q) =>
        counts[q]! - counts[p]! ||
        model.documentFrequency[p]! - model.documentFrequency[q]! ||
        p - q,
    );
  for (let k = 0; k < touched.length; k++) counts[touched[k]!] = 0;
  const sharedTerms: string[] = [];
  const sharedItemIds: string[] = [];
  for (const f of common) {
    const name = model.featureNames[f]!;
    if (name.startsWith("#")) sharedItemIds.push(name.slice(1));
    else if (sharedTerms.length < 6) {
      const label = termLabel(name, model.display[f]);
      if (!sharedTerms.includes(label)) sharedTerms.push(label);
    }
  }
  const labels = new Map<string, string>();
  for (const m of members) for (const x of items[m]!) labels.set(x.item.id, x.item.label);
  return { sharedTerms, sharedItems: sharedItemIds.map((id) => labels.get(id) ?? id) };
}

function reason(ix: JourneyIndex, members: number[], terms: string[], items: string[]): string {
  const where = [
    ...new Set(members.map((m) => ix.owner[m]?.shortName || ix.owner[m]?.name || "?")),
  ];
  const quoted = (xs: string[]) => xs.map((x) => `“${x}”`).join(", ");
  const parts: string[] = [];
  if (terms.length > 0) parts.push(`use the same words (${quoted(terms)})`);
  if (items.length > 0) parts.push(`ask for the same information (${items.join(", ")})`);
  const placeText = where.length > 1 ? ` across ${listText(where)}` : ` in ${where[0]}`;
  return `${members.length} steps${placeText} ${parts.join(" and ") || "look alike"}.`;
}

function listText(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
}

/** Steps that do the same job for the citizen in different places ("Prove your identity" at DWP
 * and "Have your ID checked at the Post Office"), from their wording (normalised, stemmed,
 * synonyms, rare words weighing more) and the data items they share, grouped into clusters with
 * a reason and a strength; the user's confirm or dismiss decisions are applied. */
export function findDuplicateClusters(
  journey: Journey,
  ix: JourneyIndex = indexJourney(journey),
  items: StepItem[][] = journeyStepItems(journey),
): DuplicateCluster[] {
  const model = buildSimilarityModel(ix, items);
  return clusterDuplicatePairs(ix, model, items, findDuplicatePairs(model));
}
