/**
 * The built-in sample journeys: realistic UK blueprints a service designer recognises, to
 * learn the tool with and to test the analysis against. Each `build()` returns a fresh
 * journey, so opening a sample never shares objects with another copy.
 */
import type { Journey } from "../model";
import { buildBereavementJourney } from "./bereavement";
import { buildMovingHouseJourney } from "./moving-house";
import { buildPostOfficeRenewalJourney } from "./post-office-renewal";
import { buildUniversalCreditJourney } from "./universal-credit";

export interface SampleJourney {
  /** Stable key, e.g. "bereavement". */
  key: string;
  title: string;
  /** One or two sentences for a "start from a sample" list. */
  summary: string;
  build(): Journey;
}

export const SAMPLE_JOURNEYS: readonly SampleJourney[] = [
  {
    key: "bereavement",
    title: "After a death: register, Tell Us Once, and what is left",
    summary:
      "Registering a death and using Tell Us Once, then the Bereavement Support Payment, the " +
      "banks and probate, each done separately.",
    build: buildBereavementJourney,
  },
  {
    key: "universal-credit",
    title: "Claiming Universal Credit to the first payment",
    summary:
      "A new claim with three ways to prove identity (online, at a Post Office, at the " +
      "jobcentre), the five-week wait, and a separate Council Tax Reduction claim.",
    build: buildUniversalCreditJourney,
  },
  {
    key: "post-office-renewal",
    title: "Renewing a photocard licence and a passport at the Post Office",
    summary:
      "A photocard licence renewed online, at a Post Office or by post, and a passport renewed " +
      "through Digital Check and Send in the same visit.",
    build: buildPostOfficeRenewalJourney,
  },
  {
    key: "moving-house",
    title: "Moving house: telling everyone, one by one",
    summary:
      "A move between two council areas: DVLA, HMRC, DWP, both councils, the GP and TV " +
      "Licensing each told separately.",
    build: buildMovingHouseJourney,
  },
];

/** Finds a sample by its key. */
export function sampleJourney(key: string): SampleJourney | undefined {
  return SAMPLE_JOURNEYS.find((s) => s.key === key);
}
