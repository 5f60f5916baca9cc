// The fast path (scanner.ts + well-formed.ts) must be invisible: for any text, `parse` gives exactly what
// the Chevrotain lexer and grammar alone give, and the scanner yields the lexer's tokens wherever the
// lexer reports nothing. It must also be taken: every well-formed file (generated from the schema's
// tables, so a new block or property is generated too) is read by the fast reader itself.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSmallTopology, generateTopology } from '../../bench/generate.js';
import { SourceText } from '../../src/diagnostics.js';
import { type Context, NESTING, PROPERTIES } from '../../src/model/schema.js';
import { BLOCK_KEYWORDS } from '../../src/parser/ast.js';
import { MAX_NESTING, parse, parseWithGrammar, stripBom } from '../../src/parser/index.js';
import { lex, UnterminatedString, UnterminatedTriple } from '../../src/parser/lexer.js';
import { NodeBuilder } from '../../src/parser/nodes.js';
import { Scanner } from '../../src/parser/scanner.js';
import { readWellFormed } from '../../src/parser/well-formed.js';
import {
  MAX_GENERATED_DEPTH,
  topoDocument,
  UNGENERATED_PROPERTIES,
  valueText,
  writeDocument,
} from '../helpers/arbitrary-topo.js';

const NUM_RUNS = 300;

/** Statements of valid files, broken in a few places by the generators below. */
const LINES = [
  'machine worker-1 "Worker 1" {',
  'cluster c {',
  'pod p1 {',
  'container app {',
  'volume data { type emptyDir }',
  'group g {',
  'process kubelet { listen 10250 }',
  'process containerd',
  '}',
  'ip 10.0.0.1',
  'pod-cidr 10.0.0.0/24',
  'listen 8080, 53/udp host 53',
  'connect localhost:8080 "health check"',
  'connect worker-1.p1.app:80',
  'connect [fd00::1]:443',
  'mount data at "/data" readonly',
  'labels app=web, app.kubernetes.io/name=x,tier=',
  'selector =odd, a/b/c=d.e',
  'connect https://api.example.com:8443/v1?q=1 "api"',
  'connect http://web.shop.svc/x#frag',
  'listen 8080 http, 53/udp dns',
  'deployment web { replicas 3; on a, b }',
  'service web { port 80 target http node 30080 }',
  'image "nginx:1.27"; role sidecar',
  'doc """\n  two\n  lines\n  """',
  'note "escapes: \\" \\\\ \\n \\u{1F600}"',
  'title "T" # a comment',
  '// a comment',
  '# topodoc-disable-next-line pod-empty -- reason',
  '',
];

/** Pieces that make a file fail somewhere: the fast path must then give way to the grammar. */
const DAMAGE = [
  '{',
  '}',
  ':',
  ',',
  '"open',
  '"""open',
  '@',
  'a.',
  '1.2.',
  '[x]',
  '\\',
  'machine',
  '"\\q"',
  '9'.repeat(20),
  '=',
  'a=b!',
  'x://',
  'a//b=c',
];

const wellFormedish = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...LINES) },
      { weight: 1, arbitrary: fc.constantFrom(...DAMAGE) },
    ),
    { maxLength: 30 },
  )
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((newline) => lines.join(newline)));

const characters = fc
  .array(
    fc.constantFrom(
      'a',
      '1',
      '.',
      '/',
      '"',
      '\\',
      '[',
      ']',
      ':',
      '#',
      ' ',
      '\t',
      '\n',
      '\r',
      '{',
      '}',
      '-',
      '_',
      'u',
      '=',
      ';',
      ',',
    ),
    {
      maxLength: 40,
    },
  )
  .map((list) => list.join(''));

/** Well-formed files from the schema's tables, with each kind of line end. */
const wellFormed = fc
  .tuple(topoDocument.map(writeDocument), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([text, newline]) => text.replaceAll('\n', newline));

function expectSameAsGrammar(text: string): void {
  expect(parse(text, 'f.topo')).toEqual(parseWithGrammar(text, 'f.topo'));
}

/** True when the fast reader reads the text itself (it gives up on anything the grammar reports or recovers from). */
function fastReaderReads(text: string): boolean {
  const source = new SourceText('f.topo', stripBom(text));
  return readWellFormed(source.text, new NodeBuilder(source, () => {})) !== undefined;
}

