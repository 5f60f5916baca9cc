// Builds syntax-tree nodes (ast.ts) from tokens, reporting what a single token can get wrong
// (a number too long to read, a bad escape, a `.` in a name).

import type { IToken } from 'chevrotain';
import type { SourceText } from '../diagnostics.js';
import type {
  AddressValue,
  BlockKeyword,
  BlockStatement,
  CidrValue,
  CommaValue,
  EndpointValue,
  Identifier,
  IntegerValue,
  LabelValue,
  PathValue,
  PortValue,
  PropertyStatement,
  Statement,
  StringValue,
  UrlValue,
  Value,
} from './ast.js';
import { tokenMatcher } from './chevrotain.js';
import { Address6, Cidr6, TripleString, UnterminatedTriple } from './lexer.js';
import { messages } from './messages.js';
import { decodeString } from './strings.js';

/** Longer integers lose precision as JavaScript numbers. */
export const MAX_DIGITS = 15;

/** Where syntax errors go; offsets are 0-based, end exclusive. */
export type Report = (start: number, end: number, message: string) => void;

export class NodeBuilder {
  private readonly strings = new Map<string, string>();

  constructor(
    readonly source: SourceText,
    private readonly report: Report,
  ) {}

  reportToken(token: IToken, message: string): void {
    this.report(token.startOffset, tokenEnd(token), message);
  }

  reportOffsets(start: number, end: number, message: string): void {
    this.report(start, end, message);
  }

  /** A name where only a plain name may stand (block name, property name). */
  identifier(token: IToken): Identifier {
    if (token.image.includes('.')) this.reportToken(token, messages.dottedName(token.image));
    return {
      type: 'Identifier',
      text: this.intern(token.image),
      start: token.startOffset,
      end: tokenEnd(token),
    };
  }

  path(token: IToken): PathValue {
    const image = token.image;
    return {
      type: 'Path',
      parts: image.includes('.') ? image.split('.').map((part) => this.intern(part)) : [this.intern(image)],
      start: token.startOffset,
      end: tokenEnd(token),
    };
  }

  string(token: IToken): StringValue {
    const triple = tokenMatcher(token, TripleString) || tokenMatcher(token, UnterminatedTriple);
    const decoded = decodeString(token.image, triple);
    for (const problem of decoded.problems) {
      this.report(token.startOffset + problem.start, token.startOffset + problem.end, problem.message);
    }
    const start = token.startOffset;
    return { type: 'String', value: this.intern(decoded.value), triple, start, end: tokenEnd(token) };
  }

  integer(token: IToken): IntegerValue {
    return {
      type: 'Integer',
      raw: this.intern(token.image),
      value: this.number(token.image, token.startOffset),
      start: token.startOffset,
      end: tokenEnd(token),
    };
  }

  address(token: IToken): AddressValue {
    const family = tokenMatcher(token, Address6) ? 6 : 4;
    const text = family === 6 ? token.image.slice(1, -1) : token.image;
    return {
      type: 'Address',
      family,
      text: this.intern(text),
      start: token.startOffset,
      end: tokenEnd(token),
    };
  }

  cidr(token: IToken): CidrValue {
    const family = tokenMatcher(token, Cidr6) ? 6 : 4;
    const slash = token.image.lastIndexOf('/');
    const written = token.image.slice(0, slash);
    const prefix = this.number(token.image.slice(slash + 1), token.startOffset + slash + 1);
    const address = family === 6 ? written.slice(1, -1) : written;
    const start = token.startOffset;
    return { type: 'Cidr', family, address: this.intern(address), prefix, start, end: tokenEnd(token) };
  }

  port(token: IToken): PortValue {
    const slash = token.image.indexOf('/');
    const portRaw = token.image.slice(0, slash);
    const port = this.number(portRaw, token.startOffset);
    return {
      type: 'Port',
      port,
      portRaw: this.intern(portRaw),
      protocol: this.intern(token.image.slice(slash + 1)),
      start: token.startOffset,
      end: tokenEnd(token),
    };
  }

  label(token: IToken): LabelValue {
    const equals = token.image.indexOf('=');
    const start = token.startOffset;
    return {
      type: 'Label',
      key: this.intern(token.image.slice(0, equals)),
      value: this.intern(token.image.slice(equals + 1)),
      start,
      end: tokenEnd(token),
      keyEnd: start + equals,
      valueStart: start + equals + 1,
    };
  }

  url(token: IToken): UrlValue {
    return { type: 'Url', text: token.image, start: token.startOffset, end: tokenEnd(token) };
  }

  comma(token: IToken): CommaValue {
    return { type: 'Comma', start: token.startOffset, end: tokenEnd(token) };
  }

  /** A property statement, its values already built (the name is read after them). */
  property(head: IToken, values: Value[]): PropertyStatement {
    const name = this.identifier(head);
    const last = values[values.length - 1];
    return { type: 'Property', name, values, start: name.start, end: last?.end ?? name.end };
  }

  /**
   * A block statement, its body already built; `end` is the token that closes the body (the closing `}`,
   * else the last token of the file), undefined for a block written without braces.
   */
  block(
    keyword: IToken,
    name: IToken,
    label: IToken | undefined,
    body: Statement[] | undefined,
    end: IToken | undefined,
  ): BlockStatement {
    const nameNode = this.identifier(name);
    const labelNode = label === undefined ? undefined : this.string(label);
    const headerEnd = (labelNode ?? nameNode).end;
    const block: BlockStatement = {
      type: 'Block',
      keyword: this.intern(keyword.image) as BlockKeyword,
      start: keyword.startOffset,
      end: end === undefined ? headerEnd : tokenEnd(end),
      keywordEnd: tokenEnd(keyword),
      name: nameNode,
      headerEnd,
    };
    // Assigned, not spread into the literal: spreading costs more than the rest of the node.
    if (labelNode !== undefined) block.label = labelNode;
    if (body !== undefined) block.body = body;
    return block;
  }

  endpoint(host: PathValue | AddressValue, port: IToken): EndpointValue {
    const portValue = this.integer(port);
    return { type: 'Endpoint', host, port: portValue, start: host.start, end: portValue.end };
  }

  /**
   * One string object per distinct text: a file repeats the same few words (`container`, `listen`,
   * `8080`) thousands of times, and each copy would otherwise stay alive in the tree.
   */
  private intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
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
