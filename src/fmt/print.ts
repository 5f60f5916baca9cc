// Lays out a parsed `.topo` file in the canonical form: 2-space indentation, one statement per line,
// properties first in the schema's order, then child blocks in source order, comments where they were.

import type { SourceText } from '../diagnostics.js';
import { type Context, propertyRank } from '../model/schema.js';
import type { BlockStatement, Comment, Document, PropertyStatement, Statement } from '../parser/ast.js';
import { type Body, type CommentPlacement, placeComments } from './comments.js';
import { isFileDirective, isNextLineDirective } from './directives.js';
import { printString, printValues } from './values.js';

const INDENT = '  ';
/** A block of properties written on one line stays on one line while it fits in this many columns. */
export const ONE_LINE_BLOCK_WIDTH = 100;

/** One statement with its leading comments, ready to be joined with its siblings. */
interface Chunk {
  lines: string[];
  isBlock: boolean;
  /** The statement itself takes several lines (a block with an expanded body). */
  multiline: boolean;
  hasComments: boolean;
  /** The source had a blank line before the chunk's first line. */
  blankBefore: boolean;
}

export function printDocument(document: Document, source: string): string {
  const printer = new Printer(source, document.source, placeComments(document));
  const lines = printer.printFile(document);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

class Printer {
  constructor(
    private readonly source: string,
    private readonly positions: SourceText,
    private readonly comments: CommentPlacement,
  ) {}

  printFile(document: Document): string[] {
    const ordered = canonicalOrder(document.body, 'file');
    const first = document.body[0];
    if (first === undefined || ordered[0] === first) return this.printBody(document, ordered, 0);
    // The first statement moves: the file's opening comments stay on top, unless directives forbid it.
    const leading = this.comments.leading.get(first) ?? [];
    const headerLength = this.fileHeaderLength(leading, first);
    if (headerLength === undefined || this.activatesFileDirective(ordered[0] as Statement)) {
      return this.printBody(document, document.body, 0);
    }
    const header = leading.slice(0, headerLength);
    this.comments.leading.set(first, leading.slice(headerLength));
    const body = this.printBody(document, ordered, 0);
    if (header.length === 0) return body;
    return [...this.commentLines(header, ''), '', ...body];
  }

  /**
   * How many of the first statement's leading comments open the file rather than describe the
   * statement: those up to the last one followed by a blank line or holding a file-wide directive;
   * when none is, the whole block (it opens the file: a header written right above `import` must
   * not end up below `title`). Never a next-line directive (it must stay on the statement).
   * Undefined when a file-wide directive follows a next-line directive: then neither may move.
   */
  private fileHeaderLength(leading: readonly Comment[], first: Statement): number | undefined {
    let length = 0;
    leading.forEach((comment, index) => {
      const following = leading[index + 1]?.start ?? first.start;
      if (isFileDirective(comment) || this.blankLineBefore(following)) length = index + 1;
    });
    if (length === 0) length = leading.length;
    const nextLine = leading.findIndex(isNextLineDirective);
    if (nextLine === -1 || nextLine >= length) return length;
    return leading.slice(nextLine).some(isFileDirective) ? undefined : nextLine;
  }

  /** A file-wide directive after the first statement does nothing; sorting must not move it to the top. */
  private activatesFileDirective(newFirst: Statement): boolean {
    return (this.comments.leading.get(newFirst) ?? []).some(isFileDirective);
  }

  private printBody(owner: Body, statements: readonly Statement[], depth: number): string[] {
    const indent = INDENT.repeat(depth);
    const lines: string[] = [];
    let previous: Chunk | undefined;
    for (const statement of statements) {
      const chunk = this.chunk(statement, depth);
      if (previous !== undefined && separateWithBlankLine(previous, chunk)) lines.push('');
      append(lines, chunk.lines);
      previous = chunk;
    }
    const dangling = this.comments.dangling.get(owner) ?? [];
    const firstDangling = dangling[0];
    if (firstDangling !== undefined) {
      if (previous !== undefined && this.blankLineBefore(firstDangling.start)) lines.push('');
      append(lines, this.commentLines(dangling, indent));
    }
    return lines;
  }

  private chunk(statement: Statement, depth: number): Chunk {
    const indent = INDENT.repeat(depth);
    const leading = this.comments.leading.get(statement) ?? [];
    const lines = this.commentLines(leading, indent);
    if (leading.length > 0 && this.blankLineBefore(statement.start)) lines.push('');
    const own =
      statement.type === 'Block' ? this.printBlock(statement, depth) : this.printProperty(statement, indent);
    const trailing = this.comments.trailing.get(statement);
    if (trailing !== undefined) own[own.length - 1] += ` ${commentText(trailing)}`;
    append(lines, own);
    return {
      lines,
      isBlock: statement.type === 'Block',
      multiline: statement.type === 'Block' && own.length > 1,
      hasComments: leading.length > 0,
      blankBefore: this.blankLineBefore((leading[0] ?? statement).start),
    };
  }

  private printProperty(property: PropertyStatement, indent: string): string[] {
    const values = printValues(property.values, indent);
    return `${indent}${property.name.text}${values === '' ? '' : ` ${values}`}`.split('\n');
  }

  private printBlock(block: BlockStatement, depth: number): string[] {
    const indent = INDENT.repeat(depth);
    const label = block.label === undefined ? '' : ` ${printString(block.label, indent)}`;
    const header = `${indent}${block.keyword} ${block.name.text}${label}`;
    if (block.body === undefined) return header.split('\n');
    const afterOpenBrace = this.comments.afterOpenBrace.get(block);
    const hasInnerComments = afterOpenBrace !== undefined || this.comments.dangling.has(block);
    if (block.body.length === 0 && !hasInnerComments) return `${header} {}`.split('\n');
    const oneLine = hasInnerComments ? undefined : this.oneLineBody(block, block.body);
    if (oneLine !== undefined && `${header} { ${oneLine} }`.length <= ONE_LINE_BLOCK_WIDTH) {
      return [`${header} { ${oneLine} }`];
    }
    const open = `${header} {${afterOpenBrace === undefined ? '' : ` ${commentText(afterOpenBrace)}`}`;
    const body = this.printBody(block, canonicalOrder(block.body, block.keyword), depth + 1);
    return [...open.split('\n'), ...body, `${indent}}`];
  }

  /** The text of a body that may stay inline: written on one line, properties only, no comments. */
  private oneLineBody(block: BlockStatement, body: readonly Statement[]): string | undefined {
    if (this.positions.lineAt(block.start) !== this.positions.lineAt(block.end)) return undefined;
    const parts: string[] = [];
    for (const statement of canonicalOrder(body, block.keyword)) {
      if (statement.type !== 'Property') return undefined;
      if (this.comments.leading.has(statement) || this.comments.trailing.has(statement)) return undefined;
      const [line, ...more] = this.printProperty(statement, '');
      if (line === undefined || more.length > 0) return undefined;
      parts.push(line);
    }
    return parts.join('; ');
  }

  private commentLines(comments: readonly Comment[], indent: string): string[] {
    const lines: string[] = [];
    comments.forEach((comment, index) => {
      if (index > 0 && this.blankLineBefore(comment.start)) lines.push('');
      lines.push(`${indent}${keepOffOwnLine(comment)}${commentText(comment)}`);
    });
    return lines;
  }

  /** Whether the source has an empty line between `offset` and what precedes it (spaces and `;` skipped). */
  private blankLineBefore(offset: number): boolean {
    let newlines = 0;
    for (let index = offset - 1; index >= 0; index--) {
      const char = this.source[index];
      if (char === '\n') newlines++;
      else if (char !== ' ' && char !== '\t' && char !== '\r' && char !== ';') break;
    }
    return newlines >= 2;
  }
}

/** Properties first, in the schema's order for the context (unknown ones after, as written), then blocks. */
function canonicalOrder(statements: readonly Statement[], context: Context): Statement[] {
  const properties = statements.filter((statement) => statement.type === 'Property');
  const blocks = statements.filter((statement) => statement.type === 'Block');
  const ranked = properties
    .map((property, index) => ({ property, index, rank: propertyRank(context, property.name.text) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  return [...ranked.map((entry) => entry.property), ...blocks];
}

/**
 * A blank line after the properties, around every block that spans lines, and wherever the source
 * had one before a one-line block or a comment. Properties without comments stay together.
 */
function separateWithBlankLine(previous: Chunk, next: Chunk): boolean {
  if (!previous.isBlock && next.isBlock) return true;
  if (previous.multiline || next.multiline) return true;
  return next.blankBefore && (next.isBlock || next.hasComments);
}

/**
 * A `topodoc-disable` comment that did not stand on its own line is an invalid directive; printed
 * alone on its line it could become a valid file-wide suppression. The `;` it followed is kept.
 */
function keepOffOwnLine(comment: Comment): string {
  return isFileDirective(comment) && !comment.ownLine ? '; ' : '';
}

function commentText(comment: Comment): string {
  return `${comment.marker}${comment.text}`;
}

/** `lines.push(...more)` without passing `more` as arguments: a block of 150,000 statements overflowed the stack. */
function append(lines: string[], more: readonly string[]): void {
  for (const line of more) lines.push(line);
}
