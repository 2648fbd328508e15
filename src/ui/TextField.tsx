/** A text field that commits once, on blur or Enter, rather than on every keystroke, so one
 * edit is one undo entry. Escape goes back to the last committed value. */
import { useId, type KeyboardEvent } from "react";
import { useCommitOnUnmount, useDraft } from "./useDraft";

export interface TextFieldProps {
  label: string;
  value: string;
  onCommit(value: string): void;
  /** A textarea: Enter adds a line; Ctrl+Enter or Cmd+Enter commits. */
  multiline?: boolean;
  rows?: number;
  /** Empty text is refused: the field goes back to the last committed value. */
  required?: boolean;
  hint?: string;
  disabled?: boolean;
  placeholder?: string;
  className?: string;
}

export function TextField({
  label,
  value,
  onCommit,
  multiline = false,
  rows = 3,
  required = false,
  hint,
  disabled,
  placeholder,
  className,
}: TextFieldProps) {
  const id = useId();
  const draft = useDraft(value);

  const commit = () => {
    const next = draft.text.trim();
    if (required && next === "") {
      draft.set(value);
      return;
    }
    draft.set(next);
    if (next !== value) onCommit(next);
  };

  useCommitOnUnmount(commit);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === "Escape" && draft.text !== value) {
      event.stopPropagation();
      draft.set(value);
    } else if (event.key === "Enter" && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };

  const common = {
    id,
    value: draft.text,
    disabled,
    placeholder,
    "aria-describedby": hint ? `${id}-hint` : undefined,
    onBlur: commit,
    onKeyDown,
  };

  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => draft.set(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => draft.set(e.target.value)} />
      )}
    </div>
  );
}
