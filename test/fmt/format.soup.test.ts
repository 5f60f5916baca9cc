// Token-soup fuzzing of the formatter: whatever the parser accepts formats idempotently and keeps
// its model; whatever it refuses comes back as syntax diagnostics, never as an exception.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/fmt/format.js';
import { modelProjection } from './model-projection.js';
import { soup } from './token-soup.js';

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
