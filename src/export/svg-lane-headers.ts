/**
 * The lane headers down the left of the exported drawing: the owner's name, the team and the
 * layer, wrapped onto as many lines as the lane has room for rather than cut. A name too long
 * even for that ends in "…" there, and the legend then gives it in full.
 */
import { GRID, type BlueprintLayout } from "../domain/layout";
import { LAYER_LABELS, type Actor, type Lane } from "../domain/model";
import { el, type XmlElement } from "./xml";
import { FALLBACK_OWNER, FONT_FAMILY, INK, MUTED, RULE, displayText, safeColour } from "./svg-theme";
import { wrapText, type FontSpec } from "./text-measure";

export interface HeaderLine {
  text: string;
  size: number;
  bold: boolean;
  fill: string;
  /** From this line's baseline to the last one's. */
  step: number;
}

export interface LaneHeaderText {
  lines: HeaderLine[];
  /** Whether the owner's name or the team had to be cut short to fit. */
  cut: boolean;
}

const NAME: FontSpec & { step: number } = { size: 14, bold: true, step: 17 };
const TEAM: FontSpec & { step: number } = { size: 13, bold: false, step: 16 };
const LAYER: FontSpec & { step: number } = { size: 11, bold: false, step: 15 };
/** Room kept clear above and below the lines, inside the lane. */
const PADDING = 8;
/** Left of the text: the owner's colour strip and a gap. */
export const HEADER_TEXT_X = 16;

/** The name of a lane's owner as its header shows it. */
export function ownerName(actor: Actor | undefined): string {
  return displayText(actor?.shortName || actor?.name || "") || "(no owner)";
}

/** A lane header's lines: the owner's name and the team wrapped to the header's width, as many
 * lines of each as the lane's height allows (the name first), then the layer. */
export function laneHeaderText(name: string, team: string, layer: string, height: number, width: number): LaneHeaderText {
  const room = height - 2 * PADDING - LAYER.step;
  const nameAll = wrapText(name, width, NAME, 8);
  const teamAll = team ? wrapText(team, width, TEAM, 8) : [];
  // As many lines as fit, shared so that neither the name nor the team loses all of its own.
  let nameLines = nameAll.length;
  let teamLines = teamAll.length;
  while (nameLines * NAME.step + teamLines * TEAM.step > room && nameLines + teamLines > 1) {
    if (teamLines > 1 && (teamLines >= nameLines || nameLines === 1)) teamLines--;
    else if (nameLines > 1) nameLines--;
    else teamLines--;
  }
  const cut = nameLines < nameAll.length || teamLines < teamAll.length;
  const shown = (all: string[], count: number, text: string, font: FontSpec) =>
    count >= all.length ? all : wrapText(text, width, font, count);
  const lines: HeaderLine[] = [
    ...shown(nameAll, nameLines, name, NAME).map((text) => ({ text, size: NAME.size, bold: true, fill: INK, step: NAME.step })),
    ...shown(teamAll, teamLines, team, TEAM).map((text) => ({ text, size: TEAM.size, bold: false, fill: INK, step: TEAM.step })),
    { text: layer.toUpperCase(), size: LAYER.size, bold: false, fill: MUTED, step: LAYER.step },
  ];
  return { lines, cut };
}

/** The lanes whose header cuts the owner's name or the team short, with the full text. */
export function cutLaneHeaders(layout: BlueprintLayout, actors: ReadonlyMap<string, Actor>): { lane: Lane; text: string }[] {
  const out: { lane: Lane; text: string }[] = [];
  for (const box of layout.lanes) {
    const name = ownerName(actors.get(box.lane.actorId));
    const team = displayText(box.lane.team);
    const { cut } = laneHeaderText(name, team, LAYER_LABELS[box.lane.layer], box.height, GRID.laneHeaderWidth - HEADER_TEXT_X - 8);
    if (cut) out.push({ lane: box.lane, text: team ? `${name} · ${team}` : name });
  }
  return out;
}

/** Lane headers down the left: owner, team and layer, with the owner's colour at the edge. */
export function laneHeaders(layout: BlueprintLayout, actors: ReadonlyMap<string, Actor>): XmlElement {
  const w = GRID.laneHeaderWidth;
  const parts = layout.lanes.map((box) => {
    const actor = actors.get(box.lane.actorId);
    const { lines } = laneHeaderText(
      ownerName(actor),
      displayText(box.lane.team),
      LAYER_LABELS[box.lane.layer],
      box.height,
      w - HEADER_TEXT_X - 8,
    );
    const total = lines.reduce((sum, l) => sum + l.step, 0);
    let baseline = box.y + (box.height - total) / 2 - 4;
    const texts = lines.map((line) => {
      baseline += line.step;
      return el(
        "text",
        {
          x: HEADER_TEXT_X,
          y: baseline,
          "font-family": FONT_FAMILY,
          "font-size": line.size,
          "font-weight": line.bold ? "bold" : null,
          fill: line.fill,
        },
        line.text,
      );
    });
    return el(
      "g",
      {},
      el("rect", { x: 0, y: box.y, width: w, height: box.height, fill: "#ffffff", stroke: RULE, "stroke-width": 1 }),
      el("rect", { x: 0, y: box.y, width: 6, height: box.height, fill: safeColour(actor?.colour, FALLBACK_OWNER) }),
      ...texts,
    );
  });
  return el("g", { "data-kind": "lanes" }, ...parts);
}
