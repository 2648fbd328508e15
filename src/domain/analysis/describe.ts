/**
 * Findings in words: who owns a step, what a handoff or a range is called, how strong a
 * suggested duplicate is. Shared by the insights panel, the compare view and the command line,
 * so a finding reads the same wherever it is shown. No React here.
 */
import type { HandoffKind } from "./handoffs";
import type { Range } from "./metrics";
import { LAYER_LABELS, type Actor, type Journey, type Lane, type Step, type StepId } from "../model";
import { formatMinutes } from "../duration";

export const HANDOFF_KINDS: readonly HandoffKind[] = ["citizen-carried", "direct", "internal"];

export const HANDOFF_KIND_NAMES: Record<HandoffKind, string> = {
  "citizen-carried": "citizen-carried",
  direct: "direct",
  internal: "internal",
};

/** What each kind means, in the words of DESIGN §3. */
export const HANDOFF_KIND_MEANING: Record<HandoffKind, string> = {
  direct: "the flow goes straight from one organisation's step to another's: the first passes the case or data on.",
  "citizen-carried":
    "only the citizen's own steps lie between the two organisations: the citizen has to take it to the next organisation themselves and start again.",
  internal: "the same organisation, a different lane (another team).",
};

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Names of the journey's actors, lanes and steps, looked up once. */
export interface JourneyNames {
  step(id: StepId): Step | undefined;
  /** The step's label, or a note that it is gone. */
  stepLabel(id: StepId): string;
  /** The short name of who owns the step ("DWP"), or "?" when its lane is missing. */
  owner(id: StepId): string;
  /** Who owns the step and in which lane: "DWP (Backstage)" or "DWP (Tell Us Once team)". */
  ownerAndLane(id: StepId): string;
  actor(id: string): string;
}

export function journeyNames(journey: Journey): JourneyNames {
  const steps = new Map(journey.steps.map((s) => [s.id, s]));
  const lanes = new Map<string, Lane>(journey.lanes.map((l) => [l.id, l]));
  const actors = new Map<string, Actor>(journey.actors.map((a) => [a.id, a]));
  const actorName = (a: Actor | undefined) => a?.shortName || a?.name || "?";
  const laneOf = (id: StepId) => lanes.get(steps.get(id)?.laneId ?? "");
  return {
    step: (id) => steps.get(id),
    stepLabel: (id) => steps.get(id)?.label ?? "(a step no longer in the journey)",
    owner: (id) => actorName(actors.get(laneOf(id)?.actorId ?? "")),
    ownerAndLane(id) {
      const lane = laneOf(id);
      if (!lane) return "?";
      return `${actorName(actors.get(lane.actorId))} (${lane.team || LAYER_LABELS[lane.layer]})`;
    },
    actor: (id) => actorName(actors.get(id)),
  };
}

/** "2", or "2 to 7" where the paths differ; "no complete path" when there is none. */
export function formatRange(range: Range | null, format: (n: number) => string = String): string {
  if (!range) return "no complete path";
  return range.min === range.max ? format(range.min) : `${format(range.min)} to ${format(range.max)}`;
}

/** A range of minutes in readable units: "3 hours 20 minutes to 10 hours 15 minutes". */
export const formatMinutesRange = (range: Range | null): string => formatRange(range, formatMinutes);

/** How sure the suggestion is, in words. */
export function strengthWords(strength: number): string {
  if (strength >= 0.6) return "strong match";
  if (strength >= 0.4) return "likely match";
  return "possible match";
}

/** "“a”", "“a” and “b”", "“a”, “b” and “c”". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export const quoted = (text: string): string => `“${text}”`;

/** The shared words worth reading: a pair that only extends another listed term ("prove / check
 * death" beside "prove / check") is left out. */
export function readableTerms(terms: readonly string[]): string[] {
  const extendsAnother = (t: string) => terms.some((x) => x !== t && (t.startsWith(`${x} `) || t.endsWith(` ${x}`)));
  return terms.filter((t) => !extendsAnother(t));
}

/** Who a cluster's steps belong to: "across DWP, HMRC and the council", or "in DWP". */
export function whereWords(owners: readonly string[]): string {
  const distinct = [...new Set(owners)];
  return distinct.length > 1 ? `across ${listWords(distinct)}` : `in ${distinct[0] ?? "?"}`;
}

/** How many findings of one list are shown at first, and added by each "Show more". Large
 * journeys have thousands of handoffs; drawing them all on every edit would slow editing. */
export const FINDINGS_PAGE = 25;
