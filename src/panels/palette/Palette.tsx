import { TEMPLATE_MIME, TOUCHPOINT_TEMPLATES } from "../../domain/templates";
import { useCommands, useSeamsState } from "../../store/context";

/** Touchpoint templates: click to add beside the selected step, or drag onto a cell. `onHide`
 * collapses the palette to give the canvas its room. */
export function Palette({ onHide }: { onHide?(): void }) {
  const commands = useCommands();
  const readOnly = useSeamsState((s) => s.readOnly);
  const setEditing = useSeamsState((s) => s.setEditingStep);
  return (
    <nav className="palette" id="palette" aria-labelledby="palette-title">
      <div className="palette-head">
        <h2 id="palette-title">Add a touchpoint</h2>
        {onHide ? (
          <button
            type="button"
            className="panel-hide"
            aria-label="Hide touchpoints"
            aria-expanded="true"
            aria-controls="palette"
            title="Hide the touchpoints: more room for the canvas"
            onClick={onHide}
          >
            <span aria-hidden="true">«</span>
          </button>
        ) : null}
      </div>
      <ul>
        {TOUCHPOINT_TEMPLATES.map((t) => (
          <li key={t.key}>
            <button
              type="button"
              className="button small palette-item"
              draggable={!readOnly}
              disabled={readOnly}
              onDragStart={(e) => {
                e.dataTransfer.setData(TEMPLATE_MIME, t.key);
                e.dataTransfer.effectAllowed = "copy";
              }}
              onClick={() => {
                const id = commands.addFromTemplate(t);
                if (id) setEditing(id);
              }}
            >
              {t.name}
            </button>
          </li>
        ))}
      </ul>
      <p>Click to add beside the selected step (in its lane, or its organisation's lane for that kind of touchpoint), or drag onto a cell. Double-click any empty cell to add a blank step.</p>
    </nav>
  );
}
