/**
 * Presenting a blueprint to a room: the journey as a sequence of slides, each a part of the
 * grid small enough to be shown with text readable from the back. Walk it stage by stage, or
 * finding by finding (every handoff, then every suggested duplicate). A stage or a finding
 * larger than the screen holds at that size is split into parts, top to bottom and left to
 * right, so nothing is shown too small to read. Pure: the canvas turns a slide into a view.
 */
import { clusterNumbers } from "./analysis/analysis-highlights";
import type { DuplicateCluster } from "./analysis/duplicates";
import type { Handoff, HandoffKind } from "./analysis/handoffs";
import { GRID, type BlueprintLayout, type LaneBox, type StageBox, type StepBox } from "./layout";
import type { Actor, Journey, StepId } from "./model";

export const PRESENTATION_TRACKS = ["stages", "findings"] as const;
export type PresentationTrack = (typeof PRESENTATION_TRACKS)[number];

export interface SlideRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Slide {
  key: string;
  /** "Stage 2 of 5: Register", "Handoff 3 of 9: citizen-carried, DWP → HMRC". */
  title: string;
  /** One line under the title: what the slide shows. */
  detail: string;
  /** The part of the blueprint to show, in blueprint coordinates. */
  rect: SlideRect;
  /** The steps the slide is about (selected while it shows); none for a stage. */
  stepIds: StepId[];
  /** Where the rect goes on screen: a stage from the top left (the next stages follow to the
   * right), a finding in the middle. */
  align: "start" | "centre";
}

/** Room around a finding's cards, so their marks and flows are not on the edge of the screen. */
const FINDING_MARGIN = 40;

/** The order handoffs are presented in, costliest first (as in the insights panel). */
const HANDOFF_ORDER: readonly HandoffKind[] = ["citizen-carried", "direct", "internal"];

const partName = (i: number, n: number) => (n > 1 ? ` (part ${i + 1} of ${n})` : "");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The stages as slides: each stage's column, from its first lane with a step to its last.
 * `room` is how much of the blueprint the screen shows at the presenting zoom; a stage taller
 * or wider than that becomes several slides, each of whole lanes and whole columns of cards.
 */
export function stageSlides(journey: Journey, layout: BlueprintLayout, room: { width: number; height: number }): Slide[] {
  const slides: Slide[] = [];
  const count = layout.stages.length;
  layout.stages.forEach((stage, stageIndex) => {
    const name = `Stage ${stageIndex + 1} of ${count}: ${stage.name}`;
    const boxes = [...layout.steps.values()].filter((b) => b.x >= stage.x && b.x < stage.x + stage.width);
    const firstLane = layout.lanes[0];
    if (boxes.length === 0 || !firstLane) {
      slides.push({
        key: `stage:${stage.id}`,
        title: name,
        detail: "No steps in this stage yet.",
        rect: { x: stage.x, y: firstLane?.y ?? GRID.stageHeaderHeight, width: stage.width, height: Math.min(room.height, lanesHeight(layout.lanes)) },
        stepIds: [],
        align: "start",
      });
      return;
    }
    const parts: { rect: SlideRect; stepIds: StepId[] }[] = [];
    for (const columns of columnWindows(stage, boxes, room.width)) {
      const inColumns = boxes.filter((b) => b.index >= columns.from && b.index < columns.to);
      const windows = laneWindows(layout.lanes, inColumns, room.height);
      windows.forEach((rows, i) => {
        // Show whole lanes above the first with a card, as far as the room allows, so a part
        // begins where the last one ended (or at the top) rather than on an empty screen.
        const bottom = rows.y + rows.height;
        const floor = i === 0 ? firstLane.y : windows[i - 1]!.y + windows[i - 1]!.height;
        const top = layout.lanes.find((l) => l.y >= Math.max(floor, bottom - room.height))?.y ?? rows.y;
        rows.height = bottom - Math.min(top, rows.y);
        rows.y = Math.min(top, rows.y);
      });
      for (const rows of windows) {
        parts.push({
          rect: { x: columns.x, y: rows.y, width: columns.width, height: rows.height },
          stepIds: inColumns.filter((b) => b.y >= rows.y && b.y < rows.y + rows.height).map((b) => b.id),
        });
      }
    }
    parts.forEach((part, i) => {
      slides.push({
        key: `stage:${stage.id}:${i}`,
        title: `${name}${partName(i, parts.length)}`,
        detail: stageDetail(journey, part.stepIds, boxes.length),
        rect: part.rect,
        stepIds: [],
        align: "start",
      });
    });
  });
  return slides;
}

