import type {
  Annotation,
  CustomDataItem,
  DuplicateDecision,
  Flow,
  Journey,
  Step,
} from "../domain/model";
import { quote, type RepairLog } from "./errors";
import { assignIds, follow, isValidId } from "./ids";
import type { Draft, JourneyDraft, StepDraft } from "./restore-records";

/**
 * Second pass of restore: ids made valid and unique, references followed to records whose
 * ill-formed id was replaced, and the links that can safely go removed: a flow to a missing
 * step, from a step to itself, or repeating another flow; an annotation's link to a missing
 * step, lane or stage. Steps, lanes and actors are never removed: a step in a missing lane or stage, or a lane
 * of a missing actor, is left for `referenceIssues` to report as invalid, with its location.
 *
 * The drafts spread here are restore's own objects, built field by field by the first pass;
 * nothing parsed from the input is ever spread or merged.
 */

const cellKey = (laneId: string, stageId: string): string => `${laneId}\u0000${stageId}`;

type LinkedStepDraft = Omit<StepDraft, "id" | "sources"> & { id: string; sources: Step["sources"] };

/** Each step's sources get valid ids, unique among the step's sources. */
function settleSources(draft: StepDraft, path: string, log: RepairLog): Step["sources"] {
  if (draft.sources.length === 0) return [];
  const { ids } = assignIds(
    draft.sources.map((source, i) => ({ id: source.id, path: `${path}.sources[${i}]` })),
    "source",
    log,
  );
  return draft.sources.map((source, i) => ({ ...source, id: ids[i] as string }));
}

/** Steps without a usable order go after the others in their lane × stage cell, in file order. */
function settleOrder(steps: readonly LinkedStepDraft[]): Step[] {
  const highest = new Map<string, number>();
  for (const step of steps) {
    if (step.order === null) continue;
    const key = cellKey(step.laneId, step.stageId);
    const current = highest.get(key);
    if (current === undefined || step.order > current) highest.set(key, step.order);
  }
  return steps.map((step) => {
    let order = step.order;
    if (order === null) {
      const key = cellKey(step.laneId, step.stageId);
      const current = highest.get(key);
      order = current === undefined ? 0 : Math.floor(current) + 1;
      highest.set(key, order);
    }
    return { ...step, order };
  });
}

function linkFlows(
  drafts: readonly Draft<Flow>[],
  stepIds: ReadonlySet<string>,
  renamedSteps: ReadonlyMap<string, string>,
  log: RepairLog,
): Flow[] {
  const kept: { flow: Draft<Flow>; path: string }[] = [];
  const pairs = new Map<string, number>();
  drafts.forEach((draft, i) => {
    const path = `flows[${i}]`;
    const from = follow(draft.from, renamedSteps);
    const to = follow(draft.to, renamedSteps);
    const missing: string[] = [];
    if (!stepIds.has(from)) missing.push(`no step with id ${quote(draft.from)} (from)`);
    if (!stepIds.has(to)) missing.push(`no step with id ${quote(draft.to)} (to)`);
    if (missing.length > 0) {
      log.add(path, `dropped: ${missing.join(" and ")}`);
      return;
    }
    if (from === to) {
      log.add(path, "dropped: a flow from a step to itself");
      return;
    }
    const pair = cellKey(from, to);
    const earlier = pairs.get(pair);
    if (earlier !== undefined) {
      log.add(path, `dropped: repeats flows[${earlier}] (same from and to)`);
      return;
    }
    pairs.set(pair, i);
    kept.push({ flow: { ...draft, from, to }, path });
  });
  const { ids } = assignIds(
    kept.map(({ flow, path }) => ({ id: flow.id, path })),
    "flow",
    log,
  );
  return kept.map(({ flow }, i) => ({ ...flow, id: ids[i] as string }));
}

interface Known {
  ids: ReadonlySet<string>;
  renamed: ReadonlyMap<string, string>;
}

