/**
 * The analysis marks on the canvas: a switch for each overlay (handoffs, duplicated steps,
 * repeated information) and a key that says in plain words what every mark means. Marks are
 * never colour alone: each kind of line has its own width or dash, and badges carry text. The
 * panel sits at the bottom left, beside the lane headers, where it covers the least of the
 * blueprint; the key opens upwards from it.
 */
import { Panel } from "@xyflow/react";
import { memo, useId, useState, type ReactNode } from "react";
import { useSeamsState } from "../store/context";
import type { Overlays } from "../store/store";
import { DUPLICATE_COLOURS } from "../domain/analysis/highlights";

const TOGGLES: [keyof Overlays, string][] = [
  ["handoffs", "Handoffs"],
  ["duplicates", "Duplicates"],
  ["repeated", "Repeated information"],
];

const LINE_COLOUR = {
  plain: "var(--flow)",
  "data-share": "var(--flow)",
  direct: "var(--handoff-direct)",
  "citizen-carried": "var(--handoff-citizen)",
  internal: "var(--handoff-internal)",
} as const;

/** A short length of the line a kind of flow is drawn with, and its arrowhead. */
function Line({ kind }: { kind: keyof typeof LINE_COLOUR }) {
  const className =
    kind === "plain" ? "flow-edge" : kind === "data-share" ? "flow-edge is-data-share" : `flow-edge handoff-${kind}`;
  return (
    <svg className="legend-swatch" viewBox="0 0 44 14" width="44" height="14" aria-hidden="true">
      <path d="M1 7 H35" className={className} />
      <path d="M34 2 L43 7 L34 12 z" fill={LINE_COLOUR[kind]} />
    </svg>
  );
}

function Entry({ mark, children, hidden }: { mark: ReactNode; children: ReactNode; hidden?: boolean }) {
  return (
    <li className={hidden ? "legend-entry is-hidden" : "legend-entry"}>
      <span className="legend-mark">{mark}</span>
      <span>
        {children}
        {hidden ? <em className="legend-off"> (hidden)</em> : null}
      </span>
    </li>
  );
}

/** Whether the key is open is remembered on this computer (a view preference, not part of any
 * journey): closed at first, so it does not cover the blueprint until asked for. */
const KEY_STORAGE = "seams.canvas-key";

function keyWasOpen(): boolean {
  try {
    return localStorage.getItem(KEY_STORAGE) === "open";
  } catch {
    return false;
  }
}

function rememberKey(open: boolean) {
  try {
    localStorage.setItem(KEY_STORAGE, open ? "open" : "closed");
  } catch {
    // Storage switched off: the key simply starts closed next time.
  }
}

function OverlayPanelView() {
  const overlays = useSeamsState((s) => s.overlays);
  const toggle = useSeamsState((s) => s.toggleOverlay);
  const [open, setOpen] = useState(keyWasOpen);
  const keyId = useId();
  return (
    <Panel position="bottom-left" className="overlay-panel" aria-label="Analysis marks">
      {open ? (
        <div id={keyId} className="legend" role="region" aria-label="Key to the marks">
          <ul>
            <Entry mark={<Line kind="citizen-carried" />} hidden={!overlays.handoffs}>
              <strong>Citizen-carried handoff</strong> (thick red line, “citizen carries it”): the citizen has to
              take it to the next organisation themselves.
            </Entry>
            <Entry mark={<Line kind="direct" />} hidden={!overlays.handoffs}>
              <strong>Direct handoff</strong> (blue line): one organisation passes the case or data straight to
              another.
            </Entry>
            <Entry mark={<Line kind="internal" />} hidden={!overlays.handoffs}>
              <strong>Internal handoff</strong> (grey dashed line): passed to another team of the same organisation.
            </Entry>
            <Entry mark={<Line kind="plain" />}>Flow with no handoff.</Entry>
            <Entry mark={<Line kind="data-share" />}>
              <strong>Data share</strong> (dotted line): organisations pass information with no action by the
              citizen.
            </Entry>
            <Entry
              mark={
                <span className="mark mark-duplicate" style={{ ["--dup" as string]: DUPLICATE_COLOURS[0] }}>
                  D1
                </span>
              }
              hidden={!overlays.duplicates}
            >
              <strong>Duplicated step</strong>: does the same job for the citizen as the other steps marked with
              the same number (and border colour).
            </Entry>
            <Entry mark={<span className="mark mark-repeated">↻ 2 again</span>} hidden={!overlays.repeated}>
              <strong>Repeated information</strong>: the step asks again for 2 things an earlier step has asked for.
            </Entry>
            <Entry mark={<span className="mark mark-first-ask">1st +3</span>} hidden={!overlays.repeated}>
              <strong>Asked first here</strong>: the first step to ask for something that later steps ask for again
              (here 3 more times).
            </Entry>
            <Entry mark={<span className="mark mark-fail">F</span>}>
              <strong>Fail point</strong>: where the journey often goes wrong.
            </Entry>
            <Entry mark={<span className="mark mark-wait">W</span>}>
              <strong>Wait point</strong>: where the citizen waits.
            </Entry>
            <Entry mark={<span className="legend-card is-citizen" />}>
              <strong>Cream card</strong>: a step the citizen does.
            </Entry>
          </ul>
        </div>
      ) : null}
      <div className="overlay-bar">
        <div className="overlay-toggles" role="group" aria-label="Show on the canvas">
          {TOGGLES.map(([name, label]) => (
            <button
              key={name}
              type="button"
              className="overlay-toggle"
              aria-pressed={overlays[name]}
              onClick={() => toggle(name)}
            >
              <span className="overlay-check" aria-hidden="true">
                {overlays[name] ? "✓" : ""}
              </span>
              {label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="overlay-key-button"
          aria-expanded={open}
          aria-controls={keyId}
          onClick={() => {
            setOpen(!open);
            rememberKey(!open);
          }}
        >
          <span className="overlay-caret" aria-hidden="true">
            {open ? "▾" : "▴"}
          </span>
          {open ? "Hide key" : "Key"}
        </button>
      </div>
    </Panel>
  );
}

export const OverlayPanel = memo(OverlayPanelView);
