// Why a file could not be read or written, in words a user understands (for one-sentence errors).

import { limitInMiB, TOO_LARGE } from './read-input.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  // What `mkdir -p` answers when a file stands where a directory of the path should be.
  EEXIST: 'a part of the path is a file, not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  // Refusals of read-input.ts.
  ENOTREGULAR: 'it is not a regular file (a pipe, device or socket)',
};

/** `permission denied` for EACCES, …; the error code itself when it has no description. */
export function fileErrorReason(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  if (code === TOO_LARGE)
    return `it is larger than ${limitInMiB(error)} MiB, the most topodoc reads from one input`;
  if (code === undefined)
    return error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : 'failed';
  return REASONS[code] ?? code;
}
