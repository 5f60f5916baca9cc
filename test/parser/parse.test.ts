// Facts about parse() that goldens show less clearly: position conventions, the BOM, dedent, dedup and the cap.

import { describe, expect, it } from 'vitest';
import type { BlockStatement, PropertyStatement } from '../../src/parser/ast.js';
import { MAX_DIAGNOSTICS, parse } from '../../src/parser/index.js';
import { decodeString, dedent } from '../../src/parser/strings.js';

const first = <T>(text: string): T => parse(text, 'f.topo').document.body[0] as T;

describe('positions', () => {
  it('counts offsets without the BOM and columns in UTF-16 units, ends exclusive', () => {
    const property = first<PropertyStatement>('\uFEFFnote "😀" x');
    expect(property.values[1]?.range).toEqual({
      start: { line: 1, column: 11, offset: 10 },
      end: { line: 1, column: 12, offset: 11 },
    });
  });

  it('treats CRLF as one line end', () => {
    const { document } = parse('process a\r\nprocess b\r\n', 'f.topo');
    expect(document.body[1]?.range.start).toEqual({ line: 2, column: 1, offset: 11 });
    expect(document.range.end).toEqual({ line: 3, column: 1, offset: 22 });
  });

  it('gives a block its keyword, header and full ranges', () => {
    const block = first<BlockStatement>('pod p "P" {\n  ip 10.0.0.1\n}');
    expect(block.keywordRange.end.column).toBe(4);
    expect(block.headerRange.end.column).toBe(10);
    expect(block.range.end).toEqual({ line: 3, column: 2, offset: 27 });
  });
});

describe('strings', () => {
  it('removes common indentation and the blank first and last lines of """ strings', () => {
    expect(dedent('\n    a\n      b\n\n    c\n    ')).toBe('a\n  b\n\nc');
  });

  it('decodes escapes after dedenting, so an escaped newline does not count as a line', () => {
    expect(decodeString('"""\n  x\\n  y\n  """', true).value).toBe('x\n  y');
  });

  it('reports an unknown escape at its offset and keeps it as written', () => {
    expect(decodeString('"a\\qb"', false)).toEqual({
      value: 'a\\qb',
      problems: [
        { start: 2, end: 4, message: 'unknown escape `\\q` in string (known: \\" \\\\ \\n \\t \\u{…})' },
      ],
    });
  });

  it('rejects surrogate code points in \\u{…}', () => {
    expect(decodeString('"\\u{D800}"', false).problems).toHaveLength(1);
  });
});

describe('diagnostics', () => {
  it('are syntax errors from the parser', () => {
    const [diagnostic] = parse('@', 'f.topo').diagnostics;
    expect(diagnostic).toMatchObject({
      file: 'f.topo',
      severity: 'error',
      source: 'parser',
      ruleId: 'syntax',
    });
  });

  it('report every damaged line in one run', () => {
    const { diagnostics } = parse('process "a"\npod 1\n}\nmachine m { @ }\n', 'f.topo');
    expect(diagnostics.map((d) => d.range.start.line)).toEqual([1, 2, 3, 4]);
  });

  it('keep at most MAX_DIAGNOSTICS, the last one counting the rest', () => {
    const { diagnostics } = parse('@ x\n'.repeat(MAX_DIAGNOSTICS + 5), 'f.topo');
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS);
    expect(diagnostics.at(-1)?.message).toBe('6 more syntax errors not shown');
    expect(diagnostics.at(-2)?.message).toBe('unexpected character `@`');
  });

  it('point at the keyword when a name is missing at the end of the file', () => {
    const [diagnostic] = parse('\n  process', 'f.topo').diagnostics;
    expect(diagnostic?.message).toBe('expected a name after `process`, found the end of the file');
    expect(diagnostic?.range.start).toEqual({ line: 2, column: 3, offset: 3 });
  });
});

describe('comments', () => {
  it('keeps every comment with its marker and whether it stands on its own line', () => {
    const { comments } = parse('# a\nkind vm // b\n  #c', 'f.topo').document;
    expect(comments.map((c) => [c.marker, c.text, c.ownLine])).toEqual([
      ['#', ' a', true],
      ['//', ' b', false],
      ['#', 'c', true],
    ]);
  });
});