function linkAnnotations(
  drafts: readonly Draft<Annotation>[],
  steps: Known,
  lanes: Known,
  stages: Known,
  log: RepairLog,
): Annotation[] {
  const { ids } = assignIds(
    drafts.map((draft, i) => ({ id: draft.id, path: `annotations[${i}]` })),
    "annotation",
    log,
  );
  return drafts.map((draft, i) => {
    let stepId = draft.stepId === null ? null : follow(draft.stepId, steps.renamed);
    if (stepId !== null && !steps.ids.has(stepId)) {
      log.add(
        `annotations[${i}].stepId`,
        `no step with id ${quote(draft.stepId ?? "")}; no longer attached to a step`,
      );
      stepId = null;
    }
    let laneId = draft.laneId === null ? null : follow(draft.laneId, lanes.renamed);
    let stageId = draft.stageId === null ? null : follow(draft.stageId, stages.renamed);
    if (laneId !== null && stageId !== null) {
      const missing: string[] = [];
      if (!lanes.ids.has(laneId)) missing.push(`no lane with id ${quote(draft.laneId ?? "")}`);
      if (!stages.ids.has(stageId)) missing.push(`no stage with id ${quote(draft.stageId ?? "")}`);
      if (missing.length > 0) {
        log.add(
          `annotations[${i}].${lanes.ids.has(laneId) ? "stageId" : "laneId"}`,
          `${missing.join(" and ")}; no longer attached to a cell`,
        );
        laneId = null;
        stageId = null;
      }
    }
    return { ...draft, id: ids[i] as string, stepId, laneId, stageId };
  });
}

function linkDecisions(
  drafts: JourneyDraft["duplicateDecisions"],
  log: RepairLog,
): DuplicateDecision[] {
  const seen = new Map<string, string>();
  const kept: DuplicateDecision[] = [];
  for (const { decision, path } of drafts) {
    const earlier = seen.get(decision.key);
    if (earlier !== undefined) {
      log.add(path, `dropped: repeats the decision at ${earlier} (same key)`);
      continue;
    }
    seen.set(decision.key, path);
    kept.push(decision);
  }
  return kept;
}

/** Settles ids and references and returns the journey. */
export function linkJourney(draft: JourneyDraft, log: RepairLog): Journey {
  let journeyId = draft.meta.id;
  if (!isValidId(journeyId)) {
    const replacement = "journey_r1";
    log.add(
      "id",
      journeyId === undefined
        ? `missing id; set to ${quote(replacement)}`
        : `${quote(journeyId)} is not a valid id; changed to ${quote(replacement)}`,
    );
    journeyId = replacement;
  }
  const actorIds = assignIds(
    draft.actors.map((actor, i) => ({ id: actor.id, path: `actors[${i}]` })),
    "actor",
    log,
  );
  const laneIds = assignIds(
    draft.lanes.map((lane, i) => ({ id: lane.id, path: `lanes[${i}]` })),
    "lane",
    log,
  );
  const stageIds = assignIds(
    draft.stages.map((stage, i) => ({ id: stage.id, path: `stages[${i}]` })),
    "stage",
    log,
  );
  const stepIds = assignIds(
    draft.steps.map((step, i) => ({ id: step.id, path: `steps[${i}]` })),
    "step",
    log,
  );
  const itemIds = assignIds(
    draft.customDataItems.map((item, i) => ({ id: item.id, path: `customDataItems[${i}]` })),
    "item",
    log,
  );
  const existingSteps = new Set(stepIds.ids);

  const steps = settleOrder(
    draft.steps.map((step, i) => ({
      ...step,
      id: stepIds.ids[i] as string,
      laneId: follow(step.laneId, laneIds.renamed),
      stageId: follow(step.stageId, stageIds.renamed),
      sources: settleSources(step, `steps[${i}]`, log),
    })),
  );
  return {
    id: journeyId,
    title: draft.meta.title,
    scenario: draft.meta.scenario,
    description: draft.meta.description,
    ownerTeam: draft.meta.ownerTeam,
    createdAt: draft.meta.createdAt,
    updatedAt: draft.meta.updatedAt,
    actors: draft.actors.map((actor, i) => ({ ...actor, id: actorIds.ids[i] as string })),
    lanes: draft.lanes.map((lane, i) => ({
      ...lane,
      id: laneIds.ids[i] as string,
      actorId: follow(lane.actorId, actorIds.renamed),
    })),
    stages: draft.stages.map((stage, i) => ({ ...stage, id: stageIds.ids[i] as string })),
    steps,
    flows: linkFlows(draft.flows, existingSteps, stepIds.renamed, log),
    annotations: linkAnnotations(
      draft.annotations,
      { ids: existingSteps, renamed: stepIds.renamed },
      { ids: new Set(laneIds.ids), renamed: laneIds.renamed },
      { ids: new Set(stageIds.ids), renamed: stageIds.renamed },
      log,
    ),
    customDataItems: draft.customDataItems.map((item, i): CustomDataItem => ({
      ...item,
      id: itemIds.ids[i] as string,
    })),
    duplicateDecisions: linkDecisions(draft.duplicateDecisions, log),
  };
}
