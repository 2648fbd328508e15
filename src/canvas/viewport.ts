/** Viewport maths for the canvas, kept pure so it can be tested without a browser. */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Insets {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Screen space taken by the sticky lane and stage headers. */
export const HEADER_INSETS: Insets = { left: 176, top: 44, right: 24, bottom: 24 };

/** The viewport that shows `rect` as large as possible inside a view of `size`, leaving the
 * insets free (for the sticky headers), within the zoom limits. */
export function fitRect(
  rect: Rect,
  size: { width: number; height: number },
  insets: Insets,
  minZoom: number,
  maxZoom: number,
): { x: number; y: number; zoom: number } {
  const availableW = Math.max(1, size.width - insets.left - insets.right);
  const availableH = Math.max(1, size.height - insets.top - insets.bottom);
  const raw = Math.min(availableW / Math.max(rect.width, 1), availableH / Math.max(rect.height, 1));
  const zoom = Math.min(maxZoom, Math.max(minZoom, raw));
  const x = insets.left - rect.x * zoom + Math.max(0, (availableW - rect.width * zoom) / 2);
  const y = insets.top - rect.y * zoom;
  return { x, y, zoom };
}

/** The viewport, at the same zoom, that brings `rect` fully into a view of `size` (clear of
 * the insets) with the smallest pan; null when it is in view already. A rect too big for the
 * view is shown from its top left corner. */
export function revealRect(
  rect: Rect,
  viewport: { x: number; y: number; zoom: number },
  size: { width: number; height: number },
  insets: Insets,
): { x: number; y: number; zoom: number } | null {
  const { zoom } = viewport;
  const shift = (start: number, length: number, from: number, to: number) => {
    if (length > to - from || start < from) return from - start;
    if (start + length > to) return to - (start + length);
    return 0;
  };
  const dx = shift(rect.x * zoom + viewport.x, rect.width * zoom, insets.left, size.width - insets.right);
  const dy = shift(rect.y * zoom + viewport.y, rect.height * zoom, insets.top, size.height - insets.bottom);
  if (dx === 0 && dy === 0) return null;
  return { x: viewport.x + dx, y: viewport.y + dy, zoom };
}
