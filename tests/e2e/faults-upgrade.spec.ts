/**
 * A schema upgrade with an old tab open (shared/reference/reliability.md F06), in real
 * Chromium: a newer Seams in another tab upgrades the database (dropping one table and adding
 * another). The open tab must let the upgrade through, turn read-only and say why, and write
 * nothing afterwards: not its pending edits, not the old schema's tables. Reloaded, it is
 * still a build older than the data, so it stays read-only.
 */
import type { Page } from "@playwright/test";
import { SAMPLE_JOURNEYS } from "../../src/domain/samples";
import { expect, openJourney, openLibrary, test } from "./fixtures";

test.use({ actionTimeout: 10_000 });

const sample = SAMPLE_JOURNEYS[0]!.build();
const SAVED = "All changes saved on this computer";

/** The native IndexedDB version of schema 3 (Dexie stores its version × 10). */
const NEWER_VERSION = 30;

interface Snapshot {
  version: number;
  stores: string[];
  rows: Record<string, unknown[]>;
}

/** Every store and row of the Seams database, read straight from IndexedDB. */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("seams");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const stores = Array.from(db.objectStoreNames).sort();
    const rows: Record<string, unknown[]> = {};
    for (const name of stores) {
      rows[name] = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    }
    const version = db.version;
    db.close();
    return { version, stores, rows };
  });
}

function card(page: Page, label: string) {
  return page.locator(".react-flow__node-step", {
    has: page.locator(".step-label", { hasText: label }),
  });
}

test("an open tab lets another tab upgrade the database, turns read-only and writes nothing after (F06)", async ({
  page,
  context,
  problems,
}) => {
  const [first, second] = sample.steps;
  await openLibrary(page);
  await openJourney(page, sample.title);

  // An edit saved before the upgrade.
  await card(page, first!.label).locator(".step-label").click();
  await page.getByRole("tab", { name: "Details" }).click();
  const label = page.getByLabel("Label", { exact: true });
  await label.fill("Saved before the upgrade");
  await label.press("Enter");
  await expect(page.getByTestId("save-status")).toHaveText(SAVED);

  // A newer Seams opens in another tab and upgrades the schema: one table dropped, one added.
  const newer = await context.newPage();
  await newer.goto("/favicon.svg");
  const upgrade = await newer.evaluate(async (version) => {
    let blocked = false;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("seams", version);
      req.onupgradeneeded = () => {
        req.result.deleteObjectStore("quarantine");
        req.result.createObjectStore("added_in_v3", { keyPath: "id" });
      };
      req.onblocked = () => {
        blocked = true;
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const stores = Array.from(db.objectStoreNames).sort();
    db.close();
    return { version: db.version, stores, blocked };
  }, NEWER_VERSION);
  // The old tab closed its connection when asked, so the upgrade was never left blocked.
  expect(upgrade).toEqual({
    version: NEWER_VERSION,
    stores: ["added_in_v3", "journeys", "meta", "records", "versions"],
    blocked: false,
  });
  const upgraded = await snapshot(newer);
  const saved = upgraded.rows.records!.filter(
    (row) => (row as { data?: { label?: string } }).data?.label === "Saved before the upgrade",
  );
  expect(saved).toHaveLength(1);

  // The old tab says why it stopped, and refuses edits.
  await expect(page.getByTestId("save-status")).toHaveText("Read-only");
  await expect(page.getByText("Seams was updated in another tab")).toBeVisible();
  await expect(page.getByLabel("Journey title")).toBeDisabled();
  await card(page, second!.label).locator(".step-label").click();
  await expect(page.getByLabel("Label", { exact: true })).toBeDisabled();
  await page.keyboard.press("Delete");
  await expect(card(page, second!.label)).toBeVisible();

  // Reloaded, the old build meets data newer than itself: read-only, with its reason.
  await page.reload();
  await expect(page.getByTestId("storage-banner")).toContainText("newer version of Seams");
  await expect(page.getByTestId("save-status")).toHaveText("Read-only");
  await expect(card(page, "Saved before the upgrade")).toBeVisible();

  // Nothing written after the upgrade: the same rows, the dropped table still gone.
  expect(await snapshot(newer)).toEqual(upgraded);
  await newer.close();
  expect(problems).toEqual([]);
});
