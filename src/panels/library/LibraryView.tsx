import { useMemo, useState, type ReactNode } from "react";
import type { Journey } from "../../domain/model";
import { compileSearch } from "../../domain/search";
import { blankJourney, journeyFromSample } from "../../domain/new-journey";
import { SAMPLE_JOURNEYS } from "../../domain/samples";
import type { JourneySummary } from "../../domain/library";
import { useLibrary } from "../../store/library";
import "./library.css";

type Sort = "updated" | "title";

export function LibraryView({
  onOpen,
  onCompare,
  openFile,
}: {
  onOpen(id: string): void;
  onCompare(a: string, b: string): void;
  /** The "Open a file" control, supplied by the app shell. */
  openFile?: ReactNode;
}) {
  const { journeys, trash, backend, ready, persistence, refresh } = useLibrary();
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<Sort>("updated");
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<JourneySummary | null>(null);
  const [showTrash, setShowTrash] = useState(false);
  const [template, setTemplate] = useState(SAMPLE_JOURNEYS[0]?.key ?? "");
  const [compareA, setCompareA] = useState("");
  const [compareB, setCompareB] = useState("");

  const shown = useMemo(() => {
    const matches = compileSearch(query);
    const list = journeys.filter((j) => !matches || matches([j.title, j.scenario]));
    return [...list].sort((a, b) =>
      sort === "title" ? a.title.localeCompare(b.title) : b.updatedAt.localeCompare(a.updatedAt),
    );
  }, [journeys, query, sort]);

  const create = async (journey: Journey | null) => {
    if (!journey || !backend) return;
    await backend.create(journey);
    await refresh();
    onOpen(journey.id);
  };

  return (
    <main className="library" aria-labelledby="library-title">
      <header className="library-header">
        <h1 id="library-title">Your journeys</h1>
        <p className="library-lede">
          Blueprints are kept on this computer only. Share them by exporting a file.{" "}
          <span className="persistence-note" data-testid="persistence">
            {persistence === "granted"
              ? "Your browser will keep them even when space runs low."
              : persistence === "denied"
                ? "Your browser may clear them if space runs low: export a backup now and then."
                : persistence === "unsupported"
                  ? "This browser cannot promise to keep them: export a backup now and then."
                  : ""}
          </span>
        </p>
        <div className="library-actions">
          <button type="button" className="button primary" onClick={() => void create(blankJourney("Untitled journey"))}>
            New journey
          </button>
          {openFile}
          <div className="template-picker">
            <label htmlFor="template">New from template</label>
            <select id="template" value={template} onChange={(e) => setTemplate(e.target.value)}>
              {SAMPLE_JOURNEYS.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.title}
                </option>
              ))}
            </select>
            <button type="button" className="button" onClick={() => void create(journeyFromSample(template))}>
              Create
            </button>
          </div>
        </div>
      </header>

      <section aria-label="Find journeys" className="library-tools">
        <label htmlFor="library-search">Search</label>
        <input id="library-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label htmlFor="library-sort">Sort by</label>
        <select id="library-sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          <option value="updated">Last changed</option>
          <option value="title">Title</option>
        </select>
      </section>

      {!ready ? <p role="status">Opening your library…</p> : null}
      {ready && shown.length === 0 ? <p>{journeys.length === 0 ? "No journeys yet." : "No journeys match your search."}</p> : null}

      <ul className="journey-list" aria-label="Journeys">
        {shown.map((j) => (
          <li key={j.id} className="journey-card">
            {renaming === j.id ? (
              <RenameForm
                summary={j}
                onDone={async (title) => {
                  setRenaming(null);
                  if (title && title !== j.title && backend) {
                    await backend.rename(j.id, title);
                    await refresh();
                  }
                }}
              />
            ) : (
              <h2 className="journey-title">
                <a href={`#/journey/${encodeURIComponent(j.id)}`}>{j.title || "Untitled journey"}</a>
              </h2>
            )}
            {j.scenario ? <p className="journey-scenario">{j.scenario}</p> : null}
            <p className="journey-meta">
              {j.stepCount} steps · {j.organisationCount} organisations · changed{" "}
              <time dateTime={j.updatedAt}>{formatWhen(j.updatedAt)}</time>
            </p>
            <div className="journey-actions">
              <button type="button" className="button small" onClick={() => onOpen(j.id)} aria-label={`Open ${j.title}`}>
                Open
              </button>
              <button type="button" className="button small" onClick={() => setRenaming(j.id)} aria-label={`Rename ${j.title}`}>
                Rename
              </button>
              <button
                type="button"
                className="button small"
                aria-label={`Duplicate ${j.title}`}
                onClick={async () => {
                  if (!backend) return;
                  await backend.duplicate(j.id, `${j.title} (copy)`);
                  await refresh();
                }}
              >
                Duplicate
              </button>
              <button type="button" className="button small warning" onClick={() => setConfirming(j)} aria-label={`Delete ${j.title}`}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>

      {journeys.length >= 2 ? (
        <section className="compare-picker" aria-labelledby="compare-title">
          <h2 id="compare-title">Compare two journeys</h2>
          <label htmlFor="compare-a">As-is</label>
          <select id="compare-a" value={compareA} onChange={(e) => setCompareA(e.target.value)}>
            <option value="">Choose…</option>
            {journeys.map((j) => (
              <option key={j.id} value={j.id}>{j.title}</option>
            ))}
          </select>
          <label htmlFor="compare-b">To-be</label>
          <select id="compare-b" value={compareB} onChange={(e) => setCompareB(e.target.value)}>
            <option value="">Choose…</option>
            {journeys.map((j) => (
              <option key={j.id} value={j.id}>{j.title}</option>
            ))}
          </select>
          <button type="button" className="button" disabled={!compareA || !compareB || compareA === compareB} onClick={() => onCompare(compareA, compareB)}>
            Compare
          </button>
        </section>
      ) : null}

      <section className="trash" aria-labelledby="trash-title">
        <h2 id="trash-title">
          <button type="button" className="link-button" aria-expanded={showTrash} onClick={() => setShowTrash(!showTrash)}>
            Trash ({trash.length})
          </button>
        </h2>
        {showTrash ? (
          <ul aria-label="Deleted journeys">
            {trash.map((j) => (
              <li key={j.id}>
                {j.title}{" "}
                <button
                  type="button"
                  className="button small"
                  aria-label={`Restore ${j.title}`}
                  onClick={async () => {
                    await backend?.restoreFromTrash(j.id);
                    await refresh();
                  }}
                >
                  Restore
                </button>{" "}
                <button
                  type="button"
                  className="button small warning"
                  aria-label={`Delete ${j.title} for ever`}
                  onClick={async () => {
                    await backend?.purge(j.id);
                    await refresh();
                  }}
                >
                  Delete for ever
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {confirming ? (
        <div className="modal-backdrop">
          <div role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" className="modal">
            <h2 id="confirm-title">Delete “{confirming.title}”?</h2>
            <p>It moves to the trash, where you can restore it.</p>
            <div className="modal-actions">
              <button
                type="button"
                className="button warning"
                autoFocus
                onClick={async () => {
                  const id = confirming.id;
                  setConfirming(null);
                  await backend?.trash(id);
                  await refresh();
                }}
              >
                Move to trash
              </button>
              <button type="button" className="button" onClick={() => setConfirming(null)}>
                Cancel
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </main>
  );
}

function RenameForm({ summary, onDone }: { summary: JourneySummary; onDone(title: string | null): void }) {
  const [title, setTitle] = useState(summary.title);
  return (
    <form
      className="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        onDone(title.trim());
      }}
    >
      <label htmlFor={`rename-${summary.id}`}>New title</label>
      <input id={`rename-${summary.id}`} value={title} autoFocus onChange={(e) => setTitle(e.target.value)} onKeyDown={(e) => e.key === "Escape" && onDone(null)} />
      <button type="submit" className="button small primary">Save title</button>
    </form>
  );
}

function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}
