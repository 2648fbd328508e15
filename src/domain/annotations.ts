/**
 * Where an annotation (pain point, opportunity, question, note) sits: on one step, on one
 * lane × stage cell, or free on the blueprint.
 */
import type { Annotation, AnnotationKind, Journey, LaneId, StageId, StepId } from "./model";

export type Attachment =
  | { kind: "step"; stepId: StepId }
  | { kind: "cell"; laneId: LaneId; stageId: StageId }
  | { kind: "free" };

export const ANNOTATION_KIND_LABELS: Record<AnnotationKind, string> = {
  "pain-point": "Pain point",
  opportunity: "Opportunity",
  question: "Question",
  note: "Note",
};

/** The fields of an annotation that say where it is attached. */
export type AttachmentFields = Pick<Annotation, "stepId" | "laneId" | "stageId">;

/** The attachment fields for an attachment: exactly one kind set, the others null. */
export function attachmentFields(attachment: Attachment): AttachmentFields {
  switch (attachment.kind) {
    case "step":
      return { stepId: attachment.stepId, laneId: null, stageId: null };
    case "cell":
      return { stepId: null, laneId: attachment.laneId, stageId: attachment.stageId };
    case "free":
      return { stepId: null, laneId: null, stageId: null };
  }
}

/**
 * What an annotation is attached to, or a problem when its fields mix kinds: a step and a
 * cell at once, or a lane without a stage (or a stage without a lane).
 */
export function annotationAttachment(
  fields: AttachmentFields,
):
  | { ok: true; attachment: Attachment }
  | { ok: false; field: keyof AttachmentFields; problem: string } {
  const { stepId, laneId, stageId } = fields;
  if (stepId !== null) {
    if (laneId !== null || stageId !== null)
      return {
        ok: false,
        field: laneId !== null ? "laneId" : "stageId",
        problem: "an annotation is attached to a step or to a cell, not both",
      };
    return { ok: true, attachment: { kind: "step", stepId } };
  }
  if (laneId === null && stageId === null) return { ok: true, attachment: { kind: "free" } };
  if (laneId === null)
    return {
      ok: false,
      field: "laneId",
      problem: "a cell annotation needs a lane as well as a stage",
    };
  if (stageId === null)
    return {
      ok: false,
      field: "stageId",
      problem: "a cell annotation needs a stage as well as a lane",
    };
  return { ok: true, attachment: { kind: "cell", laneId, stageId } };
}

/** A new annotation with the given attachment. */
export function newAnnotation(
  id: string,
  kind: AnnotationKind,
  text: string,
  attachment: Attachment = { kind: "free" },
): Annotation {
  return { id, kind, text, ...attachmentFields(attachment) };
}

/** True when the attachment names a step, lane and stage of the journey (free always does). */
export function attachmentExists(journey: Journey, fields: AttachmentFields): boolean {
  const read = annotationAttachment(fields);
  if (!read.ok) return false;
  const at = read.attachment;
  if (at.kind === "free") return true;
  if (at.kind === "step") return journey.steps.some((s) => s.id === at.stepId);
  return (
    journey.lanes.some((l) => l.id === at.laneId) && journey.stages.some((s) => s.id === at.stageId)
  );
}

/** The annotations on one step, in journey order. */
export function stepAnnotations(journey: Journey, stepId: StepId): Annotation[] {
  return journey.annotations.filter((a) => a.stepId === stepId);
}

/** The annotations on one lane × stage cell (not those on its steps), in journey order. */
export function cellAnnotations(journey: Journey, laneId: LaneId, stageId: StageId): Annotation[] {
  return journey.annotations.filter((a) => a.laneId === laneId && a.stageId === stageId);
}
