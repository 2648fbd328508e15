/** Flows as drawn on the canvas, read back from the DOM: after Tidy up, no flow runs through a
 * card it does not join or along a piece of line another, unrelated flow uses; each is named
 * by its two steps; and the SVG export draws exactly the same lines. */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { blueprintLayout } from "../../src/domain/layout";
import { routeFlows } from "../../src/domain/routing/flows";
import { SAMPLE_JOURNEYS } from "../../src/domain/samples";
import { pathData } from "../../src/export/svg-flows";
import { serializeJourney, toEnvelope } from "../../src/format/envelope";
import { restoreJourney } from "../../src/format/restore";
import { generateJourney } from "../helpers/generate-journey";
import { pathPoints, routeProblems, type Box } from "../helpers/route-checks";
import { centre, fitAll, step } from "./canvas-helpers";
import { expect, openJourney, openLibrary, test } from "./fixtures";

const ROUTE = /^M-?[\d.]+ -?[\d.]+( L-?[\d.]+ -?[\d.]+)+$/;

/** The cards and the flows' paths as the canvas draws them, in blueprint coordinates. */
async function drawn(page: Page) {
  return page.evaluate(() => {
    const cards: [string, { x: number; y: number; width: number; height: number }][] = [];
    for (const node of document.querySelectorAll<HTMLElement>(".react-flow__node-step")) {
      const m = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(node.style.transform);
      if (!m) continue;
      cards.push([node.dataset.id!, { x: Number(m[1]), y: Number(m[2]), width: node.offsetWidth, height: node.offsetHeight }]);
    }
    const edges: { id: string; d: string; name: string }[] = [];
    for (const edge of document.querySelectorAll<SVGGElement>(".react-flow__edge")) {
      edges.push({
        id: edge.dataset.id!,
        d: edge.querySelector("path.react-flow__edge-path")?.getAttribute("d") ?? "",
        name: edge.getAttribute("aria-label") ?? "",
      });
    }
    return { cards, edges };
  });
}

test("after Tidy up, the bereavement flows go round the cards, apart from each other, as in the SVG export", async ({ page, problems }) => {
  const sample = SAMPLE_JOURNEYS.find((s) => s.key === "bereavement")!;
  const journey = sample.build();
  await openLibrary(page);
  await openJourney(page, sample.title);
  await fitAll(page);

  // Put the register office's last step first in its cell, so Tidy up has something to do.
  const xOf = async (label: string) => (await step(page, label).boundingBox())!.x;
  const first = await step(page, "Book a registration appointment").boundingBox();
  const offers = step(page, "Registrar offers Tell Us Once");
  const from = await centre(offers);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    const x = from.x + (first!.x + 4 - from.x) * (i / 12);
    await page.mouse.move(x, from.y);
  }
  await page.mouse.up();
  await expect.poll(async () => (await xOf("Registrar offers Tell Us Once")) < (await xOf("Book a registration appointment"))).toBe(true);

  await page.getByRole("button", { name: "Tidy up" }).click();
  await expect.poll(async () => (await xOf("Book a registration appointment")) < (await xOf("Registrar offers Tell Us Once"))).toBe(true);
  await expect(page.locator(".react-flow__edge")).toHaveCount(journey.flows.length);

  const labels = new Map(journey.steps.map((s) => [s.id, s.label]));
  await expect
    .poll(async () => (await drawn(page)).edges.filter((e) => ROUTE.test(e.d)).length, { message: "every flow drawn along its route" })
    .toBe(journey.flows.length);
  const { cards, edges } = await drawn(page);
  expect(cards).toHaveLength(journey.steps.length);
  const flows = journey.flows.map((f) => ({ ...f, points: pathPoints(edges.find((e) => e.id === f.id)!.d) }));
  const boxes = new Map<string, Box>(cards);
  // Crossing a card the flow does not join, or sharing a piece of line with an unrelated flow.
  const found = routeProblems(flows, boxes).filter((p) => p.kind !== "through-card" || (p.card !== flowOf(p.flow).from && p.card !== flowOf(p.flow).to));
  function flowOf(id: string) {
    return journey.flows.find((f) => f.id === id)!;
  }
  expect(found).toEqual([]);

  // Each flow is named by its two steps.
  for (const f of journey.flows) {
    const name = edges.find((e) => e.id === f.id)!.name;
    expect(name.startsWith(`${labels.get(f.from)} → ${labels.get(f.to)}`)).toBe(true);
  }

  // The SVG export draws the same lines, flow by flow.
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Drawing (.svg)" }).click();
  const svg = readFileSync((await (await downloading).path())!, "utf8");
  const group = /<g data-kind="flows">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? "";
  const exported = [...group.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]);
  expect(exported).toEqual(journey.flows.map((f) => edges.find((e) => e.id === f.id)!.d));
  expect(problems).toEqual([]);
});

