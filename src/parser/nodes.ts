// Builds syntax-tree nodes (ast.ts) from token texts and offsets, reporting what a single token can
// get wrong (a number too long to read, a bad escape, a `.` in a name).

import type { IToken } from 'chevrotain';
import type { SourceText } from '../diagnostics.js';
import type {
  AddressValue,
  BlockHeader,
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
import { messages } from './messages.js';
import { decodeString } from './strings.js';

const OPEN_BRACKET = 91;

/** Longer integers lose precision as JavaScript numbers. */
export const MAX_DIGITS = 15;

/** Where syntax errors go; offsets are 0-based, end exclusive. */
export type Report = (start: number, end: number, message: string) => void;

export class NodeBuilder {
  private readonly strings = new Map<string, string>();
  /** The parts of each path text, made once and shared by its paths (read-only in the tree). */
  private readonly pathParts = new Map<string, readonly string[]>();

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
  identifier(image: string, start: number): Identifier {
    if (image.includes('.')) this.report(start, start + image.length, messages.dottedName(image));
    return { type: 'Identifier', text: this.intern(image), start, end: start + image.length };
  }

  path(image: string, start: number): PathValue {
    let parts = this.pathParts.get(image);
    if (parts === undefined) {
      parts = image.includes('.') ? image.split('.').map((part) => this.intern(part)) : [this.intern(image)];
      this.pathParts.set(image, parts);
    }
    return { type: 'Path', parts, start, end: start + image.length };
  }

  /** A string token; `triple` for `"""…"""` (terminated or not). */
  string(image: string, start: number, triple: boolean): StringValue {
    const decoded = decodeString(image, triple);
    for (const problem of decoded.problems) {
      this.report(start + problem.start, start + problem.end, problem.message);
    }
    return { type: 'String', value: this.intern(decoded.value), triple, start, end: start + image.length };
  }

  integer(image: string, start: number): IntegerValue {
    return {
      type: 'Integer',
      raw: this.intern(image),
      value: this.number(image, start),
      start,
      end: start + image.length,
    };
  }

  /** `10.0.0.1`, or `[fd00::1]` (only an IPv6 address is bracketed). */
  address(image: string, start: number): AddressValue {
    const family = image.charCodeAt(0) === OPEN_BRACKET ? 6 : 4;
    const text = family === 6 ? image.slice(1, -1) : image;
    return { type: 'Address', family, text: this.intern(text), start, end: start + image.length };
  }

  /** `10.0.0.0/24`, or `[fd00::]/64` (only an IPv6 range is bracketed). */
  cidr(image: string, start: number): CidrValue {
    const family = image.charCodeAt(0) === OPEN_BRACKET ? 6 : 4;
    const slash = image.lastIndexOf('/');
    const written = image.slice(0, slash);
    const prefix = this.number(image.slice(slash + 1), start + slash + 1);
    const address = family === 6 ? written.slice(1, -1) : written;
    return { type: 'Cidr', family, address: this.intern(address), prefix, start, end: start + image.length };
  }

  port(image: string, start: number): PortValue {
    const slash = image.indexOf('/');
    const portRaw = image.slice(0, slash);
    const port = this.number(portRaw, start);
    return {
      type: 'Port',
      port,
      portRaw: this.intern(portRaw),
      protocol: this.intern(image.slice(slash + 1)),
      start,
      end: start + image.length,
    };
  }

  label(image: string, start: number): LabelValue {
    const equals = image.indexOf('=');
    return {
      type: 'Label',
      key: this.intern(image.slice(0, equals)),
      value: this.intern(image.slice(equals + 1)),
      start,
      end: start + image.length,
      keyEnd: start + equals,
      valueStart: start + equals + 1,
    };
  }

  url(image: string, start: number): UrlValue {
    return { type: 'Url', text: image, start, end: start + image.length };
  }

  comma(image: string, start: number): CommaValue {
    return { type: 'Comma', start, end: start + image.length };
  }

  /** A property statement, its values already built. */
  property(name: Identifier, values: Value[]): PropertyStatement {
    const last = values[values.length - 1];
    return { type: 'Property', name, values, start: name.start, end: last?.end ?? name.end };
  }

  /** A block's header, its name and label already built. */
  header(keyword: string, start: number, name: Identifier, label: StringValue | undefined): BlockHeader {
    const header: BlockHeader = {
      type: 'Block',
      keyword: this.intern(keyword) as BlockKeyword,
      start,
      keywordEnd: start + keyword.length,
      name,
      headerEnd: (label ?? name).end,
    };
    if (label !== undefined) header.label = label;
    return header;
  }

  /**
   * The block statement of a header and its body; `end` is where the body closes (after its `}`, else
   * after the last token of the file), undefined for a block written without braces.
   */
  block(header: BlockHeader, body: Statement[] | undefined, end: number | undefined): BlockStatement {
    const block: BlockStatement = {
      type: 'Block',
      keyword: header.keyword,
      start: header.start,
      end: end ?? header.headerEnd,
      keywordEnd: header.keywordEnd,
      name: header.name,
      headerEnd: header.headerEnd,
    };
    // Assigned, not spread into the literal: spreading costs more than the rest of the node.
    if (header.label !== undefined) block.label = header.label;
    if (body !== undefined) block.body = body;
    return block;
  }

  endpoint(host: PathValue | AddressValue, portImage: string, portStart: number): EndpointValue {
    const port = this.integer(portImage, portStart);
    return { type: 'Endpoint', host, port, start: host.start, end: port.end };
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
