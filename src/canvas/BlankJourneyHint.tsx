import { ViewportPortal } from "@xyflow/react";
import { memo } from "react";
import { GRID, type BlueprintLayout } from "../domain/layout";

/** What to do first on a journey with no steps: a dashed card in the first cell saying how to
 * add one (or, with no lane or stage to put it in, where to add those). It lets the pointer
 * through, so double-clicking it adds the step there, and it goes once there is a step. */
function BlankJourneyHintView({ layout }: { layout: BlueprintLayout }) {
  const lane = layout.lanes[0];
  const stage = layout.stages[0];
  if (!lane || !stage) {
    return (
      <p className="blank-hint blank-hint-structure" role="note">
        This journey has no {lane ? "stages" : stage ? "lanes" : "lanes or stages"} yet. Add them in <strong>Lanes &amp; stages</strong>, then double-click a cell to add
        the first step.
      </p>
    );
  }
  return (
    <ViewportPortal>
      <p
        className="blank-hint"
        role="note"
        style={{
          left: stage.x + GRID.cellPadX,
          top: lane.y + GRID.cellPadY,
          width: GRID.cardWidth,
          height: GRID.cardHeight,
        }}
      >
        <strong>Double-click here</strong> to add the first step, or press <kbd>N</kbd>. Drag a touchpoint here from the palette.
      </p>
    </ViewportPortal>
  );
}

export const BlankJourneyHint = memo(BlankJourneyHintView);
