/**
 * Learns the duplicate model's weights from the DEVELOPMENT journeys (never the holdout):
 * a logistic regression over the evidence of every pair, then the suggestion and cluster
 * suggestion and cluster cut-offs that give the best pooled pair F1 when each journey is judged
 * by a fit learned without it (the honest estimate, printed too). `--write` writes src/domain/analysis/duplicate-weights.ts.
 * Usage: npx tsx scripts/train-duplicates.ts [--write]
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { trainDuplicateWeights } from "../tests/fixtures/analysis/train";
import { INDEPENDENT_DEVELOPMENT, TEAM_DEVELOPMENT } from "../tests/fixtures/analysis/sets";
import { PAIR_FEATURES } from "../src/domain/analysis/similarity";

const journeys = [...TEAM_DEVELOPMENT, ...INDEPENDENT_DEVELOPMENT];
const { weights, dev, heldOut } = trainDuplicateWeights(journeys);
const f = (x: number) => x.toFixed(3);
console.log(`bias ${f(weights.bias)}`);
PAIR_FEATURES.forEach((name, k) => console.log(`${name.padEnd(18)} ${f(weights.features[k]!)}`));
console.log(`threshold ${weights.threshold}  link ${weights.link}`);
console.log(`development (fitted): P ${f(dev.precision)} R ${f(dev.recall)} F1 ${f(dev.f1)}`);
console.log(
  `each journey left out of the fit: P ${f(heldOut.precision)} R ${f(heldOut.recall)} F1 ${f(heldOut.f1)}`,
);
if (process.argv.includes("--write")) {
  writeFileSync(
    "src/domain/analysis/duplicate-weights.ts",
    `/**
 * The learned weights of the duplicate model (see DuplicateWeights in similarity.ts), one for
 * each of PAIR_FEATURES in order. Written by \`npx tsx scripts/train-duplicates.ts --write\` from
 * the development journeys; do not edit by hand (a test checks that training gives these again).
 */
import type { DuplicateWeights } from "./similarity";

export const DUPLICATE_WEIGHTS: DuplicateWeights = ${JSON.stringify(weights, null, 2).replace(/"(\w+)":/g, "$1:")};
`,
  );
  execFileSync("npx", ["prettier", "--write", "src/domain/analysis/duplicate-weights.ts"]);
  console.log("wrote src/domain/analysis/duplicate-weights.ts");
}
