/**
 * The scorecard (DESIGN §3 Metrics): the numbers a service designer quotes about a journey.
 */
import type { ActorId, Journey, StepId } from "../model";
import { indexJourney, type JourneyIndex } from "./context";
import { findDuplicateClusters, type DuplicateCluster } from "./duplicates";
import { findHandoffs, type Handoff } from "./handoffs";
import { deadEndSteps, pathMeasures, reachableSteps, unreachableSteps, type Range } from "./paths";
import { repeatedInformation, type RepeatedItem } from "./repeated";
import { journeyStepItems } from "./step-items";

export type { Range } from "./paths";

export interface Scorecard {
  steps: number;
  /** Steps owned by the citizen (or their representative). */
  citizenActions: number;
  /** Organisations that own at least one step. */
  organisations: number;
  organisationIds: ActorId[];
  handoffs: { direct: number; citizenCarried: number; internal: number; total: number };
  /** Suggested duplicate clusters the user has not dismissed. */
  duplicateClusters: number;
  /** Data items asked for by more than one step. */
  repeatedItems: number;
  /** Ranges over the start-to-end paths (see pathMeasures); null when no path exists. */
  channelSwitches: Range | null;
  contactsStarted: Range | null;
  /** In-person visits along the path: in-person steps, those joined by a flow counting once. */
  inPersonVisits: Range | null;
  activeMinutes: Range | null;
  elapsedMinutes: Range | null;
  deadEnds: StepId[];
  unreachable: StepId[];
}

/** Findings already computed for the journey, so the scorecard does not compute them again. */
export interface ScorecardInputs {
  index?: JourneyIndex;
  handoffs?: readonly Handoff[];
  duplicates?: readonly DuplicateCluster[];
  repeated?: readonly RepeatedItem[];
}

/** The journey's scorecard: how many steps, citizen actions and organisations; handoffs by kind;
 * duplicate clusters and repeated items; and what a path from start to end costs the citizen
 * (time, channel switches, contacts they start) from the shortest path to the longest, with the
 * dead ends and unreachable steps that break the paths. */
export function scorecard(journey: Journey, inputs: ScorecardInputs = {}): Scorecard {
  const ix = inputs.index ?? indexJourney(journey);
  const needItems = !inputs.duplicates || !inputs.repeated;
  const items = needItems ? journeyStepItems(journey) : [];
  const handoffs = inputs.handoffs ?? findHandoffs(journey, ix);
  const duplicates = inputs.duplicates ?? findDuplicateClusters(journey, ix, items);
  const repeated = inputs.repeated ?? repeatedInformation(journey, ix, items);

  const organisationIds: ActorId[] = [];
  let citizenActions = 0;
  for (const owner of ix.owner) {
    if (owner?.type === "citizen") citizenActions++;
    else if (owner?.type === "organisation" && !organisationIds.includes(owner.id)) {
      organisationIds.push(owner.id);
    }
  }
  const byKind = (kind: Handoff["kind"]) => handoffs.filter((h) => h.kind === kind).length;
  const reachable = reachableSteps(ix);
  const paths = pathMeasures(ix, reachable);
  return {
    steps: journey.steps.length,
    citizenActions,
    organisations: organisationIds.length,
    organisationIds,
    handoffs: {
      direct: byKind("direct"),
      citizenCarried: byKind("citizen-carried"),
      internal: byKind("internal"),
      total: handoffs.length,
    },
    duplicateClusters: duplicates.filter((d) => d.decision !== "dismissed").length,
    repeatedItems: repeated.filter((r) => r.repeated).length,
    channelSwitches: paths?.channelSwitches ?? null,
    contactsStarted: paths?.contactsStarted ?? null,
    inPersonVisits: paths?.inPersonVisits ?? null,
    activeMinutes: paths?.activeMinutes ?? null,
    elapsedMinutes: paths?.elapsedMinutes ?? null,
    deadEnds: deadEndSteps(ix),
    unreachable: unreachableSteps(ix, reachable),
  };
}
