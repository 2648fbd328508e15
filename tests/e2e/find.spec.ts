/** Finding steps on the canvas and journeys in the library by the words people use for things. */
import { expect, openJourney, openLibrary, test } from "./fixtures";

const BEREAVEMENT = "After a death: register, Tell Us Once, and what is left";

test("typing NINO in the canvas find finds the step that asks for the National Insurance number", async ({
  page,
  problems,
}) => {
  await openLibrary(page);
  await openJourney(page, BEREAVEMENT);
  const find = page.getByRole("combobox", { name: "Find a step" });
  await find.click();
  await page.keyboard.type("NINO");
  const results = page.getByRole("listbox", { name: "Matching steps" });
  // Its data item is written "National Insurance number", never "NINO".
  const option = results.getByRole("option", { name: /Complete Tell Us Once with the registrar/ });
  await expect(option).toBeVisible();
  await expect(
    results.getByRole("option", { name: /Claim Bereavement Support Payment by phone/ }),
  ).toBeVisible();
  await expect(
    results.getByRole("option", { name: /See the hospital bereavement office/ }),
  ).toHaveCount(0);
  await page.screenshot({ path: "test-results/find-nino.png" });
  await option.click();
  await expect(page.locator(".step-card.is-selected")).toHaveCount(1);
  await expect(page.locator(".step-card.is-selected")).toContainText(
    "Complete Tell Us Once with the registrar",
  );
  expect(problems).toEqual([]);
});

test("the library search finds journeys by an abbreviation's full name", async ({
  page,
  problems,
}) => {
  await openLibrary(page);
  const journeys = page.getByRole("list", { name: "Journeys" });
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.click();
  // Both scenarios say "PIP".
  await page.keyboard.type("personal independence payment");
  await expect(journeys.getByRole("heading", { name: BEREAVEMENT })).toBeVisible();
  await expect(
    journeys.getByRole("heading", { name: "Moving house: telling everyone, one by one" }),
  ).toBeVisible();
  await expect(
    journeys.getByRole("heading", { name: "Claiming Universal Credit to the first payment" }),
  ).toHaveCount(0);
  await search.fill("");
  await page.keyboard.type("zebra crossing");
  await expect(page.getByText("No journeys match your search.")).toBeVisible();
  expect(problems).toEqual([]);
});
