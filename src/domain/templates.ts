/** Touchpoint templates for the palette: common steps a designer adds in seconds. */
import type { Channel, Layer, Step } from "./model";

export interface TouchpointTemplate {
  key: string;
  name: string;
  /** The layer a step of this kind usually sits in. */
  layer: Layer;
  /** A library organisation that usually owns it, if any. */
  organisationKey: string | null;
  fields: Partial<Pick<Step, "label" | "channel" | "dataItems" | "evidence" | "activeMinutes">> & {
    channel: Channel | null;
  };
}

export const TOUCHPOINT_TEMPLATES: readonly TouchpointTemplate[] = [
  { key: "gov-online-form", name: "GOV.UK online form", layer: "citizen", organisationKey: null, fields: { label: "Fill in the online form", channel: "online", activeMinutes: 20 } },
  { key: "post-office-counter", name: "Post Office counter", layer: "frontstage", organisationKey: "post-office", fields: { label: "Counter check at the Post Office", channel: "in-person", activeMinutes: 15 } },
  { key: "phone-line", name: "Phone line", layer: "frontstage", organisationKey: null, fields: { label: "Call the helpline", channel: "phone", activeMinutes: 20 } },
  { key: "letter", name: "Letter", layer: "evidence", organisationKey: null, fields: { label: "Letter arrives", channel: "post" } },
  { key: "jobcentre-appointment", name: "Jobcentre appointment", layer: "frontstage", organisationKey: "jcp", fields: { label: "Appointment at the jobcentre", channel: "in-person", activeMinutes: 45 } },
  { key: "paper-form", name: "Paper form", layer: "citizen", organisationKey: null, fields: { label: "Fill in and post the paper form", channel: "post", activeMinutes: 40 } },
  { key: "email-sms", name: "Email or text message", layer: "evidence", organisationKey: null, fields: { label: "Confirmation email", channel: "email-sms" } },
  { key: "caseworker-check", name: "Caseworker check", layer: "backstage", organisationKey: null, fields: { label: "Caseworker checks the claim", channel: "automated" } },
  { key: "system-check", name: "Automated data check", layer: "support", organisationKey: null, fields: { label: "Automated records check", channel: "automated" } },
  { key: "identity-check", name: "Prove identity", layer: "citizen", organisationKey: null, fields: { label: "Prove your identity", channel: "online", evidence: ["passport"], activeMinutes: 15 } },
];

/** The drag-and-drop data type that carries a template key from the palette to the canvas. */
export const TEMPLATE_MIME = "application/x-seams-template";
