// Facts about parse() that goldens show less clearly: position conventions, the BOM, dedent, dedup and the cap.

import { describe, expect, it } from 'vitest';
import type { BlockStatement, PropertyStatement } from '../../src/parser/ast.js';
import { MAX_DIAGNOSTICS, parse } from '../../src/parser/index.js';
import { decodeString, dedent } from '../../src/parser/strings.js';

const first = <T>(text: string): T => parse(text, 'f.topo').document.body[0] as T;

describe('positions', () => {
  it('counts offsets without the BOM and columns in UTF-16 units, ends exclusive', () => {
    const { document } = parse('\uFEFFnote "😀" x', 'f.topo');
    const property = document.body[0] as PropertyStatement;
    const value = property.values[1];
    expect(value && { start: value.start, end: value.end }).toEqual({ start: 10, end: 11 });
    expect(value && document.source.range(value.start, value.end)).toEqual({
      start: { line: 1, column: 11, offset: 10 },
      end: { line: 1, column: 12, offset: 11 },
    });
  });

  it.each([
    ['CRLF', 'process a\r\nprocess b\r\n', 11, { line: 3, column: 1, offset: 22 }],
    ['a lone CR', 'process a\rprocess b\r', 10, { line: 3, column: 1, offset: 20 }],
  ])('treats %s as one line end', (_, text, second, end) => {
    const { document } = parse(text, 'f.topo');
    const start = document.body[1]?.start ?? -1;
    expect(document.source.positionAt(start)).toEqual({ line: 2, column: 1, offset: second });
    expect(document.source.positionAt(document.end)).toEqual(end);
  });

  it('gives a block its keyword, header and full extents', () => {
    const block = first<BlockStatement>('pod p "P" {\n  ip 10.0.0.1\n}');
    expect([block.start, block.keywordEnd, block.headerEnd, block.end]).toEqual([0, 3, 9, 27]);
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
