import { useState } from "react";

/** Local text that follows the committed value whenever that value changes (undo, another tab,
 * another selection) and otherwise keeps what the user is typing. */
export function useDraft(value: string): { text: string; set(text: string): void } {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  return { text, set: setText };
}
