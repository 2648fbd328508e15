/** The example journey files in examples/: each built-in sample, as a journey file. */
import { buildBereavementJourney } from "../../src/domain/samples/bereavement";
import { buildMovingHouseJourney } from "../../src/domain/samples/moving-house";
import { buildUniversalCreditJourney } from "../../src/domain/samples/universal-credit";
import { serializeJourney } from "../../src/format/envelope";

/** A fixed save time, so the files only change when a sample does. */
const SAVED_AT = "2026-12-01T00:00:00.000Z";

export function exampleFiles(): { path: string; text: string }[] {
  return [
    ["examples/bereavement.seams.json", buildBereavementJourney()],
    ["examples/universal-credit.seams.json", buildUniversalCreditJourney()],
    ["examples/moving-house.seams.json", buildMovingHouseJourney()],
  ].map(([path, journey]) => ({
    path: path as string,
    text: `${serializeJourney(journey as ReturnType<typeof buildBereavementJourney>, { savedAt: SAVED_AT })}\n`,
  }));
}
