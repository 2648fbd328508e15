import { describe, expect, it } from "vitest";
import {
  XmlBuildError,
  cleanXmlText,
  el,
  escapeXmlAttr,
  escapeXmlText,
  escapedText,
  formatNumber,
  serializeXml,
  text,
  type SvgElementName,
} from "../../../src/export/xml";

describe("cleanXmlText", () => {
  it.each([
    ["plain", "Register the death", "Register the death"],
    ["NUL", "a\u0000b", "ab"],
    ["other C0 controls", "\u0001x\u0008\u000b\u000c\u001f", "x"],
    ["tab, line feed, carriage return kept", "a\tb\nc\rd", "a\tb\nc\rd"],
    ["lone high surrogate", "x\ud800y", "xy"],
    ["lone low surrogate", "x\udc00y", "xy"],
    ["high surrogate at the end", "x\ud83d", "x"],
    ["surrogate pair kept", "ok 😀", "ok 😀"],
    ["U+FFFE and U+FFFF", "a\ufffeb\uffff", "ab"],
    ["bidi override kept as text", "\u202eevil", "\u202eevil"],
    ["zero-width space kept", "a\u200bb", "a\u200bb"],
  ])("%s", (_name, input, expected) => {
    expect(cleanXmlText(input)).toBe(expected);
  });
});

describe("escaping", () => {
  it("escapes markup in text", () => {
    expect(escapeXmlText("</text><script>alert(1)</script> & ]]>")).toBe(
      "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt;",
    );
  });

  it("escapes quotes and whitespace in attribute values", () => {
    expect(escapeXmlAttr(`"><svg onload='x'>\n\t`)).toBe(
      "&quot;&gt;&lt;svg onload=&apos;x&apos;&gt;&#10;&#9;",
    );
  });

  it("formats numbers with at most two decimals and never -0", () => {
    expect(formatNumber(1 / 3)).toBe("0.33");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(-0.001)).toBe("0");
    expect(formatNumber(12)).toBe("12");
    expect(() => formatNumber(Number.NaN)).toThrow(XmlBuildError);
    expect(() => formatNumber(Infinity)).toThrow(XmlBuildError);
  });
});

describe("el: the allow-lists", () => {
  it.each(["script", "foreignObject", "image", "a", "use", "animate", "set", "style", "iframe"])(
    "refuses the element <%s>",
    (name) => {
      expect(() => el(name as SvgElementName)).toThrow(XmlBuildError);
    },
  );

  it.each([
    "onload",
    "onclick",
    "onmouseover",
    "href",
    "xlink:href",
    "style",
    "class",
    "src",
    "__proto__",
    "constructor",
  ])("refuses the attribute %s", (name) => {
    expect(() => el("rect", { [name]: "x" })).toThrow(XmlBuildError);
  });

  it.each([
    ["fill", "red;background:url(//evil)"],
    ["fill", "url(//evil)"],
    ["fill", "url(https://evil.example/x.svg#p)"],
    ["fill", '"><script>'],
    ["stroke", "</style>"],
    ["fill", "javascript:alert(1)"],
    ["marker-end", "url(https://evil.example/m.svg#a)"],
    ["marker-end", "url(#a) x"],
    ["font-family", "Arial; background: url(x)"],
    ["font-family", "x</text>"],
    ["transform", "translate(1 2) url(#x)"],
    ["d", "M0 0 L10 10 javascript:alert(1)"],
    ["id", "data:text/html,x"],
    ["x", "10px; onload=alert(1)"],
    ["data-format", "seams journey"],
  ])("refuses %s=%j", (name, value) => {
    expect(() => el("path", { [name]: value })).toThrow(XmlBuildError);
  });

  it.each([
    ["fill", "#1d70b8"],
    ["fill", "#fff"],
    ["fill", "none"],
    ["stroke", "url(#seams-arrow-plain)"],
    ["marker-end", "url(#seams-arrow-direct)"],
    ["font-family", "Arial, Helvetica, sans-serif"],
    ["transform", "translate(24 130)"],
    ["d", "M0 0 L10 5 L0 10 Z"],
    ["stroke-dasharray", "7 4"],
    ["viewBox", "0 0 100 50"],
  ])("accepts %s=%j", (name, value) => {
    expect(() => el("path", { [name]: value })).not.toThrow();
  });

  it("leaves out attributes whose value is null, undefined or false", () => {
    expect(
      serializeXml(el("rect", { x: 1, y: null, width: undefined, fill: false }), {
        declaration: false,
      }),
    ).toBe('<rect x="1"/>\n');
  });
});

describe("escapedText", () => {
  it("accepts already escaped character data", () => {
    expect(escapedText('{"a":"&lt;b&gt; &amp; &quot;c&quot; &#10; &#x1F600;"}').xml).toContain(
      "&lt;b&gt;",
    );
  });

  it.each([
    ["an element", "x<script>alert(1)</script>"],
    ["a closing tag", "</metadata><script>"],
    ["a bare ampersand", "a & b"],
    ["an unknown entity", "&nbsp;"],
    ["a >", "a > b"],
    ["a NUL", "a\u0000b"],
  ])("refuses %s", (_name, xml) => {
    expect(() => escapedText(xml)).toThrow(XmlBuildError);
  });
});

describe("serializeXml", () => {
  it("writes a declaration, indents element-only content and keeps text elements on one line", () => {
    const doc = el(
      "svg",
      { xmlns: "http://www.w3.org/2000/svg", width: 10, height: 10 },
      el("g", {}, el("rect", { x: 0 })),
      el("text", { x: 1 }, el("tspan", { x: 1 }, "a < b"), el("tspan", { x: 1 }, "c")),
    );
    expect(serializeXml(doc)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n' +
        '  <g>\n    <rect x="0"/>\n  </g>\n' +
        '  <text x="1"><tspan x="1">a &lt; b</tspan><tspan x="1">c</tspan></text>\n' +
        "</svg>\n",
    );
  });

  it("writes hostile text as text, cleaned of characters XML forbids", () => {
    const out = serializeXml(
      el("text", {}, text('</text><script>alert(1)</script>\u0000"\ud800')),
      {
        declaration: false,
      },
    );
    expect(out).toBe('<text>&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"</text>\n');
  });
});
