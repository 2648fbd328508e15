/**
 * A journey indexed for analysis: steps by position, each step's owner (its lane's actor), and
 * the flows in and out of each step. Built once per analysis and shared by every finding.
 */
import type { Actor, Flow, Journey, Lane, Step, StepId } from "../model";

export interface JourneyIndex {
  journey: Journey;
  steps: readonly Step[];
  /** Position of each step in `journey.steps`. */
  position: ReadonlyMap<StepId, number>;
  /** The lane of each step (by position), if its lane exists. */
  lane: readonly (Lane | undefined)[];
  /** The owner of each step (by position): its lane's actor, if both exist. */
  owner: readonly (Actor | undefined)[];
  /** Flows whose two ends are steps of the journey, in journey order. */
  flows: readonly Flow[];
  flowFrom: Int32Array;
  flowTo: Int32Array;
  /** Flow numbers (into `flows`) leaving and entering each step, in journey order. */
  outFlows: readonly number[][];
  inFlows: readonly number[][];
}

/** Indexes a journey for the analysis functions. Flows that point at missing steps are ignored. */
export function indexJourney(journey: Journey): JourneyIndex {
  const steps = journey.steps;
  const position = new Map<StepId, number>();
  steps.forEach((s, i) => {
    if (!position.has(s.id)) position.set(s.id, i);
  });
  const lanes = new Map(journey.lanes.map((l) => [l.id, l]));
  const actors = new Map(journey.actors.map((a) => [a.id, a]));
  const lane = steps.map((s) => lanes.get(s.laneId));
  const owner = lane.map((l) => (l ? actors.get(l.actorId) : undefined));
  const flows = journey.flows.filter((f) => position.has(f.from) && position.has(f.to));
  const flowFrom = new Int32Array(flows.length);
  const flowTo = new Int32Array(flows.length);
  const outFlows: number[][] = steps.map(() => []);
  const inFlows: number[][] = steps.map(() => []);
  flows.forEach((f, k) => {
    const from = position.get(f.from)!;
    const to = position.get(f.to)!;
    flowFrom[k] = from;
    flowTo[k] = to;
    outFlows[from]!.push(k);
    inFlows[to]!.push(k);
  });
  return { journey, steps, position, lane, owner, flows, flowFrom, flowTo, outFlows, inFlows };
}

/** Whether the step at a position is owned by an organisation. */
export const isOrgStep = (ix: JourneyIndex, i: number): boolean =>
  ix.owner[i]?.type === "organisation";

/** Whether the step at a position is owned by the citizen (or their representative). */
export const isCitizenStep = (ix: JourneyIndex, i: number): boolean =>
  ix.owner[i]?.type === "citizen";
