/**
 * How alike two steps are, for finding duplicated steps: the evidence a pair carries (the cosine
 * of their wording — normalised terms, action~object pairs and job frames, weighted by a damped
 * TF-IDF —, the data items both ask for, whether they do the same act to the same kind of thing,
 * whether a flow joins them, where and through which channel they happen), weighed by a logistic
 * model learned from hand-labelled journeys (learn.ts, duplicate-weights.ts).
 */
import { CHANNELS } from "../model";
import { isCitizenStep, isOrgStep, type JourneyIndex } from "./context";
import { DUPLICATE_WEIGHTS } from "./duplicate-weights";
import type { StepItem } from "./step-items";
import { stepFeatures } from "./text-features";

/** Weight of the description's words against the label's. */
const DESCRIPTION_WEIGHT = 0.4;
/** How much rarer words weigh more: a damped IDF, 1 + k·ln(N/df). Within one journey the job
 * that is duplicated is, by definition, not rare, so rarity must not dominate. */
const RARITY = 0.25;
/** A word or item used by more steps than this is too common to find candidates by: pairs that
 * share only such words are not looked for (in large journeys only; below this many steps the
 * search is exact). This bounds the work per step, so duplicates stay fast on any journey. */
export const COMMON_FEATURE_STEPS = 100;

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
  /** The classes of thing the step acts on, as bits (see objectBit). */
  objects: number;
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
  /** The steps each step is joined to directly by a flow, either way: one leads to the other. */
  linkedTo: number[][];
  /** Each step's wording features that one other step has too (and no more), sorted. */
  rareWords: Int32Array[];
  /** The step's owner (an index into the journey's actors, −1 for none). Who does a step (the
   * citizen or an organisation) is not part of what makes two steps one job. */
  owner: Int32Array;
  /** The step's stage (an index into the journey's stages, −1 for none) and channel (1 + its
   * index in CHANNELS, 0 for none). */
  stage: Int32Array;
  channel: Uint8Array;
  /** How pair evidence weighs into a duplicate's strength. */
  weights: DuplicateWeights;
}

