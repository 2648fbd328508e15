/**
 * Journey → React Flow nodes and edges. Unchanged steps keep their node objects between
 * renders (React Flow and memo compare by reference), and every node is given its size and
 * its handles up front so React Flow does not need to measure it.
 */
import { Position, type Edge, type Node, type NodeHandle } from "@xyflow/react";
import type { BlueprintLayout, StepBox } from "../domain/layout";
import type { Actor, Flow, FlowId, Journey, Lane, Step, StepId } from "../domain/model";
import type { CanvasHighlights, FirstAsk, HandoffKind } from "../domain/analysis/highlights";

export interface StepNodeData extends Record<string, unknown> {
  step: Step;
  owner: string;
  colour: string;
  isCitizen: boolean;
  team: string;
  duplicate: { cluster: number; key: string } | null;
  repeated: readonly string[];
  /** Items first asked for here and asked again later. */
  firstAsked: readonly FirstAsk[];
  editing: boolean;
}

export type StepNode = Node<StepNodeData, "step">;

export interface FlowEdgeData extends Record<string, unknown> {
  flow: Flow;
  handoff: HandoffKind | null;
}

export type FlowEdge = Edge<FlowEdgeData>;

interface NodeInputs {
  journey: Journey;
  layout: BlueprintLayout;
  selected: ReadonlySet<StepId>;
  editingId: StepId | null;
  highlights: CanvasHighlights;
  dragPositions: ReadonlyMap<StepId, { x: number; y: number }>;
}

const EMPTY: readonly string[] = [];
const NO_FIRST_ASKS: readonly FirstAsk[] = [];

/** The side of a card's connection handle (`.step-handle` in canvas.css: 10 × 10 px, border
 * box), centred on the middle of each edge of the card as React Flow places them. */
export const HANDLE_SIZE = 10;

/** The id of the target handle that covers a whole card, so a flow dragged from another card
 * connects wherever it is dropped on this one, not only on the small dot. */
export const CARD_TARGET = "card";

/** Where a card's handles are (StepNode: targets l and t, sources r and b, and the whole-card
 * target), relative to the card. Given up front, React Flow neither measures them nor renders
 * every node once to do so: with `onlyRenderVisibleElements`, only the cards on screen are
 * ever rendered. */
export function cardHandles(width: number, height: number): NodeHandle[] {
  const half = HANDLE_SIZE / 2;
  const at = (id: string, type: "source" | "target", position: Position, x: number, y: number): NodeHandle => ({
    id,
    type,
    position,
    x: x - half,
    y: y - half,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  });
  return [
    at("l", "target", Position.Left, 0, height / 2),
    at("t", "target", Position.Top, width / 2, 0),
    at("r", "source", Position.Right, width, height / 2),
    at("b", "source", Position.Bottom, width / 2, height),
    // A flow dropped on the card itself ends on its left edge, like one dropped on the dot.
    { id: CARD_TARGET, type: "target", position: Position.Left, x: 0, y: 0, width, height },
  ];
}

