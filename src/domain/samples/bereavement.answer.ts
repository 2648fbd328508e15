/**
 * KNOWN ANSWER for the bereavement sample (bereavement.ts): its handoffs and repeated
 * information, worked out by hand from the definitions in DESIGN.md §3, not by running code.
 * A test oracle for the analysis engine and the browser test; if the sample changes, work
 * this out again by hand.
 *
 * How the handoffs were derived
 * - A citizen step is a step in a lane owned by the citizen actor, whatever its layer: the
 *   "papers" lane (physical evidence) is Joanne's, so its steps are citizen steps.
 * - For each organisation-owned step, follow every flow forward, passing through citizen
 *   steps only, to the first organisation-owned step(s) reached. For each step reached:
 *   another organisation → a handoff, "direct" if a single flow joins them, "citizen-carried"
 *   if only citizen steps lie between; the same organisation in another lane → "internal"
 *   (also when citizen steps lie between, as the definition says: two cases below);
 *   the same lane → no handoff.
 * - Going through every organisation step (owner / lane):
 *     mccd (NHS)                 → mccd-received (register office)        direct
 *     mccd-received (RO back)    → book (RO registrar)                    internal
 *     book (registrar)           → gather → register (registrar)          none, same lane
 *     register (registrar)       → green-form (RO back)                   internal
 *                                → certificate-copies (citizen, ends)     none
 *                                → tuo-offer (registrar)                  none, same lane
 *     tuo-offer (registrar)      → tuo-with-registrar (registrar)         none, same lane
 *                                → tuo-start → tuo-questions (DWP)        citizen-carried
 *     green-form (RO back)       → funeral (funeral director)             direct
 *     tuo-with-registrar (RO)    → tuo-hub (DWP)                          direct
 *                                → what-is-left → bsp-claim (DWP)         citizen-carried
 *                                → what-is-left → dns-notify (bank)       citizen-carried
 *     tuo-questions (DWP TUO)    → tuo-hub (DWP back)                     internal
 *                                → what-is-left → bsp-claim (DWP BSP)     internal, via citizen
 *                                → what-is-left → dns-notify (bank)       citizen-carried
 *     tuo-hub (DWP back)         → hmrc-tuo, dvla-tuo, hmpo-tuo, council-tuo   direct ×4
 *     bsp-claim (DWP BSP)        → bsp-decision (DWP back)                internal
 *     dns-notify (bank)          → bank-reply (bank)                      none, same lane
 *     bank-reply (bank)          → apply-probate → probate-questions (HMCTS)  citizen-carried
 *     probate-questions (HMCTS front) → post-will → probate-examine (HMCTS back)
 *                                                                         internal, via citizen
 *     probate-examine (HMCTS)    → grant → bank-release (bank)            citizen-carried
 *     funeral, hmrc-tuo, dvla-tuo, hmpo-tuo, council-tuo, bsp-decision, bank-release: no
 *     outgoing flows.
 *   Totals: 7 direct, 6 citizen-carried, 6 internal (19).
 *
 * How the repeated information was derived
 * - Every step's data items were read and each wording given its canonical item
 *   (BEREAVEMENT_ITEM_WORDINGS). Evidence documents in this sample are always also listed
 *   among the same step's data items, so the answer is the same whether or not an engine
 *   counts Step.evidence as well.
 * - The "Now, with the registrar" and "Later, online" branches are alternatives, but the
 *   definition counts every step that asks, so both Tell Us Once steps are listed.
 * - Listed: every canonical item asked by two or more steps, named as the built-in vocabulary
 *   (src/domain/vocabulary.ts) labels it, or as the journey's own custom item. Step ids are in
 *   the order of the journey's steps; compare them as sets.
 * - Asked only once, so not listed: maiden name, place of birth, occupation, marital status,
 *   birth certificate, Tell Us Once reference number, bank details ("Sort code and account
 *   number"), estate value, Inheritance Tax, original will, grant of probate.
 */
import type { StepId } from "../model";

export type KnownHandoffKind = "direct" | "citizen-carried" | "internal";

export interface KnownHandoff {
  from: StepId;
  to: StepId;
  kind: KnownHandoffKind;
}

export interface KnownRepeatedItem {
  /** Canonical name of the item. */
  item: string;
  stepIds: StepId[];
}

/** Key of the bereavement sample in SAMPLE_JOURNEYS. */
export const BEREAVEMENT_SAMPLE_KEY = "bereavement";

