/**
 * The grid's own writing in the exported drawing (the names of the layers and of the lines
 * between them): where it goes, so flow labels can keep clear of it.
 */
import { GRID, type BlueprintLayout, type LayerBand } from "../domain/layout";
import { LAYER_LABELS } from "../domain/model";
import type { Rect } from "../domain/routing/geometry";
import { textWidth } from "./text-measure";

/** The white box behind the name of the line below a layer ("Line of interaction"), at the
 * left of the grid just above the line. */
export function layerLineLabelBox(band: LayerBand, name: string): Rect {
  const bottom = band.y + band.height;
  return {
    x: GRID.laneHeaderWidth + 8,
    y: bottom - 15,
    width: textWidth(name, 11, true) + 8,
    height: 13,
  };
}

/** The layer's name, in capitals, at the top right of its band. */
export function layerName(band: LayerBand, layoutWidth: number): { text: string; box: Rect } {
  const text = LAYER_LABELS[band.layer].toUpperCase();
  const width = textWidth(text, 10, true);
  return { text, box: { x: layoutWidth - 10 - width, y: band.y + 3, width, height: 10 } };
}

/** Everything the grid writes that flow labels should keep off. */
export function gridTextBoxes(layout: BlueprintLayout): Rect[] {
  return layout.layers.flatMap((band) => [
    layerName(band, layout.width).box,
    ...(band.lineBelow ? [layerLineLabelBox(band, band.lineBelow)] : []),
  ]);
}
