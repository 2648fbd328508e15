import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type AriaLabelConfig,
  type Connection,
  type NodeChange,
  type EdgeChange,
  type Viewport,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type MouseEvent } from "react";
import { canConnect } from "../domain/journey";
import { blueprintLayout, cellAt, GRID } from "../domain/layout";
import type { Actor, Journey, StepId } from "../domain/model";
import { TEMPLATE_MIME, TOUCHPOINT_TEMPLATES } from "../domain/templates";
import { useCommands, useSeamsState, useStoreApi } from "../store/context";
import { BlueprintMiniMap } from "./BlueprintMiniMap";
import { FlowEdge, FlowMarkers } from "./FlowEdge";
import { GridBackdrop } from "./GridBackdrop";
import { OverlayPanel } from "./OverlayPanel";
import {
  createEdgeBuilder,
  createLabelBuilder,
  createNodeBuilder,
  type FlowEdge as FlowEdgeType,
  type StepNode as StepNodeType,
} from "./nodes";
import { useFlowRoutes } from "./useFlowRoutes";
import { flowLabelLayouts, placeLabels } from "../export/svg-flows";
import { StepNode } from "./StepNode";
import { headerAt, StickyHeaders, type HeaderEdit } from "./StickyHeaders";
import { fitRect, HEADER_INSETS, openingView, panIntoView, revealRect, type Rect } from "./viewport";
import { currentStep, type Direction } from "../domain/navigation";
import { useHighlights } from "../analysis/useHighlights";
import { Presentation } from "./Presentation";
import { BlankJourneyHint } from "./BlankJourneyHint";
import { isTyping } from "../ui/isTyping";
import "./canvas.css";

