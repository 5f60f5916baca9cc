// `fmt` never changes what `check` says: for every input that formats, the findings of the
// formatted text (severity, rule and message; positions move with the layout) are those of the
// input, over the token-soup corpus (with directive, `;` and BOM shapes) and the generated documents.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { format } from '../../src/fmt/format.js';
import { analyzeText } from '../../src/pipeline/analyze.js';
import { topoDocument, writeDocument } from '../helpers/arbitrary-topo.js';
import { TOKENS } from './token-soup.js';

const OPTIONS = { cwd: '/virtual-fmt', config: DEFAULT_CONFIG, reportUnusedDisableDirectives: true };

/** The findings `check` reports, without positions (line numbers in messages included). */
async function findings(text: string): Promise<string[]> {
  const analysis = await analyzeText(text, 'input.topo', OPTIONS);
  return analysis.diagnostics
    .map((d) => `${d.severity} ${d.ruleId}: ${d.message.replace(/\bline \d+/g, 'line N')}`)
    .sort();
}

async function expectSameFindings(text: string): Promise<void> {
  const result = format(text, 'input.topo');
  if (!result.ok) return;
  expect(await findings(result.text)).toEqual(await findings(text));
}

const DIRECTIVE_TOKENS = [
  '# topodoc-disable image-unpinned -- r',
  '# topodoc-disable RULE -- x',
  '# topodoc-disable control-plane-incomplete -- r',
  '// topodoc-disable-next-line image-unpinned -- r',
  '\uFEFF',
  ';',
];

const tokenSoup = fc
  .tuple(
    fc.constantFrom('', '\uFEFF', '\uFEFF\uFEFF'),
    fc.array(fc.constantFrom(...TOKENS, ...DIRECTIVE_TOKENS), { maxLength: 40 }),
  )
  .map(([start, tokens]) => start + tokens.join(' '));

describe('fmt keeps the findings of check', () => {
  it('on token soup with directives, `;` and byte order marks', async () => {
    await fc.assert(fc.asyncProperty(tokenSoup, expectSameFindings), { numRuns: 400 });
  });

  it('on generated documents', async () => {
    await fc.assert(
      fc.asyncProperty(topoDocument, (document) => expectSameFindings(writeDocument(document))),
      { numRuns: 150 },
    );
  });

  it.each([
    [
      'an invalid file-wide directive after `;`',
      '; # topodoc-disable control-plane-incomplete -- x\nmachine m {\n  process kubelet\n}\n',
    ],
    [
      'an invalid directive after `;` in a block',
      'machine m {\n  process kubelet\n ; # topodoc-disable node-missing-kube-proxy -- x\n}\n',
    ],
    ['an invalid directive with a bad rule id after `;`', '; # topodoc-disable RULE -- x\nmachine m {}\n'],
  ])('keeps %s invalid', async (_, text) => {
    expect(await findings(text)).toContainEqual(expect.stringMatching(/^error invalid-directive: /));
    await expectSameFindings(text);
  });
});

describe('fmt refuses what check refuses', () => {
  it('refuses a text starting with two byte order marks, as check does', async () => {
    const text = '\uFEFF\uFEFFmachine m {}\n';
    expect(await findings(text)).toContainEqual(expect.stringMatching(/^error syntax: /));
    const result = format(text, 'input.topo');
    expect(result.ok).toBe(false);
    expect(format('\uFEFFmachine m {}\n', 'input.topo')).toEqual({ ok: true, text: 'machine m {}\n' });
  });

  it('refuses a lone surrogate instead of writing an escape the parser rejects', () => {
    const result = format('machine m {\n  note "a\uDC72b"\n}\n', 'input.topo');
    expect(result).toEqual({
      ok: false,
      diagnostics: [
        expect.objectContaining({
          ruleId: 'syntax',
          range: expect.objectContaining({ start: { line: 2, column: 10, offset: 21 } }),
          message: expect.stringContaining('lone surrogate U+DC72'),
        }),
      ],
    });
    // A surrogate pair is one character and formats as written.
    expect(format('machine m {\n  note "\uD83D\uDE00"\n}\n', 'input.topo')).toEqual({
      ok: true,
      text: 'machine m {\n  note "\uD83D\uDE00"\n}\n',
    });
  });
});
