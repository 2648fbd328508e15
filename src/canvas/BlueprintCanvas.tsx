import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type NodeChange,
  type EdgeChange,
  type Viewport,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { blueprintLayout, cellAt, GRID } from "../domain/layout";
import type { Actor, Journey, StepId } from "../domain/model";
import { TEMPLATE_MIME, TOUCHPOINT_TEMPLATES } from "../domain/templates";
import { useCommands, useSeamsState, useStoreApi } from "../store/context";
import { BlueprintMiniMap } from "./BlueprintMiniMap";
import { FlowEdge, FlowMarkers } from "./FlowEdge";
import { GridBackdrop } from "./GridBackdrop";
import { NO_HIGHLIGHTS, type CanvasHighlights } from "../domain/analysis/highlights";
import { OverlayPanel } from "./OverlayPanel";
import {
  createEdgeBuilder,
  createLabelBuilder,
  createNodeBuilder,
  type FlowEdge as FlowEdgeType,
  type StepNode as StepNodeType,
} from "./nodes";
import { useFlowRoutes } from "./useFlowRoutes";
import type { FlowId } from "../domain/model";
import type { HandoffKind } from "../domain/analysis/highlights";
import { flowLabelLayouts, placeLabels } from "../export/svg-flows";
import { StepNode } from "./StepNode";
import { headerAt, StickyHeaders, type HeaderEdit } from "./StickyHeaders";
import { fitRect, HEADER_INSETS, type Rect } from "./viewport";
import { nearestStep, neighbourCell, type Direction } from "./keyboard";
import { isTyping } from "../ui/isTyping";
import "./canvas.css";

const nodeTypes = { step: StepNode };
const NO_HANDOFFS: ReadonlyMap<FlowId, HandoffKind> = new Map();
const edgeTypes = { flow: FlowEdge };
/** Above this many steps only what is on screen is rendered. */
const CULL_FROM = 300;

export interface BlueprintCanvasProps {
  highlights?: CanvasHighlights;
}

export function BlueprintCanvas(props: BlueprintCanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasInner {...props} />
    </ReactFlowProvider>
  );
}

