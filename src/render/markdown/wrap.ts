// Wraps the prose of a Markdown tree to a line budget by turning spaces inside text nodes into
// line breaks (soft breaks), so the serialised document passes markdownlint's line-length rule.

import type { Nodes, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';

/** markdownlint's default line length (MD013). */
export const LINE_WIDTH = 80;

/** Characters remark may escape with a backslash: counted twice so a wrapped line never overflows. */
const ESCAPABLE = new Set([
  '\\',
  '`',
  '*',
  '_',
  '[',
  ']',
  '<',
  '>',
  '#',
  '|',
  '!',
  '&',
  '~',
  '+',
  '-',
  '.',
  ':',
]);

/** One more column is kept free for an escape at the start of a line (`\-`, `1\.`). */
const START_OF_LINE_ESCAPE = 1;

type Piece =
  | { kind: 'width'; width: number }
  | { kind: 'space'; node: Text; index: number }
  | { kind: 'hard' };

/** Wraps every paragraph in `nodes` (inside lists and block quotes too) to `width` columns. */
export function wrapBlocks(nodes: readonly RootContent[], width: number = LINE_WIDTH): void {
  for (const node of nodes) {
    if (node.type === 'paragraph') wrapParagraph(node, width);
    else if (node.type === 'blockquote') wrapBlocks(node.children, width - 2);
    else if (node.type === 'list') {
      node.children.forEach((item, index) => {
        const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '- ';
        wrapBlocks(item.children, width - marker.length);
      });
    }
  }
}

function wrapParagraph(paragraph: Paragraph, width: number): void {
  collapseSpaces(paragraph);
  const pieces: Piece[] = [];
  for (const child of paragraph.children) collectPieces(child, pieces);
  const budget = width - START_OF_LINE_ESCAPE;
  const breaks = new Map<Text, Set<number>>();
  let column = 0;
  pieces.forEach((piece, position) => {
    if (piece.kind === 'width') column += piece.width;
    else if (piece.kind === 'hard') column = 0;
    else if (column > 0 && column + 1 + runWidth(pieces, position + 1) > budget) {
      const indices = breaks.get(piece.node) ?? new Set<number>();
      indices.add(piece.index);
      breaks.set(piece.node, indices);
      column = 0;
    } else column += 1;
  });
  for (const [node, indices] of breaks) {
    node.value = [...node.value].map((char, index) => (indices.has(index) ? '\n' : char)).join('');
  }
}

/** Whitespace runs (line breaks included) become one space; the paragraph's ends are trimmed. */
function collapseSpaces(paragraph: Paragraph): void {
  const texts: Text[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'text') texts.push(node);
    else if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(paragraph);
  for (const text of texts) text.value = text.value.replace(/[ \t\r\n]+/g, ' ');
  const first = paragraph.children[0];
  const last = paragraph.children.at(-1);
  if (first?.type === 'text') first.value = first.value.replace(/^ /, '');
  if (last?.type === 'text') last.value = last.value.replace(/ $/, '');
}

/** Width of the unbreakable run that starts at `from`: up to the next space or hard break. */
function runWidth(pieces: readonly Piece[], from: number): number {
  let width = 0;
  for (let index = from; index < pieces.length; index++) {
    const piece = pieces[index];
    if (piece === undefined || piece.kind !== 'width') break;
    width += piece.width;
  }
  return width;
}

function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += ESCAPABLE.has(char) ? 2 : char.length;
  return width;
}

function collectPieces(node: PhrasingContent, pieces: Piece[]): void {
  const add = (width: number) => pieces.push({ kind: 'width', width });
  switch (node.type) {
    case 'text': {
      // Indices are code points, as used when the breaks are applied.
      [...node.value].forEach((char, index) => {
        if (char === ' ') pieces.push({ kind: 'space', node, index });
        else add(textWidth(char));
      });
      return;
    }
    case 'break':
      pieces.push({ kind: 'hard' });
      return;
    case 'inlineCode':
      add(node.value.length + (node.value.includes('`') ? 6 : 2));
      return;
    case 'image':
      add(textWidth(node.alt ?? '') + node.url.length + 5 + (node.title ? node.title.length + 3 : 0));
      return;
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link': {
      const open = node.type === 'strong' || node.type === 'delete' ? 2 : 1;
      add(open);
      for (const child of node.children) collectPieces(child, pieces);
      add(node.type === 'link' ? node.url.length + 3 + (node.title ? node.title.length + 3 : 0) : open);
      return;
    }
    default:
      add('value' in node ? node.value.length : 0);
  }
}
