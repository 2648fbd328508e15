/**
 * The title block above the exported blueprint and the legend below it: what each line,
 * mark and card style means, and which organisation each lane colour stands for.
 */
import type { BlueprintLayout } from "../domain/layout";
import type { Journey, Lane } from "../domain/model";
import { el, type XmlElement } from "./xml";
import { drawMark } from "./svg-cards";
import { flowLine, type Point } from "./svg-flows";
import {
  CARD_BORDER,
  CITIZEN_CARD,
  FONT_FAMILY,
  INK,
  MARK_STYLES,
  MUTED,
  RULE,
  svgText,
  displayText,
  duplicateColour,
  safeColour,
  type MarkStyle,
  type SvgHighlights,
} from "./svg-theme";
import { truncateToWidth, wrapText } from "./text-measure";

const MONTHS =
  "January February March April May June July August September October November December".split(
    " ",
  );

/** "14 April 2025" from an ISO 8601 timestamp, or "" when it is not one. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return "";
  const month = MONTHS[Number(m[2]) - 1];
  const day = Number(m[3]);
  return month && day >= 1 && day <= 31 ? `${day} ${month} ${m[1]}` : "";
}

export interface Block {
  node: XmlElement;
  height: number;
}

/** Journey title, scenario, owner team and date, at the top left of a width. */
export function titleBlock(journey: Journey, width: number): Block {
  const parts: XmlElement[] = [];
  let y = 24;
  const title = displayText(journey.title) || "Untitled journey";
  parts.push(
    svgText(0, y, 22, truncateToWidth(title, width, { size: 22, bold: true }), {
      "font-weight": "bold",
    }),
  );
  y += 8;
  const scenario = displayText(journey.scenario);
  if (scenario) {
    const lines = wrapText(scenario, Math.min(width, 960), { size: 13 }, 3);
    const top = y + 17;
    parts.push(
      el(
        "text",
        { x: 0, y: top, "font-family": FONT_FAMILY, "font-size": 13, fill: INK },
        ...lines.map((line, i) => el("tspan", { x: 0, y: top + i * 17 }, line)),
      ),
    );
    y += lines.length * 17;
  }
  const facts = [
    displayText(journey.ownerTeam) ? `Owner: ${displayText(journey.ownerTeam)}` : "",
    formatDate(journey.updatedAt) ? `Updated ${formatDate(journey.updatedAt)}` : "",
  ].filter(Boolean);
  if (facts.length > 0) {
    y += 20;
    parts.push(
      svgText(0, y, 12, truncateToWidth(facts.join(" · "), width, { size: 12 }), { fill: MUTED }),
    );
  }
  return { node: el("g", { "data-kind": "title" }, ...parts), height: y + 16 };
}

interface LegendItem {
  symbol: (x: number, y: number) => XmlElement;
  text: string;
}

const COLUMN_WIDTH = 360;
const ROW_HEIGHT = 24;
const SYMBOL_WIDTH = 48;

function lineItem(
  key: "plain" | "direct" | "citizen-carried" | "internal",
  text: string,
  dataShare = false,
): LegendItem {
  return {
    symbol: (x, y) =>
      flowLine(
        [
          [x, y],
          [x + SYMBOL_WIDTH - 6, y],
        ] as Point[],
        key,
        dataShare,
      ),
    text,
  };
}

function markItem(text: string, style: MarkStyle, meaning: string): LegendItem {
  return { symbol: (x, y) => drawMark({ text, style }, x, y + 4).node, text: meaning };
}

function cardItem(
  fill: string,
  text: string,
  dash: string | null = null,
  stroke = CARD_BORDER,
): LegendItem {
  return {
    symbol: (x, y) =>
      el("rect", {
        x,
        y: y - 8,
        width: 34,
        height: 16,
        rx: 3,
        fill,
        stroke,
        "stroke-width": stroke === CARD_BORDER ? 1 : 2,
        "stroke-dasharray": dash,
      }),
    text,
  };
}

function layerLineItem(): LegendItem {
  return {
    symbol: (x, y) =>
      el("line", {
        x1: x,
        y1: y,
        x2: x + SYMBOL_WIDTH - 6,
        y2: y,
        stroke: INK,
        "stroke-width": 2,
        "stroke-dasharray": "10 6",
      }),
    text: "Layer line: interaction, visibility, internal",
  };
}

/** What the drawing shows, so the legend explains that and nothing else. */
export type LegendEntry =
  | "data-share"
  | "direct"
  | "citizen-carried"
  | "internal"
  | "repeated"
  | "duplicate"
  | "fail"
  | "wait"
  | "pain"
  | "citizen"
  | "proposed"
  | "layer-line";

const ENTRIES: Readonly<Record<LegendEntry, LegendItem>> = {
  "data-share": lineItem("plain", "Data share: no action by the citizen", true),
  direct: lineItem("direct", "Direct handoff: one organisation to another"),
  "citizen-carried": lineItem(
    "citizen-carried",
    "Citizen-carried handoff: the citizen takes it on",
  ),
  internal: lineItem("internal", "Internal handoff: same organisation, another team"),
  repeated: markItem(
    "2 again",
    MARK_STYLES.repeated,
    "Asks again for information an earlier step asked for",
  ),
  duplicate: markItem(
    "D1",
    { fill: duplicateColour(0), ink: "#ffffff" },
    "Duplicate: same job as other D1 steps",
  ),
  fail: markItem("F", MARK_STYLES.fail, "Fail point"),
  wait: markItem("W", MARK_STYLES.wait, "Wait point"),
  pain: markItem("Pain 2", MARK_STYLES.pain, "Pain points recorded at the step"),
  citizen: cardItem(CITIZEN_CARD, "Step taken by the citizen"),
  proposed: cardItem("#ffffff", "Proposed step (to-be)", "5 3"),
  "layer-line": layerLineItem(),
};

