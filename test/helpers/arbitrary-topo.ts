// Test helper: fast-check arbitraries of syntactically valid `.topo` text, derived from the schema's
// tables (NESTING for blocks, PROPERTIES for properties and their value shapes), with random labels,
// comments, odd spacing, blank lines and `;`: the formatter's property tests and the parser's
// differential tests (test/parser/well-formed.test.ts) read it.

import fc from 'fast-check';
import { type Context, NESTING, propertiesOf, type ValueShape } from '../../src/model/schema.js';
import type { BlockKeyword } from '../../src/parser/ast.js';

export interface GenProperty {
  type: 'property';
  text: string;
  /** Position in the context's canonical order (unknown properties last). */
  rank: number;
}

export interface GenBlock {
  type: 'block';
  header: string;
  /** undefined: written without braces. */
  body?: GenStatement[];
}

export type GenStatement = (GenProperty | GenBlock) & Layout;

/** How one statement is written: comments around it and what follows it. */
interface Layout {
  leading: string[];
  /** A `topodoc-disable-next-line` directive right before the statement. */
  directive: boolean;
  trailing?: string;
  afterBrace?: string;
  dangling: string[];
  /** The block's body is written on its header's line (`{ a; b }`), without comments. */
  inline: boolean;
  blankBefore: boolean;
  separator: '\n' | '\n\n' | ';\n' | '; ' | ' ;  ';
  indent: string;
}

export interface GenDocument {
  header: string[];
  body: GenStatement[];
  dangling: string[];
  /** Properties are generated in canonical order before child blocks: comments keep their order. */
  canonical: boolean;
}

const COMMENT_TEXTS = [
  '# plain',
  '#',
  '#no space',
  '// slashes',
  '#   indented text   ',
  '# unicode ✓ 日本語 😀',
  '# quotes " and { braces }',
  '## double',
  '// # mixed',
];
const comment = fc.constantFrom(...COMMENT_TEXTS);
const comments = (max: number) => fc.array(comment, { maxLength: max });

const STRINGS = [
  '"x"',
  '"with \\"quotes\\" and \\\\ backslash"',
  '"tab\\there"',
  '"unicode ✓ 😀"',
  '"\\u{1F600} escaped"',
  '""',
  '"""one line"""',
  '"""\n    first\n      second\n\n    third\n    """',
  '"""\n\tfirst\n\t  tabbed\n  """',
];
const NAMES = ['a', 'b-1', 'pod_2', 'kind', 'ip', 'process', 'x-y-z', 'emptyDir'];

/** Properties never generated: an `import` would make the formatter's tests read other files. */
export const UNGENERATED_PROPERTIES: readonly string[] = ['import'];

/** Blocks nest at most this deep below the file level. */
export const MAX_GENERATED_DEPTH = 5;

/** Values of one shape as users write them (some the model refuses, none the parser does). */
export function valueText(shape: ValueShape): fc.Arbitrary<string> {
  switch (shape.type) {
    case 'string':
      return fc.constantFrom(...STRINGS);
    case 'cidr':
      return fc.constantFrom('10.0.0.0/24', '192.168.0.0/16', '[fd00::]/64', '10.1.0.0/33');
    case 'ipv4':
      return fc.constantFrom('10.0.0.1', '192.168.56.10', '[fd00::1]', '300.1.1.1');
    case 'enum':
      return fc.constantFrom(...shape.members, 'bogus');
    case 'name':
      return fc.constantFrom('emptyDir', 'kube-system', 'hostPath');
    case 'ports':
      return fc.constantFrom(
        '80',
        '53/udp',
        '80 ,443',
        '8080 host 80',
        '9000/sctp,   9001',
        '0080',
        '8080 http, 53/udp dns',
      );
    case 'endpoint':
      return fc.constantFrom(
        'localhost:80 "label"',
        'a.b:443',
        '10.0.0.1:8080',
        'kind',
        '[fd00::1]:53 "v6"',
        'https://api.example.com/v1 "api"',
        'web.shop.svc.cluster.local:80',
      );
    case 'service-port':
      return fc.constantFrom(
        '80',
        '80 target 8080',
        '53/udp dns target dns',
        '80 http target http node 30080',
      );
    case 'labels':
      return fc.constantFrom('app=web', 'app=web, tier=frontend', 'app.kubernetes.io/name=x,tier=');
    case 'names':
      return fc.constantFrom('a', 'a, b-1', 'worker-1,worker-2');
    case 'count':
      return fc.constantFrom('0', '3', '10');
    case 'volume-type':
      return fc.constantFrom('emptyDir', 'secret tls', 'configMap nginx-conf', 'Secret', 'hostPath');
    case 'mount':
      return fc.constantFrom('data at "/data"', 'a at "/x" readonly');
    case 'boolean':
      return fc.constantFrom('', 'true', 'false');
  }
}

