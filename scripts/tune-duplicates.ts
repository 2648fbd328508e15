/**
 * For improving the duplicate search: runs the analysis over the DEVELOPMENT journeys only and
 * prints each wrong pair with its steps' labels. Holdout journeys are never read here.
 * Usage: npx tsx scripts/tune-duplicates.ts [--quiet]
 */
import {
  evaluate,
  f1,
  precision,
  recall,
  total,
  type Result,
} from "../tests/fixtures/analysis/evaluate";
import { INDEPENDENT_DEVELOPMENT, TEAM_DEVELOPMENT } from "../tests/fixtures/analysis/sets";

const quiet = process.argv.includes("--quiet");
const fmt = (x: number) => x.toFixed(2);
function line(name: string, rs: Result[]) {
  const d = total(rs, "duplicates");
  const it = total(rs, "items");
  const rp = total(rs, "repeated");
  console.log(
    `${name.padEnd(14)} dup P ${fmt(precision(d))} R ${fmt(recall(d))} F1 ${fmt(f1(d))} (${d.tp}/${d.fp}/${d.fn})` +
      `  items P ${fmt(precision(it))} R ${fmt(recall(it))}  repeated P ${fmt(precision(rp))} R ${fmt(recall(rp))}`,
  );
}
const all = [...TEAM_DEVELOPMENT, ...INDEPENDENT_DEVELOPMENT];
const results = all.map((j) => ({ j, r: evaluate(j) }));
if (!quiet) {
  for (const { j, r } of results) {
    const label = (id: string) => {
      const s = j.journey.steps.find((x) => x.id === id)!;
      const lane = j.journey.lanes.find((l) => l.id === s.laneId)!;
      const actor = j.journey.actors.find((a) => a.id === lane.actorId)!;
      return `${id}[${actor.shortName}] ${s.label}`;
    };
    const pair = (p: string) => p.split("|").map(label).join("  <>  ");
    console.log(`\n## ${r.name}: dup ${r.duplicates.tp}/${r.duplicates.fp}/${r.duplicates.fn}`);
    for (const p of r.falsePairs) console.log(`  FP ${pair(p)}`);
    for (const p of r.missedPairs) console.log(`  FN ${pair(p)}`);
  }
  console.log("");
}
line(
  "team dev",
  results.filter(({ j }) => TEAM_DEVELOPMENT.includes(j)).map((x) => x.r),
);
line(
  "independent",
  results.filter(({ j }) => INDEPENDENT_DEVELOPMENT.includes(j)).map((x) => x.r),
);
line(
  "all dev",
  results.map((x) => x.r),
);
