// Builds syntax-tree nodes (src/parser/ast.ts) for values read from manifests, each with the offsets
// of the YAML it came from. Values are kept as written where they might be wrong (an address that
// is not one stays a string): the model judges them, and its findings point into the YAML.

import type { Span } from '../diagnostics.js';
import type {
  BlockKeyword,
  BlockStatement,
  IntegerValue,
  PathValue,
  PropertyStatement,
  Statement,
  StringValue,
  Value,
} from '../parser/ast.js';
import type { Field } from './fields.js';

export interface BlockParts {
  keyword: BlockKeyword;
  /** A `.topo` name (see names.ts). */
  name: string;
  /** Where findings about the entity point: its `name:` field. */
  at: Field<unknown>;
  /** Display string, when the Kubernetes name had to change to be a `.topo` name. */
  label?: string;
  body?: Statement[];
}

/** A block read from the file of its `at` field (its offsets count in that file's text). */
export function block(parts: BlockParts): BlockStatement {
  const header = parts.at.pairSpan;
  const keyword = parts.at.keySpan;
  const statement: BlockStatement = {
    type: 'Block',
    keyword: parts.keyword,
    start: header.start,
    end: header.end,
    keywordEnd: keyword.end,
    name: { type: 'Identifier', text: parts.name, ...parts.at.span },
    headerEnd: header.end,
    source: parts.at.scope.source,
  };
  if (parts.label !== undefined) statement.label = string(parts.label, parts.at.span);
  if (parts.body !== undefined) statement.body = parts.body;
  return statement;
}

/** `NAME values…` written for the YAML field `at` (its whole `key: value`). */
export function property(name: string, at: Field<unknown> | Span, values: Value[]): PropertyStatement {
  const { start, end } = 'start' in at ? at : at.pairSpan;
  return { type: 'Property', name: { type: 'Identifier', text: name, start, end }, values, start, end };
}

export function word(text: string, at: Span): PathValue {
  return { type: 'Path', parts: [text], start: at.start, end: at.end };
}

export function string(value: string, at: Span): StringValue {
  return { type: 'String', value, triple: false, start: at.start, end: at.end };
}

export function integer(value: number, at: Span): IntegerValue {
  return { type: 'Integer', raw: String(value), value, start: at.start, end: at.end };
}

export function comma(at: Span): Value {
  return { type: 'Comma', start: at.start, end: at.end };
}

/** An IP address as written (IPv6 when it holds `:`); the model checks it. Anything else stays a string. */
export function address(text: string, at: Span): Value {
  const { start, end } = at;
  if (/^[0-9.]+$/.test(text)) return { type: 'Address', family: 4, text, start, end };
  if (/^[0-9A-Fa-f:.]+$/.test(text) && text.includes(':'))
    return { type: 'Address', family: 6, text, start, end };
  return string(text, at);
}

/** `10.244.1.0/24` as a CIDR value; anything else stays a string for the model to refuse. */
export function cidr(text: string, at: Span): Value {
  const match = /^([0-9A-Fa-f:.]+)\/(\d{1,3})$/.exec(text);
  if (!match?.[1] || !match[2]) return string(text, at);
  const family = match[1].includes(':') ? 6 : 4;
  return { type: 'Cidr', family, address: match[1], prefix: Number(match[2]), start: at.start, end: at.end };
}

/** `8080` or `53/udp` (tcp is the default and is not written). */
export function port(value: number, protocol: string, at: Span): Value {
  const lower = protocol.toLowerCase();
  if (lower === 'tcp') return integer(value, at);
  return { type: 'Port', port: value, portRaw: String(value), protocol: lower, start: at.start, end: at.end };
}

/** `app=web` from a labels or selector entry: the key's and the value's own offsets. */
export function label(key: string, value: string, keyAt: Span, valueAt: Span): Value {
  return {
    type: 'Label',
    key,
    value,
    start: keyAt.start,
    end: valueAt.end,
    keyEnd: keyAt.end,
    valueStart: valueAt.start,
  };
}
