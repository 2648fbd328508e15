import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, openJourney, openLibrary, test } from "./fixtures";

/** Serious and critical axe-core violations on the page, described for the failure message. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
}

test("the library has no serious accessibility violations", async ({ page, problems }) => {
  await openLibrary(page);
  expect(await seriousViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test("the canvas view has no serious accessibility violations", async ({ page, problems }) => {
  await openLibrary(page);
  await openJourney(page, "After a death: register, Tell Us Once, and what is left");
  expect(await seriousViolations(page)).toEqual([]);
  // With a step selected, the inspector shows every field.
  await page.locator(".react-flow__node-step").first().click();
  await expect(page.getByRole("heading", { name: "Step", exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test("the outline has no serious accessibility violations", async ({ page, problems }) => {
  await openLibrary(page);
  await openJourney(page, "Claiming Universal Credit to the first payment");
  await page.getByRole("button", { name: "Outline", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Stage 1/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("tab", { name: "Lanes & stages" }).click();
  expect(await seriousViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
