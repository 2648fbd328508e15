/**
 * fast-check arbitraries for journeys, shared by format, persistence and store tests.
 *
 * - `journeyArb`: valid journeys only. Ids are unique within each list and match the id
 *   pattern, every reference points at an existing record, numbers are finite and bounded,
 *   -0 never appears (JSON cannot keep it), and text holds only characters allowed in XML.
 *   `parseJourneyFile(serializeJourney(j))` must give back exactly `j`.
 * - `hostileStringArb` and `hostileValueArb`: values a hostile or broken file carries.
 * - `mutatedJourneyArb`: a valid journey, deep-copied, with a few fields set to hostile values,
 *   deleted, or records duplicated: input for restore's repair and idempotence properties.
 */
import { fc } from "@fast-check/vitest";
import {
  ANNOTATION_KINDS,
  CHANNELS,
  EVIDENCE_STATUSES,
  LAYERS,
  ORG_KINDS,
  SOURCE_KINDS,
  type Actor,
  type Annotation,
  type Flow,
  type Journey,
  type Lane,
  type Step,
  type StepMetrics,
} from "../../src/domain/model";
import { METRICS } from "../../src/domain/step-metrics";

const MAX_MINUTES = 525_600 * 10;

const noNegativeZero = (value: number): number => (Object.is(value, -0) ? 0 : value);

/** fc.record, but always with Object.prototype: journeys are plain objects. */
const record = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> =>
  fc.record(model, { noNullPrototype: true });

const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

/** A valid id: mostly short and app-like, sometimes any of the 1–80 allowed characters. */
export const idArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[a-z]{1,6}_[a-z0-9]{1,12}$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,80}$/) },
  )
  .filter((id) => id.length <= 80 && !RESERVED.has(id));

/** One character allowed in journey text (XML 1.0 character data), from the whole range. */
const textCharArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        0x09,
        0x0a,
        0x0d,
        0x7f,
        0x85,
        0xa0,
        0x200b,
        0x202e,
        0xfeff,
        0xfffd,
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 0xa0, max: 0xd7ff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xfffd }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }) },
  )
  .map((codePoint) => String.fromCodePoint(codePoint));

/** Markup, script, formula and prototype words: valid text that must stay text. */
export const MARKUP_STRINGS = [
  "</text><script>alert(1)</script>",
  '"><svg onload=alert(1)>',
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  '=HYPERLINK("http://x")',
  "__proto__",
  "constructor",
  "&amp; &lt; ]]> <!-- -->",
] as const;

const textArb = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: textCharArb, maxLength }) },
    { weight: 1, arbitrary: fc.constantFrom(...MARKUP_STRINGS) },
  );

export const shortTextArb = textArb(24);
export const longTextArb = textArb(80);
const textListArb = fc.array(shortTextArb, { maxLength: 4 });

const minutesArb: fc.Arbitrary<number | null> = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: MAX_MINUTES }),
    fc.double({ min: 0, max: MAX_MINUTES, noNaN: true }).map(noNegativeZero),
  ),
  { nil: null },
);

/** A measure within its range (a whole number for a volume), or null. */
const metricArb = (key: keyof StepMetrics): fc.Arbitrary<number | null> => {
  const def = METRICS.find((m) => m.key === key)!;
  const value = def.whole
    ? fc.integer({ min: def.min, max: Math.min(def.max, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min: def.min, max: def.max, noNaN: true }).map(noNegativeZero);
  return fc.option(value, { nil: null });
};

const metricsArb: fc.Arbitrary<StepMetrics> = record({
  volumePerYear: metricArb("volumePerYear"),
  costPerTransactionGbp: metricArb("costPerTransactionGbp"),
  staffMinutesPerTransaction: metricArb("staffMinutesPerTransaction"),
  completionRatePercent: metricArb("completionRatePercent"),
  failureRatePercent: metricArb("failureRatePercent"),
  satisfactionPercent: metricArb("satisfactionPercent"),
});

const linkArb: fc.Arbitrary<string | null> = fc.option(
  fc.oneof(
    fc.webUrl({ validSchemes: ["https", "http"] }),
    fc.constantFrom("https://www.gov.uk/after-a-death", "http://example.org/a?b=c&d=<e>"),
  ),
  { nil: null },
);

const sourcesArb = fc.uniqueArray(
  record({
    id: idArb,
    kind: fc.constantFrom(...SOURCE_KINDS),
    quote: longTextArb,
    link: linkArb,
    note: longTextArb,
  }),
  { selector: (source) => source.id, maxLength: 3 },
);

const orderArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 20 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegativeZero) },
);

const timestampArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .date({
      min: new Date("1970-01-01T00:00:00.000Z"),
      max: new Date("2999-12-31T23:59:59.999Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString()),
  fc.constantFrom(
    "2025-03-01T09:30:00+01:00",
    "2026-01-01T00:00:00Z",
    "2024-02-29T23:59:59.5-05:30",
  ),
);

const colourArb = fc.stringMatching(/^#[0-9A-Fa-f]{6}$/).filter((colour) => colour.length === 7);

const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  record({
    id: idArb,
    type: fc.constant("citizen" as const),
    name: shortTextArb,
    shortName: shortTextArb,
    orgKind: fc.constant(null),
    colour: colourArb,
  }),
  record({
    id: idArb,
    type: fc.constant("organisation" as const),
    name: shortTextArb,
    shortName: shortTextArb,
    orgKind: fc.option(fc.constantFrom(...ORG_KINDS), { nil: null }),
    colour: colourArb,
  }),
);

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

/** Valid journeys, small enough for thousands of runs. */
export const journeyArb: fc.Arbitrary<Journey> = fc
  .record({
    id: idArb,
    title: shortTextArb,
    scenario: longTextArb,
    description: longTextArb,
    ownerTeam: shortTextArb,
    createdAt: timestampArb,
    updatedAt: timestampArb,
    actors: fc.uniqueArray(actorArb, { selector: (actor) => actor.id, maxLength: 4 }),
    lanes: fc.uniqueArray(
      record({ id: idArb, actor: fc.nat(), layer: fc.constantFrom(...LAYERS), team: shortTextArb }),
      { selector: (lane) => lane.id, maxLength: 5 },
    ),
    stages: fc.uniqueArray(record({ id: idArb, name: shortTextArb }), {
      selector: (stage) => stage.id,
      maxLength: 4,
    }),
    steps: fc.uniqueArray(
      record({
        id: idArb,
        lane: fc.nat(),
        stage: fc.nat(),
        order: orderArb,
        label: shortTextArb,
        description: longTextArb,
        channel: fc.option(fc.constantFrom(...CHANNELS), { nil: null }),
        dataItems: textListArb,
        evidence: textListArb,
        activeMinutes: minutesArb,
        waitingMinutes: minutesArb,
        painPoints: textListArb,
        emotion: fc.constantFrom(null, -2, -1, 0, 1, 2),
        evidenceStatus: fc.constantFrom(...EVIDENCE_STATUSES),
        failPoint: fc.boolean(),
        waitPoint: fc.boolean(),
        notes: longTextArb,
        tags: textListArb,
        sources: sourcesArb,
        metrics: metricsArb,
      }),
      { selector: (step) => step.id, maxLength: 10 },
    ),
    flows: fc.uniqueArray(
      record({
        id: idArb,
        from: fc.nat(),
        to: fc.nat(),
        label: shortTextArb,
        dataShare: fc.boolean(),
      }),
      { selector: (flow) => flow.id, maxLength: 12 },
    ),
    annotations: fc.uniqueArray(
      record({
        id: idArb,
        kind: fc.constantFrom(...ANNOTATION_KINDS),
        text: longTextArb,
        at: fc.oneof(
          fc.constant({ kind: "free" as const }),
          record({ kind: fc.constant("step" as const), step: fc.nat() }),
          record({ kind: fc.constant("cell" as const), lane: fc.nat(), stage: fc.nat() }),
        ),
      }),
      { selector: (annotation) => annotation.id, maxLength: 4 },
    ),
    customDataItems: fc.uniqueArray(
      record({ id: idArb, label: shortTextArb, synonyms: textListArb }),
      {
        selector: (item) => item.id,
        maxLength: 3,
      },
    ),
    duplicateDecisions: fc.uniqueArray(
      record({
        key: shortTextArb,
        decision: fc.constantFrom("confirmed" as const, "dismissed" as const),
      }),
      {
        selector: (decision) => decision.key,
        maxLength: 3,
      },
    ),
  })
  .map((raw): Journey => {
    const lanes: Lane[] =
      raw.actors.length === 0
        ? []
        : raw.lanes.map(({ id, actor, layer, team }) => ({
            id,
            actorId: pick(raw.actors, actor).id,
            layer,
            team,
          }));
    const steps: Step[] =
      lanes.length === 0 || raw.stages.length === 0
        ? []
        : raw.steps.map(({ lane, stage, emotion, ...step }) => ({
            ...step,
            laneId: pick(lanes, lane).id,
            stageId: pick(raw.stages, stage).id,
            emotion: emotion as Step["emotion"],
          }));
    const flows: Flow[] = [];
    const pairs = new Set<string>();
    if (steps.length >= 2) {
      for (const { from, to, ...flow } of raw.flows) {
        const fromId = pick(steps, from).id;
        const toId = pick(steps, to).id;
        const pair = `${fromId} ${toId}`;
        if (fromId === toId || pairs.has(pair)) continue;
        pairs.add(pair);
        flows.push({ ...flow, from: fromId, to: toId });
      }
    }
    const annotations: Annotation[] = raw.annotations.map(({ at, ...annotation }) => {
      const free = { ...annotation, stepId: null, laneId: null, stageId: null };
      if (at.kind === "step" && steps.length > 0)
        return { ...free, stepId: pick(steps, at.step).id };
      if (at.kind === "cell" && lanes.length > 0 && raw.stages.length > 0)
        return { ...free, laneId: pick(lanes, at.lane).id, stageId: pick(raw.stages, at.stage).id };
      return free;
    });
    return { ...raw, lanes, steps, flows, annotations };
  });

/** Strings a hostile or careless file carries: control characters, unpaired surrogates,
 * markup, CSS in a colour, reserved names, over-long text. */
export const hostileStringArb: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.constantFrom(
    ...MARKUP_STRINGS,
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udc00y",
    "\u202Eevil",
    "\uFFFE",
    "red;background:url(//evil)",
    "#ABCDEF",
    "#abc",
    "prototype",
    "bad id!",
    "",
    "x".repeat(600),
    "1970-01-01T00:00:00Z",
    "not a date",
  ),
);

/** Values a hostile or broken file holds where a field should be. */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileStringArb },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      Infinity,
      -Infinity,
      Number.NaN,
      -0,
      1e308,
      -1,
      2.5,
      3,
      0,
      1,
      null,
      true,
      false,
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: idArb },
);

