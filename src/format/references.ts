import { annotationAttachment } from "../domain/annotations";
import type { Journey } from "../domain/model";
import { RECORD_KIND_TABLE, type CollectionName } from "../domain/records";
import { formatPath, quote } from "./errors";

/** A problem with how a journey's lists refer to each other, located by path segments. */
export interface ReferenceIssue {
  path: (string | number)[];
  message: string;
}

/** Reports each second use of an id (or key) within one list; returns the distinct ids. */
function uniqueIds(
  issues: ReferenceIssue[],
  list: string | (string | number)[],
  ids: readonly string[],
  field = "id",
): Set<string> {
  const first = new Map<string, number>();
  const at = typeof list === "string" ? [list] : list;
  const name = typeof list === "string" ? list : formatPath(list);
  ids.forEach((id, index) => {
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, index);
    else
      issues.push({
        path: [...at, index, field],
        message: `duplicate ${field} ${quote(id)} (first used by ${name}[${earlier}])`,
      });
  });
  return new Set(first.keys());
}

/**
 * How the lists of a journey refer to each other: every id unique within its list, every lane
 * owned by an existing actor, every step in an existing lane and stage, every flow between two
 * different existing steps and not repeating another, every annotation free or on exactly one
 * existing step or lane × stage cell, every step's sources with unique ids, and no
 * organisation kind on a citizen.
 */
export function referenceIssues(journey: Journey): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const mustExist = (
    ids: ReadonlySet<string>,
    what: string,
    reference: string,
    path: (string | number)[],
  ) => {
    if (!ids.has(reference))
      issues.push({ path, message: `no ${what} with id ${quote(reference)}` });
  };
  // Every list of the journey (domain/records), each record identified by its key field.
  const ids = Object.fromEntries(
    RECORD_KIND_TABLE.map(({ list, key }) => {
      const records: readonly object[] = journey[list];
      const keys = records.map((record) => String((record as Record<string, unknown>)[key]));
      return [list, uniqueIds(issues, list, keys, key)];
    }),
  ) as Record<CollectionName, Set<string>>;
  const actorIds = ids.actors;
  const laneIds = ids.lanes;
  const stageIds = ids.stages;
  const stepIds = ids.steps;

  journey.actors.forEach((actor, i) => {
    if (actor.type === "citizen" && actor.orgKind !== null) {
      issues.push({
        path: ["actors", i, "orgKind"],
        message: "a citizen has no organisation kind",
      });
    }
  });
  journey.lanes.forEach((lane, i) =>
    mustExist(actorIds, "actor", lane.actorId, ["lanes", i, "actorId"]),
  );
  journey.steps.forEach((step, i) => {
    mustExist(laneIds, "lane", step.laneId, ["steps", i, "laneId"]);
    mustExist(stageIds, "stage", step.stageId, ["steps", i, "stageId"]);
  });
  const pairs = new Map<string, number>();
  journey.flows.forEach((flow, i) => {
    mustExist(stepIds, "step", flow.from, ["flows", i, "from"]);
    mustExist(stepIds, "step", flow.to, ["flows", i, "to"]);
    if (flow.from === flow.to)
      issues.push({ path: ["flows", i, "to"], message: "a flow cannot join a step to itself" });
    const pair = `${flow.from}\u0000${flow.to}`;
    const earlier = pairs.get(pair);
    if (earlier === undefined) pairs.set(pair, i);
    else
      issues.push({ path: ["flows", i], message: `repeats flows[${earlier}] (same from and to)` });
  });
  journey.annotations.forEach((annotation, i) => {
    const attached = annotationAttachment(annotation);
    if (!attached.ok) {
      issues.push({ path: ["annotations", i, attached.field], message: attached.problem });
      return;
    }
    const at = attached.attachment;
    if (at.kind === "step") mustExist(stepIds, "step", at.stepId, ["annotations", i, "stepId"]);
    if (at.kind === "cell") {
      mustExist(laneIds, "lane", at.laneId, ["annotations", i, "laneId"]);
      mustExist(stageIds, "stage", at.stageId, ["annotations", i, "stageId"]);
    }
  });
  journey.steps.forEach((step, i) => {
    uniqueIds(
      issues,
      ["steps", i, "sources"],
      step.sources.map((source) => source.id),
    );
  });
  return issues;
}
