/**
 * The library over what can hold it: IndexedDB through the journey repository, or, when
 * storage is unavailable, memory for this tab only. Both give the same library to the app;
 * a write that fails throws an Error whose message is for the user.
 */
import { liveQuery } from "dexie";
import {
  journeySummary,
  type JourneySummary,
  type LibraryBackend,
  type VersionRestore,
  type VersionSummary,
} from "../domain/library";
import { newId } from "../domain/ids";
import type { Journey } from "../domain/model";
import { describeStorageError } from "./errors";
import type { JourneyRepository } from "./repository";

/** Keeps a library list in step with the journeys table: a live query sees writes made by this
 * tab and, through Dexie's storagemutated broadcast, by other tabs. */
export function watchLibrary(
  repository: JourneyRepository,
  onLists: (journeys: JourneySummary[], trash: JourneySummary[]) => void,
): void {
  liveQuery(() => repository.listAll()).subscribe({
    next: ({ journeys, trash }) => onLists(journeys, trash),
    error: () => undefined, // the connection was closed (read-only now): the list stays as it was
  });
}

/** Run a storage write; a failure becomes an Error whose message is for the user. */
async function userFacing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    throw new Error(describeStorageError(e).message, { cause: e });
  }
}

/** The library over IndexedDB. */
export function repositoryBackend(repository: JourneyRepository): LibraryBackend {
  return {
    list: (trash) => repository.list({ trash }),
    create: (journey) => repository.create(journey),
    trash: (id) => repository.trash(id),
    restoreFromTrash: (id) => repository.restoreFromTrash(id),
    purge: (id) => repository.purge(id),
    async duplicate(id, title) {
      const copyId = newId("journey");
      await repository.duplicate(id, copyId, title);
      return copyId;
    },
    async rename(id, title) {
      const loaded = await repository.load(id);
      if (!loaded.ok) return;
      await repository.saveChanges(loaded.journey, {
        ...loaded.journey,
        title,
        updatedAt: new Date().toISOString(),
      });
    },
    listVersions: (journeyId) => repository.listVersions(journeyId),
    async takeVersion(journey, name) {
      await userFacing(() => repository.takeVersion(journey, name));
    },
    async loadVersion(versionId) {
      const loaded = await repository.loadVersion(versionId);
      return loaded.ok ? loaded.journey : null;
    },
    async restoreVersion(versionId, current): Promise<VersionRestore> {
      let result;
      try {
        result = await repository.restoreVersion(versionId, current);
      } catch (e) {
        return { ok: false, message: describeStorageError(e).message };
      }
      if (!result.ok) return { ok: false, message: result.error.message };
      return { ok: true, journey: result.journey, keptAs: result.kept.name };
    },
    deleteVersion: (versionId) => userFacing(() => repository.deleteVersion(versionId)),
    async loadJourney(id) {
      const loaded = await repository.load(id);
      return loaded.ok ? loaded.journey : null;
    },
    async saveJourney(before, after) {
      await userFacing(() => repository.saveChanges(before, after));
    },
  };
}

/** The journeys of memory-only mode, by id. */
export type MemoryJourneys = Map<string, { journey: Journey; deletedAt: string | null }>;

/** The library in memory, for this tab only. */
export function memoryBackend(journeys: MemoryJourneys): LibraryBackend {
  // Named versions, kept for this tab only like everything else here. Journeys in the store
  // are never mutated, so keeping the object keeps the version.
  const versions = new Map<string, { summary: VersionSummary; journey: Journey }>();
  let lastVersionAt = 0;
  const keepVersion = (journey: Journey, name: string): VersionSummary => {
    lastVersionAt = Math.max(Date.now(), lastVersionAt + 1); // distinct times keep the order
    const summary: VersionSummary = {
      id: newId("ver"),
      journeyId: journey.id,
      name,
      createdAt: new Date(lastVersionAt).toISOString(),
      stepCount: journey.steps.length,
    };
    versions.set(summary.id, { summary, journey });
    return summary;
  };
  return {
    async list(trash) {
      return [...journeys.values()]
        .filter((e) => (e.deletedAt !== null) === trash)
        .map((e) => journeySummary(e.journey, e.deletedAt))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    },
    async create(journey) {
      if (!journeys.has(journey.id)) journeys.set(journey.id, { journey, deletedAt: null });
    },
    async trash(id) {
      const e = journeys.get(id);
      if (e) e.deletedAt = new Date().toISOString();
    },
    async restoreFromTrash(id) {
      const e = journeys.get(id);
      if (e) e.deletedAt = null;
    },
    async purge(id) {
      journeys.delete(id);
      for (const [key, v] of versions) if (v.summary.journeyId === id) versions.delete(key);
    },
    async duplicate(id, title) {
      const e = journeys.get(id);
      const copyId = newId("journey");
      if (e)
        journeys.set(copyId, { journey: { ...e.journey, id: copyId, title }, deletedAt: null });
      return copyId;
    },
    async rename(id, title) {
      const e = journeys.get(id);
      if (e) e.journey = { ...e.journey, title };
    },
    async listVersions(journeyId) {
      return [...versions.values()]
        .filter((v) => v.summary.journeyId === journeyId)
        .map((v) => v.summary)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async takeVersion(journey, name) {
      keepVersion(journey, name);
    },
    loadVersion: async (versionId) => versions.get(versionId)?.journey ?? null,
    async restoreVersion(versionId, current) {
      const version = versions.get(versionId);
      if (!version || version.summary.journeyId !== current.id) {
        return { ok: false, message: "No such version." };
      }
      const kept = keepVersion(current, `Before restoring “${version.summary.name}”`);
      const journey = { ...version.journey, id: current.id, updatedAt: new Date().toISOString() };
      return { ok: true, journey, keptAs: kept.name };
    },
    async deleteVersion(versionId) {
      versions.delete(versionId);
    },
    loadJourney: async (id) => journeys.get(id)?.journey ?? null,
    async saveJourney(_before, after) {
      const e = journeys.get(after.id);
      if (e) e.journey = after;
    },
  };
}
