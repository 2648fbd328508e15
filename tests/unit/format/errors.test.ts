import { describe, expect, it } from "vitest";
import {
  describeImportError,
  fileSizeError,
  formatPath,
  invalidError,
  RepairLog,
  type ImportError,
} from "../../../src/format/errors";
import { MAX_FILE_BYTES } from "../../../src/format/limits";

describe("describeImportError gives the user a message for every kind", () => {
  it.each<[ImportError, string]>([
    [{ kind: "empty", message: "" }, "The file is empty, so there is no journey to open."],
    [
      {
        kind: "too-large",
        message: "",
        subject: "file",
        limit: MAX_FILE_BYTES,
        actual: 209_715_200,
      },
      "The file is too large to open (200 MB; the limit is 20 MB).",
    ],
    [
      { kind: "too-large", message: "", subject: "steps", limit: 20_000, actual: 1_000_000 },
      "The journey has too many steps to open (1,000,000; the limit is 20,000).",
    ],
    [
      { kind: "too-large", message: "", subject: "values", limit: 10_000_000, actual: 10_000_001 },
      "The data holds too many values to open (more than 10,000,000).",
    ],
    [
      { kind: "not-json", message: "It is UTF-16 text; save it as UTF-8." },
      "The file is not a Seams journey: it could not be read as JSON text. It is UTF-16 text; save it as UTF-8.",
    ],
    [
      {
        kind: "not-a-journey-file",
        message: "This file is not a Seams journey: it does not name its format.",
      },
      "This file is not a Seams journey: it does not name its format.",
    ],
    [
      { kind: "newer-version", message: "", fileVersion: 3, supportedVersion: 1 },
      "This journey was saved by a newer version of Seams (file format 3; this version opens up to format 1). Update Seams to open it. Nothing was changed.",
    ],
    [
      { kind: "too-deep", message: "", limit: 64 },
      "The file is nested too deeply to be a Seams journey (more than 64 levels).",
    ],
    [
      invalidError([
        { path: "steps[12].laneId", message: 'no lane with id "lane_x"' },
        { path: "", message: "could not be read" },
      ]),
      'The journey could not be opened: 2 problems found.\n- steps[12].laneId: no lane with id "lane_x"\n- could not be read',
    ],
  ])("%j", (error, message) => {
    expect(describeImportError(error)).toBe(message);
  });

  it("lists ten issues and counts the rest", () => {
    const issues = Array.from({ length: 12 }, (_, i) => ({
      path: `steps[${i}].laneId`,
      message: "no lane",
    }));
    const lines = describeImportError(invalidError(issues)).split("\n");
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe("The journey could not be opened: 12 problems found.");
    expect(lines[10]).toBe("- steps[9].laneId: no lane");
    expect(lines[11]).toBe("- and 2 more");
  });
});

describe("invalidError", () => {
  it("keeps at most 100 issues and counts the rest in one more", () => {
    const error = invalidError(
      Array.from({ length: 150 }, (_, i) => ({ path: `steps[${i}]`, message: "bad" })),
    );
    expect(error.kind === "invalid" && error.issues.length).toBe(101);
    expect(error.kind === "invalid" && error.issues[100]).toEqual({
      path: "",
      message: "50 more problems not listed",
    });
    expect(error.message).toBe("150 problems found.");
  });
});

describe("fileSizeError, for checking File.size before reading", () => {
  it("accepts the limit and refuses one byte more", () => {
    expect(fileSizeError(MAX_FILE_BYTES)).toBeNull();
    expect(fileSizeError(MAX_FILE_BYTES + 1)).toMatchObject({
      kind: "too-large",
      subject: "file",
      actual: MAX_FILE_BYTES + 1,
    });
  });
});

describe("formatPath", () => {
  it.each<[PropertyKey[], string]>([
    [["steps", 12, "laneId"], "steps[12].laneId"],
    [["title"], "title"],
    [[], ""],
    [["flows", 0, "odd key"], 'flows[0]["odd key"]'],
    [["steps", 1, "__proto__"], "steps[1].__proto__"],
    [[Symbol("s")], "[symbol]"],
  ])("%j → %s", (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe("RepairLog", () => {
  it("keeps 1,000 repairs and counts the rest", () => {
    const log = new RepairLog();
    for (let i = 0; i < 1003; i++) log.add(`steps[${i}].label`, "shortened");
    expect(log.list()).toHaveLength(1001);
    expect(log.list()[1000]).toEqual({ path: "", message: "3 more repairs not listed" });
  });
});
