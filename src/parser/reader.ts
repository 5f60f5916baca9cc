// A file's statements one at a time, in text order, each block's body right after its header: what
// the model builder reads through, so that it can read a large file without its whole syntax tree
// (index.ts `readStatements` reads straight from the text). `readTree` reads a tree the same way.

import type { Diagnostic, SourceText } from '../diagnostics.js';
import type { Comment, Document, Statement, StatementHead } from './ast.js';

export interface StatementReader {
  readonly source: SourceText;
  /**
   * The next statement of the body being read; undefined at the end of that body (at the top, of the
   * file). The body of a block just returned is passed over unless `enterBody` is called.
   */
  next(): StatementHead | undefined;
  /**
   * Reads the body of the block `next` just returned: true when it has one (its statements follow,
   * then undefined), false when it was written without braces.
   */
  enterBody(): boolean;
  /** Every comment of the file, in text order: complete once the file is read to its end. */
  comments(): readonly Comment[];
  /** The file's syntax errors, sorted: complete once the file is read to its end. */
  diagnostics(): Diagnostic[];
  /**
   * Where the first statement (at any depth) after `offset` starts, `offset` being 0 or the end of a
   * comment; undefined when none follows. Asked once the file is read to its end.
   */
  firstStatementAfter(offset: number): number | undefined;
}

/** Reads a syntax tree (with the diagnostics its parse gave) as a statement reader. */
export function readTree(document: Document, diagnostics: Diagnostic[] = []): StatementReader {
  return new TreeReader(document, diagnostics);
}

class TreeReader implements StatementReader {
  readonly source: SourceText;
  /** The bodies being read, outermost first, and the index of the next statement of each. */
  private readonly bodies: (readonly Statement[])[];
  private readonly positions = [0];
  private last: Statement | undefined;
  /** Every statement's start, ascending: collected at the first ask. */
  private starts: number[] | undefined;

  constructor(
    private readonly document: Document,
    private readonly syntax: Diagnostic[],
  ) {
    this.source = document.source;
    this.bodies = [document.body];
  }

  next(): Statement | undefined {
    const depth = this.bodies.length - 1;
    const body = this.bodies[depth] ?? [];
    const position = this.positions[depth] ?? 0;
    this.last = body[position];
    if (this.last !== undefined) this.positions[depth] = position + 1;
    else if (depth > 0) {
      this.bodies.pop();
      this.positions.pop();
    }
    return this.last;
  }

  enterBody(): boolean {
    const body = this.last?.type === 'Block' ? this.last.body : undefined;
    if (body === undefined) return false;
    this.bodies.push(body);
    this.positions.push(0);
    return true;
  }

  comments(): readonly Comment[] {
    return this.document.comments;
  }

  diagnostics(): Diagnostic[] {
    return this.syntax;
  }

  firstStatementAfter(offset: number): number | undefined {
    this.starts ??= statementStarts(this.document.body);
    const starts = this.starts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((starts[middle] ?? 0) >= offset) high = middle;
      else low = middle + 1;
    }
    return starts[low];
  }
}

/** The start of every statement at every depth, ascending. */
function statementStarts(body: readonly Statement[]): number[] {
  const starts: number[] = [];
  const walk = (statements: readonly Statement[]): void => {
    for (const statement of statements) {
      starts.push(statement.start);
      if (statement.type === 'Block' && statement.body) walk(statement.body);
    }
  };
  walk(body);
  return starts.sort((a, b) => a - b);
}
