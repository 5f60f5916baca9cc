// The token vocabulary of `.topo` files and the Chevrotain lexer built from it.
// Block keywords are not tokens: every name is a `Word`, and the parser decides by position.

import type { ILexingError, IToken, TokenType } from 'chevrotain';
import { createToken, Lexer } from './chevrotain.js';

/** Abstract categories: they match no text, they group token types for the grammar. */
const category = (name: string): TokenType => createToken({ name, pattern: Lexer.NA });

/** Every token (skipping a block that is nested too deep). */
export const AnyToken = category('AnyToken');
/** Tokens thrown away while skipping the rest of a damaged statement: all but braces, `;` and newlines. */
export const Skippable = category('Skippable');
/** Skippable tokens other than names: they cannot start a statement. */
export const Junk = category('Junk');
export const StringLike = category('StringLike');
export const AddressLike = category('AddressLike');
export const CidrLike = category('CidrLike');

const skippable = [Junk, Skippable, AnyToken];

export const Newline = createToken({
  name: 'Newline',
  pattern: /\r\n?|\n/,
  line_breaks: true,
  categories: [AnyToken],
});
const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
export const HashComment = createToken({ name: 'HashComment', pattern: /#[^\r\n]*/, group: 'comments' });
export const SlashComment = createToken({ name: 'SlashComment', pattern: /\/\/[^\r\n]*/, group: 'comments' });

// Strings use "unrolled" loops (a plain character class, then one special item at a time) so that
// a megabyte-long string is matched without deep regex backtracking.
export const TripleString = createToken({
  name: 'TripleString',
  pattern: /"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""/,
  line_breaks: true,
  categories: [StringLike, ...skippable],
});
/** `"""` without its closing `"""`: runs to the end of the file, reported as unterminated. */
export const UnterminatedTriple = createToken({
  name: 'UnterminatedTriple',
  pattern: /"""[\s\S]*/,
  line_breaks: true,
  categories: [StringLike, ...skippable],
});
export const QuotedString = createToken({
  name: 'QuotedString',
  pattern: /"[^"\\\r\n]*(?:\\[^\r\n][^"\\\r\n]*)*"/,
  categories: [StringLike, ...skippable],
});
/** `"` without its closing quote on the same line: runs to the end of the line, reported as unterminated. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"[^"\\\r\n]*(?:\\[^\r\n][^"\\\r\n]*)*\\?/,
  categories: [StringLike, ...skippable],
});

export const Cidr6 = createToken({
  name: 'Cidr6',
  pattern: /\[[0-9A-Fa-f:.]*\]\/\d+/,
  categories: [CidrLike, ...skippable],
});
export const Address6 = createToken({
  name: 'Address6',
  pattern: /\[[0-9A-Fa-f:.]*\]/,
  categories: [AddressLike, ...skippable],
});
/** Dotted numbers of any length: `10.0.0.0/24`; how many octets there must be is the model's business. */
export const Cidr4 = createToken({
  name: 'Cidr4',
  pattern: /\d+(?:\.\d+)+\/\d+/,
  categories: [CidrLike, ...skippable],
});
export const Address4 = createToken({
  name: 'Address4',
  pattern: /\d+(?:\.\d+)+/,
  categories: [AddressLike, ...skippable],
});
/**
 * `app=web`, `app.kubernetes.io/name=web`, `tier=` (labels and selectors). Read leniently (any run of
 * name characters, `.` and `/` on both sides of the `=`) so that a key Kubernetes would refuse still
 * reaches the model, and the rule that judges it can point at the key or the value.
 */
export const LabelPair = createToken({
  name: 'LabelPair',
  pattern: /[\w./-]*=[\w./-]*/,
  categories: skippable,
});
/**
 * `https://api.example.com:8443/v1`: a scheme, `://`, then everything up to a space, quote, brace,
 * `;`, `,` or `#`. One token, so the `//` inside it never starts a comment.
 */
export const Url = createToken({
  name: 'Url',
  pattern: /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"{};,#]*/,
  categories: skippable,
});
export const Port = createToken({ name: 'Port', pattern: /\d+\/[A-Za-z]+/, categories: skippable });
export const Integer = createToken({ name: 'Integer', pattern: /\d+/, categories: skippable });

/** A name or a dotted path of names (`worker-1.pod-2.cache`). */
export const Word = createToken({
  name: 'Word',
  pattern: /[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*/,
  categories: [Skippable, AnyToken],
});

export const LCurly = createToken({ name: 'LCurly', pattern: '{', label: '`{`', categories: [AnyToken] });
export const RCurly = createToken({ name: 'RCurly', pattern: '}', label: '`}`', categories: [AnyToken] });
export const Semicolon = createToken({
  name: 'Semicolon',
  pattern: ';',
  label: '`;`',
  categories: [AnyToken],
});
export const Comma = createToken({ name: 'Comma', pattern: ',', label: '`,`', categories: skippable });
export const Colon = createToken({ name: 'Colon', pattern: ':', label: '`:`', categories: skippable });

/** Order matters: the first pattern that matches wins (longer forms before their prefixes). */
export const allTokens: TokenType[] = [
  Newline,
  WhiteSpace,
  HashComment,
  SlashComment,
  TripleString,
  UnterminatedTriple,
  QuotedString,
  UnterminatedString,
  LabelPair,
  Url,
  Cidr6,
  Address6,
  Cidr4,
  Address4,
  Port,
  Integer,
  Word,
  LCurly,
  RCurly,
  Semicolon,
  Comma,
  Colon,
  AnyToken,
  Skippable,
  Junk,
  StringLike,
  AddressLike,
  CidrLike,
];

/** Built at the first file the fast scanner (scanner.ts) leaves to it. */
let lexer: Lexer | undefined;

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  errors: ILexingError[];
}

export function lex(text: string): LexResult {
  lexer ??= new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true });
  const result = lexer.tokenize(text);
  return { tokens: result.tokens, comments: result.groups.comments ?? [], errors: result.errors };
}
