// Builds syntax-tree nodes (src/parser/ast.ts) for values read from manifests, each with the range
// of the YAML it came from. Values are kept as written where they might be wrong (an address that
// is not one stays a string): the model judges them, and its findings point into the YAML.

import type { Range } from '../diagnostics.js';
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
  /** The manifest file, when the block's parent came from another one. */
  file?: string;
  body?: Statement[];
}

export function block(parts: BlockParts): BlockStatement {
  const header = parts.at.pairRange;
  const statement: BlockStatement = {
    type: 'Block',
    keyword: parts.keyword,
    keywordRange: parts.at.keyRange,
    name: { type: 'Identifier', text: parts.name, range: parts.at.range },
    headerRange: header,
    range: header,
  };
  if (parts.label !== undefined) statement.label = string(parts.label, parts.at.range);
  if (parts.body !== undefined) statement.body = parts.body;
  if (parts.file !== undefined) statement.file = parts.file;
  return statement;
}

/** `NAME values…` written for the YAML field `at` (its whole `key: value`). */
export function property(name: string, at: Field<unknown> | Range, values: Value[]): PropertyStatement {
  const range = 'start' in at ? at : at.pairRange;
  return { type: 'Property', name: { type: 'Identifier', text: name, range }, values, range };
}

export function word(text: string, range: Range): PathValue {
  return { type: 'Path', parts: [text], range };
}

export function string(value: string, range: Range): StringValue {
  return { type: 'String', value, triple: false, range };
}

export function integer(value: number, range: Range): IntegerValue {
  return { type: 'Integer', raw: String(value), value, range };
}

export function comma(range: Range): Value {
  return { type: 'Comma', range };
}

/** An IP address as written (IPv6 when it holds `:`); the model checks it. Anything else stays a string. */
export function address(text: string, range: Range): Value {
  if (/^[0-9.]+$/.test(text)) return { type: 'Address', family: 4, text, range };
  if (/^[0-9A-Fa-f:.]+$/.test(text) && text.includes(':')) return { type: 'Address', family: 6, text, range };
  return string(text, range);
}

/** `10.244.1.0/24` as a CIDR value; anything else stays a string for the model to refuse. */
export function cidr(text: string, range: Range): Value {
  const match = /^([0-9A-Fa-f:.]+)\/(\d{1,3})$/.exec(text);
  if (!match?.[1] || !match[2]) return string(text, range);
  const family = match[1].includes(':') ? 6 : 4;
  return { type: 'Cidr', family, address: match[1], prefix: Number(match[2]), range };
}

/** `8080` or `53/udp` (tcp is the default and is not written). */
export function port(value: number, protocol: string, range: Range): Value {
  const lower = protocol.toLowerCase();
  if (lower === 'tcp') return integer(value, range);
  return { type: 'Port', port: value, portRaw: String(value), protocol: lower, range };
}

/** `app=web` from a labels or selector entry: the key's and the value's own ranges. */
export function label(key: string, value: string, keyRange: Range, valueRange: Range): Value {
  return {
    type: 'Label',
    key,
    value,
    keyRange,
    valueRange,
    range: { start: keyRange.start, end: valueRange.end },
  };
}
