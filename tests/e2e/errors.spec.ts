/**
 * A view that fails shows what happened and a way on, instead of a blank page: here the
 * editor's code cannot be downloaded (Seams updated while the page was open, or the network
 * gone before it was kept for offline use).
 */
import { SAMPLE_JOURNEYS } from "../../src/domain/samples";
import { expect, openLibrary, test } from "./fixtures";

// Requests a service worker answers never reach page.route: keep it out of this test.
test.use({ serviceWorkers: "block" });

const title = SAMPLE_JOURNEYS[1]!.build().title;
const editorCode = /\/assets\/JourneyView-[^/]*\.js$/;

test("when the editor cannot be downloaded the user is told, can reload or go back, and it works once the network is back", async ({ page, problems }) => {
  // Offline from the start: the library's idle fetch of the editor fails too.
  await page.route(editorCode, (route) => route.abort("internetdisconnected"));
  await openLibrary(page);
  await page.getByRole("button", { name: `Open ${title}`, exact: true }).click();

  const heading = page.getByRole("heading", { name: "Part of Seams could not be loaded" });
  await expect(heading).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("every change saved before this is safe");

  // Reload reloads the page (still without the network here, so the same message).
  await page.evaluate(() => Object.assign(window, { beforeReload: true }));
  await page.getByRole("button", { name: "Reload Seams" }).click();
  await expect.poll(() => page.evaluate(() => "beforeReload" in window)).toBe(false);
  await expect(heading).toBeVisible();

  // The network is back: back to the library, and the journey opens without reloading.
  await page.unroute(editorCode);
  await page.getByRole("button", { name: "Back to your journeys" }).click();
  await expect(page.getByRole("heading", { name: "Your journeys" })).toBeVisible();
  await page.getByRole("button", { name: `Open ${title}`, exact: true }).click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  await expect(page.locator(".react-flow__node-step").first()).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);

  // The failed downloads were reported by the browser and by React; nothing else went wrong.
  const expected = (p: string) => /JourneyView|dynamically imported module|ERR_INTERNET_DISCONNECTED/.test(p);
  expect(problems.filter(expected).length).toBeGreaterThan(0);
  problems.splice(0, problems.length, ...problems.filter((p) => !expected(p)));
});
