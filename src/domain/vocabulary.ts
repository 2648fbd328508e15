/**
 * The vocabulary of information and evidence UK services ask citizens for, with the many ways
 * people write each one ("NINO", "NI no.", "National Insurance number" are one item). Journeys
 * extend it with their own items (`Journey.customDataItems`).
 */
import type { CustomDataItem } from "./model";
import { foldText, keyTokens } from "./text";

/** One data item or evidence document, with the other ways it is written. */
export interface DataItemDefinition {
  id: string;
  label: string;
  synonyms: string[];
}

/** A piece of text resolved to a vocabulary item; `known` is false when nothing matched and the
 * id was made from the text itself. */
export interface CanonicalDataItem {
  id: string;
  label: string;
  known: boolean;
}

// id | label | synonyms separated by ";". Order matters only to break exact ties.
const TABLE = `
ni-number | National Insurance number | NINO; NI number; NI no.; National Insurance no.; National Insurance; NI; Nat Ins number; proof of NI number; National Insurance card
date-of-birth | Date of birth | DOB; birth date; birthday; date born
name | Name | full name; names; first name; surname; last name; forename; family name; given name; legal name
previous-names | Previous or maiden names | maiden name; maiden surname; previous name; former name; birth name; name at birth; previous surname; deed poll
new-address | New address | forwarding address; new home address; new postal address; address you are moving to; address after the move; new correspondence address; address you moved to
previous-address | Previous addresses (address history) | previous address; address history; addresses for the last 3 years; past addresses; addresses in the past years; former address; old address; addresses lived at
address | Address | home address; current address; usual address; last address; postal address; residential address; postcode; permanent address
move-date | Date of moving | date you moved; moving date; move date; date of move; move-in date; move-out date; date you left; when you moved
phone | Phone number | telephone number; mobile number; phone; mobile; telephone; contact number; landline; daytime phone number
email | Email address | email; e-mail
contact-details | Contact details | contact information; how to contact you; contact address
bank-details | Bank details | bank account details; bank account; sort code and account number; sort code; account details; bank; building society; building society account; credit union account; bank or building society details; account for payments; IBAN
bank-statement | Bank statement | bank statements; statement from your bank; recent bank statement; statements
payment-card | Payment card | debit card; credit card; card details; card payment; debit or credit card
passport | Passport | passport number; UK passport; passport details; British passport; travel document
driving-licence | Driving licence | driving licence number; photocard driving licence; photocard licence; photocard; licence number; provisional licence; driver licence; licence
birth-certificate | Birth certificate | birth cert; full birth certificate; short birth certificate; birth certificate reference number; birth or adoption certificate; adoption certificate
death-certificate | Death certificate | death cert; interim death certificate; certificate of death; certified copy of the death certificate
marriage-certificate | Marriage or civil partnership certificate | marriage certificate; civil partnership certificate; marriage cert; certificate of marriage
mccd | Medical certificate of cause of death | MCCD; cause of death certificate; medical certificate of death
proof-of-address | Proof of address | evidence of address; utility bill; council tax bill; gas bill; electricity bill; water bill; proof of residence; document showing your address; prove your address; bank letter
proof-of-identity | Proof of identity | photo ID; photo identification; ID; identification; identity; identity document; ID documents; proof of ID; evidence of identity; prove who you are; identity check
photo | Photo | photograph; photos; passport photo; digital photo; recent photo; passport-style photo
tenancy-rent | Tenancy, rent or housing costs | tenancy agreement; tenancy; shorthold tenancy agreement; tenancy details; tenancy start date; rent; rent details; rent amount; rental agreement; lease; housing costs; landlord details; service charges; rent and service charges; mortgage; evidence of rent; rent book; rent statement
income | Income and earnings | income; earnings; wages; salary; payslips; pay slips; P60; proof of income; evidence of income; income details; self-employed earnings; pension income; take home pay; pay; P45; P45 pay and tax
savings | Savings and capital | savings; capital; investments; savings and investments; capital and savings; evidence of savings; shares; ISA; ISAs; premium bonds
benefit-award-letter | Benefit award letter | award letter; benefit letter; award notice; benefit award; entitlement letter; proof of benefits; decision letter; Universal Credit statement; benefit statement; award statement; UC award statement
benefits | Benefits received | benefits you get; details of benefits; which benefits; other benefits; qualifying benefit; benefit details; Pension Credit; Universal Credit; State Pension
utr | Unique Taxpayer Reference (UTR) | UTR; tax reference; Self Assessment reference; unique tax reference
vehicle-registration | Vehicle registration number | registration number; number plate; reg number; vehicle reg; car registration; vehicle registration
vehicle-log-book | Vehicle log book (V5C) | V5C; log book; V5C reference; V5C document reference number; vehicle registration certificate; registration certificate
council-tax-account | Council Tax account number | council tax account; council tax reference; council tax number
employer-details | Employer details | employer; employer name and address; employment details; name of employer; employer address
occupation | Occupation | job; job title; profession; last occupation
child-details | Child's details | child details; children's details; baby details; baby's name; child's name; details of the children; dependants
partner-details | Partner's details | partner details; spouse details; details of your partner; partner information; spouse or civil partner details; wife's details; husband's details; spouse's details; partner's name
next-of-kin | Next of kin | next of kin details; nearest relative
gp-details | GP details | GP; GP name and address; doctor's details; previous GP; GP surgery; name of your GP; doctor
nhs-number | NHS number | NHS no.
date-of-death | Date of death | date they died; date the person died; date died
place-of-death | Place of death | place they died; where the death happened
place-of-birth | Place of birth | town of birth; country of birth; where born; birthplace
marital-status | Marital status | relationship status; date of marriage; marriage date; date of civil partnership; civil status
nationality | Nationality | citizenship
sex | Sex or gender | sex; gender
executor-details | Executor or administrator details | executor; executor details; executor name and address; administrator details; personal representative
deceased-details | Details of the person who died | details of the deceased; deceased details; information about the person who died
child-benefit-number | Child Benefit reference number | Child Benefit number; Child Benefit reference
tv-licence-number | TV Licence number | TV licence; TV licence reference
household-details | Household details | household; household members; people who live with you; other adults in the household; who lives with you
childcare-costs | Childcare costs | childcare; childcare provider details; cost of childcare
health-conditions | Health conditions and disability | health conditions; disability; medical conditions; illness; disability details; conditions; health needs; care needs
medical-evidence | Medical evidence | diagnosis letters; fit note; sick note; medical records; letters from your doctor; care plan; medication; medical report; prescription; repeat prescription; prescription list; hospital letters; consultant letters
grant-of-probate | Grant of probate | probate; letters of administration; grant of representation
will | Will | original will; copy of the will; last will
estate-value | Value of the estate | estate value; value of assets; assets and debts; estate; gross and net estate value
signature | Signature | signed declaration
tuo-reference | Tell Us Once reference number | TUO reference; Tell Us Once reference; unique reference number; URN
invitation-code | Invitation code | invitation letter code
time-abroad | Time spent abroad | periods abroad; time abroad; dates living abroad; living or working abroad; abroad; overseas
renewal-reminder | Renewal reminder letter | renewal reminder; reminder letter; renewal letter
`;

