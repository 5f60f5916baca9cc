// topodoc embed: regions are refreshed idempotently and nothing outside the markers changes.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { findRegions } from '../../src/embed/markers.js';
import { fakeIo } from '../helpers/io.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/embed');

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-embed-'));
  made.push(dir);
  cpSync(FIXTURES, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"name": "embed-fixture", "private": true}\n');
  created.push(dir);
  return dir;
}

/** The text outside every region (markers included), in order: what embed must never change. */
function outside(text: string): string[] {
  const { regions } = findRegions(text);
  const parts: string[] = [];
  let at = 0;
  for (const region of regions) {
    parts.push(text.slice(at, region.contentStart));
    at = region.contentEnd;
  }
  parts.push(text.slice(at));
  return parts;
}

async function embed(dir: string, ...args: string[]) {
  const fake = fakeIo({ cwd: dir });
  const code = await run(['embed', ...args], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

describe('topodoc embed', () => {
  it('fills every region, keeps every byte outside the markers, and is idempotent', async () => {
    const dir = workspace();
    const before = readFileSync(join(dir, 'guide.md'), 'utf8');
    const first = await embed(dir, 'guide.md');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const after = readFileSync(join(dir, 'guide.md'), 'utf8');
    expect(outside(after)).toEqual(outside(before));
    expect(after).toContain('NODE (machine)');
    expect(after).not.toContain('stale content');
    // The list region is indented like its marker, the quote region carries `> `.
    expect(after).toMatch(/\n {5}```text\n {5}\S/);
    expect(after).toMatch(/\n> \| Container +\|/);
    // The marker inside the fenced code block is text, not a region.
    expect(after).toContain('This marker is inside a code block and is left alone.');

    const second = await embed(dir, 'guide.md');
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('');
    expect(readFileSync(join(dir, 'guide.md'), 'utf8')).toBe(after);
    expect((await embed(dir, '--check', 'guide.md')).code).toBe(0);
  });

  it('keeps CRLF line endings and writes its own lines with CRLF', async () => {
    const dir = workspace();
    const crlf = readFileSync(join(dir, 'guide.md'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'guide.md'), crlf);
    expect((await embed(dir, 'guide.md')).code).toBe(0);
    const after = readFileSync(join(dir, 'guide.md'), 'utf8');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(outside(after)).toEqual(outside(crlf));
  });

  it('--check names each stale region, writes nothing and exits 1', async () => {
    const dir = workspace();
    const before = readFileSync(join(dir, 'guide.md'), 'utf8');
    const result = await embed(dir, '--check', 'guide.md');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('guide.md:17: stale region (view=node src=node.topo)');
    expect(result.stdout).toContain('guide.md:24: stale region (view=tree src=node.topo)');
    expect(result.stdout).toContain('3 stale regions');
    expect(readFileSync(join(dir, 'guide.md'), 'utf8')).toBe(before);
  });

  it('reports unknown views, missing sources and unclosed markers with positions', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'bad.md'),
      [
        '# Bad',
        '',
        '<!-- topodoc:begin src=node.topo view=sideways -->',
        '<!-- topodoc:end -->',
        '',
        '<!-- topodoc:begin src=nowhere.topo view=node -->',
        '<!-- topodoc:end -->',
        '',
        '<!-- topodoc:begin src=node.topo view=pod pod=ghost -->',
        '<!-- topodoc:end -->',
        '',
        '<!-- topodoc:begin src=node.topo view=tree -->',
        'never closed',
        '',
      ].join('\n'),
    );
    const result = await embed(dir, 'bad.md');
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^bad\.md:3:1: error: .*unknown view "sideways"/);
    expect(lines[1]).toMatch(/^bad\.md:6:1: error: .*nowhere\.topo/);
    expect(lines[2]).toMatch(/^bad\.md:9:1: error: No pod named "ghost"/);
    expect(lines[3]).toMatch(/^bad\.md:12:1: error: .*never closed/);
    expect(lines[4]).toBe(
      'bad.md: left unchanged, because its markers have problems (fix them, then run embed again)',
    );
  });

  it('accepts globs and exits 2 when a document is missing', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'other.md'),
      '<!-- topodoc:begin src=node.topo view=connections -->\n<!-- topodoc:end -->\n',
    );
    const result = await embed(dir, '*.md');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('guide.md: 3 regions updated');
    expect(result.stdout).toContain('other.md: 1 region updated');
    const missing = await embed(dir, 'nope.md');
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('leaves a document that is not UTF-8 byte for byte and says where the bad byte is', async () => {
    const dir = workspace();
    const latin1 = Buffer.from(
      'caf\xe9\n\n<!-- topodoc:begin src=node.topo view=connections -->\n<!-- topodoc:end -->\n',
      'latin1',
    );
    writeFileSync(join(dir, 'latin1.md'), latin1);
    const result = await embed(dir, 'latin1.md');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'latin1.md:1:4: error: invalid UTF-8 byte sequence; the file must be UTF-8 encoded, so it was left unchanged\n',
    });
    expect(readFileSync(join(dir, 'latin1.md')).equals(latin1)).toBe(true);
  });
});

describe('topodoc embed: hostile labels', () => {
  const HOSTILE = `# topodoc-disable control-plane-incomplete, node-missing-kube-proxy -- one node is enough
machine n1 "<!-- topodoc:end --> ## not a heading" {
  ip 192.168.56.11
  pod-cidr 10.0.0.0/24
  process kubelet "<!-- topodoc:end -->" {
    listen 10250
    connect localhost:10250 "<!-- topodoc:end --> | cell \`\`\` fence"
  }
  process containerd "<!-- topodoc:begin src=h.topo view=tree -->"
  pod web "\`\`\`" {
    ip 10.0.0.5
    container app "<!--" { image "nginx:1.27"; listen 8080 }
    container b "# -->" { image "<!-- topodoc:end -->"; listen 8081 }
  }
}
`;
  const VIEWS = ['tree', 'node', 'pod', 'cluster', 'mermaid', 'processes', 'containers', 'connections'];
  const region = (prefix: string, view: string) =>
    `${prefix}<!-- topodoc:begin src=h.topo view=${view} -->\n${prefix}<!-- topodoc:end -->\n`;
  const DOC = [
    '# Doc\n\n',
    ...VIEWS.map((view) => `${region('', view)}\n`),
    '- item\n\n',
    ...VIEWS.map((view) => `${region('  ', view)}\n`),
    ...VIEWS.map((view) => `${region('> ', view)}\n`),
    'tail\n',
  ].join('');

  function blocks(markdown: string): RootContent[] {
    const found: RootContent[] = [];
    const visit = (node: Root | RootContent) => {
      if (node.type !== 'root') found.push(node);
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(unified().use(remarkParse).use(remarkGfm).parse(markdown));
    return found;
  }

  it('cannot end a region, open one, add a heading or HTML, and stays idempotent', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'h.topo'), HOSTILE);
    writeFileSync(join(dir, 'doc.md'), DOC);
    expect(await embed(dir, 'doc.md')).toMatchObject({ code: 0, stderr: '' });
    const text = readFileSync(join(dir, 'doc.md'), 'utf8');
    const { regions, problems } = findRegions(text);
    expect(problems).toEqual([]);
    expect(regions.map((r) => r.attributes.get('view'))).toEqual([...VIEWS, ...VIEWS, ...VIEWS]);
    expect(outside(text)).toEqual(outside(DOC));
    const nodes = blocks(text);
    expect(nodes.filter((node) => node.type === 'heading')).toHaveLength(1);
    const html = nodes
      .filter((node) => node.type === 'html')
      .map((node) => ('value' in node ? node.value : ''));
    expect(html.every((value) => /^<!-- topodoc:(begin src=h\.topo view=[a-z]+|end) -->$/.test(value))).toBe(
      true,
    );
    expect(html).toHaveLength(VIEWS.length * 6);
    expect(await embed(dir, '--check', 'doc.md')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
