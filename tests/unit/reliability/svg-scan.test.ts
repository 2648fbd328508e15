/**
 * Exported SVG holds nothing executable, for any hostile text in any field of a journey
 * (labels, names, notes, data items, evidence with script and data links, flow labels and
 * colours), checked by the strict reader in svg-scan.ts. It needs no DOM, so `npm run fuzz`
 * can run it far more often than the jsdom check of the same claim
 * (tests/unit/export/svg-hostile.test.ts).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Journey } from "../../../src/domain/model";
import { exportSvg, type HandoffKind, type SvgHighlights } from "../../../src/export/svg";
import { hostileStringArb, journeyArb } from "../../helpers/arbitraries";
import { FIGURES, FUZZ_MAX, propertyParams, propertyTimeout } from "../../helpers/runs";
import { scanSvg } from "./svg-scan";

const ROOT = '<svg xmlns="http://www.w3.org/2000/svg">';

describe("the strict SVG reader finds", () => {
  it.each([
    ["a script element", `${ROOT}<script>alert(1)</script></svg>`],
    ["a foreignObject", `${ROOT}<foreignObject><div/></foreignObject></svg>`],
    ["an element off the allow-list", `${ROOT}<blink/></svg>`],
    ["an event handler", `${ROOT}<rect onclick="alert(1)"/></svg>`],
    ["an upper-case handler", `<svg xmlns="http://www.w3.org/2000/svg" ONLOAD="x"></svg>`],
    ["a link", `${ROOT}<g href="https://example.com"/></svg>`],
    ["a namespaced link", `${ROOT}<g xlink:href="#x"/></svg>`],
    ["a style attribute", `${ROOT}<rect style="fill:red"/></svg>`],
    ["a script URL written with entities", `${ROOT}<g fill="&#106;avascript:x"/></svg>`],
    ["a script URL split by a tab", `${ROOT}<g fill="java&#9;script:x"/></svg>`],
    ["an external url()", `${ROOT}<rect fill="url(https://evil.example/x)"/></svg>`],
    [
      "a namespaced element",
      `${ROOT}<x:script xmlns:x="${"http://www.w3.org/1999/xhtml"}"/></svg>`,
    ],
    ["another namespace", `<svg xmlns="http://www.w3.org/1999/xhtml"></svg>`],
    ["a comment", `${ROOT}<!-- x --></svg>`],
    ["a CDATA section", `${ROOT}<text><![CDATA[<script>]]></text></svg>`],
    ["a doctype", `<!DOCTYPE svg [<!ENTITY x "y">]>${ROOT}</svg>`],
    ["a processing instruction", `${ROOT}<?xml-stylesheet href="x"?></svg>`],
    ["a raw >", `${ROOT}<text>a > b</text></svg>`],
    ["a bare &", `${ROOT}<text>a & b</text></svg>`],
    ["an unknown entity", `${ROOT}<text>&nbsp;</text></svg>`],
    ["a single-quoted attribute", `${ROOT}<rect fill='red'/></svg>`],
    ["an unclosed element", `${ROOT}<g>`],
    ["mismatched tags", `${ROOT}<g></text></svg>`],
    ["a second root", `${ROOT}</svg><svg/>`],
    ["a root that is not svg", `<html/>`],
    ["nothing at all", ``],
  ])("%s", (_name, svg) => {
    expect(scanSvg(svg)).not.toEqual([]);
  });

  it("nothing in a plain drawing with escaped text, references and the declaration", () => {
    const svg =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `${ROOT}\n  <defs><marker id="m"/></defs>\n  <path d="M0 0" marker-end="url(#m)"/>\n` +
      "  <text>&lt;script&gt; &amp; &#60; &#x3c; &quot;</text>\n</svg>\n";
    expect(scanSvg(svg)).toEqual([]);
  });
});

/** Script and data links, as a careless or hostile file carries them in text. */
const LINKS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "&#106;avascript:alert(1)",
  "javascript://%0aalert(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
  "vbscript:msgbox(1)",
  'https://example.com/"><script>alert(1)</script>',
];

const hostile = fc.oneof(
  { weight: 3, arbitrary: hostileStringArb },
  { weight: 1, arbitrary: fc.constantFrom(...LINKS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
);

/** A valid journey with hostile text in every text field and colour. */
const hostileJourneyArb: fc.Arbitrary<Journey> = fc
  .tuple(journeyArb, fc.infiniteStream(hostile))
  .map(([journey, texts]) => {
    const next = () => texts.next().value as string;
    return {
      ...journey,
      title: next(),
      scenario: next(),
      description: next(),
      ownerTeam: next(),
      actors: journey.actors.map((a) => ({
        ...a,
        name: next(),
        shortName: next(),
        colour: next(),
      })),
      lanes: journey.lanes.map((l) => ({ ...l, team: next() })),
      stages: journey.stages.map((s) => ({ ...s, name: next() })),
      steps: journey.steps.map((s) => ({
        ...s,
        label: next(),
        description: next(),
        dataItems: [next(), ...s.dataItems],
        evidence: [next(), next()],
        painPoints: [next()],
        notes: next(),
        tags: [next()],
      })),
      flows: journey.flows.map((f) => ({ ...f, label: next() })),
      annotations: journey.annotations.map((a) => ({ ...a, text: next() })),
    };
  });

const KINDS: HandoffKind[] = ["direct", "citizen-carried", "internal"];

function highlightsFor(journey: Journey, keys: string[]): SvgHighlights {
  return {
    duplicateOf: new Map(
      journey.steps.map((s, i) => [s.id, { cluster: i, key: keys[i % keys.length] ?? "" }]),
    ),
    repeatedAt: new Map(journey.steps.map((s) => [s.id, [...s.dataItems, ...keys]])),
    handoffOn: new Map(journey.flows.map((f, i) => [f.id, KINDS[i % 3]!])),
  };
}

// Each run draws a whole journey: 300 runs in npm test, where the jsdom check makes 1,000.
const BASE_RUNS = 300;

describe("exported SVG, as a property", () => {
  test.prop(
    [hostileJourneyArb, fc.boolean(), fc.array(hostile, { maxLength: 3 })],
    propertyParams(FIGURES.svgSafe, BASE_RUNS, FUZZ_MAX.svgScan),
  )(
    "holds nothing executable or external, whatever the journey's text and colours",
    (journey, withHighlights, keys) => {
      const svg = exportSvg(
        journey,
        withHighlights ? { highlights: highlightsFor(journey, keys) } : {},
      );
      expect(scanSvg(svg)).toEqual([]);
    },
    propertyTimeout(60_000, BASE_RUNS, FUZZ_MAX.svgScan),
  );
});
