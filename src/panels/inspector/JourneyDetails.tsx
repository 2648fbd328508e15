/** The journey's own details, shown when nothing is selected. */
import { useCommands, useSeamsState } from "../../store/context";
import { TextField } from "../../ui/TextField";

export function JourneyDetails() {
  const commands = useCommands();
  const title = useSeamsState((s) => s.journey?.title ?? "");
  const scenario = useSeamsState((s) => s.journey?.scenario ?? "");
  const description = useSeamsState((s) => s.journey?.description ?? "");
  const ownerTeam = useSeamsState((s) => s.journey?.ownerTeam ?? "");

  return (
    <div className="inspector-journey">
      <p className="panel-lede">Select a step or flow to edit it.</p>
      <TextField
        label="Title"
        required
        value={title}
        onCommit={(value) => commands.updateDetails({ title: value })}
      />
      <TextField
        label="Scenario or persona"
        hint="Who the journey is for and what happened, e.g. “Sam, whose mother has died”."
        multiline
        rows={2}
        value={scenario}
        onCommit={(value) => commands.updateDetails({ scenario: value })}
      />
      <TextField
        label="Description"
        multiline
        value={description}
        onCommit={(value) => commands.updateDetails({ description: value })}
      />
      <TextField
        label="Owner team"
        value={ownerTeam}
        onCommit={(value) => commands.updateDetails({ ownerTeam: value })}
      />
    </div>
  );
}
