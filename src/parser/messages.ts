// Syntax error messages in the user's terms (what was found, what was expected), never token-type names.

import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { didYouMean } from '../text/suggest.js';
import { BLOCK_KEYWORDS } from './ast.js';
import { EOF, tokenMatcher } from './chevrotain.js';
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
  UnterminatedString,
  UnterminatedTriple,
  Url,
  Word,
} from './lexer.js';

const MAX_SHOWN = 40;

/** User text in backticks, shortened when long. */
export function quote(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
  return `\`${shown}\``;
}

const KEYWORD_LIST = `${BLOCK_KEYWORDS.slice(0, -1).join(', ')} and ${BLOCK_KEYWORDS[BLOCK_KEYWORDS.length - 1]}`;

/** What a token is, as a user would say it: "`worker-1`", "a string", "the end of the line". */
export function describeToken(token: IToken): string {
  const type = token.tokenType;
  if (type === EOF) return 'the end of the file';
  if (tokenMatcher(token, Newline)) return 'the end of the line';
  if (tokenMatcher(token, StringLike)) return 'a string';
  if (tokenMatcher(token, Word)) return `the name ${quote(token.image)}`;
  if (tokenMatcher(token, Integer) || tokenMatcher(token, Port)) return `the number ${quote(token.image)}`;
  if (tokenMatcher(token, AddressLike)) return `the address ${quote(token.image)}`;
  if (tokenMatcher(token, CidrLike)) return `the address range ${quote(token.image)}`;
  if (tokenMatcher(token, LabelPair)) return `the label ${quote(token.image)}`;
  if (tokenMatcher(token, Url)) return `the URL ${quote(token.image)}`;
  return quote(token.image);
}

export const messages = {
  expectedName: (keyword: string, found: IToken) =>
    `expected a name after \`${keyword}\`, found ${describeToken(found)}`,
  dottedName: (name: string) =>
    `a name cannot contain \`.\`: ${quote(name)} (names may use letters, digits, \`_\` and \`-\`)`,
  expectedBodyOrEnd: (header: string, found: IToken) =>
    `expected \`{\` or the end of the line after the header of ${header}, found ${describeToken(found)}`,
  missingClose: (opener: string, line: number) => `expected \`}\` to close ${opener} opened at line ${line}`,
  /** A `{` after a name that is no block keyword: a misspelt keyword gets its "did you mean". */
  bodyAfterProperty: (name: string) =>
    `unexpected \`{\` after ${quote(name)}: only ${KEYWORD_LIST} blocks take \`{ … }\`${didYouMean(name, BLOCK_KEYWORDS)}`,
  strayOpenBrace: () => 'unexpected `{`: a block needs a keyword and a name before `{`, on the same line',
  strayCloseBrace: () => 'unexpected `}`: there is no open block to close',
  expectedStatement: (found: IToken) =>
    `expected a statement (a name at the start of the line), found ${describeToken(found)}`,
  expectedLineEnd: (found: IToken) =>
    `expected the end of the line or \`;\` before ${describeToken(found)} (one statement per line)`,
  expectedEnd: (found: IToken) => `expected the end of the line or \`;\`, found ${describeToken(found)}`,
  unexpected: (found: IToken) => `could not read the statement at ${describeToken(found)}`,
  expectedPort: (found: IToken) => `expected a port number after \`:\`, found ${describeToken(found)}`,
  unbracketedIpv6: (address: string) =>
    `an IPv6 address is written in brackets, so that \`:PORT\` stays unambiguous: write ${quote(`[${address}]`)}, and a port after the bracket (${quote(`[${address}]:80`)})`,
  numberTooLong: (digits: number) => `number too long (${digits} digits; at most 15)`,
  nestedTooDeep: (limit: number) =>
    `blocks nested deeper than ${limit} levels; the inner blocks were skipped`,
  unterminatedString: (token: IToken) =>
    tokenMatcher(token, UnterminatedTriple)
      ? 'unterminated string: `"""` has no closing `"""`'
      : 'unterminated string: add the closing `"` on the same line (use `"""` for text over several lines)',
  unquotedPath: (path: string) => `paths are strings: write ${quote(`"${path}"`)}`,
  unexpectedCharacters: (text: string) =>
    text.length === 1
      ? `unexpected character ${showCharacters(text)}`
      : `unexpected characters ${showCharacters(text)} (${text.length} characters)`,
  tooManyErrors: (omitted: number) => `${omitted} more syntax errors not shown`,
};

const isPrintable = (code: number): boolean =>
  code >= 0x20 &&
  code !== 0x60 &&
  code !== 0x7f &&
  !(code >= 0x80 && code < 0xa0) &&
  !(code >= 0xd800 && code < 0xe000);

/** Characters shown safely: printable text in backticks, anything else as `U+XXXX` code points. */
function showCharacters(text: string): string {
  const characters = [...text.slice(0, MAX_SHOWN)];
  if (characters.every((character) => isPrintable(character.codePointAt(0) ?? 0))) return quote(text);
  const codes = characters.slice(0, 8).map((character) => {
    const code = character.codePointAt(0) ?? 0;
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return codes.join(' ') + (characters.length > 8 ? ' …' : '');
}

/** Labels for the tokens Chevrotain names in its own (fallback) messages. */
function labelOf(type: TokenType): string {
  const labels = new Map<TokenType, string>([
    [Word, 'a name'],
    [StringLike, 'a string'],
    [Integer, 'a number'],
    [LCurly, '`{`'],
    [RCurly, '`}`'],
    [Semicolon, '`;`'],
    [Comma, '`,`'],
    [Colon, '`:`'],
    [Newline, 'the end of the line'],
    [UnterminatedString, 'a string'],
  ]);
  return labels.get(type) ?? 'a statement';
}

/**
 * The grammar reports its own errors; Chevrotain's messages only appear if a recovery path the
 * grammar does not foresee is taken, and then still speak in user terms.
 */
export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual }) =>
    `expected ${labelOf(expected)}, found ${describeToken(actual)}`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) => messages.unexpected(firstRedundant),
  buildNoViableAltMessage: ({ actual }) => messages.unexpected(actual[0] ?? eofToken()),
  buildEarlyExitMessage: ({ actual }) => messages.unexpected(actual[0] ?? eofToken()),
};

function eofToken(): IToken {
  return {
    image: '',
    startOffset: Number.NaN,
    tokenType: EOF,
    tokenTypeIdx: EOF.tokenTypeIdx ?? 0,
  } as IToken;
}