/** Items that are a kind of a broader one, by id: a passport or a driving licence is a photo
 * ID, a utility bill or a bank statement a proof of address. The duplicate search counts the
 * broader item too; the "tell us once" table keeps each item apart. */
export const BROADER_ITEMS: Readonly<Record<string, { id: string; label: string }>> = (() => {
  const identity = { id: "proof-of-identity", label: "Proof of identity" };
  const address = { id: "proof-of-address", label: "Proof of address" };
  return {
    passport: identity,
    "driving-licence": identity,
    "birth-certificate": identity,
    "bank-statement": address,
  };
})();

/** The built-in vocabulary of data items and evidence UK services ask for. */
export const DATA_ITEMS: readonly DataItemDefinition[] = TABLE.trim()
  .split("\n")
  .map((line) => {
    const [id = "", label = "", synonyms = ""] = line.split("|").map((s) => s.trim());
    return {
      id,
      label,
      synonyms: synonyms
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean),
    };
  });

/** Words that say whose item it is or what state it is in, not what it is ("partner's NI
 * number", "original death certificate"), stemmed. */
const QUALIFIERS = new Set(
  keyTokens(
    "partner spouse deceased child baby executor applicant claimant parent own late surviving " +
      "mother father husband wife current valid original copy certified recent uk british old " +
      "full signed official",
  ),
);

