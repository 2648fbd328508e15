// @vitest-environment jsdom
/** The merge dialog with a fake library: changes listed field by field, chosen changes taken as
 * one undoable change when the journey is open, saved through the library otherwise; and a
 * three-way merge with a choice per conflict when the file's base version is here. */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { removeSteps, updateJourneyDetails, updateStep } from "../../../src/domain/journey";
import { diffJourneys } from "../../../src/domain/merge/diff";
import type { Journey } from "../../../src/domain/model";
import type { OpenedFile } from "../../../src/panels/files/importStore";
import { MergeView } from "../../../src/panels/files/MergeView";
import { describeChange, describeValue, groupChanges, recordName } from "../../../src/panels/files/merge-text";
import { StoreProvider } from "../../../src/store/context";
import type { LibraryBackend } from "../../../src/domain/library";
import { useLibrary } from "../../../src/store/library";
import { createSeamsStore } from "../../../src/store/store";
import { at, buildJourney, stepOf } from "../../helpers/journey-builder";

const ours = () =>
  buildJourney({
    id: "j",
    title: "Claim",
    lanes: ["L1", { id: "L2", layer: "frontstage", actorId: "dwp", team: "Phone" }],
    stages: [{ id: "S1", name: "Apply" }, { id: "S2", name: "Decide" }],
    steps: [...at("L1", "S1", "a", "b"), ...at("L2", "S2", "c")],
    flows: ["a>b", "b>c"],
  });

function fakeBackend(stored: Journey | null, versions: { id: string; journey: Journey }[] = []) {
  return {
    loadJourney: vi.fn(async () => stored),
    saveJourney: vi.fn(async () => undefined),
    listVersions: vi.fn(async () => versions.map((v) => ({ id: v.id, journeyId: "j", name: "Sent to DWP", createdAt: "2026-02-01T10:00:00.000Z", stepCount: 3 }))),
    loadVersion: vi.fn(async (id: string) => versions.find((v) => v.id === id)?.journey ?? null),
    list: vi.fn(async () => []),
  } as unknown as LibraryBackend;
}

function renderMerge(opened: OpenedFile, options: { open?: Journey; backend: LibraryBackend }) {
  const store = createSeamsStore();
  if (options.open) store.getState().openJourney(options.open);
  useLibrary.setState({ backend: options.backend });
  const onDone = vi.fn();
  const onKeepSeparate = vi.fn();
  render(
    <StoreProvider store={store}>
      <MergeView opened={opened} editingId={options.open?.id ?? null} onDone={onDone} onKeepSeparate={onKeepSeparate} />
    </StoreProvider>,
  );
  return { store, onDone, onKeepSeparate };
}

const file = (journey: Journey, baseVersionId: string | null = null): OpenedFile => ({ fileName: "copy.seams.json", journey, baseVersionId, report: [] });

/** Their copy: step a relabelled and given notes, step c removed with its flow. */
const theirsOf = (j: Journey) => removeSteps(updateStep(j, "a", { label: "Apply online", notes: "From DWP" }), ["c"]);

