import { forwardRef, useId, useMemo, useState } from "react";
import { compileSearch } from "../../domain/search";
import { useSeamsState } from "../../store/context";

/** Finds steps by the words of their label, description, data items, notes or owner, read as
 * the analysis reads them ("NINO" finds "National Insurance number"). */
export const FindBox = forwardRef<HTMLInputElement>(function FindBox(_, ref) {
  const journey = useSeamsState((s) => s.journey);
  const focusSteps = useSeamsState((s) => s.focusSteps);
  const setView = useSeamsState((s) => s.setView);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();

  const results = useMemo(() => {
    const matches = journey ? compileSearch(query, journey.customDataItems) : null;
    if (!journey || !matches) return [];
    const lanes = new Map(journey.lanes.map((l) => [l.id, l]));
    const actors = new Map(journey.actors.map((a) => [a.id, a]));
    const stages = new Map(journey.stages.map((s) => [s.id, s.name]));
    return journey.steps
      .map((step) => {
        const actor = actors.get(lanes.get(step.laneId)?.actorId ?? "");
        const owner = actor?.shortName || actor?.name || "";
        const texts = [step.label, step.description, step.notes, owner, ...step.dataItems, ...step.evidence, ...step.tags];
        return { step, owner, stage: stages.get(step.stageId) ?? "", ok: matches(texts) };
      })
      .filter((r) => r.ok)
      .slice(0, 30);
  }, [journey, query]);

  const choose = (index: number) => {
    const result = results[index];
    if (!result) return;
    setView("canvas");
    focusSteps([result.step.id]);
    setQuery("");
  };

  const open = results.length > 0;
  return (
    <div className="find">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Find a step
      </label>
      <input
        ref={ref}
        id={`${listId}-input`}
        type="search"
        placeholder="Find a step (Ctrl+F)"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, results.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            choose(active);
          } else if (e.key === "Escape") {
            e.preventDefault();
            setQuery("");
          }
        }}
      />
      {open ? (
        <ul id={listId} role="listbox" className="find-results" aria-label="Matching steps">
          {results.map((r, i) => (
            <li
              key={r.step.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              {r.step.label}
              <small>
                {r.owner} · {r.stage}
              </small>
            </li>
          ))}
        </ul>
      ) : query.trim() ? (
        <span role="status" className="visually-hidden">
          No steps match
        </span>
      ) : null}
    </div>
  );
});
