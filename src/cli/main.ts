/**
 * The `seams` command line: the same exports as the app, without a browser, for batch work and
 * for checking blueprints in CI. Run through bin/seams.mjs (`npx seams export journey.json
 * --svg out.svg`). Commands are the files in ./commands, one per command, each exporting
 * `command` (see command.ts); this file only finds and runs them.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { APP_VERSION } from "../format/envelope";
import { EXIT, UsageError, type CliIo, type Command, type ExitCode } from "./command";

const COMMANDS_DIR = new URL("./commands/", import.meta.url);
const COMMAND_NAME = /^[a-z][a-z0-9-]*$/;

/** The names of the available commands: the files in ./commands. */
export function commandNames(): string[] {
  return readdirSync(fileURLToPath(COMMANDS_DIR))
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
    .map((file) => file.slice(0, -3))
    .filter((name) => COMMAND_NAME.test(name))
    .sort();
}

/** The command of that name, or null. */
export async function loadCommand(name: string): Promise<Command | null> {
  if (!COMMAND_NAME.test(name) || !commandNames().includes(name)) return null;
  const module = (await import(new URL(`${name}.ts`, COMMANDS_DIR).href)) as { command?: Command };
  return module.command ?? null;
}

async function help(): Promise<string> {
  const commands = (await Promise.all(commandNames().map(loadCommand))).filter((c): c is Command => c !== null);
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
    (name === undefined ? io.stderr : io.stdout)(await help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`seams ${APP_VERSION}\n`);
    return EXIT.ok;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr(`seams: unknown command "${name}"\n\n${await help()}`);
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

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