const FIELDS: Record<string, readonly string[]> = {
  journey: [
    "id",
    "title",
    "scenario",
    "description",
    "ownerTeam",
    "createdAt",
    "updatedAt",
    "steps",
    "flows",
  ],
  actors: ["id", "type", "name", "shortName", "orgKind", "colour"],
  lanes: ["id", "actorId", "layer", "team"],
  stages: ["id", "name"],
  steps: [
    "id",
    "laneId",
    "stageId",
    "order",
    "label",
    "description",
    "channel",
    "dataItems",
    "activeMinutes",
    "waitingMinutes",
    "emotion",
    "evidenceStatus",
    "failPoint",
    "notes",
    "tags",
  ],
  flows: ["id", "from", "to", "label", "dataShare"],
  annotations: ["id", "kind", "text", "stepId"],
  customDataItems: ["id", "label", "synonyms"],
  duplicateDecisions: ["key", "decision"],
};
const EXTRA_FIELDS = ["__proto__", "constructor", "prototype", "extra", "x"];

type Mutation = {
  target: string;
  index: number;
  field: string;
  op: "set" | "delete" | "duplicate";
  value: unknown;
};

const mutationArb: fc.Arbitrary<Mutation> = fc
  .record({
    target: fc.constantFrom(...Object.keys(FIELDS)),
    index: fc.nat(),
    fieldPick: fc.nat(),
    extra: fc.boolean(),
    op: fc.constantFrom("set", "set", "set", "delete", "duplicate"),
    value: hostileValueArb,
  })
  .map(({ target, index, fieldPick, extra, op, value }) => {
    const fields = extra ? EXTRA_FIELDS : (FIELDS[target] as readonly string[]);
    return { target, index, field: pick(fields, fieldPick), op: op as Mutation["op"], value };
  });

function applyMutation(
  journey: Record<string, unknown>,
  { target, index, field, op, value }: Mutation,
): void {
  let record: Record<string, unknown> = journey;
  if (target !== "journey") {
    const list = journey[target];
    if (!Array.isArray(list) || list.length === 0) return;
    const i = index % list.length;
    if (op === "duplicate") {
      list.push(structuredClone(list[i]));
      return;
    }
    const item: unknown = list[i];
    if (typeof item !== "object" || item === null) return;
    record = item as Record<string, unknown>;
  }
  if (op === "delete") delete record[field];
  // defineProperty, like JSON.parse, makes even "__proto__" an own field.
  else
    Object.defineProperty(record, field, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

/** A valid journey with 1–4 fields set to hostile values, deleted, or records duplicated. */
export const mutatedJourneyArb: fc.Arbitrary<unknown> = fc
  .tuple(journeyArb, fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
  .map(([journey, mutations]) => {
    const copy = structuredClone(journey) as unknown as Record<string, unknown>;
    for (const mutation of mutations) applyMutation(copy, mutation);
    return copy;
  });
