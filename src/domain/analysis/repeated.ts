/**
 * Repeated information (DESIGN §3): for each data item, every step that asks the citizen for it.
 */
import type { ActorId, Journey, StepId } from "../model";
import { indexJourney, type JourneyIndex } from "./context";
import { journeyStepItems, type StepItem } from "./step-items";

/** One step asking for an item: who asks (the step's lane actor) and the words used. */
export interface DataItemAsk {
  stepId: StepId;
  actorId: ActorId | null;
  wording: string[];
}

export interface RepeatedItem {
  /** Canonical vocabulary id, a custom item's id, or an id made from unknown wording. */
  itemId: string;
  label: string;
  /** Whether the item is in the vocabulary (built-in or the journey's own). */
  known: boolean;
  /** How many steps ask for it. */
  count: number;
  /** Asked by more than one step. */
  repeated: boolean;
  stepIds: StepId[];
  /** Distinct actors asking, in step order: organisations, and the citizen where a
   * citizen-lane step asks (a form the citizen fills in is attributed to its own lane). */
  actorIds: ActorId[];
  /** Distinct organisations among `actorIds`. */
  organisationIds: ActorId[];
  asks: DataItemAsk[];
}

/** The "tell us once" table: each piece of information the journey asks for, every step that
 * asks for it and which organisations ask; an item asked by more than one step is repeated.
 * A step is attributed to its own lane's actor. Sorted by how often the item is asked. */
export function repeatedInformation(
  journey: Journey,
  ix: JourneyIndex = indexJourney(journey),
  items: StepItem[][] = journeyStepItems(journey),
): RepeatedItem[] {
  const byId = new Map<string, RepeatedItem & { first: number }>();
  items.forEach((stepItems, i) => {
    const step = ix.steps[i]!;
    const owner = ix.owner[i];
    for (const { item, wording } of stepItems) {
      let entry = byId.get(item.id);
      if (!entry) {
        entry = {
          itemId: item.id,
          label: item.label,
          known: item.known,
          count: 0,
          repeated: false,
          stepIds: [],
          actorIds: [],
          organisationIds: [],
          asks: [],
          first: i,
        };
        byId.set(item.id, entry);
      }
      entry.count++;
      entry.stepIds.push(step.id);
      entry.asks.push({ stepId: step.id, actorId: owner?.id ?? null, wording });
      if (owner && !entry.actorIds.includes(owner.id)) {
        entry.actorIds.push(owner.id);
        if (owner.type === "organisation") entry.organisationIds.push(owner.id);
      }
    }
  });
  return [...byId.values()]
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.organisationIds.length - a.organisationIds.length ||
        a.first - b.first,
    )
    .map(({ first: _first, ...item }) => ({ ...item, repeated: item.count > 1 }));
}
