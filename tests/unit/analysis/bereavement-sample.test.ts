import { describe, expect, it } from "vitest";
import { analyseJourney } from "../../../src/domain/analysis";
import {
  BEREAVEMENT_HANDOFFS,
  BEREAVEMENT_ITEM_WORDINGS,
  BEREAVEMENT_REPEATED_ITEMS,
  BEREAVEMENT_SAMPLE_KEY,
} from "../../../src/domain/samples/bereavement.answer";
import { SAMPLE_JOURNEYS } from "../../../src/domain/samples";
import { canonicaliseDataItem, extractDataItems } from "../../../src/domain/vocabulary";

const journey = SAMPLE_JOURNEYS.find((s) => s.key === BEREAVEMENT_SAMPLE_KEY)!.build();
const analysis = analyseJourney(journey);
const idOf = (name: string) => canonicaliseDataItem(name, journey.customDataItems).id;

describe("the bereavement sample matches its hand-worked answer", () => {
  it("finds exactly the handoffs worked out by hand, each of the right kind", () => {
    const found = analysis.handoffs.map((h) => `${h.fromStepId} > ${h.toStepId}: ${h.kind}`);
    const known = BEREAVEMENT_HANDOFFS.map((h) => `${h.from} > ${h.to}: ${h.kind}`);
    expect([...found].sort()).toEqual([...known].sort());
    expect(analysis.scorecard.handoffs).toEqual({
      direct: 7,
      citizenCarried: 6,
      internal: 6,
      total: 19,
    });
  });

  it("reads every wording of an item as that one item", () => {
    for (const [item, wordings] of Object.entries(BEREAVEMENT_ITEM_WORDINGS)) {
      for (const wording of wordings) {
        const ids = extractDataItems(wording, journey.customDataItems).map((x) => x.id);
        expect([item, wording, ids]).toEqual([item, wording, [idOf(item)]]);
      }
    }
  });

  it("finds exactly the repeated items worked out by hand, asked by the same steps", () => {
    const found = analysis.repeated
      .filter((r) => r.repeated)
      .map((r) => [r.itemId, [...r.stepIds].sort()]);
    const known = BEREAVEMENT_REPEATED_ITEMS.map((r) => [idOf(r.item), [...r.stepIds].sort()]);
    const order = (xs: (string | string[])[][]) =>
      [...xs].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(order(found)).toEqual(order(known));
    expect(analysis.scorecard.repeatedItems).toBe(BEREAVEMENT_REPEATED_ITEMS.length);
  });
});
