// User Markdown cannot crash or stall the document: thousands of nested quotes or list markers
// and tens of thousands of unmatched emphasis delimiters render, in time linear in their size.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import {
  MAX_EMPHASIS_DELIMITERS,
  MAX_MARKDOWN_NESTING,
  tameForParser,
} from '../../src/render/markdown/parse.js';
import { userMarkdown } from '../../src/render/markdown/user-text.js';
import { fakeIo } from '../helpers/io.js';

describe('tameForParser', () => {
  it('leaves ordinary Markdown as it is', () => {
    const text = '> quoted *emphasis* and _more_\n\n- a\n  - b\n\n1. one\n2. two\n';
    expect(tameForParser(text)).toBe(text);
  });

  it('escapes container markers past the nesting limit, on each line', () => {
    const deep = `${'> '.repeat(MAX_MARKDOWN_NESTING + 5)}text`;
    const tamed = tameForParser(deep);
    expect(tamed.startsWith('> '.repeat(MAX_MARKDOWN_NESTING))).toBe(true);
    expect(tamed.slice(2 * MAX_MARKDOWN_NESTING)).toBe(`\\${'> '.repeat(5)}text`);
    expect(tameForParser(`${'- '.repeat(MAX_MARKDOWN_NESTING + 1)}x`)).toContain('\\- x');
  });

  it('escapes the emphasis delimiters of a paragraph that has too many, and only of that one', () => {
    const many = '*a_'.repeat(MAX_EMPHASIS_DELIMITERS);
    const tamed = tameForParser(`*kept*\n\n${many}`);
    expect(tamed.startsWith('*kept*\n\n\\*a\\_')).toBe(true);
  });
});

describe('hostile descriptions', () => {
  it('10,000 nested quotes become 32 quotes and text, no stack overflow', () => {
    const blocks = userMarkdown(`${'>'.repeat(10_000)} deep`);
    let depth = 0;
    let node: RootContent | undefined = blocks[0];
    while (node?.type === 'blockquote') {
      depth++;
      node = node.children[0];
    }
    expect(depth).toBe(MAX_MARKDOWN_NESTING);
  });

  it('30,000 unmatched emphasis delimiters stay literal text', () => {
    const blocks = userMarkdown('*a_'.repeat(10_000));
    expect(blocks).toHaveLength(1);
    expect(JSON.stringify(blocks)).not.toContain('"emphasis"');
  });

  it('build and embed of such input report or render instead of crashing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topodoc-hostile-md-'));
    writeFileSync(join(dir, 'package.json'), '{"name": "hostile", "private": true}\n');
    writeFileSync(
      join(dir, 'deep.topo'),
      `# topodoc-disable control-plane-incomplete -- x\ndescription "${'>'.repeat(10_000)} hi"\nmachine m {\n  process kubelet\n  process containerd\n  process kube-proxy\n}\n`,
    );
    const build = fakeIo({ cwd: dir });
    expect(await run(['build', 'deep.topo', '--svg', 'off'], build.io)).toBe(0);
    expect(readFileSync(join(dir, 'out/deep.md'), 'utf8')).toContain('hi');
    const doc = `${'>'.repeat(10_000)}\n`;
    writeFileSync(join(dir, 'doc.md'), doc);
    const embed = fakeIo({ cwd: dir });
    expect(await run(['embed', 'doc.md'], embed.io)).toBe(1);
    expect(embed.stderr()).toMatch(/^doc\.md:1:1: error: This document nests quotes or lists too deeply/);
    expect(readFileSync(join(dir, 'doc.md'), 'utf8')).toBe(doc);
  });
});
