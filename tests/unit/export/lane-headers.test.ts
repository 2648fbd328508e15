// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { LANE_HEIGHT } from "../../../src/domain/layout";
import { exportSvg } from "../../../src/export/svg";
import { laneHeaderText } from "../../../src/export/svg-lane-headers";
import { textWidth } from "../../../src/export/text-measure";
import { buildJourney } from "../../helpers/journey-builder";
import { parseSvg } from "./svg-walk";

const WIDTH = 166;
const body = (lines: { text: string; bold: boolean; size: number }[], size: number) =>
  lines.filter((l) => l.size === size).map((l) => l.text).join(" ");

describe("laneHeaderText", () => {
  it.each([
    ["a short owner and team, a line each", "DWP", "Bereavement Service", 1, 1],
    ["a long team wraps", "DWP", "Tell Us Once hub and benefits", 1, 2],
    ["a long owner wraps", "Joanne (widow and executor)", "Papers Joanne holds", 2, 1],
    ["both long", "HM Courts and Tribunals Service", "Probate registry caseworkers and the digital team", 2, 3],
  ])("%s", (_name, owner, team, nameLines, teamLines) => {
    const { lines, cut } = laneHeaderText(owner, team, "Frontstage", LANE_HEIGHT, WIDTH);
    expect(cut).toBe(false);
    expect(lines.filter((l) => l.size === 14)).toHaveLength(nameLines);
    expect(lines.filter((l) => l.size === 13)).toHaveLength(teamLines);
    expect(body(lines, 14)).toBe(owner);
    expect(body(lines, 13)).toBe(team);
    expect(lines[lines.length - 1]!.text).toBe("FRONTSTAGE");
    for (const line of lines) expect(textWidth(line.text, line.size, line.bold)).toBeLessThanOrEqual(WIDTH);
    expect(lines.reduce((h, l) => h + l.step, 0)).toBeLessThanOrEqual(LANE_HEIGHT - 16);
  });

  it("cuts a name too long for the lane with an ellipsis, and says so", () => {
    const team = "The team that handles every kind of change of circumstance reported by phone, by post, online and in person at any of the offices";
    const { lines, cut } = laneHeaderText("Department for Work and Pensions", team, "Backstage", LANE_HEIGHT, WIDTH);
    expect(cut).toBe(true);
    expect(lines.filter((l) => l.size === 14).length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.size === 13).at(-1)!.text.endsWith("…")).toBe(true);
    expect(lines.reduce((h, l) => h + l.step, 0)).toBeLessThanOrEqual(LANE_HEIGHT - 16);
  });
});

describe("lane names in the exported drawing", () => {
  const long =
    "The team that handles every kind of change of circumstance reported by phone, by post, online and in person at any of the offices in the north of England, and the appeals that follow";
  const journey = buildJourney({
    actors: [
      { id: "citizen", type: "citizen", name: "Joanne (widow and executor)", shortName: "Joanne (widow and executor)" },
      { id: "dwp", name: "Department for Work and Pensions", shortName: "DWP" },
    ],
    lanes: [
      { id: "C", layer: "citizen", actorId: "citizen", team: "" },
      { id: "F", layer: "frontstage", actorId: "dwp", team: "Tell Us Once hub and benefits" },
      { id: "B", layer: "backstage", actorId: "dwp", team: long },
    ],
    stages: ["S1"],
  });
  const doc = parseSvg(exportSvg(journey));
  const lanes = [...doc.querySelectorAll('g[data-kind="lanes"] > g')].map((g) =>
    [...g.querySelectorAll("text")].map((t) => t.textContent).join(" "),
  );
  const legend = doc.querySelector('g[data-kind="legend"]')!.textContent!.replace(/\s+/g, " ");

  it("shows each name whole in its lane's header where it fits", () => {
    expect(lanes[0]).toContain("Joanne (widow and executor)");
    expect(lanes[1]).toContain("Tell Us Once hub and benefits");
    expect(lanes.join(" ")).not.toMatch(/Joanne \(widow and exe…|hub and ben…/);
  });

  it("gives a name too long for its lane in full in the legend", () => {
    expect(lanes[2]).not.toContain(long);
    expect(legend).toContain(`Lane: DWP · ${long}`);
    expect(legend).not.toContain("Lane: DWP · Tell Us Once");
  });
});
