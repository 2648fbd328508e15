/** Shared Playwright fixtures: every test fails on an uncaught page error or a React Flow warning. */
import { test as base, expect, type Page } from "@playwright/test";

export const test = base.extend<{ problems: string[] }>({
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" || /\[React Flow\]/.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("dialog", (d) => {
      problems.push(`unexpected dialog: ${d.message()}`);
      void d.dismiss();
    });
    await use(problems);
    expect(problems, "the page logged errors").toEqual([]);
  },
});

export { expect };

/** Opens the app on the library and waits until the first IndexedDB load has finished. */
export async function openLibrary(page: Page) {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your journeys" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Journeys" }).getByRole("listitem").first()).toBeVisible();
}

/** Opens a journey from the library by its title and waits for the canvas. */
export async function openJourney(page: Page, title: string) {
  await page.getByRole("button", { name: `Open ${title}`, exact: true }).click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  await expect(page.locator(".react-flow__node-step").first()).toBeVisible();
}
