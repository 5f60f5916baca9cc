// Property tests of the formatter on random valid documents: formatting is idempotent, keeps the
// model (model errors and suppressions included) and keeps every comment.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/fmt/format.js';
import { commentsOf, type GenDocument, topoDocument, writeDocument } from '../helpers/arbitrary-topo.js';
import { modelProjection } from './model-projection.js';

const NUM_RUNS = 150;

function formatted(text: string): string {
  const result = format(text, 'input.topo');
  if (!result.ok)
    throw new Error(`syntax errors in generated text:\n${text}\n${JSON.stringify(result.diagnostics)}`);
  return result.text;
}

const generated = topoDocument.map((document: GenDocument) => ({ document, text: writeDocument(document) }));

describe('format properties', () => {
  it('is idempotent: fmt(fmt(x)) == fmt(x)', () => {
    fc.assert(
      fc.property(generated, ({ text }) => {
        const once = formatted(text);
        expect(formatted(once)).toBe(once);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps the model of x', async () => {
    await fc.assert(
      fc.asyncProperty(generated, async ({ text }) => {
        expect(await modelProjection(formatted(text))).toEqual(await modelProjection(text));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps every comment byte-exact, in order when the properties were already in order', () => {
    fc.assert(
      fc.property(generated, ({ document, text }) => {
        const before = commentsOf(text);
        const after = commentsOf(formatted(text));
        if (document.canonical) expect(after).toEqual(before);
        else expect([...after].sort()).toEqual([...before].sort());
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('writes LF text with one final newline, no trailing blank lines and no blank line after `{`', () => {
    fc.assert(
      fc.property(generated, ({ text }) => {
        const output = formatted(text);
        expect(output).not.toContain('\r');
        if (output === '') return;
        expect(output.endsWith('\n')).toBe(true);
        expect(output.endsWith('\n\n')).toBe(false);
        expect(output).not.toMatch(/\n\n\n/);
        expect(output).not.toMatch(/\{\n\n/);
        expect(output).not.toMatch(/\n\n\s*\}/);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
