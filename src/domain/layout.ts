/**
 * The blueprint grid: where each lane, stage and step sits. Derived from the journey alone,
 * so the canvas, the SVG export and print all draw the same picture.
 */
import { compareCellOrder } from "./journey";
import type { Journey, Lane, Layer, LaneId, StageId, Step, StepId } from "./model";
import { LAYERS, LINE_BELOW_LAYER } from "./model";

export const GRID = {
  cardWidth: 200,
  cardHeight: 104,
  cardGap: 20,
  cellPadX: 18,
  cellPadY: 14,
  laneHeaderWidth: 190,
  stageHeaderHeight: 44,
  emptyStageWidth: 236,
  /** Free space at the end of every stage that has steps, to add one more by double-click. */
  addZone: 56,
  /** Extra space either side of a line between layers (interaction, visibility, internal
   * interaction), so a flow running along the gap there keeps well clear of the line. */
  layerGap: 10,
} as const;

/** The height of a lane with no layer line along either edge. */
export const LANE_HEIGHT = GRID.cardHeight + GRID.cellPadY * 2;

export interface LaneBox {
  id: LaneId;
  lane: Lane;
  y: number;
  height: number;
  /** From the top of the lane to the top of its cards. */
  padTop: number;
}

export interface StageBox {
  id: StageId;
  name: string;
  x: number;
  width: number;
}

export interface StepBox {
  id: StepId;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Position within its cell, left to right. */
  index: number;
}

export interface LayerBand {
  layer: Layer;
  y: number;
  height: number;
  /** The line of interaction, visibility or internal interaction drawn below this layer. */
  lineBelow: string | null;
}

export interface BlueprintLayout {
  width: number;
  height: number;
  lanes: LaneBox[];
  stages: StageBox[];
  steps: Map<StepId, StepBox>;
  layers: LayerBand[];
}

/** Lanes in display order: grouped by layer (top to bottom), keeping their order within a layer. */
export function lanesInDisplayOrder(lanes: readonly Lane[]): Lane[] {
  return lanes
    .map((lane, i) => ({ lane, i }))
    .sort((a, b) => LAYERS.indexOf(a.lane.layer) - LAYERS.indexOf(b.lane.layer) || a.i - b.i)
    .map(({ lane }) => lane);
}

/** Steps grouped by cell, each cell sorted by its order. */
export function stepsByCell(steps: readonly Step[]): Map<string, Step[]> {
  const cells = new Map<string, Step[]>();
  for (const step of steps) {
    const key = cellKey(step.laneId, step.stageId);
    const cell = cells.get(key);
    if (cell) cell.push(step);
    else cells.set(key, [step]);
  }
  for (const cell of cells.values()) cell.sort(compareCellOrder);
  return cells;
}

export function cellKey(laneId: LaneId, stageId: StageId): string {
  return `${laneId}\u0000${stageId}`;
}

/** Computes the blueprint grid for a journey. */
export function blueprintLayout(journey: Journey): BlueprintLayout {
  const cells = stepsByCell(journey.steps);
  const laneIds = new Set(journey.lanes.map((l) => l.id));
  const widest = new Map<StageId, number>();
  for (const cell of cells.values()) {
    // Only cells that are drawn: a step whose lane is missing gets no card, so no room.
    const { laneId, stageId } = cell[0]!;
    if (!laneIds.has(laneId)) continue;
    widest.set(stageId, Math.max(widest.get(stageId) ?? 0, cell.length));
  }

  const stages: StageBox[] = [];
  let x = GRID.laneHeaderWidth;
  for (const stage of journey.stages) {
    const count = widest.get(stage.id) ?? 0;
    const width =
      count === 0
        ? GRID.emptyStageWidth
        : GRID.cellPadX * 2 + count * GRID.cardWidth + (count - 1) * GRID.cardGap + GRID.addZone;
    stages.push({ id: stage.id, name: stage.name, x, width });
    x += width;
  }

  // Lanes in display order, each with the layer line (if any) along its top and bottom edges.
  const ordered = lanesInDisplayOrder(journey.lanes);
  const lineAfter = ordered.map((lane, i) => {
    const next = ordered[i + 1];
    return next !== undefined && next.layer !== lane.layer && lineBetween(lane.layer, next.layer) !== null;
  });
  const lanes: LaneBox[] = [];
  const layers: LayerBand[] = [];
  let y = GRID.stageHeaderHeight;
  ordered.forEach((lane, i) => {
    const band = layers[layers.length - 1];
    if (!band || band.layer !== lane.layer) {
      layers.push({ layer: lane.layer, y, height: 0, lineBelow: null });
    }
    const padTop = GRID.cellPadY + (i > 0 && lineAfter[i - 1] ? GRID.layerGap : 0);
    const height = LANE_HEIGHT + (padTop - GRID.cellPadY) + (lineAfter[i] ? GRID.layerGap : 0);
    lanes.push({ id: lane.id, lane, y, height, padTop });
    const current = layers[layers.length - 1]!;
    current.height += height;
    if (lineAfter[i]) current.lineBelow = lineBetween(lane.layer, ordered[i + 1]!.layer);
    y += height;
  });

  const stageX = new Map(stages.map((s) => [s.id, s.x]));
  const laneY = new Map(lanes.map((l) => [l.id, l.y + l.padTop]));
  const steps = new Map<StepId, StepBox>();
  for (const cell of cells.values()) {
    cell.forEach((step, index) => {
      const sx = stageX.get(step.stageId);
      const ly = laneY.get(step.laneId);
      if (sx === undefined || ly === undefined) return;
      steps.set(step.id, {
        id: step.id,
        x: sx + GRID.cellPadX + index * (GRID.cardWidth + GRID.cardGap),
        y: ly,
        width: GRID.cardWidth,
        height: GRID.cardHeight,
        index,
      });
    });
  }

  return { width: x, height: y, lanes, stages, steps, layers };
}

/** The named line between two adjacent layer groups, if the blueprint has one there. */
function lineBetween(upper: Layer, lower: Layer): string | null {
  const rankUpper = LAYERS.indexOf(upper);
  const rankLower = LAYERS.indexOf(lower);
  // Name the line after the lowest boundary crossed (e.g. citizen → backstage crosses
  // interaction and visibility: the visibility line is the one the viewer needs).
  for (let r = rankLower - 1; r >= rankUpper; r--) {
    const line = LINE_BELOW_LAYER[LAYERS[r]!];
    if (line) return line;
  }
  return null;
}

/** The cell under a point of the blueprint, and the position in that cell taken by a card
 * whose centre is dropped there (0 to the number of cards already in the cell). */
export function cellAt(
  layout: BlueprintLayout,
  px: number,
  py: number,
): { laneId: LaneId; stageId: StageId; index: number } | null {
  const lane = layout.lanes.find((l) => py >= l.y && py < l.y + l.height);
  const stage = layout.stages.find((s) => px >= s.x && px < s.x + s.width);
  if (!lane || !stage) return null;
  const pitch = GRID.cardWidth + GRID.cardGap;
  const slot = Math.round((px - stage.x - GRID.cellPadX - GRID.cardWidth / 2) / pitch);
  // A stage is as wide as its busiest cell: past the last card of this cell is its end.
  let cards = 0;
  for (const box of layout.steps.values()) {
    const inLane = box.y >= lane.y && box.y < lane.y + lane.height;
    if (inLane && box.x >= stage.x && box.x < stage.x + stage.width) cards++;
  }
  const index = Math.max(0, Math.min(slot, cards));
  return { laneId: lane.id, stageId: stage.id, index };
}
