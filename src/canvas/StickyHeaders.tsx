import { useStore } from "@xyflow/react";
import { memo } from "react";
import type { BlueprintLayout } from "../domain/layout";
import { LAYER_LABELS, type Actor, type LaneId, type StageId } from "../domain/model";
import { InPlaceField } from "../ui/InPlaceField";
import { HEADER_INSETS } from "./viewport";

const COLUMN_WIDTH = HEADER_INSETS.left - 8;
const ROW_HEIGHT = HEADER_INSETS.top - 6;

/** A header being renamed on the canvas: a stage's name or a lane's team. */
export type HeaderEdit = { kind: "stage"; id: StageId } | { kind: "lane"; id: LaneId };

/** Which header, if any, is at a point of the canvas (pixels from its top left corner), given
 * the viewport transform. The corner where the two strips meet belongs to neither. */
export function headerAt(
  layout: BlueprintLayout,
  transform: readonly [number, number, number],
  x: number,
  y: number,
): HeaderEdit | "corner" | null {
  const [tx, ty, zoom] = transform;
  const inStages = y >= 0 && y < ROW_HEIGHT;
  const inLanes = x >= 0 && x < COLUMN_WIDTH;
  if (inStages && inLanes) return "corner";
  if (inStages) {
    const stage = layout.stages.find((s) => x >= tx + s.x * zoom && x < tx + (s.x + s.width) * zoom);
    return stage ? { kind: "stage", id: stage.id } : "corner";
  }
  if (inLanes) {
    const lane = layout.lanes.find((l) => y >= ty + l.y * zoom && y < ty + (l.y + l.height) * zoom);
    return lane ? { kind: "lane", id: lane.id } : "corner";
  }
  return null;
}

interface StickyHeadersProps {
  layout: BlueprintLayout;
  actors: ReadonlyMap<string, Actor>;
  /** The header being renamed, shown as a text field over it. */
  editing?: HeaderEdit | null;
  onRename?: (edit: HeaderEdit, value: string) => void;
  onEndEdit?: () => void;
}

/** Lane headers down the left and stage headers along the top, in screen space: they follow
 * the blueprint as it pans and zooms but never leave the edge of the view or shrink. A header
 * double-clicked on the canvas is renamed in place (see BlueprintCanvas). */
function StickyHeadersView({ layout, actors, editing = null, onRename, onEndEdit }: StickyHeadersProps) {
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const viewWidth = useStore((s) => s.width);
  const stageEdited = editing?.kind === "stage" ? layout.stages.find((s) => s.id === editing.id) : undefined;
  const laneEdited = editing?.kind === "lane" ? layout.lanes.find((l) => l.id === editing.id) : undefined;
  return (
    <>
      <div className="sticky-headers" aria-hidden="true">
        <div className="stage-headers" style={{ height: ROW_HEIGHT }}>
          {layout.stages.map((stage, i) => (
            <div
              key={stage.id}
              className="stage-header"
              style={{ left: tx + stage.x * zoom, width: stage.width * zoom, height: ROW_HEIGHT }}
              title={`${stage.name} (double-click to rename)`}
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
                title={`${actor?.name ?? ""}${lane.lane.team ? ` · ${lane.lane.team}` : ""} (${LAYER_LABELS[lane.lane.layer]}; double-click to name the team)`}
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
      {stageEdited && editing && onRename && onEndEdit ? (
        <InPlaceField
          key={stageEdited.id}
          label="Stage name"
          className="header-editor nodrag nopan nowheel"
          initial={stageEdited.name}
          required
          style={stageFieldBox(tx + stageEdited.x * zoom, stageEdited.width * zoom, viewWidth)}
          onCommit={(value) => onRename(editing, value)}
          onEnd={onEndEdit}
        />
      ) : null}
      {laneEdited && editing && onRename && onEndEdit ? (
        <InPlaceField
          key={laneEdited.id}
          label={`Team in the ${actors.get(laneEdited.lane.actorId)?.name ?? ""} lane`}
          placeholder="Team or channel (optional)"
          className="header-editor header-editor-lane nodrag nopan nowheel"
          initial={laneEdited.lane.team}
          required={false}
          // Over the team's line, under the owner's name, when the header is tall enough.
          style={{
            left: 10,
            top: Math.max(ty + laneEdited.y * zoom, ROW_HEIGHT) + (laneEdited.height * zoom >= 64 ? 24 : 2),
            width: COLUMN_WIDTH - 18,
          }}
          onCommit={(value) => onRename(editing, value)}
          onEnd={onEndEdit}
        />
      ) : null}
    </>
  );
}

/** Where the stage name field goes: over the stage's header, at least 160 px wide, within the
 * visible part of the strip. */
function stageFieldBox(left: number, width: number, viewWidth: number) {
  const from = Math.max(left, COLUMN_WIDTH);
  const to = Math.min(left + width, viewWidth) - 8;
  const fieldWidth = Math.max(to - from, 160);
  return { left: Math.max(COLUMN_WIDTH, Math.min(from, viewWidth - fieldWidth - 8)), top: 4, width: fieldWidth };
}

export const StickyHeaders = memo(StickyHeadersView);
