#!/usr/bin/env node
// The `seams` command line. Runs the TypeScript entry src/cli/main.ts with tsx, resolved from
// this package (not the caller's directory), so `npx seams …` works from anywhere. Arguments,
// the working directory, output and the exit code pass straight through.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));
let tsx;
try {
  tsx = import.meta.resolve("tsx");
} catch {
  process.stderr.write("seams: the tsx package is missing. Run `npm install` in the Seams folder.\n");
  process.exit(2);
}

const child = spawn(process.execPath, ["--import", tsx, entry, ...process.argv.slice(2)], {
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