/** Builds the vectors of every step; `items` are the canonical items per step position. */
export function buildSimilarityModel(
  ix: JourneyIndex,
  items: StepItem[][],
  weights: DuplicateWeights = DUPLICATE_WEIGHTS,
): SimilarityModel {
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
  const objects: number[] = [];
  // Local numbers never exceed the interned ones, so these are sized once.
  const df = new Int32Array(interned.names.length);
  // For each feature, the last step it was seen in and its place in that step's list.
  const seenIn = new Int32Array(interned.names.length).fill(-1);
  const at = new Int32Array(interned.names.length);
  for (let i = 0; i < n; i++) {
    const ids: number[] = [];
    const tf: number[] = [];
    let acts = 0;
    let objs = 0;
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
      objs |= f.objects;
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
    objects.push(objs);
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
    objects: objects[i]!,
  }));
  const actorIndex = new Map(ix.journey.actors.map((a, k) => [a.id, k]));
  const stageIndex = new Map(ix.journey.stages.map((st, k) => [st.id, k]));

  return {
    vectors,
    wording,
    featureNames: order.map((f) => featureNames[f]!),
    documentFrequency: Int32Array.from(order, (f) => df[f]!),
    display: order.map((f) => display[f]!),
    place: places(ix),
    contact: contacts(ix, heads),
    linkedTo: linkLists(ix),
    rareWords: rareFeatures(vectors, df, rank),
    owner: Int32Array.from(ix.owner, (o) => (o ? (actorIndex.get(o.id) ?? -1) : -1)),
    stage: Int32Array.from(ix.steps, (st) => stageIndex.get(st.stageId) ?? -1),
    channel: Uint8Array.from(ix.steps, (st) => (st.channel ? CHANNELS.indexOf(st.channel) + 1 : 0)),
    weights,
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

/** The evidence that two steps are duplicates, read off the pair, in the order of
 * DUPLICATE_WEIGHTS.features: each is a number from 0 to 1. */
export const PAIR_FEATURES = [
  /** Cosine of their wording (terms, action~object pairs and job frames, rarer weigh more). */
  "wording",
  /** Cosine of the data items they ask for (rarer weigh more); 0 unless both ask. */
  "items",
  /** Both ask the citizen for information or evidence. */
  "bothAsk",
  /** Both name the same head action (what they do: tell, prove, apply …). */
  "sameAction",
  /** Both name a head action, and they differ. */
  "otherAction",
  /** What they act on shares a class (identity, address, money, a document …). */
  "sameObject",
  /** Wording cosine when they name the same head action and class of object: the same job. */
  "sameJobWording",
  /** A flow leads straight from one to the other: one piece of work handed on, or a request
   * and its answer. */
  "linked",
  /** One organisation owns both (in different lanes or stages). */
  "sameOrganisation",
  /** Both are in one stage (in different lanes). */
  "sameStage",
  /** Both say their channel, and the channels differ (online and in person …). */
  "otherChannel",
  /** They ask for two or more of the same data items. */
  "severalItems",
  /** They share a word no other step uses. */
  "rareWord",
  /** Their wording cosine, blended with their items' when both ask (four parts to one), and
   * halved when both name what they do and name nothing in common (see jobShare). */
  "blended",
] as const;
export type PairFeature = (typeof PAIR_FEATURES)[number];

/** A logistic model of "these two steps do the same job": strength = σ(bias + Σ wᵢ·xᵢ) over
 * PAIR_FEATURES, learned from hand-labelled journeys (scripts/train-duplicates.ts), and the
 * strengths at which a pair is suggested and at which clusters join. */
export interface DuplicateWeights {
  bias: number;
  features: readonly number[];
  /** A pair at or above this strength is suggested. */
  threshold: number;
  /** Two clusters join when the mean strength of every pair across them is at least this. */
  link: number;
}

/** 1 when two steps may do the same job; 0.5 when both name actions and share none; 0.6 when
 * they share an action but lead with different ones ("Registrar issues the certificate" and
 * "Probate registry checks the application and issues the grant"). */
export function jobShare(a: StepVector, b: StepVector): number {
  if (a.actions === 0 || b.actions === 0) return 1;
  if ((a.actions & b.actions) === 0) return 0.5;
  return a.head === 0 || b.head === 0 || a.head === b.head ? 1 : 0.6;
}

/** How many features two vectors share that at most `maxSteps` steps use. */
function sharedCount(
  a: SparseVector,
  b: SparseVector,
  documentFrequency: Int32Array,
  maxSteps: number,
): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.features.length && j < b.features.length;) {
    const fa = a.features[i]!;
    const fb = b.features[j]!;
    if (fa === fb) {
      if (documentFrequency[fa]! <= maxSteps) n++;
      i++;
      j++;
    } else if (fa < fb) i++;
    else j++;
  }
  return n;
}

/** Writes the evidence of the pair (a, b) into `out`, given the cosine of their wording. */
export function pairFeatures(
  model: SimilarityModel,
  a: number,
  b: number,
  wording: number,
  out: Float64Array,
): Float64Array {
  const va = model.vectors[a]!;
  const vb = model.vectors[b]!;
  const both = va.items.features.length > 0 && vb.items.features.length > 0;
  const sameAction = va.head !== 0 && va.head === vb.head;
  const sameObject = (va.objects & vb.objects) !== 0;
  out[0] = wording;
  out[1] = both ? dot(va.items, vb.items) : 0;
  out[2] = both ? 1 : 0;
  out[3] = sameAction ? 1 : 0;
  out[4] = va.head !== 0 && vb.head !== 0 && !sameAction ? 1 : 0;
  out[5] = sameObject ? 1 : 0;
  out[6] = sameAction && sameObject ? wording : 0;
  out[7] = isLinked(model, a, b) ? 1 : 0;
  out[8] = model.owner[a] !== -1 && model.owner[a] === model.owner[b] ? 1 : 0;
  out[9] = model.stage[a] === model.stage[b] ? 1 : 0;
  const ca = model.channel[a]!;
  const cb = model.channel[b]!;
  out[10] = ca !== 0 && cb !== 0 && ca !== cb ? 1 : 0;
  out[11] = both && sharedCount(va.items, vb.items, model.documentFrequency, Infinity) >= 2 ? 1 : 0;
  out[12] = sharesRareWord(model, a, b) ? 1 : 0;
  out[13] = (both ? 0.8 * wording + 0.2 * out[1]! : wording) * jobShare(va, vb);
  return out;
}

