/** A fieldset of radio buttons with a visible legend; arrow keys move between them natively. */
import { useId } from "react";

export interface RadioOption<T> {
  value: T;
  label: string;
}

export interface RadioGroupProps<T> {
  legend: string;
  value: T;
  options: readonly RadioOption<T>[];
  onChange(value: T): void;
  hint?: string;
  disabled?: boolean;
  /** Lay the options out in a row (short labels). */
  inline?: boolean;
}

export function RadioGroup<T>({
  legend,
  value,
  options,
  onChange,
  hint,
  disabled,
  inline = false,
}: RadioGroupProps<T>) {
  const name = useId();
  return (
    <fieldset
      className={inline ? "field radios radios-inline" : "field radios"}
      disabled={disabled}
      aria-describedby={hint ? `${name}-hint` : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {options.map((option, i) => {
        const id = `${name}-${i}`;
        return (
          <div className="radio" key={id}>
            <input
              id={id}
              type="radio"
              name={name}
              checked={Object.is(option.value, value)}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