function property(context: Context): fc.Arbitrary<GenProperty> {
  const specs = propertiesOf(context).filter((spec) => !UNGENERATED_PROPERTIES.includes(spec.name));
  const known = specs.map((spec, rank) =>
    fc.tuple(valueText(spec.shape), fc.constantFrom(' ', '  ', '\t')).map(
      ([value, space]): GenProperty => ({
        type: 'property',
        rank,
        text: value === '' ? spec.name : `${spec.name}${space}${value}`,
      }),
    ),
  );
  const unknown = fc
    .constantFrom('colour blue', 'frobnicate 1, 2')
    .map((text): GenProperty => ({ type: 'property', rank: specs.length, text }));
  return fc.oneof({ arbitrary: fc.oneof(...known), weight: 9 }, { arbitrary: unknown, weight: 1 });
}

const layout: fc.Arbitrary<Layout> = fc.record({
  leading: comments(2),
  directive: fc.nat(9).map((roll) => roll === 0),
  trailing: fc.option(comment, { nil: undefined }),
  afterBrace: fc.option(comment, { nil: undefined }),
  dangling: comments(1),
  inline: fc.boolean(),
  blankBefore: fc.boolean(),
  separator: fc.constantFrom('\n', '\n\n', ';\n', '; ', ' ;  '),
  indent: fc.constantFrom('', '  ', '    ', '\t', '   '),
});

function withLayout<T extends GenProperty | GenBlock>(statement: fc.Arbitrary<T>): fc.Arbitrary<T & Layout> {
  return fc.tuple(statement, layout).map(([value, chosen]) => ({ ...value, ...chosen }));
}

function block(keyword: BlockKeyword, depth: number, canonical: boolean): fc.Arbitrary<GenStatement> {
  const header = fc
    .tuple(
      fc.constantFrom(...NAMES),
      fc.option(fc.nat(99), { nil: '' }),
      fc.option(fc.constantFrom('"Label"', '"ラベル ✓"', '"a \\"b\\""')),
    )
    .map(([name, suffix, label]) => `${keyword} ${name}${suffix}${label === null ? '' : ` ${label}`}`);
  const body = fc.option(statements(keyword, depth + 1, canonical), { nil: undefined, freq: 4 });
  return withLayout(fc.record({ type: fc.constant('block' as const), header, body }));
}

function statements(context: Context, depth: number, canonical: boolean): fc.Arbitrary<GenStatement[]> {
  const properties = fc.array(withLayout(property(context)), { maxLength: 4 });
  const children = NESTING[context];
  const blocks =
    depth >= MAX_GENERATED_DEPTH || children.length === 0
      ? fc.constant<GenStatement[]>([])
      : fc.array(
          fc.constantFrom(...children).chain((keyword) => block(keyword, depth, canonical)),
          { maxLength: depth === 0 ? 3 : 2 },
        );
  return fc.tuple(properties, blocks).chain(([props, kids]): fc.Arbitrary<GenStatement[]> => {
    if (canonical) {
      // Array.prototype.sort is stable: equal ranks keep their generated order.
      return fc.constant([...[...props].sort((a, b) => a.rank - b.rank), ...kids]);
    }
    return fc.shuffledSubarray<GenStatement>([...props, ...kids], { minLength: props.length + kids.length });
  });
}