/** Builds step nodes, reusing a cached node whenever nothing it shows has changed. */
export function createNodeBuilder() {
  let cache = new Map<StepId, StepNode>();
  // Every card has the same size, so the same handles: one list shared by all nodes.
  let handles: { width: number; height: number; list: NodeHandle[] } | null = null;
  const handlesOf = (width: number, height: number) => {
    if (!handles || handles.width !== width || handles.height !== height) handles = { width, height, list: cardHandles(width, height) };
    return handles.list;
  };
  return function buildNodes(inputs: NodeInputs): StepNode[] {
    const { journey, layout, selected, editingId, highlights, dragPositions } = inputs;
    const lanes = new Map<string, Lane>(journey.lanes.map((l) => [l.id, l]));
    const actors = new Map<string, Actor>(journey.actors.map((a) => [a.id, a]));
    const next = new Map<StepId, StepNode>();
    const nodes: StepNode[] = [];
    for (const step of journey.steps) {
      const box = layout.steps.get(step.id);
      if (!box) continue;
      const lane = lanes.get(step.laneId);
      const actor = lane ? actors.get(lane.actorId) : undefined;
      const position = dragPositions.get(step.id) ?? { x: box.x, y: box.y };
      const duplicate = highlights.duplicateOf.get(step.id) ?? null;
      const repeated = highlights.repeatedAt.get(step.id) ?? EMPTY;
      const firstAsked = highlights.firstAskedAt?.get(step.id) ?? NO_FIRST_ASKS;
      const isSelected = selected.has(step.id);
      const editing = editingId === step.id;
      const owner = actor?.shortName || actor?.name || "";
      const colour = actor?.colour ?? "#888888";
      const team = lane?.team ?? "";
      const prev = cache.get(step.id);
      if (
        prev &&
        prev.data.step === step &&
        prev.position.x === position.x &&
        prev.position.y === position.y &&
        prev.selected === isSelected &&
        prev.data.owner === owner &&
        prev.data.colour === colour &&
        prev.data.team === team &&
        prev.data.duplicate?.key === duplicate?.key &&
        prev.data.duplicate?.cluster === duplicate?.cluster &&
        sameList(prev.data.repeated, repeated) &&
        sameFirstAsks(prev.data.firstAsked, firstAsked) &&
        prev.data.editing === editing
      ) {
        next.set(step.id, prev);
        nodes.push(prev);
        continue;
      }
      const node: StepNode = {
        id: step.id,
        type: "step",
        position,
        width: box.width,
        height: box.height,
        measured: { width: box.width, height: box.height },
        handles: handlesOf(box.width, box.height),
        selected: isSelected,
        data: { step, owner, colour, isCitizen: actor?.type === "citizen", team, duplicate, repeated, firstAsked, editing },
        ariaLabel: `${step.label}, ${owner}`,
      };
      next.set(step.id, node);
      nodes.push(node);
    }
    cache = next;
    return nodes;
  };
}

/** Builds flow edges, reusing cached edges whose flow and highlight are unchanged. */
export function createEdgeBuilder() {
  let cache = new Map<FlowId, FlowEdge>();
  return function buildEdges(
    flows: readonly Flow[],
    boxes: ReadonlyMap<StepId, StepBox>,
    handoffOn: ReadonlyMap<FlowId, HandoffKind>,
    selected: ReadonlySet<FlowId>,
  ): FlowEdge[] {
    const next = new Map<FlowId, FlowEdge>();
    const edges = flows.map((flow) => {
      const handoff = handoffOn.get(flow.id) ?? null;
      const isSelected = selected.has(flow.id);
      const [sourceHandle, targetHandle] = handlesFor(boxes.get(flow.from), boxes.get(flow.to));
      const prev = cache.get(flow.id);
      if (
        prev &&
        prev.data?.flow === flow &&
        prev.data.handoff === handoff &&
        prev.selected === isSelected &&
        prev.sourceHandle === sourceHandle &&
        prev.targetHandle === targetHandle
      ) {
        next.set(flow.id, prev);
        return prev;
      }
      const edge: FlowEdge = {
        id: flow.id,
        source: flow.from,
        target: flow.to,
        sourceHandle,
        targetHandle,
        type: "flow",
        selected: isSelected,
        data: { flow, handoff },
        ariaLabel: flow.label ? `Flow: ${flow.label}` : "Flow",
      };
      next.set(flow.id, edge);
      return edge;
    });
    cache = next;
    return edges;
  };
}

/** Flows between cards stacked in the same column run bottom to top; others right to left. */
export function handlesFor(from: StepBox | undefined, to: StepBox | undefined): ["r" | "b", "l" | "t"] {
  if (from && to && Math.abs(from.x - to.x) < from.width / 2 && to.y > from.y) return ["b", "t"];
  return ["r", "l"];
}

function sameFirstAsks(a: readonly FirstAsk[], b: readonly FirstAsk[]) {
  return a === b || (a.length === b.length && a.every((v, i) => v.label === b[i]!.label && v.more === b[i]!.more));
}

function sameList(a: readonly string[], b: readonly string[]) {
  return a === b || (a.length === b.length && a.every((v, i) => v === b[i]));
}
