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

/** The font size of a card's label at zoom 1, in CSS pixels (`.step-label` in canvas.css). */
export const CARD_LABEL_PX = 13;

/** The zoom at which card labels are drawn `px` pixels high on screen (rounded up, so the
 * result is never a hair under). */
export function zoomForLabel(px: number): number {
  return Math.ceil((px / CARD_LABEL_PX) * 1000) / 1000;
}

/** The editor never opens smaller than this: labels 12 px on screen. */
export const READABLE_ZOOM = zoomForLabel(12);

/** Presentation mode: labels at least 18 px on screen, to be read from the back of a room. */
export const PRESENTING_ZOOM = zoomForLabel(18);

/** The zoom for presenting on a view with `height` pixels free for the blueprint: four lanes
 * high where the screen is tall enough (22 px labels at 1080p), never less than PRESENTING_ZOOM
 * (18 px labels at 720p, about three lanes), never more than `max`. One zoom for the whole
 * presentation, so cards keep their size from slide to slide. */
export function presentingZoom(height: number, laneHeight: number, max = 1.8): number {
  return Math.min(max, Math.max(PRESENTING_ZOOM, height / (4 * laneHeight)));
}

/** The view a journey opens at: as large as fits (up to zoom 1) but never below READABLE_ZOOM,
 * with the blueprint's top left corner against the sticky headers, so a journey larger than
 * the view opens on its first stages and lanes, and a small one sits beside its lane headers
 * rather than floating in the middle. */
export function openingView(rect: Rect, size: { width: number; height: number }, insets: Insets): { x: number; y: number; zoom: number } {
  return topLeftView(rect, insets, fitRect(rect, size, insets, READABLE_ZOOM, 1).zoom);
}

/** The viewport at `zoom` with the top left corner of `rect` at the top left of the free part
 * of the view. */
export function topLeftView(rect: Rect, insets: Insets, zoom: number): { x: number; y: number; zoom: number } {
  return { x: insets.left - rect.x * zoom, y: insets.top - rect.y * zoom, zoom };
}

/** The viewport that shows `rect` centred in the free part of a view of `size` (inside the
 * insets), as large as fits within the zoom limits. When it does not fit even at the smallest
 * zoom, its top left corner is shown, so the first stages and lanes are on screen. */
export function centreRect(
  rect: Rect,
  size: { width: number; height: number },
  insets: Insets,
  minZoom: number,
  maxZoom: number,
): { x: number; y: number; zoom: number } {
  // fitRect centres across; centre down too.
  const view = fitRect(rect, size, insets, minZoom, maxZoom);
  const availableH = Math.max(1, size.height - insets.top - insets.bottom);
  return { ...view, y: view.y + Math.max(0, (availableH - rect.height * view.zoom) / 2) };
}

/** The least pan that brings `rect` into the free part of the view at the current zoom, like
 * scrolling an element into view: the same viewport when it is already in view; its left (top)
 * edge when it is wider (taller) than the view. */
export function panIntoView(
  viewport: { x: number; y: number; zoom: number },
  rect: Rect,
  size: { width: number; height: number },
  insets: Insets,
): { x: number; y: number; zoom: number } {
  return revealRect(rect, viewport, size, insets) ?? viewport;
}
