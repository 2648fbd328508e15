import { TEMPLATE_MIME, TOUCHPOINT_TEMPLATES } from "../../domain/templates";
import { useCommands, useSeamsState } from "../../store/context";

/** Touchpoint templates: click to add to the selected step's stage, or drag onto a cell. */
export function Palette() {
  const commands = useCommands();
  const readOnly = useSeamsState((s) => s.readOnly);
  const setEditing = useSeamsState((s) => s.setEditingStep);
  return (
    <nav className="palette" aria-labelledby="palette-title">
      <h2 id="palette-title">Add a touchpoint</h2>
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
