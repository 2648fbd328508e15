/**
 * Duplicated steps (DESIGN §3): steps that do the same job for the citizen in different places,
 * found from wording and shared data items and grouped into clusters.
 */
import type { Journey, StepId } from "../model";
import { actionLabel, objectClasses, termLabel } from "../text";
import { indexJourney, type JourneyIndex } from "./context";
import { findDuplicatePairs, type DuplicatePair } from "./duplicate-pairs";
import {
  buildSimilarityModel,
  mayDuplicate,
  similarity,
  type DuplicateWeights,
  type SimilarityModel,
} from "./similarity";
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
  /** The one job every step of the cluster does, when they all name it ("prove / check
   * identity"), or null. */
  job: string | null;
  /** 0..1: the mean strength of every pair of its steps. */
  strength: number;
  reason: string;
  /** The user's decision on this suggestion, kept in the journey. */
  decision: "confirmed" | "dismissed" | null;
}

/** The key under which a decision on a cluster of steps is kept: sorted ids joined by ",". */
export function duplicateClusterKey(stepIds: readonly StepId[]): string {
  return [...stepIds].sort().join(",");
}

/** A cluster grows no larger than this: past it, a suggestion names no one job a designer
 * could act on, and the mean strength across two clusters costs more to work out. */
const LARGEST_CLUSTER = 24;

/** Groups pairs into clusters by average linkage, strongest pairs first: two clusters join only
 * when the mean strength of every pair of steps across them (worked out for each pair, so a
 * pair too weak to be suggested counts for what it is, and the two sides of one contact count
 * as 0) reaches the model's `link`. One strong pair cannot chain two different jobs together. */
export function clusterDuplicatePairs(
  ix: JourneyIndex,
  model: SimilarityModel,
  items: StepItem[][],
  pairs: readonly DuplicatePair[],
): DuplicateCluster[] {
  const n = ix.steps.length;
  const root = new Int32Array(n).fill(-1);
  const members = new Map<number, number[]>();
  const byStrength = [...pairs].sort((p, q) => q.strength - p.strength || p.a - q.a || p.b - q.b);
  const known = new Map<number, number>();
  for (const { a, b, strength } of pairs) known.set(a * n + b, strength);
  const strengthOf = (x: number, y: number): number => {
    const a = x < y ? x : y;
    const b = x < y ? y : x;
    const k = known.get(a * n + b);
    if (k !== undefined) return k;
    if (!mayDuplicate(model, a, b)) return model.place[a] === model.place[b] ? NaN : 0;
    const s = similarity(model, a, b);
    known.set(a * n + b, s);
    return s;
  };
  const link = model.weights.link;
  const refused = new Map<number, number>();
  for (const { a, b } of byStrength) {
    const ra = root[a] === -1 ? a : root[a]!;
    const rb = root[b] === -1 ? b : root[b]!;
    if (ra === rb) continue;
    const left = members.get(ra) ?? [a];
    const right = members.get(rb) ?? [b];
    if (left.length + right.length > LARGEST_CLUSTER) continue;
    // Two clusters that could not join before cannot now unless one of them grew.
    const pairKey = Math.min(ra, rb) * n + Math.max(ra, rb);
    if (refused.get(pairKey) === left.length + right.length) continue;
    let sum = 0;
    let counted = 0;
    for (const x of left) {
      for (const y of right) {
        const s = strengthOf(x, y);
        // Steps in one place are neither for nor against: they are never compared.
        if (Number.isNaN(s)) continue;
        sum += s;
        counted++;
      }
    }
    if (counted === 0 || sum / counted < link) {
      refused.set(pairKey, left.length + right.length);
      continue;
    }
    const into = Math.min(ra, rb);
    const list = [...left, ...right];
    for (const m of list) root[m] = into;
    members.delete(Math.max(ra, rb));
    members.set(into, list);
  }
  const decisions = new Map(ix.journey.duplicateDecisions.map((d) => [d.key, d.decision]));
  const counts = new Int32Array(model.featureNames.length);
  const clusters: DuplicateCluster[] = [];
  for (const list of members.values()) {
    if (list.length < 2) continue;
    list.sort((p, q) => p - q);
    const stepIds = list.map((m) => ix.steps[m]!.id);
    const key = duplicateClusterKey(stepIds);
    const { sharedTerms, sharedItems } = shared(model, items, list, counts);
    const job = sharedJob(model, list);
    let sum = 0;
    let counted = 0;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const s = strengthOf(list[i]!, list[j]!);
        if (Number.isNaN(s)) continue;
        sum += s;
        counted++;
      }
    }
    clusters.push({
      key,
      stepIds,
      sharedTerms,
      sharedItems,
      strength: Math.round((sum / counted) * 1000) / 1000,
      job,
      reason: reason(ix, list, job, sharedTerms, sharedItems),
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
    // Job frames ("^verify~identity") and action~object pairs restate the words and the job.
    else if (name.startsWith("^") || name.includes("~")) continue;
    else if (sharedTerms.length < 6) {
      const label = termLabel(name, model.display[f]);
      if (!sharedTerms.includes(label)) sharedTerms.push(label);
    }
  }
  const labels = new Map<string, string>();
  for (const m of members) for (const x of items[m]!) labels.set(x.item.id, x.item.label);
  return { sharedTerms, sharedItems: sharedItemIds.map((id) => labels.get(id) ?? id) };
}

/** A sentence a designer can check: where the steps are, the one job they all do (when they
 * name one), the information they all ask for and the words they share. */
/** The one job every step does: their shared head action and the kinds of thing they all act
 * on ("prove / check identity"), or null when they name no one act. */
function sharedJob(model: SimilarityModel, members: number[]): string | null {
  const head = model.vectors[members[0]!]!.head;
  if (!members.every((m) => model.vectors[m]!.head === head)) return null;
  const action = actionLabel(head);
  if (!action) return null;
  const what = objectClasses(members.reduce((bits, m) => bits & model.vectors[m]!.objects, -1));
  return what.length > 0 ? `${action} ${listText(what)}` : action;
}

/** A sentence a designer can check: where the steps are, the one job they all do (when they
 * name one), the information they all ask for and the words they share. */
function reason(
  ix: JourneyIndex,
  members: number[],
  job: string | null,
  terms: string[],
  items: string[],
): string {
  const where = [
    ...new Set(members.map((m) => ix.owner[m]?.shortName || ix.owner[m]?.name || "?")),
  ];
  const quoted = (xs: string[]) => xs.map((x) => `“${x}”`).join(", ");
  const parts: string[] = [];
  if (job) parts.push(`do one job (${job})`);
  if (items.length > 0) parts.push(`ask for the same information (${items.join(", ")})`);
  if (terms.length > 0) parts.push(`use the same words (${quoted(terms)})`);
  const placeText = where.length > 1 ? ` across ${listText(where)}` : ` in ${where[0]}`;
  const said =
    parts.length <= 1
      ? (parts[0] ?? "look alike")
      : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `${members.length} steps${placeText} ${said}.`;
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
  weights?: DuplicateWeights,
): DuplicateCluster[] {
  const model = buildSimilarityModel(ix, items, weights);
  return clusterDuplicatePairs(ix, model, items, findDuplicatePairs(model));
}
