// What each command loads, seen from a real process (a resolve hook logs every module): `--version`
// and `--help` load no command and no package, `check` none of the renderers, browser or watcher
// (nor Ajv, which only a config file needs, nor the YAML library, which only manifests need), and
// Chevrotain as one file; `build` asks for the browser before it loads the parser.

import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const HOOK = join(ROOT, 'test/fixtures/startup/log-modules.mjs');

/** The repository-relative paths of the modules `topodoc ARGS` resolved, in the order first resolved. */
async function modulesLoadedBy(args: readonly string[], env: Record<string, string> = {}): Promise<string[]> {
  const log = join(mkdtempSync(join(tmpdir(), 'startup-')), 'modules.log');
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--import', HOOK, join(ROOT, 'src/cli/bin.ts'), ...args],
    { cwd: ROOT, env: { ...process.env, ...env, MODULE_LOG: log } },
  ).catch((error: { code?: number }) => {
    if (typeof error.code !== 'number') throw error; // a command that exits non-zero still loaded what it did
  });
  const paths = readFileSync(log, 'utf8')
    .split('\n')
    .flatMap((url) => {
      // Packages by their path inside node_modules, wherever it is (a worktree may link it).
      const inPackages = url.lastIndexOf('/node_modules/');
      if (inPackages >= 0) return [url.slice(inPackages + 1)];
      return url.startsWith(`file://${ROOT}/`) ? [url.slice(`file://${ROOT}/`.length)] : [];
    });
  return [...new Set(paths)];
}

describe('startup', () => {
  it.each([['--version'], ['--help']])('%s loads no command module and no package', async (flag) => {
    const loaded = await modulesLoadedBy([flag]);
    expect(loaded).toContain('src/cli/main.ts');
    expect(loaded.filter((path) => path.startsWith('node_modules/') || path.includes('/commands/'))).toEqual(
      [],
    );
  });

  it('check of a .topo file loads its own command, and no renderer, browser, Markdown, watcher, config-schema or YAML package', async () => {
    const loaded = await modulesLoadedBy(['check', 'examples/node.topo']);
    expect(loaded).toContain('src/cli/commands/check.ts');
    const heavy =
      /^node_modules\/(puppeteer|puppeteer-core|remark|unified|micromark|mdast|boxen|chokidar|mermaid|ajv|yaml)\//;
    expect(loaded.filter((path) => heavy.test(path) || path.startsWith('src/render/'))).toEqual([]);
  });

  it('check of a manifest loads the YAML library', async () => {
    const loaded = await modulesLoadedBy(['check', 'test/fixtures/manifests/guestbook']);
    expect(loaded.filter((path) => path.startsWith('node_modules/yaml/')).length).toBeGreaterThan(0);
  });

  it('build asks for the browser before it loads the parser, so Chromium starts while the rest loads', async () => {
    const out = mkdtempSync(join(tmpdir(), 'startup-build-'));
    const bin = mkdtempSync(join(tmpdir(), 'startup-browser-'));
    const browser = join(bin, 'chromium');
    writeFileSync(browser, '#!/bin/sh\nexit 1\n');
    chmodSync(browser, 0o755);
    const loaded = await modulesLoadedBy(['build', 'examples/node.topo', '-o', out, '--no-cache'], {
      PUPPETEER_EXECUTABLE_PATH: browser,
    });
    const renderer = loaded.indexOf('src/render/svg/renderer.ts');
    const parser = loaded.indexOf('src/parser/index.ts');
    expect(renderer).toBeGreaterThanOrEqual(0);
    expect(parser).toBeGreaterThan(renderer);
  });

  it("check loads Chevrotain's single-file build, not its module tree through lodash-es", async () => {
    const loaded = await modulesLoadedBy(['check', 'examples/node.topo']);
    expect(loaded).toContain('node_modules/chevrotain/lib/chevrotain.mjs');
    expect(
      loaded.filter((path) => /^node_modules\/(lodash-es|chevrotain\/lib\/src|@chevrotain)\//.test(path)),
    ).toEqual([]);
  });
});