describe("MergeView, two copies without a shared base", () => {
  beforeEach(() => useLibrary.setState({ backend: null }));

  it("lists each difference with an unticked checkbox, named as the library has it", async () => {
    const mine = ours();
    renderMerge(file(theirsOf(mine)), { backend: fakeBackend(mine) });
    const dialog = await screen.findByRole("dialog", { name: "Compare and merge “Claim”" });
    const boxes = await within(dialog).findAllByRole("checkbox");
    expect(boxes.map((b) => b.getAttribute("aria-checked") ?? (b as HTMLInputElement).checked)).toEqual([false, false, false, false]);
    expect(within(dialog).getByRole("checkbox", { name: "Step “a”: label: “a” → “Apply online”" })).toBeInTheDocument();
    expect(within(dialog).getByRole("checkbox", { name: "Step “a”: notes: none → “From DWP”" })).toBeInTheDocument();
    expect(within(dialog).getByRole("checkbox", { name: "Step “c” removed" })).toBeInTheDocument();
    expect(within(dialog).getByRole("checkbox", { name: "Flow “b” → “c” removed" })).toBeInTheDocument();
    expect(within(dialog).getByRole("button", { name: "Take selected (0)" })).toBeDisabled();
  });

  it("takes the chosen changes into the open journey as one change that undo takes back", async () => {
    const mine = ours();
    const { store, onDone } = renderMerge(file(theirsOf(mine)), { open: mine, backend: fakeBackend(null) });
    fireEvent.click(await screen.findByRole("checkbox", { name: "Step “a”: label: “a” → “Apply online”" }));
    fireEvent.click(screen.getByRole("button", { name: "Take selected (1)" }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith({ id: "j", title: "Claim" }));
    const merged = store.getState().journey!;
    expect(stepOf(merged, "a")).toMatchObject({ label: "Apply online", notes: "" });
    expect(merged.steps).toHaveLength(3);
    expect(store.getState().history.past).toHaveLength(1);
    act(() => store.getState().undo());
    expect(store.getState().journey).toBe(mine);
  });

  it("changes nothing in a read-only tab, and says so", async () => {
    const mine = ours();
    const { store, onDone } = renderMerge(file(theirsOf(mine)), { open: mine, backend: fakeBackend(null) });
    store.getState().setReadOnly(true);
    fireEvent.click(await screen.findByRole("button", { name: "Take all" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("read-only in this tab, so nothing was changed");
    expect(store.getState().journey).toBe(mine);
    expect(onDone).not.toHaveBeenCalled();
  });

  it("saves through the library when the journey is not open, and says what else it kept", async () => {
    const mine = ours();
    const backend = fakeBackend(mine);
    const { onDone } = renderMerge(file(theirsOf(mine)), { backend });
    fireEvent.click(await screen.findByRole("checkbox", { name: "Step “c” removed" }));
    expect(await screen.findByText("Step “c” stays: flow “b” → “c” still uses it.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Take all" }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    const [before, after] = (backend.saveJourney as ReturnType<typeof vi.fn>).mock.calls[0] as [Journey, Journey];
    expect(before).toBe(mine);
    expect(diffJourneys(after, theirsOf(mine))).toEqual([]);
  });

  it("offers to keep the file as a separate journey, and says when there is nothing to take", async () => {
    const mine = ours();
    const { onKeepSeparate } = renderMerge(file(structuredClone(mine)), { backend: fakeBackend(mine) });
    expect(await screen.findByText("The file holds nothing your journey does not already have.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Take/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Keep as a separate journey" }));
    expect(onKeepSeparate).toHaveBeenCalled();
  });

  it("shows markup in labels as text", async () => {
    const mine = ours();
    const theirs = updateStep(mine, "a", { label: "<img src=x onerror=alert(1)>" });
    renderMerge(file(theirs), { backend: fakeBackend(mine) });
    const box = await screen.findByRole("checkbox", { name: "Step “a”: label: “a” → “<img src=x onerror=alert(1)>”" });
    expect(box).toBeInTheDocument();
    expect(document.querySelector("img")).toBeNull();
  });
});

describe("MergeView, both copies changed since a version this library holds", () => {
  it("ticks their changes, shows a choice per conflict, and takes the chosen side", async () => {
    const base = ours();
    const mine = updateJourneyDetails(updateStep(base, "b", { label: "Ours" }), { title: "Our claim" });
    const theirs = updateStep(updateStep(base, "b", { label: "Theirs" }), "a", { notes: "n" });
    const backend = fakeBackend(mine, [{ id: "ver_1", journey: base }]);
    renderMerge(file(theirs, "ver_1"), { backend });
    const dialog = await screen.findByRole("dialog", { name: "Compare and merge “Our claim”" });
    expect(dialog).toHaveTextContent("Both copies changed since the version “Sent to DWP”");
    const conflict = within(dialog).getByRole("group", { name: "Step “Ours”: label changed in both" });
    expect(within(conflict).getByRole("radio", { name: "Keep yours: “Ours”" })).toBeChecked();
    fireEvent.click(within(conflict).getByRole("radio", { name: "Take the file’s: “Theirs”" }));
    expect(within(dialog).getByRole("checkbox", { name: "Step “a”: notes: none → “n”" })).toBeChecked();
    fireEvent.click(within(dialog).getByRole("button", { name: "Take selected (2)" }));
    await vi.waitFor(() => expect(backend.saveJourney).toHaveBeenCalled());
    const after = (backend.saveJourney as ReturnType<typeof vi.fn>).mock.calls[0]![1] as Journey;
    expect(after.title).toBe("Our claim");
    expect(stepOf(after, "b").label).toBe("Theirs");
    expect(stepOf(after, "a").notes).toBe("n");
  });

  it("compares two ways when the file's base is not in this library", async () => {
    const mine = ours();
    renderMerge(file(theirsOf(mine), "ver_elsewhere"), { backend: fakeBackend(mine, []) });
    expect(await screen.findByText(/holds another copy of this journey/)).toBeInTheDocument();
  });
});

describe("merge wording", () => {
  const j = ours();
  it.each([
    ["laneId", "L2", "“dwp” (Phone), Frontstage"],
    ["stageId", "S2", "“Decide”"],
    ["from", "a", "“a”"],
    ["dataItems", ["Name", "Address"], "Name, Address"],
    ["dataItems", [], "none"],
    ["failPoint", true, "yes"],
    ["emotion", 2, "+2"],
    ["channel", "in-person", "In person"],
    ["notes", "", "none"],
    ["stageId", "gone", "gone"],
  ])("%s %j reads as %s", (field, value, text) => {
    expect(describeValue(field, value, [j])).toBe(text);
  });

  it("names records and groups changes by kind, then record", () => {
    expect(recordName("flow", "a>b", [j])).toBe("“a” → “b”");
    const changes = diffJourneys(j, theirsOf(j));
    const groups = groupChanges(changes, [j]);
    expect(groups.map((g) => [g.heading, g.records.map((r) => [r.name, r.changes.length])])).toEqual([
      ["Steps", [["“a”", 2], ["“c”", 1]]],
      ["Flows", [["“b” → “c”", 1]]],
    ]);
    expect(describeChange({ ...changes[0]!, op: "moved", before: 0, after: 2 }, [j])).toBe("moved from 1st to 3rd place");
  });
});
