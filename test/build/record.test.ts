// The build record: a repeated `topodoc build` answers "up to date" from it without loading the
// parser, and anything it recorded — an output, an import, the config — changing makes it build.

import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { recordPath } from '../../src/build/record.js';
import { cli, workspace } from '../cli/cli.js';

const ROOT = join(import.meta.dirname, '../..');
const HOOK = join(ROOT, 'test/fixtures/startup/log-modules.mjs');
// tsx by its path: the child runs in a temporary directory, where no node_modules resolves it.
const TSX = join(ROOT, 'node_modules/tsx/dist/loader.mjs');

/** A workspace with main.topo (`base` plus an import of shared.topo), and its own record directory. */
function project(base = 'clean.topo', io: { isTTY?: boolean } = {}) {
  const dir = workspace();
  const cache = mkdtempSync(join(tmpdir(), 'topodoc-record-'));
  writeFileSync(join(dir, 'main.topo'), `import "shared.topo"\n${readFileSync(join(dir, base), 'utf8')}`);
  writeFileSync(join(dir, 'shared.topo'), 'machine other { ip 192.168.1.11 }\n');
  const build = (...extra: string[]) =>
    cli(dir, ['build', 'main.topo', '--svg', 'off', ...extra], { env: { XDG_CACHE_HOME: cache }, ...io });
  return { dir, cache, build };
}

/** The one record file in `cache`. */
function recordFile(cache: string): string {
  const [name, ...more] = readdirSync(join(cache, 'topodoc'));
  expect(more).toEqual([]);
  return join(cache, 'topodoc', name as string);
}

describe('build record', () => {
  it("lives in the user's cache directory the environment names, or nowhere when it names none", () => {
    const dir = mkdtempSync(join(tmpdir(), 'topodoc-no-project-'));
    const argv = ['build', 'main.topo'];
    const inXdg = recordPath(dir, argv, { XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' });
    expect(inXdg).toMatch(/^\/x\/cache\/topodoc\/build-[0-9a-f]{16}\.json$/);
    expect(recordPath(dir, argv, { HOME: '/home/u' })).toBe(inXdg?.replace('/x/cache/', '/home/u/.cache/'));
    expect(recordPath(dir, argv, {})).toBeUndefined();
  });

  it('answers up to date and rewrites an output edited since', async () => {
    const { dir, build } = project();
    expect((await build()).stdout).toBe('wrote out/main.md\nwrote out/main.mmd\n');
    expect(await build()).toEqual({ code: 0, stdout: 'out is up to date.\n', stderr: '' });
    const md = readFileSync(join(dir, 'out/main.md'), 'utf8');
    writeFileSync(join(dir, 'out/main.md'), `${md}edited\n`);
    expect((await build()).stdout).toBe('wrote out/main.md\n');
    expect(readFileSync(join(dir, 'out/main.md'), 'utf8')).toBe(md);
  });

  it('answers with the warnings the recorded build printed', async () => {
    const { cache, build } = project('warnings.topo');
    const first = await build();
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/warning/);
    expect(await build()).toEqual({ code: 0, stdout: 'out is up to date.\n', stderr: first.stderr });
    // What the second build printed came from the record, not from checking the file again.
    const record = JSON.parse(readFileSync(recordFile(cache), 'utf8'));
    writeFileSync(recordFile(cache), JSON.stringify({ ...record, problems: 'as recorded\n' }));
    expect((await build()).stderr).toBe('as recorded\n');
  });

  it('keeps a record on a terminal, where a progress line is shown', async () => {
    const { cache, build } = project('clean.topo', { isTTY: true });
    expect((await build()).stderr).toContain('building main.topo');
    expect(JSON.parse(readFileSync(recordFile(cache), 'utf8')).problems).toBe('');
    expect(await build()).toEqual({ code: 0, stdout: 'out is up to date.\n', stderr: '' });
  });

  it('rebuilds when an import changes, and when a missing import appears', async () => {
    const { dir, build } = project();
    await build();
    writeFileSync(join(dir, 'shared.topo'), 'machine other { ip 192.168.1.12 }\n');
    expect((await build()).stdout).toContain('wrote out/main.md');
    expect((await build()).stdout).toBe('out is up to date.\n');
    writeFileSync(join(dir, 'shared.topo'), 'import "later.topo"\nmachine other { ip 192.168.1.12 }\n');
    expect((await build()).code).toBe(1);
    writeFileSync(join(dir, 'later.topo'), 'machine later { ip 192.168.1.13 }\n');
    expect((await build()).stdout).toContain('wrote out/main.md');
  });

  it('rebuilds when the config changes', async () => {
    const { dir, build } = project();
    await build();
    writeFileSync(join(dir, 'topodoc.config.json'), JSON.stringify({ outDir: 'docs' }));
    expect((await build()).stdout).toBe('wrote docs/main.md\nwrote docs/main.mmd\n');
  });

  it('builds in full when a FIFO stands where the record was, instead of waiting on it', async () => {
    const { cache, build } = project();
    await build();
    const record = recordFile(cache);
    rmSync(record);
    execFileSync('mkfifo', [record]);
    expect(await build()).toEqual({ code: 0, stdout: 'out is up to date.\n', stderr: '' });
    expect(statSync(record).isFile()).toBe(true);
  });

  it('ignores a corrupt record, and --no-cache neither reads nor writes one', async () => {
    const { dir, cache, build } = project();
    await build();
    const records = join(cache, 'topodoc');
    for (const name of readdirSync(records)) writeFileSync(join(records, name), '{"format": 1, "files": ');
    writeFileSync(join(dir, 'out/main.mmd'), 'edited\n');
    expect(await build()).toEqual({ code: 0, stdout: 'wrote out/main.mmd\n', stderr: '' });
    const noCache = project();
    expect((await noCache.build('--no-cache')).stdout).toContain('wrote');
    expect(readdirSync(noCache.cache)).toEqual([]);
  });

  it('answers from the record without loading the parser', async () => {
    const { dir, cache } = project();
    const topodoc = async () => {
      const log = join(mkdtempSync(join(tmpdir(), 'record-modules-')), 'modules.log');
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--import',
          TSX,
          '--import',
          HOOK,
          join(ROOT, 'src/cli/bin.ts'),
          'build',
          'main.topo',
          '--svg',
          'off',
        ],
        { cwd: dir, env: { ...process.env, MODULE_LOG: log, XDG_CACHE_HOME: cache } },
      );
      return { stdout, chevrotain: readFileSync(log, 'utf8').includes('/node_modules/chevrotain/') };
    };
    expect(await topodoc()).toEqual({ stdout: 'wrote out/main.md\nwrote out/main.mmd\n', chevrotain: true });
    expect(await topodoc()).toEqual({ stdout: 'out is up to date.\n', chevrotain: false });
  });
});
