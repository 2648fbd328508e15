/**
 * Journey → React Flow nodes and edges. Unchanged steps keep their node objects between
 * renders (React Flow and memo compare by reference), and every node is given its size and
 * its handles up front so React Flow does not need to measure it.
 */
import { Position, type Edge, type Node, type NodeHandle } from "@xyflow/react";
import type { BlueprintLayout, StepBox } from "../domain/layout";
import type { Actor, Flow, FlowId, Journey, Lane, Step, StepId } from "../domain/model";
import type { CanvasHighlights, FirstAsk, HandoffKind } from "../domain/analysis/highlights";
import type { Point } from "../domain/routing/geometry";
import type { FlowRoute } from "../domain/routing/flows";

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

/** A flow's label as drawn: its lines, the size of its box, and where the box's centre goes
 * (null while the flow has no route, as when one of its steps is being dragged). */
export interface FlowLabel {
  text: string;
  lines: readonly string[];
  width: number;
  height: number;
  at: Point | null;
  citizen: boolean;
}

export interface FlowEdgeData extends Record<string, unknown> {
  flow: Flow;
  handoff: HandoffKind | null;
  /** The route the SVG export draws too; null while a step at either end is being dragged. */
  route: FlowRoute | null;
  label: FlowLabel | null;
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

export interface EdgeInputs {
  flows: readonly Flow[];
  boxes: ReadonlyMap<StepId, StepBox>;
  /** The handoffs to mark (empty when the marks are hidden). */
  handoffOn: ReadonlyMap<FlowId, HandoffKind>;
  selected: ReadonlySet<FlowId>;
  routes: ReadonlyMap<FlowId, FlowRoute>;
  /** Each labelled flow's label, laid out and placed. */
  labels: ReadonlyMap<FlowId, FlowLabel>;
  /** Steps being dragged: their flows follow the cards with a plain elbow until the drop. */
  moving: ReadonlySet<StepId>;
  /** Each step's label, for the flows' accessible names. */
  stepLabels: ReadonlyMap<StepId, string>;
}

const HANDOFF_NAMES: Readonly<Record<HandoffKind, string>> = {
  direct: "direct handoff",
  "citizen-carried": "handoff the citizen carries",
  internal: "internal handoff",
};

/** A flow's accessible name: where it goes from and to, by the steps' labels, with its own
 * label and the kind of handoff it carries, if any. */
export function flowName(from: string, to: string, label: string, handoff: HandoffKind | null): string {
  const name = `${from.trim() || "Untitled step"} → ${to.trim() || "Untitled step"}`;
  const extra = [label.trim(), handoff ? HANDOFF_NAMES[handoff] : ""].filter(Boolean).join("; ");
  return extra ? `${name} (${extra})` : name;
}

/** Builds flow edges, reusing cached edges whose flow, route, label and highlight are unchanged. */
export function createEdgeBuilder() {
  let cache = new Map<FlowId, FlowEdge>();
  return function buildEdges(inputs: EdgeInputs): FlowEdge[] {
    const { flows, boxes, handoffOn, selected, routes, labels, moving, stepLabels } = inputs;
    const next = new Map<FlowId, FlowEdge>();
    const edges = flows.map((flow) => {
      const handoff = handoffOn.get(flow.id) ?? null;
      const isSelected = selected.has(flow.id);
      const [sourceHandle, targetHandle] = handlesFor(boxes.get(flow.from), boxes.get(flow.to));
      const route = moving.has(flow.from) || moving.has(flow.to) ? null : routes.get(flow.id) ?? null;
      const label = labels.get(flow.id) ?? null;
      const ariaLabel = flowName(stepLabels.get(flow.from) ?? "", stepLabels.get(flow.to) ?? "", flow.label, handoff);
      const prev = cache.get(flow.id);
      if (
        prev &&
        prev.data?.flow === flow &&
        prev.data.handoff === handoff &&
        prev.data.route === route &&
        prev.data.label === label &&
        prev.selected === isSelected &&
        prev.sourceHandle === sourceHandle &&
        prev.targetHandle === targetHandle &&
        prev.ariaLabel === ariaLabel
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
        data: { flow, handoff, route, label },
        ariaLabel,
      };
      next.set(flow.id, edge);
      return edge;
    });
    cache = next;
    return edges;
  };
}

interface LabelBox {
  lines: string[];
  width: number;
  height: number;
}

export interface LabelInputs {
  flows: readonly Flow[];
  /** The handoffs marked (empty when the marks are hidden). */
  handoffOn: ReadonlyMap<FlowId, HandoffKind>;
  routes: ReadonlyMap<FlowId, FlowRoute>;
  /** The ways a label's lines and box can be laid out, preferred first (the SVG export's). */
  layoutLabel: (text: string, bold: boolean) => LabelBox[];
  /** Where labels of these sizes go on these routes, and which size each takes (the SVG
   * export's placement). */
  place: (requests: { id: FlowId; sizes: LabelBox[] }[]) => ReadonlyMap<FlowId, { at: Point; size: number }>;
}

/** Lays out and places the labels of the flows: a flow's own label, or "citizen carries it" on
 * a citizen-carried handoff. The same routes and labels are placed only once, and a label that
 * comes out the same keeps its object. */
export function createLabelBuilder() {
  let cache = new Map<FlowId, FlowLabel>();
  let placedFor: { routes: ReadonlyMap<FlowId, FlowRoute>; key: string; places: ReadonlyMap<FlowId, { at: Point; size: number }> } | null =
    null;
  return function buildLabels({ flows, handoffOn, routes, layoutLabel, place }: LabelInputs): Map<FlowId, FlowLabel> {
    const wanted: { id: FlowId; text: string; citizen: boolean; sizes: LabelBox[] }[] = [];
    for (const flow of flows) {
      const citizen = handoffOn.get(flow.id) === "citizen-carried";
      const text = flow.label.trim() || (citizen ? "citizen carries it" : "");
      if (text) wanted.push({ id: flow.id, text, citizen, sizes: layoutLabel(text, citizen) });
    }
    const key = wanted.map((w) => `${w.id}\u0000${w.citizen ? 1 : 0}\u0000${w.text}`).join("\u0001");
    if (!placedFor || placedFor.routes !== routes || placedFor.key !== key) {
      placedFor = { routes, key, places: place(wanted.map(({ id, sizes }) => ({ id, sizes }))) };
    }
    const { places } = placedFor;
    const next = new Map<FlowId, FlowLabel>();
    for (const { id, text, citizen, sizes } of wanted) {
      const placed = places.get(id);
      const at = placed?.at ?? null;
      const box = sizes[placed?.size ?? 0]!;
      const prev = cache.get(id);
      const label =
        prev &&
        prev.text === text &&
        prev.citizen === citizen &&
        sameList(prev.lines, box.lines) &&
        prev.width === box.width &&
        prev.height === box.height &&
        prev.at?.[0] === at?.[0] &&
        prev.at?.[1] === at?.[1]
          ? prev
          : { text, lines: box.lines, width: box.width, height: box.height, at, citizen };
      next.set(id, label);
    }
    cache = next;
    return next;
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
