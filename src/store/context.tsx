/** Gives components the store and its commands; tests can supply their own store. */
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useStore } from "zustand";
import { makeCommands, type Commands } from "./commands";
import { useSeams, type SeamsState, type SeamsStore } from "./store";

interface StoreBundle {
  store: SeamsStore;
  commands: Commands;
}

const appBundle: StoreBundle = { store: useSeams, commands: makeCommands(useSeams) };
const StoreContext = createContext<StoreBundle>(appBundle);

export function StoreProvider({ store, children }: { store: SeamsStore; children: ReactNode }) {
  const value = useMemo(() => ({ store, commands: makeCommands(store) }), [store]);
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}

/** Reads a slice of the store; pass a narrow selector. */
export function useSeamsState<T>(selector: (state: SeamsState) => T): T {
  return useStore(useContext(StoreContext).store, selector);
}

export function useCommands(): Commands {
  return useContext(StoreContext).commands;
}

export function useStoreApi(): SeamsStore {
  return useContext(StoreContext).store;
}

/** The commands of the app's own store, for code outside React (shortcuts, persistence). */
export const appCommands = appBundle.commands;
