/** The "tell us once" table: each piece of information asked more than once, which
 * organisations ask for it, and how many times it is asked. */
import type { RepeatedItem } from "../../domain/analysis/repeated";
import { listWords, plural, type JourneyNames } from "../../domain/analysis/describe";
import type { ShowSteps } from "./InsightsPanel";
import { useShowMore } from "./ShowMore";

interface Props {
  items: readonly RepeatedItem[];
  names: JourneyNames;
  onShow: ShowSteps;
}

/** Who asks: the organisations, then any citizen-lane steps (a form the citizen fills in). */
function askedBy(item: RepeatedItem, names: JourneyNames): string {
  const orgs = item.organisationIds.map((id) => names.actor(id));
  const others = item.actorIds.filter((id) => !item.organisationIds.includes(id)).map((id) => `${names.actor(id)}’s own form`);
  return listWords([...orgs, ...others]) || "—";
}

export function TellUsOnceTable({ items, names, onShow }: Props) {
  const repeated = items.filter((i) => i.repeated);
  const once = items.length - repeated.length;
  const { shown, more } = useShowMore(repeated, "items");
  return (
    <section className="insights-section" aria-label="Tell us once">
      <h3 className="panel-subheading">Tell us once: information asked more than once ({repeated.length})</h3>
      {repeated.length === 0 ? (
        <p className="panel-lede">Nothing is asked for twice.</p>
      ) : (
        <table className="insights-table tell-us-once">
          <caption className="visually-hidden">Information asked more than once</caption>
          <thead>
            <tr>
              <th scope="col">Information</th>
              <th scope="col">Asked by</th>
              <th scope="col" className="num">
                Times asked
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={item.itemId}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    title={item.asks.map((a) => `${names.owner(a.stepId)}: ${a.wording.join(", ")}`).join("\n")}
                    onClick={() => onShow(item.stepIds, `the steps that ask for ${item.label.toLowerCase()}`)}
                  >
                    {item.label}
                  </button>
                </th>
                <td>{askedBy(item, names)}</td>
                <td className="num">{item.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more}
      {once > 0 ? (
        <p className="insights-note">
          {plural(once, "other item")} {once === 1 ? "is" : "are"} asked for once only.
        </p>
      ) : null}
    </section>
  );
}
