/**
 * The bad inputs of reliability.md §6.1 (B01–B23, B27, B29, B30), adapted to journeys: nodes
 * are steps, edges are flows, containment is lanes → actors. Each asserts the exact outcome.
 */
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, MAX_STEPS } from "../../../src/format/limits";
import { parseJourneyFile } from "../../../src/format/parse";
import { errorOf, fileWith, MINIMAL_TEXT, minimalEnvelope, opened, type Raw } from "./sample-file";

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2 + (bom ? 2 : 0));
  const view = new DataView(bytes.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++)
    view.setUint16((bom ? 2 : 0) + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

describe("B01 empty input", () => {
  it.each([
    ["an empty string", ""],
    ["0 bytes", new Uint8Array(0)],
    ["an empty ArrayBuffer", new ArrayBuffer(0)],
    ["only white space", "  \n\t\r\n "],
    ["only a byte order mark", "\uFEFF"],
  ])("%s is refused as empty", (_name, input) => {
    expect(errorOf(parseJourneyFile(input)).kind).toBe("empty");
  });
});

describe("B02 binary and UTF-16 input", () => {
  it.each([
    ["random bytes", Uint8Array.of(0xff, 0x00, 0x13, 0x88, 0xc3, 0x28)],
    [
      "a PNG renamed .json",
      Uint8Array.of(
        0x89,
        0x50,
        0x4e,
        0x47,
        0x0d,
        0x0a,
        0x1a,
        0x0a,
        0,
        0,
        0,
        0x0d,
        0x49,
        0x48,
        0x44,
        0x52,
      ),
    ],
    ["UTF-16LE with a BOM", utf16(MINIMAL_TEXT, true, true)],
    ["UTF-16BE with a BOM", utf16(MINIMAL_TEXT, false, true)],
    ["UTF-16LE without a BOM", utf16(MINIMAL_TEXT, true, false)],
  ])("%s is refused as not JSON", (_name, input) => {
    expect(errorOf(parseJourneyFile(input)).kind).toBe("not-json");
  });

  it("says why UTF-16 is refused", () => {
    expect(errorOf(parseJourneyFile(utf16(MINIMAL_TEXT, true, true))).message).toBe(
      "It is UTF-16 text; save it as UTF-8.",
    );
    expect(errorOf(parseJourneyFile(utf16(MINIMAL_TEXT, true, false))).message).toBe(
      "It contains NUL characters: it is binary or UTF-16 text, not UTF-8 JSON.",
    );
  });
});

describe("B03 truncated JSON and trailing garbage", () => {
  it.each([
    ["cut mid-object", MINIMAL_TEXT.slice(0, Math.floor(MINIMAL_TEXT.length / 2))],
    ["a closing brace too many", `${MINIMAL_TEXT}}`],
    ["trailing words", `${MINIMAL_TEXT} and more`],
    ["NaN, which JSON does not have", '{"format":"seams-journey","formatVersion":NaN}'],
  ])("%s is refused as not JSON", (_name, text) => {
    expect(errorOf(parseJourneyFile(text)).kind).toBe("not-json");
  });
});

describe("B04 byte order mark", () => {
  it("a UTF-8 BOM before a valid file is dropped (bytes)", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(MINIMAL_TEXT)]);
    const result = opened(parseJourneyFile(bytes));
    expect(result.journey.id).toBe("journey_death01");
    expect(result.report).toEqual([]);
  });

  it("a BOM at the start of a string is dropped", () => {
    expect(opened(parseJourneyFile(`\uFEFF${MINIMAL_TEXT}`)).journey.steps).toHaveLength(3);
  });

  it("an ArrayBuffer opens like the same bytes", () => {
    const bytes = utf8(MINIMAL_TEXT);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    expect(opened(parseJourneyFile(buffer)).journey.title).toBe(
      "Register a death and tell government",
    );
  });
});

describe("B05 too large", () => {
  it("bytes over the limit are refused before decoding (invalid UTF-8 still says too large)", () => {
    const error = errorOf(parseJourneyFile(new Uint8Array(MAX_FILE_BYTES + 1).fill(0xff)));
    expect(error).toEqual({
      kind: "too-large",
      message: `The file is ${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES}.`,
      subject: "file",
      limit: MAX_FILE_BYTES,
      actual: MAX_FILE_BYTES + 1,
    });
  });

  it("bytes exactly at the limit are read (here: all spaces, so empty)", () => {
    expect(errorOf(parseJourneyFile(new Uint8Array(MAX_FILE_BYTES).fill(0x20))).kind).toBe("empty");
  });

  it("a string is measured in UTF-8 bytes, not characters", () => {
    const text = "é".repeat(MAX_FILE_BYTES / 2 + 1);
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    const error = errorOf(parseJourneyFile(text));
    expect(error.kind === "too-large" && error.subject).toBe("file");
  });

  it("a string longer than the limit is refused", () => {
    expect(errorOf(parseJourneyFile(" ".repeat(MAX_FILE_BYTES + 1))).kind).toBe("too-large");
  });
});