/** The contexts whose blocks the generator writes, from the file level down to its depth limit. */
function generatedContexts(): Set<Context> {
  const reached = new Set<Context>(['file']);
  let level: Context[] = ['file'];
  for (let depth = 0; depth < MAX_GENERATED_DEPTH; depth++) {
    level = level.flatMap((context) => NESTING[context]).filter((kind) => !reached.has(kind));
    for (const kind of level) reached.add(kind);
  }
  return reached;
}

function lexerReportsSomething(text: string): boolean {
  const lexed = lex(text);
  const unterminated = (type: unknown) => type === UnterminatedString || type === UnterminatedTriple;
  return lexed.errors.length > 0 || lexed.tokens.some((token) => unterminated(token.tokenType));
}

function scanned(text: string): { tokens: string[]; comments: string[]; failed: boolean } {
  const scanner = new Scanner(text);
  const tokens: string[] = [];
  while (scanner.next()) {
    const type = scanner.type as { name: string };
    tokens.push(tokenText({ tokenType: type, startOffset: scanner.start, image: scanner.image() }));
  }
  return { tokens, comments: scanner.comments.map(tokenText), failed: scanner.failed };
}

function tokenText(token: { tokenType: { name: string }; startOffset: number; image: string }): string {
  return `${token.tokenType.name}@${token.startOffset}:${token.image}`;
}

describe('the generator of well-formed files', () => {
  it('writes every block keyword and every property of the schema (but imports), each with sample values', () => {
    const contexts = generatedContexts();
    expect(BLOCK_KEYWORDS.filter((keyword) => !contexts.has(keyword))).toEqual([]);
    const generated = PROPERTIES.filter((spec) => !UNGENERATED_PROPERTIES.includes(spec.name));
    expect(generated.filter((spec) => !spec.contexts.some((context) => contexts.has(context)))).toEqual([]);
    for (const spec of generated) expect(fc.sample(valueText(spec.shape), 3)).toHaveLength(3);
  });
});

describe('the fast path of parse', () => {
  it('reads the generated benchmark topologies itself, the same as the grammar', () => {
    for (const text of [generateSmallTopology(1), generateTopology(0.05).topo]) {
      expect(fastReaderReads(text)).toBe(true);
      expectSameAsGrammar(text);
    }
  });

  it('reads every well-formed file itself, to the tree the grammar gives without a syntax error', () => {
    fc.assert(
      fc.property(wellFormed, (text) => {
        const grammar = parseWithGrammar(text, 'f.topo');
        expect(grammar.diagnostics).toEqual([]);
        expect(fastReaderReads(text)).toBe(true);
        expect(parse(text, 'f.topo')).toEqual(grammar);
      }),
      { numRuns: NUM_RUNS, endOnFailure: true },
    );
  });

  it('gives up only on files the grammar reports a syntax error in', () => {
    fc.assert(
      fc.property(fc.oneof(wellFormedish, characters), (text) => {
        if (!fastReaderReads(text)) expect(parseWithGrammar(text, 'f.topo').diagnostics).not.toEqual([]);
      }),
      { numRuns: NUM_RUNS, endOnFailure: true },
    );
  });

  it('gives what the grammar gives for files that are mostly well formed', () => {
    fc.assert(fc.property(wellFormedish, expectSameAsGrammar), { numRuns: NUM_RUNS, endOnFailure: true });
  });

  it('gives what the grammar gives around the nesting limit', () => {
    for (let depth = MAX_NESTING - 1; depth <= MAX_NESTING + 1; depth++) {
      expectSameAsGrammar(`${'group g {\n'.repeat(depth)}note "x"\n${'}\n'.repeat(depth)}`);
    }
  });

  it('gives what the grammar gives for character soup', () => {
    fc.assert(fc.property(characters, expectSameAsGrammar), { numRuns: NUM_RUNS, endOnFailure: true });
  });

  it('scans the tokens and comments of the lexer, and fails exactly where the lexer reports', () => {
    fc.assert(
      fc.property(fc.oneof(wellFormedish, characters), (text) => {
        const result = scanned(text);
        expect(result.failed).toBe(lexerReportsSomething(text));
        if (result.failed) return;
        const lexed = lex(text);
        expect(result.tokens).toEqual(lexed.tokens.map(tokenText));
        expect(result.comments).toEqual(lexed.comments.map(tokenText));
      }),
      { numRuns: NUM_RUNS, endOnFailure: true },
    );
  });
});
