// The fast path (scanner.ts + well-formed.ts) must be invisible: for any text, `parse` gives exactly what
// the Chevrotain lexer and grammar alone give, and the scanner yields the lexer's tokens wherever the
// lexer reports nothing.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSmallTopology, generateTopology } from '../../bench/generate.js';
import { SourceText } from '../../src/diagnostics.js';
import { MAX_NESTING, parse, parseWithGrammar, stripBom } from '../../src/parser/index.js';
import { lex, UnterminatedString, UnterminatedTriple } from '../../src/parser/lexer.js';
import { NodeBuilder } from '../../src/parser/nodes.js';
import { Scanner } from '../../src/parser/scanner.js';
import { readWellFormed } from '../../src/parser/well-formed.js';

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

function expectSameAsGrammar(text: string): void {
  expect(parse(text, 'f.topo')).toEqual(parseWithGrammar(text, 'f.topo'));
}

function lexerReportsSomething(text: string): boolean {
  const lexed = lex(text);
  const unterminated = (type: unknown) => type === UnterminatedString || type === UnterminatedTriple;
  return lexed.errors.length > 0 || lexed.tokens.some((token) => unterminated(token.tokenType));
}

function scanned(text: string): { tokens: string[]; comments: string[]; failed: boolean } {
  const scanner = new Scanner(text);
  const tokens: string[] = [];
  for (let token = scanner.next(); token !== undefined; token = scanner.next()) tokens.push(tokenText(token));
  return { tokens, comments: scanner.comments.map(tokenText), failed: scanner.failed };
}

function tokenText(token: { tokenType: { name: string }; startOffset: number; image: string }): string {
  return `${token.tokenType.name}@${token.startOffset}:${token.image}`;
}

describe('the fast path of parse', () => {
  it('reads the generated benchmark topologies itself, the same as the grammar', () => {
    for (const text of [generateSmallTopology(1), generateTopology(0.05).topo]) {
      expect(
        readWellFormed(stripBom(text), new NodeBuilder(new SourceText('f.topo', stripBom(text)), () => {})),
      ).toBeDefined();
      expectSameAsGrammar(text);
    }
  });

  it('gives what the grammar gives for files that are mostly well formed', () => {
    fc.assert(fc.property(wellFormedish, expectSameAsGrammar), { numRuns: NUM_RUNS });
  });

  it('gives what the grammar gives around the nesting limit', () => {
    for (let depth = MAX_NESTING - 1; depth <= MAX_NESTING + 1; depth++) {
      expectSameAsGrammar(`${'group g {\n'.repeat(depth)}note "x"\n${'}\n'.repeat(depth)}`);
    }
  });

  it('gives what the grammar gives for character soup', () => {
    fc.assert(fc.property(characters, expectSameAsGrammar), { numRuns: NUM_RUNS });
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
      { numRuns: NUM_RUNS },
    );
  });
});
