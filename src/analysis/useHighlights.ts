/**
 * The analysis marks the user has asked to see: the journey's analysis as canvas marks, less
 * the kinds of mark whose overlay switch is off. The canvas draws exactly these, and an export
 * draws the same (a hidden kind of mark is left out of the drawing too).
 */
import { useMemo } from "react";
import { analysisHighlights } from "../domain/analysis/analysis-highlights";
import { NO_HIGHLIGHTS, type CanvasHighlights } from "../domain/analysis/highlights";
import type { JourneyAnalysis } from "../domain/analysis";
import type { Journey } from "../domain/model";
import { useSeamsState } from "../store/context";
import type { Overlays } from "../store/store";
import { analysisOf, useAnalysis } from "./useAnalysis";

/** The marks of each kind whose switch is on; a kind switched off is shown as no marks. */
export function shownHighlights(all: CanvasHighlights, overlays: Overlays): CanvasHighlights {
  return {
    handoffOn: overlays.handoffs ? all.handoffOn : NO_HIGHLIGHTS.handoffOn,
    duplicateOf: overlays.duplicates ? all.duplicateOf : NO_HIGHLIGHTS.duplicateOf,
    repeatedAt: overlays.repeated ? all.repeatedAt : NO_HIGHLIGHTS.repeatedAt,
    firstAskedAt: overlays.repeated
      ? (all.firstAskedAt ?? NO_HIGHLIGHTS.firstAskedAt)
      : NO_HIGHLIGHTS.firstAskedAt,
  };
}

/** The marks to draw for a journey as it is now, as the overlay switches say (computed now:
 * for a file or a print, which cannot wait for the worker). */
export function highlightsNow(journey: Journey, overlays: Overlays): CanvasHighlights {
  return shownHighlights(analysisHighlights(analysisOf(journey)), overlays);
}

export interface Highlights {
  /** The marks to draw (none until the first analysis is ready). */
  highlights: CanvasHighlights;
  /** The analysis they come from, for stepping through its findings (null until ready). */
  analysis: JourneyAnalysis | null;
}

/** The open journey's marks as the overlay switches say, kept up to date as the user edits:
 * while a large journey is being analysed again, the marks of its last analysis show. Each
 * kind of mark keeps the same object until its analysis or its switch changes. */
export function useHighlights(): Highlights {
  const journey = useSeamsState((s) => s.journey);
  const handoffs = useSeamsState((s) => s.overlays.handoffs);
  const duplicates = useSeamsState((s) => s.overlays.duplicates);
  const repeated = useSeamsState((s) => s.overlays.repeated);
  const { analysis } = useAnalysis(journey);
  const all = useMemo(() => (analysis ? analysisHighlights(analysis) : NO_HIGHLIGHTS), [analysis]);
  const highlights = useMemo(
    () => shownHighlights(all, { handoffs, duplicates, repeated }),
    [all, handoffs, duplicates, repeated],
  );
  return { highlights, analysis };
}
