// What the docs say happens on errors is what the tool does: docs/rules/README.md on `build`,
// `render` and `embed` with a rule error, the README on the remark plugin, and the examples'
// pointers to each other.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import remarkTopodoc from '../../src/remark/index.js';
import { cli } from '../cli/cli.js';

const ROOT = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
/** Markdown's soft line breaks as spaces, so a statement can be looked up whatever its wrapping. */
const flat = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/** Well-formed, and only a rule error: a pod on a machine without kubelet (node-missing-kubelet). */
const RULE_ERROR = 'machine m {\n  pod p { container c { image "nginx:1.27" } }\n}\n';
/** Only a warning: an image without a tag on a complete node (its control plane is elsewhere). */
const WARNING_ONLY =
  '# topodoc-disable control-plane-incomplete -- the control plane is elsewhere\nmachine m {\n  process kubelet\n  process containerd\n  process kube-proxy\n  pod p { container c { image "nginx" } }\n}\n';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-docs-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), '{}\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('docs/rules/README.md on errors', () => {
  const text = flat(read('docs/rules/README.md'));

  it('says a rule error stops drawing, and build does so: no outputs for that file, the others built, exit 1', async () => {
    expect(text).toContain('Any error stops drawing, a rule error as much as a syntax or model error.');
    const dir = project({ 'bad.topo': RULE_ERROR, 'good.topo': WARNING_ONLY });
    const result = await cli(dir, ['build', 'bad.topo', 'good.topo', '-o', 'out', '--svg', 'off']);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain('node-missing-kubelet');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['good.md', 'good.mmd']);
  });

  it('says the outputs of an earlier run stay as they were', async () => {
    expect(text).toContain('(its outputs from an earlier run stay as they were)');
    const dir = project({ 'a.topo': WARNING_ONLY });
    expect((await cli(dir, ['build', 'a.topo', '-o', 'out', '--svg', 'off'])).code).toBe(0);
    const before = readFileSync(join(dir, 'out/a.md'), 'utf8');
    writeFileSync(join(dir, 'a.topo'), RULE_ERROR);
    expect((await cli(dir, ['build', 'a.topo', '-o', 'out', '--svg', 'off'])).code).toBe(1);
    expect(readFileSync(join(dir, 'out/a.md'), 'utf8')).toBe(before);
  });

  it('says render prints nothing and exits 1, and embed leaves the region and exits 1', async () => {
    expect(text).toContain('`topodoc render` prints nothing and exits 1');
    expect(text).toContain('`topodoc embed` leaves the region as it was and exits 1');
    const region = '<!-- topodoc:begin src=a.topo view=tree -->\nold\n<!-- topodoc:end -->\n';
    const dir = project({ 'a.topo': RULE_ERROR, 'doc.md': region });
    const rendered = await cli(dir, ['render', 'a.topo']);
    expect(rendered).toMatchObject({ code: 1, stdout: '' });
    expect((await cli(dir, ['embed', 'doc.md'])).code).toBe(1);
    expect(readFileSync(join(dir, 'doc.md'), 'utf8')).toBe(region);
  });

  it('says warnings never stop drawing, and a rule lowered to warn lets the file be drawn', async () => {
    expect(text).toContain('Warnings never stop drawing');
    expect(text).toContain('lower that rule to `warn` in `topodoc.config.json`');
    const config = JSON.stringify({
      rules: { 'node-missing-kubelet': 'warn', 'node-missing-runtime': 'warn' },
    });
    const dir = project({ 'a.topo': RULE_ERROR, 'topodoc.config.json': config });
    expect((await cli(dir, ['build', 'a.topo', '-o', 'out', '--svg', 'off'])).code).toBe(0);
    expect(readFileSync(join(dir, 'out/a.md'), 'utf8')).toContain('node-missing-kubelet');
  });
});

describe('README on the remark plugin', () => {
  const text = flat(read('README.md'));

  async function processBlock(source: string) {
    const file = new VFile({
      path: join(ROOT, 'page.md'),
      value: `Intro.\n\n\`\`\`topo view=tree\n${source}\`\`\`\n`,
    });
    const result = await unified()
      .use(remarkParse)
      .use(remarkTopodoc, { cwd: ROOT, config: DEFAULT_CONFIG })
      .use(remarkStringify)
      .process(file);
    return { text: String(result), messages: result.messages };
  }

  it('says a rule error is fatal and leaves the block unrendered, while process() resolves', async () => {
    expect(text).toContain(
      'An error (syntax, model or rule) is a fatal message (`fatal: true`) and leaves its block as it was, unrendered',
    );
    expect(text).toContain('`process()` itself does not throw');
    const { text: output, messages } = await processBlock(RULE_ERROR);
    expect(output).toContain('```topo');
    expect(messages.find((m) => m.ruleId === 'node-missing-kubelet')?.fatal).toBe(true);
  });

  it('says warnings are reported and the block is drawn', async () => {
    expect(text).toContain('warnings are reported and the block is drawn');
    const { text: output, messages } = await processBlock(WARNING_ONLY);
    expect(output).not.toContain('```topo');
    expect(messages.map((m) => [m.ruleId, m.fatal])).toEqual([['image-unpinned', false]]);
  });

  it('shows a script that sets the exit code from the fatal messages', () => {
    expect(read('README.md')).toContain(
      'if (file.messages.some((message) => message.fatal)) process.exitCode = 1;',
    );
  });
});

describe('the examples', () => {
  it('name only example files that exist', () => {
    const sources = [
      'README.md',
      ...readdirSync(join(ROOT, 'examples'))
        .filter((name) => name.endsWith('.topo'))
        .map((name) => `examples/${name}`),
    ];
    const named = sources.flatMap((source) =>
      [...read(source).matchAll(/\bexamples\/[\w/.-]+\.topo\b/g)].map((m) => m[0]),
    );
    expect(named).toContain('examples/broken/broken-cluster.topo');
    expect(named.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});
