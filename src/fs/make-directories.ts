// Creates a directory and its missing parents one level at a time, so a failure names its real
// cause: Node's `mkdir(…, { recursive: true })` answers ENOENT when a level cannot be created on a
// read-only file system or in a directory without write permission.

import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** `mkdir -p` for an absolute `directory`, rejecting with the error of the level that failed. */
export async function makeDirectories(directory: string): Promise<void> {
  const missing: string[] = [];
  for (let current = directory; !(await isPresent(current)); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const level of missing) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => {
      // Made meanwhile by another process: fine when it is a directory, which the next level checks.
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

async function isPresent(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
