/**
 * The process around `main`: the command line's arguments, working directory and standard
 * streams. bin/seams.mjs runs this file with tsx in a checkout; `npm run build:cli` bundles it
 * into dist-cli/seams.mjs, which an installed package runs.
 *
 * A reader that stops early (`seams export x --svg - | head -c 100`) closes the pipe: later
 * output to it is dropped without a stack trace, the command finishes its other outputs, and
 * the exit code is the command's own.
 */
import type { Writable } from "node:stream";
import { main } from "./main";

/** A writer to `stream` that goes quiet once the reader has closed the pipe. */
function pipeWriter(stream: Writable): (text: string) => void {
  let open = true;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
    open = false;
  });
  return (text) => {
    if (open && !stream.destroyed) stream.write(text);
  };
}

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: pipeWriter(process.stdout),
  stderr: pipeWriter(process.stderr),
  // Touched only when an input is `-`, so other commands never open standard input.
  stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
});