/**
 * The findings as slides: every handoff (citizen-carried first, then direct, then internal),
 * showing the step that hands over, any citizen steps between and the step that takes over;
 * then every suggested duplicate cluster the user has not dismissed (D1, D2 …). A finding whose
 * steps are too far apart to be shown together at the presenting zoom is shown in parts.
 */
export function findingSlides(
  journey: Journey,
  layout: BlueprintLayout,
  findings: { handoffs: readonly Handoff[]; duplicates: readonly DuplicateCluster[] },
  room: { width: number; height: number },
): Slide[] {
  const actors = new Map<string, Actor>(journey.actors.map((a) => [a.id, a]));
  const labels = new Map(journey.steps.map((s) => [s.id, s.label]));
  const lanes = new Map(journey.lanes.map((l) => [l.id, l]));
  const laneOf = new Map(journey.steps.map((s) => [s.id, lanes.get(s.laneId)]));
  const actorName = (id: string) => {
    const actor = actors.get(id);
    return actor?.shortName || actor?.name || "?";
  };
  const quoted = (id: StepId) => `“${labels.get(id) ?? "?"}”`;

  const handoffs = HANDOFF_ORDER.flatMap((kind) => findings.handoffs.filter((h) => h.kind === kind));
  const numbers = clusterNumbers(findings.duplicates);
  const duplicates = findings.duplicates.filter((c) => numbers.has(c.key));
  const total = handoffs.length + duplicates.length;
  const slides: Slide[] = [];
  let n = 0;

  for (const h of handoffs) {
    n += 1;
    const who =
      h.kind === "internal"
        ? `${actorName(h.fromActorId)}, ${laneOf.get(h.fromStepId)?.team || "one team"} → ${laneOf.get(h.toStepId)?.team || "another team"}`
        : `${actorName(h.fromActorId)} → ${actorName(h.toActorId)}`;
    const via = h.viaStepIds.length > 0 ? `, through ${h.viaStepIds.map(quoted).join(", ")}` : "";
    pushParts(slides, {
      key: `handoff:${h.key}`,
      title: `Finding ${n} of ${total}: ${h.kind} handoff, ${who}`,
      detail: `${quoted(h.fromStepId)} to ${quoted(h.toStepId)}${via}`,
      stepIds: [h.fromStepId, ...h.viaStepIds, h.toStepId],
      layout,
      room,
    });
  }
  for (const cluster of duplicates) {
    n += 1;
    const owners = [...new Set(cluster.stepIds.map((id) => laneOf.get(id)?.actorId).filter((a): a is string => !!a))].map(actorName);
    pushParts(slides, {
      key: `duplicate:${cluster.key}`,
      title: `Finding ${n} of ${total}: duplicated steps D${numbers.get(cluster.key)! + 1}, ${plural(cluster.stepIds.length, "step")} (${owners.join(", ")})`,
      detail: cluster.reason,
      stepIds: [...cluster.stepIds].sort((a, b) => readingOrder(layout, a, b)),
      layout,
      room,
    });
  }
  return slides;
}

/** The slides of one track. */
export function presentationSlides(
  track: PresentationTrack,
  journey: Journey,
  layout: BlueprintLayout,
  findings: { handoffs: readonly Handoff[]; duplicates: readonly DuplicateCluster[] },
  room: { width: number; height: number },
): Slide[] {
  return track === "stages" ? stageSlides(journey, layout, room) : findingSlides(journey, layout, findings, room);
}

