// The rules run on partial models (a file with model errors still gets its rule findings), so
// they must never throw on one: delete each line of the examples in turn and analyse the rest.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSnippet, ROOT } from './helpers.js';

describe.each(['examples/cluster.topo', 'examples/broken/broken-cluster.topo'])(
  '%s with one line deleted',
  (path) => {
    it('analyses every variant, with findings inside the text', async () => {
      const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
      let withModelErrors = 0;
      for (const [index, line] of lines.entries()) {
        if (/^\s*(#|$)/.test(line)) continue; // deleting a comment or a blank line changes nothing
        const text = [...lines.slice(0, index), ...lines.slice(index + 1)].join('\n');
        const analysis = await analyzeSnippet(text);
        if (analysis.diagnostics.some((d) => d.source === 'model')) withModelErrors++;
        for (const d of analysis.diagnostics) {
          expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
          expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
        }
      }
      // Some deletions leave a model with dangling references: those partial models were checked too.
      expect(withModelErrors).toBeGreaterThan(0);
    });
  },
);
