// User text in the generated document: inline text stays on one line, user Markdown cannot add
// headings, code blocks, tables or HTML, and wrapped prose keeps its words within 80 columns.

import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/render/markdown/parse.js';
import { stringifyMarkdown } from '../../src/render/markdown/stringify.js';
import { inlineText, userMarkdown } from '../../src/render/markdown/user-text.js';
import { wrapBlocks } from '../../src/render/markdown/wrap.js';

function kinds(tree: Root): string[] {
  const found: string[] = [];
  const visit = (node: Root | RootContent) => {
    found.push(node.type);
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  visit(tree);
  return found;
}

function roundTrip(source: string): Root {
  const blocks = userMarkdown(source);
  wrapBlocks(blocks);
  return parseMarkdown(stringifyMarkdown({ type: 'root', children: blocks }));
}

function plainText(tree: Root): string {
  const parts: string[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value);
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  visit(tree);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

describe('inlineText', () => {
  it('puts labels on one line and drops control characters', () => {
    expect(inlineText('  POD\n1\t\u001b[31mred\u0007 \u202Eevil ')).toBe('POD 1 [31mred evil');
  });
});

describe('userMarkdown', () => {
  const hostile = [
    '# Heading\n\nSetext\n===',
    '```js\nalert(1)\n```',
    '~~~\nfenced\n~~~',
    '    indented code',
    '<script>alert(1)</script>',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '---',
    '[x]: https://example.com\n\n[link][x]',
    'text with <b>inline html</b> and a footnote[^1]\n\n[^1]: note',
    '> # quoted heading\n>\n> ```\n> code\n> ```',
    '- # heading in a list\n- ```\n  code\n  ```',
  ];

  it.each(hostile)('keeps %j out of the outline', (source) => {
    const found = kinds(roundTrip(source));
    for (const kind of [
      'heading',
      'code',
      'html',
      'table',
      'thematicBreak',
      'definition',
      'footnoteDefinition',
    ]) {
      expect(found).not.toContain(kind);
    }
  });

  it('shows what it refuses as literal text', () => {
    expect(plainText(roundTrip('# Heading'))).toBe('# Heading');
    expect(plainText(roundTrip('<script>alert(1)</script>'))).toBe('<script>alert(1)</script>');
    expect(plainText(roundTrip('```\ncode\n```'))).toBe('``` code ```');
  });

  it('keeps paragraphs, lists, quotes and inline formatting', () => {
    const tree = roundTrip(
      'Some *emphasis*, **strong**, `code` and [a link](https://example.com).\n\n- one\n- two\n\n> quote',
    );
    expect(kinds(tree)).toEqual(
      expect.arrayContaining(['emphasis', 'strong', 'inlineCode', 'link', 'list', 'listItem', 'blockquote']),
    );
  });

  it('drops script URLs but keeps the link text', () => {
    const text = stringifyMarkdown({
      type: 'root',
      children: userMarkdown('[click](javascript:alert(1)) ![x](data:x)'),
    });
    expect(text).not.toContain('javascript:');
    expect(text).not.toContain('data:');
    expect(text).toContain('click');
  });
});

describe('wrapBlocks', () => {
  const word = fc.stringMatching(/^[a-z*_#<>|`\\[\]!.:0-9()=&~+"'$%😀字-]{1,12}$/u);
  /** markdownlint MD013 (not strict): the last word of a line may cross the limit. */
  const withinLimit = (line: string) => line.replace(/\S*$/u, '#').length <= 80;

  it('wraps prose to 80 columns without losing or changing words', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 3 }),
        (words, depth) => {
          const text = words.join(' ');
          let block: RootContent = { type: 'paragraph', children: [{ type: 'text', value: text }] };
          for (let level = 0; level < depth; level++) {
            block =
              level % 2 === 0
                ? { type: 'blockquote', children: [block] }
                : { type: 'list', ordered: false, children: [{ type: 'listItem', children: [block] }] };
          }
          wrapBlocks([block]);
          const markdown = stringifyMarkdown({ type: 'root', children: [block] });
          for (const line of markdown.split('\n')) expect(withinLimit(line), line).toBe(true);
          expect(plainText(parseMarkdown(markdown))).toBe(
            plainText(
              parseMarkdown(
                stringifyMarkdown({
                  type: 'root',
                  children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }],
                }),
              ),
            ),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('breaks a long paragraph into lines of at most 80 columns', () => {
    const sentence =
      'Each pod gets its own IP; pods on one node cannot reach each other over localhost. '.repeat(4);
    const blocks: RootContent[] = [{ type: 'paragraph', children: [{ type: 'text', value: sentence }] }];
    wrapBlocks(blocks);
    const lines = stringifyMarkdown({ type: 'root', children: blocks }).trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });
});
