/**
 * Print: the exported drawing laid out on landscape sheets, previewed on screen and printed
 * exactly as previewed. A4 or A3 fits the whole blueprint on one sheet, A0 makes a poster, and
 * the A4 wall tiles it over several sheets at a readable size, each sheet labelled like a map
 * square ("B3") with cut marks and its overlap with the next sheets marked, for a workshop wall.
 *
 * Each sheet is an <svg> in millimetres holding an <svg> whose viewBox looks onto one part of
 * the exported drawing (shown through <image>, so nothing in it can run).
 */
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties } from "react";
import { createPortal } from "react-dom";
import { exportSvg } from "../../export/svg";
import { printPages, type Paper, type PrintMode, type PrintPage, type PrintPlan } from "../../export/print";
import { useSeamsState } from "../../store/context";
import { exportHighlights, svgSize } from "./export-files";
import "./print.css";

type Layout = "A4" | "A3" | "A0" | "A4-wall";

const LAYOUTS: readonly { value: Layout; label: string; paper: Paper; mode: PrintMode }[] = [
  { value: "A4", label: "A4 landscape, one sheet", paper: "A4", mode: "fit" },
  { value: "A3", label: "A3 landscape, one sheet", paper: "A3", mode: "fit" },
  { value: "A0", label: "A0 poster", paper: "A0", mode: "fit" },
  { value: "A4-wall", label: "A4 sheets for a wall (tiled, readable size)", paper: "A4", mode: "tiled" },
];

/** Preview width of one sheet, in CSS pixels. */
const PREVIEW_WIDTH: Record<Layout, number> = { A4: 560, A3: 640, A0: 720, "A4-wall": 300 };

export function PrintView({ onClose }: { onClose(): void }) {
  const journey = useSeamsState((s) => s.journey);
  const overlays = useSeamsState((s) => s.overlays);
  const [layout, setLayout] = useState<Layout>("A3");
  const [overlap, setOverlap] = useState(10);
  const titleId = useId();
  const first = useRef<HTMLInputElement>(null);

  const svg = useMemo(
    () => (journey ? exportSvg(journey, { includeData: false, highlights: exportHighlights(journey, overlays) }) : ""),
    [journey, overlays],
  );
  const url = useObjectUrl(svg);
  const size = useMemo(() => svgSize(svg), [svg]);
  const choice = LAYOUTS.find((l) => l.value === layout)!;
  const plan = useMemo(
    () => printPages(size.width, size.height, choice.paper, choice.mode, overlap),
    [size, choice, overlap],
  );

  useEffect(() => {
    document.body.classList.add("printing");
    first.current?.focus();
    return () => document.body.classList.remove("printing");
  }, []);

  if (!journey) return null;
  return createPortal(
    <div
      className="print-view"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <style>{`@page { size: ${plan.pageWidthMm}mm ${plan.pageHeightMm}mm; margin: 0; }`}</style>
      <div className="print-controls">
        <h2 id={titleId}>Print “{journey.title || "Untitled journey"}”</h2>
        <fieldset className="print-layouts">
          <legend>Paper</legend>
          {LAYOUTS.map((l, i) => (
            <label key={l.value}>
              <input
                ref={i === 0 ? first : undefined}
                type="radio"
                name="print-layout"
                checked={layout === l.value}
                onChange={() => setLayout(l.value)}
              />{" "}
              {l.label}
            </label>
          ))}
        </fieldset>
        {choice.mode === "tiled" ? (
          <label className="print-overlap">
            Overlap between sheets (mm){" "}
            <input
              type="number"
              min={0}
              max={50}
              value={overlap}
              onChange={(e) => setOverlap(Math.max(0, Math.min(50, Number(e.target.value) || 0)))}
            />
          </label>
        ) : null}
        <p className="print-summary" role="status">
          {summary(plan)}
        </p>
        <div className="print-actions">
          <button type="button" className="button primary" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <ol
        className="print-pages"
        aria-label="Pages"
        style={{ gridTemplateColumns: `repeat(${plan.columns}, ${PREVIEW_WIDTH[layout]}px)` }}
      >
        {plan.pages.map((page) => (
          <li
            key={page.label}
            className="print-page"
            aria-label={`Page ${page.label}`}
            style={
              {
                "--page-w": `${plan.pageWidthMm}mm`,
                "--page-h": `${plan.pageHeightMm}mm`,
                "--preview-w": `${PREVIEW_WIDTH[layout]}px`,
              } as CSSProperties
            }
          >
            <Sheet plan={plan} page={page} url={url} drawing={size} />
          </li>
        ))}
      </ol>
    </div>,
    document.body,
  );
}

