// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { exportSvg, type SvgHighlights } from "../../../src/export/svg";
import {
  DUPLICATE_COLOURS as EXPORT_DUPLICATE_COLOURS,
  FLOW_STYLES,
} from "../../../src/export/svg-theme";
import {
  DUPLICATE_COLOURS,
  NO_HIGHLIGHTS,
  type CanvasHighlights,
} from "../../../src/domain/analysis/highlights";
import { GRID, blueprintLayout } from "../../../src/domain/layout";
import type { Journey } from "../../../src/domain/model";
import { buildBereavementJourney } from "../../../src/domain/samples/bereavement";
import { parseJourneyFile } from "../../../src/format/parse";
import { buildJourney, lane } from "../../helpers/journey-builder";
import { journeyArb } from "../../helpers/arbitraries";
import { FIGURES, FUZZ_MAX, propertyParams } from "../../helpers/runs";
import { parseSvg, shownTexts, stepCards, unsafeFindings } from "./svg-walk";

const SAVED_AT = "2026-02-01T10:00:00.000Z";
const envelope = { savedAt: SAVED_AT };

/**
 *            S1                 S2
 * citizen    a "Find the form"  c "Post the form back"
 * DWP front  b "Check identity"
 * DWP back                      d "Decide the claim"
 * Council    (lane with no steps)
 */
function smallJourney(): Journey {
  const journey = buildJourney({
    title: "Claim a grant",
    actors: [
      { id: "citizen", type: "citizen", name: "Citizen", shortName: "Citizen", colour: "#f2c94c" },
      { id: "dwp", name: "Department for Work and Pensions", shortName: "DWP", colour: "#4c9f70" },
      { id: "council", name: "Local council", shortName: "Council", colour: "#c9a227" },
    ],
    lanes: [
      lane("L-cit", "citizen", "citizen"),
      { id: "L-front", layer: "frontstage", actorId: "dwp", team: "Jobcentre" },
      { id: "L-back", layer: "backstage", actorId: "dwp", team: "Decision makers" },
      { id: "L-council", layer: "backstage", actorId: "council" },
    ],
    stages: [
      { id: "S1", name: "Apply" },
      { id: "S2", name: "Decide" },
    ],
    steps: [
      {
        id: "a",
        laneId: "L-cit",
        stageId: "S1",
        label: "Find the form",
        dataItems: ["Name", "NI number"],
      },
      {
        id: "b",
        laneId: "L-front",
        stageId: "S1",
        label: "Check identity",
        channel: "in-person",
        failPoint: true,
      },
      {
        id: "c",
        laneId: "L-cit",
        stageId: "S2",
        label: "Post the form back",
        waitPoint: true,
        painPoints: ["Slow"],
      },
      {
        id: "d",
        laneId: "L-back",
        stageId: "S2",
        label: "Decide the claim",
        evidenceStatus: "proposed",
      },
    ],
    flows: [
      { id: "a-b", from: "a", to: "b" },
      { id: "b-c", from: "b", to: "c" },
      { id: "c-d", from: "c", to: "d", label: "Form arrives" },
      { id: "b-d", from: "b", to: "d" },
    ],
  });
  return { ...journey, scenario: "Sam, 40, applies for a grant.", ownerTeam: "Grants team" };
}

const highlights: SvgHighlights = {
  duplicateOf: new Map([
    ["a", { cluster: 0, key: "a|c" }],
    ["c", { cluster: 0, key: "a|c" }],
  ]),
  repeatedAt: new Map([["c", ["Name", "NI number"]]]),
  handoffOn: new Map([
    ["b-c", "citizen-carried"],
    ["b-d", "internal"],
    ["a-b", "direct"],
  ]),
};

function flowPaths(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('g[data-kind="flows"] > path'));
}

