// `topodoc init` end to end, in-process: the starter files check clean, render and are formatted;
// existing files are never overwritten.

import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { format } from '../../src/fmt/format.js';
import { configurableRuleIds, MODEL_ERROR_IDS } from '../../src/report/catalog.js';
import { fakeIo } from '../helpers/io.js';

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

function emptyDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-init-'));
  created.push(dir);
  return dir;
}

async function cli(cwd: string, argv: string[]) {
  const fake = fakeIo({ cwd });
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('topodoc init', () => {
  const dir = emptyDir();
  let initResult: Awaited<ReturnType<typeof cli>>;

  it('writes topology.topo and topodoc.config.json', async () => {
    initResult = await cli(dir, ['init']);
    expect(initResult.code).toBe(0);
    expect(initResult.stderr).toBe('');
    expect(initResult.stdout).toContain('topodoc check topology.topo');
    expect(existsSync(join(dir, 'topology.topo'))).toBe(true);
    expect(existsSync(join(dir, 'topodoc.config.json'))).toBe(true);
  });

  it('writes a topology that checks clean, without warnings', async () => {
    expect(await cli(dir, ['check', '--format', 'unix', 'topology.topo'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('writes a topology that renders as ASCII views and as the whole document', async () => {
    const ascii = await cli(dir, ['render', 'topology.topo']);
    expect(ascii.code).toBe(0);
    expect(ascii.stdout).toContain('kube-apiserver');
    const markdown = await cli(dir, ['render', 'topology.topo', '--target', 'markdown']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('# My cluster');
  });

  it('writes a commented topology in the formatter layout', () => {
    const text = readFileSync(join(dir, 'topology.topo'), 'utf8');
    expect(text.match(/^\s*#/gm)?.length ?? 0).toBeGreaterThan(10);
    expect(format(text)).toEqual({ ok: true, text });
  });

  it('writes a valid config holding every key at its default', () => {
    const text = readFileSync(join(dir, 'topodoc.config.json'), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    const { source, ...config } = loadConfig(dir, configurableRuleIds(), MODEL_ERROR_IDS);
    expect(source).toBe(join(dir, 'topodoc.config.json'));
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(Object.keys(JSON.parse(text))).toEqual(['rules', 'outDir', 'ascii', 'views', 'svg']);
  });

  it.each(['topology.topo', 'topodoc.config.json'])(
    'refuses when %s exists, writing nothing (exit 2)',
    async (existing) => {
      const target = emptyDir();
      writeFileSync(join(target, existing), 'mine\n');
      const result = await cli(target, ['init']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${existing} already exists`);
      expect(readFileSync(join(target, existing), 'utf8')).toBe('mine\n');
      const other = existing === 'topology.topo' ? 'topodoc.config.json' : 'topology.topo';
      expect(existsSync(join(target, other))).toBe(false);
    },
  );

  it('refuses a second run in the same directory', async () => {
    const result = await cli(dir, ['init']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('topology.topo and topodoc.config.json already exist');
  });

  it('refuses a dangling symlink in the way as an existing file, in one sentence', async () => {
    const target = emptyDir();
    symlinkSync(join(target, 'nowhere.topo'), join(target, 'topology.topo'));
    expect(await cli(target, ['init'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'topology.topo already exists; topodoc init wrote nothing.\n',
    });
    expect(existsSync(join(target, 'nowhere.topo'))).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)(
    'says why it cannot write in a read-only directory (skipped as root)',
    async () => {
      const target = emptyDir();
      chmodSync(target, 0o555);
      const result = await cli(target, ['init']);
      expect(result).toMatchObject({ code: 2, stderr: 'Cannot write topology.topo: permission denied.\n' });
    },
  );

  it('prints its help and rejects arguments', async () => {
    const help = await cli(emptyDir(), ['init', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: topodoc init');
    const stray = emptyDir();
    expect((await cli(stray, ['init', 'extra'])).code).toBe(2);
    expect(existsSync(join(stray, 'topology.topo'))).toBe(false);
  });
});
