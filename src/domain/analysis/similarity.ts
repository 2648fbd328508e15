/**
 * How alike two steps are, for finding duplicated steps: the cosine of their wording (normalised
 * terms and action~object pairs, weighted by a damped TF-IDF), raised when both ask for the same
 * data items, and halved when both name what they do and name nothing in common.
 */
import { isCitizenStep, isOrgStep, type JourneyIndex } from "./context";
import type { StepItem } from "./step-items";
import { stepFeatures } from "./text-features";

/** Pairs at or above this strength are suggested as duplicates. */
export const DUPLICATE_THRESHOLD = 0.3;
/** Weight of the description's words against the label's. */
const DESCRIPTION_WEIGHT = 0.4;
/** How much rarer words weigh more: a damped IDF, 1 + k·ln(N/df). Within one journey the job
 * that is duplicated is, by definition, not rare, so rarity must not dominate. */
const RARITY = 0.25;
/** A word or item used by more steps than this is too common to find candidates by: pairs that
 * share only such words are not looked for (in large journeys only; below this many steps the
 * search is exact). This bounds the work per step, so duplicates stay fast on any journey. */
export const COMMON_FEATURE_STEPS = 100;
/** When both steps ask for data items, the strength is this share of the wording's cosine plus
 * the rest of the items' cosine; otherwise it is the wording's cosine alone. Shared items
 * strengthen alike wording but cannot make a duplicate on their own. */
export const WORDING_SHARE = 0.8;

/** A sparse unit vector over features numbered by rank (most frequent first) and sorted, so
 * two vectors merge in linear time. */
export interface SparseVector {
  features: Int32Array;
  weights: Float64Array;
}

/** A step's wording (terms and action~object pairs), its data items ("#" + item id) and the
 * actions it names ("notify", "verify" … as bits, see actionBit). */
export interface StepVector {
  words: SparseVector;
  items: SparseVector;
  actions: number;
  /** The bit of the step's head action (what it does, see jobFrame), 0 when it names none. */
  head: number;
}

export interface SimilarityModel {
  vectors: StepVector[];
  /** Every step's wording vector in one buffer (step i at offsets[i] … offsets[i + 1]); the
   * vectors above are views into it. Kept together so the pair search reads memory in order. */
  wording: { offsets: Int32Array; features: Int32Array; weights: Float64Array };
  /** Feature names by rank: a term, or "#" + item id. */
  featureNames: string[];
  /** Steps containing each feature. */
  documentFrequency: Int32Array;
  /** A readable word for each term feature (the first word seen for it). */
  display: string[];
  /** Where each step is: its lane and stage and, for citizen steps, the organisations it meets. */
  place: Int32Array;
  /** Steps joined by a flow between a citizen step and an organisation step (a·n + b for
   * positions a < b): the two sides of one contact, never duplicates of each other. */
  contact: Set<number>;
}

