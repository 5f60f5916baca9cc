// embed never loses hand-written prose: a document with any marker problem is not written at all,
// and a byte order mark (with LF or CRLF) neither shifts the regions nor is dropped.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/io.js';

const NODE_TOPO = readFileSync(join(import.meta.dirname, '../fixtures/embed/node.topo'), 'utf8');

function project(markdown: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-embed-safe-'));
  writeFileSync(join(dir, 'package.json'), '{"name": "embed-safe", "private": true}\n');
  writeFileSync(join(dir, 'node.topo'), NODE_TOPO);
  writeFileSync(join(dir, 'doc.md'), markdown);
  return dir;
}

async function embed(dir: string, ...args: string[]) {
  const fake = fakeIo({ cwd: dir });
  const code = await run(['embed', ...args], fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}

const PROSE = ['## Hand-written', '', 'Prose that took an afternoon to write.', ''];

describe('embed keeps a document with broken markers as it is', () => {
  it.each([
    [
      'an unclosed begin before a complete region',
      [
        '# Doc',
        '',
        '<!-- topodoc:begin src=node.topo view=tree -->',
        '',
        ...PROSE,
        '<!-- topodoc:begin src=node.topo view=node -->',
        '<!-- topodoc:end -->',
        '',
      ],
      /^doc\.md:9:1: error: A topodoc:begin marker inside the region opened at line 3/m,
    ],
    [
      'nested regions',
      [
        '<!-- topodoc:begin src=node.topo view=tree -->',
        ...PROSE,
        '<!-- topodoc:begin src=node.topo view=node -->',
        '<!-- topodoc:end -->',
        ...PROSE,
        '<!-- topodoc:end -->',
        '',
      ],
      /^doc\.md:6:1: error: A topodoc:begin marker inside the region opened at line 1/m,
    ],
    [
      'an end without a begin after a region',
      [
        '<!-- topodoc:begin src=node.topo view=tree -->',
        '<!-- topodoc:end -->',
        ...PROSE,
        '<!-- topodoc:end -->',
        '',
      ],
      /^doc\.md:7:1: error: A <!-- topodoc:end --> marker without a topodoc:begin/m,
    ],
  ])('%s: nothing written, exit 1, the problem named with its lines', async (_, lines, message) => {
    const text = lines.join('\n');
    const dir = project(text);
    const result = await embed(dir, 'doc.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('doc.md: left unchanged, because its markers have problems');
    expect(result.stdout).toBe('');
    expect(readFileSync(join(dir, 'doc.md'), 'utf8')).toBe(text);
    expect((await embed(dir, '--check', 'doc.md')).code).toBe(1);
    expect(readFileSync(join(dir, 'doc.md'), 'utf8')).toBe(text);
  });
});

describe('embed with a byte order mark', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('%s: keeps the BOM and the line endings, fills the region once, then is current', async (_, eol) => {
    const text = `\uFEFF${['# Doc', '', '<!-- topodoc:begin src=node.topo view=tree -->', 'stale last line', '<!-- topodoc:end -->', ...PROSE].join(eol)}`;
    const dir = project(text);
    const first = await embed(dir, 'doc.md');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const after = readFileSync(join(dir, 'doc.md'), 'utf8');
    expect(after.startsWith('\uFEFF# Doc')).toBe(true);
    expect(after.split('topodoc:begin')).toHaveLength(2);
    expect(after).not.toContain('stale last line');
    expect(after).toContain('NODE (machine)');
    expect(after).toContain(`<!-- topodoc:end -->${eol}## Hand-written`);
    if (eol === '\r\n') expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    const second = await embed(dir, 'doc.md');
    expect(second).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'doc.md'), 'utf8')).toBe(after);
    expect((await embed(dir, '--check', 'doc.md')).code).toBe(0);
  });

  it('--check says a BOM document with a stale last line is stale', async () => {
    const text = `\uFEFF<!-- topodoc:begin src=node.topo view=tree -->\nstale\n<!-- topodoc:end -->\n`;
    const dir = project(text);
    expect((await embed(dir, '--check', 'doc.md')).code).toBe(1);
  });
});
