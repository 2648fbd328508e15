import { EMOTIONS, type Emotion } from "../domain/model";
import { quote, type RepairLog } from "./errors";
import { COLOUR_PATTERN, timestampSchema } from "./journey-schema";
import { MAX_LIST_ITEMS, MAX_MINUTES, MAX_TEXT_CHARS } from "./limits";
import { cleanText } from "./text";

/**
 * Repairs of single values. Each returns a valid value and records what it changed. A missing
 * optional field takes its default without a report: the format defines it as optional.
 */

/** The time given to a journey whose creation time is missing or unreadable. */
export const UNKNOWN_TIME = "1970-01-01T00:00:00.000Z";

function plural(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

/** Text with forbidden characters removed, unpaired surrogates replaced and length capped. */
export function repairText(
  value: string | undefined,
  max: number,
  path: string,
  log: RepairLog,
): string {
  if (value === undefined) return "";
  const cleaned = cleanText(value, max);
  if (cleaned.removed > 0) {
    log.add(
      path,
      `removed ${plural(cleaned.removed, "control character", "control characters")} not allowed in text (such as NUL)`,
    );
  }
  if (cleaned.replaced > 0) {
    log.add(
      path,
      `replaced ${plural(cleaned.replaced, "unpaired surrogate", "unpaired surrogates")} with U+FFFD`,
    );
  }
  if (cleaned.shortenedFrom !== null) {
    log.add(
      path,
      `shortened from ${cleaned.shortenedFrom} to ${cleaned.text.length} characters (the limit is ${max})`,
    );
  }
  return cleaned.text;
}

export const shortText = (value: string | undefined, path: string, log: RepairLog): string =>
  repairText(value, MAX_TEXT_CHARS.short, path, log);

export const longText = (value: string | undefined, path: string, log: RepairLog): string =>
  repairText(value, MAX_TEXT_CHARS.long, path, log);

/** A list of short texts, capped at {@link MAX_LIST_ITEMS} entries. */
export function textList(
  values: readonly string[] | undefined,
  path: string,
  log: RepairLog,
): string[] {
  if (values === undefined) return [];
  let kept = values;
  if (values.length > MAX_LIST_ITEMS) {
    log.add(path, `kept the first ${MAX_LIST_ITEMS} of ${values.length} entries`);
    kept = values.slice(0, MAX_LIST_ITEMS);
  }
  return kept.map((value, i) => shortText(value, `${path}[${i}]`, log));
}

/** 0 for -0 (reported); any other number unchanged. */
export function positiveZero(value: number, path: string, log: RepairLog): number {
  if (!Object.is(value, -0)) return value;
  log.add(path, "changed -0 to 0");
  return 0;
}

/** Minutes from 0 to {@link MAX_MINUTES}; anything else (NaN, ±Infinity, negative, huge) is cleared. */
export function repairMinutes(
  value: number | null | undefined,
  path: string,
  log: RepairLog,
): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isFinite(value)) {
    log.add(path, `${String(value)} is not a number of minutes; cleared`);
    return null;
  }
  if (value < 0 || value > MAX_MINUTES) {
    log.add(path, `${value} minutes is outside 0 to ${MAX_MINUTES}; cleared`);
    return null;
  }
  return positiveZero(value, path, log);
}

/** An emotion from −2 to +2 (whole numbers); anything else is cleared. */
export function repairEmotion(
  value: number | null | undefined,
  path: string,
  log: RepairLog,
): Emotion | null {
  if (value === undefined || value === null) return null;
  if (!(EMOTIONS as readonly number[]).includes(value)) {
    log.add(path, `${String(value)} is not an emotion from -2 to 2; cleared`);
    return null;
  }
  return positiveZero(value, path, log) as Emotion;
}

/** One of `allowed`; a missing value takes `fallback`, an unknown one too (reported). */
export function repairChoice<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  what: string,
  path: string,
  log: RepairLog,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  log.add(path, `unknown ${what} ${quote(value)}; set to ${quote(fallback)}`);
  return fallback;
}

/** One of `allowed` or null; an unknown value is cleared (reported). */
export function repairOptionalChoice<T extends string>(
  value: string | null | undefined,
  allowed: readonly T[],
  what: string,
  path: string,
  log: RepairLog,
): T | null {
  if (value === undefined || value === null) return null;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  log.add(path, `unknown ${what} ${quote(value)}; cleared`);
  return null;
}

/** A `#rrggbb` colour; anything else (names, CSS, markup) becomes `fallback`. */
export function repairColour(
  value: string | undefined,
  fallback: string,
  path: string,
  log: RepairLog,
): string {
  if (value === undefined) return fallback;
  if (COLOUR_PATTERN.test(value)) return value;
  log.add(path, `${quote(value)} is not a #rrggbb colour; set to ${quote(fallback)}`);
  return fallback;
}

/** An ISO 8601 date and time with a zone (`2025-03-01T09:30:00.000Z`), kept as written. */
export function repairTimestamp(
  value: string | undefined,
  fallback: string,
  path: string,
  log: RepairLog,
): string {
  if (value === undefined) return fallback;
  if (timestampSchema.safeParse(value).success) return value;
  log.add(path, `${quote(value)} is not an ISO 8601 date and time; set to ${quote(fallback)}`);
  return fallback;
}
