// topodoc embed: regions are refreshed idempotently and nothing outside the markers changes.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { findRegions } from '../../src/embed/markers.js';
import { fakeIo } from '../helpers/io.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/embed');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'topodoc-embed-'));
  cpSync(FIXTURES, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"name": "embed-fixture", "private": true}\n');
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
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^bad\.md:3:1: error: .*unknown view "sideways"/);
    expect(lines[1]).toMatch(/^bad\.md:6:1: error: .*nowhere\.topo/);
    expect(lines[2]).toMatch(/^bad\.md:9:1: error: No pod named "ghost"/);
    expect(lines[3]).toMatch(/^bad\.md:12:1: error: .*never closed/);
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
});
