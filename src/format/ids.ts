import { quote, type RepairLog } from "./errors";
import { MAX_ID_CHARS } from "./limits";

/** What an id may look like: 1–80 letters, digits, `_`, `.`, `:` or `-`. */
export const ID_PATTERN = new RegExp(`^[A-Za-z0-9_.:-]{1,${MAX_ID_CHARS}}$`);

/** Names that would reach an object's prototype if used as a key; never accepted as ids. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** True for a well-formed id. */
export function isValidId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value) && !RESERVED_IDS.has(value);
}

/** A record waiting for a valid, unique id; `path` locates it for the report. */
export interface IdCandidate {
  id: string | undefined;
  path: string;
}

export interface AssignedIds {
  /** The id of each candidate, in order: valid and unique within the collection. */
  ids: string[];
  /** Ill-formed ids that were replaced, to the id that replaced them. References that use the
   * old spelling follow the record. Duplicates are not in it: references to a duplicated id
   * keep pointing at its first holder. */
  renamed: Map<string, string>;
}

/**
 * Gives every record in one collection a valid id, unique within it. The first holder of a
 * valid id keeps it; a later duplicate, an ill-formed id and a missing id are each replaced,
 * deterministically, by `<kind>_r<n>` with the smallest n not used in the collection.
 */
export function assignIds(
  candidates: readonly IdCandidate[],
  kind: string,
  log: RepairLog,
): AssignedIds {
  const used = new Set<string>();
  for (const candidate of candidates) if (isValidId(candidate.id)) used.add(candidate.id);
  const kept = new Set<string>();
  const renamed = new Map<string, string>();
  const ids: string[] = [];
  let counter = 1;
  const fresh = (): string => {
    while (used.has(`${kind}_r${counter}`)) counter++;
    const id = `${kind}_r${counter}`;
    used.add(id);
    return id;
  };
  for (const { id, path } of candidates) {
    if (isValidId(id) && !kept.has(id)) {
      kept.add(id);
      ids.push(id);
      continue;
    }
    const replacement = fresh();
    ids.push(replacement);
    if (id === undefined) {
      log.add(`${path}.id`, `missing id; set to ${quote(replacement)}`);
    } else if (isValidId(id)) {
      log.add(
        `${path}.id`,
        `duplicate id ${quote(id)}; changed to ${quote(replacement)} (references keep pointing at the first)`,
      );
    } else {
      if (!renamed.has(id)) renamed.set(id, replacement);
      log.add(`${path}.id`, `${quote(id)} is not a valid id; changed to ${quote(replacement)}`);
    }
  }
  return { ids, renamed };
}

/** A reference spelled as it was in the file, following a record whose ill-formed id was replaced. */
export function follow(reference: string, renamed: ReadonlyMap<string, string>): string {
  return renamed.get(reference) ?? reference;
}
