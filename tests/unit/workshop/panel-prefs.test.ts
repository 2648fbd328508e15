import { describe, expect, it } from "vitest";
import { readPanels, rememberPanels } from "../../../src/app/panel-prefs";
import { createSeamsStore } from "../../../src/store/store";

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

describe("remembering which side panels are open", () => {
  it("opens with the panels as they were left, and stores each change", () => {
    const storage = memoryStorage({ "seams.panels": JSON.stringify({ palette: false, details: true }) });
    const store = createSeamsStore();
    const stop = rememberPanels(store, storage);
    expect(store.getState().panels).toEqual({ palette: false, details: true });
    store.getState().setPanel("details", false);
    expect(JSON.parse(storage.data.get("seams.panels")!)).toEqual({ palette: false, details: false });
    stop();
    store.getState().setPanel("palette", true);
    expect(JSON.parse(storage.data.get("seams.panels")!)).toEqual({ palette: false, details: false });
  });

  it.each([["not json"], ["[1,2]"], [JSON.stringify({ palette: "no", details: 0 })]])("keeps the panels open when the stored value is %s", (raw) => {
    expect(readPanels(memoryStorage({ "seams.panels": raw }))).toEqual({});
    const store = createSeamsStore();
    rememberPanels(store, memoryStorage({ "seams.panels": raw }));
    expect(store.getState().panels).toEqual({ palette: true, details: true });
  });

  it("still opens and closes panels when storage refuses to write", () => {
    const store = createSeamsStore();
    rememberPanels(store, { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } });
    store.getState().setPanel("palette", false);
    expect(store.getState().panels.palette).toBe(false);
  });
});
