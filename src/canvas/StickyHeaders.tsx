import { useStore } from "@xyflow/react";
import { memo } from "react";
import type { BlueprintLayout } from "../domain/layout";
import { LAYER_LABELS, type Actor } from "../domain/model";
import { HEADER_INSETS } from "./viewport";

const COLUMN_WIDTH = HEADER_INSETS.left - 8;
const ROW_HEIGHT = HEADER_INSETS.top - 6;

/** Lane headers down the left and stage headers along the top, in screen space: they follow
 * the blueprint as it pans and zooms but never leave the edge of the view or shrink. */
function StickyHeadersView({ layout, actors }: { layout: BlueprintLayout; actors: ReadonlyMap<string, Actor> }) {
  const [tx, ty, zoom] = useStore((s) => s.transform);
  return (
    <div className="sticky-headers" aria-hidden="true">
      <div className="stage-headers" style={{ height: ROW_HEIGHT }}>
        {layout.stages.map((stage, i) => (
          <div
            key={stage.id}
            className="stage-header"
            style={{ left: tx + stage.x * zoom, width: stage.width * zoom, height: ROW_HEIGHT }}
            title={stage.name}
          >
            <span className="stage-number">{i + 1}</span>
            <span className="stage-name">{stage.name}</span>
          </div>
        ))}
      </div>
      <div className="lane-headers" style={{ width: COLUMN_WIDTH, top: ROW_HEIGHT }}>
        {layout.lanes.map((lane) => {
          const actor = actors.get(lane.lane.actorId);
          const height = lane.height * zoom;
          return (
            <div
              key={lane.id}
              className={`lane-header ${height < 64 ? "is-compact" : ""}`}
              style={{ top: ty + lane.y * zoom - ROW_HEIGHT, height, ["--owner" as string]: actor?.colour ?? "#999" }}
              title={`${actor?.name ?? ""}${lane.lane.team ? ` · ${lane.lane.team}` : ""} (${LAYER_LABELS[lane.lane.layer]})`}
            >
              <span className="lane-actor">{actor?.shortName || actor?.name}</span>
              {lane.lane.team ? <span className="lane-team">{lane.lane.team}</span> : null}
              <span className="lane-layer">{LAYER_LABELS[lane.lane.layer]}</span>
            </div>
          );
        })}
      </div>
      <div className="header-corner" style={{ width: COLUMN_WIDTH, height: ROW_HEIGHT }} />
    </div>
  );
}

export const StickyHeaders = memo(StickyHeadersView);
