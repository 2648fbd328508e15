/** A modal that asks before doing something: a question, optional choices, and two buttons. */
import type { FormEvent, ReactNode, RefObject } from "react";
import { Dialog } from "./Dialog";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** The question and any choices (radio buttons, selects) that shape the action. */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Styles the confirm button as a warning: the action removes something. */
  destructive?: boolean;
  confirmDisabled?: boolean;
  initialFocus?: RefObject<HTMLElement | null>;
  fallbackFocus?: RefObject<HTMLElement | null>;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = "Cancel",
  destructive = false,
  confirmDisabled = false,
  initialFocus,
  fallbackFocus,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirmDisabled) onConfirm();
  };
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      initialFocus={initialFocus}
      fallbackFocus={fallbackFocus}
    >
      <form onSubmit={submit}>
        {children}
        <div className="dialog-actions">
          <button
            type="submit"
            className={destructive ? "button button-warning" : "button"}
            disabled={confirmDisabled}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
