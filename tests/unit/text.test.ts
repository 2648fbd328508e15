import { describe, expect, it } from "vitest";
import {
  foldText,
  jobFrame,
  keyTokens,
  normaliseTerms,
  stem,
  termLabel,
  termOccurrences,
  tokenize,
} from "../../src/domain/text";

describe("foldText", () => {
  it.each([
    ["Café RÉSUMÉ", "cafe resume"],
    ["D.O.B.", "dob"],
    ["N.I. number", "ni number"],
    ["NI No.", "ni number"],
    ["Account nos.", "account numbers"],
    ["Sort code & account number", "sort code and account number"],
    ["NI number + DOB", "ni number and dob"],
    ["Bank a/c", "bank account"],
    ["You’ve moved", "you have moved"],
    ["Don't", "do not"],
    ["Partner's NINO", "partner nino"],
    ["Parents’ names", "parents names"],
    ["HB/CTR", "hb ctr"],
    ["  spaced   out  ", "spaced out"],
  ])("%s → %s", (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe("tokenize", () => {
  it.each([
    ["NINO", "national insurance number"],
    ["NI no", "national insurance number"],
    ["Driving licence no", "driving licence number"],
    ["DOB", "date of birth"],
    ["Photo ID", "photo identity"],
    ["Claim UC", "claim universal credit"],
    ["HB and CTR", "housing benefit and council tax reduction"],
    ["e-mail", "email"],
    ["Driving license", "driving licence"],
    ["Tel no", "telephone number"],
    ["Birth cert", "birth certificate"],
    ["V5C log-book", "v5c log book"],
    ["No fixed abode", "no fixed abode"],
  ])("%s → %s", (input, expected) => {
    expect(tokenize(input).join(" ")).toBe(expected);
  });
});

describe("stem (Porter)", () => {
  // Pairs from Porter's paper and its reference vocabulary.
  it.each([
    ["caresses", "caress"],
    ["ponies", "poni"],
    ["cats", "cat"],
    ["agreed", "agre"],
    ["plastered", "plaster"],
    ["motoring", "motor"],
    ["hopping", "hop"],
    ["falling", "fall"],
    ["filing", "file"],
    ["happy", "happi"],
    ["relational", "relat"],
    ["conditional", "condit"],
    ["digitizer", "digit"],
    ["operator", "oper"],
    ["hopefulness", "hope"],
    ["formaliti", "formal"],
    ["triplicate", "triplic"],
    ["electrical", "electr"],
    ["goodness", "good"],
    ["revival", "reviv"],
    ["allowance", "allow"],
    ["adjustment", "adjust"],
    ["adoption", "adopt"],
    ["effective", "effect"],
    ["controll", "control"],
    ["addresses", "address"],
    ["moving", "move"],
    ["moved", "move"],
    ["certificates", "certif"],
    ["v5c", "v5c"],
    ["id", "id"],
  ])("%s → %s", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe("normaliseTerms", () => {
  const same = (a: string, b: string) => {
    const ta = new Set(normaliseTerms(a));
    return normaliseTerms(b).filter((t) => ta.has(t));
  };

  it("folds the ways of telling an organisation onto one concept", () => {
    for (const phrase of [
      "Tell HMRC",
      "Notify HMRC",
      "Inform HMRC",
      "Report to HMRC",
      "Let HMRC know",
      "Update HMRC",
      "Change it with HMRC",
      "Keep HMRC informed",
    ]) {
      expect(normaliseTerms(phrase)).toContain("notify");
    }
  });

  it("finds the shared job in paraphrases", () => {
    expect(same("Let HMRC know you have moved", "Change the address for Child Benefit")).toEqual(
      expect.arrayContaining(["notify", "address"]),
    );
    expect(
      same("Let HMRC know your new surname", "Tell the council you've changed your name"),
    ).toEqual(expect.arrayContaining(["notify", "name"]));
    expect(same("Prove your identity", "Have your ID checked at the Post Office")).toEqual(
      expect.arrayContaining(["verify", "identity"]),
    );
    expect(same("Prove who you are", "Verify your identity")).toEqual(
      expect.arrayContaining(["verify", "identity"]),
    );
    expect(same("Apply for PIP", "Make a claim for Personal Independence Payment")).toEqual(
      expect.arrayContaining(["apply", "person", "independ", "payment"]),
    );
    expect(same("Book an appointment", "Arrange a slot")).toEqual(["book", "appointment"]);
    expect(same("Cancel the licence", "Stop the licence")).toContain("cancel");
    expect(same("Upload documents", "Send in your paperwork")).toEqual(["send", "document"]);
    expect(same("Report a death", "Tell them someone passed away")).toEqual(["notify", "death"]);
    expect(same("Pay the fee", "Make a payment")).toEqual(["payment"]);
  });

  it("drops stop words, numbers and case", () => {
    expect(normaliseTerms("THE Address of the 3 Applicants")).toEqual(["address", "applicant"]);
    expect(normaliseTerms("Send the application form")).toEqual([
      "send",
      "application",
      "application",
    ]);
  });

  it("keeps organisation names as terms", () => {
    expect(normaliseTerms("Tell DVLA")).toEqual(["notify", "dvla"]);
    expect(normaliseTerms("Visit the Post Office")).toEqual(["visit", "postoffice"]);
  });

  it("names concepts readably", () => {
    expect(termLabel("notify")).toBe("tell / update");
    expect(termLabel("licenc", "licence")).toBe("licence");
  });
});

describe("keyTokens", () => {
  it("stems without folding synonyms, so data item names stay apart", () => {
    expect(keyTokens("National Insurance numbers")).toEqual(["nation", "insur", "number"]);
    expect(keyTokens("Change of address")).toEqual(["chang", "address"]);
    expect(keyTokens("Original will")).toEqual(["origin", "will"]);
    expect(keyTokens("You will need")).toEqual([]);
  });
});

describe("job frames: what a step does to what kind of thing", () => {
  const frame = (text: string) => jobFrame(termOccurrences(text));

  it.each([
    // Proving identity, however it is put.
    ["Prove your identity", "verify", ["identity"]],
    ["Have your ID checked at the Post Office", "verify", ["identity"]],
    ["Have your ID scanned in branch", "verify", ["identity"]],
    ["Confirm who you are", "verify", ["identity"]],
    ["Get someone to vouch for your identity", "verify", ["identity"]],
    // Telling about a move.
    ["Report your new address", "notify", ["address"]],
    ["Let HMRC know you've moved", "notify", ["address"]],
    ["Change the address for Child Benefit", "notify", ["address", "child", "money"]],
    // Claiming money, whichever scheme pays it.
    ["Claim Pension Credit", "apply", ["money"]],
    ["Apply for Council Tax Reduction", "apply", ["money"]],
    ["Put in a claim for a Sure Start Maternity Grant", "apply", ["money"]],
    // Form-filling verbs give way to the act the form does.
    ["Complete Tell Us Once online", "notify", []],
    ["Fill in the UC claim", "apply", ["money"]],
    ["Complete the form", "send", ["application"]],
    // Sending documents: a certified copy is a document, not a check.
    ["Post a certified copy of the death certificate", "send", ["document", "death"]],
    ["Upload the award letter", "send", ["document"]],
    // Planning who to tell is not telling them.
    ["Make a list of everyone to tell about the move", "gather", ["address"]],
    ["Write down who needs your new address", "gather", ["address"]],
    ["Register to vote", "register", []],
  ])("%s → %s × %j", (text, head, objects) => {
    expect(frame(text)).toEqual({ head, objects });
  });

  it.each([
    // An act reads the same whoever does it; who does it is evidence of its own in the
    // duplicate model (both organisations' steps, both the citizen's, or one of each).
    ["HMRC updates the personal tax record", "notify"],
    ["Vehicle record amended", "notify"],
    ["New licence sent to the customer", "send"],
    ["Bank asks for a copy of the death certificate", "apply"],
    ["Branch verifies the original documents", "verify"],
    ["Council assesses the claim", "decide"],
  ])("done by an organisation: %s → %s", (text, head) => {
    expect(frame(text).head).toBe(head);
  });

  it.each([
    ["Sent the form back", "send"],
    ["Told DVLA", "notify"],
    ["Paid the fee", "pay"],
    ["Rang the claim line", "phone"],
    ["Gave my NI number", "send"],
  ])("irregular past forms: %s → %s", (text, head) => {
    expect(frame(text).head).toBe(head);
  });

  it("reads the same words as the citizen's own act in a citizen step", () => {
    expect(frame("Update the V5C with the new address").head).toBe("notify");
    expect(frame("Send the grant to the bank").head).toBe("send");
    expect(frame("Ask for a free TV licence").head).toBe("apply");
  });
});
