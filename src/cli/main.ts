// The program entry: dispatches `topodoc <command> …` to its command module, answers --help and
// --version, and turns every failure into one line on stderr and an exit code (rules.md C).

import { UserError } from '../errors.js';
import type { CommandRun, ToolIo } from '../pipeline/io.js';
import { toolVersion } from '../pipeline/version.js';
import { didYouMean } from '../text/suggest.js';
import { command as build } from './commands/build.js';
import { command as check } from './commands/check.js';
import { command as embed } from './commands/embed.js';
import { command as fmt } from './commands/fmt.js';
import { command as importManifests } from './commands/import.js';
import { command as init } from './commands/init.js';
import { command as render } from './commands/render.js';
import { command as watch } from './commands/watch.js';
import { programHelp } from './help.js';

export interface Command {
  name: string;
  summary: string;
  run: CommandRun;
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [build, check, render, fmt, embed, watch, init, importManifests];

/** Runs the CLI in-process and returns the exit code; never throws. */
export async function run(argv: readonly string[], io: ToolIo): Promise<number> {
  try {
    return await dispatch([...argv], io);
  } catch (error) {
    return report(error, io);
  }
}

async function dispatch(argv: string[], io: ToolIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(programHelp(COMMANDS));
    return 2;
  }
  if (first === '--help' || first === '-h') {
    io.stdout.write(programHelp(COMMANDS));
    return 0;
  }
  if (first === '--version') {
    io.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  if (first === 'help')
    return rest[0] === undefined ? dispatch(['--help'], io) : dispatch([rest[0], '--help'], io);
  const command = COMMANDS.find((c) => c.name === first);
  if (command === undefined) throw unknownCommand(first);
  return command.run(rest, io);
}

function unknownCommand(name: string): UserError {
  const names = COMMANDS.map((c) => c.name);
  const what = name.startsWith('-') ? `Unknown option "${name}"` : `Unknown command "${name}"`;
  return new UserError(
    `${what}${didYouMean(name, names) || '; run `topodoc --help` for the list of commands.'}`,
  );
}

function report(error: unknown, io: ToolIo): number {
  if (error instanceof UserError) {
    io.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`topodoc: internal error: ${message.split('\n')[0]}\n`);
  if (io.env.TOPODOC_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 2;
}
