/** Ways to start a journey: blank, or a fresh copy of a built-in sample. */
import { newId } from "./ids";
import { createJourney } from "./journey";
import type { Journey } from "./model";
import { citizenActor } from "./organisations";
import { SAMPLE_JOURNEYS } from "./samples";

/** A new journey with a citizen lane and three stages, ready to draw on. */
export function blankJourney(title: string, now = new Date().toISOString()): Journey {
  const citizen = citizenActor(newId("actor"));
  return {
    ...createJourney(newId("journey"), title, now),
    actors: [citizen],
    lanes: [{ id: newId("lane"), actorId: citizen.id, layer: "citizen", team: "" }],
    stages: ["Before", "During", "After"].map((name) => ({ id: newId("stage"), name })),
  };
}

/** A fresh copy of a built-in sample journey, under a new journey id. */
export function journeyFromSample(key: string, now = new Date().toISOString()): Journey | null {
  const sample = SAMPLE_JOURNEYS.find((s) => s.key === key);
  if (!sample) return null;
  return { ...sample.build(), id: newId("journey"), createdAt: now, updatedAt: now };
}
