import type { z } from "zod";
import { formatPath, type Issue } from "./errors";

/** What a value is, for messages: "a string", "null", "an array"… */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return "text";
    case "number":
      return Number.isNaN(value) ? "NaN" : Number.isFinite(value) ? "a number" : String(value);
    case "boolean":
      return "true/false";
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  null: "null",
};

function messageOf(issue: z.core.$ZodIssue): string {
  const input: unknown = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return "is required";
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(input)}`;
    case "custom":
      return issue.message.startsWith("expected ")
        ? `${issue.message}, got ${describeValue(input)}`
        : issue.message;
    case "invalid_union":
      return `unexpected ${describeValue(input)}`;
    default:
      return issue.message;
  }
}

/** Located issues from zod's, paths formatted as `steps[12].laneId`. Call `safeParse` with
 * `{ reportInput: true }` so messages can say what was found. */
export function issuesFromZod(issues: readonly z.core.$ZodIssue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push({ path: formatPath([...issue.path, key]), message: "unknown field" });
    } else {
      out.push({ path: formatPath(issue.path), message: messageOf(issue) });
    }
  }
  return out;
}
