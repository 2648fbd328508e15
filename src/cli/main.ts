/**
 * The `seams` command line: the same exports as the app, without a browser, for batch work and
 * for checking blueprints in CI. Started by bin.ts (through bin/seams.mjs: `npx seams export
 * journey.json --svg out.svg`). Each command is one file in ./commands exporting `command`
 * (see command.ts), listed once in COMMANDS; this file only finds and runs them.
 */
import { APP_VERSION } from "../format/envelope";
import { EXIT, UsageError, type CliIo, type Command, type ExitCode } from "./command";
import { command as analyse } from "./commands/analyse";
import { command as exportCommand } from "./commands/export";

/** Every command, in the order `seams --help` lists them. Imported statically, so the built
 * command line (dist-cli/seams.mjs) is one file that needs nothing else at run time. */
const COMMANDS: readonly Command[] = [analyse, exportCommand];

/** The names of the available commands. */
export function commandNames(): string[] {
  return COMMANDS.map((c) => c.name);
}

/** The command of that name, or null. */
export function loadCommand(name: string): Command | null {
  return COMMANDS.find((c) => c.name === name) ?? null;
}

function help(): string {
  const commands = COMMANDS;
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  return [
    "Seams: service blueprints of citizen journeys, from the command line.",
    "",
    "Usage: seams <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `seams <command> --help` for a command's options.",
    "Exit codes: 0 done, 1 an input could not be read or is not a valid journey, 2 wrong usage.",
    "",
  ].join("\n");
}

/** Runs one command line (without the program name) and returns its exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    (name === undefined ? io.stderr : io.stdout)(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`seams ${APP_VERSION}\n`);
    return EXIT.ok;
  }
  const command = loadCommand(name);
  if (!command) {
    io.stderr(`seams: unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`seams ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    io.stderr(`seams ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.badInput;
  }
}