function CanvasInner({ highlights = NO_HIGHLIGHTS }: BlueprintCanvasProps) {
  const journey = useSeamsState((s) => s.journey) as Journey;
  const selectedStepIds = useSeamsState((s) => s.selectedStepIds);
  const selectedFlowIds = useSeamsState((s) => s.selectedFlowIds);
  const editingId = useSeamsState((s) => s.editingStepId);
  const readOnly = useSeamsState((s) => s.readOnly);
  const focusRequest = useSeamsState((s) => s.focusRequest);
  const select = useSeamsState((s) => s.select);
  const setEditing = useSeamsState((s) => s.setEditingStep);
  const commands = useCommands();
  const store = useStoreApi();
  const flow = useReactFlow();
  const [dragPositions, setDragPositions] = useState<ReadonlyMap<StepId, { x: number; y: number }>>(new Map());
  // Where a drag started: the pointer and the dragged cards, in blueprint coordinates. The drop
  // is worked out from the pointer at release, since React Flow's last position update can
  // still be waiting for the next frame when the button comes up.
  const dragStart = useRef<{ pointer: { x: number; y: number }; positions: Map<StepId, { x: number; y: number }> } | null>(null);

  const layout = useMemo(() => blueprintLayout(journey), [journey]);
  const actors = useMemo(() => new Map<string, Actor>(journey.actors.map((a) => [a.id, a])), [journey.actors]);
  const selectedSteps = useMemo(() => new Set(selectedStepIds), [selectedStepIds]);
  const selectedFlows = useMemo(() => new Set(selectedFlowIds), [selectedFlowIds]);
  const [buildNodes] = useState(createNodeBuilder);
  const [buildEdges] = useState(createEdgeBuilder);
  const [buildLabels] = useState(createLabelBuilder);
  const showHandoffs = useSeamsState((s) => s.overlays.handoffs);
  const handoffOn = showHandoffs ? highlights.handoffOn : NO_HANDOFFS;
  // The same routes and labels the SVG export draws (domain/routing), remembered between edits
  // that leave the cards where they are, and made off the main thread for a large blueprint.
  const routes = useFlowRoutes(layout, journey.flows);
  const labels = useMemo(
    () =>
      buildLabels({
        flows: journey.flows,
        handoffOn,
        routes,
        layoutLabel: flowLabelLayouts,
        place: (requests) => placeLabels(layout, routes, requests),
      }),
    [buildLabels, journey.flows, handoffOn, routes, layout],
  );
  const stepLabels = useMemo(() => new Map(journey.steps.map((s) => [s.id, s.label])), [journey.steps]);
  const moving = useMemo(() => new Set(dragPositions.keys()), [dragPositions]);
  const nodes = useMemo(
    () => buildNodes({ journey, layout, selected: selectedSteps, editingId, highlights, dragPositions }),
    [buildNodes, journey, layout, selectedSteps, editingId, highlights, dragPositions],
  );
  const edges = useMemo(
    () =>
      buildEdges({
        flows: journey.flows,
        boxes: layout.steps,
        handoffOn,
        selected: selectedFlows,
        routes,
        labels,
        moving,
        stepLabels,
      }),
    [buildEdges, journey.flows, layout.steps, handoffOn, selectedFlows, routes, labels, moving, stepLabels],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StepNodeType>[]) => {
      const moves = changes.filter((c) => c.type === "position" && c.position && c.dragging);
      if (moves.length > 0) {
        setDragPositions((prev) => {
          const next = new Map(prev);
          for (const c of moves) if (c.type === "position" && c.position) next.set(c.id, c.position);
          return next;
        });
      }
      const selections = changes.filter((c) => c.type === "select");
      if (selections.length > 0) {
        const { selectedStepIds: steps, selectedFlowIds: flows } = store.getState();
        select(applySelection(steps, selections), flows);
      }
    },
    [select, store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdgeType>[]) => {
      const selections = changes.filter((c) => c.type === "select");
      if (selections.length === 0) return;
      const { selectedStepIds: steps, selectedFlowIds: flows } = store.getState();
      select(steps, applySelection(flows, selections));
    },
    [select, store],
  );

  const pointerInFlow = useCallback(
    (event: globalThis.MouseEvent | TouchEvent | MouseEvent) => {
      const source = "changedTouches" in event ? event.changedTouches[0] : event;
      return flow.screenToFlowPosition({ x: source?.clientX ?? 0, y: source?.clientY ?? 0 });
    },
    [flow],
  );

  const pressedAt = useRef<{ x: number; y: number } | null>(null);
  const onNodeDragStart = useCallback(
    (event: globalThis.MouseEvent | TouchEvent | MouseEvent, _node: StepNodeType, dragged: StepNodeType[]) => {
      dragStart.current = {
        // Where the button went down: React Flow starts the drag only after the first move.
        pointer: pressedAt.current ?? pointerInFlow(event),
        positions: new Map(dragged.map((n) => [n.id, { ...n.position }])),
      };
    },
    [pointerInFlow],
  );

  const onNodeDragStop = useCallback(
    (event: globalThis.MouseEvent | TouchEvent | MouseEvent, _node: StepNodeType, dragged: StepNodeType[]) => {
      const start = dragStart.current;
      dragStart.current = null;
      const pointer = pointerInFlow(event);
      const moves = dragged
        .map((n) => {
          const from = start?.positions.get(n.id);
          const at = from && start ? { x: from.x + pointer.x - start.pointer.x, y: from.y + pointer.y - start.pointer.y } : n.position;
          const cell = cellAt(layout, at.x + GRID.cardWidth / 2, at.y + GRID.cardHeight / 2);
          if (!cell) return null;
          // cellAt names the gap the card was dropped in; within its own cell, the gaps
          // after the card are one place further than the position it ends up at.
          const step = journey.steps.find((s) => s.id === n.id);
          const box = layout.steps.get(n.id);
          const sameCell = step && step.laneId === cell.laneId && step.stageId === cell.stageId;
          const index = sameCell && box && cell.index > box.index ? cell.index - 1 : cell.index;
          return { id: n.id, ...cell, index };
        })
        .filter((m): m is NonNullable<typeof m> => m !== null)
        .sort((a, b) => a.index - b.index);
      if (moves.length > 0) commands.moveSteps(moves);
      setDragPositions(new Map());
    },
    [commands, journey, layout, pointerInFlow],
  );

  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target) commands.connect(c.source, c.target);
  }, [commands]);

  const wrapRef = useRef<HTMLDivElement>(null);
  const [editingHeader, setEditingHeader] = useState<HeaderEdit | null>(null);
  const renameHeader = useCallback(
    (edit: HeaderEdit, value: string) => {
      if (edit.kind === "stage") commands.renameStage(edit.id, value);
      else commands.updateLane(edit.id, { team: value });
    },
    [commands],
  );
  const endHeaderEdit = useCallback(() => setEditingHeader(null), []);

  /** The sticky header under a pointer event, if any. The headers let the pointer through (so
   * the canvas pans and zooms under them), so a double-click there would otherwise reach the
   * card or the empty cell beneath. */
  const headerUnder = useCallback(
    (event: { clientX: number; clientY: number }) => {
      const bounds = wrapRef.current?.getBoundingClientRect();
      if (!bounds) return null;
      const { x, y, zoom } = flow.getViewport();
      return headerAt(layout, [x, y, zoom], event.clientX - bounds.left, event.clientY - bounds.top);
    },
    [flow, layout],
  );

  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      const target = event.target as HTMLElement;
      if (readOnly || !target.closest(".react-flow__pane, .react-flow__node")) return;
      // A double-click on a header renames it, rather than adding a step hidden beneath it.
      const header = headerUnder(event);
      if (header) {
        if (header !== "corner") setEditingHeader(header);
        return;
      }
      if (target.closest(".react-flow__node")) return;
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const cell = cellAt(layout, point.x, point.y);
      if (!cell) return;
      const id = commands.addStep(cell.laneId, cell.stageId, cell.index);
      if (id) setEditing(id);
    },
    [commands, flow, headerUnder, layout, readOnly, setEditing],
  );

  const onNodeDoubleClick = useCallback((event: MouseEvent, node: StepNodeType) => {
    if (!readOnly && !headerUnder(event)) setEditing(node.id);
  }, [headerUnder, readOnly, setEditing]);

  const showRect = useCallback(
    (rect: Rect, zoom: { min: number; max: number }, duration = 0) => {
      const el = wrapRef.current;
      if (!el) return;
      const viewport = fitRect(rect, { width: el.clientWidth, height: el.clientHeight }, HEADER_INSETS, zoom.min, zoom.max);
      void flow.setViewport(viewport, { duration });
    },
    [flow],
  );
  const blueprintRect = useCallback(
    (): Rect => ({
      x: GRID.laneHeaderWidth,
      y: GRID.stageHeaderHeight,
      width: Math.max(1, layout.width - GRID.laneHeaderWidth),
      height: Math.max(1, layout.height - GRID.stageHeaderHeight),
    }),
    [layout],
  );
  const fitAll = useCallback(() => showRect(blueprintRect(), { min: 0.1, max: 1 }, 200), [blueprintRect, showRect]);
  // Focus requests from the insights panel, search and the outline.
  const lastFocus = useRef(0);
  const showSteps = useCallback(
    (stepIds: readonly StepId[], duration: number) => {
      const ids = new Set(stepIds);
      const targets = [...layout.steps.values()].filter((b) => ids.has(b.id));
      if (targets.length === 0) return false;
      const minX = Math.min(...targets.map((b) => b.x));
      const minY = Math.min(...targets.map((b) => b.y));
      const maxX = Math.max(...targets.map((b) => b.x + b.width));
      const maxY = Math.max(...targets.map((b) => b.y + b.height));
      showRect({ x: minX - 40, y: minY - 40, width: maxX - minX + 80, height: maxY - minY + 80 }, { min: 0.3, max: 1 }, duration);
      return true;
    },
    [layout, showRect],
  );
  // The first viewport is worked out from the canvas's size before the first paint, and React
  // Flow starts there: the blueprint never shows for a frame somewhere else and then jumps.
  const [firstViewport, setFirstViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el || firstViewport) return;
    const size = { width: el.clientWidth, height: el.clientHeight };
    setFirstViewport(fitRect(blueprintRect(), size, HEADER_INSETS, 0.7, 1));
  }, [blueprintRect, firstViewport]);
  // A request made as the canvas opened (a finding chosen in the outline view) is shown once
  // React Flow is ready, instead of the whole blueprint.
  const onInit = useCallback(() => {
    const pending = store.getState().focusRequest;
    if (pending && pending.nonce === lastFocus.current && showSteps(pending.stepIds, 0)) return;
    showRect(blueprintRect(), { min: 0.7, max: 1 });
  }, [blueprintRect, showRect, showSteps, store]);

  useEffect(() => {
    if (!focusRequest || focusRequest.nonce === lastFocus.current) return;
    lastFocus.current = focusRequest.nonce;
    showSteps(focusRequest.stepIds, 300);
  }, [focusRequest, showSteps]);

  // Arrow keys select the nearest step; Alt + arrows move it; + − 0 zoom.
  useEffect(() => {
    const arrows: Record<string, Direction> = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || e.ctrlKey || e.metaKey) return;
      const direction = arrows[e.key];
      if (direction) {
        const current = selectedStepIds[selectedStepIds.length - 1];
        e.preventDefault();
        if (!current) {
          const first = journey.steps[0];
          if (first) commands.focusStep(first.id);
          return;
        }
        if (e.altKey) {
          const cell = neighbourCell(journey, current, direction);
          if (cell) commands.moveSteps([{ id: current, ...cell }]);
          return;
        }
        const next = nearestStep(layout, current, direction);
        if (next) commands.focusStep(next);
      } else if (e.key === "+" || e.key === "=") {
        void flow.zoomIn({ duration: 150 });
      } else if (e.key === "-" || e.key === "_") {
        void flow.zoomOut({ duration: 150 });
      } else if (e.key === "0") {
        fitAll();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [commands, fitAll, flow, journey, layout, selectedStepIds]);

  return (
    <div
      ref={wrapRef}
      className="canvas-wrap"
      onDoubleClick={onDoubleClick}
      onPointerDownCapture={(e) => {
        pressedAt.current = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      }}
      onDragOver={(e) => {
        if (!readOnly && e.dataTransfer.types.includes(TEMPLATE_MIME)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }
      }}
      onDrop={(e) => {
        const template = TOUCHPOINT_TEMPLATES.find((t) => t.key === e.dataTransfer.getData(TEMPLATE_MIME));
        if (!template || readOnly) return;
        e.preventDefault();
        const point = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
        const cell = cellAt(layout, point.x, point.y);
        if (cell) commands.addFromTemplate(template, { laneId: cell.laneId, stageId: cell.stageId });
      }}
      data-testid="canvas"
    >
      <FlowMarkers />
      {firstViewport ? (
        <ReactFlow<StepNodeType, FlowEdgeType>
          defaultViewport={firstViewport}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDragStop={onNodeDragStop}
          onNodeDoubleClick={onNodeDoubleClick}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          elementsSelectable
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={["Shift", "Meta", "Control"]}
          zoomOnDoubleClick={false}
          onlyRenderVisibleElements={journey.steps.length > CULL_FROM}
          minZoom={0.1}
          maxZoom={2}
          onInit={onInit}
          proOptions={{ hideAttribution: true }}
          aria-label="Blueprint canvas"
        >
          <GridBackdrop layout={layout} actors={actors} />
          <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#d8dde3" />
          <StickyHeaders
            layout={layout}
            actors={actors}
            editing={editingHeader}
            onRename={renameHeader}
            onEndEdit={endHeaderEdit}
          />
          <OverlayPanel />
          <BlueprintMiniMap journey={journey} layout={layout} actors={actors} />
          <Controls position="bottom-right" showInteractive={false} showFitView={false} aria-label="Zoom controls">
            <ControlButton onClick={fitAll} title="Fit the whole journey (0)" aria-label="Fit the whole journey">
              <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="2" /></svg>
            </ControlButton>
          </Controls>
        </ReactFlow>
      ) : null}
    </div>
  );
}

/** Applies React Flow's select / deselect changes to a list of selected ids, keeping order. */
function applySelection(current: readonly string[], changes: { type: string; id?: string; selected?: boolean }[]): string[] {
  const next = current.slice();
  for (const c of changes) {
    if (c.type !== "select" || !c.id) continue;
    const at = next.indexOf(c.id);
    if (c.selected && at < 0) next.push(c.id);
    if (!c.selected && at >= 0) next.splice(at, 1);
  }
  return next;
}
