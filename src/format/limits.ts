/**
 * Limits on what a journey file (or stored record) may hold. A real blueprint is far below
 * every one of them; they exist so a hostile or broken file is refused or trimmed before it
 * can freeze the tab or become impossible to save (IndexedDB's structured clone fails on
 * very deep values).
 */

/** Largest file accepted, in bytes (20 MB). Checked before the file is decoded. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Deepest nesting of objects and arrays accepted. A journey file needs 5 levels. */
export const MAX_DEPTH = 64;

/** Most values (objects, arrays and scalars) walked in one stored record. */
export const MAX_VALUES = 10_000_000;

export const MAX_ACTORS = 500;
export const MAX_LANES = 500;
export const MAX_STAGES = 500;
export const MAX_STEPS = 20_000;
export const MAX_FLOWS = 60_000;
export const MAX_ANNOTATIONS = 20_000;
export const MAX_CUSTOM_DATA_ITEMS = 5_000;
export const MAX_DUPLICATE_DECISIONS = 20_000;

/** Most entries in one list on a record (data items, evidence, pain points, tags, synonyms). */
export const MAX_LIST_ITEMS = 200;

/** Longest text, in UTF-16 code units: `short` for names and labels (and list entries),
 * `long` for descriptions, notes, the scenario and annotation text. */
export const MAX_TEXT_CHARS = { short: 500, long: 20_000 } as const;

/** Most minutes a step's active or waiting time may hold: ten years. */
export const MAX_MINUTES = 525_600 * 10;

/** Longest id. Ids match {@link ID_PATTERN} in ids.ts. */
export const MAX_ID_CHARS = 80;

/** Most repairs listed in a report; the rest are summed up in one last entry. */
export const MAX_REPORT_ENTRIES = 1_000;

/** Most located issues carried by an "invalid" error; the rest are counted in one entry. */
export const MAX_ISSUES = 100;

/** The top-level lists of a journey and the most entries each may hold. */
export const COLLECTION_LIMITS = {
  actors: MAX_ACTORS,
  lanes: MAX_LANES,
  stages: MAX_STAGES,
  steps: MAX_STEPS,
  flows: MAX_FLOWS,
  annotations: MAX_ANNOTATIONS,
  customDataItems: MAX_CUSTOM_DATA_ITEMS,
  duplicateDecisions: MAX_DUPLICATE_DECISIONS,
} as const;

export type CollectionName = keyof typeof COLLECTION_LIMITS;
