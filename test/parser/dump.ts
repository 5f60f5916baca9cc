// A compact, line-per-node text dump of a parsed document for the parser goldens.

import { formatRange, type SourceText, type Span } from '../../src/diagnostics.js';
import type { Comment, Document, Statement, Value } from '../../src/parser/ast.js';

/** `line:col-line:col` of offsets into the document's text. */
type At = (start: number, end: number) => string;

export function dumpDocument(document: Document): string {
  const at = positionsOf(document.source);
  const lines: string[] = [`document ${at(document.start, document.end)}`];
  for (const statement of document.body) dumpStatement(statement, 1, lines, at);
  for (const comment of document.comments) lines.push(dumpComment(comment, at));
  return lines.join('\n');
}

function positionsOf(source: SourceText): At {
  return (start, end) => formatRange(source.range(start, end));
}

const span = (at: At, node: Span): string => at(node.start, node.end);

function dumpStatement(statement: Statement, depth: number, lines: string[], at: At): void {
  const indent = '  '.repeat(depth);
  if (statement.type === 'Property') {
    lines.push(`${indent}property ${statement.name.text} ${span(at, statement)}`);
    for (const value of statement.values) lines.push(`${indent}  ${dumpValue(value, at)}`);
    return;
  }
  const label = statement.label === undefined ? '' : ` label=${JSON.stringify(statement.label.value)}`;
  const body = statement.body === undefined ? ' (no body)' : '';
  lines.push(
    `${indent}block ${statement.keyword} ${statement.name.text}${label}${body} ${span(at, statement)}` +
      ` keyword=${at(statement.start, statement.keywordEnd)} header=${at(statement.start, statement.headerEnd)}`,
  );
  for (const child of statement.body ?? []) dumpStatement(child, depth + 1, lines, at);
}

function dumpValue(value: Value, positions: At): string {
  const at = span(positions, value);
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
      return `Endpoint ${dumpValue(value.host, positions)} : ${value.port.raw} ${at}`;
    case 'Label':
      return `Label ${JSON.stringify(value.key)} ${positions(value.start, value.keyEnd)} = ${JSON.stringify(value.value)} ${positions(value.valueStart, value.end)} ${at}`;
    case 'Url':
      return `Url ${value.text} ${at}`;
    case 'Comma':
      return `Comma ${at}`;
  }
}

function dumpComment(comment: Comment, at: At): string {
  const where = comment.ownLine ? 'own line' : 'after code';
  return `comment ${comment.marker} ${JSON.stringify(comment.text)} ${where} ${span(at, comment)}`;
}