describe("B06 deep nesting", () => {
  it("20,000 levels inside a step are refused as too deep, before JSON.parse", () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    const text = MINIMAL_TEXT.replace('"order": 0,', `"order": 0, "extra": ${deep},`);
    expect(errorOf(parseJourneyFile(text))).toEqual({
      kind: "too-deep",
      message: "The file is nested more than 64 levels deep.",
      limit: 64,
    });
  });

  it("a million levels of brackets are refused quickly", () => {
    expect(errorOf(parseJourneyFile("[".repeat(1_000_000))).kind).toBe("too-deep");
  });

  it("brackets inside strings do not count", () => {
    const text = fileWith((journey) => {
      journey.steps[0].notes = "[".repeat(100);
    });
    expect(opened(parseJourneyFile(text)).journey.steps[0]?.notes).toBe("[".repeat(100));
  });
});

describe("B07 too many steps, huge labels", () => {
  it("more than MAX_STEPS steps are refused", () => {
    const text = fileWith((journey) => {
      const step = journey.steps[0];
      journey.steps = Array.from({ length: MAX_STEPS + 1 }, (_, i) => ({ ...step, id: `s${i}` }));
    });
    expect(errorOf(parseJourneyFile(text))).toEqual({
      kind: "too-large",
      message: `The journey has ${MAX_STEPS + 1} steps; the limit is ${MAX_STEPS}.`,
      subject: "steps",
      limit: MAX_STEPS,
      actual: MAX_STEPS + 1,
    });
  });

  it("a 10 MB label is shortened to 500 characters and reported", () => {
    const text = fileWith((journey) => {
      journey.steps[0].label = "x".repeat(10 * 1024 * 1024);
    });
    const result = opened(parseJourneyFile(text));
    expect(result.journey.steps[0]?.label).toBe("x".repeat(500));
    expect(result.report).toEqual([
      {
        path: "steps[0].label",
        message: "shortened from 10485760 to 500 characters (the limit is 500)",
      },
    ]);
  });
});

describe("B08 top level is not an object", () => {
  it.each([["[]"], ["null"], ["42"], ['"x"'], ["true"]])("%s is not a journey file", (text) => {
    const error = errorOf(parseJourneyFile(text));
    expect(error.kind).toBe("not-a-journey-file");
  });

  it("says what it found", () => {
    expect(errorOf(parseJourneyFile("[]")).message).toBe(
      "This file is not a Seams journey: it holds a list, not a journey envelope.",
    );
  });
});

describe("B09 missing or wrong format name and version", () => {
  const envelope = (change: (envelope: Raw) => void) => {
    const value = minimalEnvelope();
    change(value);
    return JSON.stringify(value);
  };
  it.each([
    [
      "no format",
      (e: Raw) => delete e.format,
      "This file is not a Seams journey: it does not name its format.",
    ],
    [
      "another format",
      (e: Raw) => (e.format = "excalidraw"),
      'This file is not a Seams journey: its format is "excalidraw", not "seams-journey".',
    ],
    [
      "a format that is not text",
      (e: Raw) => (e.format = 7),
      "This file is not a Seams journey: its format name is not text.",
    ],
    [
      "no version",
      (e: Raw) => delete e.formatVersion,
      "This file is not a Seams journey: it does not give its format version.",
    ],
    [
      "version as text",
      (e: Raw) => (e.formatVersion = "1"),
      "This file is not a Seams journey: its format version (1) is not a whole number from 1.",
    ],
    [
      "version 1.5",
      (e: Raw) => (e.formatVersion = 1.5),
      "This file is not a Seams journey: its format version (1.5) is not a whole number from 1.",
    ],
    [
      "version 0",
      (e: Raw) => (e.formatVersion = 0),
      "This file is not a Seams journey: its format version (0) is not a whole number from 1.",
    ],
    [
      "version -1",
      (e: Raw) => (e.formatVersion = -1),
      "This file is not a Seams journey: its format version (-1) is not a whole number from 1.",
    ],
  ])("%s: not a journey file", (_name, change, message) => {
    expect(errorOf(parseJourneyFile(envelope(change)))).toEqual({
      kind: "not-a-journey-file",
      message,
    });
  });

  it("a bare journey without its envelope is not a journey file", () => {
    expect(errorOf(parseJourneyFile(JSON.stringify(minimalEnvelope().journey))).kind).toBe(
      "not-a-journey-file",
    );
  });

  it("an envelope without a journey is invalid, located", () => {
    const value = minimalEnvelope();
    delete value.journey;
    expect(errorOf(parseJourneyFile(JSON.stringify(value)))).toEqual({
      kind: "invalid",
      message: "1 problem found.",
      issues: [{ path: "journey", message: "is required" }],
    });
  });
});

describe("B10 newer version", () => {
  it.each([3, 999])("format version %i is refused as newer, with its version", (version) => {
    const value = minimalEnvelope();
    value.formatVersion = version;
    expect(errorOf(parseJourneyFile(JSON.stringify(value)))).toEqual({
      kind: "newer-version",
      message: `The file has format version ${version}; this version of Seams opens up to 2.`,
      fileVersion: version,
      supportedVersion: 2,
    });
  });
});
