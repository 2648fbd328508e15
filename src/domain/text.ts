/**
 * Text normalisation for UK government wording, so that paraphrases written by different people
 * compare equal: "Let HMRC know you've moved" and "Change the address for Child Benefit"; "NINO",
 * "NI no." and "National Insurance number". Pure functions, cached by input string.
 */
import { stem } from "./stem";

export { stem };

/** Folds case, diacritics, quotes and punctuation spelled as words ("&", "no."), and joins
 * dotted abbreviations ("D.O.B." → "dob"). Word boundaries are kept as spaces. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ""))
    .replace(/\bnos?\.(?![a-z0-9])|\bno:/g, (m) => (m.startsWith("nos") ? " numbers " : " number "))
    .replace(/\ba\/c\b/g, " account ")
    .replace(/&|\+/g, " and ")
    .replace(/n't\b/g, " not")
    .replace(/'(ve|re|ll|d|m)\b/g, (_m, c: string) => ` ${CONTRACTIONS[c] ?? ""}`)
    .replace(/'s\b|s'(?=\s|$)/g, (m) => (m === "'s" ? "" : "s"))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const CONTRACTIONS: Record<string, string> = {
  ve: "have",
  re: "are",
  ll: "will",
  d: "would",
  m: "am",
};

/** Words to drop before comparing wording: grammar, not meaning. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but nor of to for in on at by with from into onto via per as than then so " +
    "if when where which who whom whose what why how that this these those there here it its " +
    "i me my mine we us our ours you your yours he him his she her they them their theirs " +
    "is am are was were be been being have has had having do does did doing done will would " +
    "shall should can could may might must get gets got getting make makes made making " +
    "all any both each every few more most other some such only own same too very just also " +
    "about above after again against before below between during out over under up down off " +
    "not no yes eg ie etc please one once e g someone something anything thing things way " +
    "use using used need needs needed want wants able s two three four five six seven eight " +
    "nine ten twelve"
  ).split(" "),
);

/** Abbreviations, alternative spellings and compounds, expanded token by token. */
const ABBREVIATIONS: Record<string, string> = Object.fromEntries(
  (
    "nino=national insurance number|ni=national insurance|nins=national insurance numbers|" +
    "natins=national insurance|dob=date of birth|id=identity|ids=identity|uc=universal credit|" +
    "pip=personal independence payment|dla=disability living allowance|aa=attendance allowance|" +
    "hb=housing benefit|ctr=council tax reduction|cts=council tax support|" +
    "ctb=council tax benefit|bsp=bereavement support payment|tuo=tell us once|" +
    "utr=unique taxpayer reference|esa=employment and support allowance|jsa=jobseeker allowance|" +
    "ctc=child tax credit|wtc=working tax credit|iht=inheritance tax|" +
    "mccd=medical certificate of cause of death|tfc=tax free childcare|" +
    "ssmg=sure start maternity grant|dhp=discretionary housing payment|pc=pension credit|" +
    "ero=electoral registration officer|cb=child benefit|tel=telephone|tels=telephone|" +
    "mob=mobile|ref=reference|refs=references|cert=certificate|certs=certificates|" +
    "appt=appointment|appts=appointments|info=information|doc=document|docs=documents|" +
    "addr=address|dept=department|govt=government|acc=account|acct=account|amt=amount|" +
    "yr=year|yrs=years|mth=month|mths=months|mins=minutes|hrs=hours|dl=driving licence|" +
    "license=licence|licenses=licences|licensed=licenced|enroll=enrol|center=centre|" +
    "logbook=log book|login=sign in|logon=sign in|signin=sign in|photocard=photo card|" +
    "prev=previous|hist=history|agmt=agreement|agrmt=agreement|dets=details|ll=landlord|" +
    "ast=assured shorthold tenancy agreement|mid=move in date|ct=council tax|pp=passport|" +
    "dd=direct debit|nok=next of kin|elr=electoral register|reg=registration|" +
    "regs=registers|chk=check|ph=phone|hosp=hospital|prescrip=prescription|stmt=statement|" +
    "stmts=statements|meds=medication|isas=isa"
  )
    .split("|")
    .map((pair) => pair.split("=") as [string, string]),
);

