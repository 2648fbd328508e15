import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { pathData } from "../export/svg-flows";
import type { FlowEdge as FlowEdgeType } from "./nodes";

/** A flow between steps, along the route the SVG export draws too (round the cards, never on
 * another flow's line); handoffs are drawn by kind, citizen-carried most strongly. While a step
 * at either end is dragged, the flow follows it with a plain elbow until the drop. */
function FlowEdgeView(props: EdgeProps<FlowEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const route = data?.route ?? null;
  let path: string;
  let labelAt: readonly [number, number];
  if (route) {
    path = pathData(route.points);
    labelAt = data?.label?.at ?? route.points[0]!;
  } else {
    const [elbow, x, y] = getSmoothStepPath({
      sourceX,
      sourceY,
      targetX,
      targetY,
      sourcePosition,
      targetPosition,
      borderRadius: 10,
      offset: 18,
    });
    path = elbow;
    labelAt = [x, y];
  }
  const handoff = data?.handoff ?? null;
  const flow = data?.flow;
  const label = data?.label ?? null;
  const className = ["flow-edge", handoff ? `handoff-${handoff}` : "", flow?.dataShare ? "is-data-share" : "", selected ? "is-selected" : ""]
    .filter(Boolean)
    .join(" ");
  const marker = handoff ? `url(#arrow-${handoff})` : "url(#arrow-plain)";
  return (
    <>
      <BaseEdge id={id} path={path} className={className} markerEnd={marker} interactionWidth={14} />
      {label ? (
        <EdgeLabelRenderer>
          <div
            className={`flow-label ${label.citizen ? "flow-label-citizen-carried" : ""}`}
            style={{
              width: label.width,
              height: label.height,
              transform: `translate(-50%, -50%) translate(${labelAt[0]}px, ${labelAt[1]}px)`,
            }}
            title={label.text}
          >
            {label.lines.map((line, i) => (
              <span key={i} className="flow-label-line">
                {line}
              </span>
            ))}
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
