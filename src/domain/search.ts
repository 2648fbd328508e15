/**
 * Finding steps and journeys by what people type, read the way the analysis reads wording: case
 * and punctuation folded, words stemmed, abbreviations expanded and the vocabulary's other names
 * for a data item understood ("NINO" finds "National Insurance number", "dob" finds "Date of
 * birth"). Plain substrings keep working ("pass" finds "passport").
 */
import type { CustomDataItem } from "./model";
import { foldText, termOccurrences } from "./text";
import { dataItemTypedAs, extractDataItems } from "./vocabulary";

/** A query ready to test texts against; see compileSearch. */
export type SearchMatcher = (texts: readonly string[]) => boolean;

/**
 * Prepares a query. The texts of one thing (a step's label, description and data items; a
 * journey's title and scenario) match when, taken together:
 * - every word of the query appears in them, folded for case and punctuation; or
 * - every meaningful term of the query is among their terms, as the analysis sees terms (the
 *   last term may be unfinished: "national insur" finds "NI number"); or
 * - the query names a data item of the vocabulary and the texts name the same item ("bank
 *   details" finds "sort code").
 * Returns null for a query with nothing to find.
 */
export function compileSearch(
  query: string,
  custom?: readonly CustomDataItem[],
): SearchMatcher | null {
  const folded = foldText(query);
  const raw = query.trim().toLowerCase();
  if (folded === "" && raw === "") return null;
  const words = folded.split(" ").filter(Boolean);
  const rawWords = raw.split(/\s+/).filter(Boolean);
  const terms = termOccurrences(query).map((t) => t.term);
  const item = dataItemTypedAs(query, custom);

  return (texts) => {
    const joinedRaw = texts.join(" ").toLowerCase();
    if (rawWords.length > 0 && rawWords.every((w) => joinedRaw.includes(w))) return true;
    const joined = texts.map(foldText).join(" ");
    if (words.length > 0 && words.every((w) => joined.includes(w))) return true;
    if (terms.length > 0) {
      const have = new Set<string>();
      for (const text of texts) for (const t of termOccurrences(text)) have.add(t.term);
      const last = terms.length - 1;
      const found = terms.every(
        (t, i) => have.has(t) || (i === last && [...have].some((h) => h.startsWith(t))),
      );
      if (found) return true;
    }
    if (item) {
      return texts.some((text) =>
        extractDataItems(text, custom).some((c) => c.known && c.id === item.id),
      );
    }
    return false;
  };
}

/** Whether the texts of one thing match the query (see compileSearch); an empty query matches
 * everything. */
export function matchesSearch(
  query: string,
  texts: readonly string[],
  custom?: readonly CustomDataItem[],
): boolean {
  const matcher = compileSearch(query, custom);
  return matcher === null || matcher(texts);
}
