/**
 * Presentation mode on the canvas: one slide at a time (a stage, or a finding), shown at a zoom
 * where card labels are at least 18 px on screen, with on-screen controls. Arrow keys, Page Up
 * and Page Down, Home and End step through; Escape leaves. Leaving puts the view and selection
 * back as they were.
 */
import { Panel, useReactFlow, useStore } from "@xyflow/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { DuplicateCluster } from "../domain/analysis/duplicates";
import type { Handoff } from "../domain/analysis/handoffs";
import type { BlueprintLayout } from "../domain/layout";
import type { Journey } from "../domain/model";
import { presentationSlides, type PresentationTrack } from "../domain/presentation";
import { useStoreApi } from "../store/context";
import { stopPresenting } from "./presenting";
import { LANE_HEIGHT } from "../domain/layout";
import { centreRect, presentingZoom, topLeftView, type Insets } from "./viewport";

/** The sticky headers on the left and top, and the controls along the bottom. */
const PRESENTING_INSETS: Insets = { left: 176, top: 44, right: 24, bottom: 96 };

const NEXT_KEYS = new Set(["ArrowRight", "ArrowDown", "PageDown"]);
const PREVIOUS_KEYS = new Set(["ArrowLeft", "ArrowUp", "PageUp"]);

interface PresentationProps {
  journey: Journey;
  layout: BlueprintLayout;
  findings: { handoffs: readonly Handoff[]; duplicates: readonly DuplicateCluster[] };
}

export function Presentation({ journey, layout, findings }: PresentationProps) {
  const store = useStoreApi();
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const [track, setTrack] = useState<PresentationTrack>("stages");
  const [wanted, setWanted] = useState(0);
  const nextRef = useRef<HTMLButtonElement>(null);

  const free = {
    width: Math.max(1, width - PRESENTING_INSETS.left - PRESENTING_INSETS.right),
    height: Math.max(1, height - PRESENTING_INSETS.top - PRESENTING_INSETS.bottom),
  };
  const zoom = presentingZoom(free.height, LANE_HEIGHT);
  const room = { width: free.width / zoom, height: free.height / zoom };
  const slides = useMemo(
    () => presentationSlides(track, journey, layout, findings, { width: room.width, height: room.height }),
    [track, journey, layout, findings, room.width, room.height],
  );
  // The journey can change under the presentation (another tab): stay on a slide that exists.
  const index = Math.min(wanted, Math.max(0, slides.length - 1));
  const slide = slides[index];

  // Put the view and the selection back as they were when the presentation ends.
  useEffect(() => {
    const viewport = flow.getViewport();
    const { selectedStepIds, selectedFlowIds } = store.getState();
    nextRef.current?.focus();
    return () => {
      void flow.setViewport(viewport);
      store.getState().select(selectedStepIds, selectedFlowIds);
    };
  }, [flow, store]);

  useEffect(() => {
    if (!slide || width === 0 || height === 0) return;
    const size = { width, height };
    const view = slide.align === "start" ? topLeftView(slide.rect, PRESENTING_INSETS, zoom) : centreRect(slide.rect, size, PRESENTING_INSETS, zoom, zoom);
    void flow.setViewport(view, { duration: 250 });
    store.getState().select(slide.stepIds);
  }, [flow, store, slide, width, height, zoom]);

  const go = (to: number) => setWanted(Math.max(0, Math.min(to, slides.length - 1)));
  // The key handler is added once; it reads the latest slide count and position from here.
  const goRef = useRef(go);
  const indexRef = useRef(index);
  useEffect(() => {
    goRef.current = go;
    indexRef.current = index;
  });

  // Keys are taken before anything else sees them: the arrows step through slides here, not
  // through steps, and Escape leaves the presentation rather than clearing a selection.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      let handled = true;
      if (NEXT_KEYS.has(e.key)) goRef.current(indexRef.current + 1);
      else if (PREVIOUS_KEYS.has(e.key)) goRef.current(indexRef.current - 1);
      else if (e.key === "Home") goRef.current(0);
      else if (e.key === "End") goRef.current(Number.MAX_SAFE_INTEGER);
      else if (e.key === "Escape") stopPresenting(store);
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [store]);
  // Leaving full screen by the browser's own means (Escape, F11) ends the presentation too.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) stopPresenting(store);
    };
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, [store]);

  const chooseTrack = (next: PresentationTrack) => {
    setTrack(next);
    setWanted(0);
  };

  return (
    <Panel position="bottom-left" className="presentation-bar">
      <section aria-label="Presentation">
        <div className="presentation-row">
          <div className="presentation-tracks" role="group" aria-label="Step through">
            <button type="button" aria-pressed={track === "stages"} onClick={() => chooseTrack("stages")}>
              Stages
            </button>
            <button type="button" aria-pressed={track === "findings"} onClick={() => chooseTrack("findings")}>
              Findings
            </button>
          </div>
          <button type="button" className="presentation-step" onClick={() => go(index - 1)} disabled={index === 0 || !slide} aria-label="Previous" title="Previous (←, Page Up)">
            <span aria-hidden="true">◀</span>
          </button>
          <div className="presentation-caption" aria-live="polite">
            <p className="presentation-title">{slide ? slide.title : track === "findings" ? "No findings: no handoffs or duplicated steps." : "No stages yet."}</p>
            {slide ? <p className="presentation-detail">{slide.detail}</p> : null}
          </div>
          <button ref={nextRef} type="button" className="presentation-step" onClick={() => go(index + 1)} disabled={index >= slides.length - 1} aria-label="Next" title="Next (→, Page Down)">
            <span aria-hidden="true">▶</span>
          </button>
          <button type="button" className="presentation-exit" onClick={() => stopPresenting(store)} aria-keyshortcuts="Escape" title="Stop presenting (Esc)">
            Exit
          </button>
        </div>
      </section>
    </Panel>
  );
}
