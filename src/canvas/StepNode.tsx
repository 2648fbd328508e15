import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, useRef, type RefObject } from "react";
import { CHANNEL_LABELS } from "../domain/model";
import { useCommands, useSeamsState } from "../store/context";
import { DUPLICATE_COLOURS } from "../domain/analysis/highlights";
import { InPlaceField } from "../ui/InPlaceField";
import { CARD_TARGET, type StepNode as StepNodeType } from "./nodes";
import type { FirstAsk } from "../domain/analysis/highlights";

const EMOTION_WORDS: Record<number, string> = { [-2]: "very unhappy", [-1]: "unhappy", 0: "neutral", 1: "happy", 2: "very happy" };

/** A step card: owner colour strip, label, channel, data asked, and the analysis marks. */
function StepNodeView({ id, data, selected }: NodeProps<StepNodeType>) {
  const { step, owner, colour, duplicate, repeated, firstAsked, editing, isCitizen } = data;
  const dupColour = duplicate ? DUPLICATE_COLOURS[duplicate.cluster % DUPLICATE_COLOURS.length] : undefined;
  const cardRef = useRef<HTMLDivElement>(null);
  const classes = ["step-card"];
  if (selected) classes.push("is-selected");
  if (isCitizen) classes.push("is-citizen");
  if (step.evidenceStatus === "proposed") classes.push("is-proposed");
  if (duplicate) classes.push("is-duplicate");
  return (
    <div
      ref={cardRef}
      className={classes.join(" ")}
      style={{ ["--owner" as string]: colour, ["--dup" as string]: dupColour }}
      data-step-id={id}
    >
      <Handle type="target" id="l" position={Position.Left} className="step-handle" />
      <Handle type="target" id="t" position={Position.Top} className="step-handle" />
      <div className="step-owner">
        <span className="step-owner-name">{owner}</span>
        {step.channel ? <span className="step-channel">{CHANNEL_LABELS[step.channel]}</span> : null}
      </div>
      {editing ? <LabelEditor id={id} label={step.label} cardRef={cardRef} /> : <div className="step-label">{step.label}</div>}
      <div className="step-meta">
        {step.dataItems.length > 0 ? (
          <span className="step-items" title={`Asks for: ${step.dataItems.join(", ")}`}>
            {/* Shorter beside the repeated-information marks, so they fit on the card. */}
            {(repeated.length > 0 || firstAsked.length > 0) ? "" : "asks "}
            {step.dataItems.length} item{step.dataItems.length === 1 ? "" : "s"}
          </span>
        ) : null}
        {firstAsked.length > 0 ? <FirstAskMark asks={firstAsked} /> : null}
        {repeated.length > 0 ? (
          <span className="mark mark-repeated" title={`Asked again: ${repeated.join(", ")}`}>
            ↻ {repeated.length} again
          </span>
        ) : null}
        {duplicate ? (
          <span className="mark mark-duplicate" title="Same job as another step">
            D{duplicate.cluster + 1}
          </span>
        ) : null}
        {step.failPoint ? <span className="mark mark-fail" title="Fail point">F</span> : null}
        {step.waitPoint ? <span className="mark mark-wait" title="Wait point">W</span> : null}
        {step.painPoints.length > 0 ? (
          <span className="mark mark-pain" title={step.painPoints.join("\n")}>⚠ {step.painPoints.length}</span>
        ) : null}
        {step.emotion !== null ? (
          <span className={`step-emotion emotion-${step.emotion + 2}`} title={`Citizen feels ${EMOTION_WORDS[step.emotion]}`}>
            {step.emotion > 0 ? `+${step.emotion}` : step.emotion < 0 ? `−${-step.emotion}` : "±0"}
          </span>
        ) : null}
      </div>
      <Handle type="source" id="r" position={Position.Right} className="step-handle" />
      <Handle type="source" id="b" position={Position.Bottom} className="step-handle" />
      {/* The whole card is a drop target while a flow is being drawn (canvas.css lets the
          pointer through to the card at every other time). */}
      <Handle type="target" id={CARD_TARGET} position={Position.Left} className="card-target" isConnectableStart={false} />
    </div>
  );
}

/** The first step to ask for information that later steps ask for again: not a repeat itself,
 * so marked apart from them ("1st +3": asked first here, and 3 more times later). */
function FirstAskMark({ asks }: { asks: readonly FirstAsk[] }) {
  const more = asks.reduce((sum, a) => sum + a.more, 0);
  const times = (n: number) => `${n} more time${n === 1 ? "" : "s"}`;
  const title =
    asks.length === 1
      ? `Asked first here, ${times(more)}: ${asks[0]!.label}`
      : `Asked first here, and again later: ${asks.map((a) => `${a.label} (${times(a.more)})`).join(", ")}`;
  return (
    <span className="mark mark-first-ask" title={title}>
      1st +{more}
    </span>
  );
}

function LabelEditor({ id, label, cardRef }: { id: string; label: string; cardRef: RefObject<HTMLDivElement | null> }) {
  const commands = useCommands();
  const stopEditing = useSeamsState((s) => s.setEditingStep);
  // Enter or Escape ends the edit with the focus still in the field, which is about to go:
  // the card takes the focus back, so the keyboard carries on from it. An edit ended by
  // clicking elsewhere leaves the focus where the click put it.
  // A card taken back (Escape on a blank one just added) hands the focus to the canvas
  // instead: focusing the card on its way out would select it again.
  const end = (abandoned: boolean) => {
    const card = cardRef.current;
    if (card?.contains(document.activeElement)) {
      const target = abandoned ? card.closest<HTMLElement>(".react-flow") : card.closest<HTMLElement>(".react-flow__node");
      target?.focus({ preventScroll: true });
    }
    stopEditing(null);
  };
  return (
    <InPlaceField
      className="step-label-editor nodrag nowheel"
      label="Step label"
      initial={label}
      multiline
      onCommit={(text) => commands.updateStep(id, { label: text })}
      onEnd={(how) => {
        // Escape on a card just added and still blank takes the addition back.
        end(how === "cancelled" && commands.abandonNewStep(id));
      }}
    />
  );
}

export const StepNode = memo(StepNodeView);
