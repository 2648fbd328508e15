import { describe, expect, it } from "vitest";
import type { Journey } from "../../../src/domain/model";
import { emptyMetrics } from "../../../src/domain/step-metrics";
import { serializeJourney } from "../../../src/format/envelope";
import { parseJourneyFile } from "../../../src/format/parse";
import { MINIMAL_TEXT, opened } from "./sample-file";

/** What tests/fixtures/format/v1-minimal.seams.json (frozen, never edited) must open as: migrated
 * to the current format, every step with no sources and no measures, every annotation with no
 * cell. */
const GOLDEN: Journey = {
  id: "journey_death01",
  title: "Register a death and tell government",
  scenario: "An executor registers their father's death in England and uses Tell Us Once.",
  description:
    "As-is journey, from the register office appointment to the Tell Us Once notification.",
  ownerTeam: "Bereavement service design",
  createdAt: "2026-01-20T09:00:00.000Z",
  updatedAt: "2026-02-03T10:14:30.000Z",
  actors: [
    {
      id: "actor_citizen",
      type: "citizen",
      name: "Executor",
      shortName: "Executor",
      orgKind: null,
      colour: "#f2c94c",
    },
    {
      id: "actor_ro",
      type: "organisation",
      name: "Register office",
      shortName: "Register office",
      orgKind: "local-authority",
      colour: "#b8860b",
    },
    {
      id: "actor_dwp",
      type: "organisation",
      name: "Department for Work and Pensions",
      shortName: "DWP",
      orgKind: "central-department",
      colour: "#4c9f70",
    },
  ],
  lanes: [
    { id: "lane_citizen", actorId: "actor_citizen", layer: "citizen", team: "" },
    { id: "lane_ro", actorId: "actor_ro", layer: "frontstage", team: "Registrar" },
    { id: "lane_dwp", actorId: "actor_dwp", layer: "backstage", team: "Tell Us Once" },
  ],
  stages: [
    { id: "stage_register", name: "Register" },
    { id: "stage_notify", name: "Notify" },
  ],
  steps: [
    {
      id: "step_book",
      laneId: "lane_citizen",
      stageId: "stage_register",
      order: 0,
      label: "Book a register office appointment",
      description: "Within 5 days of the death.",
      channel: "phone",
      dataItems: ["Full name", "Date of death"],
      evidence: ["Medical certificate of cause of death"],
      activeMinutes: 15,
      waitingMinutes: 2880,
      painPoints: ["Few appointments free"],
      emotion: -2,
      evidenceStatus: "observed",
      failPoint: false,
      waitPoint: true,
      notes: "",
      tags: ["bereavement"],
      sources: [],
      metrics: emptyMetrics(),
    },
    {
      id: "step_register",
      laneId: "lane_ro",
      stageId: "stage_register",
      order: 0,
      label: "Register the death",
      description: "The registrar records the death and explains Tell Us Once.",
      channel: "in-person",
      dataItems: ["Full name", "Date of birth", "Address", "Date of death"],
      evidence: [],
      activeMinutes: 30,
      waitingMinutes: null,
      painPoints: [],
      emotion: null,
      evidenceStatus: "observed",
      failPoint: false,
      waitPoint: false,
      notes: "Gives a Tell Us Once reference number, valid for 28 days.",
      tags: [],
      sources: [],
      metrics: emptyMetrics(),
    },
    {
      id: "step_tuo",
      laneId: "lane_dwp",
      stageId: "stage_notify",
      order: 1.5,
      label: "Tell Us Once passes the death on",
      description: "",
      channel: "automated",
      dataItems: ["National Insurance number", "Date of birth"],
      evidence: [],
      activeMinutes: 0,
      waitingMinutes: null,
      painPoints: [],
      emotion: 1,
      evidenceStatus: "assumed",
      failPoint: false,
      waitPoint: false,
      notes: "",
      tags: ["tell-us-once"],
      sources: [],
      metrics: emptyMetrics(),
    },
  ],
  flows: [
    { id: "flow_1", from: "step_book", to: "step_register", label: "", dataShare: false },
    { id: "flow_2", from: "step_register", to: "step_tuo", label: "With consent", dataShare: true },
  ],
  annotations: [
    {
      id: "note_1",
      kind: "pain-point",
      text: "Date of birth is asked twice.",
      stepId: "step_tuo",
      laneId: null,
      stageId: null,
    },
    {
      id: "note_2",
      kind: "question",
      text: "Does Tell Us Once reach every council?",
      stepId: null,
      laneId: null,
      stageId: null,
    },
  ],
  customDataItems: [
    { id: "item_urn", label: "Tell Us Once reference number", synonyms: ["TUO reference", "URN"] },
  ],
  duplicateDecisions: [{ key: "step_register|step_tuo", decision: "dismissed" }],
};

describe("frozen fixture v1-minimal.seams.json (B11)", () => {
  it("opens, migrated to the current format, as the golden journey with no repairs", () => {
    expect(JSON.parse(MINIMAL_TEXT).formatVersion).toBe(1);
    const result = opened(parseJourneyFile(MINIMAL_TEXT));
    expect(result.report).toEqual([]);
    expect(result.journey).toStrictEqual(GOLDEN);
    expect(result.envelope).toStrictEqual({
      format: "seams-journey",
      formatVersion: 2,
      appVersion: "0.1.0",
      savedAt: "2026-02-03T10:15:00.000Z",
      baseVersionId: null,
      journey: GOLDEN,
    });
  });

  it("is saved again as the current format, with the new fields and nothing else changed", () => {
    const old = JSON.parse(MINIMAL_TEXT);
    const saved = JSON.parse(serializeJourney(GOLDEN, { savedAt: "2026-02-03T10:15:00.000Z" }));
    expect(saved.formatVersion).toBe(2);
    for (const step of old.journey.steps) {
      step.sources = [];
      step.metrics = emptyMetrics();
    }
    for (const annotation of old.journey.annotations) {
      annotation.laneId = null;
      annotation.stageId = null;
    }
    expect(saved).toStrictEqual({ ...old, formatVersion: 2 });
  });
});
