// @vitest-environment jsdom
import { act, cleanup, configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryBackend, repositoryBackend } from "../../../src/persistence/library-backends";
import type { Journey } from "../../../src/domain/model";
import { SeamsDatabase } from "../../../src/persistence/db";
import { JourneyRepository } from "../../../src/persistence/repository";
import { VersionsPanel } from "../../../src/panels/versions/VersionsPanel";
import { StoreProvider } from "../../../src/store/context";
import type { LibraryBackend, VersionSummary } from "../../../src/domain/library";
import { useLibrary } from "../../../src/store/library";
import { createSeamsStore } from "../../../src/store/store";
import { editStep, makeJourney, removeStep, uniqueName } from "../persistence/helpers";

// Storage round trips through fake-indexeddb can take over a second on a busy machine.
configure({ asyncUtilTimeout: 5_000 });

const databases: SeamsDatabase[] = [];

afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

const BACKENDS: [string, () => LibraryBackend][] = [
  [
    "IndexedDB",
    () => {
      const db = new SeamsDatabase({ name: uniqueName("versions-panel") });
      databases.push(db);
      return repositoryBackend(new JourneyRepository(db));
    },
  ],
  ["memory only", () => memoryBackend(new Map())],
];

function setup(
  backend: LibraryBackend,
  opts: { readOnly?: boolean; onCompare?: (v: VersionSummary) => void } = {},
) {
  useLibrary.getState().setBackend(backend);
  const store = createSeamsStore();
  store.getState().openJourney(makeJourney({ steps: 4 }), { readOnly: opts.readOnly });
  const user = userEvent.setup();
  render(
    <StoreProvider store={store}>
      <VersionsPanel onCompare={opts.onCompare} />
    </StoreProvider>,
  );
  const journey = () => store.getState().journey!;
  return { store, user, journey };
}

const versionNames = () =>
  within(screen.getByRole("list", { name: "Saved versions" }))
    .getAllByRole("listitem")
    .map((li) => li.querySelector(".versions-name")!.textContent);

async function takeVersion(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.clear(screen.getByLabelText("Version name"));
  await user.type(screen.getByLabelText("Version name"), name);
  await user.click(screen.getByRole("button", { name: "Take version" }));
  await screen.findByText(`Version “${name}” taken.`);
}

