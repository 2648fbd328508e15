/**
 * Compare two journeys (DESIGN §3): as-is and to-be from the library (`#/compare/<a>/<b>`), or a
 * named version and the journey as it is now. The scorecards side by side with the difference
 * in words, and which handoffs, duplicated steps and repeated items the second removed, added
 * or changed.
 */
import { useEffect, useId, useMemo, useState } from "react";
import { compareJourneys, type Changes, type MetricRow } from "../domain/analysis/compare";
import type { DuplicateCluster } from "../domain/analysis/duplicates";
import type { Handoff } from "../domain/analysis/handoffs";
import type { Range } from "../domain/analysis/metrics";
import type { RepeatedItem } from "../domain/analysis/repeated";
import type { Journey } from "../domain/model";
import {
  HANDOFF_KIND_NAMES,
  formatRange,
  journeyNames,
  listWords,
  plural,
  quoted,
  type JourneyNames,
} from "../domain/analysis/describe";
import "../panels/insights/insights.css";
import "../panels/panels.css";
import { useSeamsState } from "../store/context";
import type { VersionSummary } from "../domain/library";
import { useLibrary } from "../store/library";
import { Dialog } from "../ui/Dialog";
import { formatMinutes } from "../domain/duration";

type Loaded = { ok: true; a: Journey; b: Journey } | { ok: false; message: string };

/** The compare screen for two journeys in the library. */
export function CompareView({ a, b }: { a: string; b: string }) {
  const backend = useLibrary((s) => s.backend);
  // The outcome for the pair it was loaded for: another pair shows as loading until it is read.
  const [outcome, setOutcome] = useState<{ pair: string; loaded: Loaded } | null>(null);
  const pair = `${a}/${b}`;
  useEffect(() => {
    if (!backend) return;
    let live = true;
    const done = (loaded: Loaded) => live && setOutcome({ pair, loaded });
    Promise.all([backend.loadJourney(a), backend.loadJourney(b)]).then(
      ([ja, jb]) =>
        done(
          ja && jb
            ? { ok: true, a: ja, b: jb }
            : { ok: false, message: `${ja ? "The to-be" : "The as-is"} journey is not in your library any more.` },
        ),
      () => done({ ok: false, message: "The journeys could not be read from this browser’s storage." }),
    );
    return () => {
      live = false;
    };
  }, [backend, a, b, pair]);
  const loaded = outcome?.pair === pair ? outcome.loaded : null;

  return (
    <main className="compare-view">
      <p className="compare-back">
        <a href="#/">Back to your journeys</a>
      </p>
      {!loaded ? (
        <p role="status">Opening both journeys…</p>
      ) : !loaded.ok ? (
        <>
          <h1>These journeys could not be compared</h1>
          <p>{loaded.message}</p>
        </>
      ) : (
        <JourneyComparison a={loaded.a} b={loaded.b} aName="As-is" bName="To-be" headingLevel={1} />
      )}
    </main>
  );
}

