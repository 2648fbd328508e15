import type { Journey } from "../domain/model";

/**
 * The envelope around a journey: one self-describing, versioned shape for .json files,
 * IndexedDB records and the data embedded in SVG exports. See src/format/README.md.
 */

/** The format name every Seams journey file carries in `format`. */
export const FORMAT_NAME = "seams-journey";

/** The file-name ending of a Seams journey file. */
export const JOURNEY_FILE_EXTENSION = ".seams.json";

/** The media type of a Seams journey file. */
export const JOURNEY_MEDIA_TYPE = "application/vnd.seams.journey+json";

/** The current format version. Raise it only together with a migration in migrations.ts. */
export const FORMAT_VERSION: number = 2;

/** The version of Seams that writes files, recorded in each envelope as `appVersion`. */
export const APP_VERSION = "0.1.0";

export interface JourneyEnvelope {
  format: typeof FORMAT_NAME;
  formatVersion: number;
  /** The version of Seams that saved it. */
  appVersion: string;
  /** ISO 8601 time of saving. */
  savedAt: string;
  /** The named version this copy was taken from, for merging a changed copy back; null if none. */
  baseVersionId: string | null;
  journey: Journey;
}

export interface EnvelopeOptions {
  /** Defaults to now. */
  savedAt?: string;
  baseVersionId?: string | null;
}

/** Wraps a journey in the current envelope. */
export function toEnvelope(journey: Journey, opts: EnvelopeOptions = {}): JourneyEnvelope {
  return {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    appVersion: APP_VERSION,
    savedAt: opts.savedAt ?? new Date().toISOString(),
    baseVersionId: opts.baseVersionId ?? null,
    journey,
  };
}

/** The text of a journey file: the envelope as JSON, indented by two spaces. */
export function serializeJourney(journey: Journey, opts?: EnvelopeOptions): string {
  return JSON.stringify(toEnvelope(journey, opts), null, 2);
}
