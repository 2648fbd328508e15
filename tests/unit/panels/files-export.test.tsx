// @vitest-environment jsdom
/** Export: the base version an exported file records, the Export menu's downloads, PNG sizing,
 * the print preview's sheets, and the window-wide drop target. */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { updateStep } from "../../../src/domain/journey";
import type { Journey } from "../../../src/domain/model";
import { parseJourneyFile } from "../../../src/format/parse";
import { ExportMenu } from "../../../src/panels/files/ExportMenu";
import { baseVersionFor, exportHighlights, pngScale, revisionId, svgSize } from "../../../src/panels/files/export-files";
import { FilesLayer } from "../../../src/panels/files/FilesLayer";
import { useImport } from "../../../src/panels/files/importStore";
import { StoreProvider } from "../../../src/store/context";
import type { LibraryBackend, VersionSummary } from "../../../src/domain/library";
import { useLibrary } from "../../../src/store/library";
import { createSeamsStore } from "../../../src/store/store";
import { at, buildJourney } from "../../helpers/journey-builder";

const journey = buildJourney({ id: "j", title: "Claim: online", lanes: ["L1"], stages: ["S1", "S2"], steps: at("L1", "S1", "a", "b") });

function versionsBackend(initial: { summary: VersionSummary; journey: Journey }[] = [], failing = false) {
  const versions = [...initial];
  return {
    listVersions: vi.fn(async () => versions.map((v) => v.summary).reverse()),
    loadVersion: vi.fn(async (id: string) => versions.find((v) => v.summary.id === id)?.journey ?? null),
    takeVersion: vi.fn(async (j: Journey, name: string) => {
      if (failing) throw new Error("Versions need local storage.");
      versions.push({ summary: { id: `ver_${versions.length + 1}`, journeyId: j.id, name, createdAt: "", stepCount: 0 }, journey: j });
    }),
  } as unknown as LibraryBackend;
}

describe("the base version an exported file records", () => {
  it("keeps the journey as a named version and records its id", async () => {
    const backend = versionsBackend();
    expect(await baseVersionFor(journey, backend, "Claim.seams.json")).toBe("ver_1");
    expect(backend.takeVersion).toHaveBeenCalledWith(journey, "Exported as Claim.seams.json");
  });

  it("reuses the latest version when it holds the same journey", async () => {
    const backend = versionsBackend([{ summary: { id: "ver_9", journeyId: "j", name: "v", createdAt: "", stepCount: 2 }, journey: structuredClone(journey) }]);
    expect(await baseVersionFor(journey, backend, "x")).toBe("ver_9");
    expect(backend.takeVersion).not.toHaveBeenCalled();
  });

  it("takes a new version when the journey changed since the latest", async () => {
    const backend = versionsBackend([{ summary: { id: "ver_9", journeyId: "j", name: "v", createdAt: "", stepCount: 2 }, journey }]);
    const changed = updateStep(journey, "a", { label: "changed" });
    expect(await baseVersionFor(changed, backend, "x")).toBe("ver_2");
  });

  it("falls back to the journey's revision where versions cannot be kept", async () => {
    expect(await baseVersionFor(journey, versionsBackend([], true), "x")).toBe(`rev:${journey.updatedAt}`);
    expect(await baseVersionFor(journey, null, "x")).toBe(revisionId(journey));
    expect(revisionId(journey)).toMatch(/^[A-Za-z0-9_.:-]{1,80}$/);
  });
});

/** A citizen step handing over to an organisation's step: one direct handoff. */
const handover = buildJourney({
  id: "h",
  lanes: ["Lc", { id: "Ld", layer: "frontstage", actorId: "dwp" }, { id: "Lh", layer: "frontstage", actorId: "hmrc" }],
  stages: ["S1"],
  steps: [...at("Ld", "S1", "d"), ...at("Lh", "S1", "h")],
  flows: ["d>h"],
});

describe("analysis marks in exports", () => {
  const all = { handoffs: true, duplicates: true, repeated: true };
  it("draws the marks the canvas shows, and leaves out a kind the user switched off", () => {
    expect([...exportHighlights(handover, all).handoffOn]).toEqual([["d>h", "direct"]]);
    expect(exportHighlights(handover, { ...all, handoffs: false }).handoffOn.size).toBe(0);
  });
});

describe("PNG sizing", () => {
  it("reads the drawing's size from the SVG root", () => {
    expect(svgSize('<?xml version="1.0"?>\n<svg xmlns="x" width="822" height="579.5" viewBox="0 0 822 579.5">')).toEqual({ width: 822, height: 579.5 });
    expect(svgSize("<svg>")).toEqual({ width: 1, height: 1 });
  });

  it.each([
    [1000, 600, 2, 2],
    [10_000, 2000, 3, 1.6384],
    [12_000, 12_000, 1, Math.sqrt(120_000_000 / 144_000_000)],
  ])("a %i × %i drawing at %i× is made at %f×", (w, h, wanted, scale) => {
    expect(pngScale(w, h, wanted)).toBeCloseTo(scale, 4);
  });
});

