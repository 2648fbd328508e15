/** Opens a journey file from disk with the same checks as opening a file in the app: size
 * first (before reading it all), then everything `parseJourneyFile` does. Never throws. */
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { fileSizeError } from "../format/errors";
import { parseJourneyFile, type ParseResult } from "../format/parse";
import { STDIN, type CliIo } from "./command";

/** Opens the input a command line names: `-` is standard input, anything else a file path
 * relative to the working directory. Never throws. */
export function openJourneyInput(name: string, io: CliIo): Promise<ParseResult> {
  if (name !== STDIN) return openJourneyFile(resolve(io.cwd, name));
  if (!io.stdin)
    return Promise.resolve({
      ok: false,
      error: { kind: "not-a-journey-file", message: "Standard input cannot be read here." },
    });
  return openJourneyStream(io.stdin);
}

/** Reads a journey from a stream of bytes (standard input), refusing it as too large as soon
 * as it passes the file size limit, without reading the rest. Never throws. */
export async function openJourneyStream(chunks: AsyncIterable<Uint8Array>): Promise<ParseResult> {
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      const tooLarge = fileSizeError(size);
      if (tooLarge) return { ok: false, error: tooLarge };
      parts.push(chunk);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      error: {
        kind: "not-a-journey-file",
        message: `Standard input could not be read (${code ?? "unknown error"}).`,
      },
    };
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return parseJourneyFile(bytes);
}

export async function openJourneyFile(input: string): Promise<ParseResult> {
  let size: number;
  try {
    const info = await stat(input);
    if (!info.isFile())
      return { ok: false, error: { kind: "not-a-journey-file", message: "It is not a file." } };
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT"
        ? "There is no such file."
        : `It could not be read (${code ?? "unknown error"}).`;
    return { ok: false, error: { kind: "not-a-journey-file", message } };
  }
  const tooLarge = fileSizeError(size);
  if (tooLarge) return { ok: false, error: tooLarge };
  return parseJourneyFile(new Uint8Array(await readFile(input)));
}
