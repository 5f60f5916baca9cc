// Token-soup fuzzing of the formatter: whatever the parser accepts formats idempotently and keeps
// its model; whatever it refuses comes back as syntax diagnostics, never as an exception.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/fmt/format.js';
import { modelProjection } from './model-projection.js';

const TOKENS = [
  'machine',
  'pod',
  'container',
  'process',
  'group',
  'volume',
  'cluster',
  'm',
  'p',
  'c',
  'kind',
  'listen',
  'connect',
  'image',
  'doc',
  'note',
  'ip',
  '80',
  '53/udp',
  '10.0.0.1',
  'a.b:80',
  '"s"',
  '"""\n  x\n   y\n  """',
  '{',
  '}',
  ';',
  ',',
  '\n',
  '\n\n',
  ' ',
  '\t',
  '# c',
  '// d',
  '# topodoc-disable-next-line image-unpinned -- r',
];

const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((tokens) => tokens.join(' '));

describe('format on token soup', () => {
  it('never throws; accepted text formats idempotently and keeps its model', async () => {
    await fc.assert(
      fc.asyncProperty(soup, async (text) => {
        const result = format(text, 'soup.topo');
        if (!result.ok) {
          expect(result.diagnostics.every((d) => d.ruleId === 'syntax')).toBe(true);
          return;
        }
        expect(format(result.text, 'soup.topo')).toEqual(result);
        expect(await modelProjection(result.text)).toEqual(await modelProjection(text));
      }),
      { numRuns: 300 },
    );
  });
});
