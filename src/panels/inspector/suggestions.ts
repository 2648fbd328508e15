/** Autocomplete sources for the inspector's chip editors. */
import { dataItemTypedAs, suggestDataItems } from "../../domain/vocabulary";
import type { CustomDataItem, Step } from "../../domain/model";
import type { ChipSuggestion } from "../../ui/ChipInput";

const LIMIT = 8;

/** Data items (and evidence documents) from the vocabulary and the journey's own items. The
 * item the text clearly stands for ("NINO" → National Insurance number) comes first and is
 * preferred: Enter adds it under its own name, so one item is written one way everywhere. */
export function dataItemSuggestions(query: string, custom: CustomDataItem[]): ChipSuggestion[] {
  const typedAs = dataItemTypedAs(query, custom);
  const items = suggestDataItems(query, custom, LIMIT);
  const ordered = typedAs ? [typedAs, ...items.filter((i) => i.id !== typedAs.id)].slice(0, LIMIT) : items;
  return ordered.map((item) => ({
    id: item.id,
    label: item.label,
    detail: item.synonyms.length > 0 ? item.synonyms.slice(0, 3).join(", ") : undefined,
    preferred: item.id === typedAs?.id,
  }));
}

/** Tags already used elsewhere in the journey that contain the text typed. */
export function tagSuggestions(steps: readonly Step[], query: string): ChipSuggestion[] {
  const q = query.trim().toLowerCase();
  if (q === "") return [];
  const tags = new Set<string>();
  for (const step of steps) for (const tag of step.tags) tags.add(tag);
  return [...tags]
    .filter((tag) => tag.toLowerCase().includes(q))
    .sort((a, b) => a.localeCompare(b))
    .slice(0, LIMIT)
    .map((tag) => ({ id: `tag:${tag}`, label: tag }));
}
