// The statements of a file without syntax errors, read straight from the scanner's tokens: several
// times faster than the Chevrotain lexer and grammar (lexer.ts, parser.ts), which stay the definition of
// the language and own every syntax error. At the first token the grammar would report or recover from,
// this reader gives up and the file is parsed again by the grammar. Where it succeeds, it builds the same
// tree with the same calls; or it hands the statements out one at a time (reader.ts), building no tree.

import type { IToken } from 'chevrotain';
import {
  BLOCK_KEYWORDS,
  type BlockHeader,
  type PropertyStatement,
  type Statement,
  type StatementHead,
  type StringValue,
  type Value,
} from './ast.js';
import {
  Address4,
  Address6,
  Cidr4,
  Cidr6,
  Colon,
  Comma,
  Integer,
  LabelPair,
  LCurly,
  Newline,
  Port,
  QuotedString,
  RCurly,
  Semicolon,
  TripleString,
  Url,
  Word,
} from './lexer.js';
import type { NodeBuilder } from './nodes.js';
import { MAX_NESTING } from './parser.js';
import { Scanner } from './scanner.js';

const BLOCK_KEYWORD_SET: ReadonlySet<string> = new Set(BLOCK_KEYWORDS);

export interface StatementsAndComments {
  statements: Statement[];
  /** Comment tokens, in text order. */
  comments: IToken[];
}

/** Thrown by `WellFormedStatements` at the first token the grammar would report or recover from. */
export class NotWellFormedError extends Error {
  /** @param file the display path of the file read */
  constructor(readonly file: string) {
    super(`${file} has a syntax error: only the grammar reads it.`);
  }
}

/** The statements and comments of the text, or undefined when it has a syntax error (or nests too deep). */
export function readWellFormed(text: string, build: NodeBuilder): StatementsAndComments | undefined {
  const scanner = new Scanner(text);
  try {
    const statements = new TreeOfStatements(new WellFormedStatements(scanner, build), build).body();
    return { statements, comments: scanner.comments };
  } catch (error) {
    if (error instanceof NotWellFormedError) return undefined;
    throw error;
  }
}

/** Builds the tree of the statements a `WellFormedStatements` hands out. */
class TreeOfStatements {
  /**
   * Lists being read, one per depth, reused: a finished list is copied out at its length (a list
   * grown by `push` keeps room for more, which would make the tree half as large again).
   */
  private readonly bodies: Statement[][] = [];
  private depth = 0;

  constructor(
    private readonly statements: WellFormedStatements,
    private readonly build: NodeBuilder,
  ) {}

  /** The statements up to the end of the body being read (of the file, at the top). */
  body(): Statement[] {
    const reader = this.statements;
    let list = this.bodies[this.depth];
    if (list === undefined) {
      list = [];
      this.bodies[this.depth] = list;
    }
    list.length = 0;
    for (let statement = reader.next(); statement !== undefined; statement = reader.next()) {
      if (statement.type === 'Property') list.push(statement);
      else if (!reader.enterBody()) list.push(this.build.block(statement, undefined, undefined));
      else {
        this.depth++;
        const body = this.body();
        this.depth--;
        list.push(this.build.block(statement, body, reader.closedAt));
      }
    }
    return list.slice();
  }
}

/**
 * The statements of the text one at a time (reader.ts): `next` throws NotWellFormedError where the
 * grammar would report or recover. Each method mirrors the grammar rule of the same name. The current
 * token is the scanner's (`scanner.type`, undefined at the end of the text).
 */
export class WellFormedStatements {
  /** How many bodies enclose the current token. */
  private depth = 0;
  /** The block `next` just returned has a body (its `{` read) that was not entered. */
  private bodyAhead = false;
  /** Where the body `next` last ended closes: just after its `}`. */
  closedAt = 0;
  /** The values of the property being read, reused (a finished list is copied out at its length). */
  private readonly values: Value[] = [];

  constructor(
    private readonly scanner: Scanner,
    private readonly build: NodeBuilder,
  ) {
    scanner.next();
  }

