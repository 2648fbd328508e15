/**
 * Colours for organisations: contrast (WCAG 2 relative luminance) and colour difference
 * (CIEDE2000 in CIELAB, D65), and a generator that gives a new organisation the colour
 * furthest from every colour already in use that still keeps dark text readable on it.
 */

/** An sRGB colour as #rrggbb. */
export type Hex = string;

const HEX = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

function channels(hex: Hex): [number, number, number] {
  const m = HEX.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255];
}

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const fromLinear = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: Hex): number {
  const [r, g, b] = channels(hex).map(toLinear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours, 1 to 21. */
export function contrast(a: Hex, b: Hex): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export type Lab = readonly [number, number, number];

// D65 reference white.
const WHITE = [0.95047, 1, 1.08883] as const;
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (t * 24389) / 27 / 116 + 16 / 116);
const fInverse = (t: number) => (t ** 3 > 216 / 24389 ? t ** 3 : ((116 * t - 16) * 27) / 24389);

/** CIELAB (D65) of an sRGB colour. */
export function toLab(hex: Hex): Lab {
  const [r, g, b] = channels(hex).map(toLinear) as [number, number, number];
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / WHITE[0];
  const y = (0.2126729 * r + 0.7151522 * g + 0.072175 * b) / WHITE[1];
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / WHITE[2];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** The sRGB colour of a CIELAB one, or null when it lies outside sRGB. */
export function fromLab([l, a, b]: Lab): Hex | null {
  const fy = (l + 16) / 116;
  const x = fInverse(fy + a / 500) * WHITE[0];
  const y = fInverse(fy) * WHITE[1];
  const z = fInverse(fy - b / 200) * WHITE[2];
  const rgb = [
    3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
    -0.969266 * x + 1.8760108 * y + 0.041556 * z,
    0.0556434 * x - 0.2040259 * y + 1.0572252 * z,
  ];
  if (rgb.some((c) => c < -1e-4 || c > 1 + 1e-4)) return null;
  return `#${rgb
    .map((c) => Math.round(Math.min(1, Math.max(0, fromLinear(Math.min(1, Math.max(0, c))))) * 255).toString(16).padStart(2, "0"))
    .join("")}`;
}

const deg = Math.PI / 180;

/** CIEDE2000 colour difference (Sharma, Wu and Dalal 2005): about 1 is just noticeable side
 * by side; colours meant to be told apart at a glance want 20 or more. */
export function deltaE2000(one: Lab, two: Lab): number {
  const [l1, a1, b1] = one;
  const [l2, a2, b2] = two;
  const c1 = Math.hypot(a1, b1);
  const c2 = Math.hypot(a2, b2);
  const cMean7 = ((c1 + c2) / 2) ** 7;
  const g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + 25 ** 7)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1p = Math.hypot(a1p, b1);
  const c2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => {
    if (a === 0 && b === 0) return 0;
    const h = Math.atan2(b, a) / deg;
    return h < 0 ? h + 360 : h;
  };
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  const dLp = l2 - l1;
  const dCp = c2p - c1p;
  let dhp = 0;
  if (c1p * c2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin((dhp / 2) * deg);
  const lMean = (l1 + l2) / 2;
  const cMeanP = (c1p + c2p) / 2;
  let hMean = h1p + h2p;
  if (c1p * c2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hMean = (h1p + h2p) / 2;
    else hMean = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos((hMean - 30) * deg) +
    0.24 * Math.cos(2 * hMean * deg) +
    0.32 * Math.cos((3 * hMean + 6) * deg) -
    0.2 * Math.cos((4 * hMean - 63) * deg);
  const dTheta = 30 * Math.exp(-(((hMean - 275) / 25) ** 2));
  const cMeanP7 = cMeanP ** 7;
  const rc = 2 * Math.sqrt(cMeanP7 / (cMeanP7 + 25 ** 7));
  const sl = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
  const sc = 1 + 0.045 * cMeanP;
  const sh = 1 + 0.015 * cMeanP * t;
  const rt = -Math.sin(2 * dTheta * deg) * rc;
  return Math.sqrt((dLp / sl) ** 2 + (dCp / sc) ** 2 + (dHp / sh) ** 2 + rt * (dCp / sc) * (dHp / sh));
}

/** The difference between two sRGB colours, CIEDE2000. */
export function colourDifference(a: Hex, b: Hex): number {
  return deltaE2000(toLab(a), toLab(b));
}

/** The text drawn on cards and headers (the canvas's and the export's ink). */
export const CARD_INK: Hex = "#0b0c0c";

/** What an organisation's colour must meet: dark card text stays readable on it (WCAG AA for
 * text, 4.5:1) and it still shows as a strip on a white card (2:1). */
export function readableOrganisationColour(colour: Hex): boolean {
  return contrast(colour, CARD_INK) >= 4.5 && contrast(colour, "#ffffff") >= 2;
}

let candidates: { hex: Hex; lab: Lab }[] | null = null;

/** Colours to choose from: an even spread of CIE LCh hues at a few lightnesses and chromas,
 * those inside sRGB that meet `readableOrganisationColour`. */
function candidateColours(): { hex: Hex; lab: Lab }[] {
  if (candidates) return candidates;
  const out: { hex: Hex; lab: Lab }[] = [];
  for (const l of [54, 60, 66, 72]) {
    for (const c of [32, 44, 56]) {
      for (let h = 0; h < 360; h += 10) {
        const hex = fromLab([l, c * Math.cos(h * deg), c * Math.sin(h * deg)]);
        if (hex && readableOrganisationColour(hex) && !out.some((o) => o.hex === hex)) out.push({ hex, lab: toLab(hex) });
      }
    }
  }
  candidates = out;
  return out;
}

/** A colour for a new organisation: of the candidates, the one whose smallest CIEDE2000
 * difference from every colour already in use (pass the built-in organisations' colours and
 * the journey's own) is largest: a principled "furthest point" choice, the same every time
 * for the same colours. */
export function suggestColour(inUse: Iterable<Hex>): Hex {
  const used = [...new Set([...inUse].filter((c) => HEX.test(c)).map((c) => c.toLowerCase()))].map(toLab);
  let best = candidateColours()[0]!;
  let bestDistance = -1;
  for (const candidate of candidateColours()) {
    let nearest = Infinity;
    for (const lab of used) {
      const d = deltaE2000(candidate.lab, lab);
      if (d < nearest) nearest = d;
      if (nearest <= bestDistance) break;
    }
    if (nearest > bestDistance) {
      bestDistance = nearest;
      best = candidate;
    }
  }
  return best.hex;
}
