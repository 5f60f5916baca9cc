// A compact, line-per-node text dump of a parsed document for the parser goldens.

import { formatRange } from '../../src/diagnostics.js';
import type { Comment, Document, Statement, Value } from '../../src/parser/ast.js';

export function dumpDocument(document: Document): string {
  const lines: string[] = [`document ${formatRange(document.range)}`];
  for (const statement of document.body) dumpStatement(statement, 1, lines);
  for (const comment of document.comments) lines.push(dumpComment(comment));
  return lines.join('\n');
}

function dumpStatement(statement: Statement, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  if (statement.type === 'Property') {
    lines.push(`${indent}property ${statement.name.text} ${formatRange(statement.range)}`);
    for (const value of statement.values) lines.push(`${indent}  ${dumpValue(value)}`);
    return;
  }
  const label = statement.label === undefined ? '' : ` label=${JSON.stringify(statement.label.value)}`;
  const body = statement.body === undefined ? ' (no body)' : '';
  lines.push(
    `${indent}block ${statement.keyword} ${statement.name.text}${label}${body} ${formatRange(statement.range)}` +
      ` keyword=${formatRange(statement.keywordRange)} header=${formatRange(statement.headerRange)}`,
  );
  for (const child of statement.body ?? []) dumpStatement(child, depth + 1, lines);
}

function dumpValue(value: Value): string {
  const at = formatRange(value.range);
  switch (value.type) {
    case 'Path':
      return `Path ${value.parts.join(' . ')} ${at}`;
    case 'String':
      return `String${value.triple ? ' (triple)' : ''} ${JSON.stringify(value.value)} ${at}`;
    case 'Integer':
      return `Integer ${value.raw} ${at}`;
    case 'Address':
      return `Address v${value.family} ${value.text} ${at}`;
    case 'Cidr':
      return `Cidr v${value.family} ${value.address} / ${value.prefix} ${at}`;
    case 'Port':
      return `Port ${value.portRaw} ${value.protocol} ${at}`;
    case 'Endpoint':
      return `Endpoint ${dumpValue(value.host)} : ${value.port.raw} ${at}`;
    case 'Label':
      return `Label ${JSON.stringify(value.key)} ${formatRange(value.keyRange)} = ${JSON.stringify(value.value)} ${formatRange(value.valueRange)} ${at}`;
    case 'Url':
      return `Url ${value.text} ${at}`;
    case 'Comma':
      return `Comma ${at}`;
  }
}

function dumpComment(comment: Comment): string {
  const where = comment.ownLine ? 'own line' : 'after code';
  return `comment ${comment.marker} ${JSON.stringify(comment.text)} ${where} ${formatRange(comment.range)}`;
}
