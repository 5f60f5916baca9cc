// How every message and report names a file: relative to the working directory, `/`-separated.

import { relative, sep } from 'node:path';

export function displayPath(cwd: string, absolute: string): string {
  return relative(cwd, absolute).split(sep).join('/') || '.';
}
