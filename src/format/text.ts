/**
 * Text cleaning shared by restore and the SVG embedding. Journey text must be valid XML 1.0
 * character data, because it is exported into SVG: no NUL or other C0 control characters
 * (tab, line feed and carriage return are kept), no U+FFFE/U+FFFF, and no unpaired UTF-16
 * surrogates. Other characters (bidi controls such as U+202E, zero-width characters) are
 * kept as written: they are valid text and rendered as text, never as markup.
 */

const REPLACEMENT = "\uFFFD";

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True for a UTF-16 code unit that is never allowed in XML text (surrogates aside). */
function isForbiddenUnit(unit: number): boolean {
  if (unit < 0x20) return unit !== 0x09 && unit !== 0x0a && unit !== 0x0d;
  return unit === 0xfffe || unit === 0xffff;
}

/** True when the text has no forbidden characters and no unpaired surrogates. */
export function isCleanText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isForbiddenUnit(unit)) return false;
    if (isHighSurrogate(unit)) {
      if (!isLowSurrogate(text.charCodeAt(i + 1))) return false;
      i++;
    } else if (isLowSurrogate(unit)) {
      return false;
    }
  }
  return true;
}

export interface CleanedText {
  text: string;
  /** Forbidden characters removed. */
  removed: number;
  /** Unpaired surrogates replaced by U+FFFD. */
  replaced: number;
  /** The length before shortening, or null when the text was short enough. */
  shortenedFrom: number | null;
}

/** Removes forbidden characters, replaces unpaired surrogates with U+FFFD, then shortens the
 * text to at most `max` code units without splitting a surrogate pair. */
export function cleanText(text: string, max: number): CleanedText {
  let out = text;
  let removed = 0;
  let replaced = 0;
  if (!isCleanText(text)) {
    const parts: string[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      const forbidden = isForbiddenUnit(unit);
      const unpaired = isHighSurrogate(unit) || isLowSurrogate(unit);
      if (!forbidden && !unpaired) continue;
      parts.push(text.slice(start, i));
      if (unpaired) {
        parts.push(REPLACEMENT);
        replaced++;
      } else {
        removed++;
      }
      start = i + 1;
    }
    parts.push(text.slice(start));
    out = parts.join("");
  }
  let shortenedFrom: number | null = null;
  if (out.length > max) {
    shortenedFrom = out.length;
    let end = max;
    if (end > 0 && isHighSurrogate(out.charCodeAt(end - 1))) end--;
    out = out.slice(0, end);
  }
  return { text: out, removed, replaced, shortenedFrom };
}

/** Rewrites characters that XML forbids (forbidden units and unpaired surrogates) as JSON
 * `\uXXXX` escapes. In JSON text such characters can only stand inside a string, where the
 * escape means the same thing, so the JSON value is unchanged. */
export function escapeXmlForbiddenInJson(json: string): string {
  if (isCleanText(json)) return json;
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < json.length; i++) {
    const unit = json.charCodeAt(i);
    if (isHighSurrogate(unit) && isLowSurrogate(json.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    if (!isForbiddenUnit(unit) && !isHighSurrogate(unit) && !isLowSurrogate(unit)) continue;
    parts.push(json.slice(start, i), `\\u${unit.toString(16).padStart(4, "0")}`);
    start = i + 1;
  }
  parts.push(json.slice(start));
  return parts.join("");
}