export const BEREAVEMENT_HANDOFFS: readonly KnownHandoff[] = [
  // direct
  { from: "bereave.step.mccd", to: "bereave.step.mccd-received", kind: "direct" },
  { from: "bereave.step.green-form", to: "bereave.step.funeral", kind: "direct" },
  { from: "bereave.step.tuo-with-registrar", to: "bereave.step.tuo-hub", kind: "direct" },
  { from: "bereave.step.tuo-hub", to: "bereave.step.hmrc-tuo", kind: "direct" },
  { from: "bereave.step.tuo-hub", to: "bereave.step.dvla-tuo", kind: "direct" },
  { from: "bereave.step.tuo-hub", to: "bereave.step.hmpo-tuo", kind: "direct" },
  { from: "bereave.step.tuo-hub", to: "bereave.step.council-tuo", kind: "direct" },
  // citizen-carried
  { from: "bereave.step.tuo-offer", to: "bereave.step.tuo-questions", kind: "citizen-carried" },
  {
    from: "bereave.step.tuo-with-registrar",
    to: "bereave.step.bsp-claim",
    kind: "citizen-carried",
  },
  {
    from: "bereave.step.tuo-with-registrar",
    to: "bereave.step.dns-notify",
    kind: "citizen-carried",
  },
  { from: "bereave.step.tuo-questions", to: "bereave.step.dns-notify", kind: "citizen-carried" },
  {
    from: "bereave.step.bank-reply",
    to: "bereave.step.probate-questions",
    kind: "citizen-carried",
  },
  {
    from: "bereave.step.probate-examine",
    to: "bereave.step.bank-release",
    kind: "citizen-carried",
  },
  // internal
  { from: "bereave.step.mccd-received", to: "bereave.step.book", kind: "internal" },
  { from: "bereave.step.register", to: "bereave.step.green-form", kind: "internal" },
  { from: "bereave.step.tuo-questions", to: "bereave.step.tuo-hub", kind: "internal" },
  { from: "bereave.step.tuo-questions", to: "bereave.step.bsp-claim", kind: "internal" },
  { from: "bereave.step.bsp-claim", to: "bereave.step.bsp-decision", kind: "internal" },
  { from: "bereave.step.probate-questions", to: "bereave.step.probate-examine", kind: "internal" },
];

export const BEREAVEMENT_REPEATED_ITEMS: readonly KnownRepeatedItem[] = [
  {
    item: "Name",
    stepIds: [
      "bereave.step.book",
      "bereave.step.register",
      "bereave.step.tuo-questions",
      "bereave.step.dns-notify",
      "bereave.step.probate-questions",
    ],
  },
  {
    item: "Date of birth",
    stepIds: [
      "bereave.step.register",
      "bereave.step.tuo-questions",
      "bereave.step.dns-notify",
      "bereave.step.probate-questions",
    ],
  },
  {
    item: "Date of death",
    stepIds: [
      "bereave.step.register",
      "bereave.step.tuo-questions",
      "bereave.step.bsp-claim",
      "bereave.step.dns-notify",
      "bereave.step.probate-questions",
    ],
  },
  { item: "Place of death", stepIds: ["bereave.step.book", "bereave.step.register"] },
  {
    item: "Address",
    stepIds: [
      "bereave.step.register",
      "bereave.step.tuo-questions",
      "bereave.step.dns-notify",
      "bereave.step.probate-questions",
    ],
  },
  {
    item: "National Insurance number",
    stepIds: [
      "bereave.step.tuo-with-registrar",
      "bereave.step.tuo-questions",
      "bereave.step.bsp-claim",
    ],
  },
  {
    item: "Driving licence",
    stepIds: ["bereave.step.tuo-with-registrar", "bereave.step.tuo-questions"],
  },
  { item: "Passport", stepIds: ["bereave.step.tuo-with-registrar", "bereave.step.tuo-questions"] },
  {
    item: "Benefits received",
    stepIds: [
      "bereave.step.register",
      "bereave.step.tuo-with-registrar",
      "bereave.step.tuo-questions",
    ],
  },
  {
    item: "Executor's details",
    stepIds: [
      "bereave.step.tuo-with-registrar",
      "bereave.step.tuo-questions",
      "bereave.step.dns-notify",
      "bereave.step.probate-questions",
    ],
  },
  {
    item: "Surviving partner's details",
    stepIds: ["bereave.step.tuo-with-registrar", "bereave.step.tuo-questions"],
  },
  {
    item: "Marriage or civil partnership certificate",
    stepIds: ["bereave.step.register", "bereave.step.bsp-claim"],
  },
  {
    item: "Death certificate",
    stepIds: ["bereave.step.bsp-claim", "bereave.step.bank-reply", "bereave.step.post-will"],
  },
];

/** Every wording used for a data item or evidence document in the bereavement sample, by
 * canonical item (case as written). A vocabulary must treat each list as one item. */
export const BEREAVEMENT_ITEM_WORDINGS: Readonly<Record<string, readonly string[]>> = {
  Name: ["Full name"],
  "Date of birth": ["Date of birth", "DOB"],
  "Date of death": ["Date of death"],
  "Place of death": ["Place of death"],
  Address: ["Usual address", "Address", "Last address"],
  "National Insurance number": ["National Insurance number", "NI number", "NINO"],
  "Driving licence": ["Driving licence"],
  Passport: ["Passport"],
  "Benefits received": ["State Pension or other benefits", "Benefits and council services"],
  "Executor's details": [
    "Executor's details",
    "Executor's name and address",
    "Details of the executors",
  ],
  "Surviving partner's details": ["Surviving partner's details"],
  "Marriage or civil partnership certificate": ["Marriage certificate"],
  "Death certificate": ["Death certificate"],
  "Previous or maiden names": ["Maiden name"],
  "Place of birth": ["Place of birth"],
  Occupation: ["Occupation"],
  "Marital status": ["Marital status"],
  "Birth certificate": ["Birth certificate"],
  "Tell Us Once reference number": ["Tell Us Once reference number"],
  "Bank details": ["Sort code and account number"],
  "Value of the estate": ["Estate value"],
  "Inheritance Tax": ["Inheritance Tax"],
  Will: ["Original will"],
  "Grant of probate": ["Grant of probate"],
};
