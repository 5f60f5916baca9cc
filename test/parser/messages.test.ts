// Messages for the mistakes a newcomer makes: a misspelt block keyword gets its "did you mean", an
// unquoted path says paths are strings (one error, however many `/`), and a file's syntax and
// model errors are listed before the rule findings they cause. An IPv6 address without its brackets
// is one error saying how to write it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { BLOCK_KEYWORDS } from '../../src/parser/ast.js';
import { parse } from '../../src/parser/index.js';
import { analyzeText } from '../../src/pipeline/analyze.js';

const syntax = (text: string) => parse(text, 'f.topo').diagnostics.map((d) => d.message);
const inPod = (line: string) =>
  `machine m {\n  pod p {\n    volume data { type emptyDir }\n    container app {\n      ${line}\n    }\n  }\n}\n`;

describe('a misspelt block keyword', () => {
  it('with a body gets "did you mean" the keyword', () => {
    const [message] = syntax('machine m {\n  pod p {\n    contaner app {\n    }\n  }\n}\n');
    expect(message).toMatch(/^unexpected `\{` after `contaner`: .*; did you mean `container`\?$/);
  });

  it('gets no suggestion when no keyword is close', () => {
    expect(syntax('machine m {\n  colour blue {\n  }\n}\n')[0]).not.toContain('did you mean');
  });

  it('with any one letter dropped still gets its keyword suggested', () => {
    const long = BLOCK_KEYWORDS.filter((keyword) => keyword.length >= 5);
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.nat(), (keyword, at) => {
        const i = at % keyword.length;
        const typo = keyword.slice(0, i) + keyword.slice(i + 1);
        expect(syntax(`${typo} x {\n}\n`)[0]).toContain(`did you mean \`${keyword}\`?`);
      }),
    );
  });

  it('without a body reads as a property, and the model error suggests the keyword', async () => {
    const analysis = await analyzeText('machine m {\n  proces kubelet\n}\n', 'f.topo', {
      cwd: process.cwd(),
      config: DEFAULT_CONFIG,
    });
    const error = analysis.diagnostics.find((d) => d.ruleId === 'unknown-property');
    expect(error?.message).toMatch(/did you mean `process`\?$/);
  });
});

describe('an unquoted path', () => {
  it('says paths are strings, once, at the path', () => {
    const { diagnostics } = parse(inPod('mount data at /var/lib/data readonly'), 'f.topo');
    expect(diagnostics.map((d) => [d.message, d.range.start.column, d.range.end.column])).toEqual([
      ['paths are strings: write `"/var/lib/data"`', 21, 34],
    ]);
  });

  it('is one error for any path of one or more segments', () => {
    const segment = fc.stringMatching(/^[a-z0-9._-]{1,8}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const path = `/${segments.join('/')}`;
        // Messages quote at most MAX_SHOWN characters of what was written, then `…`.
        const written = `"${path}"`;
        const shown = written.length > 40 ? `${written.slice(0, 39)}…` : written;
        expect(syntax(inPod(`mount data at ${path}`))).toEqual([`paths are strings: write \`${shown}\``]);
      }),
    );
  });

  it('leaves a lone stray `/` an unexpected character', () => {
    expect(syntax('machine m {\n  note / \n}\n')).toEqual(['unexpected character `/`']);
  });
});

describe('an IPv6 address without brackets', () => {
  const ipv6 = (address: string) =>
    `an IPv6 address is written in brackets, so that \`:PORT\` stays unambiguous: write \`[${address}]\`, and a port after the bracket (\`[${address}]:80\`)`;

  it('is one error over the whole address, wherever its first `::` falls', () => {
    const { diagnostics } = parse(
      'machine m {\n  ip fd00::1\n  process p { connect 2001:db8::1 }\n}\n',
      'f.topo',
    );
    expect(
      diagnostics.map((d) => [d.message, d.range.start.line, d.range.start.column, d.range.end.column]),
    ).toEqual([
      [ipv6('fd00::1'), 2, 6, 13],
      [ipv6('2001:db8::1'), 3, 23, 34],
    ]);
  });

  it('is one error for any address with `::` (property)', () => {
    const group = fc.stringMatching(/^[0-9a-f]{1,4}$/);
    fc.assert(
      fc.property(
        fc.array(group, { minLength: 1, maxLength: 3 }),
        fc.array(group, { maxLength: 3 }),
        (head, tail) => {
          const address = `${head.join(':')}::${tail.join(':')}`;
          expect(syntax(`machine m {\n  process p { connect ${address} }\n}\n`)).toEqual([ipv6(address)]);
        },
      ),
      { endOnFailure: true },
    );
  });

  it('is not what a name with colons is taken for', () => {
    expect(syntax('machine m {\n  process p { connect a:b:c }\n}\n')[0]).toBe(
      'expected a port number after `:`, found the name `b`',
    );
  });

  it('in brackets is read', () => {
    expect(syntax('machine m {\n  process p { connect [fd00::1]:80 }\n}\n')).toEqual([]);
  });
});

describe('the order of diagnostics', () => {
  it("lists a file's syntax and model errors before the rule findings they cause", async () => {
    const text =
      'machine m {\n  proces kubelet\n  process containerd\n  pod p { container c { image "x:1" } }\n}\n';
    const analysis = await analyzeText(text, 'f.topo', { cwd: process.cwd(), config: DEFAULT_CONFIG });
    const ids = analysis.diagnostics.map((d) => `${d.range.start.line}:${d.ruleId}`);
    expect(ids[0]).toBe('2:unknown-property');
    expect(ids).toContain('1:node-missing-kubelet');
  });
});
