import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Journey } from "../../../src/domain/model";
import { journeySchema } from "../../../src/format/journey-schema";
import { issuesFromZod } from "../../../src/format/zod-issues";
import { storyEnvelope, type Raw } from "./sample-file";

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// Compile-time: the schema describes exactly the model's Journey.
const sameType: Equal<z.output<typeof journeySchema>, Journey> = true;

function issuesFor(change: (journey: Raw) => void) {
  const journey = storyEnvelope().journey;
  change(journey);
  const result = journeySchema.safeParse(journey, { reportInput: true });
  return result.success ? [] : issuesFromZod(result.error.issues);
}

describe("journeySchema: what a valid journey is", () => {
  it("matches the model's Journey type", () => {
    expect(sameType).toBe(true);
  });

  it("accepts the fixture's journey", () => {
    expect(issuesFor(() => {})).toEqual([]);
  });

  it.each<[string, (journey: Raw) => void, { path: string; message: string }[]]>([
    [
      "an unknown field",
      (j) => (j.steps[0].colour = "red"),
      [{ path: "steps[0].colour", message: "unknown field" }],
    ],
    [
      "a missing field",
      (j) => delete j.steps[0].notes,
      [{ path: "steps[0].notes", message: "is required" }],
    ],
    [
      "an ill-formed id",
      (j) => (j.stages[1].id = "a b"),
      [
        { path: "stages[1].id", message: "must be 1–80 letters, digits, _ . : or -" },
        { path: "steps[2].stageId", message: 'no stage with id "stage_notify"' },
      ],
    ],
    [
      "a reserved id",
      (j) => (j.actors[0].id = "__proto__"),
      [
        { path: "actors[0].id", message: "is a reserved name" },
        { path: "lanes[0].actorId", message: 'no actor with id "actor_citizen"' },
      ],
    ],
    [
      "a CSS colour",
      (j) => (j.actors[0].colour = "red"),
      [{ path: "actors[0].colour", message: "must be a #rrggbb colour" }],
    ],
    [
      "-0 minutes",
      (j) => (j.steps[0].activeMinutes = -0),
      [{ path: "steps[0].activeMinutes", message: "must not be -0" }],
    ],
    [
      "a NUL in a label",
      (j) => (j.steps[0].label = "a\u0000"),
      [{ path: "steps[0].label", message: "contains characters not allowed in text" }],
    ],
    [
      "a duplicate step id",
      (j) => (j.steps[1].id = "step_book"),
      [
        { path: "steps[1].id", message: 'duplicate id "step_book" (first used by steps[0])' },
        { path: "flows[1].from", message: 'no step with id "step_register"' },
        { path: "flows[0].to", message: 'no step with id "step_register"' },
      ].sort((a, b) => (a.path < b.path ? -1 : 1)),
    ],
    [
      "a dangling lane",
      (j) => (j.steps[2].laneId = "lane_x"),
      [{ path: "steps[2].laneId", message: 'no lane with id "lane_x"' }],
    ],
    [
      "a self-loop",
      (j) => (j.flows[0].to = "step_book"),
      [{ path: "flows[0].to", message: "a flow cannot join a step to itself" }],
    ],
    [
      "a repeated flow",
      (j) =>
        j.flows.push({
          id: "flow_3",
          from: "step_book",
          to: "step_register",
          label: "",
          dataShare: false,
        }),
      [{ path: "flows[2]", message: "repeats flows[0] (same from and to)" }],
    ],
    [
      "a citizen with an organisation kind",
      (j) => (j.actors[0].orgKind = "nhs"),
      [{ path: "actors[0].orgKind", message: "a citizen has no organisation kind" }],
    ],
    [
      "an annotation on a missing step",
      (j) => (j.annotations[1].stepId = "ghost"),
      [{ path: "annotations[1].stepId", message: 'no step with id "ghost"' }],
    ],
    [
      "an annotation on a step and a cell at once",
      (j) => (j.annotations[2].stepId = "step_book"),
      [
        {
          path: "annotations[2].laneId",
          message: "an annotation is attached to a step or to a cell, not both",
        },
      ],
    ],
    [
      "a cell annotation with no stage",
      (j) => (j.annotations[2].stageId = null),
      [
        {
          path: "annotations[2].stageId",
          message: "a cell annotation needs a stage as well as a lane",
        },
      ],
    ],
    [
      "a cell annotation in a missing lane",
      (j) => (j.annotations[2].laneId = "lane_x"),
      [{ path: "annotations[2].laneId", message: 'no lane with id "lane_x"' }],
    ],
    [
      "a completion rate over 100%",
      (j) => (j.steps[1].metrics.completionRatePercent = 120),
      [
        {
          path: "steps[1].metrics.completionRatePercent",
          message: "Too big: expected number to be <=100",
        },
      ],
    ],
    [
      "a volume that is not whole",
      (j) => (j.steps[1].metrics.volumePerYear = 1.5),
      [
        {
          path: "steps[1].metrics.volumePerYear",
          message: "expected a whole number, got a number",
        },
      ],
    ],
    [
      "a negative cost",
      (j) => (j.steps[1].metrics.costPerTransactionGbp = -1),
      [
        {
          path: "steps[1].metrics.costPerTransactionGbp",
          message: "Too small: expected number to be >=0",
        },
      ],
    ],
    [
      "a measure missing",
      (j) => delete j.steps[1].metrics.satisfactionPercent,
      [{ path: "steps[1].metrics.satisfactionPercent", message: "is required" }],
    ],
    [
      "a script link",
      (j) => (j.steps[1].sources[0].link = "javascript:alert(1)"),
      [
        {
          path: "steps[1].sources[0].link",
          message: "must be a web address starting with https:// or http://",
        },
      ],
    ],
    [
      "an unknown kind of source",
      (j) => (j.steps[0].sources[0].kind = "rumour"),
      [
        {
          path: "steps[0].sources[0].kind",
          message:
            'Invalid option: expected one of "interview"|"analytics"|"policy"|"observation"|"survey"|"other"',
        },
      ],
    ],
    [
      "two sources of one step with one id",
      (j) => (j.steps[0].sources[1].id = "source_1"),
      [
        {
          path: "steps[0].sources[1].id",
          message: 'duplicate id "source_1" (first used by steps[0].sources[0])',
        },
      ],
    ],
  ])("refuses %s, located", (_name, change, issues) => {
    const found = issuesFor(change).sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(found).toEqual(issues);
  });
});
