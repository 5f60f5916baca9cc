// `topodoc diff`: the three formats pinned by goldens, the exit codes, and git:REV:PATH sources.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { expectGolden } from '../helpers/golden.js';
import { fakeIo } from '../helpers/io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CASE = 'test/fixtures/diff/shop';

async function diff(args: string[], cwd = ROOT) {
  const fake = fakeIo({ cwd });
  const code = await run(['diff', ...args], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

describe('topodoc diff', () => {
  it.each([
    ['text', 'expected.txt'],
    ['markdown', 'expected.md'],
    ['json', 'expected.json'],
  ])('prints the %s form (exit 1 for differences)', async (format, file) => {
    const result = await diff([`${CASE}/a.topo`, `${CASE}/b.topo`, '--format', format]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expectGolden(result.stdout, path.join(ROOT, CASE, file));
  });

  it('keeps the markdown views within 80 columns', async () => {
    const { stdout } = await diff([`${CASE}/a.topo`, `${CASE}/b.topo`, '--format', 'markdown']);
    const fences = stdout.split('```').filter((_, index) => index % 2 === 1);
    for (const line of fences.join('\n').split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('exits 0 with no difference, and 2 for bad usage', async () => {
    expect(await diff([`${CASE}/a.topo`, `${CASE}/a.topo`])).toEqual({
      code: 0,
      stdout: 'No differences.\n',
      stderr: '',
    });
    expect((await diff([`${CASE}/a.topo`])).code).toBe(2);
    const format = await diff([`${CASE}/a.topo`, `${CASE}/b.topo`, '--format', 'yaml']);
    expect([format.code, format.stderr]).toEqual([
      2,
      '--format expects text, markdown or json, got "yaml".\n',
    ]);
  });

  it('reads git:REV:PATH through git show, and names a bad revision in one sentence', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'topodoc-diff-git-'));
    created.push(dir);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
    git('init', '-q');
    writeFileSync(path.join(dir, 'x.topo'), 'machine m { kind vm }\n');
    git('add', 'x.topo');
    git('commit', '-q', '-m', 'first');
    writeFileSync(path.join(dir, 'x.topo'), 'machine m { kind physical }\n');
    const changed = await diff(['git:HEAD:x.topo', 'x.topo'], dir);
    expect(changed.stdout).toBe(
      '~ machine m: kind vm → physical\n1 difference: 0 added, 0 removed, 1 changed.\n',
    );
    const bad = await diff(['git:no-such-rev:x.topo', 'x.topo'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^Cannot read git:no-such-rev:x\.topo: fatal: .*\n$/);
  });
});
