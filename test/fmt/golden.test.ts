// Golden cases of the formatter: test/fixtures/fmt/<case>/input.topo must format to expected.topo
// (UPDATE_GOLDEN=1 rewrites the expected files), which is itself formatted and keeps the model.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/fmt/format.js';
import { modelProjection } from './model-projection.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/fmt/', import.meta.url));
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function formatted(text: string): string {
  const result = format(text, 'input.topo');
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.text;
}

describe('fmt golden cases', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of cases) {
    describe(name, () => {
      const input = readFileSync(join(FIXTURES, name, 'input.topo'), 'utf8');
      const expectedPath = join(FIXTURES, name, 'expected.topo');

      it('formats to expected.topo', () => {
        const output = formatted(input);
        if (process.env.UPDATE_GOLDEN === '1' || !existsSync(expectedPath))
          writeFileSync(expectedPath, output);
        expect(output).toBe(readFileSync(expectedPath, 'utf8'));
      });

      it('leaves expected.topo unchanged (idempotent)', () => {
        const expected = readFileSync(expectedPath, 'utf8');
        expect(formatted(expected)).toBe(expected);
      });

      it('keeps the model, model errors included', async () => {
        const output = formatted(input);
        expect(await modelProjection(output)).toEqual(await modelProjection(input));
      });
    });
  }
});
