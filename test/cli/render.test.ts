// `topodoc render FILE`: ASCII (default), Mermaid or the Markdown document on stdout; problems
// on stderr with exit 1; a view that cannot fit the width is one message, exit 1.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { project, SMALL_NODE } from '../build/helpers.js';
import { fakeIo } from '../helpers/io.js';

async function topodoc(cwd: string, argv: string[], stdin?: string) {
  const fake = fakeIo({ cwd, stdin });
  const code = await run(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('topodoc render', () => {
  const cwd = () => project({ 'a.topo': SMALL_NODE, 'bad.topo': 'machine m {\n' });

  it('prints every ASCII view by default', async () => {
    const result = await topodoc(cwd(), ['render', 'a.topo']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('├── kubelet');
    expect(result.stdout).toContain('┌');
    expect(result.stdout).toContain('shared: network namespace (IP 10.0.0.2)');
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stderr).toBe('');
  });

  it('prints only the chosen view, in the chosen charset', async () => {
    const result = await topodoc(cwd(), ['render', 'a.topo', '--view', 'tree', '--charset', 'ascii']);
    expect(result.stdout).toContain('kubelet');
    expect(result.stdout).not.toContain('shared: network namespace');
    expect(result.stdout).not.toMatch(/[┌─┐│└┘├]/);
  });

  it('prints the Mermaid overview', async () => {
    const result = await topodoc(cwd(), ['render', 'a.topo', '--target', 'mermaid']);
    expect(result.stdout).toMatch(/^flowchart /);
  });

  it('prints the whole Markdown document', async () => {
    const result = await topodoc(cwd(), ['render', 'a.topo', '-t', 'markdown']);
    expect(result.stdout).toMatch(/^# Small\n/);
    expect(result.stdout).toContain('```mermaid');
    expect(result.stdout).toContain('![Topology diagram of Small: 1 machine, 1 pod](a.svg)');
  });

  it('prints the document `build` writes, paths relative to the project root, from any directory', async () => {
    const dir = project({
      'topodoc.config.json': '{"outDir": "docs/generated", "views": ["tree", "pod"]}\n',
      'topology/a.topo': SMALL_NODE.replace('"nginx:1.27"', '"nginx"'),
      'sub/.keep': '',
    });
    const sub = join(dir, 'sub');
    expect((await topodoc(sub, ['build', '--svg', 'off', '../topology/a.topo'])).code).toBe(0);
    const built = readFileSync(join(dir, 'docs/generated/a.md'), 'utf8');
    expect(built).toContain('`topology/a.topo`');
    expect(built).toContain('image-unpinned');
    const rendered = await topodoc(sub, ['render', '-t', 'markdown', '../topology/a.topo']);
    expect(rendered.code).toBe(0);
    expect(rendered.stdout).toBe(
      built.replace(
        '## Overview\n\n',
        '## Overview\n\n![Topology diagram of Small: 1 machine, 1 pod](a.svg)\n\n',
      ),
    );
  });

  it('limits the Markdown document to the chosen views', async () => {
    const all = await topodoc(cwd(), ['render', 'a.topo', '-t', 'markdown']);
    const tree = await topodoc(cwd(), ['render', 'a.topo', '-t', 'markdown', '--view', 'tree']);
    const blocks = (text: string) => text.split('```text').length - 1;
    expect(tree.code).toBe(0);
    expect(blocks(tree.stdout)).toBe(1);
    expect(blocks(all.stdout)).toBeGreaterThan(1);
    expect(tree.stdout).toContain('└── ');
  });

  it('says so on stderr when the chosen views have nothing to draw, and prints nothing', async () => {
    const dir = project({
      'empty.topo': '# nothing declared yet\n',
      'a.topo': SMALL_NODE.replace(/ {2}pod web.*\n/, ''),
    });
    expect(await topodoc(dir, ['render', 'empty.topo'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'empty.topo has nothing to draw in the tree, node, pod, cluster, services views.\n',
    });
    expect(await topodoc(dir, ['render', 'a.topo', '--view', 'pod'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'a.topo has nothing to draw in the pod view.\n',
    });
  });

  it('reads standard input for -', async () => {
    const result = await topodoc(cwd(), ['render', '-', '--view', 'tree'], SMALL_NODE);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('kubelet');
  });

  it('prints the problems of a file with errors on stderr and nothing on stdout', async () => {
    const result = await topodoc(cwd(), ['render', 'bad.topo']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('bad.topo');
    expect(result.stderr).toContain('syntax');
  });

  it('reports a view that cannot fit the width in one message, exit 1', async () => {
    const result = await topodoc(cwd(), ['render', 'a.topo', '--view', 'node', '--width', '12']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^The .+ needs at least \d+ columns but the width is 12; pass a larger --width\.\n$/,
    );
  });

  it.each([
    [['render'], /needs exactly one \.topo file/],
    [['render', 'a.topo', 'b.topo'], /needs exactly one \.topo file/],
    [['render', 'a.topo', '--target', 'pdf'], /--target expects ascii, mermaid or markdown, got "pdf"/],
    [
      ['render', 'a.topo', '--view', 'side'],
      /--view expects tree, node, pod, cluster or services, got "side"/,
    ],
    [['render', 'missing.topo'], /missing\.topo/],
    [
      ['render', 'a.topo', '--target', 'mermaid', '--view', 'tree'],
      /^--view chooses ASCII views, .*not mermaid\.\n$/,
    ],
  ])('%j is a usage error, exit 2', async (argv, message) => {
    const result = await topodoc(cwd(), argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('prints its help', async () => {
    const fake = fakeIo();
    expect(await run(['render', '--help'], fake.io)).toBe(0);
    expect(fake.stdout()).toMatch(/^Usage: topodoc render FILE/);
  });
});
