import { describe, expect, it } from "vitest";
import { dataItemTypedAs } from "../../../src/domain/vocabulary";

const custom = [{ id: "custom-plot", label: "Burial plot number", synonyms: ["grave number"] }];

describe("dataItemTypedAs: the item typed text clearly stands for", () => {
  it.each([
    ["NINO", "ni-number"],
    ["NI no.", "ni-number"],
    ["national insurance NUMBER", "ni-number"],
    ["DOB", "date-of-birth"],
    ["full name", "name"],
    ["bank", "bank-details"],
    ["date of dea", "date-of-death"],
    ["grave num", "custom-plot"],
  ])("%s → %s", (text, id) => {
    expect(dataItemTypedAs(text, custom)?.id).toBe(id);
  });

  it.each([
    ["", "nothing typed"],
    ["na", "too short to tell"],
    ["Nat", "National Insurance number or Nationality"],
    ["certif", "one of several certificates"],
    ["Name of the funeral director", "mentions an item, but is the person's own"],
    ["Favourite colour", "not in the vocabulary"],
  ])("%s stands for no item (%s)", (text) => {
    expect(dataItemTypedAs(text, custom)).toBeNull();
  });
});
