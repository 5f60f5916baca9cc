// buildFiles: the three outputs per file, atomic and change-only writes, files with errors keep
// their old outputs, --check never writes, and the browser starts only for stale diagrams.

import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BuildOptions, buildFiles, type LaunchRenderer } from '../../src/build/index.js';
import { launchSvgRenderer } from '../../src/build/svg.js';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { UserError } from '../../src/errors.js';
import { BROWSER_INSTALL_HINT, readSvgCacheKey, svgCacheKey } from '../../src/render/svg/index.js';
import { fakeIo } from '../helpers/io.js';
import {
  fakeBrowserEnv,
  fakeRenderer,
  noBrowserEnv,
  project,
  SMALL_NODE,
  SYNTAX_ERROR,
  WORKER_NODE,
  writeText,
} from './helpers.js';

type Overrides = Partial<Omit<BuildOptions, 'io'>> & { env?: Record<string, string>; isTTY?: boolean };

async function build(cwd: string, files: string[], overrides: Overrides = {}) {
  const { env, isTTY, ...options } = overrides;
  const fake = fakeIo({ cwd, env: env ?? noBrowserEnv(), isTTY: isTTY ?? false });
  const result = await buildFiles(
    files.map((file) => join(cwd, file)),
    { io: fake.io, outDir: join(cwd, 'out'), config: DEFAULT_CONFIG, svgMode: 'off', ...options },
  );
  return { ...result, stdout: fake.stdout(), stderr: fake.stderr() };
}

/** Overrides for a build with SVG on, a browser found on PATH, and `launchRenderer` starting it. */
function withFakeBrowser(launchRenderer: LaunchRenderer): Overrides {
  return { svgMode: 'auto', env: fakeBrowserEnv(), launchRenderer };
}

function snapshot(directory: string): Record<string, string> {
  if (!existsSync(directory)) return {};
  return Object.fromEntries(
    readdirSync(directory).map((name) => [name, readFileSync(join(directory, name), 'utf8')]),
  );
}

describe('buildFiles', () => {
  it('writes x.md and x.mmd for each x.topo, and no SVG with --svg off', async () => {
    const cwd = project({ 'a.topo': WORKER_NODE, 'docs/b.topo': SMALL_NODE });
    const result = await build(cwd, ['a.topo', 'docs/b.topo']);
    expect(result.exitCode).toBe(0);
    expect(Object.keys(snapshot(join(cwd, 'out'))).sort()).toEqual(['a.md', 'a.mmd', 'b.md', 'b.mmd']);
    const markdown = readFileSync(join(cwd, 'out/b.md'), 'utf8');
    expect(markdown).toMatch(/^# Small\n/);
    expect(markdown).toContain('`docs/b.topo`');
    expect(markdown).not.toContain('b.svg');
    expect(readFileSync(join(cwd, 'out/a.mmd'), 'utf8')).toMatch(/^flowchart/);
    expect(result.stdout).toContain('wrote out/a.md\n');
    expect(result.stderr).toContain('volume-unused');
  });

  it('rewrites nothing when nothing changed', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    await build(cwd, ['a.topo']);
    const again = await build(cwd, ['a.topo']);
    expect(again.written).toEqual([]);
    expect(again.stdout).toBe('out is up to date.\n');
  });

  it('leaves the previous outputs byte for byte when a file gets errors, and exits 1', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE, 'b.topo': SMALL_NODE.replace('Small', 'Other') });
    await build(cwd, ['a.topo', 'b.topo']);
    const before = snapshot(join(cwd, 'out'));
    writeFileSync(join(cwd, 'a.topo'), SYNTAX_ERROR);
    writeFileSync(join(cwd, 'b.topo'), SMALL_NODE.replace('Small', 'Changed'));
    const result = await build(cwd, ['a.topo', 'b.topo'], { format: 'unix' });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^a\.topo:\d+:\d+: error: .*\[syntax\]$/m);
    const after = snapshot(join(cwd, 'out'));
    expect(after['a.md']).toBe(before['a.md']);
    expect(after['a.mmd']).toBe(before['a.mmd']);
    expect(after['b.md']).toMatch(/^# Changed/);
    expect(Object.keys(after).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('gives a file with errors and no previous outputs none at all', async () => {
    const cwd = project({ 'bad.topo': SYNTAX_ERROR });
    const result = await build(cwd, ['bad.topo']);
    expect(result.exitCode).toBe(1);
    expect(snapshot(join(cwd, 'out'))).toEqual({});
  });

  it('refuses two inputs with one base name', async () => {
    const cwd = project({ 'a/x.topo': SMALL_NODE, 'b/x.topo': SMALL_NODE });
    await expect(build(cwd, ['a/x.topo', 'b/x.topo'])).rejects.toThrow(UserError);
    await expect(build(cwd, ['a/x.topo', 'b/x.topo'])).rejects.toThrow(
      'a/x.topo and b/x.topo would both be built to x.md',
    );
  });

  it('reports a view that cannot fit the width as an error of that file', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    const config = { ...DEFAULT_CONFIG, ascii: { ...DEFAULT_CONFIG.ascii, width: 8 } };
    const result = await build(cwd, ['a.topo'], { config });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^a\.topo: error: .*columns/m);
    expect(snapshot(join(cwd, 'out'))).toEqual({});
  });

  it('shows progress on a terminal and stays quiet otherwise', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    expect((await build(cwd, ['a.topo'], { isTTY: true })).stderr).toContain('\r');
    expect((await build(cwd, ['a.topo'], { isTTY: false })).stderr).not.toContain('\r');
    expect(
      (await build(cwd, ['a.topo'], { isTTY: true, env: { ...noBrowserEnv(), CI: 'true' } })).stderr,
    ).not.toContain('\r');
  });
});

