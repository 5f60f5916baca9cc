// The grammar of `.topo` statements (Chevrotain embedded actions → ast.ts nodes) and its recovery:
// a damaged statement is reported once and skipped to the next newline, `;` or `}`, keeping any `{ … }` inside it.
// It defines the language; files without syntax errors are read by the faster well-formed.ts to the same tree.

import type { DSLMethodOpts, IOrAlt, IToken, OrMethodOpts } from 'chevrotain';
import { BLOCK_KEYWORDS, type BlockKeyword, type BlockStatement, type Statement, type Value } from './ast.js';
import { EmbeddedActionsParser, EOF, tokenMatcher } from './chevrotain.js';
import {
  AddressLike,
  AnyToken,
  allTokens,
  CidrLike,
  Colon,
  Comma,
  Integer,
  Junk,
  LabelPair,
  LCurly,
  Newline,
  Port,
  RCurly,
  Semicolon,
  Skippable,
  StringLike,
  TripleString,
  UnterminatedTriple,
  Url,
  Word,
} from './lexer.js';
import { errorMessageProvider, messages, quote } from './messages.js';
import { type NodeBuilder, tokenEnd } from './nodes.js';

/** Blocks nested deeper than this are reported and skipped (this also bounds the parser's recursion). */
export const MAX_NESTING = 64;

interface Braced {
  statements: Statement[];
  close: IToken | undefined;
}

const isBlockKeyword = (word: string): word is BlockKeyword =>
  (BLOCK_KEYWORDS as readonly string[]).includes(word);

/** Statement boundaries: what ends a statement without being part of it. */
const endsStatement = (token: IToken): boolean =>
  token.tokenType === EOF ||
  tokenMatcher(token, Newline) ||
  tokenMatcher(token, Semicolon) ||
  tokenMatcher(token, RCurly);

/** False for end-of-file and recovery-inserted tokens (their offsets are NaN in Chevrotain 11). */
const isPositioned = (token: IToken | undefined): token is IToken =>
  token !== undefined && token.tokenType !== EOF && Number.isFinite(token.startOffset);

function append<T>(target: T[], items: readonly T[] | undefined): void {
  for (const item of items ?? []) target.push(item);
}

/** SUBRULE options of `body`: at the top level, or inside `{ … }` (ends at `}`). */
const TOP_LEVEL: { ARGS: [boolean] } = { ARGS: [false] };
const NESTED: { ARGS: [boolean] } = { ARGS: [true] };

/**
 * One instance is reused for every file (Chevrotain's advice); `parseTokens` resets it.
 * Rule bodies run once at construction to record the grammar: everything that touches
 * tokens or builds nodes sits inside ACTION, GATE or after DSL calls that tolerate that.
 * The alternatives of the rules run per statement or per value are built once (Chevrotain's
 * performance advice): they keep no state of one invocation, which rules pass through return values
 * or through `depth` and `skipRestOfStatement`.
 */
export class TopoParser extends EmbeddedActionsParser {
  private build!: NodeBuilder;
  private lastRealToken: IToken | undefined;
  /** How many `{ … }` enclose the tokens being parsed (kept by `braced`). */
  private depth = 0;
  /** Set by `statementEnd` when the rest of the statement is to be skipped. */
  private skipRestOfStatement = false;
  /** The end of an unbracketed IPv6 address already reported: the statement's end is not reported again. */
  private reportedUntil = -1;

  constructor() {
    super(allTokens, { recoveryEnabled: true, errorMessageProvider });
    this.performSelfAnalysis();
  }

  /** The statements of one file; syntax errors go to the builder's report. */
  parseTokens(tokens: IToken[], build: NodeBuilder): Statement[] {
    this.build = build;
    this.depth = 0;
    this.skipRestOfStatement = false;
    this.reportedUntil = -1;
    this.lastRealToken = undefined;
    for (let i = tokens.length - 1; i >= 0 && this.lastRealToken === undefined; i--) {
      const token = tokens[i];
      if (token !== undefined && !tokenMatcher(token, Newline)) this.lastRealToken = token;
    }
    this.input = tokens;
    const statements = this.document() ?? [];
    // Only reached through a recovery path the grammar does not foresee (none is known).
    for (const error of this.errors) {
      const previous = (error as { previousToken?: IToken }).previousToken;
      this.reportAt(isPositioned(error.token) ? error.token : previous, error.message);
    }
    return statements;
  }

  private readonly document = this.RULE('document', (): Statement[] => this.SUBRULE(this.body, TOP_LEVEL));

  /** Statements until `}` (when nested) or the end of the file. */
  private readonly body = this.RULE('body', (nested: boolean): Statement[] => {
    const statements: Statement[] = [];
    this.MANY({
      GATE: () => !(nested && tokenMatcher(this.LA(1), RCurly)),
      DEF: () => {
        const found = this.OR(this.bodyItem);
        this.ACTION(() => append(statements, found));
      },
    });
    return statements;
  });

