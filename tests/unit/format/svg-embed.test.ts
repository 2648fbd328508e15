import { describe, expect, it } from "vitest";
import { serializeJourney } from "../../../src/format/envelope";
import { parseJourneyFile } from "../../../src/format/parse";
import {
  embedEnvelopeInSvgMetadata,
  extractEnvelopeFromSvg,
  svgSafeJson,
  unescapeXml,
} from "../../../src/format/svg-embed";
import { errorOf, fileWith, MINIMAL_TEXT, minimalEnvelope, opened } from "./sample-file";

const svgAround = (metadata: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>\n') =>
  `${prolog}<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n  <title>Journey</title>\n  ${metadata}\n  <rect width="10" height="10"/>\n</svg>\n`;

const metadataFor = (json: string) =>
  `<metadata id="seams-journey" data-format="seams-journey">${embedEnvelopeInSvgMetadata(json)}</metadata>`;

describe("embedEnvelopeInSvgMetadata", () => {
  it("escapes the five XML special characters", () => {
    expect(embedEnvelopeInSvgMetadata(`{"a":"<b> & 'c' \\"d\\""}`)).toBe(
      "{&quot;a&quot;:&quot;&lt;b&gt; &amp; &apos;c&apos; \\&quot;d\\&quot;&quot;}",
    );
  });

  it("writes characters XML forbids as JSON escapes, keeping the JSON value", () => {
    const json = JSON.stringify({ label: "a\uFFFEb" });
    expect(svgSafeJson(json)).toBe('{"label":"a\\ufffeb"}');
    expect(JSON.parse(svgSafeJson(json))).toEqual({ label: "a\uFFFEb" });
  });
});

describe("extractEnvelopeFromSvg", () => {
  it("gives back exactly the JSON that was embedded", () => {
    const json = serializeJourney(opened(parseJourneyFile(MINIMAL_TEXT)).journey);
    expect(extractEnvelopeFromSvg(svgAround(metadataFor(json)))).toBe(json);
  });

  it.each([
    [
      "single quotes and reordered attributes",
      `<metadata data-format='seams-journey' id='seams-journey'>{&quot;a&quot;:1}</metadata>`,
    ],
    ["only the id", `<metadata id="seams-journey">{"a":1}</metadata>`],
    [
      "only data-format, with spaces round =",
      `<metadata data-format = "seams-journey" >{"a":1}</metadata >`,
    ],
    [
      "a namespace prefix (as Inkscape may write)",
      `<svg:metadata id="seams-journey">{"a":1}</svg:metadata>`,
    ],
    ["a CDATA section", `<metadata id="seams-journey"><![CDATA[{"a":1}]]></metadata>`],
    ["numeric references", `<metadata id="seams-journey">&#123;&#x22;a&#x22;:1&#125;</metadata>`],
    [
      "a > inside an attribute before it",
      `<metadata title="a>b" id="seams-journey">{"a":1}</metadata>`,
    ],
  ])("finds the data with %s", (_name, metadata) => {
    expect(extractEnvelopeFromSvg(svgAround(metadata))).toBe('{"a":1}');
  });

  it("skips other metadata, comments and a look-alike inside a comment", () => {
    const svg = svgAround(
      `<!-- <metadata id="seams-journey">{"fake":1}</metadata> --><metadata id="other">x</metadata><metadata id="seams-journey">{"real":1}</metadata>`,
    );
    expect(extractEnvelopeFromSvg(svg)).toBe('{"real":1}');
  });

  it.each([
    ["no metadata", svgAround("")],
    ["only other metadata", svgAround(`<metadata><rdf:RDF/></metadata>`)],
    ["a self-closing Seams element", svgAround(`<metadata id="seams-journey"/>`)],
    ["an unclosed Seams element", `<svg><metadata id="seams-journey">{"a":1}`],
    ["an element nested inside", svgAround(`<metadata id="seams-journey"><x/>{"a":1}</metadata>`)],
    ["an unclosed comment", `<svg><!-- <metadata id="seams-journey">{}</metadata>`],
    ["a closing tag for another element", svgAround(`<metadata id="seams-journey">{}</metadatax>`)],
  ])("returns null for %s", (_name, svg) => {
    expect(extractEnvelopeFromSvg(svg)).toBeNull();
  });

  it("scans hostile text without hanging", () => {
    const attempts = [
      '<metadata id="seams-journey">'.repeat(50_000),
      "<".repeat(200_000),
      `<a b="${"x".repeat(200_000)}`,
      "<!--".repeat(50_000),
      `<metadata id="seams-journey">${"&".repeat(200_000)}</metadata>`,
    ];
    // A quadratic scan would not finish within the test's time limit on these.
    const found = attempts.map((svg) => extractEnvelopeFromSvg(svg));
    expect(found.map((f) => (f === null ? null : f.length))).toEqual([
      null,
      null,
      null,
      null,
      200_000,
    ]);
  });
});

describe("unescapeXml", () => {
  it.each([
    ["&lt;&gt;&amp;&quot;&apos;", `<>&"'`],
    ["&#65;&#x42;&#x1F600;", "AB\u{1F600}"],
    ["&#0;&#xD800;&#x110000;", "\uFFFD\uFFFD\uFFFD"],
    ["&nbsp; & &unknown; &#xZZ;", "&nbsp; & &unknown; &#xZZ;"],
    ["&amp;lt;", "&lt;"],
    ["no entities", "no entities"],
  ])("%s → %s", (escaped, plain) => {
    expect(unescapeXml(escaped)).toBe(plain);
  });
});

describe("opening an SVG with parseJourneyFile", () => {
  it("opens the journey embedded in a Seams SVG", () => {
    const result = opened(parseJourneyFile(svgAround(metadataFor(MINIMAL_TEXT))));
    expect(result.journey.id).toBe("journey_death01");
    expect(result.report).toEqual([]);
  });

  it("restores what it finds like any file", () => {
    const text = fileWith(
      (journey) => (journey.steps[0].label = "Book\u0000 </text><script>alert(1)</script>"),
    );
    const result = opened(parseJourneyFile(svgAround(metadataFor(text), "")));
    expect(result.journey.steps[0]?.label).toBe("Book </text><script>alert(1)</script>");
    expect(result.report).toEqual([
      {
        path: "steps[0].label",
        message: "removed 1 control character not allowed in text (such as NUL)",
      },
    ]);
  });

  it("refuses an SVG without Seams data", () => {
    expect(errorOf(parseJourneyFile(svgAround("")))).toEqual({
      kind: "not-a-journey-file",
      message:
        "This SVG (or other XML) file does not carry Seams data. Only SVG files exported from Seams can be opened.",
    });
  });

  it("refuses damaged embedded data as not JSON", () => {
    expect(
      errorOf(parseJourneyFile(svgAround(`<metadata id="seams-journey">{"format":</metadata>`)))
        .kind,
    ).toBe("not-json");
  });

  it("refuses embedded data of a newer version", () => {
    const envelope = minimalEnvelope();
    envelope.formatVersion = 3;
    expect(errorOf(parseJourneyFile(svgAround(metadataFor(JSON.stringify(envelope))))).kind).toBe(
      "newer-version",
    );
  });
});