/** Builds the vectors of every step; `items` are the canonical items per step position. */
export function buildSimilarityModel(ix: JourneyIndex, items: StepItem[][]): SimilarityModel {
  const n = ix.steps.length;
  // Each step's texts and items as interned numbers; then numbered locally, in first-seen order.
  const { texts, items: itemGlobal, interned } = stepFeatures(ix, items);
  const localOf = new Int32Array(interned.names.length).fill(-1);
  const featureNames: string[] = [];
  const display: string[] = [];
  const idOf = (g: number): number => {
    if (localOf[g] === -1) {
      localOf[g] = featureNames.length;
      featureNames.push(interned.names[g]!);
      display.push(interned.display[g]!);
    }
    return localOf[g]!;
  };
  // Term frequencies as flat lists per step: label features weigh 1, description ones less.
  const wordIds: number[][] = [];
  const wordTf: number[][] = [];
  const itemIds: number[][] = [];
  const actions: number[] = [];
  const heads: number[] = [];
  // Local numbers never exceed the interned ones, so these are sized once.
  const df = new Int32Array(interned.names.length);
  // For each feature, the last step it was seen in and its place in that step's list.
  const seenIn = new Int32Array(interned.names.length).fill(-1);
  const at = new Int32Array(interned.names.length);
  for (let i = 0; i < n; i++) {
    const ids: number[] = [];
    const tf: number[] = [];
    let acts = 0;
    // The head action is the label's, or the description's when the label names none.
    let head = 0;
    texts[i]!.forEach((f, t) => {
      if (!f) return;
      const w = t === 0 ? 1 : DESCRIPTION_WEIGHT;
      for (let k = 0; k < f.ids.length; k++) {
        const id = idOf(f.ids[k]!);
        if (seenIn[id] !== i) {
          seenIn[id] = i;
          at[id] = ids.length;
          ids.push(id);
          tf.push(w * f.weights[k]!);
        } else tf[at[id]!] = Math.max(tf[at[id]!]!, w * f.weights[k]!);
      }
      acts |= f.actions;
      if (head === 0) head = f.head;
    });
    const its = itemGlobal[i]?.map(idOf) ?? [];
    for (const id of ids) df[id]!++;
    for (const id of its) df[id]!++;
    wordIds.push(ids);
    wordTf.push(tf);
    itemIds.push(its);
    actions.push(acts);
    heads.push(head);
  }
  // Features are renumbered by rank: most frequent first, then first seen (deterministic).
  const order = Array.from(featureNames.keys()).sort((a, b) => df[b]! - df[a]! || a - b);
  const rank = new Int32Array(featureNames.length);
  order.forEach((f, r) => (rank[f] = r));
  const idf = featureNames.map((_name, f) => 1 + RARITY * Math.log(n / df[f]!));

  // A unit vector, sorted by rank, written into features/weights from `at`.
  const unit = (
    ids: number[],
    tf: number[] | null,
    features: Int32Array,
    weights: Float64Array,
    at: number,
  ): SparseVector => {
    // Insertion sort by rank: a step has a few dozen features at most.
    let len = 0;
    for (let k = 0; k < ids.length; k++) {
      const r = rank[ids[k]!]!;
      const w = (tf ? tf[k]! : 1) * idf[ids[k]!]!;
      len += w * w;
      let j = at + k;
      while (j > at && features[j - 1]! > r) {
        features[j] = features[j - 1]!;
        weights[j] = weights[j - 1]!;
        j--;
      }
      features[j] = r;
      weights[j] = w;
    }
    len = Math.sqrt(len);
    for (let j = 0; j < ids.length; j++) weights[at + j]! /= len;
    return {
      features: features.subarray(at, at + ids.length),
      weights: weights.subarray(at, at + ids.length),
    };
  };
  const offsets = new Int32Array(n + 1);
  wordIds.forEach((ids, i) => (offsets[i + 1] = offsets[i]! + ids.length));
  const wording = {
    offsets,
    features: new Int32Array(offsets[n]!),
    weights: new Float64Array(offsets[n]!),
  };
  // Items too sit in one buffer: two small typed arrays a step cost more than the rest of it.
  const itemOffsets = new Int32Array(n + 1);
  itemIds.forEach((ids, i) => (itemOffsets[i + 1] = itemOffsets[i]! + ids.length));
  const itemFeatures = new Int32Array(itemOffsets[n]!);
  const itemWeights = new Float64Array(itemOffsets[n]!);
  const vectors = wordIds.map((ids, i) => ({
    words: unit(ids, wordTf[i]!, wording.features, wording.weights, offsets[i]!),
    items: unit(itemIds[i]!, null, itemFeatures, itemWeights, itemOffsets[i]!),
    actions: actions[i]!,
    head: heads[i]!,
  }));

  return {
    vectors,
    wording,
    featureNames: order.map((f) => featureNames[f]!),
    documentFrequency: Int32Array.from(order, (f) => df[f]!),
    display: order.map((f) => display[f]!),
    place: places(ix),
    contact: contacts(ix, heads),
  };
}

/** Cosine of two unit vectors, merging their sorted features. */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.features.length && j < b.features.length) {
    const fa = a.features[i]!;
    const fb = b.features[j]!;
    if (fa === fb) s += a.weights[i++]! * b.weights[j++]!;
    else if (fa < fb) i++;
    else j++;
  }
  return s;
}

