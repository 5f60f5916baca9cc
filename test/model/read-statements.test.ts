// A file read statement by statement (the parser's `readStatements`, as load.ts reads every file)
// must give the model, diagnostics and suppressions that its whole syntax tree gives: for every
// example and fixture, generated well-formed files, blocks whose bodies the model never reads, and
// random texts (any nesting, token errors, directives, damage) loaded the way load.ts loads them.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateTopology } from '../../bench/generate.js';
import { SourceText } from '../../src/diagnostics.js';
import { buildModel } from '../../src/model/build.js';
import { loadTopologyFromText } from '../../src/model/index.js';
import { NotWellFormedError, parse, readStatements, readTree } from '../../src/parser/index.js';
import { topoDocument, writeDocument } from '../helpers/arbitrary-topo.js';

const REPO = path.resolve(import.meta.dirname, '../..');

/**
 * The model as a tree: each object written out at its first visit in a depth-first walk and named
 * by its visit number afterwards (the model's parents and references make a graph that deep equality
 * would walk again and again); a source text stands for its file name.
 */
function written(model: unknown): unknown {
  const seen = new Map<object, number>();
  const write = (value: unknown): unknown => {
    if (value instanceof SourceText) return { source: value.file };
    if (typeof value !== 'object' || value === null) return value;
    const visit = seen.get(value);
    if (visit !== undefined) return { seen: visit };
    seen.set(value, seen.size);
    if (Array.isArray(value)) return value.map(write);
    if (value instanceof Map) return { map: [...value].map(([key, item]) => [write(key), write(item)]) };
    if (value instanceof Set) return { set: [...value].map(write) };
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, write(item)]));
  };
  return write(model);
}

function fromTree(text: string) {
  const { document, diagnostics } = parse(text, 'f.topo');
  return { built: buildModel('f.topo', readTree(document)), syntax: diagnostics };
}

function fromStatements(text: string) {
  const reader = readStatements(text, 'f.topo');
  return { built: buildModel('f.topo', reader), syntax: reader.diagnostics() };
}

function expectSameModel(text: string): void {
  const streamed = fromStatements(text);
  const whole = fromTree(text);
  expect(streamed.syntax).toEqual(whole.syntax);
  expect(streamed.built.diagnostics).toEqual(whole.built.diagnostics);
  expect(written(streamed.built.model)).toEqual(written(whole.built.model));
}

function topoFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.topo'))
    .map((name) => path.join(directory, name))
    .sort();
}

describe('reading a file statement by statement', () => {
  it.each([...topoFiles(path.join(REPO, 'examples')), ...topoFiles(path.join(REPO, 'test/fixtures'))])(
    'builds the model of its whole tree: %s',
    (file) => {
      const text = readFileSync(file, 'utf8');
      let streamed: ReturnType<typeof fromStatements>;
      try {
        streamed = fromStatements(text);
      } catch (error) {
        // Refused only where the grammar reports a syntax error.
        expect(error).toBeInstanceOf(NotWellFormedError);
        expect(parse(text, 'f.topo').diagnostics.length).toBeGreaterThan(0);
        return;
      }
      const whole = fromTree(text);
      expect(streamed.syntax).toEqual(whole.syntax);
      expect(streamed.built.diagnostics).toEqual(whole.built.diagnostics);
      expect(written(streamed.built.model)).toEqual(written(whole.built.model));
    },
  );

  it('builds the model of its whole tree for generated files, comments and directives included', () => {
    fc.assert(
      fc.property(topoDocument.map(writeDocument), (text) => expectSameModel(text)),
      { numRuns: 200, endOnFailure: true },
    );
  });

  it('builds the model of a generated cluster of a hundred pods', () => {
    expectSameModel(generateTopology(0.05).topo);
  });

  it('passes over the bodies of blocks the model does not read, reporting their syntax errors', () => {
    const text = [
      '# topodoc-disable-next-line pod-empty -- inside a misplaced block',
      'machine m1 {',
      '  machine inner {',
      '    pod p { container c { listen 123456789012345678 } }',
      '    # topodoc-disable-next-line pod-empty -- the next statement is in a skipped body',
      '    group g { note "\\q" }',
      '  }',
      '  process after { listen 80 }',
      '}',
      'cluster a { machine m2 }',
      'cluster b {',
      '  machine m3 { pod q {} }',
      '}',
      'machine m4',
    ].join('\n');
    expectSameModel(text);
    const streamed = fromStatements(text);
    expect(streamed.syntax.map((diagnostic) => diagnostic.range.start.line)).toEqual([4, 6]);
    expect(streamed.built.model.cluster.machines.map((machine) => machine.name)).toEqual(['m1', 'm2', 'm4']);
    const m1 = streamed.built.model.cluster.machines[0];
    expect(m1?.processes.map((process) => process.name)).toEqual(['after']);
    expect(streamed.built.model.suppressions.map((suppression) => suppression.targetLine)).toEqual([2, 6]);
  });

  it('stops at the first syntax error the grammar must judge, after handing out what came before', () => {
    const reader = readStatements('machine a { ip 10.0.0.1 }\nmachine b {\n', 'f.topo');
    expect(reader.next()?.type).toBe('Block');
    expect(reader.next()?.type).toBe('Block');
    expect(reader.enterBody()).toBe(true);
    expect(() => reader.next()).toThrow(NotWellFormedError);
  });
});

