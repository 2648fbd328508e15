/**
 * Repeated information (DESIGN §3): for each data item, every step that asks the citizen for it.
 */
import { lanesInDisplayOrder, stepsByCell } from "../layout";
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
  /** The step that asks for it first, reading the blueprint as a journey: the earliest stage,
   * then left to right within the stage, then top to bottom. Every other step asks again. */
  firstStepId: StepId;
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
  const rank = journeyReadingRank(journey);
  const earlier = (a: StepId, b: StepId) => (rank.get(a) ?? Infinity) < (rank.get(b) ?? Infinity);
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
          firstStepId: step.id,
          actorIds: [],
          organisationIds: [],
          asks: [],
          first: i,
        };
        byId.set(item.id, entry);
      }
      entry.count++;
      entry.stepIds.push(step.id);
      if (earlier(step.id, entry.firstStepId)) entry.firstStepId = step.id;
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

/** Each step's place when the blueprint is read as a journey: stage by stage, and within a
 * stage column by column (a cell's first card, then its second …), top lane first. Steps whose
 * lane or stage is missing have no place. */
export function journeyReadingRank(journey: Journey): Map<StepId, number> {
  const stage = new Map(journey.stages.map((s, i) => [s.id, i]));
  const lane = new Map(lanesInDisplayOrder(journey.lanes).map((l, i) => [l.id, i]));
  const placed: { id: StepId; key: [number, number, number] }[] = [];
  for (const cell of stepsByCell(journey.steps).values()) {
    cell.forEach((step, index) => {
      const s = stage.get(step.stageId);
      const l = lane.get(step.laneId);
      if (s !== undefined && l !== undefined) placed.push({ id: step.id, key: [s, index, l] });
    });
  }
  placed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  return new Map(placed.map((p, i) => [p.id, i]));
}
