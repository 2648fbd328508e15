import { SAMPLE_JOURNEYS } from "../../src/domain/samples";
import { lanesInDisplayOrder } from "../../src/domain/layout";
import { expect, openJourney, openLibrary, test } from "./fixtures";

test("a fresh browser opens on the library with every sample journey", async ({ page, problems }) => {
  await openLibrary(page);
  const list = page.getByRole("list", { name: "Journeys" });
  for (const sample of SAMPLE_JOURNEYS) {
    await expect(list.getByRole("link", { name: sample.title, exact: true })).toBeVisible();
  }
  await expect(list.getByRole("listitem")).toHaveCount(SAMPLE_JOURNEYS.length);
  expect(problems).toEqual([]);
});

for (const sample of SAMPLE_JOURNEYS) {
  test(`the ${sample.key} sample shows its lanes, stages and steps on the canvas`, async ({ page, problems }) => {
    const journey = sample.build();
    await openLibrary(page);
    await openJourney(page, journey.title);
    const canvas = page.getByTestId("canvas");
    await expect(canvas.locator(".react-flow__node-step")).toHaveCount(journey.steps.length);
    await expect(canvas.locator(".react-flow__edge")).toHaveCount(journey.flows.length);
    await expect(canvas.locator(".lane-header")).toHaveCount(journey.lanes.length);
    await expect(canvas.locator(".stage-header")).toHaveCount(journey.stages.length);
    for (const stage of journey.stages) {
      await expect(canvas.locator(".stage-header", { hasText: stage.name })).toHaveCount(1);
    }
    // Lane headers appear top to bottom in layer order, each naming its owner.
    const actors = new Map(journey.actors.map((a) => [a.id, a]));
    const expectedOwners = lanesInDisplayOrder(journey.lanes).map((l) => actors.get(l.actorId)!.shortName);
    await expect(canvas.locator(".lane-header .lane-actor")).toHaveText(expectedOwners);
    // Every step's label is on a card.
    const labels = await canvas.locator(".step-label").allTextContents();
    expect(labels.sort()).toEqual(journey.steps.map((s) => s.label).sort());
    await page.screenshot({ path: `test-results/sample-${sample.key}.png` });
    expect(problems).toEqual([]);
  });
}
