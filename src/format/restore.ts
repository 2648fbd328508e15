import { invalidError } from "./errors";
import { restoreBareJourney } from "./restore-core";
import { looksLikeEnvelope, restoreEnvelope } from "./restore-envelope";
import type { RestoreResult } from "./results";

export type { RestoreResult } from "./results";

/** Describes something thrown where nothing should throw, for the error message. */
export function describeThrown(error: unknown): string {
  if (error instanceof RangeError) return "the data is too large or too deeply nested";
  if (error instanceof Error) return error.message;
  return "unknown error";
}

/**
 * The one restore path for every journey that comes in: an imported file (after parsing), an
 * IndexedDB record and a message from another tab. Accepts a journey envelope (which is
 * identified, version-checked and migrated first) or a bare journey. Total: it never throws.
 *
 * It builds new plain objects from an allow-list of fields, fills defaults for missing
 * optional fields, and repairs what it safely can, reporting each repair with its path:
 * text cleaned and shortened; minutes that are not finite, negative or huge cleared; -0 made
 * 0; emotions outside −2…2 cleared; unknown channels, layers, organisation kinds, evidence
 * statuses and annotation kinds set to a default; colours that are not #rrggbb replaced;
 * ill-formed, reserved, missing or duplicate ids replaced (references to an ill-formed id
 * follow it); flows to missing steps, self-loops and repeated flows dropped; annotations on
 * missing steps detached; steps without a finite order placed last in their cell; unknown
 * fields dropped. Steps in a missing lane or stage and lanes of a missing actor make the
 * journey invalid, with each one located (`steps[12].laneId: no lane with id "lane_x"`).
 *
 * Idempotent: restoring a restored journey gives an equal journey and an empty report.
 */
export function restoreJourney(value: unknown): RestoreResult {
  try {
    if (!looksLikeEnvelope(value)) return restoreBareJourney(value);
    const opened = restoreEnvelope(value);
    return opened.ok ? { ok: true, journey: opened.journey, report: opened.report } : opened;
  } catch (error) {
    return {
      ok: false,
      error: invalidError([{ path: "", message: `could not be read: ${describeThrown(error)}` }]),
    };
  }
}
