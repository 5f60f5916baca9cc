// Parser goldens: every test/fixtures/parser/<case>/input.topo against its expected.txt
// (diagnostics, then the syntax-tree dump). Update with `UPDATE_GOLDEN=1 npx vitest run test/parser`.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnosticLine } from '../../src/diagnostics.js';
import { parse } from '../../src/parser/index.js';
import { expectGolden } from '../helpers/golden.js';
import { dumpDocument } from './dump.js';

const fixtures = join(import.meta.dirname, '../fixtures/parser');
const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('parser goldens', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s', (name) => {
    const text = readFileSync(join(fixtures, name, 'input.topo'), 'utf8');
    const { document, diagnostics } = parse(text, 'input.topo');
    const report = diagnostics.map(formatDiagnosticLine).join('\n') || '(no diagnostics)';
    const actual = `# diagnostics\n${report}\n\n# syntax tree\n${dumpDocument(document)}\n`;
    expectGolden(actual, join(fixtures, name, 'expected.txt'));
  });
});
