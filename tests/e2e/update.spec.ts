/**
 * A new version of Seams installed while a tab is open: the new service worker waits, the tab
 * says a new version is ready, and taking it saves the work first and reloads on the new
 * version. The built app is copied and served by a small server of this test's own, so the
 * test can publish a "new build" (a changed service worker) without touching the app other
 * tests use.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, appendFileSync, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { SAMPLE_JOURNEYS } from "../../src/domain/samples";
import { expect, test } from "./fixtures";

test.use({ actionTimeout: 10_000 });

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".json": "application/json",
};

/** Serves `root` as a static site, answering unknown paths with index.html (as the preview
 * server does). */
function serve(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, "index.html");
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })),
  );
}

const sample = SAMPLE_JOURNEYS[0]!.build();

test("a new version waits for the user, who takes it without losing an edit", async ({ page, problems }) => {
  const root = mkdtempSync(join(tmpdir(), "seams-update-"));
  cpSync("dist", root, { recursive: true });
  const { url, server } = await serve(root);
  try {
    await page.goto(`${url}/`);
    await expect(page.getByRole("heading", { name: "Your journeys" })).toBeVisible();
    // The first version's worker takes charge of the page that installed it.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect(page.getByTestId("update-banner")).toHaveCount(0);

    await page.getByRole("button", { name: `Open ${sample.title}`, exact: true }).click();
    await expect(page.getByTestId("canvas")).toBeVisible();

    // A new build is published; the user comes back to the tab, which looks for it.
    appendFileSync(join(root, "sw.js"), "\n// the next build\n");
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    const banner = page.getByTestId("update-banner");
    await expect(banner).toContainText("A new version of Seams is ready");
    // It waits: the page is still run by the first version until the user says.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

    // An edit still inside the autosave delay, then the update: the edit is saved first.
    const title = page.getByLabel("Journey title");
    await title.fill("Renamed just before the update");
    await title.press("Enter");
    await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
    const reloaded = page.waitForEvent("load");
    await banner.getByRole("button", { name: "Reload to update" }).click();
    await reloaded;
    expect(await page.evaluate(() => "beforeUpdate" in window)).toBe(false);

    await expect(page.getByTestId("canvas")).toBeVisible();
    await expect(page.getByLabel("Journey title")).toHaveValue("Renamed just before the update");
    await expect(page.getByTestId("update-banner")).toHaveCount(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(problems).toEqual([]);
  } finally {
    await page.close();
    server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
