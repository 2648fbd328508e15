/**
 * A strict reader of the SVG that Seams writes, for checking exports at fuzz scale without a
 * DOM (jsdom's DOMParser takes about a tenth of a second a drawing). It reads the subset of
 * XML the builder (src/export/xml.ts) emits: an optional XML declaration, elements with
 * double-quoted attributes, character data and entity references. Anything else (comments,
 * CDATA, processing instructions, doctypes, raw `<` or `>` in text, unknown entities,
 * unbalanced tags) is itself a finding, so the reader fails closed: what it cannot read is
 * never passed as safe.
 *
 * Findings name what a browser could run or load: elements outside the allow-list or on the
 * deny-list, namespaced names, `on*` handlers, any `href`, `style` attributes, script or data
 * URLs (after decoding entities), and `url(…)` that is not a same-document `#id` reference.
 */
import { ALLOWED_ELEMENTS, SVG_NS } from "../../../src/export/xml";
import { FORBIDDEN_SVG_ELEMENTS as DENIED } from "../../helpers/svg-safety";

const ALLOWED: ReadonlySet<string> = new Set(ALLOWED_ELEMENTS);

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTE = /\s+([A-Za-z_][\w.:-]*)="([^"<]*)"/y;
const TAG_END = /\s*(\/?)>/y;
const ENTITY = /&(amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});/y;

function decodeEntity(body: string): string {
  switch (body) {
    case "amp":
      return "&";
    case "lt":
      return "<";
    case "gt":
      return ">";
    case "quot":
      return '"';
    case "apos":
      return "'";
  }
  const code = body.startsWith("#x") ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
}

/** Decodes entity references; a `&` that starts none is reported through `bad`. */
function decode(raw: string, bad: (what: string) => void): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== "&") {
      out += raw[i];
      continue;
    }
    ENTITY.lastIndex = i;
    const match = ENTITY.exec(raw);
    if (!match) {
      bad(`a bare & at ${i}`);
      continue;
    }
    out += decodeEntity(match[1]!);
    i += match[0].length - 1;
  }
  return out;
}

function attributeFindings(element: string, name: string, value: string, out: string[]): void {
  const lower = name.toLowerCase();
  if (lower.startsWith("on")) out.push(`event handler ${name} on <${element}>`);
  if (lower.endsWith("href")) out.push(`link ${name} on <${element}>`);
  if (lower === "style") out.push(`style attribute on <${element}>`);
  if (lower.includes(":") || (lower.startsWith("xmlns") && lower !== "xmlns"))
    out.push(`namespaced attribute ${name} on <${element}>`);
  if (lower === "xmlns" && value !== SVG_NS) out.push(`namespace ${value} on <${element}>`);
  // Browsers drop tabs and line breaks inside URL schemes ("java\tscript:").
  const squeezed = value.replace(/[\t\n\r]/g, "");
  if (/(javascript|vbscript|data)\s*:/i.test(squeezed))
    out.push(`script or data URL in ${name} on <${element}>`);
  if (/url\s*\(\s*(?!#)/i.test(squeezed)) out.push(`external url() in ${name} on <${element}>`);
}

/** Everything executable, external or unreadable in SVG text, as readable findings. */
export function scanSvg(svg: string): string[] {
  const findings: string[] = [];
  const stack: string[] = [];
  let i = svg.startsWith(DECLARATION) ? DECLARATION.length : 0;
  let rootSeen = false;
  let text = "";
  const flushText = () => {
    if (text === "") return;
    if (text.includes(">")) findings.push("a raw > in text");
    if (stack.length === 0 && text.trim() !== "") findings.push("text outside the root element");
    decode(text, (what) => findings.push(what));
    text = "";
  };

  while (i < svg.length) {
    const lt = svg.indexOf("<", i);
    if (lt === -1) {
      text += svg.slice(i);
      break;
    }
    text += svg.slice(i, lt);
    flushText();
    if (svg[lt + 1] === "/") {
      NAME.lastIndex = lt + 2;
      const name = NAME.exec(svg)?.[0];
      const close = name ? svg.indexOf(">", lt) : -1;
      if (!name || close === -1 || svg.slice(lt + 2 + name.length, close).trim() !== "") {
        findings.push(`unreadable end tag at ${lt}`);
        return findings;
      }
      if (stack.pop() !== name) findings.push(`end tag </${name}> does not match at ${lt}`);
      i = close + 1;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const name = NAME.exec(svg)?.[0];
    if (!name) {
      findings.push(`unreadable markup at ${lt}: ${JSON.stringify(svg.slice(lt, lt + 12))}`);
      return findings;
    }
    if (stack.length === 0 && rootSeen) findings.push(`a second root element <${name}>`);
    if (!rootSeen && name !== "svg") findings.push(`the root element is <${name}>, not <svg>`);
    rootSeen = true;
    if (DENIED.has(name.toLowerCase())) findings.push(`element <${name}>`);
    if (!ALLOWED.has(name)) findings.push(`element not on the allow-list <${name}>`);
    if (name.includes(":")) findings.push(`namespaced element <${name}>`);
    let at = lt + 1 + name.length;
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const attr = ATTRIBUTE.exec(svg);
      if (!attr) break;
      const value = decode(attr[2]!, (what) => findings.push(`${what} in ${attr[1]}`));
      attributeFindings(name, attr[1]!, value, findings);
      at = ATTRIBUTE.lastIndex;
    }
    TAG_END.lastIndex = at;
    const end = TAG_END.exec(svg);
    if (!end) {
      findings.push(`unreadable start tag <${name}> at ${lt}`);
      return findings;
    }
    if (end[1] !== "/") stack.push(name);
    i = TAG_END.lastIndex;
  }
  flushText();
  if (!rootSeen) findings.push("no root element");
  if (stack.length > 0) findings.push(`unclosed <${stack.join("> <")}>`);
  return findings;
}