/** Irregular past forms, which stemming cannot reach ("sent" → "send", "told" → "tell"). */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    "sent=send|told=tell|gave=give|given=give|paid=pay|rang=ring|rung=ring|bought=buy|" +
    "chose=choose|chosen=choose|wrote=write|written=write|took=take|taken=take|" +
    "brought=bring|shown=show|spoke=speak|spoken=speak|proven=prove|sought=seek|kept=keep|" +
    "found=find|heard=hear|lost=lose|met=meet|sold=sell|held=hold|began=begin|begun=begin"
  )
    .split("|")
    .map((pair) => pair.split("=") as [string, string]),
);

/** Two-word compounds written apart or hyphenated ("e-mail", "post code"). */
const COMPOUNDS: Record<string, string> = {
  "e mail": "email",
  "post code": "postcode",
  "on line": "online",
  "web site": "website",
  "tele phone": "telephone",
  "re register": "reregister",
  "pre populated": "prepopulated",
};

/** Heads after which a bare "no" means "number" ("account no", "ref no"). */
const NUMBER_HEADS = new Set(
  (
    "insurance ni nino account reference ref licence passport phone telephone tel mobile policy " +
    "registration reg claim case customer contact vehicle card membership utr nhs benefit tax " +
    "certificate roll payroll"
  ).split(" "),
);

