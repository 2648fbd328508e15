/**
 * What a person can do to one step from the outline. Each action is one store command, then
 * a sentence for the live region and a place for focus to land.
 */
import type { Flow, LaneId, StageId, Step, StepId } from "../../domain/model";
import { useCommands, useStoreApi } from "../../store/context";
import { stageKey, stepKey, useOutline } from "./outlineContext";
import { laneName, stepLabel, stepReference, type OutlineStage } from "./outlineText";

export interface StepActions {
  /** Position in its lane × stage cell (0-based) and the cell's size. */
  position: number;
  cellSize: number;
  rename(name: string): void;
  moveBy(delta: -1 | 1, focusControl?: string): void;
  moveTo(laneId: LaneId, stageId: StageId): void;
  connect(to: StepId, dataShare: boolean): void;
  removeFlow(flow: Flow): void;
  remove(): void;
  showOnCanvas(): void;
}

export function useStepActions(step: Step, stage: OutlineStage): StepActions {
  const { index, announce, requestFocus } = useOutline();
  const commands = useCommands();
  // Session actions are read when used: no subscription per step item.
  const store = useStoreApi();

  const label = stepLabel(step);
  const cell = stage.steps.filter((s) => s.laneId === step.laneId);
  const position = cell.findIndex((s) => s.id === step.id);

  return {
    position,
    cellSize: cell.length,

    rename(name) {
      if (name !== step.label) {
        commands.updateStep(step.id, { label: name });
        announce(`Renamed to ${name}`);
      }
      requestFocus(stepKey(step.id));
    },

    moveBy(delta, focusControl) {
      const to = position + delta;
      if (to < 0 || to >= cell.length) {
        announce(`${label} is already ${delta < 0 ? "first" : "last"} in its cell`);
        return;
      }
      commands.moveSteps([{ id: step.id, laneId: step.laneId, stageId: step.stageId, index: to }]);
      announce(
        `${label} moved ${delta < 0 ? "earlier" : "later"}: ${to + 1} of ${cell.length} in ` +
          `${laneName(index, step.laneId)} in ${stage.stage.name}`,
      );
      requestFocus(stepKey(step.id, focusControl));
    },

    moveTo(laneId, stageId) {
      const target = index.stagesById.get(stageId);
      if (!target || !index.lanes.has(laneId)) return;
      const where = `${laneName(index, laneId)} in ${target.stage.name}`;
      if (laneId === step.laneId && stageId === step.stageId) {
        announce(`${label} is already in ${where}`);
        return;
      }
      const end = target.steps.filter((s) => s.laneId === laneId && s.id !== step.id).length;
      commands.moveSteps([{ id: step.id, laneId, stageId, index: end }]);
      announce(`Moved ${label} to ${where}`);
      requestFocus(stepKey(step.id));
    },

    connect(to, dataShare) {
      const id = commands.connect(step.id, to, { dataShare });
      announce(
        id
          ? `Connected ${label} to ${stepReference(index, to)}${dataShare ? " as a data share" : ""}`
          : `${label} already leads to ${stepReference(index, to)}`,
      );
      requestFocus(stepKey(step.id, "connect"));
    },

    removeFlow(flow) {
      commands.removeFlows([flow.id]);
      announce(`Removed the flow from ${label} to ${stepReference(index, flow.to)}`);
      requestFocus(stepKey(step.id, "connect"));
    },

    remove() {
      const at = stage.steps.findIndex((s) => s.id === step.id);
      const neighbour = stage.steps[at + 1] ?? stage.steps[at - 1];
      store.getState().select([step.id]);
      commands.deleteSelection();
      announce(`Deleted ${label}`);
      requestFocus(neighbour ? stepKey(neighbour.id) : stageKey(stage.stage.id, "add"));
    },

    showOnCanvas() {
      store.getState().focusSteps([step.id]);
      store.getState().setView("canvas");
    },
  };
}
