// Writing where the file system refuses (issue 15, item 4): `init` in an unwritable directory, `fmt`
// of a file in one, `build -o` on a read-only file system end in one sentence with the real cause
// and the path as the user wrote it, exit 2 — never `internal error`, never `no such file`.
// The refusal is injected below node:fs/promises, so these run as root too; the chmod cases at the
// end check the same against the real kernel when not run as root (root ignores permissions).

import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/** Creating anything directly inside `directory` fails with `code`, as the kernel would refuse it. */
const refusal = vi.hoisted(() => ({ directory: '', code: '' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const refused = (path: unknown) =>
    refusal.directory !== '' && String(path).startsWith(refusal.directory + sep);
  const fail = (code: string, path: unknown) => {
    throw Object.assign(new Error(`${code}: refused, '${String(path)}'`), { code });
  };
  return {
    ...actual,
    // Node 20 answers a recursive mkdir that fails on a read-only file system with ENOENT (seen on
    // a read-only tmpfs); a plain mkdir gives the real code.
    mkdir: async (path: string, options?: { recursive?: boolean }) => {
      if (refused(path)) fail(options?.recursive && refusal.code === 'EROFS' ? 'ENOENT' : refusal.code, path);
      return actual.mkdir(path, options);
    },
    open: async (path: string, flags?: string, mode?: number) => {
      if (typeof flags === 'string' && /[wa]/.test(flags) && refused(path)) fail(refusal.code, path);
      return actual.open(path, flags, mode);
    },
    writeFile: async (path: never, data: never, options?: never) => {
      if (typeof path === 'string' && refused(path)) fail(refusal.code, path);
      return actual.writeFile(path, data, options);
    },
  };
});

const { cli, workspace } = await import('./cli.js');

async function refusing<T>(directory: string, code: string, action: () => Promise<T>): Promise<T> {
  Object.assign(refusal, { directory, code });
  try {
    return await action();
  } finally {
    Object.assign(refusal, { directory: '', code: '' });
  }
}

describe('writing where the file system refuses', () => {
  it('init in a directory without write permission says so about the file it could not write', async () => {
    const cwd = join(workspace(), 'empty');
    mkdirSync(cwd);
    const result = await refusing(cwd, 'EACCES', () => cli(cwd, ['init']));
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Cannot write topology.topo: permission denied.\n',
    });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('fmt of a file in a directory without write permission: one sentence, the file untouched', async () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'locked'));
    writeFileSync(join(cwd, 'locked/a.topo'), 'title   "a"\n');
    const result = await refusing(join(cwd, 'locked'), 'EACCES', () => cli(cwd, ['fmt', 'locked']));
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Cannot write "locked/a.topo": permission denied.\n',
    });
    expect(readFileSync(join(cwd, 'locked/a.topo'), 'utf8')).toBe('title   "a"\n');
    expect(readdirSync(join(cwd, 'locked'))).toEqual(['a.topo']);
  });

  it('build -o /abs/sub on a read-only file system names the cause and the path as written', async () => {
    const cwd = workspace();
    const readOnly = join(dirname(cwd), `${cwd.split(sep).pop()}-ro`);
    mkdirSync(readOnly);
    const outDir = join(readOnly, 'sub');
    const argv = ['build', 'clean.topo', '--svg', 'off', '-o', outDir];
    const result = await refusing(readOnly, 'EROFS', () => cli(cwd, argv));
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `Cannot write ${outDir}/clean.md: the file system is read-only.\n`,
    });
    expect(readdirSync(readOnly)).toEqual([]);
  });

  it('build -o with a relative directory keeps showing it relative', async () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'ro'));
    const argv = ['build', 'clean.topo', '--svg', 'off', '-o', 'ro/sub'];
    const result = await refusing(join(cwd, 'ro'), 'EROFS', () => cli(cwd, argv));
    expect(result.stderr).toBe('Cannot write ro/sub/clean.md: the file system is read-only.\n');
    expect(result.code).toBe(2);
  });

  it('a successful build -o /abs reports what it wrote under the absolute directory', async () => {
    const cwd = workspace();
    const outDir = join(cwd, 'docs');
    const result = await cli(cwd, ['build', 'clean.topo', '--svg', 'off', '-o', outDir]);
    expect(result).toEqual({
      code: 0,
      stdout: `wrote ${outDir}/clean.md\nwrote ${outDir}/clean.mmd\n`,
      stderr: '',
    });
  });
});

describe('the same against the kernel, with chmod 0555', () => {
  const asRoot = process.getuid?.() === 0;
  it.skipIf(asRoot)(
    'fmt and build in a read-only directory (skipped as root: chmod does not deny root)',
    async () => {
      const cwd = workspace();
      mkdirSync(join(cwd, 'locked'));
      writeFileSync(join(cwd, 'locked/a.topo'), 'title   "a"\n');
      chmodSync(join(cwd, 'locked'), 0o555);
      try {
        expect(await cli(cwd, ['fmt', 'locked/a.topo'])).toEqual({
          code: 2,
          stdout: '',
          stderr: 'Cannot write "locked/a.topo": permission denied.\n',
        });
        const outDir = join(cwd, 'locked/sub');
        expect(await cli(cwd, ['build', 'clean.topo', '--svg', 'off', '-o', outDir])).toEqual({
          code: 2,
          stdout: '',
          stderr: `Cannot write ${outDir}/clean.md: permission denied.\n`,
        });
      } finally {
        chmodSync(join(cwd, 'locked'), 0o755);
      }
    },
  );
});