/** Splits folded text into words, expanding abbreviations and joining compounds. */
export function tokenize(text: string): string[] {
  const raw = foldText(text).split(" ").filter(Boolean);
  const joined: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const pair = i + 1 < raw.length ? COMPOUNDS[`${raw[i]} ${raw[i + 1]}`] : undefined;
    if (pair) {
      joined.push(pair);
      i++;
    } else joined.push(raw[i]!);
  }
  const out: string[] = [];
  for (const word of joined) {
    if (word === "no" && NUMBER_HEADS.has(out[out.length - 1] ?? "")) {
      out.push("number");
      continue;
    }
    // Plurals of abbreviations ("NINOs", "certs") expand as the singular does.
    const expanded =
      ABBREVIATIONS[word] ??
      (word.length > 2 && word.endsWith("s") ? ABBREVIATIONS[word.slice(0, -1)] : undefined);
    if (expanded) out.push(...expanded.split(" "));
    else out.push(IRREGULAR[word] ?? word);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Synonyms: verbs and nouns common in government journeys, folded onto one concept term.

/** Concept → words and phrases that mean it, one a line: `concept | display | words | phrases`.
 * A `*` marks an action (what is done, rather than what it is done to); display "-" means the
 * concept's name. Words are stemmed when the table is built, so list forms that stem
 * differently ("verify", "verification"). "Let … know" is matched in code. */
const SYNONYM_TABLE = `
notify* | tell / update | tell notify notification inform advise alert report update change amend amendment aware | keep informed; make aware; tell us once
verify* | prove / check | prove proof verify verification confirm confirmation check validate validation authenticate authentication certify scrutinise scrutinize examine inspect vet scan vouch |
identity | - | identity identities identification identify | who you are; who they are
apply* | apply / claim | apply claim request | ask for; make a claim; put in a claim
application | - | application form |
book* | - | book booking arrange schedule reserve |
appointment | - | appointment slot interview meeting |
send* | send / give | send submit submission upload provide give supply return post enter complete lodge forward fill | fill in; fill out; hand in; send in; send off; pass on
cancel* | cancel / close | cancel cancellation stop end close closure terminate withdraw revoke cease deactivate |
pay* | - | pay remit | top up
payment | - | payment fee charge instalment |
receive* | - | receive obtain collect | pick up
find* | - | find search locate | look up; look for
learn* | - | learn discover understand read | find out
wait* | - | wait await | hear back
decide* | decide / assess | decide decision assess assessment reassess determine determination process review consider evaluate adjudicate | work out
create* | open / set up | create open establish | set up
signin* | sign in | | sign in; log in; log on
phone* | - | phone telephone call ring |
contact* | - | contact approach | get in touch; speak to; speak with; talk to
renew* | - | renew renewal extend replace replacement |
address | address / move | address move moving relocate relocation forwarding | move house; move home
death | - | death die died dying dead deceased bereavement bereaved | pass away; passed away
birth | - | birth born |
child | - | child children baby babies kid son daughter infant newborn |
partner | - | partner spouse husband wife widow widower |
vehicle | - | vehicle car motor van |
council | - | council borough | local authority
gp | - | gp doctor surgery physician |
money | - | money funds cash |
bank | - | bank | building society; credit union
document | - | document paperwork papers evidence documentation | certified copy; certified copies; official copy; official copies
letter | - | letter notice correspondence |
benefit | - | benefit allowance entitlement |
work | - | work job employment employed |
home | - | home house property dwelling |
record | - | record file |
photo | - | photo photograph picture selfie |
name | - | name surname forename | first name; last name; family name; maiden name; married name
help | - | help assist assistance advice guidance |
reduction | - | reduction discount relief rebate support |
visit* | - | visit attend | go to; turn up; come in
sign* | - | sign signature countersign |
buy* | - | buy purchase order |
choose* | - | choose select pick |
gather* | - | gather prepare assemble | get ready; get together; put together; make a list; write a list; draw up a list; write down
register* | - | register registration enrol enrolment | sign up
issue* | - | issue print produce dispatch despatch |
postoffice | Post Office | | post office
`;

interface Concept {
  name: string;
  action: boolean;
  display: string;
  words: string[];
  phrases: string[];
}

const CONCEPTS = new Map<string, Concept>(
  SYNONYM_TABLE.trim()
    .split("\n")
    .map((line) => {
      const [head = "", display = "", words = "", phrases = ""] = line
        .split("|")
        .map((x) => x.trim());
      const name = head.replace("*", "");
      const concept: Concept = {
        name,
        action: head.endsWith("*"),
        display: display === "-" ? name : display,
        words: words.split(" ").filter(Boolean),
        phrases: phrases
          .split(";")
          .map((x) => x.trim())
          .filter(Boolean),
      };
      return [name, concept];
    }),
);

/** Whether a term is a concept from the synonym table (a word we know the meaning of). */
export const isConcept = (term: string): boolean => CONCEPTS.has(term);

/** Whether a term is an action concept ("notify", "verify", "apply" …). */
export const isAction = (term: string): boolean => CONCEPTS.get(term)?.action === true;

const ACTION_BITS = new Map(
  [...CONCEPTS.values()].filter((c) => c.action).map((c, i) => [c.name, 1 << i]),
);

/** A bit for each action concept, so sets of actions compare with one `&`. 0 for other terms. */
export const actionBit = (term: string): number => ACTION_BITS.get(term) ?? 0;

const BIT_ACTIONS = new Map([...ACTION_BITS].map(([name, bit]) => [bit, name]));

/** The readable name of the action concept behind a bit (see actionBit), or null. */
export function actionLabel(bit: number): string | null {
  const name = BIT_ACTIONS.get(bit);
  return name === undefined ? null : termLabel(name);
}

const stemCache = new Map<string, string>();
function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const WORD_CONCEPT = new Map<string, string>();
/** First stem of a phrase → [stems of the phrase, concept], longest phrases first. */
const PHRASES = new Map<string, { stems: string[]; concept: string }[]>();
for (const { name: concept, words, phrases } of CONCEPTS.values()) {
  for (const w of words) WORD_CONCEPT.set(cachedStem(w), concept);
  for (const phrase of phrases) {
    const stems = tokenize(phrase).map(cachedStem);
    const list = PHRASES.get(stems[0]!) ?? [];
    list.push({ stems, concept });
    list.sort((a, b) => b.stems.length - a.stems.length);
    PHRASES.set(stems[0]!, list);
  }
}

/** People named after what they do, whose stems would collide with the deed ("applicant" and
 * "application" both stem to "applic"). */
const PEOPLE: Record<string, string> = {
  applicant: "applicant",
  applicants: "applicant",
  claimant: "claimant",
  claimants: "claimant",
};

/** One meaningful term of a text and the word it came from. */
export interface TermOccurrence {
  term: string;
  word: string;
}

const termCache = new Map<string, readonly TermOccurrence[]>();

/** The meaningful terms of a text: stop words dropped, words stemmed, abbreviations expanded
 * and synonyms folded onto one concept ("Let HMRC know you've moved" → notify, hmrc, address). */
export function termOccurrences(text: string): readonly TermOccurrence[] {
  const cached = termCache.get(text);
  if (cached) return cached;
  const tokens = tokenize(text);
  const stems = tokens.map(cachedStem);
  const out: TermOccurrence[] = [];
  const skip = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (skip.has(i)) continue;
    const token = tokens[i]!;
    if (token === "let") {
      const k = tokens.indexOf("know", i + 1);
      if (k > i && k <= i + 5) {
        out.push({ term: "notify", word: "let … know" });
        skip.add(k);
        continue;
      }
    }
    const phrase = PHRASES.get(stems[i]!)?.find((p) => p.stems.every((s, j) => stems[i + j] === s));
    if (phrase) {
      const word = tokens.slice(i, i + phrase.stems.length).join(" ");
      out.push({ term: phrase.concept, word });
      if (phrase.concept === "notify" && word.startsWith("tell")) {
        out.push({ term: "tellusonce", word });
      }
      i += phrase.stems.length - 1;
      continue;
    }
    if (STOP_WORDS.has(token) || /^\d+$/.test(token)) continue;
    const s = stems[i]!;
    out.push({ term: PEOPLE[token] ?? WORD_CONCEPT.get(s) ?? s, word: token });
  }
  if (termCache.size > 20_000) termCache.clear();
  termCache.set(text, out);
  return out;
}