const FILLERS = new Set(keyTokens("full complete whole entire"));

interface Entry {
  item: DataItemDefinition;
  tokens: string[];
  rank: number;
}

type MatchKind = "exact" | "sorted" | "qualified" | "contained" | "bag";
interface Match {
  entry: Entry;
  kind: MatchKind;
}

const sortedKey = (tokens: string[]): string => [...tokens].sort().join(" ");

class Matcher {
  /** extractDataItems results by text, for this vocabulary. */
  readonly extracted = new Map<string, CanonicalDataItem[]>();
  private readonly exact = new Map<string, Entry>();
  private readonly sorted = new Map<string, Entry>();
  private readonly byToken = new Map<string, Entry[]>();

  constructor(items: readonly DataItemDefinition[]) {
    let rank = 0;
    for (const item of items) {
      for (const text of [item.label, ...item.synonyms]) {
        const tokens = keyTokens(text);
        if (tokens.length === 0) continue;
        const entry: Entry = { item, tokens, rank: rank++ };
        if (!this.exact.has(tokens.join(" "))) this.exact.set(tokens.join(" "), entry);
        if (!this.sorted.has(sortedKey(tokens))) this.sorted.set(sortedKey(tokens), entry);
        for (const t of new Set(tokens)) {
          const list = this.byToken.get(t) ?? [];
          list.push(entry);
          this.byToken.set(t, list);
        }
      }
    }
  }

  /** Whole-text matches: as written, in any word order, or without qualifiers. */
  whole(tokens: string[]): Match | null {
    const exact = this.exact.get(tokens.join(" "));
    if (exact) return { entry: exact, kind: "exact" };
    const sorted = this.sorted.get(sortedKey(tokens));
    if (sorted) return { entry: sorted, kind: "sorted" };
    // Words that only say how much of it ("full name", "complete address"), dropped before
    // whose it is, so "baby's full name" is the child's details and not the parent's name.
    const plain = tokens.filter((t) => !FILLERS.has(t));
    if (plain.length > 0 && plain.length < tokens.length) {
      const f = this.exact.get(plain.join(" ")) ?? this.sorted.get(sortedKey(plain));
      if (f) return { entry: f, kind: "qualified" };
    }
    const bare = tokens.filter((t) => !QUALIFIERS.has(t));
    if (bare.length > 0 && bare.length < tokens.length) {
      const q = this.exact.get(bare.join(" ")) ?? this.sorted.get(sortedKey(bare));
      if (q) return { entry: q, kind: "qualified" };
    }
    return null;
  }

