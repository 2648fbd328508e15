/**
 * What the merge dialog compares, loaded without React: the library's journey (the open one
 * in the editor, or the stored one), the file's, and, when the file names a version this
 * library holds, that version as the base they share. Then the selection the user makes, and
 * the journey it gives.
 */
import { applyChanges, type Adjustment } from "../../domain/merge/apply";
import type { JourneyChange } from "../../domain/merge/changes";
import { diffJourneys } from "../../domain/merge/diff";
import { threeWayMerge, type MergeConflict, type Side } from "../../domain/merge/three-way";
import type { Journey } from "../../domain/model";
import type { LibraryBackend, VersionSummary } from "../../domain/library";

export interface MergeInputs {
  ours: Journey;
  theirs: Journey;
  /** The version both copies come from, when this library holds it. */
  base: { journey: Journey; version: VersionSummary } | null;
  /** Whether `ours` is the journey open in the editor. */
  open: boolean;
}

/** Loads the two sides and the base; null when the library's journey cannot be loaded. */
export async function loadMergeInputs(
  theirs: Journey,
  baseVersionId: string | null,
  backend: LibraryBackend,
  openJourney: Journey | null,
): Promise<MergeInputs | null> {
  const open = openJourney !== null && openJourney.id === theirs.id;
  const ours = open ? openJourney : await backend.loadJourney(theirs.id);
  if (!ours) return null;
  let base: MergeInputs["base"] = null;
  if (baseVersionId !== null) {
    const version = (await backend.listVersions(theirs.id)).find((v) => v.id === baseVersionId);
    const journey = version ? await backend.loadVersion(version.id) : null;
    if (version && journey) base = { journey, version };
  }
  return { ours, theirs, base, open };
}

/** The user's choices: changes ticked (two-way) or left out (three-way), and a side per conflict. */
export interface MergeSelection {
  chosen: ReadonlySet<string>;
  resolutions: ReadonlyMap<string, Side>;
}

export interface MergePreview {
  /** The changes offered with a checkbox: every difference (two-way), or their changes since
   * the base that ours did not touch (three-way). */
  changes: JourneyChange[];
  conflicts: MergeConflict[];
  /** The journey the current selection gives. */
  journey: Journey;
  adjustments: Adjustment[];
}

/** The starting selection: nothing ticked in a two-way compare (a difference may be our own
 * newer work); every change of theirs ticked in a three-way merge, conflicts kept as ours. */
export function initialSelection(inputs: MergeInputs): MergeSelection {
  if (!inputs.base) return { chosen: new Set(), resolutions: new Map() };
  const merged = threeWayMerge(inputs.base.journey, inputs.ours, inputs.theirs);
  return { chosen: new Set(merged.taken.map((c) => c.changeId)), resolutions: new Map() };
}

/** The changes, conflicts and resulting journey for a selection. */
export function previewMerge(inputs: MergeInputs, selection: MergeSelection): MergePreview {
  if (!inputs.base) {
    const changes = diffJourneys(inputs.ours, inputs.theirs);
    const result = applyChanges(inputs.ours, inputs.theirs, selection.chosen);
    return { changes, conflicts: [], ...result };
  }
  const first = threeWayMerge(inputs.base.journey, inputs.ours, inputs.theirs);
  const skip = new Set(first.taken.filter((c) => !selection.chosen.has(c.changeId)).map((c) => c.changeId));
  const result = threeWayMerge(inputs.base.journey, inputs.ours, inputs.theirs, {
    resolutions: selection.resolutions,
    skip,
  });
  return { changes: result.taken, conflicts: result.conflicts, journey: result.journey, adjustments: result.adjustments };
}

/** Everything from the file: every change ticked, every conflict settled their way. */
export function takeAllSelection(preview: MergePreview): MergeSelection {
  return {
    chosen: new Set(preview.changes.map((c) => c.changeId)),
    resolutions: new Map(preview.conflicts.map((c) => [c.conflictId, "theirs" as const])),
  };
}
