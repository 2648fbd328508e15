#!/usr/bin/env node
// The `seams` command line. In a checkout (src/cli/bin.ts beside this folder, tsx installed) it
// runs the TypeScript source with tsx, resolved from this package, so `npx seams …` always runs
// the code as it is now, from any directory. An installed package has no src/: it runs the
// JavaScript that `npm run build:cli` made, dist-cli/seams.mjs. Arguments, the working
// directory, output and the exit code pass straight through.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const source = fileURLToPath(new URL("../src/cli/bin.ts", import.meta.url));
const built = new URL("../dist-cli/seams.mjs", import.meta.url);

function resolveTsx() {
  try {
    return import.meta.resolve("tsx");
  } catch {
    return null;
  }
}

const tsx = existsSync(source) ? resolveTsx() : null;
if (tsx === null) {
  if (!existsSync(fileURLToPath(built))) {
    process.stderr.write(
      existsSync(source)
        ? "seams: the tsx package is missing. Run `npm install` in the Seams folder.\n"
        : "seams: dist-cli/seams.mjs is missing. Run `npm run build:cli` in the Seams folder.\n",
    );
    process.exit(2);
  }
  await import(built.href);
} else {
  const child = spawn(process.execPath, ["--import", tsx, source, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("error", (error) => {
    process.stderr.write(`seams: could not start: ${error.message}\n`);
    process.exit(2);
  });
  child.on("exit", (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}
