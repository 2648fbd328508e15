/**
 * What the journey costs each organisation along the chain, from the measures on its steps
 * (volume a year, cost to serve per transaction, staff handling time), and what a redesign
 * saves or adds for each of them. An organisation's figures are the sum over the steps in its
 * lanes; the citizen's side (time, visits, handoffs) is in the scorecard.
 */
import type { Actor, ActorId, Journey, StepId } from "../model";
import { foldText } from "../text";
import { indexJourney, type JourneyIndex } from "./context";
import { findHandoffs, type Handoff } from "./handoffs";

/** One organisation's share of the journey's cost. */
export interface OrganisationCost {
  actorId: ActorId;
  name: string;
  shortName: string;
  /** Steps in the organisation's lanes. */
  steps: number;
  /** Σ volume a year × cost per transaction, over its steps that have both. */
  yearlyCostGbp: number;
  /** Σ volume a year × staff minutes per transaction, in hours, over steps that have both. */
  yearlyStaffHours: number;
  /** Σ cost per transaction over its steps: what one citizen's journey costs it. */
  costPerJourneyGbp: number;
  /** Σ staff minutes per transaction: the staff time one citizen's journey takes. */
  staffMinutesPerJourney: number;
  /** Σ volume a year over its steps (the transactions it handles). */
  transactionsPerYear: number;
  /** Steps with a cost or staff time but no volume: left out of the yearly figures. */
  uncountedSteps: StepId[];
  /** Handoffs that leave and reach this organisation (direct and citizen-carried). */
  handoffsOut: number;
  handoffsIn: number;
  /** At least one step carries a cost or staff time. */
  measured: boolean;
}

export interface JourneyCosts {
  /** Every organisation that owns a step, in the order of the journey's actors. */
  organisations: OrganisationCost[];
  /** Sums over every organisation. */
  total: {
    yearlyCostGbp: number;
    yearlyStaffHours: number;
    costPerJourneyGbp: number;
    staffMinutesPerJourney: number;
  };
  /** Steps of the citizen that carry a cost or staff time: not counted for any organisation. */
  citizenStepsWithCost: StepId[];
}

/** Keeps sums of money and hours free of floating-point dust (0.1 + 0.2). */
function round(value: number, places = 6): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

function emptyCost(actor: Actor): OrganisationCost {
  return {
    actorId: actor.id,
    name: actor.name,
    shortName: actor.shortName,
    steps: 0,
    yearlyCostGbp: 0,
    yearlyStaffHours: 0,
    costPerJourneyGbp: 0,
    staffMinutesPerJourney: 0,
    transactionsPerYear: 0,
    uncountedSteps: [],
    handoffsOut: 0,
    handoffsIn: 0,
    measured: false,
  };
}

/**
 * What the journey costs each organisation: a year (volume × cost per transaction, volume ×
 * staff time) and per citizen journey (the sums per transaction), with the handoffs leaving and
 * reaching it. A step whose volume is unknown adds to the per-journey figures but not to the
 * yearly ones, and is listed in `uncountedSteps`. Costs on citizen steps belong to no
 * organisation and are listed apart.
 */
export function journeyCosts(
  journey: Journey,
  ix: JourneyIndex = indexJourney(journey),
  handoffs: readonly Handoff[] = findHandoffs(journey, ix),
): JourneyCosts {
  const byActor = new Map<ActorId, OrganisationCost>();
  const citizenStepsWithCost: StepId[] = [];
  ix.steps.forEach((step, i) => {
    const owner = ix.owner[i];
    if (!owner) return;
    const { volumePerYear: volume, costPerTransactionGbp: cost } = step.metrics;
    const staff = step.metrics.staffMinutesPerTransaction;
    if (owner.type !== "organisation") {
      if (cost !== null || staff !== null) citizenStepsWithCost.push(step.id);
      return;
    }
    let row = byActor.get(owner.id);
    if (!row) {
      row = emptyCost(owner);
      byActor.set(owner.id, row);
    }
    row.steps++;
    if (volume !== null) row.transactionsPerYear += volume;
    if (cost !== null || staff !== null) {
      row.measured = true;
      if (volume === null) row.uncountedSteps.push(step.id);
    }
    if (cost !== null) {
      row.costPerJourneyGbp += cost;
      if (volume !== null) row.yearlyCostGbp += volume * cost;
    }
    if (staff !== null) {
      row.staffMinutesPerJourney += staff;
      if (volume !== null) row.yearlyStaffHours += (volume * staff) / 60;
    }
  });
  for (const h of handoffs) {
    if (h.kind === "internal") continue;
    const from = byActor.get(h.fromActorId);
    const to = byActor.get(h.toActorId);
    if (from) from.handoffsOut++;
    if (to) to.handoffsIn++;
  }
  const order = new Map(journey.actors.map((a, i) => [a.id, i]));
  const organisations = [...byActor.values()]
    .map((row) => ({
      ...row,
      yearlyCostGbp: round(row.yearlyCostGbp),
      yearlyStaffHours: round(row.yearlyStaffHours),
      costPerJourneyGbp: round(row.costPerJourneyGbp),
      staffMinutesPerJourney: round(row.staffMinutesPerJourney),
    }))
    .sort((a, b) => (order.get(a.actorId) ?? 0) - (order.get(b.actorId) ?? 0));
  const sum = (f: (row: OrganisationCost) => number) =>
    round(organisations.reduce((total, row) => total + f(row), 0));
  return {
    organisations,
    total: {
      yearlyCostGbp: sum((r) => r.yearlyCostGbp),
      yearlyStaffHours: sum((r) => r.yearlyStaffHours),
      costPerJourneyGbp: sum((r) => r.costPerJourneyGbp),
      staffMinutesPerJourney: sum((r) => r.staffMinutesPerJourney),
    },
    citizenStepsWithCost,
  };
}

