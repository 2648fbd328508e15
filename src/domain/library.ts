/**
 * The library of journeys a designer keeps on this computer, as the app sees it: a line for
 * each journey (title, scenario, size, when it last changed, whether it is in the trash), a
 * line for each named version, and what the library can do. Storage implements it; the
 * library store and its panels use it.
 */
import type { Journey, JourneyId } from "./model";

/** A journey as the library lists it. */
export interface JourneySummary {
  id: JourneyId;
  title: string;
  scenario: string;
  ownerTeam: string;
  createdAt: string;
  updatedAt: string;
  /** When it was put in the trash; null when it is not in the trash. */
  deletedAt: string | null;
  stepCount: number;
  organisationCount: number;
  /** Written by a newer version of Seams: opens read-only. */
  newerVersion: boolean;
}

/** A named version of a journey: the journey as it was when the version was kept. */
export interface VersionSummary {
  id: string;
  journeyId: JourneyId;
  name: string;
  createdAt: string;
  stepCount: number;
}

/** The outcome of restoring a named version: the journey to put in the store, and the name
 * under which the state before the restore was kept; or why it could not be restored. */
export type VersionRestore =
  { ok: true; journey: Journey; keptAs: string } | { ok: false; message: string };

/** What a library of journeys offers the app (IndexedDB, or memory for one tab when storage is
 * unavailable): implemented in persistence, used through the library store. */
export interface LibraryBackend {
  list(trash: boolean): Promise<JourneySummary[]>;
  create(journey: Journey): Promise<void>;
  trash(id: JourneyId): Promise<void>;
  restoreFromTrash(id: JourneyId): Promise<void>;
  purge(id: JourneyId): Promise<void>;
  duplicate(id: JourneyId, title: string): Promise<JourneyId>;
  rename(id: JourneyId, title: string): Promise<void>;
  listVersions(journeyId: JourneyId): Promise<VersionSummary[]>;
  /** Keeps `journey` as it is now under `name`. Throws an Error whose message is for the user. */
  takeVersion(journey: Journey, name: string): Promise<void>;
  loadVersion(versionId: string): Promise<Journey | null>;
  /** The version's journey, after keeping `current` as a version too. Nothing is put in the
   * store: the caller does that, as one undoable change. */
  restoreVersion(versionId: string, current: Journey): Promise<VersionRestore>;
  /** Removes a version for good. Throws an Error whose message is for the user. */
  deleteVersion(versionId: string): Promise<void>;
  /** The stored journey, or null (for merging a file into a journey that is not open). */
  loadJourney(id: JourneyId): Promise<Journey | null>;
  /** Saves a new state of a stored journey that is not open (a merge), writing what differs
   * from `before`. Throws an Error whose message is for the user. */
  saveJourney(before: Journey, after: Journey): Promise<void>;
}

/** How many organisations take part in a journey. */
export function organisationCount(journey: Journey): number {
  return journey.actors.filter((a) => a.type === "organisation").length;
}

/** The library's line for a journey in hand. */
export function journeySummary(journey: Journey, deletedAt: string | null = null): JourneySummary {
  return {
    id: journey.id,
    title: journey.title,
    scenario: journey.scenario,
    ownerTeam: journey.ownerTeam,
    createdAt: journey.createdAt,
    updatedAt: journey.updatedAt,
    deletedAt,
    stepCount: journey.steps.length,
    organisationCount: organisationCount(journey),
    newerVersion: false,
  };
}
