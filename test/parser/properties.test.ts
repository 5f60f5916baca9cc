// Property tests: the parser never throws, keeps its diagnostics inside the input, sorted and
// bounded, and recovers at statement level so that declarations after a damaged line survive.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDiagnostics } from '../../src/diagnostics.js';
import { BLOCK_KEYWORDS, type Statement } from '../../src/parser/ast.js';
import { MAX_DIAGNOSTICS, parse, stripBom } from '../../src/parser/index.js';

const NUM_RUNS = 200;

function assertWellFormed(text: string): void {
  const { document, diagnostics } = parse(text, 'prop.topo');
  const length = stripBom(text).length;
  expect(diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS);
  for (const diagnostic of diagnostics) {
    const { start, end } = diagnostic.range;
    expect(diagnostic.ruleId).toBe('syntax');
    expect(0 <= start.offset && start.offset <= end.offset && end.offset <= length).toBe(true);
    expect(start.line >= 1 && start.column >= 1 && end.line >= start.line).toBe(true);
  }
  expect([...diagnostics].sort(compareDiagnostics)).toEqual(diagnostics);
  for (const statement of flatten(document.body)) {
    expect(statement.start).toBeLessThanOrEqual(statement.end);
    expect(statement.end).toBeLessThanOrEqual(length);
  }
}

function flatten(statements: readonly Statement[]): Statement[] {
  return statements.flatMap((s) => [s, ...(s.type === 'Block' ? flatten(s.body ?? []) : [])]);
}

const PIECES = [
  ...BLOCK_KEYWORDS,
  'kind',
  'vm',
  'worker-1',
  'a.b.c',
  '{',
  '}',
  ';',
  ',',
  ':',
  '"str"',
  '"open',
  '"""',
  '"\\u{1F600}"',
  '"\\q"',
  '8080',
  '53/udp',
  '10.0.0.1',
  '10.0.0.0/24',
  '[fd00::1]',
  '[fd00::]/64',
  '1234567890123456789',
  '# comment',
  '// comment',
  '@',
  '\0',
  '\uFEFF',
  'é',
  '😀',
];
const SEPARATORS = [' ', '\n', '\r\n', '\r', '\t', ''];

const tokenSoup = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 80 })
  .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));

describe('parser properties', () => {
  it('handles arbitrary unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), assertWellFormed), {
      numRuns: NUM_RUNS,
    });
  });

  it('handles token soup', () => {
    fc.assert(fc.property(tokenSoup, assertWellFormed), { numRuns: NUM_RUNS });
  });

  it('keeps the declarations after a damaged line', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.nat(), garbageArbitrary, (blocks, lineChoice, garbage) => {
        const { lines, declarations } = render(blocks);
        const damaged = lineChoice % lines.length;
        lines[damaged] = garbage;
        const { document } = parse(lines.join('\n'), 'damaged.topo');
        const found = new Set(
          flatten(document.body).flatMap((s) => (s.type === 'Block' ? [`${s.keyword} ${s.name.text}`] : [])),
        );
        for (const declaration of declarations.filter((d) => d.line > damaged)) {
          expect(found, `${declaration.text} after damaged line ${damaged}`).toContain(declaration.text);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

interface BlockSpec {
  keyword: string;
  label: boolean;
  properties: string[];
  children: BlockSpec[];
  braces: boolean;
}

const PROPERTIES = [
  'kind vm',
  'ip 10.0.0.1',
  'listen 80, 53/udp',
  'connect a.b:80 "x"',
  'note "hi"',
  'mount v at "/d" readonly',
];

const blockArbitrary = (depth: number): fc.Arbitrary<BlockSpec> =>
  fc.record({
    keyword: fc.constantFrom(...BLOCK_KEYWORDS),
    label: fc.boolean(),
    properties: fc.array(fc.constantFrom(...PROPERTIES), { maxLength: 3 }),
    children: depth === 0 ? fc.constant([]) : fc.array(blockArbitrary(depth - 1), { maxLength: 3 }),
    braces: fc.boolean(),
  });

const documentArbitrary = fc.array(blockArbitrary(3), { minLength: 1, maxLength: 4 });

const garbageArbitrary = fc
  .string({ unit: fc.constantFrom(...'abc pod{}[]()<>@$%&*~!?=+-.:,;/\\"\'#0123456789\t'), maxLength: 20 })
  .filter((text) => !text.includes('"""'));

function render(blocks: readonly BlockSpec[]): {
  lines: string[];
  declarations: { line: number; text: string }[];
} {
  const lines: string[] = [];
  const declarations: { line: number; text: string }[] = [];
  const emit = (block: BlockSpec, indent: string): void => {
    const name = `n${declarations.length}`;
    declarations.push({ line: lines.length, text: `${block.keyword} ${name}` });
    const header = `${indent}${block.keyword} ${name}${block.label ? ' "label"' : ''}`;
    if (!block.braces && block.properties.length === 0 && block.children.length === 0) {
      lines.push(header);
      return;
    }
    lines.push(`${header} {`);
    for (const property of block.properties) lines.push(`${indent}  ${property}`);
    for (const child of block.children) emit(child, `${indent}  `);
    lines.push(`${indent}}`);
  };
  for (const block of blocks) emit(block, '');
  return { lines, declarations };
}