for (const sample of SAMPLE_JOURNEYS.filter((s) => s.key !== "bereavement")) {
  test(`the ${sample.key} sample's flows go round the cards and apart from each other after Tidy up`, async ({ page, problems }) => {
    const journey = sample.build();
    await openLibrary(page);
    await openJourney(page, sample.title);
    await page.getByRole("button", { name: "Tidy up" }).click();
    await expect
      .poll(async () => (await drawn(page)).edges.filter((e) => ROUTE.test(e.d)).length)
      .toBe(journey.flows.length);
    const { cards, edges } = await drawn(page);
    const flows = journey.flows.map((f) => ({ ...f, points: pathPoints(edges.find((e) => e.id === f.id)!.d) }));
    const found = routeProblems(flows, new Map<string, Box>(cards)).filter(
      (p) => p.kind !== "through-card" || !journey.flows.some((f) => f.id === p.flow && (f.from === p.card || f.to === p.card)),
    );
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
  });
}

test("a large journey's flows are routed off the main thread, as the SVG export routes them, and again after an edit", async ({ page, problems }) => {
  const restored = restoreJourney(toEnvelope({ ...generateJourney({ steps: 600, seed: 5 }), id: "journey_large", title: "A large journey" }));
  if (!restored.ok) throw new Error("the generated journey does not restore");
  const large = restored.journey;
  const routes = routeFlows(blueprintLayout(large), large.flows);
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await openLibrary(page);
  const choosing = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Open a file" }).click();
  await (await choosing).setFiles({ name: "large.seams.json", mimeType: "application/json", buffer: Buffer.from(serializeJourney(large)) });
  await expect(page.getByLabel("Journey title")).toHaveValue("A large journey");
  // Every flow on screen, once the worker has answered, along the route routeFlows gives.
  await expect
    .poll(async () => {
      const { edges } = await drawn(page);
      return edges.length > 0 && edges.every((e) => e.d === pathData(routes.get(e.id)!.points));
    })
    .toBe(true);
  expect(workers.some((url) => /routing\.worker/.test(url))).toBe(true);

  // After an edit the flows on screen are routed again, round the cards as they are now.
  await page.locator(".react-flow__node-step").first().click();
  await page.keyboard.press("Delete");
  await expect
    .poll(async () => {
      const { cards, edges } = await drawn(page);
      const boxes = new Map<string, Box>(cards);
      const flows = edges
        .filter((e) => ROUTE.test(e.d))
        .map((e) => ({ ...large.flows.find((f) => f.id === e.id)!, points: pathPoints(e.d) }));
      const crossing = routeProblems(flows, boxes).filter(
        (p) => p.kind === "through-card" && !flows.some((f) => f.id === p.flow && (f.from === p.card || f.to === p.card)),
      );
      return edges.length > 0 && flows.length === edges.length && crossing.length === 0;
    })
    .toBe(true);
  expect(problems).toEqual([]);
});
