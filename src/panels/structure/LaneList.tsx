/** The journey's lanes in display order, grouped under their blueprint layer. */
import { useState, type RefObject } from "react";
import { lanesInDisplayOrder } from "../../domain/layout";
import { LAYER_LABELS, LAYERS, type Actor, type Lane, type Step } from "../../domain/model";
import { laneName } from "../../ui/names";
import { LaneEditor } from "./LaneEditor";

export interface LaneListProps {
  lanes: readonly Lane[];
  actors: readonly Actor[];
  steps: readonly Step[];
  readOnly: boolean;
  afterRemoval: RefObject<HTMLElement | null>;
  onRemoved(name: string): void;
}

export function LaneList({
  lanes,
  actors,
  steps,
  readOnly,
  afterRemoval,
  onRemoved,
}: LaneListProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  if (lanes.length === 0) return <p className="panel-lede">No lanes yet. Add one below.</p>;

  const ordered = lanesInDisplayOrder(lanes);
  const names = new Map(ordered.map((l) => [l.id, laneName(l, actors)]));
  const rawIndex = new Map(lanes.map((l, i) => [l.id, i]));
  const stepCounts = new Map<string, number>();
  for (const step of steps) stepCounts.set(step.laneId, (stepCounts.get(step.laneId) ?? 0) + 1);
  const laneCounts = new Map<string, number>();
  for (const lane of lanes) laneCounts.set(lane.actorId, (laneCounts.get(lane.actorId) ?? 0) + 1);

  return (
    <div className="lane-groups">
      {LAYERS.map((layer) => {
        const group = ordered.filter((l) => l.layer === layer);
        if (group.length === 0) return null;
        return (
          <div key={layer} className="lane-group">
            <h4 className="lane-group-heading">{LAYER_LABELS[layer]}</h4>
            <ul className="structure-list">
              {group.map((lane, i) => {
                const name = names.get(lane.id)!;
                const above = group[i - 1];
                const below = group[i + 1];
                return (
                  <LaneEditor
                    key={lane.id}
                    lane={lane}
                    name={name}
                    actors={actors}
                    upIndex={above ? rawIndex.get(above.id)! : null}
                    downIndex={below ? rawIndex.get(below.id)! : null}
                    stepCount={stepCounts.get(lane.id) ?? 0}
                    ownerLaneCount={laneCounts.get(lane.actorId) ?? 0}
                    otherLanes={ordered
                      .filter((l) => l.id !== lane.id)
                      .map((l) => ({ value: l.id, label: names.get(l.id)! }))}
                    // Steps usually belong nearby: the next lane in the layer, else the one above.
                    defaultTarget={(below ?? above)?.id}
                    readOnly={readOnly}
                    expanded={expanded.has(lane.id)}
                    onToggle={() => {
                      const next = new Set(expanded);
                      if (!next.delete(lane.id)) next.add(lane.id);
                      setExpanded(next);
                    }}
                    afterRemoval={afterRemoval}
                    onRemoved={onRemoved}
                  />
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
