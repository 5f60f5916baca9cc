// Why a file could not be read or written, in words a user understands (for one-sentence errors).

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
};

/** `permission denied` for EACCES, …; the error code itself when it has no description. */
export function fileErrorReason(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  if (code === undefined)
    return error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : 'failed';
  return REASONS[code] ?? code;
}
