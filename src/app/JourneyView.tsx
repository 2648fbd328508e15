import { Suspense, useMemo, useRef, useState } from "react";
import { BlueprintCanvas } from "../canvas/BlueprintCanvas";
import { ExportMenu } from "../panels/files/ExportMenu";
import { FindBox } from "../panels/find/FindBox";
import { InsightsPanel } from "../panels/insights/InsightsPanel";
import { Inspector } from "../panels/inspector/Inspector";
import { OutlineView } from "../panels/outline/OutlineView";
import { Palette } from "../panels/palette/Palette";
import { StructurePanel } from "../panels/structure/StructurePanel";
import { VersionsPanel } from "../panels/versions/VersionsPanel";
import { useCommands, useSeamsState, useStoreApi } from "../store/context";
import type { VersionSummary } from "../domain/library";
import { VersionCompareDialog } from "./CompareView";
import { HelpOverlay } from "./HelpOverlay";
import { useShortcuts } from "./useShortcuts";
import { startPresenting } from "../canvas/presenting";

/** The editor for one journey: toolbar, palette, canvas or outline, and the side panel. */
export function JourneyView() {
  const store = useStoreApi();
  const commands = useCommands();
  const journey = useSeamsState((s) => s.journey);
  const view = useSeamsState((s) => s.view);
  const setView = useSeamsState((s) => s.setView);
  const readOnly = useSeamsState((s) => s.readOnly);
  const canUndo = useSeamsState((s) => s.canUndo);
  const canRedo = useSeamsState((s) => s.canRedo);
  const [help, setHelp] = useState(false);
  const tab = useSeamsState((s) => s.sideTab);
  const setTab = useSeamsState((s) => s.setSideTab);
  const findRef = useRef<HTMLInputElement>(null);
  const [comparing, setComparing] = useState<VersionSummary | null>(null);
  const panels = useSeamsState((s) => s.panels);
  const setPanel = useSeamsState((s) => s.setPanel);
  const presenting = useSeamsState((s) => s.presenting);

  const ui = useMemo(
    () => ({
      openHelp: () => setHelp(true),
      focusFind: () => findRef.current?.focus(),
      present: () => startPresenting(store),
      closeOverlays: () => {
        let closed = false;
        setHelp((open) => {
          closed = open;
          return false;
        });
        return closed;
      },
    }),
    [store],
  );
  useShortcuts(store, commands, ui);

  if (!journey) return null;
  return (
    <>
      <div className="toolbar" role="toolbar" aria-label="Journey tools" hidden={presenting}>
        <div className="group">
          <label htmlFor="journey-title" className="visually-hidden">
            Journey title
          </label>
          <TitleInput key={journey.id} title={journey.title} disabled={readOnly} onCommit={(title) => commands.updateDetails({ title })} />
        </div>
        <div className="group">
          <button type="button" className="button small" onClick={commands.undo} disabled={!canUndo || readOnly} aria-keyshortcuts="Control+Z">
            Undo
          </button>
          <button type="button" className="button small" onClick={commands.redo} disabled={!canRedo || readOnly} aria-keyshortcuts="Control+Shift+Z">
            Redo
          </button>
        </div>
        <div className="group" role="group" aria-label="View">
          <button type="button" className="button small" aria-pressed={view === "canvas"} onClick={() => setView("canvas")}>
            Canvas
          </button>
          <button type="button" className="button small" aria-pressed={view === "outline"} onClick={() => setView("outline")}>
            Outline
          </button>
        </div>
        <div className="group">
          <FindBox ref={findRef} />
        </div>
        <ExportMenu />
        <div className="group">
          <button
            type="button"
            className="button small"
            disabled={readOnly}
            title="Order the steps in each cell along the flows"
            onClick={() => void commands.tidyUp()}
          >
            Tidy up
          </button>
        </div>
        <div className="group">
          <button
            type="button"
            className="button small"
            title="Show the journey full screen, a stage or a finding at a time, large enough to read from the back of a room"
            aria-keyshortcuts="P"
            onClick={() => {
              if (view !== "canvas") setView("canvas");
              startPresenting(store);
            }}
          >
            Present
          </button>
          <button type="button" className="button small" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            Shortcuts
          </button>
        </div>
      </div>
      <div className="workspace">
        {view === "canvas" && !presenting ? (
          panels.palette ? (
            <Palette onHide={() => setPanel("palette", false)} />
          ) : (
            <PanelRail side="left" label="Show touchpoints" onOpen={() => setPanel("palette", true)} />
          )
        ) : null}
        <div className="main-view">{view === "canvas" ? <BlueprintCanvas /> : <OutlineView />}</div>
        {presenting ? null : !panels.details ? (
          <PanelRail side="right" label="Show details" onOpen={() => setPanel("details", true)} />
        ) : (
        <aside className="side-panel" id="side-panel" aria-label="Details">
          <div className="side-head">
          <div className="side-tabs" role="tablist" aria-label="Side panel">
            {(
              [
                ["step", "Details"],
                ["structure", "Lanes & stages"],
                ["insights", "Insights"],
                ["versions", "Versions"],
              ] as const
            ).map(([key, label]) => (
              <button
                key={key}
                type="button"
                role="tab"
                id={`tab-${key}`}
                aria-controls={`panel-${key}`}
                aria-selected={tab === key}
                onClick={() => setTab(key)}
              >
                {label}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="panel-hide"
            aria-label="Hide the side panel"
            aria-expanded="true"
            aria-controls="side-panel"
            title="Hide the side panel: more room for the canvas"
            onClick={() => setPanel("details", false)}
          >
            <span aria-hidden="true">»</span>
          </button>
          </div>
          <div className="side-body" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            <Suspense fallback={null}>
              {tab === "step" ? <Inspector /> : tab === "structure" ? <StructurePanel /> : tab === "insights" ? <InsightsPanel /> : <VersionsPanel onCompare={setComparing} />}
            </Suspense>
          </div>
        </aside>
        )}
      </div>
      {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
      {comparing ? <VersionCompareDialog version={comparing} onClose={() => setComparing(null)} /> : null}
    </>
  );
}

/** A collapsed side panel: a narrow strip with one button that opens it again. */
function PanelRail({ side, label, onOpen }: { side: "left" | "right"; label: string; onOpen(): void }) {
  return (
    <div className={`panel-rail panel-rail-${side}`}>
      <button type="button" className="panel-rail-button" aria-expanded="false" onClick={onOpen} title={label}>
        <span aria-hidden="true">{side === "left" ? "»" : "«"}</span>
        <span className="panel-rail-label">{label}</span>
      </button>
    </div>
  );
}

function TitleInput({ title, disabled, onCommit }: { title: string; disabled: boolean; onCommit(title: string): void }) {
  const [value, setValue] = useState(title);
  return (
    <input
      id="journey-title"
      className="title-input"
      value={value}
      disabled={disabled}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => value.trim() && value.trim() !== title && onCommit(value.trim())}
      onKeyDown={(e) => {
        if (e.key === "Enter") (e.target as HTMLInputElement).blur();
        if (e.key === "Escape") {
          setValue(title);
          (e.target as HTMLInputElement).blur();
        }
      }}
    />
  );
}

