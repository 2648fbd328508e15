/** How lanes and actors are named in panels, buttons and announcements. */
import type { Actor, Lane } from "../domain/model";
import { LAYER_LABELS } from "../domain/model";

/** "DWP · Frontstage", or "DWP · Backstage · Debt team" when the lane names a team. */
export function laneName(lane: Lane, actors: readonly Actor[]): string {
  const actor = actors.find((a) => a.id === lane.actorId);
  const owner = actor ? actor.shortName || actor.name : "Unknown owner";
  const team = lane.team.trim();
  return [owner, LAYER_LABELS[lane.layer], team].filter(Boolean).join(" · ");
}
