/**
 * Test helpers for exported SVG: parse it as XML the way a browser would (jsdom's DOMParser,
 * so the calling test file runs in the jsdom environment) and list anything that could run
 * code or load something from elsewhere.
 */
import { ALLOWED_ELEMENTS, SVG_NS } from "../../../src/export/xml";
import { FORBIDDEN_SVG_ELEMENTS } from "../../helpers/svg-safety";

const ALLOWED: ReadonlySet<string> = new Set(ALLOWED_ELEMENTS);

/** Parses SVG text; throws with the parser's message when it is not well-formed. */
export function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`not well-formed: ${error.textContent ?? ""}`);
  return doc;
}

/** Everything executable or external in a parsed SVG document, as readable findings. */
export function unsafeFindings(doc: Document): string[] {
  const findings: string[] = [];
  for (const element of Array.from(doc.getElementsByTagName("*"))) {
    const name = element.localName;
    if (FORBIDDEN_SVG_ELEMENTS.has(name.toLowerCase())) findings.push(`element <${name}>`);
    if (!ALLOWED.has(name)) findings.push(`element not on the allow-list <${name}>`);
    if (element.namespaceURI !== SVG_NS)
      findings.push(`<${name}> in namespace ${String(element.namespaceURI)}`);
    for (const attr of Array.from(element.attributes)) {
      const attrName = attr.name.toLowerCase();
      const value = attr.value;
      if (attrName.startsWith("on")) findings.push(`event handler ${attr.name} on <${name}>`);
      if (attrName.endsWith("href")) findings.push(`link ${attr.name}="${value}" on <${name}>`);
      if (attrName === "style") findings.push(`style attribute on <${name}>`);
      if (/(javascript|vbscript|data)\s*:/i.test(value))
        findings.push(`script or data URL in ${attr.name} on <${name}>`);
      if (/url\s*\(\s*(?!#)/i.test(value))
        findings.push(`external url() in ${attr.name} on <${name}>`);
    }
  }
  return findings;
}

/** Texts shown by the drawing's `<text>` elements (tspans joined by a space). */
export function shownTexts(doc: Document): string[] {
  return Array.from(doc.getElementsByTagName("text")).map((text) => {
    const spans = Array.from(text.getElementsByTagName("tspan"));
    return spans.length > 0
      ? spans.map((s) => s.textContent ?? "").join(" ")
      : (text.textContent ?? "");
  });
}

/** The step cards of a drawing, each a `<g data-kind="step">`. */
export function stepCards(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('g[data-kind="step"]'));
}
