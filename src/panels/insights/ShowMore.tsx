/** The first findings of a long list, and a button that shows more of them. */
import { useState, type ReactNode } from "react";
import { FINDINGS_PAGE } from "../../domain/analysis/describe";

/** Renders the first `limit` items (growing by a page at each press) and the button. */
export function useShowMore<T>(items: readonly T[], what: string): { shown: readonly T[]; more: ReactNode } {
  const [limit, setLimit] = useState(FINDINGS_PAGE);
  const shown = items.length > limit ? items.slice(0, limit) : items;
  const rest = items.length - shown.length;
  const more =
    rest > 0 ? (
      <button type="button" className="link-button insights-more" onClick={() => setLimit((l) => l + FINDINGS_PAGE)}>
        Show {Math.min(rest, FINDINGS_PAGE)} more {what} (showing {shown.length} of {items.length})
      </button>
    ) : null;
  return { shown, more };
}
