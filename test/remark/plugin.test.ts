// The remark plugin inside a real unified pipeline: remark-parse → topodoc → remark-stringify.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import remarkTopodoc from '../../src/remark/index.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/embed');

async function processMarkdown(markdown: string) {
  const file = new VFile({ path: join(FIXTURES, 'page.md'), value: markdown });
  const result = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkTopodoc, { cwd: FIXTURES, config: DEFAULT_CONFIG })
    .use(remarkStringify)
    .process(file);
  return { text: String(result), messages: result.messages };
}

const INLINE = [
  '# Page',
  '',
  '```topo view=tree',
  'machine m1 "Box" {',
  '  process sshd',
  '  process nginx',
  '}',
  '```',
  '',
].join('\n');

describe('remark plugin', () => {
  it('renders an inline ```topo block into the requested view', async () => {
    const { text, messages } = await processMarkdown(INLINE);
    expect(text).toContain('```text\nBox\n');
    expect(text).toContain('nginx');
    expect(text).not.toContain('```topo');
    // A machine without kubelet is no node: no Kubernetes rule applies, the block is clean.
    expect(messages).toEqual([]);
  });

  it('renders src= files relative to the Markdown file, several views in order', async () => {
    const { text, messages } = await processMarkdown(
      '```topo src=node.topo view=tree,mermaid,containers pod=web\n```\n',
    );
    expect(messages).toEqual([]);
    const tree = text.indexOf('```text');
    const mermaid = text.indexOf('```mermaid');
    const table = text.indexOf('| Container');
    expect(tree).toBeGreaterThanOrEqual(0);
    expect(mermaid).toBeGreaterThan(tree);
    expect(table).toBeGreaterThan(mermaid);
  });

  it('turns topology errors into fatal messages placed inside the block and keeps the block', async () => {
    const markdown = ['Intro.', '', '```topo', 'machine m1 {', '  colour blue', '}', '```', ''].join('\n');
    const { text, messages } = await processMarkdown(markdown);
    expect(text).toContain('```topo');
    const message = messages.find((m) => m.ruleId === 'unknown-property');
    expect(message?.fatal).toBe(true);
    // `colour` is on line 2 of the block, column 3; the block's content starts on line 4 of the file.
    expect(message?.place).toMatchObject({ start: { line: 5, column: 3 } });
  });

  it('places a finding of a file imported by an inline block at the fence, naming that file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topodoc-remark-'));
    writeFileSync(join(dir, 'bad.topo'), 'machine shared {\n  colour blue\n}\n');
    const file = new VFile({
      path: join(dir, 'page.md'),
      value: 'Intro.\n\n```topo\nimport "bad.topo"\nmachine m1 {}\n```\n',
    });
    const result = await unified()
      .use(remarkParse)
      .use(remarkTopodoc, { cwd: dir, config: DEFAULT_CONFIG })
      .use(remarkStringify)
      .process(file);
    rmSync(dir, { recursive: true, force: true });
    const message = result.messages.find((m) => m.ruleId === 'unknown-property');
    expect(message?.reason).toMatch(/^bad\.topo:2:3: /);
    expect(message?.place).toMatchObject({ start: { line: 3, column: 1 } });
  });

  it('reports a bad view and a missing src at the fence', async () => {
    const { messages } = await processMarkdown(
      'text\n\n```topo view=sideways\nmachine m1 {}\n```\n\n```topo src=nope.topo\n```\n',
    );
    expect(messages.map((m) => [m.reason.slice(0, 20), m.line, m.fatal])).toEqual([
      ['Unknown view "sidewa', 3, true],
      [expect.any(String), 7, true],
    ]);
    expect(messages[1]?.reason).toContain('nope.topo');
  });
});
