/**
 * The baseline: a bare React Flow page with the same number of nodes, at the same places, and
 * the same edges as a generated journey, nothing else. `?n=` picks the journey's data file,
 * `variant=default` gives default nodes that React Flow measures itself, `variant=visible`
 * renders only what is on screen with every node's width, height and `measured` given up
 * front. `w`, `h`, `x`, `y` and `zoom` give the canvas the app's size and first viewport.
 */
import { ReactFlow, type Edge, type Node } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { createRoot } from "react-dom/client";
import type { BareData } from "../lib/bare-data";

const params = new URLSearchParams(window.location.search);
const num = (key: string, fallback: number) => {
  const value = Number(params.get(key));
  return Number.isFinite(value) && params.has(key) ? value : fallback;
};
const visibleOnly = params.get("variant") === "visible";

async function main() {
  const response = await fetch(`../data/bare-${num("n", 100)}.json`);
  const data = (await response.json()) as BareData;
  const nodes: Node[] = data.ids.map((id, i) => {
    const node: Node = {
      id,
      position: { x: data.xy[2 * i]!, y: data.xy[2 * i + 1]! },
      data: { label: data.labels[i] },
    };
    if (visibleOnly) {
      node.width = data.width;
      node.height = data.height;
      node.measured = { width: data.width, height: data.height };
    }
    return node;
  });
  const edges: Edge[] = data.edges.map(([id, source, target]) => ({ id, source, target }));
  createRoot(document.getElementById("root")!).render(
    <div style={{ width: num("w", window.innerWidth), height: num("h", window.innerHeight) }}>
      <ReactFlow
        defaultNodes={nodes}
        defaultEdges={edges}
        defaultViewport={{ x: num("x", 0), y: num("y", 0), zoom: num("zoom", 1) }}
        onlyRenderVisibleElements={visibleOnly}
        minZoom={0.1}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      />
    </div>,
  );
}

void main();
