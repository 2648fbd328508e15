import { describe, expect, it } from "vitest";
import { compileSearch, matchesSearch } from "../../../src/domain/search";

describe("matchesSearch", () => {
  it("finds the full name of an abbreviation", () => {
    expect(matchesSearch("NINO", ["Give your National Insurance number"])).toBe(true);
    expect(matchesSearch("nino", ["Check eligibility", "Ask for details"])).toBe(false);
  });

  it("finds a step whose data item is written as an abbreviation", () => {
    expect(matchesSearch("national insurance no.", ["Tell HMRC", "", "NINO"])).toBe(true);
    expect(matchesSearch("national insurance no.", ["Tell HMRC", "", "Passport"])).toBe(false);
  });

  it("finds date of birth from dob, in any case", () => {
    expect(matchesSearch("dob", ["Date of birth"])).toBe(true);
    expect(matchesSearch("DOB", ["Enter your details", "", "Name", "Date of birth"])).toBe(true);
    expect(matchesSearch("dob", ["Date of death"])).toBe(false);
  });

  it("keeps matching parts of words", () => {
    expect(matchesSearch("pass", ["Show your passport"])).toBe(true);
    expect(matchesSearch("port pass", ["Show your passport"])).toBe(true);
    expect(matchesSearch("national insur", ["", "NI number"])).toBe(true);
  });

  it("matches other forms of a word and other names of a data item", () => {
    expect(matchesSearch("moving", ["Tell the council you moved"])).toBe(true);
    expect(matchesSearch("bank details", ["Set up payments", "", "Sort code"])).toBe(true);
  });

  it("finds nothing for an unrelated query", () => {
    const step = ["Give your National Insurance number", "Online form", "NINO", "Date of birth"];
    expect(matchesSearch("zebra", step)).toBe(false);
    expect(matchesSearch("passport", step)).toBe(false);
  });

  it("needs every word of the query", () => {
    expect(matchesSearch("nino passport", ["NINO"])).toBe(false);
    expect(matchesSearch("nino passport", ["NINO", "Passport"])).toBe(true);
  });

  it("has nothing to find for an empty query", () => {
    expect(compileSearch("   ")).toBeNull();
    expect(matchesSearch("", ["anything"])).toBe(true);
  });

  it("knows a journey's own data items", () => {
    const custom = [{ id: "blue-badge", label: "Blue Badge number", synonyms: ["BB no."] }];
    expect(matchesSearch("blue badge number", ["", "BB no."], custom)).toBe(true);
    expect(matchesSearch("blue badge number", ["", "BB no."])).toBe(false);
  });
});
