/**
 * A deterministic generator of large, realistic-looking journeys for tests and the benchmark:
 * a citizen and UK organisations in several lanes, steps laid out along time with labels from
 * paraphrase templates, data items written in varied ways, and flows along time with branches,
 * merges, loops back and data shares. The same options and seed give the same journey.
 */
import type {
  Actor,
  Channel,
  Flow,
  Journey,
  Lane,
  Layer,
  Stage,
  Step,
} from "../../src/domain/model";
import { CHANNELS } from "../../src/domain/model";
import { emptyMetrics } from "../../src/domain/step-metrics";
import { UK_ORGANISATIONS, actorFromTemplate, citizenActor } from "../../src/domain/organisations";

export interface GenerateOptions {
  steps: number;
  /** Lanes (default 12, at least 2): about a third the citizen's, the rest organisations'. */
  lanes?: number;
  /** Stages (default grows with the square root of the step count). */
  stages?: number;
  seed: number;
}

/** mulberry32: a small, fast, seedable PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Jobs, one a line: ways of saying the action | the objects it is done to.
const jobs = (table: string): [string[], string[]][] =>
  table
    .trim()
    .split("\n")
    .map((line) => line.split(" | ").map((part) => part.split("; ")) as [string[], string[]]);
const CITIZEN_JOBS = jobs(`
Tell; Notify; Let {org} know about; Update {org} with; Report | your new address; the change of address; the move; a change of circumstances; a new partner; a change in income
Prove; Verify; Confirm; Have {org} check | your identity; who you are; your ID; your date of birth; your right to work; your immigration status
Apply for; Claim; Make a claim for; Request | Child Benefit; Universal Credit; a Blue Badge; Pension Credit; PIP; Council Tax Reduction; Carer's Allowance; a grant of probate; free school meals; a bus pass
Book; Arrange; Schedule | an appointment; an interview; a call back; a home visit; a medical assessment; a driving test
Send; Upload; Post; Provide; Hand in | the documents; proof of address; the death certificate; payslips; the signed form; bank statements; a photo; the old licence
Cancel; Stop; End; Close | the licence; the direct debit; the account; the claim; the tenancy; the subscription
Pay; Make a payment for | the fee; the deposit; the arrears; the renewal; the fine; the first instalment
Fill in; Complete | the online form; the paper form; the questionnaire; the declaration; the eligibility checker
Wait for; Chase | a decision; the letter; the new card; a reply; the refund; the assessment date
Find; Look up; Search for | the reference number; the right form; the local office; opening times; the guidance
Create; Set up; Open | an online account; a Government Gateway account; a One Login; a journal
Sign in to; Log in to | the online account; the personal tax account; the journal
Phone; Call; Ring | the helpline; the contact centre; the office; a work coach
Visit; Go to; Attend | the branch; the jobcentre; the register office; the assessment centre; the library
Read; Find out about | the eligibility rules; what happens next; the terms; the letter
Renew; Replace | the passport; the driving licence; the Blue Badge; the bus pass; the TV licence
Register; Enrol | the death; the birth; to vote; with a GP; for the course
Gather; Get together; Prepare | the paperwork; evidence of income; the medical letters; ID documents
Choose; Pick | a payment date; a branch; a provider; how to be contacted
Sign; Countersign | the declaration; the claimant commitment; the photo; the tenancy agreement
`);
const ORG_JOBS = jobs(`
checks; verifies; reviews; examines | the application; the documents; the evidence; identity; the photo; eligibility
decides; assesses; processes | the claim; the application; eligibility; the change; the appeal; the renewal
updates; amends; changes | the record; the address; the account; the claim; the payment schedule
sends; posts; issues | a letter; the decision; a new card; a reminder; the certificate; the badge; a refund
shares; passes on; forwards | the notification; the claim; the details; the case; the referral
cancels; closes; stops | the licence; the account; payments; the record; the badge
books; arranges | an assessment; an interview; a visit; a call back
pays; refunds | the first payment; the advance; the grant; the arrears
registers; records | the death; the birth; the vehicle keeper; the elector
calls; phones; writes to | the customer; the landlord; the employer; the GP; the school
matches; compares | records with DWP; the address with the electoral roll; income with HMRC
scans; captures | the documents; the photo and signature; the ID; the barcode
`);
// Large journeys span many services; each has its own name, so labels vary as they do in life.
const SERVICE_WORDS: string[][] = [
  "Winter|Rural|Young|Senior|Emergency|Temporary|Annual|Local|National|Family|Veteran|Student|Green|Coastal|Urban|Priority".split(
    "|",
  ),
  "Housing|Fuel|Travel|Childcare|Carer|Disability|Energy|Water|Heating|Parking|Transport|Health|School|Work|Skills|Rent|Care|Broadband|Garden|Bus".split(
    "|",
  ),
  "Grant|Permit|Allowance|Scheme|Loan|Pass|Voucher|Support|Fund|Licence|Award|Credit|Discount|Bursary".split(
    "|",
  ),
];
const CODE_WORDS = ["form", "ref", "case", "section", "code", "notice"];
const DETAILS = [
  "late|missing|disputed|overpaid|backdated|joint|second|urgent|paper|lost|expired|interim|annual|final|revised|duplicate".split(
    "|",
  ),
  "payment|instalment|hearing|tenancy|vehicle|pension|overpayment|refund|appeal|badge|certificate|account|invoice|reminder|appointment|inspection|reference|statement".split(
    "|",
  ),
];
const QUALIFIERS = [
  "",
  "",
  "",
  "online",
  "by phone",
  "by post",
  "in person",
  "again",
  "at the counter",
  "for the second time",
  "within 28 days",
  "before the deadline",
];
const DATA = (
  "NI number|NINO|National Insurance no.|Date of birth|DOB|Full name|Address|Home address|" +
  "New address|Forwarding address|Previous addresses|Phone number|Email|Bank details|" +
  "Sort code and account number|Passport number|Driving licence number|Child Benefit number|" +
  "Income|Savings|Household members|Rent|Employer details|Partner's details|UTR|" +
  "Council tax account number|Date you moved|TV licence number|NHS number|Reference number|" +
  "Favourite contact time|Preferred language|Reason for the change"
).split("|");
const EVIDENCE = (
  "Photo ID|Passport|Proof of address|Utility bill|Birth certificate|Death certificate|" +
  "Marriage certificate|Tenancy agreement|Payslips|Bank statement|PIP award letter|Medical evidence"
).split("|");
const STAGE_NAMES = [
  "Before",
  "Find out",
  "Apply",
  "Prove",
  "Wait",
  "Decide",
  "Pay",
  "Tell others",
  "After",
];

/** Builds a journey of `steps` steps; see the module comment. */
export function generateJourney(options: GenerateOptions): Journey {
  const rnd = random(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const n = Math.max(0, Math.floor(options.steps));
  const laneCount = Math.max(2, options.lanes ?? 12);
  const stageCount = Math.max(1, options.stages ?? Math.max(3, Math.round(Math.sqrt(n) / 2)));

  const citizenLanes = Math.max(1, Math.round(laneCount / 3));
  const orgCount = Math.max(
    1,
    Math.min(UK_ORGANISATIONS.length, Math.ceil((laneCount - citizenLanes) / 1.5)),
  );
  const actors: Actor[] = [citizenActor("a0")];
  for (let k = 0; k < orgCount; k++)
    actors.push(actorFromTemplate(UK_ORGANISATIONS[k]!, `a${k + 1}`));
  const lanes: Lane[] = [];
  for (let k = 0; k < laneCount; k++) {
    const citizen = k < citizenLanes;
    const actorId = citizen ? "a0" : `a${((k - citizenLanes) % orgCount) + 1}`;
    const layer: Layer = citizen
      ? "citizen"
      : k - citizenLanes < orgCount
        ? "frontstage"
        : "backstage";
    lanes.push({ id: `l${k + 1}`, actorId, layer, team: citizen ? "" : `Team ${k + 1}` });
  }
  const stages: Stage[] = Array.from({ length: stageCount }, (_v, k) => ({
    id: `g${k + 1}`,
    name: `${STAGE_NAMES[k % STAGE_NAMES.length]}${k >= STAGE_NAMES.length ? ` ${Math.floor(k / STAGE_NAMES.length) + 1}` : ""}`,
  }));

  const services = Array.from({ length: Math.max(3, Math.round(n / 40)) }, () =>
    SERVICE_WORDS.map((words) => pick(words)).join(" "),
  );
  const steps: Step[] = [];
  const order = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const service = services[Math.floor((i * services.length) / Math.max(1, n))]!;
    const citizen = rnd() < 0.4;
    const lane = citizen
      ? lanes[Math.floor(rnd() * citizenLanes)]!
      : lanes[citizenLanes + Math.floor(rnd() * (laneCount - citizenLanes))]!;
    const org = actors.find((a) => a.id === lane.actorId)!;
    const other = actors[1 + Math.floor(rnd() * orgCount)]!;
    const [verbs, objects] = pick(citizen ? CITIZEN_JOBS : ORG_JOBS);
    const verb = pick(verbs).replace("{org}", other.shortName);
    const topic = rnd() < 0.35 ? ` for the ${service}` : "";
    // Real labels carry specifics: a form's code, the case it is about.
    const detail =
      rnd() < 0.5
        ? ` (${pick(CODE_WORDS)} ${String.fromCharCode(65 + Math.floor(rnd() * 26))}${String.fromCharCode(65 + Math.floor(rnd() * 26))}${1 + Math.floor(rnd() * 99)})`
        : rnd() < 0.5
          ? ` about the ${pick(DETAILS[0]!)} ${pick(DETAILS[1]!)}`
          : "";
    const qualifier = pick(QUALIFIERS);
    const label = citizen
      ? `${verb} ${pick(objects)}${qualifier ? ` ${qualifier}` : ""}${topic}${detail}`
      : `${org.shortName} ${verb} ${pick(objects)}${topic}${detail}`;
    const stageId =
      stages[Math.min(stageCount - 1, Math.floor((i * stageCount) / Math.max(1, n)))]!.id;
    const cell = `${lane.id}|${stageId}`;
    const o = order.get(cell) ?? 0;
    order.set(cell, o + 1);
    const dataCount = citizen ? Math.floor(rnd() * 5) : rnd() < 0.2 ? 1 : 0;
    steps.push({
      id: `s${i + 1}`,
      laneId: lane.id,
      stageId,
      order: o,
      label,
      description:
        rnd() < 0.3
          ? `${pick(verbs).replace("{org}", org.shortName)} ${pick(objects)} ${pick(QUALIFIERS)}`.trim()
          : "",
      channel:
        rnd() < 0.85 ? (citizen ? pick(CHANNELS.slice(0, 6)) : pick<Channel>(CHANNELS)) : null,
      dataItems: Array.from({ length: dataCount }, () => pick(DATA)),
      evidence: citizen && rnd() < 0.3 ? [pick(EVIDENCE)] : [],
      activeMinutes: citizen ? 5 + Math.floor(rnd() * 60) : null,
      waitingMinutes: rnd() < 0.3 ? Math.floor(rnd() * 10080) : null,
      painPoints: [],
      emotion: null,
      evidenceStatus: "observed",
      failPoint: false,
      waitPoint: false,
      notes: "",
      tags: [],
      sources: [],
      metrics: emptyMetrics(),
    });
  }

  const flows: Flow[] = [];
  const isOrg = (i: number) => lanes.find((l) => l.id === steps[i]!.laneId)!.actorId !== "a0";
  const addFlow = (from: number, to: number, label = "") => {
    flows.push({
      id: `f${flows.length + 1}`,
      from: steps[from]!.id,
      to: steps[to]!.id,
      label,
      dataShare: isOrg(from) && isOrg(to) && rnd() < 0.3,
    });
  };
  for (let i = 1; i < n; i++) {
    // Mostly from the step just before; sometimes from a little further back (a branch).
    addFlow(Math.max(0, i - 1 - (rnd() < 0.25 ? Math.floor(rnd() * 5) : 0)), i);
    if (rnd() < 0.12 && i > 2) addFlow(i - 2 - Math.floor(rnd() * Math.min(i - 2, 8)), i, "or");
    if (rnd() < 0.02 && i > 5) addFlow(i, i - 1 - Math.floor(rnd() * 5), "try again");
  }
  return {
    id: `generated-${options.seed}-${n}`,
    title: `Generated journey (${n} steps, seed ${options.seed})`,
    scenario: "",
    description: "",
    ownerTeam: "",
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    actors,
    lanes,
    stages,
    steps,
    flows,
    annotations: [],
    customDataItems: [],
    duplicateDecisions: [],
  };
}
