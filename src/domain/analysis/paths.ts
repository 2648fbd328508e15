/**
 * The journey as paths from start to end: which steps start it, which cannot be reached, which
 * stop short, and what a path costs the citizen (time, channel switches, contacts), as a range
 * from the cheapest to the dearest path.
 */
import { CHANNELS, type StepId } from "../model";
import { isCitizenStep, isOrgStep, type JourneyIndex } from "./context";

/** Shortest to longest over the journey's start-to-end paths. */
export interface Range {
  min: number;
  max: number;
}

export interface PathMeasures {
  activeMinutes: Range;
  elapsedMinutes: Range;
  channelSwitches: Range;
  contactsStarted: Range;
  inPersonVisits: Range;
}

/** Whether the step at a position begins an in-person visit: an in-person step that no flow
 * from another in-person step leads into (in-person steps joined by a flow are one visit, such
 * as booking in at the counter and then being seen). */
export function startsVisit(ix: JourneyIndex, i: number): boolean {
  if (ix.steps[i]?.channel !== "in-person") return false;
  return !ix.inFlows[i]!.some((k) => {
    const from = ix.flowFrom[k]!;
    return from !== i && ix.steps[from]?.channel === "in-person";
  });
}

/** Positions of the steps that start the journey: no flow comes into them from another step. */
export function startSteps(ix: JourneyIndex): number[] {
  const out: number[] = [];
  ix.steps.forEach((_s, i) => {
    if (!ix.inFlows[i]!.some((k) => ix.flowFrom[k] !== i)) out.push(i);
  });
  return out;
}

/** Which steps (by position) can be reached by following flows from a start step. */
export function reachableSteps(ix: JourneyIndex): Uint8Array {
  const seen = new Uint8Array(ix.steps.length);
  const queue = startSteps(ix);
  for (const s of queue) seen[s] = 1;
  for (let q = 0; q < queue.length; q++) {
    for (const k of ix.outFlows[queue[q]!]!) {
      const t = ix.flowTo[k]!;
      if (!seen[t]) {
        seen[t] = 1;
        queue.push(t);
      }
    }
  }
  return seen;
}

/** Steps no path reaches: not reachable from any step without incoming flows (so the steps of
 * a loop that nothing leads into are unreachable). */
export function unreachableSteps(ix: JourneyIndex, reachable = reachableSteps(ix)): StepId[] {
  return ix.steps.filter((_s, i) => !reachable[i]).map((s) => s.id);
}

/** Steps where a path stops short: a flow leads in, none leads on to another step, the step is
 * not in the journey's last stage that has steps (where paths are expected to end), and it is
 * where the citizen can see it: not a backstage or support step (work out of sight, such as a
 * record being updated, may end quietly). */
export function deadEndSteps(ix: JourneyIndex): StepId[] {
  const stages = ix.journey.stages;
  const used = new Set(ix.steps.map((s) => s.stageId));
  const last = [...stages].reverse().find((st) => used.has(st.id))?.id;
  return ix.steps
    .filter((s, i) => {
      const hasIn = ix.inFlows[i]!.some((k) => ix.flowFrom[k] !== i);
      const hasOut = ix.outFlows[i]!.some((k) => ix.flowTo[k] !== i);
      const hidden = ix.lane[i]?.layer === "backstage" || ix.lane[i]?.layer === "support";
      return hasIn && !hasOut && s.stageId !== last && !hidden;
    })
    .map((s) => s.id);
}

/** Strongly connected components (Tarjan, iterative). Components are numbered in reverse
 * topological order: every flow between components goes to a lower number. */
