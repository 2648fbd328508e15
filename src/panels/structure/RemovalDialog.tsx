/** Asks what happens to the steps of a lane or stage being removed: move them elsewhere, or
 * delete them with it. */
import { useState, type RefObject } from "react";
import type { RemovalPolicy } from "../../domain/journey";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { RadioGroup } from "../../ui/RadioGroup";
import { SelectField, type SelectOption } from "../../ui/SelectField";

export interface RemovalDialogProps {
  /** "lane" or "stage". */
  kind: string;
  name: string;
  stepCount: number;
  /** Where the steps can go instead. */
  targets: SelectOption[];
  /** The target chosen at first (the first target if not given). */
  defaultTarget?: string;
  fallbackFocus?: RefObject<HTMLElement | null>;
  onConfirm(policy: RemovalPolicy): void;
  onCancel(): void;
}

type Choice = "move-steps" | "delete-steps";

export function RemovalDialog({
  kind,
  name,
  stepCount,
  targets,
  defaultTarget,
  fallbackFocus,
  onConfirm,
  onCancel,
}: RemovalDialogProps) {
  const canMove = targets.length > 0;
  const [choice, setChoice] = useState<Choice>(canMove ? "move-steps" : "delete-steps");
  const [target, setTarget] = useState(
    targets.some((t) => t.value === defaultTarget) ? defaultTarget! : (targets[0]?.value ?? ""),
  );
  const steps = `${stepCount} ${stepCount === 1 ? "step" : "steps"}`;

  const confirm = () =>
    onConfirm(
      choice === "move-steps" && canMove
        ? { kind: "move-steps", to: target }
        : { kind: "delete-steps" },
    );

  return (
    <ConfirmDialog
      open
      title={`Remove ${kind} ${name}`}
      confirmLabel={`Remove ${kind}`}
      destructive
      fallbackFocus={fallbackFocus}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <p>
        The {kind} {name} has {steps}. What should happen to {stepCount === 1 ? "it" : "them"}?
      </p>
      <RadioGroup<Choice>
        legend={`The ${steps} in this ${kind}`}
        value={choice}
        onChange={setChoice}
        options={[
          ...(canMove ? [{ value: "move-steps" as const, label: `Move to another ${kind}` }] : []),
          { value: "delete-steps", label: "Delete them" },
        ]}
      />
      {choice === "move-steps" && canMove && (
        <SelectField
          label={`Move steps to ${kind}`}
          value={target}
          options={targets}
          onChange={setTarget}
        />
      )}
      {choice === "delete-steps" && <p className="field-hint">You can undo this.</p>}
    </ConfirmDialog>
  );
}
