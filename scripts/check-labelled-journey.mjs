#!/usr/bin/env node
// Checks hand-labelled evaluation journeys (tests/fixtures/duplicates/**.json) for structure:
// every lane, stage, step and actor referenced exists, the truth names real steps and
// vocabulary ids, clusters do not overlap and each journey has what the evaluation asks for.
// Usage: node scripts/check-labelled-journey.mjs FILE...
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL("../tests/fixtures/duplicates/VOCABULARY.txt", import.meta.url));
const vocabulary = new Set(
  readFileSync(here, "utf8")
    .split("\n")
    .map((l) => l.split(" — ")[0]?.trim())
    .filter(Boolean),
);
const CHANNELS = new Set(["online", "phone", "post", "in-person", "email-sms", "app", "automated"]);
const LAYERS = new Set(["evidence", "citizen", "frontstage", "backstage", "support"]);

let failed = 0;
for (const file of process.argv.slice(2)) {
  const problems = [];
  const p = (m) => problems.push(m);
  let doc;
  try {
    doc = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    console.log(`${file}: not JSON: ${e.message}`);
    failed++;
    continue;
  }
  const j = doc.journey ?? {};
  const truth = doc.truth ?? {};
  if (typeof doc.name !== "string") p("name: missing");
  if (typeof doc.style !== "string") p("style: missing");
  const actors = new Set((j.actors ?? []).map((a) => a.id));
  (j.actors ?? []).forEach((a, i) => {
    if (!a.id || !a.name) p(`journey.actors[${i}]: needs id and name`);
    if (a.type && a.type !== "citizen" && a.type !== "organisation")
      p(`journey.actors[${i}].type: ${a.type}`);
  });
  if (!(j.actors ?? []).some((a) => a.type === "citizen")) p("journey.actors: no citizen actor");
  const lanes = new Set();
  (j.lanes ?? []).forEach((l, i) => {
    lanes.add(l.id);
    if (!actors.has(l.actor)) p(`journey.lanes[${i}].actor: no actor "${l.actor}"`);
    if (l.layer && !LAYERS.has(l.layer)) p(`journey.lanes[${i}].layer: "${l.layer}"`);
  });
  const stages = new Set((j.stages ?? []).map((s) => s[0]));
  const steps = new Set();
  (j.steps ?? []).forEach((s, i) => {
    if (steps.has(s.id)) p(`journey.steps[${i}].id: "${s.id}" used twice`);
    steps.add(s.id);
    if (!lanes.has(s.lane)) p(`journey.steps[${i}].lane: no lane "${s.lane}"`);
    if (!stages.has(s.stage)) p(`journey.steps[${i}].stage: no stage "${s.stage}"`);
    if (typeof s.label !== "string" || !s.label.trim()) p(`journey.steps[${i}].label: empty`);
    if (s.channel != null && !CHANNELS.has(s.channel))
      p(`journey.steps[${i}].channel: "${s.channel}"`);
    for (const k of ["data", "evidence"])
      if (s[k] != null && !Array.isArray(s[k])) p(`journey.steps[${i}].${k}: not a list`);
  });
  (j.flows ?? []).forEach((f, i) => {
    if (!steps.has(f[0])) p(`journey.flows[${i}][0]: no step "${f[0]}"`);
    if (!steps.has(f[1])) p(`journey.flows[${i}][1]: no step "${f[1]}"`);
  });
  const n = steps.size;
  if (n < 15 || n > 30) p(`journey.steps: ${n} steps (15–30 wanted)`);
  for (const [id, items] of Object.entries(truth.items ?? {})) {
    if (!steps.has(id)) p(`truth.items.${id}: no such step`);
    for (const it of items)
      if (!vocabulary.has(it))
        p(`truth.items.${id}: "${it}" is not a vocabulary id (put it in truth.otherItems)`);
  }
  for (const [id, items] of Object.entries(truth.otherItems ?? {})) {
    if (!steps.has(id)) p(`truth.otherItems.${id}: no such step`);
    for (const it of items)
      if (!/^other:[a-z0-9-]+$/.test(it))
        p(`truth.otherItems.${id}: "${it}" should look like other:some-item`);
  }
  const seen = new Map();
  (truth.clusters ?? []).forEach((c, i) => {
    if (!Array.isArray(c) || c.length < 2) p(`truth.clusters[${i}]: needs two or more steps`);
    for (const id of c) {
      if (!steps.has(id)) p(`truth.clusters[${i}]: no step "${id}"`);
      if (seen.has(id)) p(`truth.clusters[${i}]: "${id}" is also in cluster ${seen.get(id)}`);
      seen.set(id, i);
    }
  });
  const nc = (truth.clusters ?? []).length;
  if (nc < 2 || nc > 4) p(`truth.clusters: ${nc} clusters (2–4 wanted)`);
  const looks = truth.lookAlikes ?? [];
  if (looks.length < 3) p(`truth.lookAlikes: ${looks.length} (at least 3 wanted)`);
  looks.forEach(([a, b], i) => {
    if (!steps.has(a) || !steps.has(b)) p(`truth.lookAlikes[${i}]: unknown step`);
    if (seen.has(a) && seen.get(a) === seen.get(b))
      p(`truth.lookAlikes[${i}]: both in cluster ${seen.get(a)}`);
  });
  if (problems.length) {
    failed++;
    console.log(`${file}:\n  ${problems.join("\n  ")}`);
  } else console.log(`${file}: ok (${n} steps, ${nc} clusters, ${looks.length} look-alikes)`);
}
process.exit(failed ? 1 : 0);
