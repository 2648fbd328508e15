import type { Actor, OrgKind } from "./model";

/** An organisation from the built-in UK library, ready to become a journey actor. */
export interface OrganisationTemplate {
  key: string;
  name: string;
  shortName: string;
  orgKind: OrgKind;
  colour: string;
}

/** Common UK organisations that citizen journeys cross. Colours are chosen to stay distinct
 * from each other (CIEDE2000 of 11 or more between any two, Bank and HMCTS, Council and
 * Register office far apart) and readable with dark text (`readableOrganisationColour`); they
 * are not the organisations' brand colours. */
export const UK_ORGANISATIONS: readonly OrganisationTemplate[] = [
  { key: "dwp", name: "Department for Work and Pensions", shortName: "DWP", orgKind: "central-department", colour: "#4c9f70" },
  { key: "jcp", name: "Jobcentre Plus", shortName: "Jobcentre", orgKind: "central-department", colour: "#7cc49a" },
  { key: "hmrc", name: "HM Revenue and Customs", shortName: "HMRC", orgKind: "central-department", colour: "#36a3c9" },
  { key: "dvla", name: "Driver and Vehicle Licensing Agency", shortName: "DVLA", orgKind: "executive-agency", colour: "#d9822b" },
  { key: "hmpo", name: "HM Passport Office", shortName: "HMPO", orgKind: "executive-agency", colour: "#8c6bb1" },
  { key: "post-office", name: "Post Office", shortName: "Post Office", orgKind: "partner", colour: "#e2473f" },
  { key: "register-office", name: "Register office", shortName: "Register office", orgKind: "local-authority", colour: "#d98f80" },
  { key: "council", name: "Local council", shortName: "Council", orgKind: "local-authority", colour: "#b8a06a" },
  { key: "nhs", name: "NHS", shortName: "NHS", orgKind: "nhs", colour: "#2f7fd1" },
  { key: "hmcts", name: "HM Courts and Tribunals Service", shortName: "HMCTS", orgKind: "executive-agency", colour: "#6d7b8d" },
  { key: "tv-licensing", name: "TV Licensing", shortName: "TV Licensing", orgKind: "partner", colour: "#ee78b6" },
  { key: "bank", name: "Bank or building society", shortName: "Bank", orgKind: "private", colour: "#8a8420" },
  { key: "gov-uk", name: "GOV.UK One Login", shortName: "One Login", orgKind: "central-department", colour: "#9097ee" },
  { key: "citizens-advice", name: "Citizens Advice", shortName: "Citizens Advice", orgKind: "third-sector", colour: "#00897b" },
];

export const CITIZEN_COLOUR = "#f2c94c";

/** Looks up a library organisation by its key. */
export function organisationTemplate(key: string): OrganisationTemplate | undefined {
  return UK_ORGANISATIONS.find((o) => o.key === key);
}

/** Makes a journey actor from a library organisation. */
export function actorFromTemplate(template: OrganisationTemplate, id: string): Actor {
  return {
    id,
    type: "organisation",
    name: template.name,
    shortName: template.shortName,
    orgKind: template.orgKind,
    colour: template.colour,
  };
}

/** Makes the citizen actor (or a representative such as an executor or parent). */
export function citizenActor(id: string, name = "Citizen"): Actor {
  return { id, type: "citizen", name, shortName: name, orgKind: null, colour: CITIZEN_COLOUR };
}

/** The colours a new organisation's should differ from: every library organisation's and
 * the citizen's. */
export const BUILT_IN_COLOURS: readonly string[] = [...UK_ORGANISATIONS.map((o) => o.colour), CITIZEN_COLOUR];
