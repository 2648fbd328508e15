/**
 * Lanes, stages and organisations: list lanes by layer and edit their team, layer, owner and
 * the owner's name and colour; reorder and remove them (asking what happens to their steps);
 * add lanes from the UK library, a custom organisation or the citizen; and the same for stages.
 */
import { useId, useRef, useState } from "react";
import { useSeamsState } from "../../store/context";
import { AddLaneForm } from "./AddLaneForm";
import { LaneList } from "./LaneList";
import { StageList } from "./StageList";
import "../panels.css";

export interface StructurePanelProps {
  className?: string;
}

export function StructurePanel({ className }: StructurePanelProps) {
  const headingId = useId();
  const lanesHeading = useRef<HTMLHeadingElement>(null);
  const stagesHeading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState("");
  const lanes = useSeamsState((s) => s.journey?.lanes);
  const actors = useSeamsState((s) => s.journey?.actors);
  const stages = useSeamsState((s) => s.journey?.stages);
  const steps = useSeamsState((s) => s.journey?.steps);
  const readOnly = useSeamsState((s) => s.readOnly);

  const body =
    !lanes || !actors || !stages || !steps ? (
      <p className="panel-lede">No journey is open.</p>
    ) : (
      <>
        <h3 ref={lanesHeading} tabIndex={-1} className="panel-subheading">
          Lanes
        </h3>
        <LaneList
          lanes={lanes}
          actors={actors}
          steps={steps}
          readOnly={readOnly}
          afterRemoval={lanesHeading}
          onRemoved={(name) => {
            lanesHeading.current?.focus();
            setStatus(`Removed lane ${name}`);
          }}
        />
        <AddLaneForm
          actors={actors}
          disabled={readOnly}
          onAdded={(name) => setStatus(`Added lane ${name}`)}
        />
        <h3 ref={stagesHeading} tabIndex={-1} className="panel-subheading">
          Stages
        </h3>
        <StageList
          stages={stages}
          steps={steps}
          readOnly={readOnly}
          afterRemoval={stagesHeading}
          onChanged={setStatus}
        />
      </>
    );

  return (
    <section
      className={["panel", "structure", className].filter(Boolean).join(" ")}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="panel-heading">
        Lanes and stages
      </h2>
      {readOnly && (
        <p className="panel-notice" role="note">
          This journey is read-only. You can read it but not change it.
        </p>
      )}
      {body}
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}
