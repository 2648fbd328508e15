/**
 * Test helpers for the persistence layer: journeys of any size, a DBCore middleware that
 * counts real mutate calls, and one that injects faults (reliability.md §6.3).
 */
import type Dexie from "dexie";
import type { DBCoreMutateRequest } from "dexie";
import type { Journey, Step } from "../../../src/domain/model";
import { emptyMetrics } from "../../../src/domain/step-metrics";

let counter = 0;

/** A database name no other test uses. */
export function uniqueName(prefix = "seams-test"): string {
  counter++;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export const T0 = "2026-03-01T10:00:00.000Z";

export function makeStep(id: string, fields: Partial<Step> = {}): Step {
  return {
    id,
    laneId: "lane-citizen",
    stageId: "stage-1",
    order: 0,
    label: `Step ${id}`,
    description: "",
    channel: "online",
    dataItems: ["National Insurance number"],
    evidence: [],
    activeMinutes: 5,
    waitingMinutes: null,
    painPoints: [],
    emotion: 0,
    evidenceStatus: "observed",
    failPoint: false,
    waitPoint: false,
    notes: "",
    tags: [],
    sources: [],
    metrics: emptyMetrics(),
    ...fields,
  };
}

/** A valid journey with `steps` steps spread over two lanes and three stages. */
export function makeJourney(opts: { id?: string; steps?: number; title?: string } = {}): Journey {
  const n = opts.steps ?? 6;
  const lanes = ["lane-citizen", "lane-dwp"];
  const stages = ["stage-1", "stage-2", "stage-3"];
  const steps: Step[] = [];
  for (let i = 0; i < n; i++) {
    steps.push(
      makeStep(`step-${i}`, {
        laneId: lanes[i % 2]!,
        stageId: stages[i % 3]!,
        order: Math.floor(i / 6),
        label: `Step ${i}`,
      }),
    );
  }
  return {
    id: opts.id ?? "journey-1",
    title: opts.title ?? "Claim Universal Credit",
    scenario: "A single parent claims online",
    description: "",
    ownerTeam: "Service design",
    createdAt: T0,
    updatedAt: T0,
    actors: [
      {
        id: "citizen",
        type: "citizen",
        name: "Citizen",
        shortName: "Citizen",
        orgKind: null,
        colour: "#1d70b8",
      },
      {
        id: "dwp",
        type: "organisation",
        name: "Department for Work and Pensions",
        shortName: "DWP",
        orgKind: "central-department",
        colour: "#00703c",
      },
    ],
    lanes: [
      { id: "lane-citizen", actorId: "citizen", layer: "citizen", team: "" },
      { id: "lane-dwp", actorId: "dwp", layer: "frontstage", team: "Jobcentre" },
    ],
    stages: stages.map((id, i) => ({ id, name: `Stage ${i + 1}` })),
    steps,
    flows: steps.slice(1).map((s, i) => ({
      id: `flow-${i}`,
      from: steps[i]!.id,
      to: s.id,
      label: "",
      dataShare: false,
    })),
    annotations:
      n > 0 ? [
            {
              id: "note-1",
              kind: "pain-point",
              text: "Long wait",
              stepId: "step-0",
              laneId: null,
              stageId: null,
            },
          ] : [],
    customDataItems: [],
    duplicateDecisions: [],
  };
}

/** Replace one step with an edited copy; every other record keeps its object. */
export function editStep(j: Journey, id: string, fields: Partial<Step>, at = T0): Journey {
  return {
    ...j,
    updatedAt: at,
    steps: j.steps.map((s) => (s.id === id ? { ...s, ...fields } : s)),
  };
}

export function addStep(j: Journey, step: Step): Journey {
  return { ...j, steps: [...j.steps, step] };
}

export function removeStep(j: Journey, id: string): Journey {
  return {
    ...j,
    steps: j.steps.filter((s) => s.id !== id),
    flows: j.flows.filter((f) => f.from !== id && f.to !== id),
    annotations: j.annotations.filter((a) => a.stepId !== id),
  };
}

export interface Mutation {
  table: string;
  type: DBCoreMutateRequest["type"];
  /** Rows written or deleted (0 for a range delete). */
  rows: number;
}

/** Count every mutate call that reaches IndexedDB, through a DBCore middleware. */
export function countMutations(db: Dexie) {
  const log: Mutation[] = [];
  db.use({
    stack: "dbcore",
    name: "count-mutations",
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            const rows =
              req.type === "deleteRange"
                ? 0
                : req.type === "delete"
                  ? req.keys.length
                  : req.values.length;
            log.push({ table: name, type: req.type, rows });
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return {
    log,
    reset: () => void log.splice(0),
    rows: (table: string, type?: Mutation["type"]) =>
      log
        .filter((m) => m.table === table && (!type || m.type === type))
        .reduce((n, m) => n + m.rows, 0),
    calls: () => log.length,
  };
}

export type FaultPlan = (call: { table: string; type: string; n: number }) => Error | null;

/** Make chosen mutate calls fail. `n` counts mutate calls from 1. Change `plan.current`
 * to switch faults on and off during a test. */
export function injectFaults(db: Dexie, initial: FaultPlan | null = null) {
  const control = { current: initial, n: 0 };
  db.use({
    stack: "dbcore",
    name: "inject-faults",
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            control.n++;
            const error = control.current?.({ table: name, type: req.type, n: control.n });
            return error ? Promise.reject(error) : table.mutate(req);
          },
        };
      },
    }),
  });
  return control;
}

export const quotaError = () => new DOMException("injected: quota exceeded", "QuotaExceededError");

/** Wait until `check` passes (polling), or fail after `ms`. */
export async function eventually(check: () => void | Promise<void>, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
