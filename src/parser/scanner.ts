// A hand-written scanner for the fast reader (well-formed.ts): the tokens of the Chevrotain lexer
// (lexer.ts) for text it lexes without error, one at a time as a cursor (type and offsets, no object
// per token). At anything the lexer would report (an unexpected character, an unterminated string)
// it stops and sets `failed`: such text is left to the lexer and the grammar.

import type { IToken, TokenType } from 'chevrotain';
import {
  Address4,
  Address6,
  Cidr4,
  Cidr6,
  Colon,
  Comma,
  HashComment,
  Integer,
  LabelPair,
  LCurly,
  Newline,
  Port,
  QuotedString,
  RCurly,
  Semicolon,
  SlashComment,
  TripleString,
  Url,
  Word,
} from './lexer.js';

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const DOT = 46;
const SLASH = 47;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const EQUALS = 61;
const COLON = 58;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** `[A-Za-z_]`: what starts a name. */
const isNameStart = (code: number): boolean => isLetter(code) || code === 95;
/** `[\w-]`: what continues a name. */
const isNamePart = (code: number): boolean => isNameStart(code) || isDigit(code) || code === 45;
/** `[\w./-]`: either side of the `=` of a label pair. */
const isLabelPart = (code: number): boolean => isNamePart(code) || code === DOT || code === SLASH;
/** `[A-Za-z0-9+.-]`: a URL scheme after its first letter. */
const isSchemePart = (code: number): boolean =>
  isLetter(code) || isDigit(code) || code === 43 || code === DOT || code === 45;
/** What ends a URL (the lexer's `[^\s"{};,#]`). */
const URL_END = /[\s"{};,#]/;
/** `[0-9A-Fa-f:.]`: inside `[…]` of an IPv6 address. */
const isIpv6Part = (code: number): boolean =>
  isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102) || code === 58 || code === DOT;

const SINGLE_CHARACTER: ReadonlyMap<number, TokenType> = new Map([
  [123, LCurly],
  [125, RCurly],
  [59, Semicolon],
  [44, Comma],
  [58, Colon],
]);

export class Scanner {
  /** Comment tokens in text order, like the lexer's `comments` group. */
  readonly comments: IToken[] = [];
  /** True once the scanner met text the lexer would report; it then returns no more tokens. */
  failed = false;
  /** The current token's type: undefined at the end of the text, or once scanning failed. */
  type: TokenType | undefined;
  /** The current token's offsets (`end` exclusive). */
  start = 0;
  end = 0;

  /** @param from where scanning starts: 0, or where a token ends (the end of a comment) */
  constructor(
    private readonly text: string,
    from = 0,
  ) {
    this.end = from;
  }

  /** The current token's text. */
  image(): string {
    return this.text.slice(this.start, this.end);
  }

  /** Moves to the next token; false at the end of the text, or when scanning failed. */
  next(): boolean {
    const text = this.text;
    while (this.end < text.length && !this.failed) {
      const start = this.end;
      const code = text.charCodeAt(start);
      if (code === SPACE || code === TAB) {
        this.end = this.skipWhile(start + 1, (c) => c === SPACE || c === TAB);
        continue;
      }
      if (code === HASH || (code === SLASH && text.charCodeAt(start + 1) === SLASH)) {
        const end = this.lineEnd(start);
        this.comments.push({
          image: text.slice(start, end),
          startOffset: start,
          tokenTypeIdx: (code === HASH ? HashComment : SlashComment).tokenTypeIdx ?? 0,
          tokenType: code === HASH ? HashComment : SlashComment,
        });
        this.end = end;
        continue;
      }
      return this.scanToken(start, code);
    }
    this.type = undefined;
    return false;
  }