  /** The best match of a text: whole, then the longest name inside it (the rightmost on a tie,
   * as English puts the head noun last), then the largest name whose words all appear. */
  best(tokens: string[]): Match | null {
    if (tokens.length === 0) return null;
    const whole = this.whole(tokens);
    if (whole) return whole;
    let best: Entry | null = null;
    let bestEnd = -1;
    for (let i = 0; i < tokens.length; i++) {
      for (const e of this.byToken.get(tokens[i]!) ?? []) {
        if (e.tokens[0] !== tokens[i] || !e.tokens.every((t, j) => tokens[i + j] === t)) continue;
        const end = i + e.tokens.length;
        const better =
          !best ||
          e.tokens.length > best.tokens.length ||
          (e.tokens.length === best.tokens.length &&
            (end > bestEnd || (end === bestEnd && e.rank < best.rank)));
        if (better) [best, bestEnd] = [e, end];
      }
    }
    if (best) return { entry: best, kind: "contained" };
    const present = new Set(tokens);
    let bag: Entry | null = null;
    for (const t of present) {
      for (const e of this.byToken.get(t) ?? []) {
        if (e.tokens.length < 2 || !e.tokens.every((x) => present.has(x))) continue;
        if (!bag || e.tokens.length > bag.tokens.length) bag = e;
        else if (e.tokens.length === bag.tokens.length && e.rank < bag.rank) bag = e;
      }
    }
    return bag ? { entry: bag, kind: "bag" } : null;
  }
}

const builtIn = new Matcher(DATA_ITEMS);
const customMatchers = new WeakMap<readonly CustomDataItem[], Matcher>();

function matcherFor(custom?: readonly CustomDataItem[]): Matcher {
  if (!custom || custom.length === 0) return builtIn;
  let m = customMatchers.get(custom);
  if (!m) {
    m = new Matcher([...custom, ...DATA_ITEMS]);
    customMatchers.set(custom, m);
  }
  return m;
}

const known = (m: Match): CanonicalDataItem => ({
  id: m.entry.item.id,
  label: m.entry.item.label,
  known: true,
});

/** The stable id of text that matches no vocabulary item: its content words, sorted. */
export function unknownDataItemId(text: string): string {
  const tokens = [...new Set(keyTokens(text))].sort();
  return `x-${tokens.length > 0 ? tokens.join("-") : foldText(text).replace(/ /g, "-")}`;
}

/** Resolves how someone wrote a piece of information ("NI no.", "forwarding address") to one
 * vocabulary item, so the same thing asked twice is seen as the same. */
export function canonicaliseDataItem(
  text: string,
  custom?: readonly CustomDataItem[],
): CanonicalDataItem {
  const match = matcherFor(custom).best(keyTokens(text));
  if (match) return known(match);
  return { id: unknownDataItemId(text), label: text.trim(), known: false };
}

const LIST_SEPARATOR = /[,;\n/]|\be\.g\.|\bsuch as\b|\bincluding\b/i;
const CONJUNCTION = /\s+(?:and|or|and\/or)\s+|\s*[&+]\s*/i;

function resolveConjuncts(segment: string, m: Matcher): { items: Match[]; failed: string[] } {
  const parts = segment
    .split(CONJUNCTION)
    .map((p) => p.trim())
    .filter(Boolean);
  const items: Match[] = [];
  const failed: string[] = [];
  parts.forEach((part, i) => {
    const direct = m.whole(keyTokens(part));
    if (direct) return void items.push(direct);
    // "date and place of death", "marriage or civil partnership certificate",
    // "date of marriage or civil partnership": share the words the conjuncts have in common.
    const next = parts[i + 1]?.split(/\s+/) ?? [];
    const of = /^(.*\bof)\s/i.exec(parts[i - 1] ?? "")?.[1];
    const tries = [
      next.length > 1 ? `${part} ${next.slice(1).join(" ")}` : "",
      next.length > 1 ? `${part} ${next[next.length - 1]}` : "",
      of ? `${of} ${part}` : "",
    ];
    for (const t of tries) {
      const repaired = t ? m.whole(keyTokens(t)) : null;
      if (repaired) return void items.push(repaired);
    }
    if (keyTokens(part).length > 0) failed.push(part);
  });
  return { items, failed };
}

/** Every vocabulary item in one written entry ("Name, DOB and address" → three items; "Photo ID
 * (passport or driving licence)" → proof of identity, passport, driving licence). Text that
 * matches nothing becomes one unknown item. */
