/** Opens a journey file from disk with the same checks as opening a file in the app: size
 * first (before reading it all), then everything `parseJourneyFile` does. Never throws. */
import { readFile, stat } from "node:fs/promises";
import { fileSizeError } from "../format/errors";
import { parseJourneyFile, type ParseResult } from "../format/parse";

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
