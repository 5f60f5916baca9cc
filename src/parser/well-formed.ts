// The statements of a file without syntax errors, read straight from the scanner's tokens: several
// times faster than the Chevrotain lexer and grammar (lexer.ts, parser.ts), which stay the definition of
// the language and own every syntax error. At the first token the grammar would report or recover from,
// this reader gives up and the file is parsed again by the grammar. Where it succeeds, it builds the same
// tree with the same calls.

import type { IToken } from 'chevrotain';
import {
  BLOCK_KEYWORDS,
  type BlockStatement,
  type PropertyStatement,
  type Statement,
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

/** The statements and comments of the text, or undefined when it has a syntax error (or nests too deep). */
export function readWellFormed(text: string, build: NodeBuilder): StatementsAndComments | undefined {
  const scanner = new Scanner(text);
  const statements = new WellFormedReader(scanner, build).body(false);
  return statements === undefined || scanner.failed ? undefined : { statements, comments: scanner.comments };
}

/**
 * Each method mirrors the grammar rule of the same name and returns undefined where that rule reports.
 * The current token is the scanner's (`scanner.type`, undefined at the end of the text).
 */
class WellFormedReader {
  /** How many `{ … }` enclose the current token. */
  private depth = 0;
  /**
   * Lists being read, reused: a finished list is copied out at its length (a list grown by `push`
   * keeps room for more, which would make the tree half as large again).
   */
  private readonly values: Value[] = [];
  private readonly bodies: Statement[][] = [];

  constructor(
    private readonly scanner: Scanner,
    private readonly build: NodeBuilder,
  ) {
    scanner.next();
  }

  /** Statements until the end of the file, or (nested) until the `}` left unconsumed. */
  body(nested: boolean): Statement[] | undefined {
    const scanner = this.scanner;
    let statements = this.bodies[this.depth];
    if (statements === undefined) {
      statements = [];
      this.bodies[this.depth] = statements;
    }
    statements.length = 0;
    for (;;) {
      const type = scanner.type;
      // A `{` never closed, a `}` with no `{`, or a token that cannot start a statement.
      if (type === undefined) return nested ? undefined : statements.slice();
      if (type === RCurly) return nested ? statements.slice() : undefined;
      if (type === Newline || type === Semicolon) {
        scanner.next();
        continue;
      }
      if (type !== Word) return undefined;
      const image = scanner.image();
      const start = scanner.start;
      scanner.next();
      const statement = BLOCK_KEYWORD_SET.has(image) ? this.block(image, start) : this.property(image, start);
      if (statement === undefined) return undefined;
      statements.push(statement);
    }
  }

  /** `KEYWORD NAME ["label"] [{ … }]`, then the end of the statement. */
  private block(keyword: string, start: number): BlockStatement | undefined {
    const scanner = this.scanner;
    const build = this.build;
    if (scanner.type !== Word) return undefined;
    const name = build.identifier(scanner.image(), scanner.start);
    scanner.next();
    let label: StringValue | undefined;
    if (scanner.type === QuotedString || scanner.type === TripleString) {
      label = build.string(scanner.image(), scanner.start, scanner.type === TripleString);
      scanner.next();
    }
    if (scanner.type !== LCurly) {
      return this.atStatementEnd()
        ? build.block(keyword, start, name, label, undefined, undefined)
        : undefined;
    }
    if (this.depth >= MAX_NESTING) return undefined;
    scanner.next();
    this.depth++;
    const body = this.body(true);
    this.depth--;
    if (body === undefined) return undefined;
    const end = scanner.end;
    scanner.next();
    return this.atStatementEnd() ? build.block(keyword, start, name, label, body, end) : undefined;
  }

  /** `NAME value…`, then the end of the statement. */
  private property(image: string, start: number): PropertyStatement | undefined {
    const values = this.values;
    values.length = 0;
    while (this.scanner.type !== undefined) {
      const value = this.value();
      if (value === null) break;
      if (value === undefined) return undefined;
      values.push(value);
    }
    if (!this.atStatementEnd()) return undefined;
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

  /** Only the end of the file, a newline, `;` or `}` may follow a statement. */
  private atStatementEnd(): boolean {
    const type = this.scanner.type;
    return type === undefined || type === Newline || type === Semicolon || type === RCurly;
  }
}
