/**
 * The features of steps' texts for the duplicate search: each label and description read into
 * terms (concepts weigh more), action~object pairs and a job frame, as numbers interned for the
 * session and cached by text, so an edit re-reads only the text that changed.
 */
import { UK_ORGANISATIONS } from "../organisations";
import {
  actionBit,
  isAction,
  isConcept,
  jobFrame,
  objectBit,
  termLabel,
  termOccurrences,
  type TermOccurrence,
} from "../text";
import { BROADER_ITEMS } from "../vocabulary";
import { isOrgStep, type JourneyIndex } from "./context";
import type { StepItem } from "./step-items";

/** Words we know the meaning of (synonym concepts) carry the job more than other words. */
const CONCEPT_WEIGHT = 1.5;
/** Weight of a step's head action as a feature of its own ("^verify"): what the step does. */
const FRAME_ACTION_WEIGHT = 1.5;
/** Weight of its job frame, head action × class of object ("^verify~identity"): the job. */
const FRAME_WEIGHT = 2;

/** Words that name organisations (one-word short names such as "HMRC" or "Post Office"): they
 * say where a step happens, not what job it does. */
function placeTerms(ix: JourneyIndex): Set<string> {
  const names = [
    ...ix.journey.actors
      .filter((a) => a.type === "organisation")
      .flatMap((a) => [a.shortName, a.name]),
    ...UK_ORGANISATIONS.flatMap((o) => [o.shortName, o.name]),
  ];
  const out = new Set<string>();
  for (const name of names) {
    const terms = termOccurrences(name);
    // A name that reads as something done ("One Login" is signing in) still says what a step
    // does when it appears in other steps' words: it is no place word.
    if (terms.length === 1 && !isAction(terms[0]!.term)) out.add(terms[0]!.term);
  }
  return out;
}

/** Every feature name seen (terms, action~object pairs, "#" + item id) gets one number for the
 * session, so cached texts carry numbers, not strings. Reset with the caches when it grows. */
const interned = { ids: new Map<string, number>(), names: [] as string[], display: [] as string[] };

function intern(name: string, display: string): number {
  let id = interned.ids.get(name);
  if (id === undefined) {
    id = interned.names.length;
    interned.ids.set(name, id);
    interned.names.push(name);
    interned.display.push(display);
  }
  return id;
}

const internedItems = new Map<string, number>();
function internItem(id: string, label: string): number {
  let n = internedItems.get(id);
  if (n === undefined) internedItems.set(id, (n = intern(`#${id}`, label)));
  return n;
}

/** The features of one text: its terms (concepts weigh more), its action~object pairs
 * ("notify~address": what is done to what) and its job frame ("^notify", "^notify~address"),
 * as interned numbers. Actions are read as the organisation's when an organisation does them. */
export interface TextFeatures {
  ids: number[];
  weights: number[];
  actions: number;
  head: number;
  /** The classes of thing the text acts on, as bits (see objectBit). */
  objects: number;
}

/** Features by text, for each set of place words (usually one per journey). */
interface FeatureCache {
  /** Texts as read on steps of the citizen and other actors, and on organisations' steps. */
  others: Map<string, TextFeatures>;
  organisation: Map<string, TextFeatures>;
}
const featureCache = new Map<string, FeatureCache>();

function textFeatures(
  text: string,
  organisation: boolean,
  skip: Set<string>,
  caches: FeatureCache,
) {
  const cache = organisation ? caches.organisation : caches.others;
  const cached = cache.get(text);
  if (cached) return cached;
  const terms: TermOccurrence[] = termOccurrences(text).filter((t) => !skip.has(t.term));
  const out: TextFeatures = { ids: [], weights: [], actions: 0, head: 0, objects: 0 };
  for (const { term, word } of terms) {
    out.ids.push(intern(term, word));
    out.weights.push(isConcept(term) ? CONCEPT_WEIGHT : 1);
    out.actions |= actionBit(term);
  }
  for (const a of terms) {
    if (!isAction(a.term)) continue;
    for (const o of terms) {
      if (isAction(o.term)) continue;
      out.ids.push(intern(`${a.term}~${o.term}`, `${termLabel(a.term, a.word)} ${o.word}`));
      out.weights.push(1);
    }
  }
  const frame = jobFrame(terms);
  for (const o of frame.objects) out.objects |= objectBit(o);
  if (frame.head !== null) {
    const label = termLabel(frame.head);
    out.head = actionBit(frame.head);
    out.ids.push(intern(`^${frame.head}`, label));
    out.weights.push(FRAME_ACTION_WEIGHT);
    // Claiming money is one burden on the citizen whichever scheme pays it; an organisation
    // deciding on its own scheme does its own job, so "money" is no common frame there.
    for (const o of frame.objects) {
      if (organisation && o === "money") continue;
      out.ids.push(intern(`^${frame.head}~${o}`, `${label} ${o}`));
      out.weights.push(FRAME_WEIGHT);
    }
  }
  cache.set(text, out);
  return out;
}

/** Every step's label and description features (null for an empty text) and its data items,
 * as interned numbers, with the interned names and display words they index. */
export function stepFeatures(
  ix: JourneyIndex,
  items: StepItem[][],
): {
  texts: [TextFeatures | null, TextFeatures | null][];
  items: number[][];
  interned: { readonly names: readonly string[]; readonly display: readonly string[] };
} {
  const skip = placeTerms(ix);
  const skipName = [...skip].sort().join(" ");
  if (interned.names.length > 500_000) {
    interned.ids.clear();
    interned.names.length = 0;
    interned.display.length = 0;
    internedItems.clear();
    featureCache.clear();
  }
  if (!featureCache.has(skipName)) {
    if (featureCache.size > 20) featureCache.clear();
    featureCache.set(skipName, { others: new Map(), organisation: new Map() });
  }
  const cache = featureCache.get(skipName)!;
  if (cache.others.size + cache.organisation.size > 50_000) {
    cache.others.clear();
    cache.organisation.clear();
  }
  const texts = ix.steps.map((step, i): [TextFeatures | null, TextFeatures | null] => {
    const org = isOrgStep(ix, i);
    return [
      step.label === "" ? null : textFeatures(step.label, org, skip, cache),
      step.description === "" ? null : textFeatures(step.description, org, skip, cache),
    ];
  });
  return {
    texts,
    items: items.map((list) => {
      const ids = list.map(({ item }) => internItem(item.id, item.label));
      // A kind of a broader item counts as that item too: a passport is proof of identity.
      for (const { item } of list) {
        const broader = BROADER_ITEMS[item.id];
        if (broader && !list.some((x) => x.item.id === broader.id)) {
          const id = internItem(broader.id, broader.label);
          if (!ids.includes(id)) ids.push(id);
        }
      }
      return ids;
    }),
    interned,
  };
}
