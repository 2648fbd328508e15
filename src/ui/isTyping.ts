/** True when a key press goes to a text field, so single-key shortcuts must not fire. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

/** True when Enter or Space would activate the focused control (a button, link, checkbox…),
 * so a shortcut on those keys must leave it alone. */
export function isControl(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (isTyping(el) || ["BUTTON", "A", "SUMMARY"].includes(el.tagName)) return true;
  const role = el.getAttribute("role");
  return role !== null && ["button", "link", "menuitem", "tab", "option", "checkbox", "radio", "switch", "listitem"].includes(role);
}