describe("exportSvg: the drawing", () => {
  const journey = smallJourney();
  const doc = parseSvg(exportSvg(journey, { highlights, envelope }));

  it("is a well-formed SVG document with a size and a viewBox", () => {
    const root = doc.documentElement;
    expect(root.localName).toBe("svg");
    expect(Number(root.getAttribute("width"))).toBeGreaterThan(GRID.laneHeaderWidth);
    expect(root.getAttribute("viewBox")).toBe(
      `0 0 ${root.getAttribute("width")} ${root.getAttribute("height")}`,
    );
    expect(unsafeFindings(doc)).toEqual([]);
  });

  it("draws one card per step, its label as text and its full label as the card's title", () => {
    const cards = stepCards(doc);
    expect(cards).toHaveLength(journey.steps.length);
    for (const step of journey.steps) {
      const card = cards.find((c) => c.querySelector("title")?.textContent === step.label);
      expect(card, step.label).toBeDefined();
      expect(shownTexts(card as unknown as Document)).toContain(step.label);
    }
  });

  it("puts each card where the canvas puts it (the same blueprint grid)", () => {
    const layout = blueprintLayout(journey);
    const blueprint = doc.querySelector('g[data-kind="blueprint"]')!.parentElement!;
    const [, dx, dy] = /translate\(([\d.]+) ([\d.]+)\)/.exec(
      blueprint.getAttribute("transform") ?? "",
    )!;
    const positions = stepCards(doc).map((card) => {
      const rect = card.querySelector("rect")!;
      return `${Number(rect.getAttribute("x")) + Number(dx)},${Number(rect.getAttribute("y")) + Number(dy)}`;
    });
    const expected = [...layout.steps.values()].map(
      (b) => `${b.x + Number(dx)},${b.y + Number(dy)}`,
    );
    expect(positions.sort()).toEqual(expected.sort());
  });

  it("draws every flow as an orthogonal path with an arrowhead defined in the document", () => {
    const paths = flowPaths(doc);
    expect(paths).toHaveLength(journey.flows.length);
    const markers = new Set(Array.from(doc.querySelectorAll("defs > marker")).map((m) => m.id));
    for (const path of paths) {
      const ref = /^url\(#(.+)\)$/.exec(path.getAttribute("marker-end") ?? "");
      expect(ref && markers.has(ref[1]!)).toBe(true);
      const points = [...(path.getAttribute("d") ?? "").matchAll(/[ML]([-\d.]+) ([-\d.]+)/g)].map(
        (m) => [Number(m[1]), Number(m[2])],
      );
      for (let i = 1; i < points.length; i++) {
        const [x0, y0] = points[i - 1]!;
        const [x1, y1] = points[i]!;
        expect(x0 === x1 || y0 === y1).toBe(true);
      }
    }
  });

  it("styles handoffs by kind: direct blue, citizen-carried red and thick, internal grey dashed", () => {
    const strokes = flowPaths(doc).map((p) => [
      p.getAttribute("stroke"),
      p.getAttribute("stroke-width"),
      p.getAttribute("stroke-dasharray"),
    ]);
    expect(strokes).toContainEqual([FLOW_STYLES.direct.stroke, "2.5", null]);
    expect(strokes).toContainEqual([FLOW_STYLES["citizen-carried"].stroke, "4", null]);
    expect(strokes).toContainEqual([FLOW_STYLES.internal.stroke, "2", "7 4"]);
    expect(strokes).toContainEqual([FLOW_STYLES.plain.stroke, "1.6", null]);
  });

  it("marks duplicates, repeated information, fail and wait points and pain points on the cards", () => {
    const texts = (id: string) => {
      const step = journey.steps.find((s) => s.id === id)!;
      const card = stepCards(doc).find(
        (c) => c.querySelector("title")?.textContent === step.label,
      )!;
      return Array.from(card.querySelectorAll("text")).map((t) => t.textContent);
    };
    expect(texts("a")).toEqual(expect.arrayContaining(["D1", "asks 2 items"]));
    expect(texts("b")).toEqual(expect.arrayContaining(["F", "In person", "DWP"]));
    expect(texts("c")).toEqual(expect.arrayContaining(["2 again", "D1", "W", "Pain 1"]));
    const dupBorder = stepCards(doc)
      .map((c) => c.querySelector("rect")!)
      .filter((r) => r.getAttribute("stroke") === DUPLICATE_COLOURS[0]);
    expect(dupBorder).toHaveLength(2);
  });

  it("has lane headers, stage headers, layer lines and a title block", () => {
    const texts = shownTexts(doc);
    expect(texts).toEqual(
      expect.arrayContaining(["Claim a grant", "Sam, 40, applies for a grant."]),
    );
    expect(texts).toEqual(expect.arrayContaining(["DWP", "Jobcentre", "FRONTSTAGE", "Council"]));
    expect(texts).toEqual(expect.arrayContaining(["Apply", "Decide", "1", "2"]));
    expect(texts).toEqual(expect.arrayContaining(["Line of interaction", "Line of visibility"]));
    expect(texts.some((t) => t.startsWith("Owner: Grants team · Updated "))).toBe(true);
  });

  it("has a legend explaining the marks and line styles, and naming each organisation", () => {
    const legend = doc.querySelector('g[data-kind="legend"]');
    expect(legend).not.toBeNull();
    const texts = shownTexts(legend as unknown as Document);
    expect(texts).toEqual(
      expect.arrayContaining([
        "Legend",
        "Direct handoff: one organisation to another",
        "Citizen-carried handoff: the citizen takes it on",
        "Internal handoff: same organisation, another team",
        "Fail point",
        "Wait point",
        "DWP: Department for Work and Pensions",
        "Council: Local council",
      ]),
    );
  });

  it("carries the journey in <metadata>, so the SVG opens again as the same journey", () => {
    const metadata = doc.querySelector("metadata");
    expect(metadata?.id).toBe("seams-journey");
    expect(metadata?.getAttribute("data-format")).toBe("seams-journey");
    const result = parseJourneyFile(exportSvg(journey, { highlights, envelope }));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.journey).toStrictEqual(journey);
    expect(result.report).toEqual([]);
    expect(result.envelope.savedAt).toBe(SAVED_AT);
  });
});

