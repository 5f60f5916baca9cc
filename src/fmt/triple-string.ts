// Prints `"""` strings so that the parser's indentation removal (src/parser/strings.ts `dedent`)
// gives the same value back: text lines one level below the statement, closing quotes on their own line.

import { escapeInvisible } from './escape.js';

const INDENT = '  ';

/**
 * Whether `value` survives the `"""` form: its non-blank lines share no leading whitespace and its
 * blank lines are empty (otherwise indentation removal would change them).
 */
export function tripleStringFits(value: string): boolean {
  let common: string | undefined;
  for (const line of value.split('\n')) {
    const leading = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (leading === line) {
      if (line !== '') return false;
      continue;
    }
    common = common === undefined ? leading : commonPrefix(common, leading);
  }
  return common === '';
}

/** `"""`, each line of `value` indented below `indent`, then `"""` on its own line at that indentation. */
export function printTripleString(value: string, indent: string): string {
  const inner = indent + INDENT;
  const lines = value.split('\n').map((line) => (line === '' ? '' : inner + escapeTripleLine(line)));
  return ['"""', ...lines, `${inner}"""`].join('\n');
}

/** Escapes `\`, quotes in runs of three or more (which would close the string) and invisible controls. */
function escapeTripleLine(line: string): string {
  return escapeInvisible(line.replace(/\\/g, '\\\\').replace(/"{3,}/g, (run) => '\\"'.repeat(run.length)));
}

function commonPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return a.slice(0, length);
}