describe("the Export menu", () => {
  let blobs: Blob[];
  let names: string[];
  beforeEach(() => {
    blobs = [];
    names = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return "blob:x";
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  function renderMenu() {
    const store = createSeamsStore();
    store.getState().openJourney(journey);
    useLibrary.setState({ backend: versionsBackend() });
    render(
      <StoreProvider store={store}>
        <ExportMenu />
      </StoreProvider>,
    );
  }

  it("opens with the keyboard, moves with the arrows and closes with Escape", () => {
    renderMenu();
    const button = screen.getByRole("button", { name: "Export" });
    fireEvent.keyDown(button, { key: "ArrowDown" });
    const menu = screen.getByRole("menu", { name: "Export" });
    expect(within(menu).getAllByRole("menuitem").map((i) => i.textContent)).toEqual([
      "Journey file (.json)",
      "Drawing (.svg)",
      "Image (.png), 1×",
      "Image (.png), 2×",
      "Image (.png), 3×",
      "Steps as a spreadsheet (.csv)",
      "Print…",
    ]);
    expect(document.activeElement).toHaveTextContent("Journey file (.json)");
    fireEvent.keyDown(menu, { key: "ArrowUp" });
    expect(document.activeElement).toHaveTextContent("Print…");
    fireEvent.keyDown(menu, { key: "Escape" });
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it("downloads the journey file named after the title, recording its base version", async () => {
    renderMenu();
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    fireEvent.click(screen.getByRole("menuitem", { name: "Journey file (.json)" }));
    await screen.findByText("Exported Claim- online.seams.json.");
    expect(names).toEqual(["Claim- online.seams.json"]);
    const opened = parseJourneyFile(await blobs[0]!.text());
    expect(opened.ok && opened.envelope.baseVersionId).toBe("ver_1");
    expect(opened.ok && opened.journey).toEqual(journey);
  });

  it("draws the handoffs in the exported SVG, as the canvas shows them", async () => {
    const store = createSeamsStore();
    store.getState().openJourney(handover);
    render(
      <StoreProvider store={store}>
        <ExportMenu />
      </StoreProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    fireEvent.click(screen.getByRole("menuitem", { name: "Drawing (.svg)" }));
    await screen.findByText("Exported A journey.svg.");
    expect(await blobs[0]!.text()).toContain("Direct handoff: one organisation to another");
  });

  it("downloads the SVG drawing and the CSV of steps", async () => {
    renderMenu();
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    fireEvent.click(screen.getByRole("menuitem", { name: "Drawing (.svg)" }));
    await screen.findByText("Exported Claim- online.svg.");
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    fireEvent.click(screen.getByRole("menuitem", { name: /spreadsheet/ }));
    await screen.findByText("Exported Claim- online.csv.");
    expect(blobs[0]!.type).toBe("image/svg+xml");
    expect(await blobs[0]!.text()).toContain('<metadata id="seams-journey"');
    expect((await blobs[1]!.text()).split("\r\n").filter(Boolean)).toHaveLength(3);
  });

  it("opens the print preview with one sheet to fit, and several for a wall", () => {
    const big = buildJourney({
      id: "big",
      lanes: ["L1", "L2", "L3"],
      stages: ["S1", "S2", "S3", "S4", "S5", "S6"],
      steps: ["S1", "S2", "S3", "S4", "S5", "S6"].flatMap((s) => at("L1", s, `${s}a`, `${s}b`)),
    });
    const store = createSeamsStore();
    store.getState().openJourney(big);
    render(
      <StoreProvider store={store}>
        <ExportMenu />
      </StoreProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Export" }));
    fireEvent.click(screen.getByRole("menuitem", { name: "Print…" }));
    const view = screen.getByRole("dialog", { name: "Print “A journey”" });
    const pages = () => within(view).getByRole("list", { name: "Pages" }).querySelectorAll(":scope > li");
    expect(pages()).toHaveLength(1);
    expect(document.body).toHaveClass("printing");
    fireEvent.click(within(view).getByRole("radio", { name: /A4 sheets for a wall/ }));
    expect(pages().length).toBeGreaterThan(1);
    const b1 = within(view).getByRole("listitem", { name: "Page A2" });
    expect(b1.querySelector("svg svg")?.getAttribute("viewBox")).toMatch(/^\d+(\.\d+)? 0 /);
    expect(b1.querySelector("image")?.getAttribute("href")).toBe("blob:x");
    fireEvent.keyDown(view, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.body).not.toHaveClass("printing");
  });
});

describe("dropping files on the window", () => {
  function dragEvent(type: string, files: File[]) {
    const event = new Event(type, { bubbles: true, cancelable: true });
    Object.defineProperty(event, "dataTransfer", { value: { types: ["Files"], files, dropEffect: "none" } });
    return event;
  }

  it("shows what dropping does while files are over the window, and opens what is dropped", () => {
    const openFiles = vi.fn();
    const original = useImport.getState().openFiles;
    useImport.setState({ openFiles });
    render(<FilesLayer onOpenJourney={() => undefined} editingId={null} />);
    act(() => void document.body.dispatchEvent(dragEvent("dragenter", [])));
    expect(screen.getByTestId("drop-overlay")).toHaveTextContent("added to your library as a new journey. Nothing you already have is changed.");
    const file = new File(["{}"], "a.seams.json");
    const drop = dragEvent("drop", [file]);
    act(() => void document.body.dispatchEvent(drop));
    expect(drop.defaultPrevented).toBe(true);
    expect(openFiles).toHaveBeenCalledWith([file]);
    expect(screen.queryByTestId("drop-overlay")).toBeNull();
    useImport.setState({ openFiles: original });
  });

  it("leaves drags that carry no files alone", () => {
    render(<FilesLayer onOpenJourney={() => undefined} editingId={null} />);
    const event = new Event("dragenter", { bubbles: true, cancelable: true });
    Object.defineProperty(event, "dataTransfer", { value: { types: ["application/x-seams-template"], files: [] } });
    act(() => void document.body.dispatchEvent(event));
    expect(screen.queryByTestId("drop-overlay")).toBeNull();
  });
});
