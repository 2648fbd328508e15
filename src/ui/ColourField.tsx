/** A colour picker that commits once, when the user settles on a colour (the native change
 * event), not on every colour the picker passes through while dragging. */
import { useEffect, useId, useRef } from "react";
import { useDraft } from "./useDraft";

export interface ColourFieldProps {
  label: string;
  /** A #rrggbb colour. */
  value: string;
  onCommit(value: string): void;
  disabled?: boolean;
  className?: string;
}

export function ColourField({ label, value, onCommit, disabled, className }: ColourFieldProps) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const draft = useDraft(value);
  const latest = useRef({ value, onCommit });

  useEffect(() => {
    latest.current = { value, onCommit };
  });

  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    const commit = () => {
      const next = input.value.toLowerCase();
      if (next !== latest.current.value.toLowerCase()) latest.current.onCommit(next);
    };
    input.addEventListener("change", commit);
    return () => input.removeEventListener("change", commit);
  }, []);

  return (
    <div className={["field", "field-colour", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        type="color"
        value={draft.text}
        disabled={disabled}
        onChange={(e) => draft.set(e.target.value)}
      />
    </div>
  );
}