  /** The next statement of the body being read, undefined after its `}` (at the top, at the end of the text). */
  next(): StatementHead | undefined {
    if (this.bodyAhead) this.skipBody();
    const scanner = this.scanner;
    for (;;) {
      const type = scanner.type;
      if (type === undefined) {
        // A `{` never closed, or text the lexer would report.
        if (this.depth > 0 || scanner.failed) throw this.notWellFormed();
        return undefined;
      }
      if (type === RCurly) return this.closeBody();
      if (type === Newline || type === Semicolon) {
        scanner.next();
        continue;
      }
      // A token that cannot start a statement.
      if (type !== Word) throw this.notWellFormed();
      const image = scanner.image();
      const start = scanner.start;
      scanner.next();
      return BLOCK_KEYWORD_SET.has(image) ? this.block(image, start) : this.property(image, start);
    }
  }

  /** Reads the body of the block `next` just returned: false when it has none (no braces). */
  enterBody(): boolean {
    if (!this.bodyAhead) return false;
    this.bodyAhead = false;
    this.depth++;
    return true;
  }

  /** The body of a block not entered: read (its syntax errors count) and dropped. */
  private skipBody(): void {
    this.enterBody();
    while (this.next() !== undefined);
  }

  /** A `}`: it ends the body being read, then the block's statement. */
  private closeBody(): undefined {
    // A `}` with no `{`.
    if (this.depth === 0) throw this.notWellFormed();
    this.closedAt = this.scanner.end;
    this.scanner.next();
    if (!this.atStatementEnd()) throw this.notWellFormed();
    this.depth--;
    return undefined;
  }

  /** `KEYWORD NAME ["label"]`, then the end of the statement or a `{` (its body is read after). */
  private block(keyword: string, start: number): BlockHeader {
    const scanner = this.scanner;
    const build = this.build;
    if (scanner.type !== Word) throw this.notWellFormed();
    const name = build.identifier(scanner.image(), scanner.start);
    scanner.next();
    let label: StringValue | undefined;
    if (scanner.type === QuotedString || scanner.type === TripleString) {
      label = build.string(scanner.image(), scanner.start, scanner.type === TripleString);
      scanner.next();
    }
    const header = build.header(keyword, start, name, label);
    if (scanner.type !== LCurly) {
      if (!this.atStatementEnd()) throw this.notWellFormed();
      return header;
    }
    if (this.depth >= MAX_NESTING) throw this.notWellFormed();
    scanner.next();
    this.bodyAhead = true;
    return header;
  }

  /** `NAME value…`, then the end of the statement. */
  private property(image: string, start: number): PropertyStatement {
    const values = this.values;
    values.length = 0;
    while (this.scanner.type !== undefined) {
      const value = this.value();
      if (value === null) break;
      if (value === undefined) throw this.notWellFormed();
      values.push(value);
    }
    if (!this.atStatementEnd()) throw this.notWellFormed();
    return this.build.property(this.build.identifier(image, start), values.slice());
  }

  /** The value starting at the current token (consumed), null when no value starts there. */
  private value(): Value | null | undefined {
    const scanner = this.scanner;
    const build = this.build;
    const type = scanner.type;
    const start = scanner.start;
    if (type === Word || type === Address4 || type === Address6) {
      const image = scanner.image();
      scanner.next();
      const host = type === Word ? build.path(image, start) : build.address(image, start);
      if (scanner.type !== Colon) return host;
      scanner.next();
      if (scanner.type !== Integer) return undefined;
      const port = build.endpoint(host, scanner.image(), scanner.start);
      scanner.next();
      return port;
    }
    let value: Value;
    if (type === QuotedString || type === TripleString)
      value = build.string(scanner.image(), start, type === TripleString);
    else if (type === Integer) value = build.integer(scanner.image(), start);
    else if (type === Cidr4 || type === Cidr6) value = build.cidr(scanner.image(), start);
    else if (type === Port) value = build.port(scanner.image(), start);
    else if (type === LabelPair) value = build.label(scanner.image(), start);
    else if (type === Url) value = build.url(scanner.image(), start);
    else if (type === Comma) value = build.comma(',', start);
    else return null;
    scanner.next();
    return value;
  }

  private notWellFormed(): NotWellFormedError {
    return new NotWellFormedError(this.build.source.file);
  }

  /** Only the end of the file, a newline, `;` or `}` may follow a statement. */
  private atStatementEnd(): boolean {
    const type = this.scanner.type;
    return type === undefined || type === Newline || type === Semicolon || type === RCurly;
  }
}