const nodeTypes = { step: StepNode };
const edgeTypes = { flow: FlowEdge };
/** Above this many steps only what is on screen is rendered. */
const CULL_FROM = 300;
/** Room kept around a step brought into view from the keyboard, in blueprint units. */
const REVEAL_MARGIN = 24;
const ARROWS: Record<string, Direction> = { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" };
/** What a screen reader says about a focused card or flow. React Flow's own keys (arrows
 * nudge a card, Enter selects) are off: the app's shortcuts handle every key. */
const ARIA_LABELS: Partial<AriaLabelConfig> = {
  "node.a11yDescription.default":
    "Step. Arrow keys go to the nearest step, Shift + arrow keys add it to the selection, Alt + arrow keys move this step, Enter edits its label, L connects two selected steps. Press ? for every shortcut.",
  "edge.a11yDescription.default": "Flow. Press Delete to remove it. Press ? for every shortcut.",
};

const NO_FINDINGS = { handoffs: [], duplicates: [] };

export function BlueprintCanvas() {
  return (
    <ReactFlowProvider>
      <CanvasInner />
    </ReactFlowProvider>
  );
}

function CanvasInner() {
  const journey = useSeamsState((s) => s.journey) as Journey;
  const selectedStepIds = useSeamsState((s) => s.selectedStepIds);
  const selectedFlowIds = useSeamsState((s) => s.selectedFlowIds);
  const editingId = useSeamsState((s) => s.editingStepId);
  const readOnly = useSeamsState((s) => s.readOnly);
  const presenting = useSeamsState((s) => s.presenting);
  // Presenting shows the blueprint; it does not edit it.
  const editable = !readOnly && !presenting;
  const focusRequest = useSeamsState((s) => s.focusRequest);
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
  // The analysis marks as the overlay switches say; the findings for presenting.
  const { highlights, analysis } = useHighlights();
  const handoffOn = highlights.handoffOn;
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
        commands.selectOnCanvas(applySelection(steps, selections), flows);
      }
    },
    [commands, store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdgeType>[]) => {
      const selections = changes.filter((c) => c.type === "select");
      if (selections.length === 0) return;
      const { selectedStepIds: steps, selectedFlowIds: flows } = store.getState();
      commands.selectOnCanvas(steps, applySelection(flows, selections));
    },
    [commands, store],
  );

  // A plain click on a card selects that card alone, even when it is part of a bigger
  // selection (React Flow leaves a selected card's selection alone). Shift, Ctrl or Cmd + click
  // toggles it, which React Flow does.
  const onNodeClick = useCallback(
    (event: MouseEvent, node: StepNodeType) => {
      if (event.shiftKey || event.ctrlKey || event.metaKey) return;
      commands.selectOnCanvas([node.id]);
    },
    [commands],
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
  // Only a card a flow may go to lights up as a target (not the card the drag started on, nor
  // one the flow already reaches).
  const isValidConnection = useCallback(
    (c: { source: string; target: string }) => {
      const current = store.getState().journey;
      return current !== null && canConnect(current, c.source, c.target);
    },
    [store],
  );

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
      if (!editable || !target.closest(".react-flow__pane, .react-flow__node")) return;
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
    [commands, editable, flow, headerUnder, layout, setEditing],
  );

  const onNodeDoubleClick = useCallback((event: MouseEvent, node: StepNodeType) => {
    if (editable && !headerUnder(event)) setEditing(node.id);
  }, [editable, headerUnder, setEditing]);

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
  /** Pans, at the same zoom, just enough to bring a step fully into view. */
  const revealStep = useCallback(
    (stepId: StepId | undefined, duration: number) => {
      const box = stepId ? layout.steps.get(stepId) : undefined;
      const el = wrapRef.current;
      if (!box || !el) return false;
      const rect = {
        x: box.x - REVEAL_MARGIN,
        y: box.y - REVEAL_MARGIN,
        width: box.width + REVEAL_MARGIN * 2,
        height: box.height + REVEAL_MARGIN * 2,
      };
      const next = revealRect(rect, flow.getViewport(), { width: el.clientWidth, height: el.clientHeight }, HEADER_INSETS);
      if (next) void flow.setViewport(next, { duration });
      return true;
    },
    [flow, layout],
  );
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
  /** Pans a stage into view at the current zoom (a stage just added, at the far right). */
  const showStage = useCallback(
    (stageId: string | undefined, duration: number) => {
      const el = wrapRef.current;
      const stage = layout.stages.find((s) => s.id === stageId);
      if (!el || !stage) return false;
      const current = flow.getViewport();
      const size = { width: el.clientWidth, height: el.clientHeight };
      // Only sideways: the rows in view stay in view.
      const top = (HEADER_INSETS.top - current.y) / current.zoom;
      const next = panIntoView(current, { x: stage.x, y: top, width: stage.width, height: 1 }, size, HEADER_INSETS);
      if (next !== current) void flow.setViewport(next, { duration });
      return true;
    },
    [flow, layout],
  );
  // The first viewport is worked out from the canvas's size before the first paint, and React
  // Flow starts there: the blueprint never shows for a frame somewhere else and then jumps.
  const [firstViewport, setFirstViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el || firstViewport) return;
    const size = { width: el.clientWidth, height: el.clientHeight };
    // As large as fits, never smaller than readable: a journey too large for the view opens on
    // its first stages and lanes rather than shrunk to illegible cards.
    setFirstViewport(openingView(blueprintRect(), size, HEADER_INSETS));
  }, [blueprintRect, firstViewport]);
  // A request made as the canvas opened (a finding chosen in the outline view) is shown once
  // React Flow is ready, instead of the whole blueprint.
  const onInit = useCallback(() => {
    const pending = store.getState().focusRequest;
    if (pending && pending.nonce === lastFocus.current) {
      const shown =
        showStage(pending.stageId, 0) ||
        (pending.mode === "reveal" ? revealStep(currentStep(pending.stepIds), 0) : showSteps(pending.stepIds, 0));
      if (shown) return;
    }
    const el = wrapRef.current;
    if (el) void flow.setViewport(openingView(blueprintRect(), { width: el.clientWidth, height: el.clientHeight }, HEADER_INSETS));
  }, [blueprintRect, flow, revealStep, showStage, showSteps, store]);

  useEffect(() => {
    if (!focusRequest || focusRequest.nonce === lastFocus.current) return;
    lastFocus.current = focusRequest.nonce;
    if (showStage(focusRequest.stageId, 300)) return;
    if (focusRequest.mode === "reveal") revealStep(currentStep(focusRequest.stepIds), 150);
    else showSteps(focusRequest.stepIds, 300);
  }, [focusRequest, revealStep, showStage, showSteps]);

  // Keyboard focus on the canvas. A card or flow reached with Tab is selected (so N, Enter, L
  // and Delete act on the one that has focus) and brought into view; a click selects through
  // React Flow instead, so Shift + click can still toggle.
  const onFocus = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      const el = event.target;
      if (!(el instanceof Element) || !el.matches(":focus-visible")) return;
      const id = el.getAttribute("data-id");
      if (!id) return;
      const { selectedStepIds, selectedFlowIds } = store.getState();
      if (el.classList.contains("react-flow__node")) {
        if (currentStep(selectedStepIds) !== id) commands.selectOnCanvas([id]);
        revealStep(id, 150);
      } else if (el.classList.contains("react-flow__edge")) {
        if (selectedStepIds.length > 0 || selectedFlowIds.length !== 1 || selectedFlowIds[0] !== id) commands.selectOnCanvas([], [id]);
      }
    },
    [commands, revealStep, store],
  );
  // While a card has focus, the focus follows the current step (the one the arrow keys moved
  // to), so the keyboard never acts on one card while the focus sits on another. A card that is
  // not drawn yet (off screen in a large journey) takes the focus once the view has moved. A
  // label being edited keeps the focus.
  const current = currentStep(selectedStepIds);
  const pendingFocus = useRef<StepId | null>(null);
  const focusCard = useCallback((id: StepId) => {
    const card = wrapRef.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    card?.focus({ preventScroll: true });
    return card !== null && card !== undefined;
  }, []);
  const cardHasFocus = useCallback(() => {
    const active = document.activeElement;
    return active instanceof HTMLElement && active.classList.contains("react-flow__node") && wrapRef.current?.contains(active) === true;
  }, []);
  useEffect(() => {
    pendingFocus.current = null;
    if (!current || editingId || !cardHasFocus() || document.activeElement?.getAttribute("data-id") === current) return;
    if (!focusCard(current)) pendingFocus.current = current;
  }, [cardHasFocus, current, editingId, focusCard]);
  const onMoveEnd = useCallback(() => {
    const pending = pendingFocus.current;
    pendingFocus.current = null;
    if (pending && !store.getState().editingStepId && cardHasFocus()) focusCard(pending);
  }, [cardHasFocus, focusCard, store]);

  // Arrow keys select the nearest step (Shift: add it to the selection); Alt + arrows move the
  // current step; + − 0 zoom. On the window, so they work wherever the focus is on the canvas
  // page (a card, the canvas, nothing), except in a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || e.ctrlKey || e.metaKey) return;
      const direction = ARROWS[e.key];
      if (direction) {
        e.preventDefault();
        if (e.altKey) commands.moveStepToNeighbour(direction);
        else commands.selectNearest(direction, e.shiftKey);
      } else if (e.altKey) {
        return;
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
  }, [commands, fitAll, flow]);

  return (
    <div
      ref={wrapRef}
      className="canvas-wrap"
      onDoubleClick={onDoubleClick}
      onFocus={onFocus}
      onPointerDownCapture={(e) => {
        pressedAt.current = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      }}
      onDragOver={(e) => {
        if (editable && e.dataTransfer.types.includes(TEMPLATE_MIME)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }
      }}
      onDrop={(e) => {
        const template = TOUCHPOINT_TEMPLATES.find((t) => t.key === e.dataTransfer.getData(TEMPLATE_MIME));
        if (!template || !editable) return;
        e.preventDefault();
        const point = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
        const cell = cellAt(layout, point.x, point.y);
        if (cell) commands.addFromTemplate(template, { laneId: cell.laneId, stageId: cell.stageId });
      }}
      data-testid="canvas"
      data-presenting={presenting || undefined}
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
          onNodeClick={onNodeClick}
          onNodeDoubleClick={onNodeDoubleClick}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          onMoveEnd={onMoveEnd}
          nodesDraggable={editable}
          nodesConnectable={editable}
          elementsSelectable
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={["Shift", "Meta", "Control"]}
          zoomOnDoubleClick={false}
          disableKeyboardA11y
          ariaLabelConfig={ARIA_LABELS}
          tabIndex={0}
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
          {journey.steps.length === 0 && !presenting ? <BlankJourneyHint layout={layout} /> : null}
          {presenting ? (
            <Presentation journey={journey} layout={layout} findings={analysis ?? NO_FINDINGS} />
          ) : (
            <>
              <OverlayPanel />
              <BlueprintMiniMap journey={journey} layout={layout} actors={actors} />
              <Controls position="bottom-right" showInteractive={false} showFitView={false} aria-label="Zoom controls">
                <ControlButton onClick={fitAll} title="Fit the whole journey (0)" aria-label="Fit the whole journey">
                  <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="2" /></svg>
                </ControlButton>
              </Controls>
            </>
          )}
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
