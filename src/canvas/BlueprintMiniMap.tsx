/**
 * The minimap: every step of the blueprint drawn once into a canvas, in its owner's colour,
 * with the part in view left clear and the rest dimmed. Press or drag on it to move the view
 * there; the wheel zooms. React Flow's own MiniMap renders an SVG element and a store
 * subscription per node, each re-evaluated on every frame of a pan (a 5,000-step journey:
 * 5,000 selectors and a 5,000-rect repaint per frame); here the steps are drawn again only when
 * the layout changes, and a pan moves one path.
 */
import { Panel, useReactFlow, useStore, useStoreApi, type ReactFlowState } from "@xyflow/react";
import { memo, useEffect, useMemo, useRef, type PointerEvent } from "react";
import type { BlueprintLayout } from "../domain/layout";
import type { Actor, Journey } from "../domain/model";

const WIDTH = 200;
const HEIGHT = 150;
/** Space around the blueprint inside the minimap, in minimap pixels. */
const PAD = 6;

/** Where the blueprint sits in the minimap: flow point (x, y) → (ox + x·scale, oy + y·scale). */
interface MiniMapFrame {
  scale: number;
  ox: number;
  oy: number;
}

function miniMapFrame(layout: Pick<BlueprintLayout, "width" | "height">, width = WIDTH, height = HEIGHT): MiniMapFrame {
  const scale = Math.min((width - 2 * PAD) / Math.max(1, layout.width), (height - 2 * PAD) / Math.max(1, layout.height));
  return { scale, ox: (width - layout.width * scale) / 2, oy: (height - layout.height * scale) / 2 };
}

const viewSelector = (s: ReactFlowState) => ({ tx: s.transform[0], ty: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height });
const sameView = (a: ReturnType<typeof viewSelector>, b: ReturnType<typeof viewSelector>) =>
  a.tx === b.tx && a.ty === b.ty && a.zoom === b.zoom && a.width === b.width && a.height === b.height;

function BlueprintMiniMapView({ journey, layout, actors }: { journey: Journey; layout: BlueprintLayout; actors: ReadonlyMap<string, Actor> }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const flow = useReactFlow();
  const store = useStoreApi();
  const view = useStore(viewSelector, sameView);
  const frame = useMemo(() => miniMapFrame(layout), [layout]);

  // The steps, drawn again only when the blueprint changes.
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(WIDTH * ratio);
    canvas.height = Math.round(HEIGHT * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const colourOfLane = new Map(journey.lanes.map((l) => [l.id, actors.get(l.actorId)?.colour ?? "#999999"]));
    const { scale, ox, oy } = frame;
    // At least half a pixel, so a step stays visible on a long journey.
    const minSize = 0.5;
    for (const step of journey.steps) {
      const box = layout.steps.get(step.id);
      if (!box) continue;
      ctx.fillStyle = colourOfLane.get(step.laneId) ?? "#999999";
      ctx.fillRect(ox + box.x * scale, oy + box.y * scale, Math.max(minSize, box.width * scale), Math.max(minSize, box.height * scale));
    }
  }, [journey.steps, journey.lanes, actors, layout, frame]);

  // The view in minimap pixels.
  const { scale, ox, oy } = frame;
  const zoom = view.zoom || 1;
  const vx = ox + (-view.tx / zoom) * scale;
  const vy = oy + (-view.ty / zoom) * scale;
  const vw = (view.width / zoom) * scale;
  const vh = (view.height / zoom) * scale;

  // Press or drag: the view follows the pointer, keeping where in the view it was grabbed.
  const grab = useRef<{ dx: number; dy: number } | null>(null);
  const toFlow = (event: PointerEvent) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: (event.clientX - rect.left - ox) / scale, y: (event.clientY - rect.top - oy) / scale };
  };
  const centreOn = (x: number, y: number) => {
    const { transform, width, height } = store.getState();
    const z = transform[2];
    void flow.setViewport({ x: width / 2 - x * z, y: height / 2 - y * z, zoom: z });
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = toFlow(event);
    const { transform, width, height } = store.getState();
    const cx = (width / 2 - transform[0]) / transform[2];
    const cy = (height / 2 - transform[1]) / transform[2];
    const inside = Math.abs(at.x - cx) <= width / transform[2] / 2 && Math.abs(at.y - cy) <= height / transform[2] / 2;
    grab.current = inside ? { dx: at.x - cx, dy: at.y - cy } : { dx: 0, dy: 0 };
    if (!inside) centreOn(at.x, at.y);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!grab.current) return;
    const at = toFlow(event);
    centreOn(at.x - grab.current.dx, at.y - grab.current.dy);
  };
  const onPointerUp = () => {
    grab.current = null;
  };

  // The wheel zooms the canvas about the centre of the view (a non-passive listener, so the
  // page does not scroll).
  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const unit = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
      void flow.zoomTo(flow.getZoom() * Math.pow(2, -event.deltaY * unit));
    };
    panel.addEventListener("wheel", onWheel, { passive: false });
    return () => panel.removeEventListener("wheel", onWheel);
  }, [flow]);

  const outer = `M0,0h${WIDTH}v${HEIGHT}h${-WIDTH}z`;
  const inner = `M${vx},${vy}h${vw}v${vh}h${-vw}z`;
  return (
    <Panel position="bottom-right" className="react-flow__minimap blueprint-minimap nodrag nopan nowheel">
      <div
        ref={panelRef}
        style={{ position: "relative", width: WIDTH, height: HEIGHT, touchAction: "none", cursor: "pointer" }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <canvas ref={canvasRef} role="img" aria-label="Minimap" style={{ display: "block", width: WIDTH, height: HEIGHT }} />
        <svg width={WIDTH} height={HEIGHT} aria-hidden="true" style={{ position: "absolute", left: 0, top: 0, pointerEvents: "none" }}>
          <path className="react-flow__minimap-mask" d={`${outer}${inner}`} fillRule="evenodd" />
        </svg>
      </div>
    </Panel>
  );
}

export const BlueprintMiniMap = memo(BlueprintMiniMapView);
