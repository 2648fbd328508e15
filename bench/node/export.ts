/**
 * SVG export in Node: `exportSvg` of generated journeys, time and size.
 * Usage: tsx bench/node/export.ts <out.json>
 */
import { writeFileSync } from "node:fs";
import { exportSvg } from "../../src/export/svg";
import { benchJourney } from "../lib/journeys";
import { runsFor, stat, type Stat } from "../lib/stats";

const SIZES = [1000, 5000];

export interface ExportSize {
  steps: number;
  ms: Stat;
  firstRunMs: number;
  bytes: number;
}

function main() {
  const out = process.argv[2];
  if (!out) throw new Error("usage: export.ts <out.json>");
  const sizes: ExportSize[] = [];
  for (const steps of SIZES) {
    const journey = benchJourney(steps);
    let t0 = performance.now();
    let svg = exportSvg(journey);
    const firstRunMs = performance.now() - t0;
    const ms: number[] = [];
    for (let k = 0; k < runsFor(steps); k++) {
      t0 = performance.now();
      svg = exportSvg(journey);
      ms.push(performance.now() - t0);
    }
    sizes.push({ steps, ms: stat(ms), firstRunMs, bytes: Buffer.byteLength(svg, "utf8") });
    console.error(`export ${steps}: ${sizes[sizes.length - 1]!.ms.median.toFixed(1)} ms`);
  }
  writeFileSync(out, JSON.stringify({ sizes }, null, 2));
}

main();
