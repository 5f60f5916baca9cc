// `topodoc fmt` end to end, in-process: rewriting files and directories, --check, stdin to stdout,
// refusal of files with syntax errors, and usage errors.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { type FakeIoOptions, fakeIo } from '../helpers/io.js';

const MESSY = 'machine m {\n      process kubelet;kind vm\n}\n';
const FORMATTED = 'machine m {\n  kind vm\n\n  process kubelet\n}\n';
const BROKEN = 'machine m {\n  process a {\n';

async function fmt(cwd: string, argv: string[], options: FakeIoOptions = {}) {
  const fake = fakeIo({ cwd, ...options });
  const code = await run(['fmt', ...argv], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory with the given files (relative path → text). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-fmt-'));
  created.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('topodoc fmt FILES', () => {
  it('rewrites the files that change, lists them, and leaves formatted files alone', async () => {
    const dir = project({ 'a.topo': MESSY, 'b.topo': FORMATTED });
    const result = await fmt(dir, ['a.topo', 'b.topo']);
    expect(result).toEqual({ code: 0, stdout: 'a.topo\n', stderr: '' });
    expect(read(dir, 'a.topo')).toBe(FORMATTED);
    expect(read(dir, 'b.topo')).toBe(FORMATTED);
    expect(await fmt(dir, ['a.topo', 'b.topo'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('formats every .topo file below a directory, in sorted order, and accepts globs', async () => {
    const dir = project({
      'docs/z.topo': MESSY,
      'docs/sub/a.topo': MESSY,
      'docs/notes.txt': MESSY,
      'other/c.topo': MESSY,
    });
    expect(await fmt(dir, ['docs'])).toEqual({
      code: 0,
      stdout: 'docs/sub/a.topo\ndocs/z.topo\n',
      stderr: '',
    });
    expect(read(dir, 'docs/notes.txt')).toBe(MESSY);
    expect(await fmt(dir, ['other/*.topo'])).toEqual({ code: 0, stdout: 'other/c.topo\n', stderr: '' });
    expect(read(dir, 'other/c.topo')).toBe(FORMATTED);
  });

  it('formats files with model errors without changing what they say', async () => {
    const dir = project({ 'odd.topo': 'machine m {\n  colour   blue\n  pod p { machine inner }\n}\n' });
    expect((await fmt(dir, ['odd.topo'])).code).toBe(0);
    expect(read(dir, 'odd.topo')).toBe(
      'machine m {\n  colour blue\n\n  pod p {\n    machine inner\n  }\n}\n',
    );
  });

  it('refuses a file with syntax errors: unix diagnostics on stderr, exit 1, file untouched, others formatted', async () => {
    const dir = project({ 'a.topo': MESSY, 'broken.topo': BROKEN });
    const result = await fmt(dir, ['a.topo', 'broken.topo']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('a.topo\n');
    expect(result.stderr).toMatch(/^broken\.topo:\d+:\d+: error: .+ \[syntax\]$/m);
    expect(read(dir, 'broken.topo')).toBe(BROKEN);
    expect(read(dir, 'a.topo')).toBe(FORMATTED);
  });
  it('refuses a file that is not UTF-8 rather than replace its bytes', async () => {
    const dir = project({});
    const latin1 = Buffer.from('machine m {\n  # caf\xe9\n}\n', 'latin1');
    writeFileSync(join(dir, 'latin1.topo'), latin1);
    const result = await fmt(dir, ['latin1.topo']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'latin1.topo:2:8: error: invalid UTF-8 byte sequence; the file must be UTF-8 encoded [syntax]\n',
    );
    expect(readFileSync(join(dir, 'latin1.topo')).equals(latin1)).toBe(true);
  });
});

describe('topodoc fmt keeps what check says', () => {
  it('refuses a file starting with two byte order marks, as check does, and leaves it alone', async () => {
    const text = '\uFEFF\uFEFFmachine m {\n      process kubelet\n}\n';
    const dir = project({ 'boms.topo': text });
    const result = await fmt(dir, ['boms.topo']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^boms\.topo:1:1: error: unexpected character .+ \[syntax\]$/m);
    expect(read(dir, 'boms.topo')).toBe(text);
  });

  it('keeps an invalid file-wide directive after `;` invalid', async () => {
    const text = '; # topodoc-disable control-plane-incomplete -- x\nmachine m {\n      process kubelet\n}\n';
    const dir = project({ 'a.topo': text });
    expect((await fmt(dir, ['a.topo'])).code).toBe(0);
    expect(read(dir, 'a.topo')).toBe(
      '; # topodoc-disable control-plane-incomplete -- x\nmachine m {\n  process kubelet\n}\n',
    );
  });
});

describe('topodoc fmt --check', () => {
  it('lists the files that would change, writes nothing and exits 1', async () => {
    const dir = project({ 'a.topo': MESSY, 'b.topo': FORMATTED, 'c.topo': `\uFEFF${FORMATTED}` });
    expect(await fmt(dir, ['--check', '.'])).toEqual({ code: 1, stdout: 'a.topo\nc.topo\n', stderr: '' });
    expect(read(dir, 'a.topo')).toBe(MESSY);
  });

  it('exits 0 with no output when every file is formatted', async () => {
    const dir = project({ 'b.topo': FORMATTED });
    expect(await fmt(dir, ['--check', 'b.topo'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('topodoc fmt -', () => {
  it('reads stdin and writes the formatted text to stdout', async () => {
    const dir = project({});
    expect(await fmt(dir, ['-'], { stdin: MESSY })).toEqual({ code: 0, stdout: FORMATTED, stderr: '' });
  });

  it('with --check says whether stdin would change', async () => {
    const dir = project({});
    expect(await fmt(dir, ['--check', '-'], { stdin: MESSY })).toEqual({
      code: 1,
      stdout: '<stdin>\n',
      stderr: '',
    });
    expect(await fmt(dir, ['--check', '-'], { stdin: FORMATTED })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('prints syntax errors of stdin and nothing on stdout', async () => {
    const dir = project({});
    const result = await fmt(dir, ['-'], { stdin: BROKEN });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^<stdin>:\d+:\d+: error: .+ \[syntax\]$/m);
  });

  it('refuses invalid UTF-8 with the message and exit code fmt FILE gives for the same bytes', async () => {
    const latin1 = Buffer.from('machine m {\n  # caf\xe9\n}\n', 'latin1');
    const dir = project({});
    writeFileSync(join(dir, 'latin1.topo'), latin1);
    const fromFile = await fmt(dir, ['latin1.topo']);
    const fromStdin = await fmt(dir, ['-'], { stdin: latin1 });
    expect(fromStdin.stdout).toBe('');
    expect(fromStdin.code).toBe(fromFile.code);
    expect(fromStdin.stderr).toBe(fromFile.stderr.replace('latin1.topo', '<stdin>'));
    expect(fromStdin.stderr).toContain('<stdin>:2:8: error: invalid UTF-8 byte sequence');
  });

  it('gets the bytes of stdin from the executable, not text already decoded', () => {
    const latin1 = Buffer.from('machine m {\n  # caf\xe9\n}\n', 'latin1');
    const bin = join(import.meta.dirname, '../../src/cli/bin.ts');
    const result = spawnSync(process.execPath, ['--import', 'tsx', bin, 'fmt', '-'], {
      input: latin1,
      encoding: 'utf8',
    });
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('<stdin>:2:8: error: invalid UTF-8 byte sequence');
    expect(result.status).not.toBe(0);
  });
});

describe('topodoc fmt usage', () => {
  it('prints its help', async () => {
    const result = await fmt(project({}), ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: topodoc fmt FILES…');
  });

  it.each([
    [[], /needs at least one/],
    [['-', 'a.topo'], /stdin \(-\) alone/],
    [['missing.topo'], /Cannot find the \.topo file "missing\.topo"/],
    [['--frobnicate'], /--help/],
  ])('fmt %j is a usage error (exit 2)', async (argv, message) => {
    const result = await fmt(project({ 'a.topo': MESSY }), argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