describe("exportSvg: options", () => {
  const journey = smallJourney();

  it("leaves the data out when asked, and then the file does not open as a journey", () => {
    const svg = exportSvg(journey, { includeData: false });
    expect(parseSvg(svg).querySelector("metadata")).toBeNull();
    expect(parseJourneyFile(svg).ok).toBe(false);
  });

  it("leaves out the title block and the legend when asked", () => {
    const doc = parseSvg(exportSvg(journey, { title: false, legend: false }));
    expect(doc.querySelector('g[data-kind="title"]')).toBeNull();
    expect(doc.querySelector('g[data-kind="legend"]')).toBeNull();
    expect(stepCards(doc)).toHaveLength(4);
  });

  it("draws plain flows and no handoff legend without highlights", () => {
    const doc = parseSvg(exportSvg(journey));
    const strokes = new Set(flowPaths(doc).map((p) => p.getAttribute("stroke")));
    expect([...strokes]).toEqual([FLOW_STYLES.plain.stroke]);
    expect(shownTexts(doc)).not.toContain("Direct handoff: one organisation to another");
    expect(shownTexts(doc)).not.toContain("D1");
  });

  it("explains in the legend only what the drawing shows", () => {
    const plain = buildJourney({
      actors: [{ id: "org", name: "HM Revenue and Customs", shortName: "HMRC" }, "unused"],
      lanes: [{ id: "L", layer: "backstage", actorId: "org" }],
      stages: ["S"],
      steps: ["x", "y"],
      flows: [{ id: "f", from: "x", to: "y", dataShare: true }],
    });
    const legend = shownTexts(
      parseSvg(exportSvg(plain)).querySelector('g[data-kind="legend"]') as unknown as Document,
    );
    expect(legend).toEqual([
      "Legend",
      "Flow from one step to the next",
      "Data share: no action by the citizen",
      "HMRC: HM Revenue and Customs",
    ]);
  });

  it("accepts the canvas's highlights as they are", () => {
    const fromCanvas: CanvasHighlights = NO_HIGHLIGHTS;
    const svgHighlights: SvgHighlights = fromCanvas;
    expect(() => exportSvg(journey, { highlights: svgHighlights })).not.toThrow();
    expect(EXPORT_DUPLICATE_COLOURS).toEqual(DUPLICATE_COLOURS);
  });

  it("gives the same text for the same journey", () => {
    expect(exportSvg(journey, { highlights, envelope })).toBe(
      exportSvg(journey, { highlights, envelope }),
    );
  });

  it("draws an empty journey", () => {
    const empty = buildJourney({ title: "" });
    const doc = parseSvg(exportSvg(empty));
    expect(stepCards(doc)).toHaveLength(0);
    expect(shownTexts(doc)).toContain("Untitled journey");
  });

  it("wraps a long label to three lines, ending with an ellipsis", () => {
    const long =
      "Tell the council, the bank, the pension provider and everyone else that the person has died and ask each of them what happens next";
    const j = buildJourney({ lanes: ["L"], stages: ["S"], steps: [{ id: "x", label: long }] });
    const card = stepCards(parseSvg(exportSvg(j)))[0]!;
    const spans = Array.from(card.querySelectorAll("tspan")).map((s) => s.textContent ?? "");
    expect(spans).toHaveLength(3);
    expect(spans[2]!.endsWith("…")).toBe(true);
    expect(long.startsWith(spans.join(" ").slice(0, -1).trimEnd())).toBe(true);
    expect(card.querySelector("title")?.textContent).toBe(long);
  });

  it("skips steps whose lane is gone, and the flows to them", () => {
    const j = smallJourney();
    const broken = {
      ...j,
      steps: j.steps.map((s) => (s.id === "d" ? { ...s, laneId: "gone" } : s)),
    };
    const doc = parseSvg(exportSvg(broken));
    expect(stepCards(doc)).toHaveLength(3);
    expect(flowPaths(doc)).toHaveLength(2);
  });
});

