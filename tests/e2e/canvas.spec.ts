import { expect, openLibrary, test } from "./fixtures";
import { addLane, addStepByDoubleClick, cellPoint, centre, drag, fitAll, laneOf, middle, step, tabTo } from "./canvas-helpers";

test("draw a journey across three organisations with the mouse, then reload it", async ({ page, problems }) => {
  await openLibrary(page);
  await page.getByRole("button", { name: "New journey" }).click();
  await expect(page.getByTestId("canvas")).toBeVisible();

  await page.getByRole("tab", { name: "Lanes & stages" }).click();
  await addLane(page, "Department for Work and Pensions", "Frontstage");
  await addLane(page, "HM Revenue and Customs", "Frontstage");
  await addLane(page, "Post Office", "Frontstage");
  await expect(page.locator(".lane-header")).toHaveCount(4);

  // Double-click empty cells to add steps, typing each label in place.
  await addStepByDoubleClick(page, "Citizen", "Before", "Apply online");
  await addStepByDoubleClick(page, "DWP", "Before", "Check the claim");
  await addStepByDoubleClick(page, "HMRC", "During", "Prove your identity");
  await addStepByDoubleClick(page, "Citizen", "After", "Get a decision letter");
  await expect(page.locator(".react-flow__node-step")).toHaveCount(4);
  expect(await laneOf(page, "Prove your identity")).toBe("HMRC");

  // Drag a step into another organisation's lane: its owner changes.
  const target = await cellPoint(page, "Post Office", "During", 110);
  await drag(page, await centre(step(page, "Prove your identity")), target);
  await expect(step(page, "Prove your identity").locator(".step-owner-name")).toHaveText("Post Office");

  // Connect by dragging from one card's handle to another's.
  const connect = async (from: string, to: string) => {
    const source = step(page, from).locator(".react-flow__handle.source.react-flow__handle-right");
    const targetHandle = step(page, to).locator(".step-handle.target.react-flow__handle-left");
    await drag(page, await centre(source), await centre(targetHandle));
  };
  await connect("Apply online", "Check the claim");
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
  await connect("Check the claim", "Prove your identity");
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);

  // Undo and redo with the keyboard and the toolbar.
  await page.keyboard.press("Control+z");
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
  await page.keyboard.press("Control+z");
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);
  await page.getByRole("button", { name: "Redo" }).click();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  // Undo the drag between lanes, then redo it: the whole drag is one step.
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  await expect(step(page, "Prove your identity").locator(".step-owner-name")).toHaveText("HMRC");
  await page.keyboard.press("Control+Shift+z");
  await expect(step(page, "Prove your identity").locator(".step-owner-name")).toHaveText("Post Office");
  await page.keyboard.press("Control+Shift+z");
  await page.keyboard.press("Control+Shift+z");
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);

  // Copy and paste a step.
  await step(page, "Check the claim").click();
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(page.locator(".react-flow__node-step", { hasText: "Check the claim" })).toHaveCount(2);
  // Shift-click adds to the selection; Delete removes both selected steps.
  await step(page, "Get a decision letter").click({ modifiers: ["Shift"] });
  await expect(page.locator(".react-flow__node-step.selected")).toHaveCount(2);
  await page.keyboard.press("Delete");
  await expect(page.locator(".react-flow__node-step")).toHaveCount(3);
  await expect(page.locator(".react-flow__node-step", { hasText: "Check the claim" })).toHaveCount(1);

  await expect(page.getByTestId("save-status")).toHaveText("All changes saved on this computer");
  await page.screenshot({ path: "test-results/drawn-journey.png" });
  await page.reload();
  await expect(page.locator(".react-flow__node-step")).toHaveCount(3);
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  await expect(step(page, "Prove your identity").locator(".step-owner-name")).toHaveText("Post Office");
  expect(problems).toEqual([]);
});