describe.each(BACKENDS)("Versions panel over %s", (_, makeBackend) => {
  it("takes a named version and lists it with its step count", async () => {
    const { user } = setup(makeBackend());
    expect(await screen.findByText("No versions yet.")).toBeInTheDocument();
    await takeVersion(user, "As-is after workshop 1");
    await waitFor(() => expect(versionNames()).toEqual(["As-is after workshop 1"]));
    const item = screen.getByRole("listitem");
    expect(item).toHaveTextContent("4 steps");
    expect(within(item).getByText((_, el) => el?.tagName === "TIME")).toHaveAttribute("datetime");
    expect(screen.getByLabelText("Version name")).toHaveValue("");
  });

  it("asks for a name instead of taking a version without one", async () => {
    const backend = makeBackend();
    const take = vi.spyOn(backend, "takeVersion");
    const { user } = setup(backend);
    await user.click(screen.getByRole("button", { name: "Take version" }));
    expect(screen.getByText("Enter a name for the version")).toBeInTheDocument();
    expect(screen.getByLabelText("Version name")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Version name")).toHaveFocus();
    expect(take).not.toHaveBeenCalled();
  });

  it("restores a version as one undoable change and keeps the current journey as a version", async () => {
    const { user, store, journey } = setup(makeBackend());
    const original = journey();
    await takeVersion(user, "As-is after workshop 1");
    // Change the journey after the version: relabel one step and remove another.
    act(() => {
      store
        .getState()
        .change((j) => removeStep(editStep(j, "step-0", { label: "Changed" }), "step-3"));
    });
    const edited = journey();
    expect(edited.steps).toHaveLength(3);

    await user.click(
      await screen.findByRole("button", { name: "Restore version As-is after workshop 1" }),
    );
    await screen.findByText(/Restored “As-is after workshop 1”/);
    expect(journey().id).toBe(original.id);
    expect(journey().steps).toEqual(original.steps);
    expect(journey().flows).toEqual(original.flows);
    await waitFor(() =>
      expect(versionNames()).toEqual([
        "Before restoring “As-is after workshop 1”",
        "As-is after workshop 1",
      ]),
    );
    expect(screen.getAllByRole("listitem")[0]).toHaveTextContent("3 steps");

    act(() => store.getState().undo());
    expect(journey().steps).toEqual(edited.steps);
  });

  it("restores the kept version, bringing back the state before a restore", async () => {
    const { user, store, journey } = setup(makeBackend());
    await takeVersion(user, "First");
    act(() => {
      store.getState().change((j) => editStep(j, "step-1", { label: "Later wording" }));
    });
    await user.click(await screen.findByRole("button", { name: "Restore version First" }));
    await screen.findByText(/Restored “First”/);
    expect(journey().steps[1]!.label).toBe("Step 1");
    await user.click(
      await screen.findByRole("button", { name: "Restore version Before restoring “First”" }),
    );
    await screen.findByText(/Restored “Before restoring “First””/);
    expect(journey().steps[1]!.label).toBe("Later wording");
  });

  it("deletes a version after asking, leaving the journey as it is", async () => {
    const { user, journey } = setup(makeBackend());
    await takeVersion(user, "Keep");
    await takeVersion(user, "Throw away");
    await waitFor(() => expect(versionNames()).toHaveLength(2));
    const before = journey();

    await user.click(screen.getByRole("button", { name: "Delete version Throw away" }));
    const dialog = screen.getByRole("dialog", { name: "Delete version “Throw away”?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(versionNames()).toHaveLength(2);

    await user.click(screen.getByRole("button", { name: "Delete version Throw away" }));
    await user.click(
      within(screen.getByRole("dialog")).getByRole("button", { name: "Delete version" }),
    );
    await screen.findByText("Version “Throw away” deleted.");
    await waitFor(() => expect(versionNames()).toEqual(["Keep"]));
    expect(journey()).toBe(before);
  });
});

describe("Versions panel", () => {
  it("offers compare only when the compare view gives a way to do it", async () => {
    const backend = memoryBackend(new Map());
    const first = setup(backend);
    await takeVersion(first.user, "Before");
    expect(screen.queryByRole("button", { name: /Compare/ })).not.toBeInTheDocument();
    cleanup();
    const onCompare = vi.fn();
    const second = setup(backend, { onCompare });
    await second.user.click(
      await screen.findByRole("button", { name: "Compare version Before with current" }),
    );
    expect(onCompare).toHaveBeenCalledWith(expect.objectContaining({ name: "Before" }));
  });

  it("lets a read-only journey's versions be seen but not taken, restored or deleted", async () => {
    const backend = memoryBackend(new Map());
    await backend.takeVersion(makeJourney({ steps: 4 }), "Old");
    setup(backend, { readOnly: true });
    await screen.findByText("Old");
    expect(screen.getByRole("button", { name: "Take version" })).toBeDisabled();
    expect(screen.getByLabelText("Version name")).toBeDisabled();
    expect(screen.getByRole("button", { name: "Restore version Old" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Delete version Old" })).toBeDisabled();
  });

  it("says why a version could not be restored and leaves the journey alone", async () => {
    const backend = memoryBackend(new Map());
    await backend.takeVersion(makeJourney({ steps: 4 }), "Old");
    backend.restoreVersion = async () => ({
      ok: false,
      message: "This version was saved by a newer version of Seams.",
    });
    const { user, journey } = setup(backend);
    const before = journey();
    await user.click(await screen.findByRole("button", { name: "Restore version Old" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This version was saved by a newer version of Seams.",
    );
    expect(journey()).toBe(before);
  });

  it("shows the storage message when a version cannot be written", async () => {
    const backend = memoryBackend(new Map());
    backend.takeVersion = async () => {
      throw new Error("Your browser has run out of storage space for Seams.");
    };
    const { user } = setup(backend);
    await user.type(screen.getByLabelText("Version name"), "Full");
    await user.click(screen.getByRole("button", { name: "Take version" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("run out of storage space");
    expect(screen.getByLabelText("Version name")).toHaveValue("Full");
  });
});

describe("repositoryBackend.restoreVersion", () => {
  it("does not restore another journey's version", async () => {
    const db = new SeamsDatabase({ name: uniqueName("versions-other") });
    databases.push(db);
    const backend = repositoryBackend(new JourneyRepository(db));
    const other: Journey = makeJourney({ id: "journey-other", steps: 2 });
    await backend.takeVersion(other, "Other journey's version");
    const [version] = await backend.listVersions("journey-other");
    const result = await backend.restoreVersion(version!.id, makeJourney({ steps: 4 }));
    expect(result).toEqual({ ok: false, message: "No such version." });
    expect(await backend.listVersions("journey-1")).toEqual([]);
  });
});
