/** Journey-wide keyboard shortcuts. Each calls the same command as its button or gesture. */
import { useEffect } from "react";
import type { Commands } from "../store/commands";
import type { SeamsStore } from "../store/store";
import { isControl, isTyping } from "../ui/isTyping";


export function useShortcuts(
  store: SeamsStore,
  commands: Commands,
  ui: { openHelp(): void; focusFind(): void; closeOverlays(): boolean; present(): void },
) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (key === "escape") {
        if (ui.closeOverlays()) return;
        if (!isTyping(e.target)) commands.clearSelection();
        return;
      }
      if (mod && key === "f") {
        e.preventDefault();
        ui.focusFind();
        return;
      }
      if (isTyping(e.target)) return;
      const state = store.getState();
      if (mod && key === "z") {
        e.preventDefault();
        if (e.shiftKey) commands.redo();
        else commands.undo();
      } else if (mod && key === "y") {
        e.preventDefault();
        commands.redo();
      } else if (mod && key === "c") {
        commands.copySelection();
      } else if (mod && key === "v") {
        e.preventDefault();
        commands.paste();
      } else if (mod && key === "d") {
        e.preventDefault();
        commands.duplicateSelection();
      } else if (mod && key === "a") {
        e.preventDefault();
        commands.selectAll();
      } else if (!mod && (e.key === "Delete" || e.key === "Backspace")) {
        e.preventDefault();
        commands.deleteSelection();
      } else if (!mod && !e.altKey && e.key === "?") {
        e.preventDefault();
        ui.openHelp();
      } else if (!mod && !e.altKey && key === "p") {
        e.preventDefault();
        if (state.view !== "canvas") state.setView("canvas");
        ui.present();
      } else if (!mod && !e.altKey && key === "o") {
        state.setView(state.view === "canvas" ? "outline" : "canvas");
      } else if (!mod && !e.altKey && (e.key === "F2" || (e.key === "Enter" && !isControl(e.target)))) {
        const only = state.selectedStepIds.length === 1 ? state.selectedStepIds[0] : undefined;
        if (only && !state.readOnly) {
          e.preventDefault();
          state.setEditingStep(only);
        }
      } else if (!mod && !e.altKey && key === "n") {
        e.preventDefault();
        commands.addStepNextToSelection();
      } else if (!mod && !e.altKey && key === "l") {
        commands.connectSelection();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store, commands, ui]);
}
