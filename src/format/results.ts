import type { Journey } from "../domain/model";
import type { JourneyEnvelope } from "./envelope";
import type { ImportError, Repair } from "./errors";

/** A restored journey with the list of repairs made, or why it could not be restored. */
export type RestoreResult =
  { ok: true; journey: Journey; report: Repair[] } | { ok: false; error: ImportError };

/** An opened journey file (or stored envelope), or why it could not be opened. */
export type ParseResult =
  | { ok: true; journey: Journey; envelope: JourneyEnvelope; report: Repair[] }
  | { ok: false; error: ImportError };