/** The terms of a text, in order (see termOccurrences). */
export function normaliseTerms(text: string): string[] {
  return termOccurrences(text).map((t) => t.term);
}

/** A readable word for a term, for reasons shown to people. */
export function termLabel(term: string, word?: string): string {
  const concept = CONCEPTS.get(term);
  if (concept) return concept.display;
  return word && WORD_CONCEPT.get(cachedStem(word)) !== term ? word : term;
}

// ---------------------------------------------------------------------------------------------
// Job frames: what a step does (its head action) to what kind of thing (object classes).

/** Verbs that say a form is being done rather than what the form does ("Complete Tell Us Once",
 * "Fill in the claim"): the head action is the next action when there is one. */
const LIGHT_WORDS = new Set(["complete", "fill", "fill in", "fill out", "submit", "enter"]);

/** Kinds of thing a job is done to, by concept or stem: "Prove your identity" and "Have your ID
 * checked" both act on identity; "Claim Pension Credit" and "Apply for Council Tax Reduction"
 * both ask for money. */
const OBJECT_CLASSES: Record<string, string> = {
  identity: "identity",
  address: "address",
  death: "death",
  birth: "child",
  child: "child",
  benefit: "money",
  reduction: "money",
  payment: "money",
  money: "money",
  [stem("pension")]: "money",
  [stem("credit")]: "money",
  [stem("grant")]: "money",
  document: "document",
  letter: "document",
  [stem("certificate")]: "document",
  [stem("statement")]: "document",
  [stem("bill")]: "document",
  [stem("copy")]: "document",
  photo: "photo",
  record: "record",
  vehicle: "vehicle",
  application: "application",
  appointment: "appointment",
};

/** The class of thing a term names (see OBJECT_CLASSES), or null. */
export const objectClass = (term: string): string | null => OBJECT_CLASSES[term] ?? null;

const OBJECT_BITS = new Map([...new Set(Object.values(OBJECT_CLASSES))].map((c, i) => [c, 1 << i]));

/** A bit for each class of object, so sets of classes compare with one `&`. 0 for others. */
export const objectBit = (objectClass: string): number => OBJECT_BITS.get(objectClass) ?? 0;

/** The classes of object whose bits are set, in table order. */
export const objectClasses = (bits: number): string[] =>
  [...OBJECT_BITS].filter(([, bit]) => (bits & bit) !== 0).map(([name]) => name);

/** The job frame of a text: its head action (the first action, passing over form-filling verbs
 * when another action follows) and the classes of the things it acts on. Terms as given by
 * termOccurrences. */
export function jobFrame(terms: readonly TermOccurrence[]): {
  head: string | null;
  objects: string[];
} {
  let head: string | null = null;
  let light: string | null = null;
  const objects: string[] = [];
  for (const { term, word } of terms) {
    if (isAction(term)) {
      if (head === null) {
        if (LIGHT_WORDS.has(word)) light ??= term;
        else head = term;
      }
      continue;
    }
    const c = OBJECT_CLASSES[term];
    if (c && !objects.includes(c)) objects.push(c);
  }
  return { head: head ?? light, objects };
}

/** Stemmed content words of a text without synonym folding: the key for matching names of data
 * items, where "change" and "tell" must stay apart but plurals and spellings must not. A final
 * "will" is the document, not the verb ("Original will"). */
export function keyTokens(text: string): string[] {
  const tokens = tokenize(text);
  const out: string[] = [];
  tokens.forEach((token, i) => {
    const noun = token === "will" && i === tokens.length - 1;
    if (!noun && (STOP_WORDS.has(token) || /^\d+$/.test(token))) return;
    out.push(cachedStem(token));
  });
  return out;
}
