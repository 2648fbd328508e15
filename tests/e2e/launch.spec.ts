/**
 * The installed app: files the operating system opens with Seams arrive on `window.launchQueue`
 * (faked here: headless Chromium has no installed app) and open through the same import as the
 * file picker, as a new journey; and the manifest's screenshots, taken at 1280 × 720
 * (`SEAMS_SHOTS=public` writes them into public/ for the manifest).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { SCREENSHOTS } from "../../src/app/web-manifest";
import { expect, openJourney, openLibrary, test } from "./fixtures";

const SMALL = readFileSync(join(import.meta.dirname, "../fixtures/files/small.seams.json"), "utf8");
const SHOTS = process.env.SEAMS_SHOTS ?? "test-results";
const journeyCards = (page: Page) => page.getByRole("list", { name: "Journeys" }).getByRole("listitem");

test("a file the app is launched with opens as a new journey, as by the picker", async ({ page, problems }) => {
  await page.addInitScript(() => {
    // Chromium has its own launchQueue (empty in a tab): replace it.
    const w = window as unknown as { launchConsumer?: (p: unknown) => void };
    const setConsumer = (consumer: (p: unknown) => void) => (w.launchConsumer = consumer);
    Object.defineProperty(window, "launchQueue", { value: { setConsumer }, configurable: true });
  });
  await openLibrary(page);
  const before = await journeyCards(page).count();
  const titles = await journeyCards(page).allTextContents();
  await page.evaluate((text) => {
    const w = window as unknown as { launchConsumer: (p: unknown) => void };
    const file = new File([text], "small.seams.json", { type: "application/json" });
    w.launchConsumer({ files: [{ getFile: () => Promise.resolve(file) }] });
  }, SMALL);
  await expect(page.getByLabel("Journey title")).toHaveValue("Register a birth");
  await expect(page.locator(".react-flow__node-step")).toHaveCount(3);
  await page.getByRole("link", { name: "Seams" }).first().click();
  await expect(journeyCards(page)).toHaveCount(before + 1);
  const after = await journeyCards(page).allTextContents();
  for (const title of titles) expect(after).toContain(title);
  expect(problems).toEqual([]);
});

test("the manifest's screenshots show the app at 1280 × 720", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLibrary(page);
  const [library, blueprint] = [SCREENSHOTS[0]!, SCREENSHOTS[1]!];
  const shot = await page.screenshot({ path: `${SHOTS}/${library.src}` });
  expect(shot.readUInt32BE(16)).toBe(1280);
  expect(shot.readUInt32BE(20)).toBe(720);
  await openJourney(page, "After a death: register, Tell Us Once, and what is left");
  const second = await page.screenshot({ path: `${SHOTS}/${blueprint.src}` });
  expect([second.readUInt32BE(16), second.readUInt32BE(20)]).toEqual([1280, 720]);
});
