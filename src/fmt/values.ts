// Prints property values and strings in their canonical spelling: values exactly as the syntax tree
// holds them (addresses, CIDRs, ports, endpoints, paths, `a, b`), strings re-quoted.

import type { AddressValue, PathValue, StringValue, Value } from '../parser/ast.js';
import { escapeInvisible } from './escape.js';
import { printTripleString, tripleStringFits } from './triple-string.js';

/** The values of one statement, space-separated, commas attached to the value before them. */
export function printValues(values: readonly Value[], indent: string): string {
  let out = '';
  for (const value of values) {
    if (value.type === 'Comma') {
      out += ',';
      continue;
    }
    if (out !== '') out += ' ';
    out += printValue(value, indent);
  }
  return out;
}

/** One value; a multi-line `"""` string contains newlines and is indented one level below `indent`. */
export function printValue(value: Exclude<Value, { type: 'Comma' }>, indent: string): string {
  switch (value.type) {
    case 'Path':
      return printPath(value);
    case 'String':
      return printString(value, indent);
    case 'Integer':
      return value.raw;
    case 'Address':
      return printAddress(value);
    case 'Cidr':
      return value.family === 6 ? `[${value.address}]/${value.prefix}` : `${value.address}/${value.prefix}`;
    case 'Port':
      return `${value.portRaw}/${value.protocol}`;
    case 'Endpoint':
      return `${value.host.type === 'Path' ? printPath(value.host) : printAddress(value.host)}:${value.port.raw}`;
    case 'Label':
      return `${value.key}=${value.value}`;
    case 'Url':
      return value.text;
  }
}

function printPath(value: PathValue): string {
  return value.parts.join('.');
}

function printAddress(value: AddressValue): string {
  return value.family === 6 ? `[${value.text}]` : value.text;
}

/** `"""` is kept for strings that span lines and were written that way; everything else is `"…"`. */
export function printString(value: StringValue, indent: string): string {
  if (value.triple && value.value.includes('\n') && tripleStringFits(value.value)) {
    return printTripleString(value.value, indent);
  }
  return quote(value.value);
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t' };

/** `"…"` escaping only what must be escaped: `"`, `\`, newline, tab and invisible characters. */
export function quote(text: string): string {
  const escaped = text.replace(/["\\\n\t]/g, (char) => SIMPLE_ESCAPES[char] ?? char);
  return `"${escapeInvisible(escaped)}"`;
}