export function extractDataItems(
  text: string,
  custom?: readonly CustomDataItem[],
): CanonicalDataItem[] {
  const m = matcherFor(custom);
  const cached = m.extracted.get(text);
  if (cached) return cached;
  const out = new Map<string, CanonicalDataItem>();
  const add = (c: CanonicalDataItem) => void (out.has(c.id) || out.set(c.id, c));
  const asides = [...text.matchAll(/\(([^)]*)\)/g)].map((x) => x[1] ?? "");
  const main = text.replace(/\([^)]*\)/g, " ").trim();

  const whole = m.whole(keyTokens(main));
  if (whole) add(known(whole));
  else {
    for (const segment of main.split(LIST_SEPARATOR).map((s) => s.trim())) {
      if (keyTokens(segment).length === 0) continue;
      const { items, failed } = resolveConjuncts(segment, m);
      items.forEach((x) => add(known(x)));
      if (failed.length === 0) continue;
      const fallback = m.best(keyTokens(segment));
      if (fallback && (fallback.kind !== "bag" || items.length === 0)) add(known(fallback));
      else for (const f of failed) add(canonicaliseDataItem(f, custom));
    }
  }
  // Asides only add items the vocabulary knows: "(if known)" adds nothing.
  for (const aside of asides) {
    for (const segment of aside.split(LIST_SEPARATOR)) {
      resolveConjuncts(segment, m).items.forEach((x) => add(known(x)));
    }
  }
  if (out.size === 0 && keyTokens(text).length > 0) add(canonicaliseDataItem(text, custom));
  const result = [...out.values()];
  if (m.extracted.size > 20_000) m.extracted.clear();
  m.extracted.set(text, result);
  return result;
}

/** Data items for an autocomplete: label prefixes first, then synonym prefixes, then word
 * prefixes, then items the text resolves to, then any containing the text. */
export function suggestDataItems(
  query: string,
  custom?: readonly CustomDataItem[],
  limit = 8,
): DataItemDefinition[] {
  const items: DataItemDefinition[] = [...(custom ?? []), ...DATA_ITEMS];
  const q = foldText(query);
  if (q === "") return items.slice(0, limit);
  const qWords = q.split(" ");
  const resolved = canonicaliseDataItem(query, custom);
  const scored: { item: DataItemDefinition; score: number; index: number }[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) return;
    const names = [item.label, ...item.synonyms].map(foldText);
    const words = names.flatMap((n) => n.split(" "));
    let score = 5;
    if (names[0]!.startsWith(q)) score = 0;
    else if (names.some((n) => n.startsWith(q))) score = 1;
    else if (qWords.every((w) => words.some((x) => x.startsWith(w)))) score = 2;
    else if (resolved.known && resolved.id === item.id) score = 3;
    else if (names.some((n) => n.includes(q))) score = 4;
    if (score < 5) {
      seen.add(item.id);
      scored.push({ item, score, index });
    }
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.item);
}

/** The vocabulary item that typed text clearly stands for, if any: the text is one of the
 * item's names ("NINO", "national insurance NUMBER", "bank": any word order, with or without a
 * qualifier), or the beginning of the names of one item only ("date of dea" for Date of death;
 * "Nat" could be National Insurance number or Nationality, so it stands for neither). Text that
 * only mentions an item ("Name of the funeral director") stands for none: it is the person's own
 * item. */
export function dataItemTypedAs(
  text: string,
  custom?: readonly CustomDataItem[],
): DataItemDefinition | null {
  const whole = matcherFor(custom).whole(keyTokens(text));
  if (whole) return whole.entry.item;
  const q = foldText(text);
  if (q.length < 3) return null;
  const begun = new Map<string, DataItemDefinition>();
  for (const item of [...(custom ?? []), ...DATA_ITEMS]) {
    if ([item.label, ...item.synonyms].some((n) => foldText(n).startsWith(q))) begun.set(item.id, item);
    if (begun.size > 1) return null;
  }
  return [...begun.values()][0] ?? null;
}
