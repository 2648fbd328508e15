/**
 * The journey as a Seams file download: the shared envelope, named after the journey's title.
 * Used by "Export a copy" in the status bar when storage fails.
 */
import type { Journey } from "../../domain/model";
import { JOURNEY_FILE_EXTENSION, serializeJourney } from "../../format/envelope";
import { downloadBlob, fileNameFor } from "../../ui/download";

/** Download the journey as a Seams file named after its title; returns the file name used. */
export function downloadJourney(journey: Journey): string {
  const fileName = fileNameFor(journey.title, JOURNEY_FILE_EXTENSION);
  const blob = new Blob([serializeJourney(journey)], { type: "application/json" });
  downloadBlob(blob, fileName);
  return fileName;
}