/** A named version compared with the journey as it is now, in a dialog over the editor. */
export function VersionCompareDialog({ version, onClose }: { version: VersionSummary; onClose(): void }) {
  const backend = useLibrary((s) => s.backend);
  const current = useSeamsState((s) => s.journey);
  const [old, setOld] = useState<Journey | null | "missing">(null);
  useEffect(() => {
    if (!backend) return;
    let live = true;
    backend.loadVersion(version.id).then(
      (j) => live && setOld(j ?? "missing"),
      () => live && setOld("missing"),
    );
    return () => {
      live = false;
    };
  }, [backend, version.id]);
  return (
    <Dialog open title={`Version “${version.name}” compared with now`} onClose={onClose} className="compare-dialog">
      {old === null || !current ? (
        <p role="status">Opening the version…</p>
      ) : old === "missing" ? (
        <p>The version could not be read.</p>
      ) : (
        <JourneyComparison a={old} b={current} aName={`Version “${version.name}”`} bName="Now" headingLevel={3} />
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

interface ComparisonProps {
  a: Journey;
  b: Journey;
  aName: string;
  bName: string;
  /** The level of the comparison's own heading (its sections go one below). */
  headingLevel: 1 | 3;
}

/** Two journeys side by side: the scorecards and what changed between them. */
export function JourneyComparison({ a, b, aName, bName, headingLevel }: ComparisonProps) {
  const comparison = useMemo(() => compareJourneys(a, b), [a, b]);
  const names = useMemo(() => ({ a: journeyNames(a), b: journeyNames(b) }), [a, b]);
  const Heading = headingLevel === 1 ? "h1" : "h3";
  const Sub = headingLevel === 1 ? "h2" : "h4";
  const same = a.id === b.id;
  return (
    <div className="compare">
      <Heading className="compare-title">{same ? a.title : `${a.title} and ${b.title}`}</Heading>
      <p className="compare-lede">
        <strong>{aName}</strong>
        {same ? "" : `: ${a.title}`} ({plural(a.steps.length, "step")}) compared with <strong>{bName}</strong>
        {same ? "" : `: ${b.title}`} ({plural(b.steps.length, "step")}). Fewer is better for every measure.
      </p>
      <table className="insights-table compare-scorecard">
        <caption>Scorecards side by side</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">{aName}</th>
            <th scope="col">{bName}</th>
            <th scope="col">Difference</th>
          </tr>
        </thead>
        <tbody>
          {comparison.metrics.map((row) => (
            <MetricLine key={row.key} row={row} />
          ))}
        </tbody>
      </table>

      <Sub className="compare-heading">Handoffs</Sub>
      <ChangeLists
        what="handoffs"
        changes={comparison.handoffs}
        removedText={(h) => handoffText(h, names.a)}
        addedText={(h) => handoffText(h, names.b)}
        changedText={({ a: x, b: y }) =>
          `${handoffText(y, names.b, false)}: was ${HANDOFF_KIND_NAMES[x.kind]}, now ${HANDOFF_KIND_NAMES[y.kind]}`
        }
        Sub={Sub}
      />
      <Sub className="compare-heading">Duplicated steps</Sub>
      <ChangeLists
        what="duplicate clusters"
        changes={comparison.duplicates}
        removedText={(c) => clusterText(c, names.a)}
        addedText={(c) => clusterText(c, names.b)}
        changedText={({ a: x, b: y }) =>
          `${clusterText(y, names.b)} (was ${plural(x.stepIds.length, "step")}, now ${y.stepIds.length})`
        }
        Sub={Sub}
      />
      <Sub className="compare-heading">Information asked more than once</Sub>
      <ChangeLists
        what="repeated items"
        changes={comparison.repeated}
        removedText={(r) => repeatedText(r, names.a)}
        addedText={(r) => repeatedText(r, names.b)}
        changedText={({ a: x, b: y }) => `${y.label}: asked ${x.count} times, now ${y.count} (${repeatedWho(y, names.b)})`}
        Sub={Sub}
      />
    </div>
  );
}

function MetricLine({ row }: { row: MetricRow }) {
  const minutes = row.key === "activeMinutes" || row.key === "elapsedMinutes";
  const label = row.label.replace(/ \(minutes\)$/, "");
  const value = (v: number | Range | null) =>
    v === null ? "no complete path" : typeof v === "number" ? (minutes ? formatMinutes(v) : String(v)) : formatRange(v, minutes ? formatMinutes : String);
  const verdict = judge(row.change);
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{value(row.a)}</td>
      <td>{value(row.b)}</td>
      <td>
        <span className={`verdict verdict-${verdict}`}>{VERDICT_WORDS[verdict]}</span>{" "}
        <span className="verdict-detail">{changeText(row.change, minutes)}</span>
      </td>
    </tr>
  );
}

type Verdict = "better" | "worse" | "same" | "mixed" | "unknown";
const VERDICT_WORDS: Record<Verdict, string> = {
  better: "Better",
  worse: "Worse",
  same: "Same",
  mixed: "Mixed",
  unknown: "Cannot compare",
};

/** Fewer is better for every measure; a range is better when neither end got worse. */
function judge(change: number | Range | null): Verdict {
  if (change === null) return "unknown";
  const [lo, hi] = typeof change === "number" ? [change, change] : [change.min, change.max];
  if (lo === 0 && hi === 0) return "same";
  if (lo <= 0 && hi <= 0) return "better";
  if (lo >= 0 && hi >= 0) return "worse";
  return "mixed";
}

function changeText(change: number | Range | null, minutes: boolean): string {
  if (change === null) return "";
  const one = (n: number) =>
    n === 0 ? "no change" : minutes ? `${formatMinutes(Math.abs(n))} ${n < 0 ? "less" : "more"}` : `${Math.abs(n)} ${n < 0 ? "fewer" : "more"}`;
  if (typeof change === "number") return change === 0 ? "" : one(change);
  if (change.min === change.max) return change.min === 0 ? "" : one(change.min);
  return `shortest path: ${one(change.min)}; longest: ${one(change.max)}`;
}

function handoffText(h: Handoff, names: JourneyNames, withKind = true): string {
  const kind = withKind ? `, ${HANDOFF_KIND_NAMES[h.kind]}` : "";
  return `${names.actor(h.fromActorId)} → ${names.actor(h.toActorId)}${kind}: ${quoted(
    names.stepLabel(h.fromStepId),
  )} → ${quoted(names.stepLabel(h.toStepId))}`;
}

function clusterText(c: DuplicateCluster, names: JourneyNames): string {
  return listWords(c.stepIds.map((id) => `${quoted(names.stepLabel(id))} (${names.owner(id)})`));
}

function repeatedWho(r: RepeatedItem, names: JourneyNames): string {
  return listWords(r.organisationIds.map((id) => names.actor(id))) || "asked in the citizen’s own steps";
}

function repeatedText(r: RepeatedItem, names: JourneyNames): string {
  return `${r.label}: asked ${r.count} times (${repeatedWho(r, names)})`;
}

function ChangeLists<T>({
  what,
  changes,
  removedText,
  addedText,
  changedText,
  Sub,
}: {
  what: string;
  changes: Changes<T>;
  removedText(x: T): string;
  addedText(x: T): string;
  changedText(pair: { a: T; b: T }): string;
  Sub: "h2" | "h4";
}) {
  const id = useId();
  const Group = Sub === "h2" ? "h3" : "h5";
  const lists: [string, string, string[]][] = [
    ["removed", "Removed", changes.removed.map(removedText)],
    ["added", "Added", changes.added.map(addedText)],
    ["changed", "Changed", changes.changed.map(changedText)],
  ];
  return (
    <div className="compare-changes">
      {lists.map(([key, title, items]) => (
        <section key={key} className={`compare-list compare-${key}`} aria-labelledby={`${id}-${key}`}>
          <Group id={`${id}-${key}`} className="compare-list-title">
            {title} ({items.length})
          </Group>
          {items.length === 0 ? (
            <p className="insights-note">None.</p>
          ) : (
            <ul>
              {items.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <p className="insights-note compare-unchanged">{plural(changes.unchanged, what.replace(/s$/, ""), what)} the same in both.</p>
    </div>
  );
}
