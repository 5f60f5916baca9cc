// Builds syntax-tree nodes (ast.ts) from tokens, reporting what a single token can get wrong
// (a number too long to read, a bad escape, a `.` in a name).

import { type IToken, tokenMatcher } from 'chevrotain';
import type { Range } from '../diagnostics.js';
import type {
  AddressValue,
  CidrValue,
  CommaValue,
  EndpointValue,
  Identifier,
  IntegerValue,
  PathValue,
  PortValue,
  StringValue,
} from './ast.js';
import { Address6, Cidr6, TripleString, UnterminatedTriple } from './lexer.js';
import { messages } from './messages.js';
import type { LineIndex } from './positions.js';
import { decodeString } from './strings.js';

/** Longer integers lose precision as JavaScript numbers. */
export const MAX_DIGITS = 15;

/** Where syntax errors go; offsets are 0-based, end exclusive. */
export type Report = (start: number, end: number, message: string) => void;

export class NodeBuilder {
  constructor(
    readonly lines: LineIndex,
    private readonly report: Report,
  ) {}

  tokenRange(token: IToken): Range {
    return this.lines.range(token.startOffset, tokenEnd(token));
  }

  span(first: IToken, last: IToken): Range {
    return this.lines.range(first.startOffset, tokenEnd(last));
  }

  reportToken(token: IToken, message: string): void {
    this.report(token.startOffset, tokenEnd(token), message);
  }

  reportOffsets(start: number, end: number, message: string): void {
    this.report(start, end, message);
  }

  /** A name where only a plain name may stand (block name, property name). */
  identifier(token: IToken): Identifier {
    if (token.image.includes('.')) this.reportToken(token, messages.dottedName(token.image));
    return { type: 'Identifier', text: token.image, range: this.tokenRange(token) };
  }

  path(token: IToken): PathValue {
    return { type: 'Path', parts: token.image.split('.'), range: this.tokenRange(token) };
  }

  string(token: IToken): StringValue {
    const triple = tokenMatcher(token, TripleString) || tokenMatcher(token, UnterminatedTriple);
    const decoded = decodeString(token.image, triple);
    for (const problem of decoded.problems) {
      this.report(token.startOffset + problem.start, token.startOffset + problem.end, problem.message);
    }
    return { type: 'String', value: decoded.value, triple, range: this.tokenRange(token) };
  }

  integer(token: IToken): IntegerValue {
    return {
      type: 'Integer',
      raw: token.image,
      value: this.number(token.image, token.startOffset),
      range: this.tokenRange(token),
    };
  }

  address(token: IToken): AddressValue {
    const family = tokenMatcher(token, Address6) ? 6 : 4;
    const text = family === 6 ? token.image.slice(1, -1) : token.image;
    return { type: 'Address', family, text, range: this.tokenRange(token) };
  }

  cidr(token: IToken): CidrValue {
    const family = tokenMatcher(token, Cidr6) ? 6 : 4;
    const slash = token.image.lastIndexOf('/');
    const written = token.image.slice(0, slash);
    const prefix = this.number(token.image.slice(slash + 1), token.startOffset + slash + 1);
    const address = family === 6 ? written.slice(1, -1) : written;
    return { type: 'Cidr', family, address, prefix, range: this.tokenRange(token) };
  }

  port(token: IToken): PortValue {
    const slash = token.image.indexOf('/');
    const portRaw = token.image.slice(0, slash);
    const port = this.number(portRaw, token.startOffset);
    return {
      type: 'Port',
      port,
      portRaw,
      protocol: token.image.slice(slash + 1),
      range: this.tokenRange(token),
    };
  }

  comma(token: IToken): CommaValue {
    return { type: 'Comma', range: this.tokenRange(token) };
  }

  endpoint(host: PathValue | AddressValue, port: IToken): EndpointValue {
    const portValue = this.integer(port);
    return {
      type: 'Endpoint',
      host,
      port: portValue,
      range: { start: host.range.start, end: portValue.range.end },
    };
  }

  /** Digits as a number; more than MAX_DIGITS digits are reported (the value is then imprecise). */
  private number(digits: string, offset: number): number {
    if (digits.length > MAX_DIGITS)
      this.report(offset, offset + digits.length, messages.numberTooLong(digits.length));
    return Number(digits);
  }
}

/** The exclusive end offset of a token (Chevrotain's own `endOffset` is inclusive). */
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}
