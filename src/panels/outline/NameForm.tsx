import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";

export interface NameFormProps {
  /** The visible label of the text box: "Step name", "Stage name". */
  label: string;
  initial?: string;
  submitText: string;
  /** Called with the trimmed, non-empty name. */
  onSubmit(name: string): void;
  /** Escape and the Cancel button; without it the form has no Cancel button. */
  onCancel?(): void;
  /** The message shown when the name is left empty. */
  emptyError: string;
  autoFocus?: boolean;
  /** Empties the box after each submit (for a form that stays open). */
  resetOnSubmit?: boolean;
  inputFocusKey?: string;
  className?: string;
}

/** A one-line name form: Enter submits once, Escape cancels, an empty name is explained. */
export function NameForm({
  label,
  initial = "",
  submitText,
  onSubmit,
  onCancel,
  emptyError,
  autoFocus = false,
  resetOnSubmit = false,
  inputFocusKey,
  className,
}: NameFormProps) {
  const inputId = useId();
  const errorId = useId();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!autoFocus) return;
    input.current?.focus();
    input.current?.select();
  }, [autoFocus]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = value.trim();
    if (!name) {
      setError(true);
      input.current?.focus();
      return;
    }
    setError(false);
    if (resetOnSubmit) setValue("");
    onSubmit(name);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form className={`outline-form ${className ?? ""}`} onSubmit={submit} onKeyDown={onKeyDown}>
      <div className={`outline-field${error ? " has-error" : ""}`}>
        <label className="outline-label" htmlFor={inputId}>
          {label}
        </label>
        {error ? (
          <p className="outline-error" id={errorId}>
            <span className="outline-visually-hidden">Error:</span> {emptyError}
          </p>
        ) : null}
        <input
          ref={input}
          id={inputId}
          className="outline-input"
          type="text"
          autoComplete="off"
          value={value}
          aria-invalid={error || undefined}
          aria-describedby={error ? errorId : undefined}
          data-focus-key={inputFocusKey}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="outline-actions">
        <button type="submit" className="outline-button outline-button--primary">
          {submitText}
        </button>
        {onCancel ? (
          <button type="button" className="outline-button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
