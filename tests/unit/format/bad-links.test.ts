/**
 * Ids, references, unknown values and text (reliability.md §6.1 B18–B23, B27, B29, B30),
 * adapted to journeys: nodes are steps, edges are flows, containment is lanes → actors.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseJourneyFile } from "../../../src/format/parse";
import { errorOf, expectNoPollution, fileWith, MINIMAL_TEXT, opened } from "./sample-file";

afterEach(expectNoPollution);

describe("B18 duplicate ids", () => {
  it("a second step with the same id gets a new one; flows keep pointing at the first", () => {
    const text = fileWith((journey) => {
      journey.steps[2].id = "step_book";
      journey.flows[1].to = "step_book";
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.steps.map((step) => step.id)).toEqual([
      "step_book",
      "step_register",
      "step_r1",
    ]);
    expect(result.journey.flows[1]).toMatchObject({ from: "step_register", to: "step_book" });
    expect(result.report).toEqual([
      {
        path: "steps[2].id",
        message:
          'duplicate id "step_book"; changed to "step_r1" (references keep pointing at the first)',
      },
      {
        path: "annotations[0].stepId",
        message: 'no step with id "step_tuo"; no longer attached to a step',
      },
    ]);
  });

  it("new ids skip ids already used later in the list", () => {
    const text = fileWith((journey) => {
      journey.lanes[1].id = "lane_citizen";
      journey.lanes[2].id = "lane_r1";
      journey.steps[1].laneId = "lane_citizen";
      journey.steps[2].laneId = "lane_r1";
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.lanes.map((lane) => lane.id)).toEqual([
      "lane_citizen",
      "lane_r2",
      "lane_r1",
    ]);
    expect(result.journey.steps.map((step) => step.laneId)).toEqual([
      "lane_citizen",
      "lane_citizen",
      "lane_r1",
    ]);
  });

  it("duplicate flow, annotation, item and decision ids or keys are settled too", () => {
    const text = fileWith((journey) => {
      journey.flows[1].id = "flow_1";
      journey.annotations[1].id = "note_1";
      journey.customDataItems.push({ id: "item_urn", label: "Again" });
      journey.duplicateDecisions.push({ key: "step_register|step_tuo", decision: "confirmed" });
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.flows.map((flow) => flow.id)).toEqual(["flow_1", "flow_r1"]);
    expect(result.journey.annotations.map((annotation) => annotation.id)).toEqual([
      "note_1",
      "annotation_r1",
    ]);
    expect(result.journey.customDataItems.map((item) => item.id)).toEqual(["item_urn", "item_r1"]);
    expect(result.journey.duplicateDecisions).toEqual([
      { key: "step_register|step_tuo", decision: "dismissed" },
    ]);
    expect(result.report.map((repair) => repair.path)).toEqual([
      "customDataItems[1].id",
      "flows[1].id",
      "annotations[1].id",
      "duplicateDecisions[1]",
    ]);
  });

  it("ill-formed and missing ids are replaced", () => {
    const text = fileWith((journey) => {
      journey.id = "journey one";
      delete journey.stages[0].id;
      journey.stages[1].id = "x".repeat(81);
      for (const step of journey.steps) step.stageId = "x".repeat(81);
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.id).toBe("journey_r1");
    expect(result.journey.stages.map((stage) => stage.id)).toEqual(["stage_r1", "stage_r2"]);
    expect(result.journey.steps.map((step) => step.stageId)).toEqual([
      "stage_r2",
      "stage_r2",
      "stage_r2",
    ]);
    expect(result.report).toEqual([
      { path: "id", message: '"journey one" is not a valid id; changed to "journey_r1"' },
      { path: "stages[0].id", message: 'missing id; set to "stage_r1"' },
      {
        path: "stages[1].id",
        message: `"${"x".repeat(60)}…" is not a valid id; changed to "stage_r2"`,
      },
    ]);
  });
});

describe("B19 dangling flows", () => {
  it("a flow to a missing step is dropped and reported", () => {
    const text = fileWith((journey) => {
      journey.flows[1].to = "ghost";
      journey.flows.push({ id: "flow_3", from: "nowhere", to: "ghost" });
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.flows.map((flow) => flow.id)).toEqual(["flow_1"]);
    expect(result.report).toEqual([
      { path: "flows[1]", message: 'dropped: no step with id "ghost" (to)' },
      {
        path: "flows[2]",
        message: 'dropped: no step with id "nowhere" (from) and no step with id "ghost" (to)',
      },
    ]);
  });

  it("an annotation on a missing step is kept, unattached", () => {
    const text = fileWith((journey) => {
      journey.annotations[0].stepId = "ghost";
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.annotations[0]).toStrictEqual({
      id: "note_1",
      kind: "pain-point",
      text: "Date of birth is asked twice.",
      stepId: null,
      laneId: null,
      stageId: null,
    });
    expect(result.report).toEqual([
      {
        path: "annotations[0].stepId",
        message: 'no step with id "ghost"; no longer attached to a step',
      },
    ]);
  });
});

describe("B20 (adapted, no handles) self-loops and repeated flows", () => {
  it("are dropped and reported", () => {
    const text = fileWith((journey) => {
      journey.flows.push(
        { id: "loop", from: "step_tuo", to: "step_tuo" },
        { id: "again", from: "step_book", to: "step_register", label: "twice" },
      );
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.flows.map((flow) => flow.id)).toEqual(["flow_1", "flow_2"]);
    expect(result.report).toEqual([
      { path: "flows[2]", message: "dropped: a flow from a step to itself" },
      { path: "flows[3]", message: "dropped: repeats flows[0] (same from and to)" },
    ]);
  });
});

describe("B21/B22 (adapted) lanes, steps and their owners", () => {
  it("a lane owned by a missing actor (its own id: the self-parent case) is invalid, located", () => {
    const text = fileWith((journey) => {
      journey.lanes[0].actorId = "lane_citizen";
    });
    expect(errorOf(parseJourneyFile(text))).toEqual({
      kind: "invalid",
      message: "1 problem found.",
      issues: [{ path: "lanes[0].actorId", message: 'no actor with id "lane_citizen"' }],
    });
  });

  it("steps in a missing lane or stage are invalid, each located", () => {
    const text = fileWith((journey) => {
      journey.steps[2].laneId = "lane_x";
      journey.steps[1].stageId = "stage_gone";
    });
    const error = errorOf(parseJourneyFile(text));
    expect(error.kind === "invalid" && error.issues).toEqual([
      { path: "steps[1].stageId", message: 'no stage with id "stage_gone"' },
      { path: "steps[2].laneId", message: 'no lane with id "lane_x"' },
    ]);
  });

  it("an ill-formed lane reference with no such lane still says which lane is missing", () => {
    const text = fileWith((journey) => {
      journey.steps[0].laneId = "lane x";
    });
    const error = errorOf(parseJourneyFile(text));
    expect(error.kind === "invalid" && error.issues).toEqual([
      { path: "steps[0].laneId", message: 'no lane with id "lane x"' },
    ]);
  });

  it("an empty journey (no lanes, no steps) is valid", () => {
    const text = fileWith((journey, envelope) => {
      envelope.journey = { id: journey.id };
    });
    const result = opened(parseJourneyFile(text));
    expect(result.report).toEqual([]);
    expect(result.journey).toMatchObject({
      id: "journey_death01",
      title: "",
      actors: [],
      lanes: [],
      stages: [],
      steps: [],
      flows: [],
    });
    expect(result.journey.createdAt).toBe("1970-01-01T00:00:00.000Z");
  });
});

describe("B23 unknown fields and values", () => {
  it("unknown fields are dropped and reported, wherever they are", () => {
    const text = fileWith((journey, envelope) => {
      envelope.signature = "abc";
      journey.theme = "dark";
      journey.steps[1].position = { x: 1, y: 2 };
      journey.flows[0]["odd key"] = 1;
    });
    const result = opened(parseJourneyFile(text));
    expect(result.report).toEqual([
      { path: "signature", message: "unknown envelope field dropped" },
      { path: "theme", message: "unknown field dropped" },
      { path: "steps[1].position", message: "unknown field dropped" },
      { path: 'flows[0]["odd key"]', message: "unknown field dropped" },
    ]);
    expect(Object.keys(result.journey.steps[1] as object)).not.toContain("position");
  });

  it("unknown choices take their default", () => {
    const text = fileWith((journey) => {
      journey.actors[0].type = "robot";
      journey.actors[1].orgKind = "guild";
      journey.lanes[0].layer = "basement";
      journey.steps[0].channel = "carrier pigeon";
      journey.steps[0].evidenceStatus = "rumoured";
      journey.annotations[0].kind = "shout";
      journey.duplicateDecisions[0].decision = "maybe";
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.actors[1]?.orgKind).toBeNull();
    expect(result.journey.lanes[0]?.layer).toBe("frontstage");
    expect(result.journey.steps[0]).toMatchObject({ channel: null, evidenceStatus: "assumed" });
    expect(result.journey.annotations[0]?.kind).toBe("note");
    expect(result.journey.duplicateDecisions).toEqual([]);
    expect(result.report).toEqual([
      { path: "actors[0].type", message: 'unknown actor type "robot"; set to "organisation"' },
      { path: "actors[1].orgKind", message: 'unknown organisation kind "guild"; cleared' },
      { path: "lanes[0].layer", message: 'unknown layer "basement"; set to "frontstage"' },
      { path: "steps[0].channel", message: 'unknown channel "carrier pigeon"; cleared' },
      {
        path: "steps[0].evidenceStatus",
        message: 'unknown evidence status "rumoured"; set to "assumed"',
      },
      { path: "annotations[0].kind", message: 'unknown annotation kind "shout"; set to "note"' },
      { path: "duplicateDecisions[0]", message: 'dropped: unknown decision "maybe"' },
    ]);
  });
});

describe("B27 colours", () => {
  it.each([
    ["red;background:url(//evil)"],
    ['"><script>'],
    ["</style>"],
    ["red"],
    ["#abc"],
    ["#abcdef0"],
  ])("%s is replaced by the default", (colour) => {
    const text = fileWith((journey) => {
      journey.actors[1].colour = colour;
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.actors[1]?.colour).toBe("#9aa5b1");
    expect(result.report).toEqual([
      {
        path: "actors[1].colour",
        message: `${JSON.stringify(colour)} is not a #rrggbb colour; set to "#9aa5b1"`,
      },
    ]);
  });

  it("upper-case #RRGGBB is kept as written", () => {
    const text = fileWith((journey) => (journey.actors[1].colour = "#B8860B"));
    expect(opened(parseJourneyFile(text)).journey.actors[1]?.colour).toBe("#B8860B");
  });
});

describe("B29 control characters, surrogates and bidi", () => {
  it("NUL is removed, a lone surrogate becomes U+FFFD, U+202E and zero-width characters are kept", () => {
    const text = fileWith((journey) => {
      journey.steps[0].label = "Book\u0000 now";
      journey.steps[1].label = "Reg\ud800ister";
      journey.steps[2].label = "\u202Eevil\u200b";
      journey.steps[2].tags = ["a\u0001\u0002b"];
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.steps.map((step) => step.label)).toEqual([
      "Book now",
      "Reg\uFFFDister",
      "\u202Eevil\u200b",
    ]);
    expect(result.journey.steps[2]?.tags).toEqual(["ab"]);
    expect(result.report).toEqual([
      {
        path: "steps[0].label",
        message: "removed 1 control character not allowed in text (such as NUL)",
      },
      { path: "steps[1].label", message: "replaced 1 unpaired surrogate with U+FFFD" },
      {
        path: "steps[2].tags[0]",
        message: "removed 2 control characters not allowed in text (such as NUL)",
      },
    ]);
  });

  it("tab, line feed and carriage return are kept", () => {
    const text = fileWith((journey) => (journey.steps[0].notes = "a\tb\nc\r\nd"));
    expect(opened(parseJourneyFile(text)).journey.steps[0]?.notes).toBe("a\tb\nc\r\nd");
  });
});

describe("B30 duplicate keys", () => {
  it("the last value of a repeated key wins, as in JSON.parse (documented)", () => {
    const text = MINIMAL_TEXT.replace(
      '"id": "step_book",',
      '"id": "step_first", "id": "step_book",',
    );
    expect(text).not.toBe(MINIMAL_TEXT);
    const result = opened(parseJourneyFile(text));
    expect(result.journey.steps[0]?.id).toBe("step_book");
    expect(result.report).toEqual([]);
  });
});
