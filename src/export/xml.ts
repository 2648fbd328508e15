/**
 * A small, safe builder for the SVG that Seams exports. Every element name and attribute
 * name comes from an allow-list, every attribute value is checked against the kind of value
 * that attribute takes, and every piece of text is cleaned of characters XML forbids and
 * escaped on output. User text can only ever become character data: never markup, never an
 * attribute that runs code or loads something from elsewhere.
 *
 * No script, foreignObject, image, a, use, animate, set or style elements exist here; no
 * `on*` attributes, no href, and no `url(…)` that is not a reference to an `#id` in the same
 * document (see shared/reference/reliability.md §3.3).
 */

export const SVG_NS = "http://www.w3.org/2000/svg";

/** The only elements the builder will write. */
export const ALLOWED_ELEMENTS = [
  "svg",
  "g",
  "rect",
  "line",
  "path",
  "polyline",
  "polygon",
  "circle",
  "text",
  "tspan",
  "title",
  "desc",
  "defs",
  "marker",
  "metadata",
] as const;
export type SvgElementName = (typeof ALLOWED_ELEMENTS)[number];

const ELEMENTS: ReadonlySet<string> = new Set(ALLOWED_ELEMENTS);

type ValueKind =
  | "number"
  | "numbers"
  | "paint"
  | "ref"
  | "path"
  | "font"
  | "token"
  | "transform"
  | "id"
  | "namespace";

/** Attribute name → the kind of value it accepts. Anything not listed is refused. */
const ATTRIBUTES: Readonly<Record<string, ValueKind>> = {
  xmlns: "namespace",
  version: "number",
  id: "id",
  width: "number",
  height: "number",
  viewBox: "numbers",
  x: "number",
  y: "number",
  x1: "number",
  y1: "number",
  x2: "number",
  y2: "number",
  cx: "number",
  cy: "number",
  r: "number",
  rx: "number",
  ry: "number",
  dx: "number",
  dy: "number",
  d: "path",
  points: "numbers",
  transform: "transform",
  fill: "paint",
  stroke: "paint",
  "fill-opacity": "number",
  "stroke-opacity": "number",
  opacity: "number",
  "stroke-width": "number",
  "stroke-dasharray": "numbers",
  "stroke-linecap": "token",
  "stroke-linejoin": "token",
  "marker-end": "ref",
  "marker-start": "ref",
  refX: "number",
  refY: "number",
  markerWidth: "number",
  markerHeight: "number",
  markerUnits: "token",
  orient: "token",
  "font-family": "font",
  "font-size": "number",
  "font-weight": "token",
  "font-style": "token",
  "text-anchor": "token",
  "dominant-baseline": "token",
  "letter-spacing": "number",
  "data-format": "token",
  "data-kind": "token",
  role: "token",
  "aria-labelledby": "id",
};

