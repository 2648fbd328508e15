/** Elements that could run code or load something from elsewhere, which no exported SVG may
 * hold, whatever the allow-list says (lower case: "foreignObject" is "foreignobject"). */
export const FORBIDDEN_SVG_ELEMENTS: ReadonlySet<string> = new Set([
  "script",
  "foreignobject",
  "iframe",
  "image",
  "a",
  "use",
  "animate",
  "set",
  "style",
  "object",
  "embed",
]);
