// `topodoc build` as the CLI loads it: answers "up to date" (with the recorded warnings) from the
// build record when nothing changed, loading nothing heavy; otherwise loads the full build
// (./build.js) and records its run.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { recordedOutput, recordKey, recordPath } from '../../build/record.js';
import { type CommandRun, useColor } from '../../pipeline/io.js';
import { type ParsedArgs, parseCommandArgs } from '../args.js';
import { BUILD_OPTIONS, type BuildValues } from './build-options.js';

const run: CommandRun = async (argv, io) => {
  const path = recordable(argv, io.cwd) ? recordPath(io.cwd, argv, io.env) : undefined;
  const record =
    path === undefined ? undefined : { path, key: recordKey(io.cwd, argv, io.env, useColor(io, io.stderr)) };
  if (record !== undefined) {
    const recorded = recordedOutput(record.path, record.key);
    if (recorded !== undefined) {
      io.stderr.write(recorded.problems);
      io.stdout.write(recorded.message);
      return 0;
    }
  }
  const { runBuild } = await import('./build.js');
  return runBuild(argv, io, record);
};

/**
 * A command the record can answer: parses, writes (no --check, --help or --no-cache), and names
 * only existing files — a directory or glob could match a new file the record never saw.
 */
function recordable(argv: readonly string[], cwd: string): boolean {
  let args: ParsedArgs<BuildValues>;
  try {
    args = parseCommandArgs('build', [...argv], BUILD_OPTIONS);
  } catch {
    return false;
  }
  if (args.help || args.values.check || args.values['no-cache'] || args.positionals.length === 0)
    return false;
  return args.positionals.every((positional) => {
    try {
      return !/[*?[\]{}!]/.test(positional) && statSync(resolve(cwd, positional)).isFile();
    } catch {
      return false;
    }
  });
}

export { run };
