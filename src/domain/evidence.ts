/**
 * The evidence behind a step: its sources (interviews, analytics, policy…) and which findings
 * rest on assumption only.
 */
import type { EvidenceSource, Journey, SourceKind, Step } from "./model";

/** Longest link accepted, in characters. */
export const MAX_LINK_CHARS = 2_000;

/**
 * Why text cannot be a source's link, or null when it can: an absolute http or https address
 * with a host, at most {@link MAX_LINK_CHARS} characters, with no spaces. Other schemes
 * (javascript:, data:, file:) are refused, so a link is always safe to open.
 */
export function linkProblem(link: string): string | null {
  if (link.length > MAX_LINK_CHARS) return `must be at most ${MAX_LINK_CHARS} characters`;
  if (/\s/.test(link)) return "must be a web address with no spaces";
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return "must be a web address starting with https:// or http://";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "must be a web address starting with https:// or http://";
  if (url.hostname === "") return "must name a web site";
  return null;
}

/** A new source of the given kind, with nothing quoted yet. */
export function newSource(id: string, kind: SourceKind = "interview"): EvidenceSource {
  return { id, kind, quote: "", link: null, note: "" };
}

/**
 * True when what the step says rests on assumption only: its evidence status is "assumed", or
 * it has no source. A to-be step ("proposed") with no source is a proposal, not a finding, and
 * does not count.
 */
export function restsOnAssumption(step: Step): boolean {
  if (step.evidenceStatus === "proposed") return false;
  return step.evidenceStatus === "assumed" || step.sources.length === 0;
}

/** Why a step rests on assumption only, for a reader. */
export function assumptionReason(step: Step): string {
  if (step.evidenceStatus === "assumed" && step.sources.length === 0)
    return "marked assumed, no sources";
  if (step.evidenceStatus === "assumed") return "marked assumed";
  return "no sources";
}

/** The steps of a journey whose findings rest on assumption only, in journey order. */
export function assumptionOnlySteps(journey: Journey): Step[] {
  return journey.steps.filter(restsOnAssumption);
}