  private readonly bodyItem: IOrAlt<Statement[] | undefined>[] = [
    { ALT: () => this.SUBRULE(this.statement) },
    { ALT: () => void this.CONSUME(Newline) },
    { ALT: () => void this.CONSUME(Semicolon) },
    { ALT: () => this.SUBRULE(this.stray) },
  ];

  /** A statement starts with a name: a block when the name is a block keyword, else a property. */
  private readonly statement = this.RULE('statement', (): Statement[] => {
    this.CONSUME(Word);
    return this.OR(this.statementKind);
  });

  /** Decided on the name just consumed (`LA(0)`), which is also passed on as the statement's head. */
  private readonly statementKind: OrMethodOpts<Statement[]> = {
    IGNORE_AMBIGUITIES: true,
    MAX_LOOKAHEAD: 1,
    DEF: [
      {
        GATE: () => isBlockKeyword(this.LA(0).image),
        ALT: () => this.SUBRULE(this.blockTail, { ARGS: [this.LA(0)] }),
      },
      { ALT: () => this.SUBRULE(this.propertyTail, { ARGS: [this.LA(0)] }) },
    ],
  };

  /** After a block keyword: `NAME ["label"] [{ … }]`, or an error when no name follows. */
  private readonly blockTail = this.RULE('blockTail', (keyword: IToken): Statement[] => {
    let statements: Statement[] = [];
    this.OR({
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          ALT: () => {
            const name = this.CONSUME(Word);
            const label = this.OPTION(() => this.CONSUME(StringLike));
            statements = this.SUBRULE(this.blockRest, { ARGS: [keyword, name, label] });
          },
        },
        {
          ALT: () => {
            this.ACTION(() => this.reportFound(this.LA(1), messages.expectedName(keyword.image, this.LA(1))));
            statements = this.SUBRULE(this.skipRest);
          },
        },
      ],
    });
    return statements;
  });

  private readonly blockRest = this.RULE(
    'blockRest',
    (keyword: IToken, name: IToken, label: IToken | undefined): Statement[] => {
      this.OPTION(() => {
        this.ACTION(() => {
          const header = quote(`${keyword.image} ${name.image}`);
          this.reportFound(this.LA(1), messages.expectedBodyOrEnd(header, this.LA(1)));
        });
        this.AT_LEAST_ONE(() => this.CONSUME(Skippable));
      });
      let braced: Braced | undefined;
      this.OPTION2(() => {
        const open = this.CONSUME(LCurly);
        braced = this.SUBRULE(this.braced, { ARGS: [open, [keyword, name]] });
      });
      const block = this.ACTION(() =>
        braced === undefined
          ? this.blockNode(keyword, name, label, undefined, undefined)
          : this.blockNode(keyword, name, label, braced.statements, braced.close ?? this.lastRealToken),
      );
      const after = this.SUBRULE(this.statementEnd);
      return this.ACTION(() => {
        const statements: Statement[] = [block];
        append(statements, after);
        return statements;
      });
    },
  );

  /** `{ statements }` after its `{`: the closing `}` is expected; too deep a nesting is skipped whole. */
  private readonly braced = this.RULE('braced', (open: IToken, header: IToken[] | undefined): Braced => {
    this.depth++;
    try {
      let statements: Statement[] = [];
      this.OR({
        IGNORE_AMBIGUITIES: true,
        MAX_LOOKAHEAD: 1,
        DEF: [
          {
            GATE: () => this.depth > MAX_NESTING,
            ALT: () => {
              this.ACTION(() => this.build.reportToken(open, messages.nestedTooDeep(MAX_NESTING)));
              this.SUBRULE(this.skipBalanced);
            },
          },
          {
            ALT: () => {
              statements = this.SUBRULE(this.body, NESTED);
            },
          },
        ],
      });
      const close = this.OPTION(() => this.CONSUME(RCurly));
      this.ACTION(() => {
        if (close !== undefined) return;
        const line = this.build.source.positionAt(open.startOffset).line;
        const opener = header === undefined ? '`{`' : quote(header.map((token) => token.image).join(' '));
        this.reportAt(this.LA(1), messages.missingClose(opener, line));
      });
      return { statements, close };
    } finally {
      this.depth--;
    }
  });

  /** Tokens up to (not including) the `}` that balances the already consumed `{`. */
  private readonly skipBalanced = this.RULE('skipBalanced', (): void => {
    let level = 0;
    this.MANY({
      GATE: () => !(level === 0 && tokenMatcher(this.LA(1), RCurly)),
      DEF: () => {
        const token = this.CONSUME(AnyToken);
        this.ACTION(() => {
          if (tokenMatcher(token, LCurly)) level++;
          else if (tokenMatcher(token, RCurly)) level--;
        });
      },
    });
  });

  /** After a property name: its values, and an error for a `{ … }` that only blocks may have. */
  private readonly propertyTail = this.RULE('propertyTail', (head: IToken): Statement[] => {
    const values = this.SUBRULE(this.values);
    let braced: Braced | undefined;
    this.OPTION(() => {
      const open = this.CONSUME(LCurly);
      this.ACTION(() => this.build.reportToken(open, messages.bodyAfterProperty(head.image)));
      braced = this.SUBRULE(this.braced, { ARGS: [open, undefined] });
    });
    const after = this.SUBRULE(this.statementEnd);
    return this.ACTION(() => {
      const name = this.build.identifier(head.image, head.startOffset);
      const statements: Statement[] = [this.build.property(name, values)];
      append(statements, braced?.statements);
      append(statements, after);
      return statements;
    });
  });

  /** A statement must end here; anything else is reported (and skipped unless it starts the next statement). */
  private readonly statementEnd = this.RULE('statementEnd', (): Statement[] => {
    this.ACTION(this.checkStatementEnd);
    return this.OPTION(this.skipDamagedRest) ?? [];
  });

  private readonly skipDamagedRest: DSLMethodOpts<Statement[]> = {
    GATE: () => this.skipRestOfStatement,
    DEF: () => this.SUBRULE(this.skipRest),
  };

  /** A token that cannot start a statement. */
  private readonly stray = this.RULE('stray', (): Statement[] => {
    let statements: Statement[] = [];
    this.OR([
      {
        ALT: () => {
          const close = this.CONSUME(RCurly);
          this.ACTION(() => this.build.reportToken(close, messages.strayCloseBrace()));
        },
      },
      {
        ALT: () => {
          const open = this.CONSUME(LCurly);
          this.ACTION(() => this.build.reportToken(open, messages.strayOpenBrace()));
          const braced = this.SUBRULE(this.braced, { ARGS: [open, undefined] });
          const after = this.SUBRULE(this.skipRest);
          this.ACTION(() => {
            statements = [...braced.statements];
            append(statements, after);
          });
        },
      },
      {
        ALT: () => {
          const junk = this.CONSUME(Junk);
          this.ACTION(() => this.build.reportToken(junk, messages.expectedStatement(junk)));
          statements = this.SUBRULE2(this.skipRest);
        },
      },
    ]);
    return statements;
  });

  /** The rest of a damaged statement; the statements of any `{ … }` in it are kept. */
  private readonly skipRest = this.RULE('skipRest', (): Statement[] => {
    const statements: Statement[] = [];
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const open = this.CONSUME(LCurly);
            const braced = this.SUBRULE(this.braced, { ARGS: [open, undefined] });
            this.ACTION(() => append(statements, braced.statements));
          },
        },
        { ALT: () => this.CONSUME(Skippable) },
      ]);
    });
    return statements;
  });

  private readonly values = this.RULE('values', (): Value[] => {
    const values: Value[] = [];
    this.MANY(() => {
      const value = this.SUBRULE(this.value);
      this.ACTION(() => values.push(value));
    });
    return values;
  });

  private readonly value = this.RULE('value', (): Value => this.OR(this.valueKind));

  private readonly valueKind: IOrAlt<Value>[] = [
    {
      ALT: () => {
        const word = this.CONSUME(Word);
        const port = this.OPTION(() => this.SUBRULE(this.portAfterColon));
        return this.ACTION(() => {
          const path = this.build.path(word.image, word.startOffset);
          return port === undefined ? path : this.build.endpoint(path, port.image, port.startOffset);
        });
      },
    },
    {
      ALT: () => {
        const address = this.CONSUME(AddressLike);
        const port = this.OPTION2(() => this.SUBRULE2(this.portAfterColon));
        return this.ACTION(() => {
          const host = this.build.address(address.image, address.startOffset);
          return port === undefined ? host : this.build.endpoint(host, port.image, port.startOffset);
        });
      },
    },
    {
      ALT: () => {
        const token = this.CONSUME(StringLike);
        return this.ACTION(() => this.build.string(token.image, token.startOffset, isTriple(token)));
      },
    },
    { ALT: () => this.built('integer', this.CONSUME(Integer)) },
    { ALT: () => this.built('cidr', this.CONSUME(CidrLike)) },
    { ALT: () => this.built('port', this.CONSUME(Port)) },
    { ALT: () => this.built('label', this.CONSUME(LabelPair)) },
    { ALT: () => this.built('url', this.CONSUME(Url)) },
    { ALT: () => this.built('comma', this.CONSUME(Comma)) },
  ];

  /** `:PORT` after an endpoint host; a missing port is reported (and the host stays a plain value). */
  private readonly portAfterColon = this.RULE('portAfterColon', (): IToken | undefined => {
    this.CONSUME(Colon);
    return this.OR(this.portOrNothing);
  });

  private readonly portOrNothing: IOrAlt<IToken | undefined>[] = [
    { ALT: () => this.CONSUME(Integer) },
    {
      ALT: () => {
        this.ACTION(() => {
          const found = this.LA(1);
          if (!this.reportedUnbracketedIpv6(this.LA(0)))
            this.reportFound(found, messages.expectedPort(found));
        });
        return undefined;
      },
    },
  ];

  /**
   * `fd00::1`, `2001:db8::1` or `fd00::2:80`: an IPv6 address written without its brackets, seen at
   * one of its colons. Reported once over the whole address (the run of characters around the
   * colon an address is made of) and true; false when the run does not look like one.
   */
  private reportedUnbracketedIpv6(colon: IToken): boolean {
    if (colon.startOffset < this.reportedUntil) return true;
    const { text } = this.build.source;
    const part = /[0-9A-Za-z:.%]/;
    let start = colon.startOffset;
    while (start > 0 && part.test(text[start - 1] ?? '')) start--;
    let end = colon.startOffset;
    while (end < text.length && part.test(text[end] ?? '')) end++;
    const address = text.slice(start, end);
    if (!looksLikeIpv6(address)) return false;
    this.build.reportOffsets(start, end, messages.unbracketedIpv6(address));
    this.reportedUntil = end;
    return true;
  }

  /** Reports what stands after a statement; sets `skipRestOfStatement` when it cannot start the next one. */
  private checkStatementEnd(): void {
    const next = this.LA(1);
    this.skipRestOfStatement = false;
    if (endsStatement(next)) return;
    if (
      next.startOffset < this.reportedUntil ||
      (tokenMatcher(next, Colon) && this.reportedUnbracketedIpv6(next))
    ) {
      this.skipRestOfStatement = true;
      return;
    }
    if (tokenMatcher(next, Word)) {
      this.build.reportToken(next, messages.expectedLineEnd(next));
      return;
    }
    this.build.reportToken(next, messages.expectedEnd(next));
    this.skipRestOfStatement = true;
  }

  /** Runs a node builder on a consumed token, outside the grammar-recording phase. */
  private built(kind: 'integer' | 'cidr' | 'port' | 'label' | 'url' | 'comma', token: IToken): Value {
    return this.ACTION(() => this.build[kind](token.image, token.startOffset));
  }

  /** The block node of a header and body; `close` is the token the body ends with (none: no braces). */
  private blockNode(
    keyword: IToken,
    name: IToken,
    label: IToken | undefined,
    body: Statement[] | undefined,
    close: IToken | undefined,
  ): BlockStatement {
    const build = this.build;
    const nameNode = build.identifier(name.image, name.startOffset);
    const labelNode =
      label === undefined ? undefined : build.string(label.image, label.startOffset, isTriple(label));
    const end = close === undefined ? undefined : tokenEnd(close);
    return build.block(build.header(keyword.image, keyword.startOffset, nameNode, labelNode), body, end);
  }

  /**
   * Reports at the token found; at a line end or the end of the file the report points at the token
   * before it (recovery-inserted and end-of-file tokens have no position).
   */
  private reportFound(found: IToken, message: string): void {
    const atLineEnd =
      found.tokenType === EOF || tokenMatcher(found, Newline) || Number.isNaN(found.startOffset);
    this.reportAt(atLineEnd ? this.LA(0) : found, message);
  }

  private reportAt(token: IToken | undefined, message: string): void {
    const target = isPositioned(token) && !tokenMatcher(token, Newline) ? token : this.lastRealToken;
    if (target === undefined)
      this.build.reportOffsets(this.build.source.text.length, this.build.source.text.length, message);
    else this.build.reportToken(target, message);
  }
}

/** A `"""` string, terminated or not. */
function isTriple(token: IToken): boolean {
  return tokenMatcher(token, TripleString) || tokenMatcher(token, UnterminatedTriple);
}

/** Eight groups of up to four hex digits (the last may be a dotted IPv4 address), or fewer with one `::`. */
function looksLikeIpv6(address: string): boolean {
  const groups = (address.split('%')[0] ?? '').split(':');
  const shortened = address.includes('::');
  if (shortened ? groups.length > 9 : groups.length !== 8) return false;
  return (
    groups.every(
      (group, i) =>
        /^[0-9A-Fa-f]{0,4}$/.test(group) || (i === groups.length - 1 && /^[\d.]{7,15}$/.test(group)),
    ) &&
    (shortened || groups.every((group) => group !== ''))
  );
}