describe("exportSvg: the bereavement sample", () => {
  it("draws every step and opens again as the same journey", () => {
    const journey = buildBereavementJourney();
    const svg = exportSvg(journey, { envelope });
    const doc = parseSvg(svg);
    expect(stepCards(doc)).toHaveLength(journey.steps.length);
    expect(flowPaths(doc)).toHaveLength(journey.flows.length);
    expect(unsafeFindings(doc)).toEqual([]);
    const result = parseJourneyFile(svg);
    expect(result.ok && result.journey).toStrictEqual(journey);
  });
});

describe("exportSvg: round trip", () => {
  test.prop([journeyArb], propertyParams(FIGURES.roundTrip, 1000, FUZZ_MAX.svgRoundTrip))(
    "any valid journey opens again from its SVG unchanged",
    (journey) => {
      const result = parseJourneyFile(exportSvg(journey, { envelope }));
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      expect(result.report).toEqual([]);
      expect(result.journey).toStrictEqual(journey);
    },
  );

  test.prop([journeyArb, fc.boolean()], propertyParams(FIGURES.svgSafe, 200, FUZZ_MAX.jsdomSvg))(
    "any valid journey draws a well-formed, safe document",
    (journey, withHighlights) => {
      const marks: SvgHighlights = {
        duplicateOf: new Map(
          journey.steps.slice(0, 2).map((s, i) => [s.id, { cluster: i, key: "k" }]),
        ),
        repeatedAt: new Map(journey.steps.slice(0, 1).map((s) => [s.id, ["x"]])),
        handoffOn: new Map(
          journey.flows.map((f, i) => [
            f.id,
            (["direct", "citizen-carried", "internal"] as const)[i % 3]!,
          ]),
        ),
      };
      const doc = parseSvg(exportSvg(journey, withHighlights ? { highlights: marks } : {}));
      expect(unsafeFindings(doc)).toEqual([]);
      expect(stepCards(doc)).toHaveLength(blueprintLayout(journey).steps.size);
    },
  );
});
