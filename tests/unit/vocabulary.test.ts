import { describe, expect, it } from "vitest";
import type { CustomDataItem } from "../../src/domain/model";
import {
  canonicaliseDataItem,
  DATA_ITEMS,
  extractDataItems,
  suggestDataItems,
  unknownDataItemId,
} from "../../src/domain/vocabulary";

const idOf = (text: string, custom?: CustomDataItem[]) => canonicaliseDataItem(text, custom).id;
const idsOf = (text: string) => extractDataItems(text).map((i) => i.id);

describe("DATA_ITEMS", () => {
  it("has unique ids and non-empty labels", () => {
    const ids = DATA_ITEMS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of DATA_ITEMS) expect(d.label.length).toBeGreaterThan(0);
  });

  it("resolves every label and synonym to its own item", () => {
    for (const d of DATA_ITEMS) {
      for (const name of [d.label, ...d.synonyms]) {
        expect([name, idOf(name)]).toEqual([name, d.id]);
      }
    }
  });
});

describe("canonicaliseDataItem", () => {
  it.each([
    // National Insurance number, however it is written
    ["NINO", "ni-number"],
    ["NI no.", "ni-number"],
    ["NI No", "ni-number"],
    ["N.I. number", "ni-number"],
    ["National Insurance no.", "ni-number"],
    ["National insurance numbers", "ni-number"],
    ["Your National Insurance number (if you have one)", "ni-number"],
    ["Partner's NI number", "ni-number"],
    ["Letter showing your NI number", "ni-number"],
    // bank details
    ["Sort code and account number", "bank-details"],
    ["Account number & sort code", "bank-details"],
    ["bank a/c details", "bank-details"],
    ["Details of your bank account", "bank-details"],
    // addresses
    ["Forwarding address", "new-address"],
    ["New home address", "new-address"],
    ["Previous addresses", "previous-address"],
    ["Address history", "previous-address"],
    ["Home address", "address"],
    ["Proof of address", "proof-of-address"],
    ["Utility bill", "proof-of-address"],
    // identity and documents
    ["D.O.B.", "date-of-birth"],
    ["Date of Birth", "date-of-birth"],
    ["Photo ID", "proof-of-identity"],
    ["Proof of identity", "proof-of-identity"],
    ["UK passport number", "passport"],
    ["Driving license no.", "driving-licence"],
    ["Birth cert", "birth-certificate"],
    ["Certified copy of the death certificate", "death-certificate"],
    ["MCCD", "mccd"],
    ["V5C", "vehicle-log-book"],
    ["TV licence number", "tv-licence-number"],
    ["UTR", "utr"],
    ["Payslips", "income"],
    ["Tenancy agreement", "tenancy-rent"],
    ["PIP award letter", "benefit-award-letter"],
    ["Original will", "will"],
  ])("%s → %s", (text, id) => {
    expect(idOf(text)).toBe(id);
  });

  it("tolerates case, punctuation, plurals and word order", () => {
    expect(idOf("DATE OF BIRTH!")).toBe("date-of-birth");
    expect(idOf("passports")).toBe("passport");
    expect(idOf("number, national insurance")).toBe("ni-number");
  });

  it("gives unknown text a stable id from its normalised form", () => {
    const a = canonicaliseDataItem("Favourite colour");
    const b = canonicaliseDataItem("favourite colours!");
    expect(a.known).toBe(false);
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(unknownDataItemId("Favourite colour"));
    expect(a.label).toBe("Favourite colour");
  });

  it("uses the journey's own items first", () => {
    const custom: CustomDataItem[] = [
      { id: "c-blue-badge", label: "Blue Badge number", synonyms: ["badge no."] },
      { id: "c-nino", label: "NI number (employer copy)", synonyms: ["NINO"] },
    ];
    expect(idOf("Badge no.", custom)).toBe("c-blue-badge");
    expect(idOf("blue badge number", custom)).toBe("c-blue-badge");
    expect(idOf("NINO", custom)).toBe("c-nino");
    expect(canonicaliseDataItem("badge no.", custom).known).toBe(true);
    expect(idOf("NINO")).toBe("ni-number");
  });
});

describe("extractDataItems", () => {
  it.each([
    ["Name, DOB and address", ["name", "date-of-birth", "address"]],
    ["Date & place of death", ["date-of-death", "place-of-death"]],
    ["Marriage or civil partnership certificate", ["marriage-certificate"]],
    ["Birth or marriage certificate", ["birth-certificate", "marriage-certificate"]],
    ["Date of marriage or civil partnership", ["marital-status"]],
    ["Phone or email", ["phone", "email"]],
    [
      "Photo ID (passport or driving licence)",
      ["proof-of-identity", "passport", "driving-licence"],
    ],
    ["NHS number (if known)", ["nhs-number"]],
    ["Sort code and account number", ["bank-details"]],
    ["Bank, building society or credit union account", ["bank-details"]],
    ["Proof of address, e.g. utility bill", ["proof-of-address"]],
  ])("%s → %j", (text, ids) => {
    expect(idsOf(text)).toEqual(ids);
  });

  it("keeps unknown entries as one unknown item", () => {
    const items = extractDataItems("Reason for the advance");
    expect(items).toHaveLength(1);
    expect(items[0]!.known).toBe(false);
  });

  it("finds nothing in empty text", () => {
    expect(extractDataItems("  ")).toEqual([]);
  });
});

describe("suggestDataItems", () => {
  const labels = (q: string, custom?: CustomDataItem[], limit?: number) =>
    suggestDataItems(q, custom, limit).map((d) => d.id);

  it("puts label prefixes first, then synonym prefixes", () => {
    expect(labels("nat")[0]).toBe("ni-number");
    expect(labels("dat")).toEqual(expect.arrayContaining(["date-of-birth", "date-of-death"]));
    expect(labels("nino")[0]).toBe("ni-number");
    expect(labels("sort")[0]).toBe("bank-details");
    expect(labels("forward")[0]).toBe("new-address");
  });

  it("finds items by normalised wording", () => {
    expect(labels("NI no.")).toContain("ni-number");
    expect(labels("D.O.B")).toContain("date-of-birth");
  });

  it("includes the journey's own items and respects the limit", () => {
    const custom = [{ id: "c-1", label: "Pass number", synonyms: [] }];
    expect(labels("pass", custom)[0]).toBe("c-1");
    expect(labels("pass", custom)).toContain("passport");
    expect(labels("a", undefined, 3)).toHaveLength(3);
    expect(labels("")).toHaveLength(8);
    expect(labels("zzzz")).toEqual([]);
  });
});