/** Steps that both name what they do but name nothing in common ("Apply for PIP" and "PIP
 * decision" share the benefit's name, not the job) count for this share only. */
const OTHER_JOB = 0.5;

/** Steps whose head actions differ ("Registrar issues the certificate" and "Probate registry
 * checks the application and issues the grant") count for this share only, even when one also
 * names the other's action. */
const OTHER_HEAD = 0.6;

/** How alike two steps are, 0..1 (see WORDING_SHARE and OTHER_JOB). */
export function similarity(a: StepVector, b: StepVector): number {
  return similarityWithWording(a, b, dot(a.words, b.words));
}

/** The same, given the cosine of the two steps' wording. */
export function similarityWithWording(a: StepVector, b: StepVector, words: number): number {
  const both = a.items.features.length > 0 && b.items.features.length > 0;
  const s = both ? WORDING_SHARE * words + (1 - WORDING_SHARE) * dot(a.items, b.items) : words;
  return s * jobShare(a, b);
}

/** 1 when the two steps may do the same job, OTHER_JOB when both name actions and none is
 * shared. */
export function jobShare(a: StepVector, b: StepVector): number {
  if (a.actions === 0 || b.actions === 0) return 1;
  if ((a.actions & b.actions) === 0) return OTHER_JOB;
  return a.head === 0 || b.head === 0 || a.head === b.head ? 1 : OTHER_HEAD;
}

/** The wording cosine a pair needs at least to reach a strength: shared items add at most
 * 1 − WORDING_SHARE. */
export function wordingFloor(threshold: number): number {
  return Math.max(0, (threshold - (1 - WORDING_SHARE)) / WORDING_SHARE);
}

/** A step's place: lane and stage; for a citizen step also the organisations whose steps it is
 * joined to by a flow, so "tell DVLA" and "tell HMRC" in one citizen lane are different places.
 * Places are numbered: equal numbers, same place. */
function places(ix: JourneyIndex): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(ix.steps, (step, i) => {
    let key = `${step.laneId}\u0001${step.stageId}`;
    if (isCitizenStep(ix, i)) {
      const orgs = new Set<string>();
      for (const k of ix.outFlows[i]!) {
        if (isOrgStep(ix, ix.flowTo[k]!)) orgs.add(ix.owner[ix.flowTo[k]!]!.id);
      }
      for (const k of ix.inFlows[i]!) {
        if (isOrgStep(ix, ix.flowFrom[k]!)) orgs.add(ix.owner[ix.flowFrom[k]!]!.id);
      }
      key += `\u0001${[...orgs].sort().join("\u0001")}`;
    }
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key)!;
  });
}

/** Pairs of positions (a·n + b, a < b) joined by a flow between a citizen step and an
 * organisation step: the citizen asks, the organisation answers. A flow between two steps that
 * do the same act through different channels is no single contact but the act done again
 * ("Verify your identity online", then "ID check at the jobcentre if the online check fails"). */
function contacts(ix: JourneyIndex, heads: readonly number[]): Set<number> {
  const n = ix.steps.length;
  const out = new Set<number>();
  ix.flows.forEach((_f, k) => {
    const a = ix.flowFrom[k]!;
    const b = ix.flowTo[k]!;
    const mixed =
      (isCitizenStep(ix, a) && isOrgStep(ix, b)) || (isOrgStep(ix, a) && isCitizenStep(ix, b));
    if (!mixed) return;
    const ca = ix.steps[a]!.channel;
    const cb = ix.steps[b]!.channel;
    const again =
      heads[a] !== 0 && heads[a] === heads[b] && ca !== null && cb !== null && ca !== cb;
    if (!again) out.add(a < b ? a * n + b : b * n + a);
  });
  return out;
}

/** Whether two steps (positions, a < b) may be suggested as duplicates: they are in different
 * places and are not the two sides of one contact. */
export function mayDuplicate(model: SimilarityModel, a: number, b: number): boolean {
  return model.place[a] !== model.place[b] && !model.contact.has(a * model.vectors.length + b);
}