/** The strength of the pair's case as duplicates, 0..1, given the cosine of their wording: the
 * logistic model over the evidence pairFeatures lists, in the same order, worked out directly
 * (this runs for every candidate pair, so it writes no array and looks up no set). */
export function similarityWithWording(
  model: SimilarityModel,
  a: number,
  b: number,
  wording: number,
): number {
  const w = model.weights.features;
  const va = model.vectors[a]!;
  const vb = model.vectors[b]!;
  const both = va.items.features.length > 0 && vb.items.features.length > 0;
  let z = model.weights.bias + w[0]! * wording + placeAndJob(model, a, b, wording);
  let items = 0;
  if (both) {
    items = dot(va.items, vb.items);
    z += w[1]! * items + w[2]!;
    if (sharedCount(va.items, vb.items, model.documentFrequency, Infinity) >= 2) z += w[11]!;
  }
  if (sharesRareWord(model, a, b)) z += w[12]!;
  z += w[13]! * (both ? 0.8 * wording + 0.2 * items : wording) * jobShare(va, vb);
  return 1 / (1 + Math.exp(-z));
}

/** The most the pair's strength can be, given the cosine of their wording: the same model with
 * the evidence that takes a merge to read (the items' cosine, whether two or more items and a
 * rare word are shared) at its most favourable, so a weak pair is passed over before it is read
 * in full. */
export function strongestPossible(
  model: SimilarityModel,
  a: number,
  b: number,
  wording: number,
): number {
  const w = model.weights.features;
  const va = model.vectors[a]!;
  const vb = model.vectors[b]!;
  const both = va.items.features.length > 0 && vb.items.features.length > 0;
  let z = model.weights.bias + w[0]! * wording + placeAndJob(model, a, b, wording);
  if (both) z += Math.max(0, w[1]!) + w[2]! + Math.max(0, w[11]!);
  if (model.rareWords[a]!.length > 0 && model.rareWords[b]!.length > 0) z += Math.max(0, w[12]!);
  // The blend lies between its value with no item in common and with every item in common.
  const share = jobShare(va, vb);
  const low = both ? 0.8 * wording : wording;
  const high = both ? 0.8 * wording + 0.2 : wording;
  z += Math.max(w[13]! * low, w[13]! * high) * share;
  // A hair more, for the rounding of sums taken in another order.
  return 1 / (1 + Math.exp(-z)) + 1e-12;
}

/** The part of a pair's logit read without a merge: the act and the kind of thing each does,
 * a flow between them, and where (organisation, stage, channel) they happen. */
function placeAndJob(model: SimilarityModel, a: number, b: number, wording: number): number {
  const w = model.weights.features;
  const va = model.vectors[a]!;
  const vb = model.vectors[b]!;
  const sameAction = va.head !== 0 && va.head === vb.head;
  const sameObject = (va.objects & vb.objects) !== 0;
  let z = 0;
  if (sameAction) z += w[3]!;
  else if (va.head !== 0 && vb.head !== 0) z += w[4]!;
  if (sameObject) z += w[5]!;
  if (sameAction && sameObject) z += w[6]! * wording;
  if (isLinked(model, a, b)) z += w[7]!;
  if (model.owner[a] !== -1 && model.owner[a] === model.owner[b]) z += w[8]!;
  if (model.stage[a] === model.stage[b]) z += w[9]!;
  const ca = model.channel[a]!;
  const cb = model.channel[b]!;
  if (ca !== 0 && cb !== 0 && ca !== cb) z += w[10]!;
  return z;
}

