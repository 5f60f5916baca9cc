// Atomic file writes: the new content goes to a temporary file beside the target, is synced to
// disk, then renamed over the target, so an interrupted or failed write never leaves a truncated
// file (outputs.md §6). The write goes through symlinks to the real file, and keeps its mode and,
// where permitted, its owner; a hard-linked file is rewritten in place so every link sees it.

import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, chown, copyFile, open, readlink, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { makeDirectories } from './make-directories.js';

/**
 * Writes `content` to `path` atomically. Missing parent directories are created. The temporary
 * file (`.NAME.PID.RANDOM.tmp`, a name no input glob or directory read picks up) lives in the
 * target's directory, so the rename never crosses file systems, and is removed if anything fails.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const target = await realTarget(path);
  const directory = dirname(target);
  await makeDirectories(directory);
  const existing = await stat(target).catch(() => undefined);
  const temporary = join(
    directory,
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeSynced(temporary, content, existing);
    if (existing !== undefined && existing.nlink > 1) {
      // A rename would split the hard link; the synced temporary copy survives a crash meanwhile.
      await copyFile(temporary, target);
      await syncFile(target);
      await rm(temporary, { force: true });
    } else {
      await rename(temporary, target);
    }
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

/** The file a write to `path` must change: symlinks followed, also to a target that does not exist yet. */
async function realTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const link = await readlink(current).catch(() => undefined);
    if (link === undefined) break;
    current = resolve(dirname(current), link);
  }
  return current;
}

async function writeSynced(temporary: string, content: string | Uint8Array, existing: Stats | undefined) {
  const handle = await open(temporary, 'wx', existing === undefined ? 0o666 : existing.mode & 0o7777);
  try {
    await writeFile(handle, content);
    if (existing !== undefined) {
      await chmod(temporary, existing.mode & 0o7777);
      // Keeping the owner needs the right to give the file away (root, or the owner themself).
      await chown(temporary, existing.uid, existing.gid).catch(() => undefined);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a file's content durable (the synced temporary copy is removed only after). */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename durable; file systems that cannot sync a directory are left as they are. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}
