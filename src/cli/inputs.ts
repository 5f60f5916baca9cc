// Turns the file arguments of a command (paths and globs) into a sorted list of absolute paths,
// with one clear sentence for a missing file, a directory, or a glob that matches nothing.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { compareStrings } from '../diagnostics.js';
import { UserError } from '../errors.js';
import { fileErrorReason } from '../fs/reason.js';

/**
 * @param what how to name one input in messages ("Markdown file", ".topo file")
 * @param directoryPattern when set, a directory argument means the files matching it below that directory
 */
export async function expandInputs(
  patterns: readonly string[],
  cwd: string,
  what: string,
  directoryPattern?: string,
): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) {
      const matches = await glob(pattern, { cwd, absolute: true, onlyFiles: true, expandDirectories: false });
      if (matches.length === 0) throw new UserError(`No ${what} matches "${pattern}".`);
      for (const match of matches) found.add(resolve(match));
      continue;
    }
    const absolute = resolve(cwd, pattern);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(absolute, { throwIfNoEntry: false });
    } catch (error) {
      throw new UserError(`Cannot read the ${what} "${pattern}": ${fileErrorReason(error)}.`);
    }
    if (stats === undefined) throw new UserError(`Cannot find the ${what} "${pattern}".`);
    if (stats.isDirectory()) {
      if (directoryPattern === undefined) {
        throw new UserError(`"${pattern}" is a directory; name the ${what}s in it or use a glob.`);
      }
      const matches = await glob(directoryPattern, { cwd: absolute, absolute: true, onlyFiles: true });
      if (matches.length === 0) throw new UserError(`The directory "${pattern}" holds no ${what}.`);
      for (const match of matches) found.add(resolve(match));
      continue;
    }
    found.add(absolute);
  }
  return [...found].sort(compareStrings);
}
