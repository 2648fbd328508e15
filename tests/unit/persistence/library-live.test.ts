import { liveQuery } from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { SeamsDatabase } from "../../../src/persistence/db";
import { JourneyRepository } from "../../../src/persistence/repository";
import { makeJourney, uniqueName } from "./helpers";

const open: SeamsDatabase[] = [];

afterEach(async () => {
  const dbs = open.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await db.delete();
});

function connect(name: string) {
  const db = new SeamsDatabase({ name });
  open.push(db);
  return new JourneyRepository(db);
}

describe("JourneyRepository.listAll", () => {
  it("gives the library and the trash from one read, newest change first", async () => {
    const repo = connect(uniqueName());
    await repo.create({
      ...makeJourney({ id: "a", title: "A" }),
      updatedAt: "2026-03-01T10:00:00.000Z",
    });
    await repo.create({
      ...makeJourney({ id: "b", title: "B" }),
      updatedAt: "2026-03-03T10:00:00.000Z",
    });
    await repo.create({
      ...makeJourney({ id: "c", title: "C" }),
      updatedAt: "2026-03-02T10:00:00.000Z",
    });
    await repo.trash("c");
    const { journeys, trash } = await repo.listAll();
    expect(journeys.map((j) => j.id)).toEqual(["b", "a"]);
    expect(trash.map((j) => j.id)).toEqual(["c"]);
    expect(await repo.list()).toEqual(journeys);
    expect(await repo.list({ trash: true })).toEqual(trash);
  });

  it("as a live query, sees journeys another connection adds, renames and trashes", async () => {
    const name = uniqueName();
    const here = connect(name);
    const elsewhere = connect(name);
    const seen: string[][] = [];
    const subscription = liveQuery(() => here.listAll()).subscribe({
      next: ({ journeys, trash }) =>
        seen.push([...journeys.map((j) => j.title), ...trash.map((j) => `trash: ${j.title}`)]),
    });
    const last = () => seen[seen.length - 1];
    const poll = () => expect.poll(last, { timeout: 5_000 });
    try {
      await poll().toEqual([]);
      const journey = makeJourney({ id: "j", title: "Claim a Blue Badge" });
      await elsewhere.create(journey);
      await poll().toEqual(["Claim a Blue Badge"]);
      await elsewhere.saveChanges(journey, { ...journey, title: "Renew a Blue Badge" });
      await poll().toEqual(["Renew a Blue Badge"]);
      await elsewhere.trash("j");
      await poll().toEqual(["trash: Renew a Blue Badge"]);
    } finally {
      subscription.unsubscribe();
    }
  });
});
