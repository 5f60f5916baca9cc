// Prints property values and strings in their canonical spelling: values exactly as the syntax tree
// holds them (addresses, CIDRs, ports, endpoints, paths, `a, b`), strings re-quoted.

import type { StringValue, Value } from '../parser/ast.js';
import { valueText } from '../parser/value-text.js';
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
  return valueText(value, (string) => printString(string, indent));
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
