// The program entry: dispatches `topodoc <command> …` to its command module, answers --help and
// --version, and turns every failure into one line on stderr and an exit code (rules.md C).

import { UserError } from '../errors.js';
import type { CommandRun, ToolIo } from '../pipeline/io.js';
import { toolVersion } from '../pipeline/version.js';
import { printable } from '../report/text.js';
import { didYouMean } from '../text/suggest.js';
import { programHelp } from './help.js';

export interface Command {
  name: string;
  summary: string;
  /** Loads the command's module when it runs, so `--version`, `--help` and each command load nothing else. */
  load: () => Promise<{ run: CommandRun }>;
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  {
    name: 'build',
    summary: 'write the Markdown document, Mermaid source and SVG of .topo files',
    load: () => import('./commands/build-cached.js'),
  },
  {
    name: 'check',
    summary: 'check .topo files and report problems',
    load: () => import('./commands/check.js'),
  },
  {
    name: 'render',
    summary: 'print the ASCII views, Mermaid or Markdown of a .topo file',
    load: () => import('./commands/render.js'),
  },
  {
    name: 'fmt',
    summary: 'rewrite .topo files in the canonical layout',
    load: () => import('./commands/fmt.js'),
  },
  {
    name: 'embed',
    summary: 'refresh generated regions inside existing Markdown files',
    load: () => import('./commands/embed.js'),
  },
  {
    name: 'watch',
    summary: 'rebuild documents when a .topo file or one it imports changes',
    load: () => import('./commands/watch.js'),
  },
  {
    name: 'diff',
    summary: 'list what changes from one topology (or git revision, or manifests) to another',
    load: () => import('./commands/diff.js'),
  },
  {
    name: 'init',
    summary: 'write a commented starter topology and a config file',
    load: () => import('./commands/init.js'),
  },
  {
    name: 'import',
    summary: 'write the .topo of Kubernetes manifests or a live cluster snapshot',
    load: () => import('./commands/import.js'),
  },
];

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
  const { run: runCommand } = await command.load();
  return runCommand(rest, io);
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
    // Messages quote paths, arguments and file content: no control character reaches the terminal.
    io.stderr.write(`${printable(error.message)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`topodoc: internal error: ${printable(message.split('\n')[0] ?? '')}\n`);
  if (io.env.TOPODOC_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 2;
}