/** One organisation's figures before (as-is) and after (to-be) a redesign. */
export interface OrganisationSaving {
  /** The organisation's name, as the to-be journey gives it when both have it. */
  name: string;
  shortName: string;
  /** Its figures in each journey; null when it has no step there. */
  a: OrganisationCost | null;
  b: OrganisationCost | null;
  /** As-is minus to-be: positive when the redesign saves it money or time, negative when it
   * pays more. */
  yearlySavingGbp: number;
  yearlyStaffHoursSaved: number;
  savingPerJourneyGbp: number;
}

export interface CostComparison {
  organisations: OrganisationSaving[];
  total: { yearlySavingGbp: number; yearlyStaffHoursSaved: number; savingPerJourneyGbp: number };
  /** Organisations that pay more after the redesign, and those that save. */
  payMore: string[];
  gain: string[];
}

/** How an organisation is recognised in another journey that does not share its actor id. */
const nameKey = (row: OrganisationCost) => foldText(row.name);

/**
 * The counted saving per organisation between an as-is and a to-be journey: organisations are
 * matched by actor id, then by name; one found in only one journey is compared with nothing
 * (all of its cost is added or saved). Rows follow the as-is order, then organisations new in
 * the to-be.
 */
export function compareCosts(a: JourneyCosts, b: JourneyCosts): CostComparison {
  const pairs: [OrganisationCost | null, OrganisationCost | null][] = [];
  const usedB = new Set<OrganisationCost>();
  const bById = new Map(b.organisations.map((row) => [row.actorId, row]));
  const pending: OrganisationCost[] = [];
  for (const row of a.organisations) {
    const same = bById.get(row.actorId);
    if (same && !usedB.has(same)) {
      usedB.add(same);
      pairs.push([row, same]);
    } else pending.push(row);
  }
  for (const row of pending) {
    const same = b.organisations.find((x) => !usedB.has(x) && nameKey(x) === nameKey(row));
    if (same) usedB.add(same);
    pairs.push([row, same ?? null]);
  }
  for (const row of b.organisations) if (!usedB.has(row)) pairs.push([null, row]);
  // Keep the as-is order for matched rows.
  const position = new Map(a.organisations.map((row, i) => [row, i]));
  pairs.sort(
    (x, y) => (x[0] ? position.get(x[0])! : Infinity) - (y[0] ? position.get(y[0])! : Infinity),
  );

  const organisations = pairs.map(([ra, rb]): OrganisationSaving => {
    const named = rb ?? ra!;
    return {
      name: named.name,
      shortName: named.shortName,
      a: ra,
      b: rb,
      yearlySavingGbp: round((ra?.yearlyCostGbp ?? 0) - (rb?.yearlyCostGbp ?? 0)),
      yearlyStaffHoursSaved: round((ra?.yearlyStaffHours ?? 0) - (rb?.yearlyStaffHours ?? 0)),
      savingPerJourneyGbp: round((ra?.costPerJourneyGbp ?? 0) - (rb?.costPerJourneyGbp ?? 0)),
    };
  });
  const label = (row: OrganisationSaving) => row.shortName || row.name;
  return {
    organisations,
    total: {
      yearlySavingGbp: round(a.total.yearlyCostGbp - b.total.yearlyCostGbp),
      yearlyStaffHoursSaved: round(a.total.yearlyStaffHours - b.total.yearlyStaffHours),
      savingPerJourneyGbp: round(a.total.costPerJourneyGbp - b.total.costPerJourneyGbp),
    },
    payMore: organisations.filter((row) => row.yearlySavingGbp < 0).map(label),
    gain: organisations.filter((row) => row.yearlySavingGbp > 0).map(label),
  };
}
