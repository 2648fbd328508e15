/** The journeys the benchmark measures: the test generator's realistic journeys, passed once
 * through the format's restore, as opening the generated file would store them. (The generator
 * may repeat a flow between the same two steps; restore drops the repeat and reports it, and
 * a journey opened with repairs is saved in full once, which is not what an edit costs.) */
import type { Journey } from "../../src/domain/model";
import { toEnvelope } from "../../src/format/envelope";
import { restoreJourney } from "../../src/format/restore";
import { generateJourney } from "../../tests/helpers/generate-journey";

export const SEED = 1;

export function benchJourney(steps: number, seed = SEED): Journey {
  const restored = restoreJourney(toEnvelope(generateJourney({ steps, seed })));
  if (!restored.ok) throw new Error(`the generated journey does not restore: ${restored.error.kind}`);
  return restored.journey;
}
