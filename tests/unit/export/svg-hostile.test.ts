// @vitest-environment jsdom
/**
 * Hostile text in an exported SVG (shared/reference/reliability.md B24–B29): markup and
 * script in labels, event handlers, control characters, bidi overrides, lone surrogates and
 * CSS in colours. The document must parse, carry nothing executable or external, and show
 * the text as text.
 */
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { exportSvg, type SvgHighlights } from "../../../src/export/svg";
import type { Journey } from "../../../src/domain/model";
import { buildJourney } from "../../helpers/journey-builder";
import { FIGURES, FUZZ_MAX, propertyParams, propertyTimeout } from "../../helpers/runs";
import { parseSvg, shownTexts, stepCards, unsafeFindings } from "./svg-walk";

const HOSTILE = [
  "</text><script>alert(1)</script>",
  '"><svg onload=alert(1)>',
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "<foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject>",
  '<a href="javascript:alert(1)">x</a>',
  "]]><script>alert(1)</script><![CDATA[",
  "<!-- --><?xml-stylesheet href='x'?>",
  "&lt;script&gt; &amp; &#60;",
  "\u202Eevil.exe",
  "\u0000NUL",
  "lone \ud800 surrogate",
  "x\udc00y",
  "\uFFFE\uFFFF",
  "red;background:url(//evil)",
  '<metadata id="seams-journey">{}</metadata>',
] as const;

/** A journey whose every text field, and its colours, hold the given strings. */
function hostileJourney(texts: readonly string[], colour = "red;background:url(//evil)"): Journey {
  const t = (i: number) => texts[i % texts.length] ?? "";
  const journey = buildJourney({
    title: t(0),
    actors: [
      { id: "citizen", type: "citizen", name: t(1), shortName: t(2), colour },
      { id: "org", name: t(3), shortName: t(4), colour },
    ],
    lanes: [
      { id: "L1", layer: "citizen", actorId: "citizen", team: t(5) },
      { id: "L2", layer: "backstage", actorId: "org", team: t(6) },
    ],
    stages: [
      { id: "S1", name: t(7) },
      { id: "S2", name: t(8) },
    ],
    steps: texts.map((label, i) => ({
      id: `s${i}`,
      laneId: i % 2 ? "L2" : "L1",
      stageId: i % 3 ? "S2" : "S1",
      label,
      description: t(i + 1),
      dataItems: [t(i + 2), t(i + 3)],
      painPoints: [t(i + 4)],
      failPoint: i % 2 === 0,
    })),
    flows: texts
      .slice(1)
      .map((label, i) => ({ id: `f${i}`, from: `s${i}`, to: `s${i + 1}`, label })),
  });
  return { ...journey, scenario: t(9), description: t(10), ownerTeam: t(11), updatedAt: t(12) };
}

function highlightsFor(journey: Journey): SvgHighlights {
  return {
    duplicateOf: new Map(journey.steps.map((s, i) => [s.id, { cluster: i, key: s.label }])),
    repeatedAt: new Map(journey.steps.map((s) => [s.id, s.dataItems])),
    handoffOn: new Map(
      journey.flows.map((f, i) => [
        f.id,
        (["direct", "citizen-carried", "internal"] as const)[i % 3]!,
      ]),
    ),
  };
}

/** What the drawing should show for a label: whitespace collapsed, XML-forbidden characters gone. */
function shown(label: string): string {
  return (
    label
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

describe("hostile text (B24–B29)", () => {
  const journey = hostileJourney(HOSTILE);
  const svg = exportSvg(journey, { highlights: highlightsFor(journey) });
  const doc = parseSvg(svg);

  it("parses, and holds no script, foreignObject, image, link, handler or external reference", () => {
    expect(unsafeFindings(doc)).toEqual([]);
    // The labels' markup is in the file only as escaped text.
    expect(svg).not.toMatch(/<(script|foreignObject|iframe|image|img|a|svg\s+onload)[\s>]/i);
  });

  it("shows each label literally, as the text of its card", () => {
    const cards = stepCards(doc);
    expect(cards).toHaveLength(HOSTILE.length);
    const titles = cards.map((c) => c.querySelector("title")?.textContent);
    for (const label of HOSTILE) expect(titles).toContain(shown(label));
    const texts = shownTexts(doc).join("\n");
    expect(texts).toContain("&lt;script&gt; &amp; &#60;");
    expect(texts).toContain("\u202Eevil.exe");
  });

  it("writes markup in labels as escaped text", () => {
    expect(svg).toContain("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(svg).not.toContain("\u0000");
  });

  it("falls back to a plain colour when a colour is not #rrggbb (B27)", () => {
    const values = Array.from(doc.querySelectorAll("*")).flatMap((e) =>
      Array.from(e.attributes, (a) => a.value),
    );
    expect(values.filter((v) => /background|evil|;/.test(v))).toEqual([]);
    const fills = Array.from(doc.querySelectorAll("[fill]")).map(
      (e) => e.getAttribute("fill") ?? "",
    );
    for (const fill of fills) expect(fill).toMatch(/^(#[0-9a-f]{3,6}|none|url\(#[\w.-]+\))$/i);
  });

  it("has exactly one Seams metadata element, whatever the labels say", () => {
    expect(doc.querySelectorAll("metadata")).toHaveLength(1);
  });
});

/** Hostile strings: anything (lone surrogates and controls included), known attacks, and mixes. */
const hostileString = fc.oneof(
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
    maxLength: 40,
  }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(...HOSTILE),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...HOSTILE, "<", ">", "&", '"', "'", "=", "\u0000", "\ud800"),
        fc.string(),
      ),
      {
        maxLength: 5,
      },
    )
    .map((parts) => parts.join("")),
);

describe("hostile text, as a property", () => {
  test.prop(
    [fc.array(hostileString, { minLength: 1, maxLength: 6 }), hostileString, fc.boolean()],
    propertyParams(FIGURES.svgSafe, 1000, FUZZ_MAX.jsdomSvg),
  )(
    "any labels, titles, names and data items give a well-formed document with nothing executable",
    (texts, colour, withHighlights) => {
      const journey = hostileJourney(texts, colour);
      const svg = exportSvg(journey, withHighlights ? { highlights: highlightsFor(journey) } : {});
      const doc = parseSvg(svg);
      expect(unsafeFindings(doc)).toEqual([]);
      const titles = stepCards(doc).map((c) => c.querySelector("title")?.textContent ?? "");
      expect(titles).toEqual(journey.steps.map((s) => shown(s.label)));
    },
    propertyTimeout(120_000, 1000, FUZZ_MAX.jsdomSvg),
  );
});
