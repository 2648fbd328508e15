/**
 * Small journeys for the analysis table tests: a citizen, three organisations (A with a
 * frontstage and a backstage lane), one stage unless given, and steps named by lane.
 */
import type { Journey } from "../../../src/domain/model";
import { buildJourney, type FixtureFlow, type FixtureStep } from "../../fixtures/analysis/build";

/** Lanes: "cit" (citizen), "a" and "a2" (organisation A, two teams), "b" (B), "c" (C). */
export function tiny(
  steps: (Partial<FixtureStep> & { id: string; lane: string })[],
  flows: FixtureFlow[],
  stages: [string, string][] = [["S", "Stage"]],
): Journey {
  return buildJourney({
    id: "tiny",
    title: "Tiny",
    actors: [
      { id: "citizen", type: "citizen", name: "Citizen" },
      { id: "A", name: "Organisation A", shortName: "A" },
      { id: "B", name: "Organisation B", shortName: "B" },
      { id: "C", name: "Organisation C", shortName: "C" },
    ],
    lanes: [
      { id: "cit", actor: "citizen" },
      { id: "a", actor: "A" },
      { id: "a2", actor: "A", layer: "backstage" },
      { id: "b", actor: "B" },
      { id: "c", actor: "C" },
    ],
    stages,
    steps: steps.map((s) => ({ stage: stages[0]![0], label: s.id, ...s })),
    flows,
  });
}
