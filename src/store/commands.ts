/**
 * User intents. A menu item, a shortcut and a canvas gesture that mean the same thing call
 * the same command here: it guards, builds ids, calls a pure domain operation through
 * `change` (which records history) and updates the selection.
 */
import { newId } from "../domain/ids";
import * as ops from "../domain/journey";
import { blueprintLayout } from "../domain/layout";
import {
  currentStep,
  firstStep,
  flowOrder,
  nearestStep,
  neighbourCell,
  placeForNewStep,
  stepSelection,
  type Direction,
} from "../domain/navigation";
import type {
  ActorId,
  Channel,
  FlowId,
  Journey,
  Lane,
  LaneId,
  Layer,
  StageId,
  Step,
  StepId,
} from "../domain/model";
import { actorFromTemplate, citizenActor, organisationTemplate } from "../domain/organisations";
import { touchpointPlace, type TouchpointTemplate } from "../domain/templates";
import { tidyCellOrders } from "../domain/tidy";
import type { SeamsStore } from "./store";

export interface StepMove {
  id: StepId;
  laneId: LaneId;
  stageId: StageId;
  index: number;
}

export function makeCommands(store: SeamsStore) {
  const state = () => store.getState();
  const journey = () => state().journey;

  return {
    addStep(
      laneId: LaneId,
      stageId: StageId,
      index?: number,
      fields: Partial<Step> = {},
    ): StepId | null {
      const id = newId("step");
      const ok = state().change((j) =>
        ops.addStep(j, ops.newStep(id, laneId, stageId, fields), index),
      );
      if (!ok) return null;
      state().select([id]);
      const added = state().journey;
      if (added) state().setNewStep({ id, journey: added });
      return id;
    },

    /** Escape on a card just added: when nothing has changed since it was added and it is still
     * blank, the addition is taken back as if it had not happened (nothing to undo or redo).
     * Returns whether the step was removed. */
    abandonNewStep(id: StepId): boolean {
      const { newStep, journey: current } = state();
      const step = current?.steps.find((s) => s.id === id);
      if (!newStep || newStep.id !== id || !step || !ops.isBlankStep(step)) return false;
      if (!state().withdraw(newStep.journey)) return false;
      state().setNewStep(null);
      state().select(state().selectedStepIds.filter((s) => s !== id));
      return true;
    },

    /** Adds a palette template to the given cell, or where `touchpointPlace` puts it beside
     * the selected step (or in the first stage when nothing is selected). */
    addFromTemplate(
      template: TouchpointTemplate,
      target?: { laneId: LaneId; stageId: StageId },
    ): StepId | null {
      const j = journey();
      if (!j) return null;
      const place = target ? { ...target, index: undefined } : touchpointPlace(j, template, state().selectedStepIds[0] ?? null);
      if (!place) return null;
      return this.addStep(place.laneId, place.stageId, place.index, {
        ...template.fields,
        dataItems: [...(template.fields.dataItems ?? [])],
        evidence: [...(template.fields.evidence ?? [])],
        activeMinutes: template.fields.activeMinutes ?? null,
      });
    },

    updateStep(id: StepId, patch: Parameters<typeof ops.updateStep>[2]) {
      state().change((j) => ops.updateStep(j, id, patch));
    },

    /** Moves one or more steps; a whole drag is one undoable change. */
    moveSteps(moves: StepMove[]) {
      state().change((j) =>
        moves.reduce((acc, m) => ops.moveStep(acc, m.id, m.laneId, m.stageId, m.index), j),
      );
    },

    deleteSelection() {
      const { selectedStepIds, selectedFlowIds } = state();
      if (selectedStepIds.length === 0 && selectedFlowIds.length === 0) return;
      state().change((j) => ops.removeFlows(ops.removeSteps(j, selectedStepIds), selectedFlowIds));
      state().select([]);
    },

    connect(from: StepId, to: StepId, fields: { label?: string; dataShare?: boolean } = {}) {
      const id = newId("flow");
      const ok = state().change((j) =>
        ops.connect(j, {
          id,
          from,
          to,
          label: fields.label ?? "",
          dataShare: fields.dataShare ?? false,
        }),
      );
      return ok ? id : null;
    },

    updateFlow(id: string, patch: { label?: string; dataShare?: boolean }) {
      state().change((j) => ops.updateFlow(j, id, patch));
    },

    copySelection() {
      const j = journey();
      const ids = state().selectedStepIds;
      if (!j || ids.length === 0) return;
      const steps = j.steps.filter((s) => ids.includes(s.id));
      const flows = j.flows.filter((f) => ids.includes(f.from) && ids.includes(f.to));
      state().setClipboard({ steps: structuredClone(steps), flows: structuredClone(flows) });
    },

    /** Pastes the clipboard as new steps at the end of their cells (or of the first cell when
     * the original lane or stage no longer exists). */
    paste(): StepId[] {
      const j = journey();
      const clip = state().clipboard;
      if (!j || !clip || clip.steps.length === 0) return [];
      const source: Journey = { ...j, steps: clip.steps, flows: clip.flows };
      const copies = ops.cloneSteps(
        source,
        clip.steps.map((s) => s.id),
        newId,
      );
      const laneIds = new Set(j.lanes.map((l) => l.id));
      const stageIds = new Set(j.stages.map((s) => s.id));
      const steps = copies.steps.map((s) => ({
        ...s,
        laneId: laneIds.has(s.laneId) ? s.laneId : (j.lanes[0]?.id ?? s.laneId),
        stageId: stageIds.has(s.stageId) ? s.stageId : (j.stages[0]?.id ?? s.stageId),
        order: Number.MAX_SAFE_INTEGER,
      }));
      const ok = state().change((cur) => ops.insertSteps(cur, steps, copies.flows));
      if (!ok) return [];
      const ids = steps.map((s) => s.id);
      state().select(ids);
      return ids;
    },

    duplicateSelection(): StepId[] {
      this.copySelection();
      return this.paste();
    },

    /** Selects what the user pointed at on the canvas (a click, Tab, a box drawn with Shift)
     * and shows its details in the side panel. Selecting nothing leaves the panel as it is. */
    selectOnCanvas(stepIds: StepId[], flowIds: FlowId[] = []) {
      state().select(stepIds, flowIds);
      if (stepIds.length + flowIds.length > 0) state().setSideTab("step");
    },

    /** Arrow keys: selects the step nearest the current one in a direction, brings it into
     * view and shows its details. With `extend` (Shift) the step joins the selection instead.
     * With nothing selected, the journey's first step is selected. */
    selectNearest(direction: Direction, extend = false): StepId | null {
      const j = journey();
      if (!j) return null;
      const selection = state().selectedStepIds;
      const current = currentStep(selection);
      const layout = blueprintLayout(j);
      const next = current ? nearestStep(layout, current, direction) : firstStep(layout);
      if (!next) return null;
      state().focusSteps(stepSelection(current ? selection : [], next, extend), "reveal");
      state().setSideTab("step");
      return next;
    },

    /** Alt + arrow keys: moves the current step to the end of the neighbouring stage (left,
     * right) or lane (up, down), keeping it selected and in view. */
    moveStepToNeighbour(direction: Direction) {
      const j = journey();
      const selection = state().selectedStepIds;
      const current = currentStep(selection);
      if (!j || !current) return;
      const cell = neighbourCell(j, current, direction);
      if (!cell) return;
      this.moveSteps([{ id: current, ...cell }]);
      state().focusSteps(selection, "reveal");
    },

    /** N: adds a step straight after the current step in its cell (or in the first cell) and
     * starts editing its label. */
    addStepNextToSelection(): StepId | null {
      const j = journey();
      if (!j || state().readOnly) return null;
      const place = placeForNewStep(j, currentStep(state().selectedStepIds));
      if (!place) return null;
      const id = this.addStep(place.laneId, place.stageId, place.index);
      if (id) state().setEditingStep(id);
      return id;
    },

    /** L: connects the two selected steps, from the earlier to the later one. */
    connectSelection(): FlowId | null {
      const j = journey();
      const [a, b, ...more] = state().selectedStepIds;
      if (!j || !a || !b || more.length > 0) return null;
      const order = flowOrder(j, a, b);
      return order ? this.connect(order[0], order[1]) : null;
    },

    /** Ctrl + A: selects every step, keeping the current step current. */
    selectAll() {
      const j = journey();
      if (!j) return;
      const current = currentStep(state().selectedStepIds);
      const ids = j.steps.map((s) => s.id).filter((id) => id !== current);
      state().select(current && ids.length < j.steps.length ? [...ids, current] : ids);
    },

    /** Escape: selects nothing. */
    clearSelection() {
      state().select([]);
    },

    undo: () => state().undo(),
    redo: () => state().redo(),

    updateDetails(patch: Parameters<typeof ops.updateJourneyDetails>[1]) {
      state().change((j) => ops.updateJourneyDetails(j, patch));
    },

    /** Adds a lane for a library organisation (reusing its actor if the journey has it). */
    addOrganisationLane(organisationKey: string, layer: Layer, team = ""): LaneId | null {
      const template = organisationTemplate(organisationKey);
      const j = journey();
      if (!template || !j) return null;
      const existing = j.actors.find((a) => a.type === "organisation" && a.name === template.name);
      const actorId = existing?.id ?? newId("actor");
      const laneId = newId("lane");
      const ok = state().change((cur) => {
        const withActor = existing ? cur : ops.addActor(cur, actorFromTemplate(template, actorId));
        return ops.addLane(withActor, { id: laneId, actorId, layer, team });
      });
      return ok ? laneId : null;
    },

    /** Adds a lane for a custom organisation or for the citizen. */
    addCustomLane(
      actor:
        | { type: "citizen" }
        | {
            type: "organisation";
            name: string;
            shortName: string;
            colour: string;
            orgKind: Journey["actors"][number]["orgKind"];
          },
      layer: Layer,
      team = "",
    ): LaneId | null {
      const j = journey();
      if (!j) return null;
      const actorId = newId("actor");
      const laneId = newId("lane");
      const existingCitizen =
        actor.type === "citizen" ? j.actors.find((a) => a.type === "citizen") : undefined;
      const ok = state().change((cur) => {
        let next = cur;
        if (existingCitizen) {
          return ops.addLane(next, { id: laneId, actorId: existingCitizen.id, layer, team });
        }
        next =
          actor.type === "citizen"
            ? ops.addActor(next, citizenActor(actorId))
            : ops.addActor(next, {
                id: actorId,
                type: "organisation",
                name: actor.name,
                shortName: actor.shortName,
                orgKind: actor.orgKind,
                colour: actor.colour,
              });
        return ops.addLane(next, { id: laneId, actorId, layer, team });
      });
      return ok ? laneId : null;
    },

    updateLane(id: LaneId, patch: Partial<Omit<Lane, "id">>) {
      state().change((j) => ops.updateLane(j, id, patch));
    },

    updateActor(id: ActorId, patch: { name?: string; shortName?: string; colour?: string }) {
      state().change((j) => ops.updateActor(j, id, patch));
    },

    moveLane(id: LaneId, toIndex: number) {
      state().change((j) => ops.moveLane(j, id, toIndex));
    },

    removeLane(id: LaneId, policy: ops.RemovalPolicy) {
      state().change((j) => {
        const next = ops.removeLane(j, id, policy);
        // Drop the lane's actor when no other lane uses it.
        const lane = j.lanes.find((l) => l.id === id);
        return lane ? ops.removeActor(next, lane.actorId) : next;
      });
    },

    /** Adds a stage and brings it into view on the canvas. */
    addStage(name: string, index?: number): StageId | null {
      const id = newId("stage");
      if (!state().change((j) => ops.addStage(j, { id, name }, index))) return null;
      state().revealStage(id);
      return id;
    },

    renameStage(id: StageId, name: string) {
      state().change((j) => ops.renameStage(j, id, name));
    },

    moveStage(id: StageId, toIndex: number) {
      state().change((j) => ops.moveStage(j, id, toIndex));
    },

    removeStage(id: StageId, policy: ops.RemovalPolicy) {
      state().change((j) => ops.removeStage(j, id, policy));
    },

    decideDuplicate(key: string, decision: "confirmed" | "dismissed" | null) {
      state().change((j) => ops.decideDuplicate(j, key, decision));
    },

    setChannel(id: StepId, channel: Channel | null) {
      state().change((j) => ops.updateStep(j, id, { channel }));
    },

    /** Orders every cell's steps along the flows (one undoable change). Returns whether
     * anything moved. */
    async tidyUp(): Promise<boolean> {
      const before = journey();
      if (!before || state().readOnly) return false;
      const orders = await tidyCellOrders(before);
      // Apply to the journey as it is now: steps added or moved meanwhile keep their place.
      return state().change((j) =>
        ops.applyCellOrders(
          j,
          new Map(
            [...orders].filter(([id]) => {
              const then = before.steps.find((s) => s.id === id);
              const now = j.steps.find((s) => s.id === id);
              return then && now && then.laneId === now.laneId && then.stageId === now.stageId;
            }),
          ),
        ),
      );
    },

    applyCellOrders(orders: ReadonlyMap<StepId, number>) {
      state().change((j) => ops.applyCellOrders(j, orders));
    },

    /** Removes flows by id (one undoable change), leaving the selection of steps alone. */
    removeFlows(ids: string[]) {
      if (!state().change((j) => ops.removeFlows(j, ids))) return;
      const gone = new Set(ids);
      const { selectedStepIds, selectedFlowIds } = state();
      state().select(
        selectedStepIds,
        selectedFlowIds.filter((id) => !gone.has(id)),
      );
    },

    /** Adds another lane for an organisation (or the citizen) already in the journey. */
    addActorLane(actorId: ActorId, layer: Layer, team = ""): LaneId | null {
      const laneId = newId("lane");
      return state().change((j) => ops.addLane(j, { id: laneId, actorId, layer, team }))
        ? laneId
        : null;
    },
  };
}

export type Commands = ReturnType<typeof makeCommands>;
