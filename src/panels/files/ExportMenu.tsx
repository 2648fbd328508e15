/**
 * The journey toolbar's Export menu: the journey file (.json), a vector drawing (.svg), a PNG
 * image at 1×, 2× or 3×, the steps as a spreadsheet (.csv), and Print. Files download through
 * a Blob link, named after the journey's title.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { downloadBlob, fileNameFor } from "../../ui/download";
import { exportCsv } from "../../export/csv";
import { exportSvg } from "../../export/svg";
import { serializeJourney } from "../../format/envelope";
import { useSeamsState, useStoreApi } from "../../store/context";
import { useLibrary } from "../../store/library";
import { baseVersionFor, exportHighlights, renderPng } from "./export-files";
import { PrintView } from "./PrintView";
import "./files.css";

type ExportKind = "json" | "svg" | "png1" | "png2" | "png3" | "csv" | "print";

const ITEMS: readonly { kind: ExportKind; label: string }[] = [
  { kind: "json", label: "Journey file (.json)" },
  { kind: "svg", label: "Drawing (.svg)" },
  { kind: "png1", label: "Image (.png), 1×" },
  { kind: "png2", label: "Image (.png), 2×" },
  { kind: "png3", label: "Image (.png), 3×" },
  { kind: "csv", label: "Steps as a spreadsheet (.csv)" },
  { kind: "print", label: "Print…" },
];

export function ExportMenu() {
  const store = useStoreApi();
  const hasJourney = useSeamsState((s) => s.journey !== null);
  const [open, setOpen] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    window.addEventListener("mousedown", close);
    return () => window.removeEventListener("mousedown", close);
  }, [open]);

  // A finished export's message goes after a while; "Exporting…" stays until it is done.
  useEffect(() => {
    if (!status || busy) return;
    const timer = setTimeout(() => setStatus(""), 8000);
    return () => clearTimeout(timer);
  }, [status, busy]);

  async function run(kind: ExportKind) {
    setOpen(false);
    const journey = store.getState().journey;
    if (!journey) return;
    if (kind === "print") {
      setPrinting(true);
      return;
    }
    setBusy(true);
    setStatus("Exporting…");
    try {
      const title = journey.title || "Untitled journey";
      let file: { blob: Blob; name: string; note?: string };
      if (kind === "csv") {
        file = { blob: new Blob([exportCsv(journey)], { type: "text/csv;charset=utf-8" }), name: fileNameFor(title, ".csv") };
      } else if (kind === "json") {
        const name = fileNameFor(title, ".seams.json");
        const baseVersionId = await baseVersionFor(journey, useLibrary.getState().backend, name);
        file = { blob: new Blob([serializeJourney(journey, { baseVersionId })], { type: "application/json" }), name };
      } else {
        const name = fileNameFor(title, kind === "svg" ? ".svg" : ".png");
        const baseVersionId = kind === "svg" ? await baseVersionFor(journey, useLibrary.getState().backend, name) : null;
        const highlights = exportHighlights(journey, store.getState().overlays);
        const svg = exportSvg(journey, { envelope: { baseVersionId }, highlights });
        if (kind === "svg") {
          file = { blob: new Blob([svg], { type: "image/svg+xml" }), name };
        } else {
          const wanted = Number(kind.slice(3));
          const { blob, scale } = await renderPng(svg, wanted);
          const note = scale < wanted ? ` The drawing is large, so the image was made at ${scale.toFixed(1)}×.` : "";
          file = { blob, name, note };
        }
      }
      downloadBlob(file.blob, file.name);
      setStatus(`Exported ${file.name}.${file.note ?? ""}`);
    } catch (error) {
      setStatus(`The export failed: ${error instanceof Error ? error.message : "unknown error"}`);
    } finally {
      setBusy(false);
    }
  }

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(items.length - 1);
    else if (event.key === "Escape" || event.key === "Tab") {
      if (event.key === "Escape") event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <div className="group export-menu">
      <button
        ref={button}
        type="button"
        className="button small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={!hasJourney || busy}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Export
      </button>
      {open ? (
        <ul ref={menu} id={menuId} role="menu" aria-label="Export" className="export-menu-list" onKeyDown={onMenuKey}>
          {ITEMS.map((item) => (
            <li key={item.kind} role="none">
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => void run(item.kind)}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <span className="export-status" role="status" aria-live="polite">
        {status}
      </span>
      {printing ? <PrintView onClose={() => setPrinting(false)} /> : null}
    </div>
  );
}
