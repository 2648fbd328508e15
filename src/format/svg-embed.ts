import { escapeXmlForbiddenInJson } from "./text";

/**
 * How a journey travels inside an SVG export, so the same SVG can be opened in Seams again.
 * The exporter writes one element:
 *
 *   <metadata id="seams-journey" data-format="seams-journey">…</metadata>
 *
 * whose text is the envelope JSON (`serializeJourney`). Built as a string, the text is
 * `embedEnvelopeInSvgMetadata(json)`. Built with DOM APIs, set `textContent` to
 * `svgSafeJson(json)` and let XMLSerializer escape it. Import finds the element with
 * `extractEnvelopeFromSvg`, without a DOM.
 */

export const SVG_METADATA_ID = "seams-journey";

/** The JSON with every character XML forbids written as a JSON escape; same JSON value. */
export function svgSafeJson(json: string): string {
  return escapeXmlForbiddenInJson(json);
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** The XML-escaped text to place inside the Seams `<metadata>` element. */
export function embedEnvelopeInSvgMetadata(json: string): string {
  return svgSafeJson(json).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);
/** Longest entity worth reading: `&#x10FFFF;` is 10 characters. */
const MAX_ENTITY = 12;

function decodeEntity(body: string): string | null {
  const named = NAMED_ENTITIES.get(body);
  if (named !== undefined) return named;
  let codePoint: number;
  if (/^#x[0-9A-Fa-f]{1,6}$/.test(body)) codePoint = Number.parseInt(body.slice(2), 16);
  else if (/^#[0-9]{1,7}$/.test(body)) codePoint = Number.parseInt(body.slice(1), 10);
  else return null;
  const valid =
    codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
  return valid ? String.fromCodePoint(codePoint) : "\uFFFD";
}

/** Replaces the five XML entities and numeric character references; leaves any other `&` as it is. */
export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  const parts: string[] = [];
  let start = 0;
  let at = text.indexOf("&");
  while (at !== -1) {
    const semicolon = text.slice(at + 1, at + 1 + MAX_ENTITY).indexOf(";");
    const decoded = semicolon === -1 ? null : decodeEntity(text.slice(at + 1, at + 1 + semicolon));
    if (decoded !== null) {
      parts.push(text.slice(start, at), decoded);
      start = at + semicolon + 2;
    }
    at = text.indexOf("&", decoded === null ? at + 1 : start);
  }
  parts.push(text.slice(start));
  return parts.join("");
}

const isNameChar = (char: string): boolean => /[A-Za-z0-9_:.-]/.test(char);
const isSpace = (char: string): boolean =>
  char === " " || char === "\t" || char === "\n" || char === "\r";

/** The index of the `>` closing a start tag that begins at `from`, skipping quoted values. */
function tagEnd(text: string, from: number): number {
  let quoteChar: string | null = null;
  for (let i = from; i < text.length; i++) {
    const char = text[i] as string;
    if (quoteChar !== null) {
      if (char === quoteChar) quoteChar = null;
    } else if (char === '"' || char === "'") {
      quoteChar = char;
    } else if (char === ">") {
      return i;
    }
  }
  return -1;
}

/** The attributes of a start tag's inside (`id="x" data-format='y'`), values unescaped. */
function readAttributes(inside: string): Map<string, string> {
  const attributes = new Map<string, string>();
  let i = 0;
  while (i < inside.length) {
    while (i < inside.length && !isNameChar(inside[i] as string)) i++;
    const nameStart = i;
    while (i < inside.length && isNameChar(inside[i] as string)) i++;
    const name = inside.slice(nameStart, i);
    while (i < inside.length && isSpace(inside[i] as string)) i++;
    if (inside[i] !== "=") continue;
    i++;
    while (i < inside.length && isSpace(inside[i] as string)) i++;
    const quoteChar = inside[i];
    if (quoteChar !== '"' && quoteChar !== "'") continue;
    const close = inside.indexOf(quoteChar, i + 1);
    if (close === -1) break;
    if (name !== "" && !attributes.has(name))
      attributes.set(name, unescapeXml(inside.slice(i + 1, close)));
    i = close + 1;
  }
  return attributes;
}

const localName = (qualified: string): string => qualified.slice(qualified.lastIndexOf(":") + 1);

/** The text of the element whose start tag ends at `openEnd`, up to `</name>`: entities
 * unescaped, CDATA sections taken literally. Null if another element is nested inside or the
 * element is not closed. */
function elementText(text: string, openEnd: number, name: string): string | null {
  const parts: string[] = [];
  let at = openEnd + 1;
  for (;;) {
    const lt = text.indexOf("<", at);
    if (lt === -1) return null;
    parts.push(unescapeXml(text.slice(at, lt)));
    if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9);
      if (end === -1) return null;
      parts.push(text.slice(lt + 9, end));
      at = end + 3;
    } else if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end === -1) return null;
      at = end + 3;
    } else if (text.startsWith(`</${name}`, lt)) {
      let i = lt + 2 + name.length;
      while (i < text.length && isSpace(text[i] as string)) i++;
      return text[i] === ">" ? parts.join("") : null;
    } else {
      return null;
    }
  }
}

/**
 * Finds the Seams metadata element (`metadata` or `prefix:metadata`, with
 * `id="seams-journey"` or `data-format="seams-journey"`) in SVG text and returns its text,
 * unescaped: the envelope JSON. Null when there is none. A single forward scan: comments,
 * CDATA, processing instructions and declarations are skipped, and no regex backtracks.
 */
export function extractEnvelopeFromSvg(svgText: string): string | null {
  let at = 0;
  for (;;) {
    const lt = svgText.indexOf("<", at);
    if (lt === -1) return null;
    const skipTo = (terminator: string, from: number): number => {
      const end = svgText.indexOf(terminator, from);
      return end === -1 ? -1 : end + terminator.length;
    };
    let next: number;
    if (svgText.startsWith("<!--", lt)) next = skipTo("-->", lt + 4);
    else if (svgText.startsWith("<![CDATA[", lt)) next = skipTo("]]>", lt + 9);
    else if (svgText.startsWith("<?", lt)) next = skipTo("?>", lt + 2);
    else if (svgText.startsWith("<!", lt)) next = skipTo(">", lt + 2);
    else {
      let nameEnd = lt + 1;
      while (nameEnd < svgText.length && isNameChar(svgText[nameEnd] as string)) nameEnd++;
      const name = svgText.slice(lt + 1, nameEnd);
      const end = tagEnd(svgText, nameEnd);
      if (end === -1) return null;
      if (localName(name) === "metadata" && svgText[end - 1] !== "/") {
        const attributes = readAttributes(svgText.slice(nameEnd, end));
        if (
          attributes.get("id") === SVG_METADATA_ID ||
          attributes.get("data-format") === SVG_METADATA_ID
        ) {
          const content = elementText(svgText, end, name);
          if (content !== null) return content;
        }
      }
      next = end + 1;
    }
    if (next === -1) return null;
    at = next;
  }
}
