import { describe, expect, it } from "vitest";
import {
  CARD_INK,
  colourDifference,
  contrast,
  deltaE2000,
  fromLab,
  readableOrganisationColour,
  suggestColour,
  toLab,
  type Lab,
} from "../../src/domain/colour";
import { BUILT_IN_COLOURS, CITIZEN_COLOUR, UK_ORGANISATIONS, organisationTemplate } from "../../src/domain/organisations";

describe("deltaE2000", () => {
  // Test data from Sharma, Wu and Dalal, "The CIEDE2000 color-difference formula:
  // implementation notes, supplementary test data, and mathematical observations" (2005),
  // Table 1: pairs chosen to exercise the hue, chroma and rotation terms.
  it.each<[Lab, Lab, number]>([
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, 2.8361, -74.02], [50, 0, -82.7485], 3.4412],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [61, -5, 29], 22.8977],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[50, 2.5, 0], [58, 24, 15], 19.4535],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
  ])("%j and %j differ by %f", (a, b, expected) => {
    expect(deltaE2000(a, b)).toBeCloseTo(expected, 3);
    expect(deltaE2000(b, a)).toBeCloseTo(expected, 3);
  });

  it("is zero for a colour and itself", () => {
    expect(colourDifference("#4c9f70", "#4c9f70")).toBe(0);
  });
});

describe("sRGB, CIELAB and contrast", () => {
  it.each<[string, Lab]>([
    ["#ffffff", [100, 0, 0]],
    ["#000000", [0, 0, 0]],
    ["#ff0000", [53.24, 80.09, 67.2]],
    ["#0000ff", [32.3, 79.19, -107.86]],
  ])("%s in CIELAB", (hex, lab) => {
    const [l, a, b] = toLab(hex);
    expect(l).toBeCloseTo(lab[0], 1);
    expect(a).toBeCloseTo(lab[1], 1);
    expect(b).toBeCloseTo(lab[2], 1);
  });

  it.each(["#4c9f70", "#e2473f", "#0b0c0c", "#f2c94c"])("%s goes to CIELAB and back", (hex) => {
    expect(fromLab(toLab(hex))).toBe(hex);
  });

  it("says when a CIELAB colour lies outside sRGB", () => {
    expect(fromLab([50, 120, -120])).toBeNull();
  });

  it.each([
    ["#000000", "#ffffff", 21],
    ["#767676", "#ffffff", 4.54],
    ["#ffffff", "#ffffff", 1],
  ])("contrast of %s and %s is %f", (a, b, ratio) => {
    expect(contrast(a, b)).toBeCloseTo(ratio, 2);
  });
});

describe("the library's colours", () => {
  const colours = [...UK_ORGANISATIONS.map((o) => [o.key, o.colour] as const), ["citizen", CITIZEN_COLOUR] as const];

  it("keep dark card text readable on them, and show on a white card (the citizen's yellow marks its own tinted cards)", () => {
    for (const [, colour] of colours) expect(contrast(colour, CARD_INK)).toBeGreaterThanOrEqual(4.5);
    for (const o of UK_ORGANISATIONS) expect(readableOrganisationColour(o.colour)).toBe(true);
  });

  it("are told apart at a glance: CIEDE2000 of 11 or more between any two", () => {
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        const [a, ca] = colours[i]!;
        const [b, cb] = colours[j]!;
        expect(colourDifference(ca, cb), `${a} and ${b}`).toBeGreaterThanOrEqual(11);
      }
    }
  });

  // Once near twins (5.8, 8.9 and 6.2).
  it.each([
    ["bank", "hmcts", 20],
    ["council", "register-office", 20],
    ["nhs", "gov-uk", 15],
  ])("%s and %s are now at least %i apart", (a, b, least) => {
    expect(colourDifference(organisationTemplate(a)!.colour, organisationTemplate(b)!.colour)).toBeGreaterThanOrEqual(least);
  });
});

describe("suggestColour", () => {
  it("gives a readable colour unlike every library colour", () => {
    const colour = suggestColour(BUILT_IN_COLOURS);
    expect(readableOrganisationColour(colour)).toBe(true);
    for (const other of BUILT_IN_COLOURS) expect(colourDifference(colour, other)).toBeGreaterThanOrEqual(14);
  });

  it("gives each of six new organisations in turn a colour unlike all before it", () => {
    const used = [...BUILT_IN_COLOURS];
    const suggested: string[] = [];
    for (let k = 0; k < 6; k++) {
      const colour = suggestColour(used);
      expect(readableOrganisationColour(colour)).toBe(true);
      for (const other of used) expect(colourDifference(colour, other)).toBeGreaterThanOrEqual(12);
      used.push(colour);
      suggested.push(colour);
    }
    expect(new Set(suggested).size).toBe(6);
  });

  it("is the same for the same colours, whatever their order or case, and ignores what is not a colour", () => {
    const a = suggestColour(["#4C9F70", "#e2473f", "not a colour"]);
    expect(suggestColour(["#e2473f", "#4c9f70"])).toBe(a);
  });
});
