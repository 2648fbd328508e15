/** A whole-number field that commits on blur or Enter; empty means "not known" (null). A hint
 * under it can say the number in words ("2 days" for 2880 minutes). */
import { useId, type KeyboardEvent } from "react";
import { useCommitOnUnmount, useDraft } from "./useDraft";

export interface NumberFieldProps {
  label: string;
  value: number | null;
  onCommit(value: number | null): void;
  min?: number;
  /** Words for the number being typed, shown under the field. */
  describe?(value: number): string;
  disabled?: boolean;
  className?: string;
}

export function NumberField({
  label,
  value,
  onCommit,
  min = 0,
  describe,
  disabled,
  className,
}: NumberFieldProps) {
  const id = useId();
  const committed = value === null ? "" : String(value);
  const draft = useDraft(committed);
  const parsed = parse(draft.text, min);
  const words = describe && typeof parsed === "number" ? describe(parsed) : "";

  const commit = () => {
    if (parsed === undefined) {
      draft.set(committed);
      return;
    }
    draft.set(parsed === null ? "" : String(parsed));
    if (parsed !== value) onCommit(parsed);
  };

  useCommitOnUnmount(commit);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    } else if (event.key === "Escape" && draft.text !== committed) {
      event.stopPropagation();
      draft.set(committed);
    }
  };

  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        step={1}
        value={draft.text}
        disabled={disabled}
        aria-describedby={describe ? `${id}-words` : undefined}
        aria-invalid={parsed === undefined ? true : undefined}
        onChange={(e) => draft.set(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {describe && (
        <p id={`${id}-words`} className="field-hint">
          {parsed === undefined ? `Enter a whole number, ${min} or more` : words}
        </p>
      )}
    </div>
  );
}

/** null for empty, undefined for text that is not an acceptable number. */
function parse(text: string, min: number): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  if (!Number.isFinite(n) || n < min) return undefined;
  return Math.round(n);
}
