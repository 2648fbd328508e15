import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { useSeamsState } from "../store/context";
import type { FlowEdge as FlowEdgeType } from "./nodes";

/** A flow between steps; handoffs are drawn by kind, citizen-carried most strongly. */
function FlowEdgeView(props: EdgeProps<FlowEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const showHandoffs = useSeamsState((s) => s.overlays.handoffs);
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    borderRadius: 10,
    offset: 18,
  });
  const handoff = showHandoffs ? data?.handoff ?? null : null;
  const flow = data?.flow;
  const className = ["flow-edge", handoff ? `handoff-${handoff}` : "", flow?.dataShare ? "is-data-share" : "", selected ? "is-selected" : ""]
    .filter(Boolean)
    .join(" ");
  const marker = handoff ? `url(#arrow-${handoff})` : "url(#arrow-plain)";
  return (
    <>
      <BaseEdge id={id} path={path} className={className} markerEnd={marker} interactionWidth={14} />
      {flow?.label || handoff === "citizen-carried" ? (
        <EdgeLabelRenderer>
          <div
            className={`flow-label ${handoff ? `flow-label-${handoff}` : ""}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {flow?.label || "citizen carries it"}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);

/** Arrowheads for each kind of flow, defined once for the whole canvas. */
export function FlowMarkers() {
  const kinds = [
    ["plain", "var(--flow)"],
    ["direct", "var(--handoff-direct)"],
    ["citizen-carried", "var(--handoff-citizen)"],
    ["internal", "var(--handoff-internal)"],
  ] as const;
  return (
    <svg className="flow-markers" aria-hidden="true" width="0" height="0" style={{ position: "absolute" }}>
      <defs>
        {kinds.map(([kind, colour]) => (
          <marker
            key={kind}
            id={`arrow-${kind}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerUnits="userSpaceOnUse"
            markerWidth="12"
            markerHeight="12"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={colour} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