/** Statements of any block in any block (so bodies the model passes over), token errors, directives, `;`. */
const LINES = [
  'ip 10.0.0.1',
  'listen 80, 53/udp',
  'listen 123456789012345678901234',
  'note "\\q"',
  'image "nginx"',
  'connect web.app:8080 "label"',
  'import 12',
  'unknown-thing 1',
  'process kubelet',
  'volume data',
  '# topodoc-disable-next-line pod-empty, image-unpinned -- reason',
  '# topodoc-disable image-unpinned -- reason',
  '// topodoc-disable-next-line no-such-rule -- reason',
  '# topodoc-disable-next-line pod-empty',
  '# plain comment',
  '',
];
type Node = string | { keyword: string; name: string; children: Node[] };
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...LINES),
    fc.record({
      keyword: fc.constantFrom(
        'cluster',
        'machine',
        'group',
        'process',
        'pod',
        'container',
        'volume',
        'service',
      ),
      name: fc.constantFrom('a', 'b', 'web', 'kubelet'),
      children: fc.array(tie('node'), { maxLength: 4 }),
    }),
  ),
})).node;
const writeNode = (item: Node, indent: string, separator: string): string =>
  typeof item === 'string'
    ? `${indent}${item}\n`
    : `${indent}${item.keyword} ${item.name} {${separator}${item.children.map((child) => writeNode(child, `${indent}  `, separator)).join('')}${indent}}\n`;
/** The text, damaged at one random place half the time: most damage leaves a syntax error to the grammar. */
const anyText = fc
  .tuple(
    fc.array(node, { maxLength: 6 }),
    fc.constantFrom('\n', ' ; '),
    fc.option(fc.tuple(fc.nat(), fc.constantFrom('{', '}', '"', '@', '::', '\n}\n', '#')), { freq: 2 }),
  )
  .map(([nodes, separator, damage]) => {
    const text = nodes.map((item) => writeNode(item, '', separator)).join('');
    if (damage === null) return text;
    const [at, token] = damage;
    const cut = at % (text.length + 1);
    return text.slice(0, cut) + token + text.slice(cut);
  });

describe('loading any text, statement by statement until a syntax error stops it', () => {
  it('gives the diagnostics and model of its whole tree', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const loaded = await loadTopologyFromText(text, 'f.topo', { cwd: REPO });
        const whole = fromTree(text);
        expect(loaded.hasSyntaxErrors).toBe(whole.syntax.length > 0);
        expect(loaded.diagnostics).toEqual(loaded.hasSyntaxErrors ? whole.syntax : whole.built.diagnostics);
        expect(written(loaded.model)).toEqual(written(whole.built.model));
      }),
      { numRuns: 300, endOnFailure: true },
    );
  });
});

describe('loading a file with a syntax error found while its model is built', () => {
  it('reports what parsing the whole file reports, and the model of its recovered tree', async () => {
    const lines = generateTopology(0.05).topo.split('\n');
    lines.splice(lines.length - 5, 0, '  machine broken { ip 10.0.0.1 @ }');
    const text = lines.join('\n');
    const loaded = await loadTopologyFromText(text, 'f.topo', { cwd: REPO });
    const whole = fromTree(text);
    expect(loaded.hasSyntaxErrors).toBe(true);
    expect(loaded.diagnostics).toEqual(whole.syntax);
    expect(written(loaded.model)).toEqual(written(whole.built.model));
  });
});
