/**
 * The process around `main`: the command line's arguments, working directory and standard
 * streams. bin/seams.mjs runs this file with tsx in a checkout; `npm run build:cli` bundles it
 * into dist-cli/seams.mjs, which an installed package runs.
 */
import { main } from "./main";

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