test("build a small journey with the keyboard alone through the outline", async ({ page, problems }) => {
  await openLibrary(page);
  await tabTo(page, page.getByRole("button", { name: "New journey" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("canvas")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Outline", exact: true }));
  await page.keyboard.press("Enter");
  const outline = page.getByRole("region", { name: /Untitled journey/ });
  await expect(outline).toBeVisible();

  const addTo = async (stage: string, label: string) => {
    await tabTo(page, page.getByRole("button", { name: `Add step to ${stage}` }));
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Step name")).toBeFocused();
    await page.keyboard.type(label);
    await page.keyboard.press("Enter");
    await expect(outline.getByRole("listitem").filter({ hasText: label }).first()).toBeVisible();
  };
  await addTo("Before", "Find out what to do");
  await addTo("During", "Fill in the form");
  await addTo("After", "Wait for the letter");

  // Connect the first step to the second with the keyboard.
  const first = outline.getByRole("listitem").filter({ hasText: "Find out what to do" }).first();
  await tabTo(page, first);
  const connectTo = page.getByLabel("Connect to…");
  await tabTo(page, connectTo);
  await connectTo.press("ArrowDown");
  await tabTo(page, page.getByRole("button", { name: "Connect", exact: true }));
  await page.keyboard.press("Enter");
  await expect(outline.getByText(/Leads to: Fill in the form/)).toBeVisible();

  await expect(page.getByTestId("save-status")).toHaveText("All changes saved on this computer");
  await page.reload();
  await expect(page.locator(".react-flow__node-step")).toHaveCount(3);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
  expect(problems).toEqual([]);
});

test("tidy up orders a cell's steps along the flows, in one undoable change", async ({ page, problems }) => {
  await openLibrary(page);
  await page.getByRole("button", { name: "New journey" }).click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  await addStepByDoubleClick(page, "Citizen", "Before", "Third");
  await addStepByDoubleClick(page, "Citizen", "During", "First");
  await addStepByDoubleClick(page, "Citizen", "During", "Second");
  // Move "Third" into the busy cell, at its end (with the whole journey in view, so the
  // drag does not pan the canvas at its edge).
  await fitAll(page);
  await drag(page, await centre(step(page, "Third")), await cellPoint(page, "Citizen", "During", 20));
  const xOf = async (label: string) => (await step(page, label).boundingBox())!.x;
  await expect.poll(async () => (await xOf("Second")) < (await xOf("Third"))).toBe(true);
  // Flows say Third comes first: Third → First → Second.
  const connect = async (from: string, to: string) => {
    const source = step(page, from).locator(".step-handle.react-flow__handle-right");
    const target = step(page, to).locator(".step-handle.react-flow__handle-left");
    await drag(page, await centre(source), await centre(target));
  };
  await fitAll(page);
  await connect("Third", "First");
  await connect("First", "Second");
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);

  await page.getByRole("button", { name: "Tidy up" }).click();
  await expect.poll(async () => [await xOf("Third"), await xOf("First"), await xOf("Second")].every((x, i, all) => i === 0 || all[i - 1]! < x)).toBe(true);
  await page.keyboard.press("Control+z");
  await expect.poll(async () => (await xOf("Second")) < (await xOf("Third"))).toBe(true);
  expect(problems).toEqual([]);
});

test("rename a stage and name a lane's team by double-clicking their headers on the canvas", async ({ page, problems }) => {
  await openLibrary(page);
  await page.getByRole("button", { name: "New journey" }).click();
  await expect(page.getByTestId("canvas")).toBeVisible();
  const steps = page.locator(".react-flow__node-step");
  const before = await steps.count();
  const stageHeader = (name: string) => page.locator(".stage-header", { hasText: name });

  // The headers let the pointer through to the canvas, so they are double-clicked by position.
  await page.mouse.dblclick(...(await middle(stageHeader("During"))));
  const stageName = page.getByRole("textbox", { name: "Stage name" });
  await expect(stageName).toBeFocused();
  await expect(stageName).toHaveValue("During");
  await stageName.fill("Make the claim");
  await stageName.press("Enter");
  await expect(stageName).toHaveCount(0);
  await expect(stageHeader("Make the claim")).toBeVisible();
  await expect(steps).toHaveCount(before); // no step added under the header

  // Escape leaves the name as it was; an emptied name is not kept.
  await page.mouse.dblclick(...(await middle(stageHeader("Make the claim"))));
  await stageName.fill("Something else");
  await stageName.press("Escape");
  await page.mouse.dblclick(...(await middle(stageHeader("Make the claim"))));
  await stageName.fill("");
  await stageName.press("Enter");
  await expect(stageHeader("Make the claim")).toBeVisible();
  await expect(page.locator(".stage-header", { hasText: "Something else" })).toHaveCount(0);

  // A lane header names the lane's team.
  const citizen = page.locator(".lane-header", { hasText: "Citizen" }).first();
  await page.mouse.dblclick(...(await middle(citizen)));
  const team = page.getByRole("textbox", { name: /^Team in the .* lane$/ });
  await expect(team).toBeFocused();
  await team.fill("Bereaved partner");
  await team.press("Enter");
  await expect(citizen.locator(".lane-team")).toHaveText("Bereaved partner");
  await expect(steps).toHaveCount(before);

  // Each rename is one undoable change, and both are kept.
  await page.keyboard.press("Control+z");
  await expect(citizen.locator(".lane-team")).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect(citizen.locator(".lane-team")).toHaveText("Bereaved partner");
  await page.getByRole("tab", { name: "Lanes & stages" }).click();
  await expect(page.getByRole("textbox", { name: "Stage 2" })).toHaveValue("Make the claim");
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved on this computer");
  await page.reload();
  await expect(stageHeader("Make the claim")).toBeVisible();
  await expect(page.locator(".lane-header", { hasText: "Bereaved partner" })).toBeVisible();
  expect(problems).toEqual([]);
});
