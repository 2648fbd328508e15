/**
 * Offline and installable: after a first visit, the service worker has the whole built app,
 * so it opens, shows the library and edits journeys with no network; the web app manifest
 * names Seams and points at icons that load.
 */
import { SAMPLE_JOURNEYS } from "../../src/domain/samples";
import { expect, openJourney, openLibrary, test } from "./fixtures";

// An action that cannot happen fails with its reason instead of waiting for the test timeout.
test.use({ actionTimeout: 10_000 });

const sample = SAMPLE_JOURNEYS[1]!.build();

test("after a first visit the app, the library and the editor load with no network", async ({
  page,
  context,
  problems,
}) => {
  await openLibrary(page);
  // The service worker is activated once it has cached the whole app.
  const worker = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.active ? `${registration.active.state} ${registration.scope}` : "none";
    });
  await expect.poll(worker).toBe(`activated ${new URL("/", page.url()).href}`);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your journeys" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Journeys" }).getByRole("listitem")).toHaveCount(
    SAMPLE_JOURNEYS.length,
  );
  // The editor is a chunk of its own, loaded on demand: it comes from the cache too.
  await openJourney(page, sample.title);
  await expect(page.locator(".react-flow__node-step")).toHaveCount(sample.steps.length);
  const title = page.getByLabel("Journey title");
  await title.fill("Edited offline");
  await title.press("Enter");
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved on this computer");
  await page.reload();
  await expect(page.getByLabel("Journey title")).toHaveValue("Edited offline");
  expect(problems).toEqual([]);
});

test("the app can be installed: a manifest named Seams with icons that load", async ({
  page,
  problems,
}) => {
  await openLibrary(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const response = await page.request.get(new URL(href!, page.url()).href);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: "Seams", short_name: "Seams", display: "standalone" });
  expect(manifest.start_url).toBeTruthy();
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const image = await page.request.get(new URL(icon.src, response.url()).href);
    expect(image.ok(), icon.src).toBe(true);
    expect(image.headers()["content-type"]).toContain(icon.type);
  }
  expect(problems).toEqual([]);
});