  private scanToken(start: number, code: number): boolean {
    const text = this.text;
    if (code === LF) return this.token(Newline, start, start + 1);
    if (code === CR)
      return this.token(Newline, start, text.charCodeAt(start + 1) === LF ? start + 2 : start + 1);
    if (code === QUOTE) return this.string(start);
    if (code === OPEN_BRACKET) return this.bracketed(start);
    // A label pair is tried first, as the lexer does: `10.0.0.1=x` is one (odd) label.
    const key = this.skipWhile(start, isLabelPart);
    if (text.charCodeAt(key) === EQUALS)
      return this.token(LabelPair, start, this.skipWhile(key + 1, isLabelPart));
    if (isDigit(code)) return this.numeric(start);
    if (isLetter(code)) {
      const scheme = this.skipWhile(start + 1, isSchemePart);
      if (text.charCodeAt(scheme) === COLON && text.startsWith('//', scheme + 1))
        return this.url(start, scheme + 3);
    }
    if (isNameStart(code)) return this.token(Word, start, this.name(start));
    const single = SINGLE_CHARACTER.get(code);
    return single === undefined ? this.fail() : this.token(single, start, start + 1);
  }

  /** `"""…"""` (the first `"""` inside closes it) or `"…"` on one line; `\` escapes the next character. */
  private string(start: number): boolean {
    const text = this.text;
    const triple = text.startsWith('"""', start);
    for (let i = start + (triple ? 3 : 1); i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === BACKSLASH) {
        const escaped = text.charCodeAt(i + 1);
        if (Number.isNaN(escaped) || (!triple && (escaped === LF || escaped === CR))) break;
        i++;
      } else if (code === QUOTE) {
        if (!triple) return this.token(QuotedString, start, i + 1);
        if (text.startsWith('""', i + 1)) return this.token(TripleString, start, i + 3);
      } else if (!triple && (code === LF || code === CR)) break;
    }
    return this.fail();
  }

  /** The rest of a URL from `offset` (after its `://`). */
  private url(start: number, offset: number): boolean {
    let end = offset;
    while (end < this.text.length && !URL_END.test(this.text.charAt(end))) end++;
    return this.token(Url, start, end);
  }

  /** `[fd00::1]` or `[fd00::]/64`. */
  private bracketed(start: number): boolean {
    const close = this.skipWhile(start + 1, isIpv6Part);
    if (this.text.charCodeAt(close) !== CLOSE_BRACKET) return this.fail();
    const prefix = this.slashThen(close + 1, isDigit);
    return prefix === undefined ? this.token(Address6, start, close + 1) : this.token(Cidr6, start, prefix);
  }

  /** `10.0.0.0/24`, `10.0.0.1`, `53/udp` or `8080`: the first of these forms that fits. */
  private numeric(start: number): boolean {
    const text = this.text;
    let end = this.skipWhile(start + 1, isDigit);
    let dotted = false;
    while (text.charCodeAt(end) === DOT && isDigit(text.charCodeAt(end + 1))) {
      end = this.skipWhile(end + 2, isDigit);
      dotted = true;
    }
    if (dotted) {
      const prefix = this.slashThen(end, isDigit);
      return prefix === undefined ? this.token(Address4, start, end) : this.token(Cidr4, start, prefix);
    }
    const protocol = this.slashThen(end, isLetter);
    return protocol === undefined ? this.token(Integer, start, end) : this.token(Port, start, protocol);
  }

  /** `worker-1` or a dotted path of names `worker-1.pod-2`; returns where it ends. */
  private name(start: number): number {
    const text = this.text;
    let end = this.skipWhile(start + 1, isNamePart);
    while (text.charCodeAt(end) === DOT && isNameStart(text.charCodeAt(end + 1))) {
      end = this.skipWhile(end + 2, isNamePart);
    }
    return end;
  }

  /** After a `/` at `offset` and at least one character of `kind`: the end of those characters. */
  private slashThen(offset: number, kind: (code: number) => boolean): number | undefined {
    const text = this.text;
    if (text.charCodeAt(offset) !== SLASH || !kind(text.charCodeAt(offset + 1))) return undefined;
    return this.skipWhile(offset + 2, kind);
  }

  private skipWhile(offset: number, kind: (code: number) => boolean): number {
    let end = offset;
    while (end < this.text.length && kind(this.text.charCodeAt(end))) end++;
    return end;
  }

  private lineEnd(offset: number): number {
    return this.skipWhile(offset, (code) => code !== LF && code !== CR);
  }

  /** Makes the text from `start` to `end` the current token. */
  private token(tokenType: TokenType, start: number, end: number): true {
    this.type = tokenType;
    this.start = start;
    this.end = end;
    return true;
  }

  private fail(): false {
    this.failed = true;
    this.type = undefined;
    return false;
  }
}
