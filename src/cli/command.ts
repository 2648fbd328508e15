/**
 * What every `seams` command is: a name, a one-line summary, its usage text, and a run
 * function that returns an exit code. A command lives in its own file in ./commands, named
 * after it (commands/export.ts is `seams export`) and exporting `command`; main.ts finds it
 * there, so adding a command is adding one file.
 */

/** Exit codes shared by every command. */
export const EXIT = {
  ok: 0,
  /** An input file could not be read or is not a valid journey (the located error is on stderr). */
  badInput: 1,
  /** The command line itself is wrong (unknown command or option, missing argument). */
  usage: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a command reads and writes; tests and bin.ts supply it. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, for an input named `-`; without it, `-` cannot be read. */
  stdin?: AsyncIterable<Uint8Array>;
}

/** The input name that means standard input. */
export const STDIN = "-";

/** An input as messages name it: `standard input` for `-`, else as the user wrote it. */
export function inputLabel(name: string): string {
  return name === STDIN ? "standard input" : name;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: readonly string[], io: CliIo): Promise<ExitCode>;
}

/** A command line that cannot be run: its message is shown with the command's usage. */
export class UsageError extends Error {}

export interface ParsedArgs {
  /** Arguments that are not options, in order. */
  positional: string[];
  /** Options with a value, by name without the dashes; repeated options keep every value. */
  options: Map<string, string[]>;
  /** Options without a value that were given. */
  flags: Set<string>;
}

/**
 * Splits arguments into positional ones, `--name value` (or `--name=value`) options and
 * `--flag` switches. `valued` and `switches` name the allowed options; anything else is a
 * usage error. `--` ends the options.
 */
export function parseArgs(
  args: readonly string[],
  valued: readonly string[],
  switches: readonly string[] = [],
): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      parsed.positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
      parsed.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (switches.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      parsed.flags.add(name);
      continue;
    }
    if (!valued.includes(name)) throw new UsageError(`unknown option --${name}`);
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === "") throw new UsageError(`--${name} needs a value`);
    parsed.options.set(name, [...(parsed.options.get(name) ?? []), value]);
  }
  return parsed;
}

/** The single value of an option, or undefined; giving it twice is a usage error. */
export function single(parsed: ParsedArgs, name: string): string | undefined {
  const values = parsed.options.get(name);
  if (values && values.length > 1) throw new UsageError(`--${name} is given more than once`);
  return values?.[0];
}
