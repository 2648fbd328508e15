/**
 * Seams runs on the Node its package.json names. npm is not set to refuse packages that
 * declare a newer Node (the collaboration server declares Node 22 and runs on 20 here), so
 * this test keeps every such exception deliberate: a new package that asks for more than
 * the project's Node fails here until it is tried and listed with its reason.
 */
import { readFileSync } from "node:fs";
import { minVersion, satisfies } from "semver";
import { describe, expect, it } from "vitest";

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
}

const root = new URL("../../", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL("package-lock.json", root), "utf8")) as {
  packages: Record<string, LockEntry>;
};

/** Packages whose declared Node is newer than the project's, tried on the project's Node. */
const TRIED_ON_OLDER_NODE: Record<string, string> = {
  "node_modules/@hocuspocus/server":
    "declares Node >= 22; the collaboration tests start it on the project's Node and sync through it",
};

function nodeRange(entry: LockEntry): string | null {
  const engines = entry.engines;
  if (!engines || Array.isArray(engines)) return null;
  return engines.node ?? null;
}

describe("the Node each dependency declares", () => {
  const oldest = minVersion(manifest.engines.node);

  it("names a lowest Node in package.json that this machine meets", () => {
    expect(oldest).not.toBeNull();
    expect(satisfies(process.version, manifest.engines.node)).toBe(true);
  });

  it("accepts the project's lowest Node for every package but the listed, tried ones", () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== "" && nodeRange(entry) !== null)
      .filter(([, entry]) => !satisfies(oldest!.version, nodeRange(entry)!))
      .map(([path]) => path)
      .sort();
    expect(refusing).toEqual(Object.keys(TRIED_ON_OLDER_NODE).sort());
  });
});