function summary(plan: PrintPlan): string {
  const sheets = plan.pages.length === 1 ? "1 sheet" : `${plan.pages.length} sheets (${plan.rows} × ${plan.columns})`;
  const paper = `${plan.paper} landscape`;
  if (plan.mode === "fit") return `${sheets} of ${paper}, the whole blueprint fitted.`;
  return `${sheets} of ${paper}, cards printed about 40 mm wide, ${plan.overlapMm} mm overlap to trim or glue.`;
}

/** One sheet, in millimetres: the part of the drawing, its label, cut marks and overlap lines. */
function Sheet({ plan, page, url, drawing }: { plan: PrintPlan; page: PrintPage; url: string; drawing: { width: number; height: number } }) {
  const { pageWidthMm: w, pageHeightMm: h, marginMm: m, printableWidthMm: pw, printableHeightMm: ph } = plan;
  const vb = page.viewBox;
  const mark = Math.min(6, m - 2);
  const corners: [number, number][] = [
    [m, m],
    [m + pw, m],
    [m, m + ph],
    [m + pw, m + ph],
  ];
  const tiled = plan.mode === "tiled";
  const hasRight = tiled && page.column < plan.columns - 1;
  const hasBelow = tiled && page.row < plan.rows - 1;
  const font = plan.paper === "A0" ? 8 : 3.5;
  return (
    <svg viewBox={`0 0 ${w} ${h}`} width="100%" height="100%" xmlns="http://www.w3.org/2000/svg" role="img" aria-label={`Sheet ${page.label}`}>
      <rect x={0} y={0} width={w} height={h} fill="#ffffff" />
      <svg x={m} y={m} width={pw} height={ph} viewBox={`${vb.x} ${vb.y} ${vb.width} ${vb.height}`} preserveAspectRatio="xMidYMid meet">
        {url ? <image href={url} x={0} y={0} width={drawing.width} height={drawing.height} /> : null}
      </svg>
      <g stroke="#0b0c0c" strokeWidth={0.2} className="cut-marks">
        {corners.map(([x, y]) => (
          <g key={`${x},${y}`}>
            <line x1={x < w / 2 ? x - mark - 1 : x + 1} y1={y} x2={x < w / 2 ? x - 1 : x + mark + 1} y2={y} />
            <line x1={x} y1={y < h / 2 ? y - mark - 1 : y + 1} x2={x} y2={y < h / 2 ? y - 1 : y + mark + 1} />
          </g>
        ))}
      </g>
      {hasRight ? (
        <line x1={m + pw - plan.overlapMm} y1={m} x2={m + pw - plan.overlapMm} y2={m + ph} stroke="#1d70b8" strokeWidth={0.2} strokeDasharray="2 2" />
      ) : null}
      {hasBelow ? (
        <line x1={m} y1={m + ph - plan.overlapMm} x2={m + pw} y2={m + ph - plan.overlapMm} stroke="#1d70b8" strokeWidth={0.2} strokeDasharray="2 2" />
      ) : null}
      {tiled ? (
        <text x={w - m} y={h - m / 2 + font / 3} fontSize={font} textAnchor="end" fontFamily="Arial, sans-serif" fill="#0b0c0c">
          {page.label} · row {page.row + 1} of {plan.rows}, column {page.column + 1} of {plan.columns}
          {hasRight || hasBelow ? " · dashed lines: overlap with the next sheet" : ""}
        </text>
      ) : null}
    </svg>
  );
}

/** An object URL for a text, revoked when the text changes or the view closes. */
function useObjectUrl(svg: string): string {
  const url = useMemo(() => (svg ? URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" })) : ""), [svg]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}
