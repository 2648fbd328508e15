/**
 * Approximate text widths for laying out SVG text without a browser. The drawing names
 * Arial (Helvetica, Liberation Sans: the same metrics), so the widths of printable ASCII are
 * Arial's; other characters get a typical width, wide (CJK, emoji) characters a full em and
 * combining marks and invisible format characters none. Good enough to wrap a card's label
 * and keep it inside the card; a little slack is left for fonts that run wider.
 */

/** Widths in thousandths of an em of the characters U+0020 to U+007E, regular weight. */
const REGULAR = widths(
  "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 " +
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 " +
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 " +
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 " +
    "500 500 500 334 260 334 584",
);

/** The same, bold. */
const BOLD = widths(
  "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 " +
    "556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 " +
    "611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 " +
    "611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 " +
    "556 556 500 389 280 389 584",
);

function widths(list: string): number[] {
  return list.split(" ").map(Number);
}

function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp < 0x20
  );
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f000
  );
}

/** Width of one character (code point) in thousandths of an em. */
export function charWidth(cp: number, bold = false): number {
  if (cp >= 0x20 && cp <= 0x7e) return (bold ? BOLD : REGULAR)[cp - 0x20]!;
  if (isZeroWidth(cp)) return 0;
  if (isWide(cp)) return 1000;
  return bold ? 640 : 600;
}

/** Approximate width of a line of text at a font size, in the same units as the size. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let total = 0;
  for (const ch of text) total += charWidth(ch.codePointAt(0)!, bold);
  return (total * fontSize) / 1000;
}

export interface FontSpec {
  size: number;
  bold?: boolean;
}

const ELLIPSIS = "…";

/** Shortens text to fit a width, ending with an ellipsis when anything was cut. */
export function truncateToWidth(text: string, width: number, font: FontSpec): string {
  if (textWidth(text, font.size, font.bold) <= width) return text;
  const chars = Array.from(text);
  const room = width - textWidth(ELLIPSIS, font.size, font.bold);
  let used = 0;
  let end = 0;
  for (; end < chars.length; end++) {
    const w = (charWidth(chars[end]!.codePointAt(0)!, font.bold) * font.size) / 1000;
    if (used + w > room) break;
    used += w;
  }
  return chars.slice(0, end).join("").trimEnd() + ELLIPSIS;
}

/** Breaks a word that is wider than a line into pieces that fit. */
function splitLongWord(word: string, width: number, font: FontSpec): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const ch of word) {
    if (piece && textWidth(piece + ch, font.size, font.bold) > width) {
      pieces.push(piece);
      piece = "";
    }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Wraps text into at most `maxLines` lines no wider than `width`. Whitespace (including
 * line breaks) separates words; a word wider than a line is broken; when the text does not
 * fit, the last line ends with an ellipsis. */
export function wrapText(text: string, width: number, font: FontSpec, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  let overflow = false;
  for (let i = 0; i < words.length && !overflow; i++) {
    const pieces = splitLongWord(words[i]!, width, font);
    for (const piece of pieces) {
      const candidate = line ? `${line} ${piece}` : piece;
      if (!line || textWidth(candidate, font.size, font.bold) <= width) {
        line = candidate;
        continue;
      }
      lines.push(line);
      line = piece;
      if (lines.length === maxLines) {
        overflow = true;
        break;
      }
    }
  }
  if (!overflow && line) lines.push(line);
  if (lines.length > maxLines) lines.length = maxLines;
  if (overflow) {
    const last = lines[maxLines - 1]!;
    lines[maxLines - 1] = truncateToWidth(last + ELLIPSIS, width, font).replace(/…?$/, ELLIPSIS);
  }
  return lines;
}
