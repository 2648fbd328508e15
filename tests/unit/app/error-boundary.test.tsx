// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorBoundary, isLoadFailure } from "../../../src/app/ErrorBoundary";

afterEach(() => vi.restoreAllMocks());

function Broken({ error }: { error: Error }): never {
  throw error;
}

describe("isLoadFailure", () => {
  it.each([
    ["Chromium", new TypeError("Failed to fetch dynamically imported module: http://x/assets/JourneyView-1.js")],
    ["Firefox", new TypeError("error loading dynamically imported module: http://x/a.js")],
    ["Safari", new TypeError("Importing a module script failed.")],
  ])("recognises a part that could not be downloaded (%s)", (_browser, error) => {
    expect(isLoadFailure(error)).toBe(true);
  });

  it("does not take other errors for one", () => {
    expect(isLoadFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isLoadFailure("a string")).toBe(false);
  });
});

describe("ErrorBoundary", () => {
  it("shows what happened and that saved work is safe, and leaving clears it", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined); // React reports the error
    const onLeave = vi.fn();
    function Harness() {
      const [broken, setBroken] = useState(true);
      return (
        <ErrorBoundary resetKey="#/journey/a" beforeReload={async () => undefined} onLeave={() => (onLeave(), setBroken(false))}>
          {broken ? <Broken error={new Error("Cannot read properties of undefined")} /> : <p>The library</p>}
        </ErrorBoundary>
      );
    }
    render(<Harness />);
    expect(screen.getByRole("heading", { name: "Something went wrong in this view" })).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toContain("every change saved before this is safe");
    expect(screen.getByText("Error: Cannot read properties of undefined")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Back to your journeys" }));
    expect(onLeave).toHaveBeenCalledOnce();
    expect(screen.getByText("The library")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("tells a download failure apart, and saves before reloading", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const order: string[] = [];
    const reload = vi.fn(() => order.push("reload"));
    vi.spyOn(window, "location", "get").mockReturnValue({ ...window.location, reload } as Location);
    render(
      <ErrorBoundary resetKey="#/" beforeReload={async () => void order.push("saved")} onLeave={() => undefined}>
        <Broken error={new TypeError("Failed to fetch dynamically imported module: http://x/a.js")} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole("heading", { name: "Part of Seams could not be loaded" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Reload Seams" }));
    await vi.waitFor(() => expect(reload).toHaveBeenCalled());
    expect(order).toEqual(["saved", "reload"]);
  });

  it("clears when the route changes", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const view = (key: string, broken: boolean) => (
      <ErrorBoundary resetKey={key} beforeReload={async () => undefined} onLeave={() => undefined}>
        {broken ? <Broken error={new Error("boom")} /> : <p>Another view</p>}
      </ErrorBoundary>
    );
    const { rerender } = render(view("#/journey/a", true));
    expect(screen.getByRole("alert")).toBeTruthy();
    rerender(view("#/", false));
    expect(screen.getByText("Another view")).toBeTruthy();
  });
});
