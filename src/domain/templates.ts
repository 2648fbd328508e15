/** Touchpoint templates for the palette: common steps a designer adds in seconds. */
import { cellSteps } from "./journey";
import type { ActorId, Channel, Journey, LaneId, Layer, StageId, Step, StepId } from "./model";
import { organisationTemplate } from "./organisations";

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

/** Where a touchpoint clicked in the palette goes: a lane × stage cell and a place in it. */
export interface TouchpointPlace {
  laneId: LaneId;
  stageId: StageId;
  /** Position in the cell; undefined for its end. */
  index: number | undefined;
}

/** Where a palette touchpoint lands. With a step selected it stays with that step: in the
 * selected step's stage, in the lane of the touchpoint's own organisation when it names one
 * the journey has (a Post Office counter goes to the Post Office), otherwise in the selected
 * organisation's lane for the touchpoint's layer, otherwise right after the selected step in
 * its own cell. With nothing selected: the first stage, in the lane that best fits the
 * touchpoint's organisation and layer. Null when the journey has no lane or no stage. */
export function touchpointPlace(
  journey: Journey,
  template: TouchpointTemplate,
  selectedStepId: StepId | null,
): TouchpointPlace | null {
  const firstStage = journey.stages[0];
  if (!firstStage || journey.lanes.length === 0) return null;
  const selected = journey.steps.find((s) => s.id === selectedStepId);
  const selectedLane = selected && journey.lanes.find((l) => l.id === selected.laneId);
  if (!selected || !selectedLane || !journey.stages.some((s) => s.id === selected.stageId)) {
    return { laneId: bestLaneFor(journey, template), stageId: firstStage.id, index: undefined };
  }
  const stageId = selected.stageId;
  const named = namedOrganisationActors(journey, template);
  if (named.size > 0 && !named.has(selectedLane.actorId)) {
    const lane = journey.lanes.find((l) => named.has(l.actorId) && l.layer === template.layer) ?? journey.lanes.find((l) => named.has(l.actorId));
    if (lane) return { laneId: lane.id, stageId, index: undefined };
  }
  if (selectedLane.layer !== template.layer) {
    const lane = journey.lanes.find((l) => l.actorId === selectedLane.actorId && l.layer === template.layer);
    if (lane) return { laneId: lane.id, stageId, index: undefined };
  }
  const cell = cellSteps(journey, selected.laneId, stageId);
  return { laneId: selected.laneId, stageId, index: cell.findIndex((s) => s.id === selected.id) + 1 };
}

/** The journey's actors for the organisation a touchpoint names (none for a generic one). */
function namedOrganisationActors(journey: Journey, template: TouchpointTemplate): Set<ActorId> {
  const organisation = template.organisationKey ? organisationTemplate(template.organisationKey) : undefined;
  if (!organisation) return new Set();
  return new Set(journey.actors.filter((a) => a.type === "organisation" && a.name === organisation.name).map((a) => a.id));
}

/** With nothing selected: a lane of the touchpoint's organisation in its layer, else any lane
 * in its layer (the citizen's for a citizen action), else one of its organisation's lanes,
 * else the first lane. */
function bestLaneFor(journey: Journey, template: TouchpointTemplate): LaneId {
  const named = namedOrganisationActors(journey, template);
  const owners = named.size > 0 ? named : new Set(journey.actors.filter((a) => template.layer !== "citizen" || a.type === "citizen").map((a) => a.id));
  const lane =
    journey.lanes.find((l) => owners.has(l.actorId) && l.layer === template.layer) ??
    journey.lanes.find((l) => l.layer === template.layer) ??
    journey.lanes.find((l) => owners.has(l.actorId)) ??
    journey.lanes[0]!;
  return lane.id;
}