/** The legend's entries: how flows are drawn, each mark and style the drawing uses, and the
 * organisations that own its lanes with their colours. */
function legendItems(journey: Journey, used: ReadonlySet<LegendEntry>): LegendItem[] {
  const items: LegendItem[] = [lineItem("plain", "Flow from one step to the next")];
  for (const entry of Object.keys(ENTRIES) as LegendEntry[]) {
    if (used.has(entry)) items.push(ENTRIES[entry]);
  }
  const owners = new Set(journey.lanes.map((l) => l.actorId));
  for (const actor of journey.actors) {
    if (actor.type !== "organisation" || !owners.has(actor.id)) continue;
    const short = displayText(actor.shortName);
    const name = displayText(actor.name);
    items.push({
      symbol: (x, y) =>
        el("rect", { x, y: y - 7, width: 34, height: 14, rx: 2, fill: safeColour(actor.colour) }),
      text: short && short !== name ? `${short}: ${name}` : name || short,
    });
  }
  return items;
}

/** What the drawing shows that the legend should explain. */
export function legendEntries(
  journey: Journey,
  layout: BlueprintLayout,
  highlights: SvgHighlights | null,
): Set<LegendEntry> {
  const used = new Set<LegendEntry>();
  const lanes = new Map(journey.lanes.map((l) => [l.id, l]));
  const citizens = new Set(journey.actors.filter((a) => a.type === "citizen").map((a) => a.id));
  for (const step of journey.steps) {
    if (!layout.steps.has(step.id)) continue;
    if (step.failPoint) used.add("fail");
    if (step.waitPoint) used.add("wait");
    if (step.painPoints.length > 0) used.add("pain");
    if (step.evidenceStatus === "proposed") used.add("proposed");
    if (citizens.has(lanes.get(step.laneId)?.actorId ?? "")) used.add("citizen");
    if (highlights?.duplicateOf.has(step.id)) used.add("duplicate");
    if ((highlights?.repeatedAt.get(step.id)?.length ?? 0) > 0) used.add("repeated");
  }
  for (const flow of journey.flows) {
    if (!layout.steps.has(flow.from) || !layout.steps.has(flow.to)) continue;
    const kind = highlights?.handoffOn.get(flow.id);
    if (kind === "direct" || kind === "citizen-carried" || kind === "internal") used.add(kind);
    if (flow.dataShare && kind !== "internal") used.add("data-share");
  }
  if (layout.layers.some((band) => band.lineBelow)) used.add("layer-line");
  return used;
}

/** The most lines one legend entry wraps onto. */
const ENTRY_LINES = 4;
const ENTRY_LINE_HEIGHT = 15;

/** The legend, laid out in as many columns as fit the width: each entry wrapped (never cut
 * before four lines), and after the organisations, in full, every lane whose header had to cut
 * its owner's name or team short. */
export function legendBlock(
  journey: Journey,
  width: number,
  used: ReadonlySet<LegendEntry>,
  cutLanes: readonly { lane: Lane; text: string }[] = [],
): Block {
  const colours = new Map(journey.actors.map((a) => [a.id, a.colour]));
  const items = [
    ...legendItems(journey, used),
    ...cutLanes.map(({ lane, text }): LegendItem => ({
      symbol: (x, y) =>
        el("g", {}, el("rect", { x, y: y - 7, width: 6, height: 14, fill: safeColour(colours.get(lane.actorId)) }), el("rect", { x: x + 6, y: y - 7, width: 28, height: 14, fill: "#ffffff", stroke: RULE })),
      text: `Lane: ${text}`,
    })),
  ];
  const textWidth = COLUMN_WIDTH - SYMBOL_WIDTH - 16;
  const laid = items.map((item) => {
    const lines = wrapText(item.text, textWidth, { size: 12 }, ENTRY_LINES);
    return { item, lines, height: Math.max(ROW_HEIGHT, 9 + lines.length * ENTRY_LINE_HEIGHT) };
  });
  const columns = Math.max(1, Math.floor(width / COLUMN_WIDTH));
  // Fill the columns in order, each to about an equal share of the whole height.
  const total = laid.reduce((sum, e) => sum + e.height, 0);
  const share = total / columns;
  const top = 34;
  const nodes: XmlElement[] = [svgText(0, 18, 15, "Legend", { "font-weight": "bold" })];
  let col = 0;
  let y = 0;
  let tallest = 0;
  for (const { item, lines, height } of laid) {
    if (y > 0 && y + height > share + ROW_HEIGHT / 2 && col < columns - 1) {
      col++;
      y = 0;
    }
    const x = col * COLUMN_WIDTH;
    const at = top + y;
    nodes.push(
      el(
        "g",
        {},
        item.symbol(x, at),
        ...lines.map((line, i) => svgText(x + SYMBOL_WIDTH + 4, at + 4 + i * ENTRY_LINE_HEIGHT, 12, line)),
      ),
    );
    y += height;
    tallest = Math.max(tallest, y);
  }
  return { node: el("g", { "data-kind": "legend" }, ...nodes), height: top + tallest };
}
