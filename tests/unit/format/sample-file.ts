import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { ImportError } from "../../../src/format/errors";
import type { ParseResult } from "../../../src/format/parse";

/** The frozen v1 fixture, as text. */
export const MINIMAL_TEXT = readFileSync(
  new URL("../../fixtures/format/v1-minimal.seams.json", import.meta.url),
  "utf8",
);

/** The frozen v2 fixture (sources, measures and a cell annotation), as text. */
export const STORY_TEXT = readFileSync(
  new URL("../../fixtures/format/v2-story.seams.json", import.meta.url),
  "utf8",
);

/** Parsed JSON, loosely typed so tests can damage any part of it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Raw = any;

/** A fresh copy of the fixture's envelope. */
export function minimalEnvelope(): Raw {
  return JSON.parse(MINIMAL_TEXT);
}

/** A fresh copy of the v2 fixture's envelope. */
export function storyEnvelope(): Raw {
  return JSON.parse(STORY_TEXT);
}

/** The v2 fixture's text after `change` has damaged a fresh copy of its journey. */
export function storyWith(change: (journey: Raw, envelope: Raw) => void): string {
  const envelope = storyEnvelope();
  change(envelope.journey, envelope);
  return JSON.stringify(envelope);
}

/** The fixture's text after `change` has damaged a fresh copy of its journey. */
export function fileWith(change: (journey: Raw, envelope: Raw) => void): string {
  const envelope = minimalEnvelope();
  change(envelope.journey, envelope);
  return JSON.stringify(envelope);
}

/** The error of a failed result; fails the test if it opened. */
export function errorOf(result: ParseResult | { ok: boolean; error?: ImportError }): ImportError {
  if (result.ok) throw new Error("expected the file to be refused, but it opened");
  return result.error as ImportError;
}

/** The successful result; fails the test with the error if it was refused. */
export function opened<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok)
    throw new Error(
      `expected the file to open: ${JSON.stringify((result as { error?: unknown }).error)}`,
    );
  return result as Extract<T, { ok: true }>;
}

export function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
}
