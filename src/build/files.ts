// Reading and writing build outputs: a missing file reads as undefined, a file is rewritten
// (atomically) only when its bytes would change, and a file-system failure is one UserError.

import { statSync } from 'node:fs';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { readInputFile } from '../fs/read-input.js';
import { fileErrorReason } from '../fs/reason.js';

/** Refuses an output directory that exists as something other than a directory. */
export function checkOutputDirectory(outDir: string, shown: string): void {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(outDir, { throwIfNoEntry: false });
  } catch (error) {
    throw new UserError(`Cannot write the outputs to ${shown}: ${fileErrorReason(error)}.`);
  }
  if (stats !== undefined && !stats.isDirectory()) {
    throw new UserError(`Cannot write the outputs to ${shown}: it is a file, not a directory.`);
  }
}

/**
 * An output's text, read like any input: a FIFO or device where an output should be is refused
 * instead of blocking the build (outputs are not size-limited).
 * @param shown the path as the user sees it, for the message when reading fails
 */
export async function readIfExists(path: string, shown: string): Promise<string | undefined> {
  try {
    return Buffer.from(await readInputFile(path, Number.MAX_SAFE_INTEGER)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`Cannot read ${shown}: ${fileErrorReason(error)}.`);
  }
}

/** Writes `content` unless the file already holds exactly it; true when it wrote. */
export async function writeIfChanged(path: string, content: string, shown: string): Promise<boolean> {
  if ((await readIfExists(path, shown)) === content) return false;
  try {
    await writeFileAtomic(path, content);
  } catch (error) {
    throw new UserError(`Cannot write ${shown}: ${fileErrorReason(error)}.`);
  }
  return true;
}