function components(ix: JourneyIndex): { comp: Int32Array; count: number } {
  const n = ix.steps.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let next = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const calls: [number, number][] = [[root, 0]];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (calls.length > 0) {
      const frame = calls[calls.length - 1]!;
      const v = frame[0];
      const out = ix.outFlows[v]!;
      if (frame[1] < out.length) {
        const w = ix.flowTo[out[frame[1]++]!]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = 1;
          calls.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      calls.pop();
      if (calls.length > 0) {
        const u = calls[calls.length - 1]![0];
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return { comp, count };
}

const NONE = CHANNELS.length; // no channel met yet
const STATES = NONE + 1;

/** Time, channel switches, contacts and in-person visits along the paths from a start step to an end, as ranges.
 * Loops are collapsed: a loop's steps count once, in journey order. A channel switch is a change
 * between consecutive steps that have a channel (automated steps do not count); a contact the
 * citizen starts is a flow from a citizen step to an organisation step. Null when no path
 * exists (no steps, or every step is in a loop nothing leads into). */
export function pathMeasures(
  ix: JourneyIndex,
  reachable = reachableSteps(ix),
): PathMeasures | null {
  const starts = startSteps(ix);
  if (starts.length === 0) return null;
  const { comp, count } = components(ix);
  // Per component: its own minutes, contacts and channels; then its flows to other components.
  const active = new Float64Array(count);
  const elapsed = new Float64Array(count);
  const contacts = new Float64Array(count);
  const visits = new Float64Array(count);
  const first = new Int32Array(count).fill(NONE);
  const last = new Int32Array(count).fill(NONE);
  const switches = new Float64Array(count);
  const edgeTo: number[][] = Array.from({ length: count }, () => []);
  const edgeContact: number[][] = Array.from({ length: count }, () => []);
  ix.steps.forEach((step, i) => {
    if (!reachable[i]) return;
    const c = comp[i]!;
    active[c]! += step.activeMinutes ?? 0;
    elapsed[c]! += (step.activeMinutes ?? 0) + (step.waitingMinutes ?? 0);
    if (startsVisit(ix, i)) visits[c]!++;
    const ch = step.channel && step.channel !== "automated" ? CHANNELS.indexOf(step.channel) : NONE;
    if (ch !== NONE) {
      if (first[c] === NONE) first[c] = ch;
      else if (last[c] !== ch) switches[c]!++;
      last[c] = ch;
    }
    for (const k of ix.outFlows[i]!) {
      const t = ix.flowTo[k]!;
      const contact = isCitizenStep(ix, i) && isOrgStep(ix, t) ? 1 : 0;
      if (comp[t] === c) contacts[c]! += contact;
      else {
        edgeTo[c]!.push(comp[t]!);
        edgeContact[c]!.push(contact);
      }
    }
  });

  // Components are numbered sinks first, so each one's successors are already done.
  const loActive = new Float64Array(count);
  const hiActive = new Float64Array(count);
  const loElapsed = new Float64Array(count);
  const hiElapsed = new Float64Array(count);
  const loContacts = new Float64Array(count);
  const hiContacts = new Float64Array(count);
  const loVisits = new Float64Array(count);
  const hiVisits = new Float64Array(count);
  const swLo = new Float64Array(count * STATES);
  const swHi = new Float64Array(count * STATES);
  for (let c = 0; c < count; c++) {
    const to = edgeTo[c]!;
    const ends = to.length === 0;
    let la = ends ? 0 : Infinity;
    let ha = ends ? 0 : -Infinity;
    let le = la;
    let he = ha;
    let lc = la;
    let hc = ha;
    let lv = la;
    let hv = ha;
    to.forEach((t, e) => {
      const w = edgeContact[c]![e]!;
      la = Math.min(la, loActive[t]!);
      ha = Math.max(ha, hiActive[t]!);
      le = Math.min(le, loElapsed[t]!);
      he = Math.max(he, hiElapsed[t]!);
      lc = Math.min(lc, w + loContacts[t]!);
      hc = Math.max(hc, w + hiContacts[t]!);
      lv = Math.min(lv, loVisits[t]!);
      hv = Math.max(hv, hiVisits[t]!);
    });
    loActive[c] = active[c]! + la;
    hiActive[c] = active[c]! + ha;
    loElapsed[c] = elapsed[c]! + le;
    hiElapsed[c] = elapsed[c]! + he;
    loContacts[c] = contacts[c]! + lc;
    hiContacts[c] = contacts[c]! + hc;
    loVisits[c] = visits[c]! + lv;
    hiVisits[c] = visits[c]! + hv;
    for (let s = 0; s < STATES; s++) {
      const add = first[c] === NONE ? 0 : switches[c]! + (s !== NONE && s !== first[c] ? 1 : 0);
      const out = first[c] === NONE ? s : last[c]!;
      let min = ends ? 0 : Infinity;
      let max = ends ? 0 : -Infinity;
      for (const t of to) {
        min = Math.min(min, swLo[t * STATES + out]!);
        max = Math.max(max, swHi[t * STATES + out]!);
      }
      swLo[c * STATES + s] = add + min;
      swHi[c * STATES + s] = add + max;
    }
  }
  const range = (f: (c: number) => [number, number]): Range => {
    let min = Infinity;
    let max = -Infinity;
    for (const s of starts) {
      const [a, b] = f(comp[s]!);
      min = Math.min(min, a);
      max = Math.max(max, b);
    }
    return { min, max };
  };
  return {
    activeMinutes: range((c) => [loActive[c]!, hiActive[c]!]),
    elapsedMinutes: range((c) => [loElapsed[c]!, hiElapsed[c]!]),
    contactsStarted: range((c) => [loContacts[c]!, hiContacts[c]!]),
    inPersonVisits: range((c) => [loVisits[c]!, hiVisits[c]!]),
    channelSwitches: range((c) => [swLo[c * STATES + NONE]!, swHi[c * STATES + NONE]!]),
  };
}
