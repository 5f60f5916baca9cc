// Reading and writing build outputs: a missing file reads as undefined, and a file is rewritten
// (atomically) only when its bytes would change.

import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic.js';

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes `content` unless the file already holds exactly it; true when it wrote. */
export async function writeIfChanged(path: string, content: string): Promise<boolean> {
  if ((await readIfExists(path)) === content) return false;
  await writeFileAtomic(path, content);
  return true;
}
