import { describe, expect, it } from "vitest";
import type { Actor, Journey, Step, StepId } from "../../src/domain/model";
import { CHANNELS, EMOTIONS, EVIDENCE_STATUSES, LAYERS } from "../../src/domain/model";
import { SAMPLE_JOURNEYS, sampleJourney } from "../../src/domain/samples";
import type { KnownHandoff, KnownHandoffKind } from "../../src/domain/samples/bereavement.answer";
import {
  BEREAVEMENT_HANDOFFS,
  BEREAVEMENT_ITEM_WORDINGS,
  BEREAVEMENT_REPEATED_ITEMS,
  BEREAVEMENT_SAMPLE_KEY,
} from "../../src/domain/samples/bereavement.answer";

const ID = /^[A-Za-z0-9_.:-]{1,80}$/;

/** Lookups over one journey, for the checks below. */
function indexJourney(journey: Journey) {
  const steps = new Map(journey.steps.map((s) => [s.id, s]));
  const lanes = new Map(journey.lanes.map((l) => [l.id, l]));
  const actors = new Map(journey.actors.map((a) => [a.id, a]));
  const next = new Map<StepId, StepId[]>();
  const incoming = new Map<StepId, number>();
  for (const f of journey.flows) {
    next.set(f.from, [...(next.get(f.from) ?? []), f.to]);
    incoming.set(f.to, (incoming.get(f.to) ?? 0) + 1);
  }
  const stepOf = (id: StepId): Step => {
    const step = steps.get(id);
    if (!step) throw new Error(`no step ${id}`);
    return step;
  };
  const ownerOf = (id: StepId): Actor => {
    const lane = lanes.get(stepOf(id).laneId);
    const actor = lane && actors.get(lane.actorId);
    if (!actor) throw new Error(`no owner for step ${id}`);
    return actor;
  };
  const isCitizen = (id: StepId) => ownerOf(id).type === "citizen";
  return { steps, lanes, actors, next, incoming, stepOf, ownerOf, isCitizen };
}

type Index = ReturnType<typeof indexJourney>;

/** The organisation steps first reached from `from` along flows through citizen steps only,
 * each with whether a single flow reaches it. Independent of the analysis engine, so the
 * hand-worked answer can be checked against the definition. */
function reachedThroughCitizens(ix: Index, from: StepId): Map<StepId, { direct: boolean }> {
  const reached = new Map<StepId, { direct: boolean }>();
  const seen = new Set<StepId>();
  const visit = (id: StepId, direct: boolean) => {
    if (ix.isCitizen(id)) {
      if (seen.has(id)) return;
      seen.add(id);
      for (const to of ix.next.get(id) ?? []) visit(to, false);
      return;
    }
    const prior = reached.get(id);
    reached.set(id, { direct: direct || (prior?.direct ?? false) });
  };
  for (const to of ix.next.get(from) ?? []) visit(to, true);
  return reached;
}

/** Every handoff in a journey by the DESIGN.md §3 definition, plus pairs reached both by a
 * straight flow and through citizen steps (which make "direct or citizen-carried" unclear). */
function handoffsByDefinition(journey: Journey) {
  const ix = indexJourney(journey);
  const handoffs: KnownHandoff[] = [];
  const mixed: string[] = [];
  for (const step of journey.steps) {
    if (ix.isCitizen(step.id)) continue;
    const owner = ix.ownerOf(step.id);
    for (const [to, { direct }] of reachedThroughCitizens(ix, step.id)) {
      const toStep = ix.stepOf(to);
      let kind: KnownHandoffKind | null = null;
      if (ix.ownerOf(to).id !== owner.id) kind = direct ? "direct" : "citizen-carried";
      else if (toStep.laneId !== step.laneId) kind = "internal";
      if (kind === null) continue;
      handoffs.push({ from: step.id, to, kind });
      const alsoThroughCitizens = (ix.next.get(step.id) ?? []).some(
        (mid) => ix.isCitizen(mid) && reachedThroughCitizens(ix, mid).has(to),
      );
      if (direct && alsoThroughCitizens) mixed.push(`${step.id} -> ${to}`);
    }
  }
  return { handoffs, mixed };
}

