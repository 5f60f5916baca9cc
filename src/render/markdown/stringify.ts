// Serialises an mdast tree to Markdown with remark and fixed options, so the text is a pure
// function of the tree: `-` bullets, fenced code, ATX headings, tables aligned by display width.

import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { displayWidth } from '../../text/width.js';

const processor = unified().use(remarkGfm, { stringLength: displayWidth }).use(remarkStringify, {
  bullet: '-',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  setext: false,
  closeAtx: false,
  listItemIndent: 'one',
  incrementListMarker: true,
  resourceLink: false,
});

/** The Markdown text of `tree`: LF line endings, exactly one final newline. */
export function stringifyMarkdown(tree: Root): string {
  const text = processor.stringify(tree);
  return `${text.replace(/\n+$/, '')}\n`;
}