const PATTERNS: Readonly<Record<ValueKind, RegExp>> = {
  number: /^-?\d+(\.\d+)?(e[+-]?\d+)?%?$/i,
  numbers: /^[-\d.,eE+ ]*$/,
  // Colours only: #rgb, #rrggbb, a plain keyword, or a paint server in this document.
  paint: /^(#[0-9a-f]{3}|#[0-9a-f]{6}|[a-z]{3,20}|url\(#[a-z][\w.-]*\))$/i,
  ref: /^url\(#[a-z][\w.-]*\)$/i,
  path: /^[MLHVCSQTAZmlhvcsqtaz\d\s.,eE+-]*$/,
  font: /^[a-z0-9 ,'"-]+$/i,
  token: /^[a-z0-9-]+$/i,
  transform: /^((translate|scale|rotate)\([-\d.,eE+ ]+\)\s*)+$/,
  id: /^[a-z][\w.-]*$/i,
  namespace: /^http:\/\/www\.w3\.org\/2000\/svg$/,
};

/** A value that could never belong in an exported drawing, whatever the attribute. */
const DANGEROUS = /(javascript|vbscript|data)\s*:|expression\s*\(|@import/i;

export class XmlBuildError extends Error {
  override name = "XmlBuildError";
}

export type AttrValue = string | number;
export type Attrs = Readonly<Record<string, AttrValue | null | undefined | false>>;

export interface XmlElement {
  readonly kind: "element";
  readonly name: SvgElementName;
  readonly attrs: ReadonlyArray<readonly [string, string]>;
  readonly children: readonly XmlNode[];
}

export interface XmlText {
  readonly kind: "text";
  /** Clean text, not yet escaped. */
  readonly text: string;
}

/** Character data that is already escaped (checked to contain no markup). */
export interface XmlEscapedText {
  readonly kind: "escaped";
  readonly xml: string;
}

export type XmlNode = XmlElement | XmlText | XmlEscapedText;
export type XmlChild = XmlNode | string | number | null | undefined | false;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Removes what XML 1.0 forbids in text: NUL and the other C0 controls (tab, line feed and
 * carriage return are kept), U+FFFE, U+FFFF and unpaired surrogates. Everything else,
 * including bidi controls such as U+202E, is kept: it is text and is shown as text. */
export function cleanXmlText(text: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    const control = unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d;
    const bad =
      control ||
      unit === 0xfffe ||
      unit === 0xffff ||
      isHighSurrogate(unit) ||
      isLowSurrogate(unit);
    if (!bad) continue;
    out += text.slice(start, i);
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

/** Escapes clean text for use as character data. */
export function escapeXmlText(text: string): string {
  return cleanXmlText(text).replace(/[&<>]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;",
  );
}

const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Escapes clean text for use inside a double-quoted attribute value. */
export function escapeXmlAttr(text: string): string {
  return cleanXmlText(text).replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

/** Formats a number for an attribute: at most two decimals, no "-0", never NaN. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new XmlBuildError(`not a finite number: ${String(n)}`);
  const rounded = Math.round(n * 100) / 100;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

function checkAttr(element: string, name: string, value: AttrValue): string {
  const kind = ATTRIBUTES[name];
  if (!kind || !Object.hasOwn(ATTRIBUTES, name)) {
    throw new XmlBuildError(`attribute not allowed: ${element}[${name}]`);
  }
  const text = typeof value === "number" ? formatNumber(value) : cleanXmlText(value);
  if (DANGEROUS.test(text) || !PATTERNS[kind].test(text)) {
    throw new XmlBuildError(`unsafe value for ${element}[${name}]`);
  }
  return text;
}

/** Makes an element. Throws XmlBuildError for an element or attribute outside the allow-list,
 * or an attribute value that is not the kind of value the attribute takes. Attributes whose
 * value is null, undefined or false are left out. */
export function el(name: SvgElementName, attrs: Attrs = {}, ...children: XmlChild[]): XmlElement {
  if (!ELEMENTS.has(name)) throw new XmlBuildError(`element not allowed: ${String(name)}`);
  const checked: [string, string][] = [];
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    checked.push([key, checkAttr(name, key, value)]);
  }
  const nodes: XmlNode[] = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    nodes.push(typeof child === "object" ? child : text(String(child)));
  }
  return { kind: "element", name, attrs: checked, children: nodes };
}

/** Text content, cleaned of characters XML forbids; escaped when serialized. */
export function text(value: string): XmlText {
  return { kind: "text", text: cleanXmlText(value) };
}

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/iy;

/** True when text is escaped character data: no `<` or `>`, and every `&` starts an entity. */
function isEscapedCharData(xml: string): boolean {
  if (xml.includes("<") || xml.includes(">")) return false;
  for (let at = xml.indexOf("&"); at !== -1; at = xml.indexOf("&", at + 1)) {
    ENTITY.lastIndex = at;
    if (!ENTITY.test(xml)) return false;
  }
  return true;
}

/** Character data that someone else has already escaped (the embedded journey envelope).
 * Refused unless it is plain escaped text: no `<`, no `>`, and every `&` an entity. */
export function escapedText(xml: string): XmlEscapedText {
  if (!isEscapedCharData(xml) || cleanXmlText(xml) !== xml) {
    throw new XmlBuildError("escaped text contains markup or characters XML forbids");
  }
  return { kind: "escaped", xml };
}

/** Elements whose whitespace is significant: never indented inside. */
const INLINE: ReadonlySet<SvgElementName> = new Set(["text", "tspan", "title", "desc", "metadata"]);

/** Serializes an element tree to XML text. Elements that hold only elements are indented;
 * text elements are written on one line so no stray whitespace is added to what they show. */
export function serializeXml(root: XmlElement, opts: { declaration?: boolean } = {}): string {
  const out: string[] = [];
  if (opts.declaration ?? true) out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  write(root, 0, out);
  out.push("\n");
  return out.join("");
}

function write(node: XmlNode, depth: number, out: string[], inline = false): void {
  if (node.kind === "text") {
    out.push(escapeXmlText(node.text));
    return;
  }
  if (node.kind === "escaped") {
    out.push(node.xml);
    return;
  }
  out.push("<", node.name);
  for (const [key, value] of node.attrs) out.push(" ", key, '="', escapeXmlAttr(value), '"');
  if (node.children.length === 0) {
    out.push("/>");
    return;
  }
  out.push(">");
  const keepInline = inline || INLINE.has(node.name);
  const pad = keepInline ? "" : "\n" + "  ".repeat(depth + 1);
  for (const child of node.children) {
    out.push(pad);
    write(child, depth + 1, out, keepInline);
  }
  if (!keepInline) out.push("\n", "  ".repeat(depth));
  out.push("</", node.name, ">");
}