function pushParts(
  slides: Slide[],
  finding: { key: string; title: string; detail: string; stepIds: StepId[]; layout: BlueprintLayout; room: { width: number; height: number } },
) {
  const boxes = finding.stepIds.map((id) => finding.layout.steps.get(id)).filter((b): b is StepBox => !!b);
  if (boxes.length === 0) return;
  const parts: StepBox[][] = [];
  for (const box of boxes) {
    const current = parts[parts.length - 1];
    if (current && fits(bounds([...current, box], FINDING_MARGIN), finding.room)) current.push(box);
    else parts.push([box]);
  }
  parts.forEach((part, i) => {
    slides.push({
      key: `${finding.key}:${i}`,
      title: `${finding.title}${partName(i, parts.length)}`,
      detail: finding.detail,
      rect: bounds(part, FINDING_MARGIN),
      stepIds: part.map((b) => b.id),
      align: "centre",
    });
  });
}

/** Splits a stage into runs of whole card columns no wider than the room (one run when the
 * whole stage fits). */
function columnWindows(stage: StageBox, boxes: readonly StepBox[], width: number): { x: number; width: number; from: number; to: number }[] {
  if (stage.width <= width) return [{ x: stage.x, width: stage.width, from: 0, to: Infinity }];
  const pitch = GRID.cardWidth + GRID.cardGap;
  const perWindow = Math.max(1, Math.floor((width - 2 * GRID.cellPadX + GRID.cardGap) / pitch));
  const columns = Math.max(...boxes.map((b) => b.index)) + 1;
  const out: { x: number; width: number; from: number; to: number }[] = [];
  for (let from = 0; from < columns; from += perWindow) {
    const to = Math.min(columns, from + perWindow);
    out.push({ x: stage.x + from * pitch, width: (to - from) * pitch - GRID.cardGap + 2 * GRID.cellPadX, from, to });
  }
  return out;
}

/** Splits the lanes holding the given cards into runs of whole lanes no taller than the room,
 * skipping lanes with none of the cards between runs. */
function laneWindows(lanes: readonly LaneBox[], boxes: readonly StepBox[], height: number): { y: number; height: number }[] {
  const used = lanes.filter((l) => boxes.some((b) => b.y >= l.y && b.y < l.y + l.height));
  const out: { y: number; height: number }[] = [];
  for (const lane of used) {
    const current = out[out.length - 1];
    if (current && lane.y + lane.height - current.y <= height) current.height = lane.y + lane.height - current.y;
    else out.push({ y: lane.y, height: lane.height });
  }
  return out;
}

function stageDetail(journey: Journey, stepIds: readonly StepId[], inStage: number): string {
  const lanes = new Map(journey.lanes.map((l) => [l.id, l]));
  const actors = new Map(journey.actors.map((a) => [a.id, a]));
  const steps = new Map(journey.steps.map((s) => [s.id, s]));
  const who = [
    ...new Set(
      stepIds.map((id) => {
        const actor = actors.get(lanes.get(steps.get(id)?.laneId ?? "")?.actorId ?? "");
        return actor?.shortName || actor?.name || "?";
      }),
    ),
  ];
  const shown = stepIds.length === inStage ? plural(inStage, "step") : `${stepIds.length} of its ${inStage} steps`;
  return `${shown}: ${who.join(", ")}`;
}

function lanesHeight(lanes: readonly LaneBox[]): number {
  const last = lanes[lanes.length - 1];
  const first = lanes[0];
  return first && last ? last.y + last.height - first.y : 0;
}

function bounds(boxes: readonly StepBox[], margin: number): SlideRect {
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: minX - margin, y: minY - margin, width: maxX - minX + 2 * margin, height: maxY - minY + 2 * margin };
}

const fits = (rect: SlideRect, room: { width: number; height: number }) => rect.width <= room.width && rect.height <= room.height;

/** Left to right, then top to bottom: how a blueprint is read. */
function readingOrder(layout: BlueprintLayout, a: StepId, b: StepId): number {
  const ba = layout.steps.get(a);
  const bb = layout.steps.get(b);
  if (!ba || !bb) return 0;
  return ba.x - bb.x || ba.y - bb.y;
}
