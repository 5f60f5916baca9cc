// `topodoc build` on the command line: globs and directories, -o and the config's outDir,
// --check, --svg, --charset/--width, and one-sentence usage errors.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { noBrowserEnv, project, SMALL_NODE, WORKER_NODE } from '../build/helpers.js';
import { fakeIo } from '../helpers/io.js';

async function topodoc(cwd: string, argv: string[], env: Record<string, string> = noBrowserEnv()) {
  const fake = fakeIo({ cwd, env });
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('topodoc build', () => {
  it('builds the files a glob matches into out/', async () => {
    const cwd = project({ 'topo/a.topo': SMALL_NODE, 'topo/b.topo': WORKER_NODE, 'topo/notes.txt': '' });
    const result = await topodoc(cwd, ['build', 'topo/*.topo', '--svg', 'off']);
    expect(result.code).toBe(0);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['a.md', 'a.mmd', 'b.md', 'b.mmd']);
  });

  it('builds every .topo file under a directory argument', async () => {
    const cwd = project({ 'topo/a.topo': SMALL_NODE, 'topo/deep/b.topo': WORKER_NODE });
    expect((await topodoc(cwd, ['build', 'topo', '--svg', 'off'])).code).toBe(0);
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['a.md', 'a.mmd', 'b.md', 'b.mmd']);
  });

  it('writes to -o DIR, else to the outDir of the config (relative to the config file)', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE, 'topodoc.config.json': '{ "outDir": "docs/generated" }' });
    expect((await topodoc(cwd, ['build', 'a.topo', '--svg', 'off', '-o', 'elsewhere'])).code).toBe(0);
    expect(existsSync(join(cwd, 'elsewhere/a.md'))).toBe(true);
    const sub = join(cwd, 'sub');
    writeFileSync(join(cwd, 'b.topo'), SMALL_NODE);
    mkdirSync(sub);
    expect((await topodoc(sub, ['build', '../b.topo', '--svg', 'off'])).code).toBe(0);
    expect(existsSync(join(cwd, 'docs/generated/b.md'))).toBe(true);
    expect(readFileSync(join(cwd, 'docs/generated/b.md'), 'utf8')).toContain('`b.topo`');
  });

  it('applies --charset and --width to the ASCII views', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    await topodoc(cwd, ['build', 'a.topo', '--svg', 'off', '--charset', 'ascii', '--width', '60']);
    const markdown = readFileSync(join(cwd, 'out/a.md'), 'utf8');
    expect(markdown).not.toMatch(/[┌─┐│└┘├]/);
    expect(markdown).toMatch(/^\+-+\+$/m);
    const codeLines = markdown.split('```text')[1]?.split('```')[0]?.split('\n') ?? [];
    expect(Math.max(...codeLines.map((line) => line.length))).toBeLessThanOrEqual(60);
  });

  it('--check exits 1 on drift and 0 when current, writing nothing', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    const drift = await topodoc(cwd, ['build', 'a.topo', '--check', '--svg', 'off']);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('out/a.md would be created');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    await topodoc(cwd, ['build', 'a.topo', '--svg', 'off']);
    const current = await topodoc(cwd, ['build', 'a.topo', '--check', '--svg', 'off']);
    expect(current).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--svg required without a browser exits 1 and names the way to install one', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    const result = await topodoc(cwd, ['build', 'a.topo', '--svg', 'required'], noBrowserEnv());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('apt-get install chromium');
    expect(existsSync(join(cwd, 'out/a.md'))).toBe(true);
  });

  it('prints problems in the unix format with -f unix', async () => {
    const cwd = project({ 'a.topo': 'machine m {\n' });
    const result = await topodoc(cwd, ['build', 'a.topo', '--svg', 'off', '-f', 'unix']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^a\.topo:\d+:\d+: error: .+ \[syntax\]$/m);
  });

  it.each([
    [['build'], /needs at least one \.topo file/],
    [['build', 'nothing/*.topo'], /^No \.topo file matches "nothing\/\*\.topo"\.\n$/],
    [['build', 'missing.topo'], /^Cannot find the \.topo file "missing\.topo"\.\n$/],
    [['build', 'a.topo', '--svg', 'sometimes'], /^--svg expects auto, required or off, got "sometimes"\.\n$/],
    [['build', 'a.topo', '--charset', 'ebcdic'], /^--charset expects unicode or ascii/],
    [['build', 'a.topo', '--width', '0'], /^--width expects a positive whole number/],
    [['build', 'a.topo', '--format', 'sarif'], /use topodoc check for other formats/],
    [['build', 'a.topo', '--colour'], /^topodoc build: unknown option --colour\. Run/],
  ])('%j is a usage error: one sentence, exit 2', async (argv, message) => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    const result = await topodoc(cwd, argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints its help', async () => {
    const fake = fakeIo();
    expect(await run(['build', '--help'], fake.io)).toBe(0);
    expect(fake.stdout()).toMatch(/^Usage: topodoc build FILES…/);
  });
});
