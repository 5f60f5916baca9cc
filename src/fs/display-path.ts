// How every message and report names a file: relative to the working directory, `/`-separated.

import { isAbsolute, relative, sep } from 'node:path';

export function displayPath(cwd: string, absolute: string): string {
  return relative(cwd, absolute).split(sep).join('/') || '.';
}

/**
 * A path below a directory the user named: absolute when they wrote that directory absolute
 * (`-o /srv/docs` shows `/srv/docs/x.md`, never `../../srv/docs/x.md`), else as displayPath.
 */
export function displayPathBelow(
  cwd: string,
  absolute: string,
  directoryAsGiven: string | undefined,
): string {
  if (directoryAsGiven !== undefined && isAbsolute(directoryAsGiven)) return absolute.split(sep).join('/');
  return displayPath(cwd, absolute);
}
