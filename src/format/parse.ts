import { fileSizeError, type ImportError } from "./errors";
import { jsonTextExceedsDepth } from "./depth";
import { MAX_DEPTH, MAX_FILE_BYTES } from "./limits";
import { describeThrown } from "./restore";
import { restoreEnvelope } from "./restore-envelope";
import type { ParseResult } from "./results";
import { extractEnvelopeFromSvg } from "./svg-embed";

export type { ParseResult } from "./results";

type Decoded = { ok: true; text: string } | { ok: false; error: ImportError };

const fail = (error: ImportError): { ok: false; error: ImportError } => ({ ok: false, error });
const notJson = (message: string) => fail({ kind: "not-json", message });
const EMPTY: ImportError = { kind: "empty", message: "The file is empty." };

/** UTF-8 length of a string, stopping once it passes `limit`. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return (
    value instanceof ArrayBuffer || Object.prototype.toString.call(value) === "[object ArrayBuffer]"
  );
}

/** Size first, then text: a BOM is dropped; UTF-16 and other binary data are refused. */
function decode(input: unknown): Decoded {
  if (typeof input === "string") {
    const sizeError = fileSizeError(
      input.length > MAX_FILE_BYTES ? input.length : utf8Length(input, MAX_FILE_BYTES),
    );
    if (sizeError) return fail(sizeError);
    return { ok: true, text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input };
  }
  let bytes: Uint8Array;
  if (input instanceof Uint8Array) bytes = input;
  else if (ArrayBuffer.isView(input))
    bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  else if (isArrayBuffer(input)) bytes = new Uint8Array(input);
  else if (input === undefined || input === null) return fail(EMPTY);
  else return notJson("Expected the file's text or bytes.");

  const sizeError = fileSizeError(bytes.byteLength);
  if (sizeError) return fail(sizeError);
  const [first, second] = bytes;
  if ((first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff)) {
    return notJson("It is UTF-16 text; save it as UTF-8.");
  }
  try {
    return {
      ok: true,
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes),
    };
  } catch {
    return notJson("It is not UTF-8 text (it may be an image or another binary file).");
  }
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit !== 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) return i;
  }
  return -1;
}

function parseText(text: string): ParseResult {
  const start = firstNonSpace(text);
  if (start === -1) return fail(EMPTY);
  let json = text;
  if (text[start] === "<") {
    const embedded = extractEnvelopeFromSvg(text);
    if (embedded === null) {
      return fail({
        kind: "not-a-journey-file",
        message:
          "This SVG (or other XML) file does not carry Seams data. Only SVG files exported from Seams can be opened.",
      });
    }
    json = embedded;
  }
  if (json.includes("\u0000"))
    return notJson("It contains NUL characters: it is binary or UTF-16 text, not UTF-8 JSON.");
  if (jsonTextExceedsDepth(json, MAX_DEPTH)) {
    return fail({
      kind: "too-deep",
      message: `The file is nested more than ${MAX_DEPTH} levels deep.`,
      limit: MAX_DEPTH,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return notJson(error instanceof Error ? `${error.message}.` : "");
  }
  return restoreEnvelope(value);
}

/**
 * Opens a journey file: a Seams .json file, or an SVG exported by Seams (its embedded data is
 * read). Never throws. In order: size (before decoding), UTF-8 text (a BOM is dropped),
 * SVG detection, nesting depth (before JSON.parse), JSON, the envelope's identity and version
 * (newer versions refused), migrations, validation and restore. JSON with a key given twice
 * keeps the last value, as JSON.parse does.
 */
export function parseJourneyFile(input: string | Uint8Array | ArrayBuffer): ParseResult {
  try {
    const decoded = decode(input);
    if (!decoded.ok) return decoded;
    return parseText(decoded.text);
  } catch (error) {
    return fail({
      kind: "invalid",
      message: "The file could not be read.",
      issues: [{ path: "", message: `could not be read: ${describeThrown(error)}` }],
    });
  }
}
