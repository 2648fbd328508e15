import { ViewportPortal } from "@xyflow/react";
import { memo } from "react";
import { GRID, type BlueprintLayout } from "../domain/layout";
import { LAYER_LABELS, type Actor } from "../domain/model";

/** Lane bands, stage columns and the lines of interaction, visibility and internal
 * interaction, drawn in blueprint coordinates underneath the steps. */
function GridBackdropView({ layout, actors }: { layout: BlueprintLayout; actors: ReadonlyMap<string, Actor> }) {
  const { width, height } = layout;
  return (
    <ViewportPortal>
      <svg
        className="grid-backdrop"
        width={width}
        height={height}
        style={{ position: "absolute", left: 0, top: 0, pointerEvents: "none", zIndex: -1 }}
        aria-hidden="true"
      >
        {layout.lanes.map((lane, i) => {
          const colour = actors.get(lane.lane.actorId)?.colour ?? "#999999";
          return (
            <g key={lane.id}>
              <rect x={GRID.laneHeaderWidth} y={lane.y} width={width - GRID.laneHeaderWidth} height={lane.height} className={i % 2 ? "lane-band odd" : "lane-band"} />
              <rect x={GRID.laneHeaderWidth} y={lane.y} width={6} height={lane.height} fill={colour} />
              <line x1={GRID.laneHeaderWidth} x2={width} y1={lane.y + lane.height} y2={lane.y + lane.height} className="lane-rule" />
            </g>
          );
        })}
        {layout.stages.map((stage) => (
          <line key={stage.id} x1={stage.x} x2={stage.x} y1={0} y2={height} className="stage-rule" />
        ))}
        <line x1={width} x2={width} y1={0} y2={height} className="stage-rule" />
        {layout.layers.map((band) =>
          band.lineBelow ? (
            <g key={band.layer}>
              <line x1={GRID.laneHeaderWidth} x2={width} y1={band.y + band.height} y2={band.y + band.height} className="layer-line" />
              <text x={GRID.laneHeaderWidth + 12} y={band.y + band.height - 5} className="layer-line-label">
                {band.lineBelow}
              </text>
            </g>
          ) : null,
        )}
        {layout.layers.map((band) => (
          <text key={`${band.layer}-name`} x={width - 10} y={band.y + 16} textAnchor="end" className="layer-name">
            {LAYER_LABELS[band.layer]}
          </text>
        ))}
      </svg>
    </ViewportPortal>
  );
}

export const GridBackdrop = memo(GridBackdropView);
