/**
 * The information each step asks of the citizen, resolved to vocabulary items: the step's data
 * items and its evidence documents, as written, each mapped to one or more canonical items.
 */
import type { Journey, Step } from "../model";
import { extractDataItems, type CanonicalDataItem } from "../vocabulary";

/** One canonical item a step asks for, with the words the step used for it. */
export interface StepItem {
  item: CanonicalDataItem;
  wording: string[];
}

/** The canonical items one step asks for (data items and evidence together), each once. */
export function stepDataItems(step: Step, custom: Journey["customDataItems"] = []): StepItem[] {
  const byId = new Map<string, StepItem>();
  for (const text of [...step.dataItems, ...step.evidence]) {
    if (text.trim() === "") continue;
    for (const item of extractDataItems(text, custom)) {
      const entry = byId.get(item.id);
      if (entry) {
        if (!entry.wording.includes(text)) entry.wording.push(text);
      } else byId.set(item.id, { item, wording: [text] });
    }
  }
  return [...byId.values()];
}

/** The canonical items of every step, by position in `journey.steps`. */
export function journeyStepItems(journey: Journey): StepItem[][] {
  return journey.steps.map((s) => stepDataItems(s, journey.customDataItems));
}