export const topoDocument: fc.Arbitrary<GenDocument> = fc.boolean().chain((canonical) =>
  fc.record({
    header: comments(2),
    body: statements('file', 0, canonical),
    dangling: comments(2),
    canonical: fc.constant(canonical),
  }),
);

const FILE_DIRECTIVE = '# topodoc-disable image-unpinned -- generated';
const NEXT_LINE_DIRECTIVE = '# topodoc-disable-next-line image-unpinned, volume-unused -- generated';

/** Writes a generated document as text, tracking whether the output is at the start of a line. */
export function writeDocument(document: GenDocument): string {
  const writer = new Writer();
  if (document.header.length > 0) {
    writer.ownLine('', FILE_DIRECTIVE);
    for (const text of document.header) writer.ownLine('', text);
    writer.text('\n');
  }
  writeBody(writer, document.body, false);
  for (const text of document.dangling) writer.ownLine('', text);
  return writer.out;
}

function writeBody(writer: Writer, body: readonly GenStatement[], inline: boolean): void {
  for (const statement of body) {
    if (!inline) {
      if (statement.blankBefore) writer.ensureLineStart();
      if (statement.blankBefore) writer.text('\n');
      for (const text of statement.leading) writer.ownLine(statement.indent, text);
      if (statement.directive) writer.ownLine(statement.indent, NEXT_LINE_DIRECTIVE);
    }
    if (writer.atLineStart) writer.text(statement.indent);
    writeStatement(writer, statement, inline);
    if (!inline && statement.trailing !== undefined) {
      writer.text(` ${statement.trailing}\n`);
    } else if (inline) {
      writer.text('; ');
    } else {
      // The line a directive targets holds only that statement.
      writer.text(statement.directive ? '\n' : statement.separator);
    }
  }
}

function writeStatement(writer: Writer, statement: GenStatement, inline: boolean): void {
  if (statement.type === 'property') {
    writer.text(statement.text);
    return;
  }
  writer.text(statement.header);
  if (statement.body === undefined) return;
  const bodyInline = inline || (statement.inline && !statement.directive);
  if (bodyInline) {
    writer.text(' { ');
    writeBody(writer, statement.body, true);
    writer.text('}');
    return;
  }
  writer.text(' {');
  if (statement.afterBrace !== undefined) writer.text(` ${statement.afterBrace}`);
  writer.text('\n');
  writeBody(writer, statement.body, false);
  for (const text of statement.dangling) writer.ownLine(statement.indent, text);
  writer.ensureLineStart();
  writer.text(`${statement.indent}}`);
}

class Writer {
  out = '';

  get atLineStart(): boolean {
    return this.out === '' || this.out.endsWith('\n');
  }

  text(text: string): void {
    this.out += text;
  }

  ensureLineStart(): void {
    if (!this.atLineStart) this.out += '\n';
  }

  ownLine(indent: string, text: string): void {
    this.ensureLineStart();
    this.out += `${indent}${text}\n`;
  }
}

/** Every comment of a written document, in source order (marker included). */
export function commentsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => stripCode(line))
    .filter((found): found is string => found !== undefined);
}

/** The comment on one generated line: generated strings never contain `#` or `//` (URLs' `://` is code). */
function stripCode(line: string): string | undefined {
  const hash = line.indexOf('#');
  const slash = line.replaceAll('://', ':__').indexOf('//');
  const starts = [hash, slash].filter((index) => index !== -1);
  if (starts.length === 0) return undefined;
  return line.slice(Math.min(...starts));
}