describe('buildFiles --check', () => {
  it('writes nothing and exits 1 when outputs are missing', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    const result = await build(cwd, ['a.topo'], { check: true });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('out/a.md would be created\n');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('exits 0 when the outputs are current, and 1 with a summary on drift', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    await build(cwd, ['a.topo']);
    expect((await build(cwd, ['a.topo'], { check: true })).exitCode).toBe(0);
    writeFileSync(join(cwd, 'a.topo'), SMALL_NODE.replace('container app', 'container web-app'));
    const before = snapshot(join(cwd, 'out'));
    const result = await build(cwd, ['a.topo'], { check: true });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(
      'out/a.md would change\nout/a.mmd would change\n2 outputs would change; run `topodoc build` to update.\n',
    );
    expect(snapshot(join(cwd, 'out'))).toEqual(before);
  });

  it('judges SVGs by their cache key when a browser is available', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    const env = fakeBrowserEnv();
    const renderer = fakeRenderer();
    await build(cwd, ['a.topo'], { svgMode: 'auto', env, launchRenderer: renderer.launch });
    expect((await build(cwd, ['a.topo'], { svgMode: 'auto', env, check: true })).exitCode).toBe(0);
    writeFileSync(join(cwd, 'out/a.svg'), '<!-- topodoc-cache-key: 0000 -->\n<svg></svg>\n');
    const stale = await build(cwd, ['a.topo'], { svgMode: 'auto', env, check: true });
    expect(stale.exitCode).toBe(1);
    expect(stale.stdout).toContain('out/a.svg is stale\n');
    expect(renderer.launches).toBe(1);
  });

  it('without a browser compares only .md and .mmd and says the SVGs were not checked', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    await build(cwd, ['a.topo'], { svgMode: 'auto' });
    const result = await build(cwd, ['a.topo'], { svgMode: 'auto', check: true });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('SVGs were not checked');
  });
});

