/**
 * Text edited in place, over what it names (a card's label, a lane or stage header). It takes
 * focus with its text selected; Enter or leaving it keeps the new text (a required text left
 * empty keeps the old one), Escape keeps the old text. Keys typed here never reach the canvas.
 * `onEnd` says which: "kept" (Enter or leaving) or "cancelled" (Escape).
 */
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";

export interface InPlaceFieldProps {
  label: string;
  initial: string;
  onCommit(value: string): void;
  /** Editing ends (after a commit, or without one): kept with Enter or by leaving the field,
   * or cancelled with Escape. */
  onEnd(how: "kept" | "cancelled"): void;
  /** An empty text is not kept. */
  required?: boolean;
  /** A textarea: Shift+Enter adds a line. */
  multiline?: boolean;
  className?: string;
  placeholder?: string;
  style?: CSSProperties;
}

export function InPlaceField({
  label,
  initial,
  onCommit,
  onEnd,
  required = true,
  multiline = false,
  className,
  placeholder,
  style,
}: InPlaceFieldProps) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (keep: boolean) => {
    if (done.current) return; // Enter or Escape ended it; the blur that may follow does nothing
    done.current = true;
    const text = value.trim();
    if (keep && text !== initial && (text !== "" || !required)) onCommit(text);
    onEnd(keep ? "kept" : "cancelled");
  };
  const props = {
    ref,
    className,
    style,
    placeholder,
    "aria-label": label,
    value,
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onBlur: () => finish(true),
    onKeyDown: (e: KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === "Enter" && !(multiline && e.shiftKey)) {
        e.preventDefault();
        finish(true);
      } else if (e.key === "Escape") {
        e.preventDefault();
        finish(false);
      }
    },
  };
  return multiline ? <textarea {...props} /> : <input {...props} />;
}