const key = (h: KnownHandoff) => `${h.from} -> ${h.to} : ${h.kind}`;

/** A few synonyms, enough to find repeated requests in the samples (not the vocabulary). */
const TEST_SYNONYMS: Record<string, string> = {
  "ni number": "national insurance number",
  nino: "national insurance number",
  dob: "date of birth",
  "new address": "address",
  "home address": "address",
  "usual address": "address",
  "last address": "address",
  "sort code and account number": "bank details",
  "digital photo": "photo",
  "passport-style photo": "photo",
  name: "full name",
};
const roughItem = (wording: string) => {
  const w = wording.trim().toLowerCase();
  return TEST_SYNONYMS[w] ?? w;
};

/** Every object and array reachable from a value. */
function objectsIn(value: unknown, into = new Set<object>()): Set<object> {
  if (value !== null && typeof value === "object" && !into.has(value)) {
    into.add(value);
    for (const child of Object.values(value)) objectsIn(child, into);
  }
  return into;
}

describe("SAMPLE_JOURNEYS", () => {
  it("holds the four required samples with unique keys and journey ids", () => {
    const keys = SAMPLE_JOURNEYS.map((s) => s.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "bereavement",
        "universal-credit",
        "post-office-renewal",
        "moving-house",
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    const ids = SAMPLE_JOURNEYS.map((s) => s.build().id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sampleJourney("moving-house")?.key).toBe("moving-house");
    expect(sampleJourney("nope")).toBeUndefined();
  });
});

describe.each(SAMPLE_JOURNEYS.map((s) => [s.key, s] as const))("sample %s", (_key, sample) => {
  const journey = sample.build();
  const ix = indexJourney(journey);

  it("describes itself", () => {
    expect(sample.title).toBe(journey.title);
    expect(sample.summary.length).toBeGreaterThan(20);
    for (const text of [journey.title, journey.scenario, journey.description, journey.ownerTeam]) {
      expect(text.trim().length).toBeGreaterThan(0);
    }
    for (const t of [journey.createdAt, journey.updatedAt]) {
      expect(new Date(t).toISOString()).toBe(t);
    }
    expect(journey.updatedAt >= journey.createdAt).toBe(true);
  });

  it("uses readable ids, unique across the journey", () => {
    const ids = [
      journey.id,
      ...journey.actors.map((a) => a.id),
      ...journey.lanes.map((l) => l.id),
      ...journey.stages.map((s) => s.id),
      ...journey.steps.map((s) => s.id),
      ...journey.flows.map((f) => f.id),
      ...journey.annotations.map((a) => a.id),
      ...journey.customDataItems.map((d) => d.id),
    ];
    for (const id of ids) expect(id).toMatch(ID);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it("has referential integrity", () => {
    const stageIds = new Set(journey.stages.map((s) => s.id));
    for (const lane of journey.lanes) expect(ix.actors.has(lane.actorId), lane.id).toBe(true);
    for (const step of journey.steps) {
      expect(ix.lanes.has(step.laneId), `${step.id} lane`).toBe(true);
      expect(stageIds.has(step.stageId), `${step.id} stage`).toBe(true);
    }
    for (const flow of journey.flows) {
      expect(ix.steps.has(flow.from), `${flow.id} from`).toBe(true);
      expect(ix.steps.has(flow.to), `${flow.id} to`).toBe(true);
      expect(flow.from).not.toBe(flow.to);
    }
    const pairs = journey.flows.map((f) => `${f.from} -> ${f.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const note of journey.annotations) {
      if (note.stepId !== null) expect(ix.steps.has(note.stepId), note.id).toBe(true);
    }
    for (const actor of journey.actors) {
      expect(
        journey.lanes.some((l) => l.actorId === actor.id),
        `${actor.id} has a lane`,
      ).toBe(true);
      expect(actor.colour).toMatch(/^#[0-9a-f]{6}$/i);
      expect(actor.orgKind === null).toBe(actor.type === "citizen");
    }
  });

  it("is a blueprint of the required size and shape", () => {
    const organisations = journey.actors.filter((a) => a.type === "organisation");
    expect(organisations.length).toBeGreaterThanOrEqual(3);
    expect(journey.actors.filter((a) => a.type === "citizen").length).toBeGreaterThanOrEqual(1);
    expect(new Set(journey.lanes.map((l) => l.layer)).size).toBeGreaterThanOrEqual(3);
    const twoLayered = organisations.filter((org) => {
      const layers = journey.lanes.filter((l) => l.actorId === org.id).map((l) => l.layer);
      return layers.includes("frontstage") && layers.includes("backstage");
    });
    expect(twoLayered.length).toBeGreaterThanOrEqual(1);
    expect(journey.stages.length).toBeGreaterThanOrEqual(4);
    expect(journey.stages.length).toBeLessThanOrEqual(7);
    expect(journey.steps.length).toBeGreaterThanOrEqual(15);
    expect(journey.steps.length).toBeLessThanOrEqual(40);
    for (const stage of journey.stages) {
      expect(
        journey.steps.some((s) => s.stageId === stage.id),
        `${stage.id} has steps`,
      ).toBe(true);
    }
    for (const lane of journey.lanes) {
      expect(
        journey.steps.some((s) => s.laneId === lane.id),
        `${lane.id} has steps`,
      ).toBe(true);
    }
    expect(LAYERS).toEqual(expect.arrayContaining(journey.lanes.map((l) => l.layer)));
  });

  it("fills in steps with valid, realistic values", () => {
    for (const step of journey.steps) {
      expect(step.label.trim().length, step.id).toBeGreaterThan(0);
      expect(step.description.trim().length, step.id).toBeGreaterThan(0);
      if (step.channel !== null) expect(CHANNELS).toContain(step.channel);
      if (step.emotion !== null) expect(EMOTIONS).toContain(step.emotion);
      expect(EVIDENCE_STATUSES).toContain(step.evidenceStatus);
      for (const m of [step.activeMinutes, step.waitingMinutes]) {
        if (m !== null) expect(Number.isInteger(m) && m >= 0, step.id).toBe(true);
      }
      for (const text of [...step.dataItems, ...step.evidence, ...step.painPoints]) {
        expect(text.trim().length, step.id).toBeGreaterThan(0);
      }
    }
    const observed = journey.steps.filter((s) => s.evidenceStatus === "observed").length;
    expect(observed * 2).toBeGreaterThan(journey.steps.length);
    expect(journey.steps.some((s) => s.evidenceStatus === "assumed")).toBe(true);
    expect(journey.steps.filter((s) => s.channel !== null).length).toBeGreaterThan(
      journey.steps.length * 0.8,
    );
    expect(journey.steps.some((s) => s.failPoint)).toBe(true);
    expect(journey.steps.some((s) => s.waitPoint)).toBe(true);
    expect(journey.steps.some((s) => s.painPoints.length > 0)).toBe(true);
    expect(journey.steps.some((s) => s.notes.includes("https://"))).toBe(true);
    expect(journey.steps.filter((s) => s.waitingMinutes !== null).length).toBeGreaterThan(0);
    expect(journey.steps.filter((s) => s.activeMinutes !== null).length).toBeGreaterThan(5);
  });

  it("numbers the steps of each lane × stage cell 0, 1, 2…", () => {
    const cells = new Map<string, number[]>();
    for (const s of journey.steps) {
      const cell = `${s.laneId} × ${s.stageId}`;
      cells.set(cell, [...(cells.get(cell) ?? []), s.order]);
    }
    for (const [cell, orders] of cells) {
      expect(
        [...orders].sort((a, b) => a - b),
        cell,
      ).toEqual(orders.map((_, i) => i));
    }
  });

  it("reaches every step along flows from a starting step", () => {
    const starts = journey.steps.filter((s) => !ix.incoming.has(s.id)).map((s) => s.id);
    expect(starts.length).toBeGreaterThanOrEqual(1);
    expect(starts.length).toBeLessThanOrEqual(2);
    const reached = new Set<StepId>();
    const queue = [...starts];
    while (queue.length > 0) {
      const id = queue.shift() as StepId;
      if (reached.has(id)) continue;
      reached.add(id);
      queue.push(...(ix.next.get(id) ?? []));
    }
    expect(journey.steps.filter((s) => !reached.has(s.id)).map((s) => s.id)).toEqual([]);
    for (const s of journey.steps) {
      const connected = ix.incoming.has(s.id) || ix.next.has(s.id);
      expect(connected, `${s.id} has a flow`).toBe(true);
    }
  });

  it("branches, and shares data only between organisations", () => {
    expect([...ix.next.values()].some((targets) => targets.length > 1)).toBe(true);
    const shares = journey.flows.filter((f) => f.dataShare);
    expect(shares.length).toBeGreaterThan(0);
    for (const f of shares) {
      const [a, b] = [ix.ownerOf(f.from), ix.ownerOf(f.to)];
      expect(a.type === "organisation" && b.type === "organisation", f.id).toBe(true);
      expect(a.id, f.id).not.toBe(b.id);
    }
  });

  it("contains handoffs of every kind", () => {
    const { handoffs } = handoffsByDefinition(journey);
    for (const kind of ["direct", "citizen-carried", "internal"] as const) {
      expect(
        handoffs.some((h) => h.kind === kind),
        kind,
      ).toBe(true);
    }
  });

  it("asks for the same information at more than one organisation", () => {
    const orgsByItem = new Map<string, Set<string>>();
    for (const step of journey.steps) {
      const owner = ix.ownerOf(step.id);
      if (owner.type !== "organisation") continue;
      for (const item of new Set(step.dataItems.map(roughItem))) {
        orgsByItem.set(item, (orgsByItem.get(item) ?? new Set()).add(owner.id));
      }
    }
    const shared = [...orgsByItem].filter(([, orgs]) => orgs.size > 1);
    expect(shared.length).toBeGreaterThanOrEqual(1);
  });

  it("builds a fresh, plain journey each time", () => {
    const a = sample.build();
    const b = sample.build();
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    const inA = objectsIn(a);
    const shared = [...objectsIn(b)].filter((o) => inA.has(o));
    expect(shared).toEqual([]);
    a.steps[0]?.dataItems.push("changed");
    a.title = "changed";
    expect(sample.build()).toEqual(b);
  });
});

describe("bereavement known answer", () => {
  const sample = SAMPLE_JOURNEYS.find((s) => s.key === BEREAVEMENT_SAMPLE_KEY);
  if (!sample) throw new Error("no bereavement sample");
  const journey = sample.build();
  const ix = indexJourney(journey);

  it("stays small enough to work out by hand", () => {
    expect(journey.steps.length).toBeGreaterThanOrEqual(20);
    expect(journey.steps.length).toBeLessThanOrEqual(30);
  });

  it("refers only to steps that exist", () => {
    const referenced = [
      ...BEREAVEMENT_HANDOFFS.flatMap((h) => [h.from, h.to]),
      ...BEREAVEMENT_REPEATED_ITEMS.flatMap((r) => r.stepIds),
    ];
    expect(referenced.filter((id) => !ix.steps.has(id))).toEqual([]);
  });

  it("lists each handoff once, consistent with the lanes' owners and the flows", () => {
    expect(new Set(BEREAVEMENT_HANDOFFS.map((h) => `${h.from} -> ${h.to}`)).size).toBe(
      BEREAVEMENT_HANDOFFS.length,
    );
    for (const h of BEREAVEMENT_HANDOFFS) {
      const label = key(h);
      const [from, to] = [ix.ownerOf(h.from), ix.ownerOf(h.to)];
      expect(from.type, label).toBe("organisation");
      expect(to.type, label).toBe("organisation");
      const straight = journey.flows.some((f) => f.from === h.from && f.to === h.to);
      const reached = reachedThroughCitizens(ix, h.from);
      expect(reached.has(h.to), `${label}: reached through citizen steps only`).toBe(true);
      if (h.kind === "internal") {
        expect(from.id, label).toBe(to.id);
        expect(ix.stepOf(h.from).laneId, label).not.toBe(ix.stepOf(h.to).laneId);
      } else {
        expect(from.id, label).not.toBe(to.id);
        expect(straight, label).toBe(h.kind === "direct");
      }
      if (h.kind === "citizen-carried") {
        // Some path from → c1 → … → to with at least one step between, all citizen steps.
        const between = (ix.next.get(h.from) ?? []).filter(
          (mid) => ix.isCitizen(mid) && reachedThroughCitizens(ix, mid).has(h.to),
        );
        expect(between.length, label).toBeGreaterThan(0);
      }
    }
  });

  it("is the complete list by the definition, with no unclear pairs", () => {
    const { handoffs, mixed } = handoffsByDefinition(journey);
    expect(mixed).toEqual([]);
    expect(handoffs.map(key).sort()).toEqual(BEREAVEMENT_HANDOFFS.map(key).sort());
    const byKind = (kind: KnownHandoffKind) =>
      BEREAVEMENT_HANDOFFS.filter((h) => h.kind === kind).length;
    expect([byKind("direct"), byKind("citizen-carried"), byKind("internal")]).toEqual([7, 6, 6]);
  });

  const canonical = new Map<string, string>();
  const ambiguous: string[] = [];
  for (const [item, wordings] of Object.entries(BEREAVEMENT_ITEM_WORDINGS)) {
    for (const w of wordings) {
      if (canonical.has(w.toLowerCase())) ambiguous.push(w);
      canonical.set(w.toLowerCase(), item);
    }
  }
  const itemOf = (wording: string) => canonical.get(wording.toLowerCase());

  it("gives each wording exactly one item", () => {
    expect(ambiguous).toEqual([]);
  });

  it("maps every wording in the journey to one item, and lists documents as data items too", () => {
    const unmapped: string[] = [];
    for (const step of journey.steps) {
      const data = new Set(step.dataItems.map((w) => itemOf(w) ?? (unmapped.push(w), w)));
      for (const doc of step.evidence) {
        const item = itemOf(doc);
        if (item === undefined) unmapped.push(doc);
        else expect(data.has(item), `${step.id}: ${doc}`).toBe(true);
      }
    }
    expect(unmapped).toEqual([]);
  });

  it("carries its own grouping for the items a general vocabulary may lack", () => {
    for (const custom of journey.customDataItems) {
      const wordings = BEREAVEMENT_ITEM_WORDINGS[custom.label];
      expect(wordings, custom.label).toBeDefined();
      const known = new Set([custom.label, ...custom.synonyms].map((w) => w.toLowerCase()));
      for (const w of wordings ?? []) expect(known.has(w.toLowerCase()), w).toBe(true);
    }
  });

  it("lists exactly the items asked by more than one step, at the right steps", () => {
    const stepsByItem = new Map<string, StepId[]>();
    for (const step of journey.steps) {
      const items = new Set([...step.dataItems, ...step.evidence].map((w) => itemOf(w) ?? w));
      for (const item of items) stepsByItem.set(item, [...(stepsByItem.get(item) ?? []), step.id]);
    }
    const expected = [...stepsByItem]
      .filter(([, ids]) => ids.length > 1)
      .map(([item, ids]) => ({ item, stepIds: [...ids].sort() }))
      .sort((a, b) => a.item.localeCompare(b.item));
    const answer = BEREAVEMENT_REPEATED_ITEMS.map((r) => ({
      item: r.item,
      stepIds: [...r.stepIds].sort(),
    })).sort((a, b) => a.item.localeCompare(b.item));
    expect(answer).toEqual(expected);
    for (const r of BEREAVEMENT_REPEATED_ITEMS) {
      expect(new Set(r.stepIds).size, r.item).toBe(r.stepIds.length);
      for (const id of r.stepIds) {
        const asked = ix.stepOf(id).dataItems.map(itemOf);
        expect(asked, `${id} asks for ${r.item}`).toContain(r.item);
      }
    }
  });
});
