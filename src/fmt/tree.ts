// Prints a syntax tree built in memory (by src/manifests: its offsets point into other files, so the
// source-based printer cannot place anything) as `.topo` text, then gives it the one canonical
// layout through `format`. Comments come from the caller, one list of lines per statement.

import type { Document, Statement } from '../parser/ast.js';
import { format } from './format.js';
import { printValues } from './values.js';

/** The comment lines to write above a statement (without `#`). */
export type LeadingComments = (statement: Statement) => readonly string[];

/** Canonical `.topo` text of `document`; throws when the tree cannot be printed as valid text (a bug). */
export function formatTree(document: Document, leadingComments: LeadingComments = () => []): string {
  const lines: string[] = [];
  printStatements(document.body, '', leadingComments, lines);
  const result = format(lines.join('\n'), '<generated>');
  if (!result.ok) {
    const [first] = result.diagnostics;
    throw new Error(`generated .topo text does not parse: ${first?.message ?? 'unknown error'}`);
  }
  return result.text;
}

function printStatements(
  statements: readonly Statement[],
  indent: string,
  leadingComments: LeadingComments,
  lines: string[],
): void {
  for (const statement of statements) {
    for (const comment of leadingComments(statement)) lines.push(`${indent}# ${oneLine(comment)}`);
    if (statement.type === 'Property') {
      const values = printValues(statement.values, indent);
      lines.push(`${indent}${statement.name.text}${values === '' ? '' : ` ${values}`}`);
      continue;
    }
    const label = statement.label ? ` ${printValues([statement.label], indent)}` : '';
    const header = `${indent}${statement.keyword} ${statement.name.text}${label}`;
    if (statement.body === undefined) {
      lines.push(header);
      continue;
    }
    lines.push(`${header} {`);
    printStatements(statement.body, `${indent}  `, leadingComments, lines);
    lines.push(`${indent}}`);
  }
}

/** A comment ends at the line's end: line breaks and other control characters become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
}
