/**
 * A list of short values shown as chips, with a text box to add more. With `suggest`, the text
 * box is an ARIA combobox: typing lists matching options, the arrow keys move through them,
 * Enter adds the highlighted option (or the text as typed), Escape closes the list, and
 * Backspace in an empty box removes the last chip. Each chip has its own remove button.
 *
 * An option the text clearly stands for (`preferred`: "NINO" for National Insurance number) is
 * highlighted as soon as it is listed, so Enter adds it under its own name; the list then ends
 * with "Keep … as typed" for when the person's own wording is what they want.
 */
import { useId, useRef, useState, type KeyboardEvent } from "react";

export interface ChipSuggestion {
  id: string;
  label: string;
  /** Other words for it, shown small ("NINO, NI number"). */
  detail?: string;
  /** The text typed clearly means this option: it is highlighted from the start. */
  preferred?: boolean;
}

export interface ChipInputProps {
  label: string;
  values: readonly string[];
  /** Called once per added or removed chip with the whole new list. */
  onChange(values: string[]): void;
  suggest?(query: string): ChipSuggestion[];
  hint?: string;
  placeholder?: string;
  disabled?: boolean;
  /** Words for one value in button names and announcements: "data item", "tag". */
  itemName?: string;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function ChipInput({
  label,
  values,
  onChange,
  suggest,
  hint,
  placeholder,
  disabled,
  itemName = "item",
}: ChipInputProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  // The highlighted option: "auto" until the arrow keys move it (the preferred option, if any,
  // else none); -1 is the text as typed.
  const [active, setActive] = useState<number | "auto">("auto");
  const [announcement, setAnnouncement] = useState("");

  const all = suggest && open ? suggest(text) : [];
  const options = all.filter((o) => !values.some((v) => sameText(v, o.label)));
  // The item the text stands for is already a chip: Enter says so rather than adding it again
  // under other words.
  const alreadyAdded = all.find((o) => o.preferred && !options.includes(o));
  const preferred = options.findIndex((o) => o.preferred);
  // "Keep … as typed", after the options, when the text would otherwise become another name.
  const keepTyped = preferred >= 0 && !sameText(options[preferred]!.label, text);
  const count = options.length + (keepTyped ? 1 : 0);
  const expanded = count > 0;
  const activeIndex = active === "auto" ? preferred : active < count ? active : -1;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const add = (raw: string, typed = raw) => {
    const value = raw.trim();
    setText("");
    setOpen(false);
    setActive("auto");
    if (value === "") return;
    if (values.some((v) => sameText(v, value))) {
      setAnnouncement(`${value} is already in ${label}`);
      return;
    }
    onChange([...values, value]);
    setAnnouncement(sameText(value, typed) ? `Added ${value}` : `Added ${value} (you typed ${typed.trim()})`);
  };

  const removeAt = (index: number) => {
    const removed = values[index];
    if (removed === undefined) return;
    onChange(values.filter((_, i) => i !== index));
    setAnnouncement(`Removed ${removed}`);
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        if (!suggest) return;
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(event.key === "ArrowDown" ? 0 : -1);
          return;
        }
        if (count === 0) return;
        // Past either end the highlight goes back to the typed text (-1), then wraps round.
        const next = activeIndex + (event.key === "ArrowDown" ? 1 : -1);
        setActive(next >= count ? -1 : next < -1 ? count - 1 : next);
        return;
      }
      case "Enter": {
        event.preventDefault();
        const option = activeIndex >= 0 ? options[activeIndex] : undefined;
        if (!option && activeIndex < 0 && alreadyAdded) add(alreadyAdded.label, text);
        else add(option ? option.label : text, text);
        return;
      }
      case "Escape":
        if (expanded) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setActive("auto");
        } else if (text !== "") {
          event.stopPropagation();
          setText("");
        }
        return;
      case "Backspace":
        if (text === "" && values.length > 0) {
          event.preventDefault();
          removeAt(values.length - 1);
        }
        return;
    }
  };

  return (
    <div className="field chip-field">
      <label htmlFor={`${id}-input`} id={`${id}-label`}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {values.length > 0 && (
        <ul className="chips" aria-labelledby={`${id}-label`}>
          {values.map((value, i) => (
            <li key={`${value}-${i}`} className="chip">
              <span className="chip-text">{value}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${itemName} ${value}`}
                disabled={disabled}
                onClick={() => removeAt(i)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="combo">
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          role={suggest ? "combobox" : undefined}
          aria-autocomplete={suggest ? "list" : undefined}
          aria-expanded={suggest ? expanded : undefined}
          aria-controls={suggest ? listId : undefined}
          aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          autoComplete="off"
          placeholder={placeholder ?? `Add ${itemName}`}
          value={text}
          disabled={disabled}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(e.target.value.trim() !== "");
            setActive("auto");
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive("auto");
          }}
        />
        {suggest && (
          <ul
            id={listId}
            role="listbox"
            aria-label={`Suggestions for ${label}`}
            className="combo-list"
            hidden={!expanded}
          >
            {options.map((option, i) => (
              <li
                key={option.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className="combo-option"
                // Keep focus in the text box: the option is chosen before the box would blur.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => add(option.label, text)}
              >
                <span>{option.label}</span>
                {option.detail && <span className="combo-detail">{option.detail}</span>}
              </li>
            ))}
            {keepTyped ? (
              <li
                id={optionId(options.length)}
                role="option"
                aria-selected={activeIndex === options.length}
                className="combo-option combo-keep-typed"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => add(text)}
              >
                <span>Keep “{text.trim()}” as typed</span>
              </li>
            ) : null}
          </ul>
        )}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
