/** A labelled select. Options can be grouped (rendered as <optgroup>). */
import { useId } from "react";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectGroup {
  label: string;
  options: SelectOption[];
}

export interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly (SelectOption | SelectGroup)[];
  onChange(value: string): void;
  hint?: string;
  disabled?: boolean;
  className?: string;
  /** A stable id, for callers that must find the select again after it moves. */
  id?: string;
}

const isGroup = (o: SelectOption | SelectGroup): o is SelectGroup => "options" in o;

export function SelectField({
  label,
  value,
  options,
  onChange,
  hint,
  disabled,
  className,
  id: givenId,
}: SelectFieldProps) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) =>
          isGroup(o) ? (
            <optgroup key={`group:${o.label}`} label={o.label}>
              {o.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ) : (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ),
        )}
      </select>
    </div>
  );
}
