// The project root and what lies inside it: the nearest directory holding topodoc.config.json,
// package.json or .git. Imports, embedded regions and plugin `src=` paths stay inside it unless the
// user lifts the confinement (--allow-outside-root).

import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';

/** Files whose presence marks the project root. */
export const ROOT_MARKERS = ['topodoc.config.json', 'package.json', '.git'] as const;

/** The nearest directory, from `directory` upwards, holding a root marker; else `directory`. */
export function findProjectRoot(directory: string): string {
  for (let current = directory; ; current = path.dirname(current)) {
    if (ROOT_MARKERS.some((marker) => existsSync(path.join(current, marker)))) return current;
    if (path.dirname(current) === current) return directory;
  }
}

/** True when `file` is strictly below `directory`, judged on the paths as written. */
export function isInside(directory: string, file: string): boolean {
  const relative = path.relative(directory, file);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

/** `isInside` on the paths as written and, when the file exists, with symlinks followed. */
export async function isInsideReally(directory: string, file: string): Promise<boolean> {
  if (!isInside(directory, file)) return false;
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined) return true;
  return isInside(await realpath(directory).catch(() => directory), real);
}