describe('buildFiles SVG', () => {
  it('renders every diagram in one browser and writes x.svg with its cache key', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE, 'b.topo': WORKER_NODE });
    const renderer = fakeRenderer();
    const result = await build(cwd, ['a.topo', 'b.topo'], withFakeBrowser(renderer.launch));
    expect(result.exitCode).toBe(0);
    expect(renderer.launches).toBe(1);
    expect(renderer.rendered).toHaveLength(2);
    expect(renderer.closed).toBe(1);
    const mermaid = readFileSync(join(cwd, 'out/a.mmd'), 'utf8');
    expect(readSvgCacheKey(readFileSync(join(cwd, 'out/a.svg'), 'utf8'))).toBe(svgCacheKey(mermaid));
    expect(readFileSync(join(cwd, 'out/a.md'), 'utf8')).toContain('](a.svg)');
  });

  it('warns about a browser setting that names no executable file when a diagram needs drawing', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    const renderer = fakeRenderer();
    const fake = withFakeBrowser(renderer.launch);
    const env = { ...fake.env, PUPPETEER_EXECUTABLE_PATH: join(cwd, 'no-such-chrome') };
    const first = await build(cwd, ['a.topo'], { ...fake, env });
    expect(first.exitCode).toBe(0);
    expect(renderer.rendered).toHaveLength(1);
    expect(first.stderr).toBe(
      `topodoc: warning: PUPPETEER_EXECUTABLE_PATH names ${join(cwd, 'no-such-chrome')}, which is not an executable file, so it was not used.\n`,
    );
    // Nothing to draw: the setting did not matter, and nothing is said.
    const second = await build(cwd, ['a.topo'], { ...fake, env });
    expect(second.stderr).toBe('');
  });

  /** A renderer that records, at launch, which of `files` (relative to `cwd`) exist. */
  function watchingLaunch(cwd: string, files: readonly string[]) {
    const renderer = fakeRenderer();
    const seenAtLaunch: boolean[][] = [];
    const launchRenderer: BuildOptions['launchRenderer'] = async (options) => {
      seenAtLaunch.push(files.map((file) => existsSync(join(cwd, file))));
      return renderer.launch(options);
    };
    return { renderer, seenAtLaunch, launchRenderer };
  }

  it('starts the browser before analysing anything when an SVG is missing', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE, 'b.topo': WORKER_NODE });
    const { renderer, seenAtLaunch, launchRenderer } = watchingLaunch(cwd, ['out/a.md', 'out/b.md']);
    await build(cwd, ['a.topo', 'b.topo'], withFakeBrowser(launchRenderer));
    expect(seenAtLaunch).toEqual([[false, false]]);
    expect(renderer.rendered).toHaveLength(2);
    expect(renderer.closed).toBe(1);
  });

  it('starts the browser before analysing anything when an entry is newer than its SVG', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE, 'b.topo': WORKER_NODE });
    const env = fakeBrowserEnv();
    await build(cwd, ['a.topo', 'b.topo'], { svgMode: 'auto', env, launchRenderer: fakeRenderer().launch });
    const later = new Date(Date.now() + 60_000);
    writeFileSync(join(cwd, 'b.topo'), WORKER_NODE.replace('nginx:1.27', 'nginx:1.28'));
    utimesSync(join(cwd, 'b.topo'), later, later);
    rmSync(join(cwd, 'out/a.md'));
    const { renderer, seenAtLaunch, launchRenderer } = watchingLaunch(cwd, ['out/a.md']);
    await build(cwd, ['a.topo', 'b.topo'], { svgMode: 'auto', env, launchRenderer });
    expect(seenAtLaunch).toEqual([[false]]);
    expect(renderer.rendered).toEqual([readFileSync(join(cwd, 'out/b.mmd'), 'utf8')]);
  });

  it('starts the browser at the first stale diagram when only an import changed', async () => {
    const cwd = project({
      'a.topo': 'import "parts.topo"\n',
      'parts.topo': SMALL_NODE,
      'b.topo': WORKER_NODE,
    });
    const env = fakeBrowserEnv();
    await build(cwd, ['a.topo', 'b.topo'], { svgMode: 'auto', env, launchRenderer: fakeRenderer().launch });
    writeFileSync(join(cwd, 'parts.topo'), SMALL_NODE.replace('container app', 'container app2'));
    rmSync(join(cwd, 'out/a.md'));
    rmSync(join(cwd, 'out/b.md'));
    const { renderer, seenAtLaunch, launchRenderer } = watchingLaunch(cwd, ['out/a.md', 'out/b.md']);
    await build(cwd, ['a.topo', 'b.topo'], { svgMode: 'auto', env, launchRenderer });
    expect(seenAtLaunch).toEqual([[true, false]]);
    expect(renderer.rendered).toEqual([readFileSync(join(cwd, 'out/a.mmd'), 'utf8')]);
    expect(renderer.closed).toBe(1);
  });

  it('reports an SVG path it cannot look at in one sentence, not as an internal error', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    mkdirSync(join(cwd, 'out'));
    symlinkSync('a.svg', join(cwd, 'out/a.svg')); // a link to itself: stat fails with ELOOP
    const renderer = fakeRenderer();
    const failure = await build(cwd, ['a.topo'], withFakeBrowser(renderer.launch)).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as Error).message).toBe('Cannot read out/a.svg: too many symbolic links.');
    expect(renderer.launches).toBe(0);
  });

  it('closes a browser started before analysis when no diagram turns out stale', async () => {
    const cwd = project({ 'a.topo': SYNTAX_ERROR });
    const renderer = fakeRenderer();
    const result = await build(cwd, ['a.topo'], withFakeBrowser(renderer.launch));
    expect(result.exitCode).toBe(1);
    expect([renderer.launches, renderer.rendered.length, renderer.closed]).toEqual([1, 0, 1]);
  });

  it('closes the browser when a later file stops the build', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE, 'b.topo': 'machine m {\0}\n' });
    const renderer = fakeRenderer();
    await expect(build(cwd, ['a.topo', 'b.topo'], withFakeBrowser(renderer.launch))).rejects.toThrow(
      UserError,
    );
    expect([renderer.launches, renderer.closed]).toEqual([1, 1]);
  });

  it('closes a browser started early when a later file fails to parse', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE, 'b.topo': SYNTAX_ERROR });
    const renderer = fakeRenderer();
    const result = await build(cwd, ['a.topo', 'b.topo'], withFakeBrowser(renderer.launch));
    expect(result.exitCode).toBe(1);
    expect(renderer.launches).toBe(1);
    expect(renderer.rendered).toEqual([readFileSync(join(cwd, 'out/a.mmd'), 'utf8')]);
    expect(renderer.closed).toBe(1);
  });

  it('starts no browser when no diagram changed, and renders only the changed one', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE, 'b.topo': WORKER_NODE });
    const env = fakeBrowserEnv();
    await build(cwd, ['a.topo', 'b.topo'], { svgMode: 'auto', env, launchRenderer: fakeRenderer().launch });
    const unchanged = fakeRenderer();
    await build(cwd, ['a.topo', 'b.topo'], { svgMode: 'required', env, launchRenderer: unchanged.launch });
    expect(unchanged.launches).toBe(0);
    writeFileSync(join(cwd, 'a.topo'), SMALL_NODE.replace('container app', 'container app2'));
    const changed = fakeRenderer();
    await build(cwd, ['a.topo', 'b.topo'], { svgMode: 'auto', env, launchRenderer: changed.launch });
    expect(changed.launches).toBe(1);
    expect(changed.rendered).toEqual([readFileSync(join(cwd, 'out/a.mmd'), 'utf8')]);
  });

  it('renders the stale diagrams together and reports them in file order, whatever order they finish in', async () => {
    const cwd = project({
      'a.topo': SMALL_NODE,
      'b.topo': WORKER_NODE,
      'c.topo': SMALL_NODE.replace('app', 'c'),
    });
    let started = 0;
    let releaseAll: () => void = () => undefined;
    const allStarted = new Promise<void>((resolve) => {
      releaseAll = resolve;
    });
    const finishedOrder: string[] = [];
    const together: LaunchRenderer = async () => ({
      render: async (mermaid) => {
        // No render finishes before all three have started; then the first started finishes last.
        const delayMs = [40, 20, 0][started++];
        if (started === 3) releaseAll();
        await allStarted;
        await new Promise((settle) => setTimeout(settle, delayMs));
        finishedOrder.push(mermaid);
        return `<!-- topodoc-cache-key: ${svgCacheKey(mermaid)} -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>\n`;
      },
      close: async () => undefined,
    });
    const result = await build(cwd, ['a.topo', 'b.topo', 'c.topo'], withFakeBrowser(together));
    expect(finishedOrder).toEqual(
      ['c', 'b', 'a'].map((name) => readFileSync(join(cwd, `out/${name}.mmd`), 'utf8')),
    );
    expect(result.stdout.split('\n').filter((line) => line.endsWith('.svg'))).toEqual([
      'wrote out/a.svg',
      'wrote out/b.svg',
      'wrote out/c.svg',
    ]);
  });

  it('renders a diagram while the next file is analysed', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE, 'b.topo': WORKER_NODE });
    const seenAtRender: boolean[] = [];
    const renderer = fakeRenderer();
    const watching: LaunchRenderer = async (options) => {
      const inner = await renderer.launch(options);
      return {
        render: async (mermaid) => {
          seenAtRender.push(existsSync(join(cwd, 'out/b.md')));
          return inner.render(mermaid);
        },
        close: () => inner.close(),
      };
    };
    await build(cwd, ['a.topo', 'b.topo'], withFakeBrowser(watching));
    expect(seenAtRender).toEqual([false, true]);
  });

  it('keeps the previous SVG of a diagram that fails and exits 1', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE, 'b.topo': WORKER_NODE });
    const env = fakeBrowserEnv();
    await build(cwd, ['a.topo', 'b.topo'], { svgMode: 'auto', env, launchRenderer: fakeRenderer().launch });
    const before = readFileSync(join(cwd, 'out/a.svg'), 'utf8');
    writeFileSync(join(cwd, 'a.topo'), SMALL_NODE.replace('container app', 'container app2'));
    writeFileSync(join(cwd, 'b.topo'), WORKER_NODE.replace('Two machines', 'Renamed'));
    const failing = fakeRenderer((mermaid) => mermaid.includes('app2'));
    const result = await build(cwd, ['a.topo', 'b.topo'], {
      svgMode: 'auto',
      env,
      launchRenderer: failing.launch,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      'out/a.svg was not rendered: Rendering the diagram timed out after 10 ms.',
    );
    expect(readFileSync(join(cwd, 'out/a.svg'), 'utf8')).toBe(before);
    expect(readFileSync(join(cwd, 'out/a.md'), 'utf8')).toContain('app2');
  });

  it('without a browser writes the Markdown, warns once how to install one, and exits 0', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE, 'b.topo': WORKER_NODE });
    const result = await build(cwd, ['a.topo', 'b.topo'], {
      svgMode: 'auto',
      launchRenderer: fakeRenderer().launch,
    });
    expect(result.exitCode).toBe(0);
    expect(Object.keys(snapshot(join(cwd, 'out'))).sort()).toEqual(['a.md', 'a.mmd', 'b.md', 'b.mmd']);
    expect(result.stderr.split(BROWSER_INSTALL_HINT)).toHaveLength(2);
    expect(result.stderr).toContain('warning: No browser was found, so 2 SVGs were not rendered');
    // The documents do not link pictures that were never written.
    expect(readFileSync(join(cwd, 'out/a.md'), 'utf8')).not.toContain('a.svg');
  });

  it('with --svg required and no browser exits 1', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    const result = await build(cwd, ['a.topo'], { svgMode: 'required' });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/error: No browser was found.*--svg required/);
  });

  it('reports a browser that cannot start and keeps going without SVGs', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    const result = await build(
      cwd,
      ['a.topo'],
      withFakeBrowser(async () => {
        throw new Error('Could not start the browser /x/chromium: spawn failed.');
      }),
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      'Could not start the browser /x/chromium: spawn failed. 1 SVG not rendered',
    );
    expect(existsSync(join(cwd, 'out/a.md'))).toBe(true);
  });
  it('prints what a browser that cannot start said as one safe line: no terminal escapes, bounded length', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    const bin = join(cwd, 'bin');
    // The real launcher with a "browser" whose last words hold a screen-clearing escape, a title
    // sequence and a 5,000-character run, then exits.
    writeText(
      join(bin, 'chromium'),
      `#!/bin/sh\nprintf 'boom \\033[2J\\033]0;owned\\007 %05000d\\n' 0 >&2\nexit 1\n`,
    );
    chmodSync(join(bin, 'chromium'), 0o755);
    const result = await build(cwd, ['a.topo'], {
      svgMode: 'auto',
      env: { PATH: bin },
      launchRenderer: launchSvgRenderer,
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^topodoc: error: Could not start the browser .*chromium: boom /);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.length).toBeLessThan(1_000);
  });
});

describe('config', () => {
  it('takes a PUPPETEER_EXECUTABLE_PATH that is executable as the browser', async () => {
    const cwd = project({ 'a.topo': SMALL_NODE });
    const browser = join(fakeBrowserEnv().PATH ?? '', 'chromium');
    const renderer = fakeRenderer();
    writeText(join(cwd, 'unused'), '');
    const result = await build(cwd, ['a.topo'], {
      svgMode: 'required',
      env: { PATH: '', PUPPETEER_EXECUTABLE_PATH: browser },
      launchRenderer: renderer.launch,
    });
    expect(result.exitCode).toBe(0);
    expect(renderer.launches).toBe(1);
  });
});
