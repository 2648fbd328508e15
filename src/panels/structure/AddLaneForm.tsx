/** Adds a lane: for an organisation from the UK library, one already in the journey, a custom
 * organisation, or the citizen; in a layer, optionally naming a team. */
import { useId, useState, type FormEvent } from "react";
import {
  LAYER_LABELS,
  LAYERS,
  ORG_KIND_LABELS,
  ORG_KINDS,
  type Actor,
  type Layer,
  type OrgKind,
} from "../../domain/model";
import { suggestColour } from "../../domain/colour";
import { BUILT_IN_COLOURS, UK_ORGANISATIONS } from "../../domain/organisations";
import { useCommands } from "../../store/context";
import { SelectField, type SelectGroup, type SelectOption } from "../../ui/SelectField";

const CITIZEN = "citizen";
const CUSTOM = "custom";
const LIBRARY = "library:";
const EXISTING = "actor:";

const DEFAULT_OWNER = `${LIBRARY}${UK_ORGANISATIONS[0]!.key}`;

const LAYER_OPTIONS = LAYERS.map((value) => ({ value, label: LAYER_LABELS[value] }));
const KIND_OPTIONS = ORG_KINDS.map((value) => ({ value, label: ORG_KIND_LABELS[value] }));

export interface AddLaneFormProps {
  actors: readonly Actor[];
  disabled: boolean;
  onAdded(description: string): void;
}

export function AddLaneForm({ actors, disabled, onAdded }: AddLaneFormProps) {
  const commands = useCommands();
  const id = useId();
  const [chosen, setOwner] = useState(DEFAULT_OWNER);
  const [layer, setLayer] = useState<Layer>("frontstage");
  const [team, setTeam] = useState("");
  const [custom, setCustom] = useState({
    name: "",
    shortName: "",
    orgKind: "partner" as OrgKind,
    // The colour the user chose, or null for the suggestion: of readable colours, the one
    // furthest from the library's and this journey's (domain/colour.ts).
    colour: null as string | null,
  });
  const suggested = suggestColour([...BUILT_IN_COLOURS, ...actors.map((a) => a.colour)]);
  const colour = custom.colour ?? suggested;
  const [error, setError] = useState("");

  // Organisations the journey has that are not in the library (those are listed below).
  const libraryNames = new Set(UK_ORGANISATIONS.map((o) => o.name));
  const ownOrganisations = actors.filter(
    (a) => a.type === "organisation" && !libraryNames.has(a.name),
  );
  // An organisation chosen earlier may since have been removed with its last lane.
  const owner =
    !chosen.startsWith(EXISTING) || ownOrganisations.some((a) => `${EXISTING}${a.id}` === chosen)
      ? chosen
      : DEFAULT_OWNER;
  const ownerOptions: (SelectOption | SelectGroup)[] = [
    { value: CITIZEN, label: "Citizen" },
    ...(ownOrganisations.length > 0
      ? [
          {
            label: "In this journey",
            options: ownOrganisations.map((a) => ({ value: `${EXISTING}${a.id}`, label: a.name })),
          },
        ]
      : []),
    {
      label: "UK organisations",
      options: UK_ORGANISATIONS.map((o) => ({ value: `${LIBRARY}${o.key}`, label: o.name })),
    },
    { value: CUSTOM, label: "Custom organisation…" },
  ];

  const chooseOwner = (value: string) => {
    setOwner(value);
    setError("");
    // The citizen's lane is nearly always in the citizen actions layer; an organisation's is not.
    if (value === CITIZEN) setLayer("citizen");
    else if (layer === "citizen") setLayer("frontstage");
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const teamName = team.trim();
    let added: string | null;
    let ownerName: string;
    if (owner === CUSTOM) {
      const name = custom.name.trim();
      if (name === "") {
        setError("Enter the organisation’s name");
        return;
      }
      const shortName = custom.shortName.trim() || name;
      ownerName = shortName;
      added = commands.addCustomLane(
        { type: "organisation", ...custom, colour, name, shortName },
        layer,
        teamName,
      );
    } else if (owner === CITIZEN) {
      ownerName = "Citizen";
      added = commands.addCustomLane({ type: "citizen" }, layer, teamName);
    } else if (owner.startsWith(EXISTING)) {
      const actor = actors.find((a) => `${EXISTING}${a.id}` === owner);
      ownerName = actor?.shortName ?? "";
      added = commands.addActorLane(owner.slice(EXISTING.length), layer, teamName);
    } else {
      const template = UK_ORGANISATIONS.find((o) => `${LIBRARY}${o.key}` === owner);
      ownerName = template?.shortName ?? "";
      // Reuses the organisation when the journey already has it.
      added = commands.addOrganisationLane(owner.slice(LIBRARY.length), layer, teamName);
    }
    if (!added) return;
    setTeam("");
    setError("");
    // The next custom organisation gets a new suggestion, unlike the one just added.
    if (owner === CUSTOM) setCustom({ ...custom, name: "", shortName: "", colour: null });
    onAdded([ownerName, LAYER_LABELS[layer], teamName].filter(Boolean).join(" · "));
  };

  return (
    <form className="add-lane" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-subheading">
        Add a lane
      </h3>
      <fieldset disabled={disabled} className="plain-fieldset">
        <SelectField
          label="Organisation"
          value={owner}
          options={ownerOptions}
          onChange={chooseOwner}
        />
        {owner === CUSTOM && (
          <div className="custom-org">
            <div className="field">
              <label htmlFor={`${id}-name`}>Organisation name</label>
              {error && (
                <p id={`${id}-error`} className="field-error">
                  <span className="visually-hidden">Error:</span> {error}
                </p>
              )}
              <input
                id={`${id}-name`}
                type="text"
                value={custom.name}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => setCustom({ ...custom, name: e.target.value })}
              />
            </div>
            <div className="field-row">
              <div className="field">
                <label htmlFor={`${id}-short`}>Short name</label>
                <input
                  id={`${id}-short`}
                  type="text"
                  value={custom.shortName}
                  onChange={(e) => setCustom({ ...custom, shortName: e.target.value })}
                />
              </div>
              <div className="field field-colour">
                <label htmlFor={`${id}-colour`}>Colour</label>
                <input
                  id={`${id}-colour`}
                  type="color"
                  value={colour}
                  onChange={(e) => setCustom({ ...custom, colour: e.target.value })}
                />
              </div>
            </div>
            <SelectField
              label="Kind of organisation"
              value={custom.orgKind}
              options={KIND_OPTIONS}
              onChange={(orgKind) => setCustom({ ...custom, orgKind: orgKind as OrgKind })}
            />
          </div>
        )}
        <div className="field-row">
          <SelectField
            label="Layer"
            value={layer}
            options={LAYER_OPTIONS}
            onChange={(value) => setLayer(value as Layer)}
          />
          <div className="field">
            <label htmlFor={`${id}-team`}>Team (optional)</label>
            <input
              id={`${id}-team`}
              type="text"
              value={team}
              onChange={(e) => setTeam(e.target.value)}
            />
          </div>
        </div>
        <button type="submit" className="button">
          Add lane
        </button>
      </fieldset>
    </form>
  );
}
