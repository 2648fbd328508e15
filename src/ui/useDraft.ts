import { useEffect, useRef, useState } from "react";

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

/** Runs the latest `commit` when the field goes away, so what was typed is kept even when the
 * selection changes (and the field unmounts) before it could blur. */
export function useCommitOnUnmount(commit: () => void): void {
  const latest = useRef(commit);
  useEffect(() => {
    latest.current = commit;
  });
  useEffect(() => () => latest.current(), []);
}
