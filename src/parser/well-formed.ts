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
  type Value,
} from './ast.js';
import { tokenMatcher } from './chevrotain.js';
import {
  AddressLike,
  CidrLike,
  Colon,
  Comma,
  Integer,
  LabelPair,
  LCurly,
  Newline,
  Port,
  RCurly,
  Semicolon,
  StringLike,
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

/** Each method mirrors the grammar rule of the same name and returns undefined where that rule reports. */
class WellFormedReader {
  /** The next two tokens (undefined: the end of the text). */
  private current: IToken | undefined;
  private following: IToken | undefined;
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
    this.current = scanner.next();
    this.following = this.current === undefined ? undefined : scanner.next();
  }

  private advance(): void {
    this.current = this.following;
    this.following = this.current === undefined ? undefined : this.scanner.next();
  }

  /** Statements until the end of the file, or (nested) until the `}` left unconsumed. */
  body(nested: boolean): Statement[] | undefined {
    let statements = this.bodies[this.depth];
    if (statements === undefined) {
      statements = [];
      this.bodies[this.depth] = statements;
    }
    statements.length = 0;
    for (;;) {
      const token = this.current;
      // A `{` never closed, a `}` with no `{`, or a token that cannot start a statement.
      if (token === undefined) return nested ? undefined : statements.slice();
      const type = token.tokenType;
      if (type === RCurly) return nested ? statements.slice() : undefined;
      if (type === Newline || type === Semicolon) {
        this.advance();
        continue;
      }
      if (type !== Word) return undefined;
      this.advance();
      const statement = BLOCK_KEYWORD_SET.has(token.image) ? this.block(token) : this.property(token);
      if (statement === undefined) return undefined;
      statements.push(statement);
    }
  }

  /** `KEYWORD NAME ["label"] [{ … }]`, then the end of the statement. */
  private block(keyword: IToken): BlockStatement | undefined {
    const name = this.current;
    if (name?.tokenType !== Word) return undefined;
    this.advance();
    const maybeLabel = this.current;
    const label = maybeLabel !== undefined && tokenMatcher(maybeLabel, StringLike) ? maybeLabel : undefined;
    if (label !== undefined) this.advance();
    if (this.current?.tokenType !== LCurly) {
      return this.atStatementEnd() ? this.build.block(keyword, name, label, undefined, undefined) : undefined;
    }
    if (this.depth >= MAX_NESTING) return undefined;
    this.advance();
    this.depth++;
    const body = this.body(true);
    this.depth--;
    const close = this.current;
    if (body === undefined || close === undefined) return undefined;
    this.advance();
    return this.atStatementEnd() ? this.build.block(keyword, name, label, body, close) : undefined;
  }

  /** `NAME value…`, then the end of the statement. */
  private property(head: IToken): PropertyStatement | undefined {
    const values = this.values;
    values.length = 0;
    for (let token = this.current; token !== undefined; token = this.current) {
      const value = this.value(token);
      if (value === null) break;
      if (value === undefined) return undefined;
      values.push(value);
    }
    return this.atStatementEnd() ? this.build.property(head, values.slice()) : undefined;
  }

  /** The value starting at `token` (consumed), null when no value starts there. */
  private value(token: IToken): Value | null | undefined {
    const type = token.tokenType;
    if (type === Word || tokenMatcher(token, AddressLike)) {
      this.advance();
      const hasPort = this.current?.tokenType === Colon;
      const port = hasPort ? this.following : undefined;
      if (hasPort && port?.tokenType !== Integer) return undefined;
      if (port !== undefined) {
        this.advance();
        this.advance();
      }
      const host = type === Word ? this.build.path(token) : this.build.address(token);
      return port === undefined ? host : this.build.endpoint(host, port);
    }
    if (tokenMatcher(token, StringLike)) return this.built(this.build.string(token));
    if (type === Integer) return this.built(this.build.integer(token));
    if (tokenMatcher(token, CidrLike)) return this.built(this.build.cidr(token));
    if (type === Port) return this.built(this.build.port(token));
    if (type === LabelPair) return this.built(this.build.label(token));
    if (type === Url) return this.built(this.build.url(token));
    if (type === Comma) return this.built(this.build.comma(token));
    return null;
  }

  /** A one-token value: consumed. */
  private built(value: Value): Value {
    this.advance();
    return value;
  }

  /** Only the end of the file, a newline, `;` or `}` may follow a statement. */
  private atStatementEnd(): boolean {
    const type = this.current?.tokenType;
    return type === undefined || type === Newline || type === Semicolon || type === RCurly;
  }
}