/** Whether a flow joins the two steps directly, either way. */
const isLinked = (model: SimilarityModel, a: number, b: number): boolean =>
  model.linkedTo[a]!.includes(b);

/** Whether the two steps share a wording feature no other step has. */
function sharesRareWord(model: SimilarityModel, a: number, b: number): boolean {
  const x = model.rareWords[a]!;
  const y = model.rareWords[b]!;
  if (x.length === 0 || y.length === 0) return false;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) return true;
    if (x[i]! < y[j]!) i++;
    else j++;
  }
  return false;
}

/** How alike two steps are as duplicates, 0..1: the learned model over their pair evidence. */
export function similarity(model: SimilarityModel, a: number, b: number): number {
  return similarityWithWording(model, a, b, dot(model.vectors[a]!.words, model.vectors[b]!.words));
}

/** A bound on a pair's logit: `otherwise + slope × wording cosine`, with `items` more when the
 * two share a data item and `linked` more when a flow joins them, every other piece of evidence
 * at its most favourable. */
export function strengthBound(weights: DuplicateWeights): {
  slope: number;
  otherwise: number;
  items: number;
  linked: number;
} {
  const w = (f: PairFeature) => weights.features[PAIR_FEATURES.indexOf(f)]!;
  const positive = (f: PairFeature) => Math.max(0, w(f));
  const apart = ["wording", "sameJobWording", "blended", "items", "severalItems", "linked"];
  return {
    slope: Math.max(0, w("wording")) + positive("sameJobWording") + positive("blended"),
    otherwise:
      weights.bias +
      PAIR_FEATURES.filter((f) => !apart.includes(f))
        .map(positive)
        .reduce((x, y) => x + y, 0),
    // Shared items add their own weights, and lift "blended" by at most a fifth.
    items: positive("items") + positive("severalItems") + 0.2 * positive("blended"),
    linked: positive("linked"),
  };
}

/** The least wording cosine a pair that shares no data item and is not joined by a flow needs
 * to reach `threshold`, with every other piece of evidence at its most favourable (0 when any
 * cosine could). */
export function wordingFloor(weights: DuplicateWeights, threshold = weights.threshold): number {
  const { slope, otherwise } = strengthBound(weights);
  const target = Math.log(threshold / (1 - threshold));
  if (slope <= 0) return otherwise >= target ? 0 : Infinity;
  return Math.max(0, (target - otherwise) / slope);
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

/** Each step's wording features used by exactly two steps, sorted by rank. */
function rareFeatures(
  vectors: readonly StepVector[],
  df: Int32Array,
  rank: Int32Array,
): Int32Array[] {
  const byRank = new Int32Array(rank.length);
  rank.forEach((r, f) => (byRank[r] = f));
  const none = new Int32Array(0);
  return vectors.map(({ words }) => {
    let count = 0;
    for (let k = 0; k < words.features.length; k++)
      if (df[byRank[words.features[k]!]!] === 2) count++;
    if (count === 0) return none;
    const out = new Int32Array(count);
    count = 0;
    for (let k = 0; k < words.features.length; k++) {
      if (df[byRank[words.features[k]!]!] === 2) out[count++] = words.features[k]!;
    }
    return out;
  });
}

function linkLists(ix: JourneyIndex): number[][] {
  return ix.steps.map((_s, i) => [
    ...ix.outFlows[i]!.map((k) => ix.flowTo[k]!),
    ...ix.inFlows[i]!.map((k) => ix.flowFrom[k]!),
  ]);
}

/** Whether two steps (positions, a < b) may be suggested as duplicates: they are in different
 * places and are not the two sides of one contact. */
export function mayDuplicate(model: SimilarityModel, a: number, b: number): boolean {
  return model.place[a] !== model.place[b] && !model.contact.has(a * model.vectors.length + b);
}
