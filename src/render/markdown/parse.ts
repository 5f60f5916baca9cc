// Parses Markdown (CommonMark + GFM) into an mdast tree with positions: the reader of `doc`
// and `description` strings.

import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/** Deepest quote or list nesting read from user Markdown; deeper markers are text. */
export const MAX_MARKDOWN_NESTING = 32;
/** A paragraph with more emphasis delimiters (`*`, `_`) than this shows them as text. */
export const MAX_EMPHASIS_DELIMITERS = 500;

const CONTAINER_MARKER = /[ \t]{0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

/**
 * User Markdown made safe for the parser, whose work grows with nesting depth (a stack overflow
 * past a few thousand `>`) and with unmatched emphasis delimiters (quadratic): on each line, the
 * container markers past MAX_MARKDOWN_NESTING are escaped, and a paragraph holding more than
 * MAX_EMPHASIS_DELIMITERS `*` and `_` has them all escaped. Ordinary text is returned unchanged.
 */
export function tameForParser(text: string): string {
  const lines = text.split('\n').map(limitNesting);
  return splitParagraphs(lines)
    .map((paragraph) => {
      const joined = paragraph.join('\n');
      let delimiters = 0;
      for (const character of joined) if (character === '*' || character === '_') delimiters++;
      return delimiters > MAX_EMPHASIS_DELIMITERS ? joined.replace(/(?<!\\)([*_])/g, '\\$1') : joined;
    })
    .join('\n');
}

function limitNesting(line: string): string {
  let at = 0;
  for (let depth = 0; depth < MAX_MARKDOWN_NESTING; depth++) {
    CONTAINER_MARKER.lastIndex = at;
    if (!CONTAINER_MARKER.test(line)) return line;
    at = CONTAINER_MARKER.lastIndex;
  }
  CONTAINER_MARKER.lastIndex = at;
  if (!CONTAINER_MARKER.test(line)) return line;
  const rest = line.slice(at);
  const marker = rest.search(/\S/);
  return `${line.slice(0, at)}${rest.slice(0, marker)}\\${rest.slice(marker)}`;
}

/** Lines grouped into runs separated by blank lines (each blank line its own run). */
function splitParagraphs(lines: readonly string[]): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) runs.push(current);
      runs.push([line]);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
