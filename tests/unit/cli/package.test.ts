/** The command line as it is shipped: `npm pack` (which builds dist-cli/seams.mjs first), the
 * built JavaScript run with plain `node`, and the packed package installed into an empty prefix
 * and run from a folder with no checkout, as `npm install -g ./seams-*.tgz` does. */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main";
import { APP_VERSION } from "../../../src/format/envelope";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../../..");
const SAMPLE = join(ROOT, "tests/fixtures/files/small.seams.json");

/** What the source prints for `seams analyse <sample> --json`, run in this process. */
async function expectedFindings(): Promise<string> {
  let stdout = "";
  const code = await main(["analyse", SAMPLE, "--json"], {
    cwd: ROOT,
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
  });
  expect(code).toBe(0);
  return stdout;
}

let scratch = "";
let tarball = "";

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "seams-pack-"));
  const packed = await run("npm", ["pack", "--json", "--pack-destination", scratch], { cwd: ROOT });
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as {
    filename: string;
    files: { path: string }[];
  }[];
  tarball = join(scratch, info!.filename);
  packedFiles = info!.files.map((f) => f.path).sort();
}, 60_000);

let packedFiles: string[] = [];

describe("the shipped command line", { timeout: 60_000 }, () => {
  it("packs the launcher and the built JavaScript, and no TypeScript source", () => {
    expect(packedFiles).toEqual([
      "README.md",
      "bin/seams.mjs",
      "dist-cli/seams.mjs",
      "package.json",
    ]);
  });

  it("runs as built with plain node, outside the checkout", async () => {
    const out = await run(
      process.execPath,
      [join(ROOT, "dist-cli/seams.mjs"), "analyse", SAMPLE, "--json"],
      { cwd: scratch },
    );
    expect(out.stderr).toBe("");
    expect(out.stdout).toBe(await expectedFindings());
  });

  it("installs from the tarball into an empty prefix and runs as `seams`", async () => {
    const prefix = join(scratch, "prefix");
    await run(
      "npm",
      [
        "install",
        "--global",
        "--prefix",
        prefix,
        tarball,
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
      ],
      { cwd: scratch },
    );
    const out = await run(join(prefix, "bin/seams"), ["analyse", SAMPLE, "--json"], {
      cwd: scratch,
    });
    expect(out.stderr).toBe("");
    expect(out.stdout).toBe(await expectedFindings());
    const version = await run(join(prefix, "bin/seams"), ["--version"], { cwd: scratch });
    expect(version.stdout).toBe(`seams ${APP_VERSION}\n`);
  });
});
