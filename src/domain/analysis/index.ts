/**
 * Everything Seams finds in one journey (DESIGN §3), computed together so the shared work
 * (the index of steps and flows, each step's canonical data items) is done once.
 */
import { restsOnAssumption } from "../evidence";
import type { Journey, StepId } from "../model";
import { journeyCosts, type JourneyCosts } from "./costs";
import { indexJourney } from "./context";
import { findDuplicateClusters, type DuplicateCluster } from "./duplicates";
import { findHandoffs, type Handoff } from "./handoffs";
import { scorecard, type Scorecard } from "./metrics";
import { repeatedInformation, type RepeatedItem } from "./repeated";
import { journeyStepItems } from "./step-items";

export interface JourneyAnalysis {
  handoffs: Handoff[];
  /** Every data item asked for, with `repeated` set where more than one step asks. */
  repeated: RepeatedItem[];
  duplicates: DuplicateCluster[];
  scorecard: Scorecard;
  /** What the journey costs each organisation, from the measures on its steps. */
  costs: JourneyCosts;
  /** Steps whose findings rest on assumption only (marked assumed, or no sources). */
  assumptionOnly: StepId[];
}

/** The seams of a journey: its handoffs, the information asked more than once, the steps that
 * duplicate each other, the scorecard that counts them, what it costs each organisation, and
 * which findings rest on assumption only. */
export function analyseJourney(journey: Journey): JourneyAnalysis {
  const index = indexJourney(journey);
  const items = journeyStepItems(journey);
  const handoffs = findHandoffs(journey, index);
  const repeated = repeatedInformation(journey, index, items);
  const duplicates = findDuplicateClusters(journey, index, items);
  return {
    handoffs,
    repeated,
    duplicates,
    scorecard: scorecard(journey, { index, handoffs, duplicates, repeated }),
    costs: journeyCosts(journey, index, handoffs),
    assumptionOnly: journey.steps.filter(restsOnAssumption).map((s) => s.id),
  };
}
