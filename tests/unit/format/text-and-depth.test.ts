import { describe, expect, it } from "vitest";
import { jsonTextExceedsDepth, measureValue } from "../../../src/format/depth";
import { cleanText, escapeXmlForbiddenInJson, isCleanText } from "../../../src/format/text";

describe("cleanText", () => {
  it.each<[string, string, number, number]>([
    ["plain", "plain", 0, 0],
    ["a\u0000b\u0008c\u000Bd\u000Ce\u001Ff", "abcdef", 5, 0],
    ["tab\tlf\ncr\r", "tab\tlf\ncr\r", 0, 0],
    ["\uFFFE\uFFFFx", "x", 2, 0],
    ["\ud800", "\uFFFD", 0, 1],
    ["a\udc00b\ud83d", "a\uFFFDb\uFFFD", 0, 2],
    ["\u{1F600}", "\u{1F600}", 0, 0],
    ["\u202E\u200B\u0085\u007F", "\u202E\u200B\u0085\u007F", 0, 0],
  ])("%j → %j", (input, text, removed, replaced) => {
    expect(cleanText(input, 100)).toEqual({ text, removed, replaced, shortenedFrom: null });
    expect(isCleanText(text)).toBe(true);
    expect(isCleanText(input)).toBe(removed === 0 && replaced === 0);
  });

  it("shortens after cleaning and never leaves half a surrogate pair", () => {
    expect(cleanText("\u0000abc", 3)).toEqual({
      text: "abc",
      removed: 1,
      replaced: 0,
      shortenedFrom: null,
    });
    expect(cleanText("ab\u{1F600}", 3)).toEqual({
      text: "ab",
      removed: 0,
      replaced: 0,
      shortenedFrom: 4,
    });
  });
});

describe("escapeXmlForbiddenInJson", () => {
  it("keeps the JSON value while removing characters XML forbids", () => {
    const json = JSON.stringify({ a: "x\uFFFEy", b: "\u{1F600}" });
    const safe = escapeXmlForbiddenInJson(json);
    expect(isCleanText(safe)).toBe(true);
    expect(JSON.parse(safe)).toEqual({ a: "x\uFFFEy", b: "\u{1F600}" });
  });
});

describe("jsonTextExceedsDepth", () => {
  it.each<[string, number, boolean]>([
    ["[[[]]]", 3, false],
    ["[[[]]]", 2, true],
    ['{"a":{"b":[1]}}', 3, false],
    ['{"a":{"b":[1]}}', 2, true],
    ['["[[[[", "\\"[[["]', 1, false],
    ["1", 0, false],
  ])("%s with limit %i → %s", (text, limit, exceeds) => {
    expect(jsonTextExceedsDepth(text, limit)).toBe(exceeds);
  });
});

describe("measureValue", () => {
  it("counts an object or list at the top as depth 1", () => {
    expect(measureValue({ a: [1] }, 2, 100)).toBe("ok");
    expect(measureValue({ a: [[1]] }, 2, 100)).toBe("too-deep");
    expect(measureValue(7, 0, 100)).toBe("ok");
  });

  it("stops at the value budget", () => {
    expect(
      measureValue(
        Array.from({ length: 50 }, () => 0),
        5,
        50,
      ),
    ).toBe("too-many-values");
    expect(
      measureValue(
        Array.from({ length: 49 }, () => 0),
        5,
        50,
      ),
    ).toBe("ok");
  });

  it("reports a cycle as too deep", () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(measureValue(loop, 64, 1000)).toBe("too-deep");
  });

  it("measures a 20,000-level value without recursion", () => {
    let value: unknown[] = [];
    for (let i = 0; i < 20_000; i++) value = [value];
    expect(measureValue(value, 64, 1_000_000)).toBe("too-deep");
    expect(measureValue(value, 30_000, 1_000_000)).toBe("ok");
  });
});
